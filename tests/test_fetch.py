"""URL fetching refuses what the server must not fetch; pages come from a local server.

The server is an http.server thread bound to 127.0.0.1 only; loopback is
refused by default, so tests that fetch from it turn on
INGEST_ALLOW_PRIVATE_URLS through pytest-django's settings fixture.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsreader.news import fetch as fetch_module
from newsreader.news.fetch import fetch, is_url
from newsreader.pipeline.types import InputError

PAGE = "<!doctype html><html><body><p>خبر</p></body></html>".encode()


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    timeout = 10  # a stuck client does not hold the thread forever

    def do_GET(self) -> None:  # http.server's name
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        time.sleep(float(headers.get("X-Delay", 0)))  # a slow server, for the timeout
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        # the client may stop reading (the size cap): that is the point
        drip = float(headers.get("X-Drip", 0))  # seconds between bytes: a trickling server
        with suppress(BrokenPipeError, ConnectionResetError):
            if not drip:
                self.wfile.write(body)
            for n in range(len(body) if drip else 0):
                self.wfile.write(body[n : n + 1])
                self.wfile.flush()
                time.sleep(drip)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(routes: dict[str, tuple[int, dict[str, str], bytes]]):
    """Serve `routes` (path → status, headers, body) on 127.0.0.1; yields the base URL."""
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def html(body: bytes = PAGE, charset: str = "utf-8") -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": f"text/html; charset={charset}"}, body


@pytest.fixture
def allow_local(settings):
    settings.INGEST_ALLOW_PRIVATE_URLS = True
    return settings


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a.html", "file:///etc/passwd", "gopher://x/", "//example.com/"]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(InputError, match="only http and https"):
        fetch(url)


def test_loopback_is_refused_by_default() -> None:
    with serve({"/a": html()}) as base, pytest.raises(InputError, match="loopback address"):
        fetch(f"{base}/a")


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-public"),
    ],
)
def test_internal_addresses_are_refused(monkeypatch, address: str, kind: str) -> None:
    """Every address the name resolves to is checked, before any connection is made."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    public = ("93.184.216.34", 80)
    infos = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", public),
        (family, socket.SOCK_STREAM, 6, "", (address, 80)),
    ]
    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", lambda *a, **k: infos)
    connected = []
    monkeypatch.setattr(
        fetch_module.socket, "create_connection", lambda *a, **k: connected.append(a)
    )
    with pytest.raises(InputError, match=f"refused: intranet.example is a {kind} address"):
        fetch("http://intranet.example/news/1")
    assert connected == []


def test_an_unknown_host_is_one_clear_line() -> None:
    with pytest.raises(InputError, match="host no-such-host.invalid is not known"):
        fetch("http://no-such-host.invalid/")


def test_a_page_is_fetched_with_its_charset_and_final_url(allow_local) -> None:
    routes = {"/old": (301, {"Location": "/new"}, b""), "/new": html(charset="windows-1256")}
    with serve(routes) as base:
        fetched = fetch(f"{base}/old")
    assert (fetched.url, fetched.data, fetched.charset) == (f"{base}/new", PAGE, "windows-1256")


@pytest.mark.parametrize(
    "content_type", ["application/pdf", "image/png", "application/json", "text/plain"]
)
def test_what_is_not_html_is_refused(allow_local, content_type: str) -> None:
    with (
        serve({"/f": (200, {"Content-Type": content_type}, b"%PDF-1.4")}) as base,
        pytest.raises(InputError, match=f"the URL gives {content_type}, not an HTML page"),
    ):
        fetch(f"{base}/f")


@pytest.mark.parametrize("declare_length", [True, False])
def test_a_page_over_the_size_cap_is_refused(allow_local, declare_length: bool) -> None:
    allow_local.INGEST_MAX_BYTES = 1000
    body = b"<html>" + b"x" * 5000
    headers = {"Content-Type": "text/html"}
    if declare_length:
        headers["Content-Length"] = str(len(body))
    with (
        serve({"/big": (200, headers, body)}) as base,
        pytest.raises(InputError, match="larger than 1000 bytes"),
    ):
        fetch(f"{base}/big")


def test_a_server_that_does_not_answer_in_time_is_given_up(allow_local) -> None:
    allow_local.INGEST_URL_TIMEOUT = 0.3
    slow = (200, {"Content-Type": "text/html", "X-Delay": "1.5"}, PAGE)
    with serve({"/slow": slow}) as base, pytest.raises(InputError, match="0.3 s|timed out"):
        fetch(f"{base}/slow")


def test_a_trickling_server_is_given_up_at_the_total_deadline(allow_local) -> None:
    """A byte every 0.1 s never trips a per-read timeout; the total deadline still holds."""
    allow_local.INGEST_URL_TIMEOUT = 1
    drip = (200, {"Content-Type": "text/html", "X-Drip": "0.1"}, PAGE * 20)
    with serve({"/drip": drip}) as base:
        started = time.monotonic()
        with pytest.raises(InputError, match="no complete answer within 1 s"):
            fetch(f"{base}/drip")
        assert time.monotonic() - started < 3  # the whole page would take over 100 s


def test_http_errors_are_one_line(allow_local) -> None:
    with serve({}) as base, pytest.raises(InputError, match="the server answered 404"):
        fetch(f"{base}/missing")


def test_a_redirect_to_an_internal_address_is_refused(monkeypatch) -> None:
    """127.0.0.1 stands in for a public host; its redirect to 127.0.0.2 must be checked."""
    original = fetch_module._internal
    monkeypatch.setattr(
        fetch_module, "_internal", lambda a: None if a == "127.0.0.1" else original(a)
    )
    with serve({}) as base:
        port = base.rsplit(":", 1)[1]
        routes = {"/go": (302, {"Location": f"http://127.0.0.2:{port}/admin"}, b"")}
        with serve(routes) as public, pytest.raises(InputError, match="127.0.0.2 is a loopback"):
            fetch(f"{public}/go")


def test_a_redirect_to_another_scheme_is_refused(allow_local) -> None:
    with (
        serve({"/go": (302, {"Location": "file:///etc/passwd"}, b"")}) as base,
        pytest.raises(InputError, match="only http and https"),
    ):
        fetch(f"{base}/go")


def test_endless_redirects_stop(allow_local) -> None:
    with (
        serve({"/loop": (302, {"Location": "/loop"}, b"")}) as base,
        pytest.raises(InputError, match="the server answered 30"),
    ):
        fetch(f"{base}/loop")


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("https://example.com/a", True),
        ("http://x", True),
        ("ftp://x/y", True),
        ("article.html", False),
        ("-", False),
        ("C:\\news\\a.txt", False),
        ("dir/with:colon.txt", False),
    ],
)
def test_is_url(name: str, url: bool) -> None:
    assert is_url(name) is url
