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
# The suite tags with the CRF alone (fast, no torch): the default combined backend has
# its own tests (test_pipeline_combine, test_pipeline_encoder_backend, test_default_ner).
# Set here for the commands tests run as subprocesses, and per test below for the rest.
os.environ.setdefault("NER_BACKEND", "crf")


@pytest.fixture(autouse=True)
def suite_settings(settings) -> None:
    """The CRF backend (see above) and two settings that only make the suite faster."""
    settings.NER_BACKEND = os.environ["NER_BACKEND"]
    # Users are made and signed in by hundreds of tests: PBKDF2's million rounds cost
    # about half a second each time, a fast hasher none (login itself is what is tested).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Every test client loads the middleware, and WhiteNoise would list the ~500 static
    # files then (a quarter second each time); autorefresh looks a file up when asked.
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues() -> None:
    """The Arabic plural forms: a checkout tested without bin/install compiles them here."""
    from newsreader.news.catalog import compile_catalogues

    compile_catalogues()


@pytest.fixture(autouse=True)
def _empty_cache():
    """The reader cache lives in the process: no test sees another's pages."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process (starting one costs seconds); each test
    opens its own contexts (cookies apart) and closes them with browser.close_pages."""
    from playwright.sync_api import sync_playwright

    from tests.browser import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser and encoder tests first: each takes tens of seconds, and started last they
    would leave the other pytest-xdist workers idle at the end of the run."""
    items.sort(
        key=lambda item: not (item.get_closest_marker("browser") or item.get_closest_marker("slow"))
    )
