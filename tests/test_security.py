"""Security, kept fixed: deployment settings, response headers, login throttling and who
may edit what. Hostile text on every page type in a real browser is in
test_security_browser.py.
"""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse

from newsreader.news.models import (
    Alias,
    Article,
    DroppedLine,
    EditLog,
    Entity,
    Mention,
)
from tests.factories import (
    make_agenda,
    make_article,
    make_event,
    make_mention,
    make_user,
    paragraph,
)

ROOT = Path(__file__).resolve().parent.parent


HX = {"HTTP_HX_REQUEST": "true"}
KEY = "test-only-" + "k3y" * 20


def security_variable(key: str) -> bool:
    """An environment variable the deployment settings read (the tests set their own)."""
    return key.startswith(("SECURE_", "SESSION_", "CSRF_")) or key in (
        "DEBUG", "HTTPS", "SECRET_KEY", "ALLOWED_HOSTS", "PROXY_SSL_HEADER"
    )  # fmt: skip


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py in a fresh process with exactly these settings variables."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not security_variable(k)
        and k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- deployment settings ---------------------------------------------------------------


def test_the_deploy_check_prints_no_warning_with_production_settings() -> None:
    result = manage(
        "check", "--deploy", DEBUG="0", SECRET_KEY=KEY, ALLOWED_HOSTS="news.example", HTTPS="1"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_without_https_the_deploy_check_names_what_is_missing() -> None:
    """The check is able to fail: the same run without HTTPS=1 warns (HSTS, redirect, cookies)."""
    result = manage("check", "--deploy", DEBUG="0", SECRET_KEY=KEY, ALLOWED_HOSTS="news.example")
    for code in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert code in result.stderr + result.stdout


SHOWN = (
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
)


def settings_under(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> str:
    """newsreader/settings.py evaluated afresh with exactly these settings variables.

    In this process (runpy, a new namespace: the running settings are untouched);
    the deploy checks above run whole processes.
    """
    for key in list(os.environ):
        if security_variable(key):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    values = runpy.run_path(str(ROOT / "newsreader" / "settings.py"))
    return " ".join(str(values.get(name)) for name in SHOWN)


@pytest.mark.parametrize(
    ("env", "shown"),
    [
        ({}, "False False False False 0 None"),
        ({"HTTPS": "1"}, "False True True True 31536000 None"),
        ({"HTTPS": "1", "SECURE_HSTS_SECONDS": "0"}, "False True True True 0 None"),
        ({"SESSION_COOKIE_SECURE": "1"}, "False False True False 0 None"),
        (
            {"PROXY_SSL_HEADER": "X-Forwarded-Proto", "DEBUG": "1"},
            "True False False False 0 ('HTTP_X_FORWARDED_PROTO', 'https')",
        ),
    ],
)
def test_https_settings_come_from_the_environment_each_on_its_own(
    env, shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings_under(env, monkeypatch) == shown


def test_serving_with_debug_off_refuses_the_development_key() -> None:
    code = "import newsreader.wsgi"
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode != 0 and "SECRET_KEY (or SECRET_KEY_FILE) must be set" in run.stderr
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**env, "SECRET_KEY": KEY}, capture_output=True
    )
    assert run.returncode == 0


def test_commands_run_without_a_secret_key(tmp_path: Path) -> None:
    """The eval contract runs migrate/ingest/export with only DATABASE_URL set."""
    result = manage("migrate", "--noinput", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")
    assert result.returncode == 0, result.stderr


# --- response headers (pytest-django runs with DEBUG off) -------------------------------

INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style[\s>]|\sstyle=|\son[a-z]+\s*=|javascript:", re.I
)


@pytest.mark.django_db
def test_headers_forbid_inline_code_framing_and_sniffing(client: Client) -> None:
    make_article()
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'" and directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'" and "unsafe" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
@pytest.mark.parametrize("secure", [False, True])
def test_cookies_are_http_only_same_site_and_secure_under_https(
    client: Client, settings, secure: bool
) -> None:
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = secure
    make_user("reader", password="pw-reader-1")
    client.get(reverse("login"))
    response = client.post(reverse("login"), {"username": "reader", "password": "pw-reader-1"})
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name]
        assert cookie["httponly"] and cookie["samesite"] == "Lax"
        assert bool(cookie["secure"]) is secure


