"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_459de25692059187.txt"
SAMPLE = ROOT / "sample" / "sample-article.txt"

# Playwright's sync API runs an event loop; Django's ORM calls inside the live
# server thread are still synchronous, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _empty_cache():
    """The reader cache lives in the process: no test sees another's pages."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not here ({SEED}): ../shared is absent")
    return SEED


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def curator(client: Client) -> Client:
    """A test client signed in as a superuser (the admin's curator)."""
    User.objects.create_superuser("curator", "", "pw-curator-1")
    client.login(username="curator", password="pw-curator-1")
    return client
