"""Safe fetching of any URL that a feed or an editor supplies.

Only http and https. The host is resolved once per hop and refused when any of
its addresses is loopback, private, link-local, multicast, reserved or
unspecified (IPv4 and IPv6, IPv4-mapped forms too); the connection then goes to
that checked address (so a second DNS answer cannot rebind it), with the
original Host header and TLS server name. Redirects are followed by hand, each
hop checked again. The body is read in chunks under a size limit and a total
time limit, gzip included (the limit applies to the decompressed bytes).
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings

ALLOWED_CONTENT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/json",
    "application/feed+json",
    "text/plain",
)
USER_AGENT = "DaisBot/1.0 (+https://github.com/dais; diplomatic event tracker)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """The URL could not be fetched. `retryable` says whether trying later may help."""

    retryable = False


class UnsafeURLError(FetchError):
    """Refused before any connection: bad scheme or a forbidden address."""


class FetchNetworkError(FetchError):
    retryable = True


class FetchTooLargeError(FetchError):
    pass


class FetchTimeoutError(FetchError):
    retryable = True


class FetchContentTypeError(FetchError):
    pass


class FetchHTTPError(FetchError):
    def __init__(self, status: int, url: str):
        super().__init__(f"HTTP {status} from {url}")
        self.status = status
        self.retryable = status >= 500 or status == 429


@dataclass
class FetchResult:
    url: str  # the final URL, after redirects
    status: int  # 200 or 304
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    urls: list[str] = field(default_factory=list)  # every URL visited, first to last

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


def _forbidden(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_loopback: bool) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return _forbidden(mapped, allow_loopback)
        if ip.teredo:
            return True
    if ip.is_loopback:
        return not allow_loopback
    return (
        ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def _split(url: str) -> tuple[str, str, int | None]:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise UnsafeURLError(f"Not a valid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsafeURLError(f"Only http and https URLs can be fetched, not {scheme or 'none'}:")
    host = parts.hostname
    if not host:
        raise UnsafeURLError("The URL has no host.")
    if parts.username or parts.password:
        raise UnsafeURLError("URLs with credentials are refused.")
    return scheme, host, port


# Names that never lead to the public internet (RFC 6761, 6762, 8375 and common practice).
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain")


def check_url_offline(url: str, *, allow_loopback: bool | None = None) -> None:
    """Refuse what can be refused without the network: a scheme other than
    http(s), credentials, an address literal (in any form the resolver accepts,
    e.g. 2130706433 or 0x7f.1) that is not public, and local names. Host names
    are not resolved: fetch() checks their addresses before connecting."""
    if allow_loopback is None:
        allow_loopback = settings.DAIS_FETCH_ALLOW_LOOPBACK
    _scheme, host, _port = _split(url)
    name = host.lower().rstrip(".")
    try:
        infos = socket.getaddrinfo(host, None, flags=socket.AI_NUMERICHOST)
    except (socket.gaierror, UnicodeError, ValueError):
        infos = []  # a name, not an address
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if _forbidden(ip, allow_loopback):
            raise UnsafeURLError(f"{host} is a forbidden address ({ip}).")
    if infos:
        return
    if name == "localhost" or name.endswith(".localhost"):
        if not allow_loopback:
            raise UnsafeURLError(f"{host} is a loopback name.")
        return
    if "." not in name or name.endswith(_LOCAL_SUFFIXES):
        raise UnsafeURLError(f"{host} is not a public host name.")


def check_url(url: str, *, allow_loopback: bool | None = None) -> tuple[str, str, int, str]:
    """Return (scheme, host, port, checked ip) for a URL that is safe to fetch,
    or raise UnsafeURLError. Resolves the host; refuses it when ANY of its
    addresses is forbidden."""
    if allow_loopback is None:
        allow_loopback = settings.DAIS_FETCH_ALLOW_LOOPBACK
    scheme, host, port = _split(url)
    port = port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        err = FetchNetworkError(f"Cannot resolve {host}: {exc}")
        raise err from None
    addresses = []
    for info in infos:
        raw = info[4][0].split("%", 1)[0]
        ip = ipaddress.ip_address(raw)
        if _forbidden(ip, allow_loopback):
            raise UnsafeURLError(f"{host} resolves to a forbidden address ({ip}).")
        addresses.append(str(ip))
    if not addresses:
        raise FetchNetworkError(f"{host} has no address.")
    return scheme, host, port, addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, ip: str, port: int, timeout: float):
        super().__init__(ip, port, timeout=timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the checked ip, verifies the certificate for the real host name."""

    def __init__(self, ip: str, port: int, server_hostname: str, timeout: float):
        super().__init__(ip, port, timeout=timeout, context=ssl.create_default_context())
        self._server_hostname = server_hostname

    def connect(self):
        sock = socket.create_connection((self.host, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self._server_hostname)


def _host_header(host: str, port: int, scheme: str) -> str:
    name = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    return name if port == default else f"{name}:{port}"


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
    max_bytes: int | None = None,
    timeout: float | None = None,
    max_redirects: int | None = None,
    allow_loopback: bool | None = None,
) -> FetchResult:
    """GET a URL safely. Sends a conditional GET when etag/last_modified are given
    (a 304 comes back as FetchResult(status=304))."""
    max_bytes = max_bytes if max_bytes is not None else settings.DAIS_FETCH_MAX_BYTES
    timeout = timeout if timeout is not None else settings.DAIS_FETCH_TIMEOUT
    if max_redirects is None:
        max_redirects = settings.DAIS_FETCH_MAX_REDIRECTS
    deadline = time.monotonic() + timeout
    visited: list[str] = []
    current = url.strip()
    for _hop in range(max_redirects + 1):
        visited.append(current)
        scheme, host, port, ip = check_url(current, allow_loopback=allow_loopback)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeoutError(f"Gave up on {url} after {timeout:g}s.")
        if scheme == "https":
            conn: http.client.HTTPConnection = _PinnedHTTPSConnection(ip, port, host, remaining)
        else:
            conn = _PinnedHTTPConnection(ip, port, remaining)
        parts = urlsplit(current)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        headers = {
            "Host": _host_header(host, port, scheme),
            "User-Agent": USER_AGENT,
            "Accept": accept,
            "Accept-Encoding": "gzip",
            "Connection": "close",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            try:
                conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
                for name, value in headers.items():
                    conn.putheader(name, value)
                conn.endheaders()
                response = conn.getresponse()
            except TimeoutError as exc:
                raise FetchTimeoutError(f"Gave up on {url} after {timeout:g}s.") from exc
            except (OSError, http.client.HTTPException) as exc:
                raise FetchNetworkError(f"Cannot fetch {current}: {exc}") from exc
            status = response.status
            if status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchHTTPError(status, current)
                current = urljoin(current, location.strip())
                continue
            if status == 304:
                return FetchResult(
                    url=current,
                    status=304,
                    etag=response.getheader("ETag") or etag,
                    last_modified=response.getheader("Last-Modified") or last_modified,
                    urls=visited,
                )
            if status != 200:
                raise FetchHTTPError(status, current)
            content_type = (response.getheader("Content-Type") or "").strip()
            mime = content_type.split(";", 1)[0].strip().lower()
            if mime not in ALLOWED_CONTENT_TYPES:
                raise FetchContentTypeError(
                    f"{current} is {mime or 'of no declared type'}, not HTML, XML or JSON."
                )
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchTooLargeError(f"{current} is larger than {max_bytes} bytes.")
            gzipped = (response.getheader("Content-Encoding") or "").lower() == "gzip"
            body = _read_limited(response, conn, gzipped, max_bytes, deadline, url, timeout)
            return FetchResult(
                url=current,
                status=200,
                body=body,
                content_type=content_type,
                etag=response.getheader("ETag") or "",
                last_modified=response.getheader("Last-Modified") or "",
                urls=visited,
            )
        finally:
            conn.close()
    raise FetchError(f"Too many redirects (more than {max_redirects}) from {url}.")


def _read_limited(response, conn, gzipped, max_bytes, deadline, url, timeout) -> bytes:
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    out = bytearray()
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeoutError(f"Gave up on {url} after {timeout:g}s.")
        if conn.sock is not None:
            conn.sock.settimeout(remaining)
        try:
            chunk = response.read1(_CHUNK)
        except TimeoutError as exc:
            raise FetchTimeoutError(f"Gave up on {url} after {timeout:g}s.") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise FetchNetworkError(f"Cannot read {url}: {exc}") from exc
        if not chunk:
            break
        if decoder is not None:
            try:
                chunk = decoder.decompress(chunk, max_bytes + 1 - len(out))
            except zlib.error as exc:
                raise FetchError(f"{url} sent broken gzip: {exc}") from exc
        out += chunk
        if len(out) > max_bytes:
            raise FetchTooLargeError(f"{url} is larger than {max_bytes} bytes.")
    return bytes(out)
