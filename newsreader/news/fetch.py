"""Fetch one article page over HTTP(S), refusing what ingest must not touch.

The server fetches URLs that users hand it, so it must not become a way to
reach internal hosts: only http/https, and every address a host name resolves
to must be public, checked when each connection is made (so a redirect, or a
name that resolves differently the second time, is checked too), unless
settings.INGEST_ALLOW_PRIVATE_URLS is on (tests serving from 127.0.0.1).
A page must say it is HTML and is read in chunks up to
settings.INGEST_MAX_BYTES, the whole exchange (connect, headers, body,
redirects) within settings.INGEST_URL_TIMEOUT seconds in total: a server
that drips a byte now and then never trips a per-read timeout, so a timer
shuts the connection at the deadline. A huge, endless or slow answer cannot
fill memory or hang ingest. Every refusal is an
InputError with a one-line reason.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from newsreader.pipeline.types import InputError

HTML_TYPES = {"text/html", "application/xhtml+xml"}
CHUNK = 64 * 1024
MAX_REDIRECTS = 5
HEADERS = {
    "User-Agent": "Qari/0.1 (article ingest)",
    "Accept": "text/html,application/xhtml+xml",
    "Accept-Encoding": "identity",  # urllib does not decompress
}


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    charset: str | None  # from the Content-Type header; outranks the page's meta charset


def is_url(name: str) -> bool:
    """Looks like a URL (any scheme): such a PATH is fetched or refused, never opened as a file."""
    scheme = urlsplit(name).scheme
    return len(scheme) > 1 and "://" in name


class _Deadline:
    """Shuts every connection of one fetch down when its time is up."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.01, self.at - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        _current.deadline = None


_current = threading.local()


def fetch(url: str) -> Fetched:
    """The bytes of an HTML page at `url`, or InputError saying why not."""
    check_url(url)
    timeout = settings.INGEST_URL_TIMEOUT
    late = InputError(f"no complete answer within {timeout} s")
    request = urllib.request.Request(url, headers=HEADERS)
    with _Deadline(timeout) as deadline:
        try:
            with _opener().open(request, timeout=timeout) as response:
                fetched = _read(response)
        except urllib.error.HTTPError as err:
            if deadline.expired:
                raise late from None
            raise InputError(f"the server answered {err.code} {err.reason}") from None
        except urllib.error.URLError as err:
            if deadline.expired or isinstance(err.reason, TimeoutError):
                raise late from None
            raise InputError(f"could not be fetched ({_reason(err.reason)})") from None
        except TimeoutError:
            raise late from None
        except (OSError, http.client.HTTPException) as err:
            if deadline.expired:
                raise late from None
            raise InputError(f"could not be fetched ({_reason(err)})") from None
        if deadline.expired:  # the timer cut the body short: what was read is not the page
            raise late
        return fetched


def check_url(url: str) -> None:
    """Scheme and host are acceptable; the addresses are checked at connect time."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"only http and https URLs are fetched, not {parts.scheme or 'this'}")
    if not parts.hostname:
        raise InputError("the URL names no host")


def allowed_addresses(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, if all may be reached; InputError otherwise."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise InputError(f"the host {host} is not known ({err.strerror})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not settings.INGEST_ALLOW_PRIVATE_URLS:
        for address in addresses:
            if kind := _internal(address):
                raise InputError(f"refused: {host} is {kind} address ({address})")
    return addresses


def _internal(address: str) -> str | None:
    """What makes an address off limits (loopback, private, …), or None for a public one."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return "a " + kind.replace("_", "-")
    return None if ip.is_global else "a non-public"


def _read(response) -> Fetched:
    content_type = response.headers.get_content_type()
    if content_type not in HTML_TYPES:
        raise InputError(f"the URL gives {content_type}, not an HTML page")
    limit = settings.INGEST_MAX_BYTES
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise InputError(f"the page is larger than {limit} bytes")
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > limit:
            raise InputError(f"the page is larger than {limit} bytes")
        chunks.append(chunk)
    return Fetched(response.geturl(), b"".join(chunks), response.headers.get_content_charset())


def _reason(reason: object) -> str:
    return str(getattr(reason, "strerror", None) or reason) or type(reason).__name__


class _CheckedConnection(http.client.HTTPConnection):
    """Connects only to an address allowed_addresses() approved, not to a second lookup."""

    def connect(self) -> None:
        addresses = allowed_addresses(self.host, self.port)
        deadline: _Deadline | None = getattr(_current, "deadline", None)
        error: OSError | None = None
        for address in addresses:
            timeout = self.timeout
            if deadline is not None:
                timeout = (
                    deadline.remaining() if timeout is None else min(timeout, deadline.remaining())
                )
            try:
                self.sock = socket.create_connection(
                    (address, self.port), timeout, getattr(self, "source_address", None)
                )
                if deadline is not None:
                    deadline.watch(self.sock)
                break
            except OSError as err:
                error = err
        else:
            raise error or OSError(f"no address for {self.host}")
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _CheckedHTTPSConnection(http.client.HTTPSConnection, _CheckedConnection):
    """HTTPSConnection.connect wraps what _CheckedConnection.connect opened (see the MRO)."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_CheckedConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_CheckedHTTPSConnection, req, context=self._context)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """A redirect goes through the same checks as the first URL."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("Location") or headers.get("URI")
        if location:
            check_url(urljoin(req.full_url, location))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    # No ProxyHandler: a proxy would make the address check meaningless.
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _HTTPHandler, _HTTPSHandler, _RedirectHandler
    )