@pytest.mark.django_db
def test_no_page_carries_inline_script_or_style(curator: Client) -> None:
    """What the CSP forbids, the templates must not need (theme, htmx config, admin)."""
    article = make_article(agenda_meeting="اجتماع")
    mention = make_mention(paragraph(article, 1), "بيروت", "LOCATION")
    make_agenda(article, "خطة الكهرباء", 2)
    make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة")
    DroppedLine.objects.create(article=article, position=9, text="شارك الخبر", reason="share")
    pages = [
        "/",
        "/?q=بيروت",
        article.get_absolute_url(),
        reverse("entity_detail", args=[mention.entity_id]),
        reverse("upcoming"),
        reverse("admin:index"),
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_change", args=[article.pk]),
        reverse("admin:news_entity_change", args=[mention.entity_id]),
        reverse("admin:news_mention_change", args=[mention.pk]),
        reverse("admin:news_paragraph_change", args=[mention.paragraph_id]),
        reverse("admin:news_entity_bulk_label") + "?name=بيروت&label=LOCATION",
        "/no-such-page/",
    ]
    for url in pages:
        page = curator.get(url).content.decode()
        assert not INLINE_CODE.search(page), (url, INLINE_CODE.search(page))
    anonymous = Client().get(reverse("login")).content.decode()
    assert not INLINE_CODE.search(anonymous)


# --- login throttling ---------------------------------------------------------------------


@pytest.mark.django_db
def test_failed_logins_are_throttled_per_user_and_address(client: Client, settings) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    make_user("editor", password="pw-editor-1")
    make_user("other", password="pw-other-1")
    login = reverse("login")
    for _ in range(3):
        response = client.post(login, {"username": "editor", "password": "wrong"})
        assert response.status_code in (200, 429)
    locked = client.post(login, {"username": "editor", "password": "pw-editor-1"})
    assert locked.status_code == 429
    assert "محاولات دخول كثيرة" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    fine = Client().post(login, {"username": "other", "password": "pw-other-1"})
    assert fine.status_code == 302


# --- the permission matrix of every edit endpoint ----------------------------------------


def edit_calls(article: Article) -> list[tuple[str, str, str, dict]]:
    """(name, permission, url, data) for every endpoint that changes something, in an
    order where each can succeed after the ones before it. VERSION and LAST_EDIT stand
    for the paragraph's version and the mention's last edit at the time of the call."""
    para = paragraph(article, 1)
    mention = make_mention(para, "بيروت", "LOCATION")
    item = make_agenda(article, "خطة الكهرباء", 2)
    make_agenda(article, "قرض البنك", 3)
    event = make_event(article, "2026-03-15", date(2026, 3, 15), "زيارة")
    line = DroppedLine.objects.create(article=article, position=9, text="سطر", reason="share")
    entity = Entity.objects.get(pk=mention.entity_id)
    alias = Alias.objects.create(entity=entity, name="بيروت الكبرى", key="بيروت الكبرى")
    m, v = [mention.pk], {"version": "VERSION"}
    return [
        ("mention_add", "change_mention", reverse("mention_add", args=[para.pk]),
         {"start": 0, "end": 6, "label": "PERSON", **v}),
        ("mention_relabel", "change_mention", reverse("mention_relabel", args=m),
         {"label": "PERSON", **v}),
        ("mention_link", "change_mention", reverse("mention_link", args=m),
         {"name": "بيروت", **v}),
        ("mention_adjust", "change_mention", reverse("mention_adjust", args=m),
         {"action": "grow-end", **v}),
        ("edits_revert", "change_mention", reverse("edits_revert"),
         {"edits": "LAST_EDIT", **v}),
        ("mention_remove", "change_mention", reverse("mention_remove", args=m), v),
        ("agenda_add", "change_agendaitem", reverse("agenda_add", args=[article.pk]),
         {"text": "بند"}),
        ("agenda_edit", "change_agendaitem", reverse("agenda_edit", args=[item.pk]),
         {"text": "بند معدل"}),
        ("agenda_move", "change_agendaitem", reverse("agenda_move", args=[item.pk]),
         {"direction": "down"}),
        ("agenda_remove", "change_agendaitem", reverse("agenda_remove", args=[item.pk]), {}),
        ("timeline_add", "change_timelineevent", reverse("timeline_add", args=[article.pk]),
         {"value": "2026-04", "text": "حدث"}),
        ("timeline_edit", "change_timelineevent", reverse("timeline_edit", args=[event.pk]),
         {"value": "2026-04", "text": "حدث"}),
        ("timeline_remove", "change_timelineevent", reverse("timeline_remove", args=[event.pk]),
         {}),
        ("restore_line", "change_article",
         reverse("admin:news_article_restore_line", args=[article.pk, line.pk]), {}),
        ("split_alias", "change_entity",
         reverse("admin:news_entity_split_alias", args=[entity.pk, alias.pk]), {}),
    ]  # fmt: skip


