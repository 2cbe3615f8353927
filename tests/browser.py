"""What every browser test shares: Debian's Chromium, its flags, where screenshots go."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

# A loaded 2-core machine (the whole suite, or CI beside other work) can take more
# than Playwright's 5 s for a server round trip; waiting longer proves the same.
expect.set_options(timeout=15_000)

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
# Headless as root, and no calls home: this machine's network is closed.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MARKS = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


def close_pages(browser) -> None:
    """End a test's pages: close every context it opened on the shared browser."""
    for context in browser.contexts:
        context.close()


def sign_in(page, base_url: str, next_url: str, username: str, password: str) -> None:
    """Sign in through the site's login form and wait to land on `next_url`."""
    page.goto(f"{base_url}/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"**{next_url}")
