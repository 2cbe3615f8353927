"""manage.py demo_editor : a local editor account, so a newcomer can try editing at once."""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the demo superuser 'editor' (DEBUG only) unless a superuser exists."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("demo_editor only runs with DEBUG on; use createsuperuser")
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            self.stdout.write("a superuser exists already; no demo account created")
            return
        password = os.environ.get("QARI_EDITOR_PASSWORD", "qari-editor")
        users.create_superuser("editor", "", password)
        self.stdout.write(f"sign in as editor / {password} to edit annotations and use the admin")