def now(data: dict, article: Article) -> dict:
    """The call's data with VERSION and LAST_EDIT filled in as a reader page would."""
    para = paragraph(article, 1)
    last = EditLog.objects.filter(target="mention").order_by("-pk").first()
    fill = {"VERSION": para.version, "LAST_EDIT": last.pk if last else 0}
    return {k: fill.get(v, v) if isinstance(v, str) else v for k, v in data.items()}


def state() -> tuple:
    """Everything an edit could change."""
    return (
        list(Mention.objects.values_list("pk", "label", "rejected", "start", "end", "value")),
        EditLog.objects.count(),
        list(Article.objects.values_list("pk", "title")),
        list(DroppedLine.objects.values_list("pk", "restored")),
        Entity.objects.count(),
        Alias.objects.count(),
        list(
            Article.objects.values_list("agenda_items__text", "agenda_items__removed").order_by(
                "agenda_items__pk"
            )
        ),
        list(
            Article.objects.values_list(
                "timeline_events__value", "timeline_events__removed"
            ).order_by("timeline_events__pk")
        ),
    )


def staff_with(permission: str | None) -> User:
    user = make_user(f"u-{permission}", password="pw")
    if permission:
        user.is_staff = permission in ("change_article", "change_entity")
        user.save()
        user.user_permissions.add(Permission.objects.get(codename=permission))
        if permission == "change_entity":
            user.user_permissions.add(Permission.objects.get(codename="add_entity"))
    return user


@pytest.mark.django_db
def test_the_permission_matrix_of_every_edit_endpoint() -> None:
    article = make_article()
    calls = edit_calls(article)
    permissions = sorted({perm for _, perm, _, _ in calls})
    for name, perm, url, template in calls:
        data = now(template, article)
        before = state()
        anonymous = Client()
        assert anonymous.get(url).status_code in (302, 405), name
        response = anonymous.post(url, data, **HX)
        if name in ("restore_line", "split_alias"):  # the admin's own login redirect
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
        else:
            assert response.status_code == 401, name
            assert anonymous.post(url, data).status_code == 302, name
        for other in [None, *[p for p in permissions if p != perm]]:
            client = Client()
            client.force_login(staff_with(other))
            response = client.post(url, data, **HX)
            assert response.status_code in (302, 403), (name, other, response.status_code)
            if response.status_code == 302:  # the admin sends a non-staff user to its login
                assert "/admin/login/" in response["Location"], (name, other)
            User.objects.filter(username=f"u-{other}").delete()
        assert state() == before, name  # no one without the permission changed anything
        allowed = Client()
        allowed.force_login(staff_with(perm))
        response = allowed.post(url, data, **HX)
        assert response.status_code in (200, 302), (name, response.status_code)
        assert state() != before, name  # and with it, the edit happened
        User.objects.filter(username=f"u-{perm}").delete()


# --- hostile text on every page type (Chromium) ------------------------------------------
