"""Safe fetching: the SSRF matrix, redirects, limits, content types, against a local server."""

import gzip
import socket

import pytest

from events.ingest import fetch as fetch_module
from events.ingest.fetch import (
    FetchContentTypeError,
    FetchError,
    FetchTimeoutError,
    FetchTooLargeError,
    UnsafeURLError,
    fetch,
)
from events.tests.ingest.feed_server import FeedServer, rss

PUBLIC_IP = "93.184.216.34"  # stands in for the internet: connections to it go to our server


@pytest.fixture
def server():
    s = FeedServer().start()
    yield s
    s.stop()


@pytest.fixture
def loopback(settings):
    settings.DAIS_FETCH_ALLOW_LOOPBACK = True


@pytest.fixture
def connections(monkeypatch):
    """Records every outgoing connection; none may go anywhere but our server."""
    made = []
    real = socket.create_connection

    def create_connection(address, *args, **kwargs):
        made.append(address)
        host = address[0]
        assert host in ("127.0.0.1", "::1", PUBLIC_IP), f"test tried to reach {host}"
        if host == PUBLIC_IP:
            address = ("127.0.0.1", address[1])
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return made


@pytest.fixture
def public_dns(monkeypatch):
    """A fake DNS: *.public.test resolves to a public address, rebind.test answers
    a public address first and loopback after; everything else as usual."""
    real = socket.getaddrinfo
    calls = {"rebind.test": 0}

    def getaddrinfo(host, port, *args, **kwargs):
        if host.endswith("public.test"):
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC_IP, port))]
        if host == "private.test":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC_IP, port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port)),
            ]
        if host == "rebind.test":
            calls["rebind.test"] += 1
            ip = PUBLIC_IP if calls["rebind.test"] == 1 else "127.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return calls


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1.2.3:8080/feed",
        "http://localhost/",
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://255.255.255.255/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[ff02::1]/",
        "http://[::]/",
        "http://[2002:0a00:0001::1]/",
        "http://private.test/",
        "file:///etc/passwd",
        "ftp://127.0.0.1/feed.xml",
        "gopher://127.0.0.1:70/",
        "javascript:alert(1)",
        "http://user:pw@public.test/",
    ],
)
def test_it_refuses_forbidden_urls_before_any_connection(url, settings, connections, public_dns):
    settings.DAIS_FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(UnsafeURLError):
        fetch(url)
    assert connections == []


def test_it_fetches_a_public_host_by_the_address_it_checked(server, connections, public_dns):
    server.add("/page.html", "<html><body><p>hello</p></body></html>")
    result = fetch(f"http://news.public.test:{server.port}/page.html")
    assert result.status == 200 and b"hello" in result.body
    assert connections == [(PUBLIC_IP, server.port)]
    host_header = server.requests[-1][1]["Host"]
    assert host_header == f"news.public.test:{server.port}"


def test_it_is_not_fooled_by_dns_rebinding(server, connections, public_dns):
    server.add("/page.html", "<html><body><p>hello</p></body></html>")
    fetch(f"http://rebind.test:{server.port}/page.html")
    # Resolved once, connected to that (checked, public) answer, never to a second answer.
    assert public_dns["rebind.test"] == 1
    assert connections == [(PUBLIC_IP, server.port)]


def test_it_refuses_a_redirect_to_loopback(server, settings, connections, public_dns):
    settings.DAIS_FETCH_ALLOW_LOOPBACK = False
    server.add("/go", status=302, headers={"Location": f"http://127.0.0.1:{server.port}/secret"})
    server.add("/secret", "<html>secret</html>")
    with pytest.raises(UnsafeURLError):
        fetch(f"http://news.public.test:{server.port}/go")
    assert connections == [(PUBLIC_IP, server.port)]
    assert [path for path, _ in server.requests] == ["/go"]


def test_it_refuses_a_redirect_to_an_ipv6_mapped_private_address(server, loopback, connections):
    server.add("/go", status=301, headers={"Location": "http://[::ffff:10.0.0.1]/admin"})
    with pytest.raises(UnsafeURLError):
        fetch(server.url("/go"))
    assert connections == [("127.0.0.1", server.port)]


def test_it_refuses_a_redirect_to_another_scheme(server, loopback):
    server.add("/go", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(UnsafeURLError):
        fetch(server.url("/go"))


def test_it_follows_a_few_redirects_and_remembers_them(server, loopback):
    server.add("/a", status=301, headers={"Location": "/b"})
    server.add("/b", status=302, headers={"Location": server.url("/feed.xml")})
    server.add("/feed.xml", rss([]), content_type="application/rss+xml")
    result = fetch(server.url("/a"))
    assert result.url == server.url("/feed.xml")
    assert result.urls == [server.url("/a"), server.url("/b"), server.url("/feed.xml")]


def test_it_stops_after_too_many_redirects(server, loopback, settings):
    settings.DAIS_FETCH_MAX_REDIRECTS = 3
    for i in range(6):
        server.add(f"/r{i}", status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(FetchError, match="Too many redirects"):
        fetch(server.url("/r0"))
    assert len(server.requests) == 4


def test_it_sends_a_conditional_get_and_reports_not_modified(server, loopback):
    server.add(
        "/feed.xml",
        rss([]),
        content_type="application/rss+xml",
        etag='"v1"',
        last_modified="Fri, 20 Nov 2026 10:00:00 GMT",
    )
    first = fetch(server.url("/feed.xml"))
    assert first.status == 200 and first.etag == '"v1"'
    second = fetch(server.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.body == b""
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'


def test_it_reads_gzip(server, loopback):
    server.add("/feed.xml", rss([]), content_type="application/rss+xml", gzip=True)
    result = fetch(server.url("/feed.xml"))
    assert result.body.startswith(b"<?xml")


def test_it_refuses_a_gzip_bomb(server, loopback):
    bomb = gzip.compress(b"<html>" + b" " * 5_000_000)
    server.add("/bomb.html", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchTooLargeError):
        fetch(server.url("/bomb.html"), max_bytes=1_000_000)


def test_it_refuses_a_body_that_declares_itself_too_large(server, loopback):
    server.add("/big.html", b"<html>" + b"x" * 300_000)
    with pytest.raises(FetchTooLargeError):
        fetch(server.url("/big.html"), max_bytes=100_000)


def test_it_stops_reading_an_oversized_streamed_body(server, loopback):
    server.add("/stream.html", stream_bytes=11 * 1024 * 1024)
    with pytest.raises(FetchTooLargeError):
        fetch(server.url("/stream.html"))  # the default limit, 10 MB


def test_it_gives_up_on_a_server_too_slow_to_answer(server, loopback):
    server.add("/slow.html", "<html>late</html>", delay=3)
    with pytest.raises(FetchTimeoutError):
        fetch(server.url("/slow.html"), timeout=1)


def test_it_gives_up_on_a_body_that_drips_past_the_time_limit(server, loopback):
    server.add("/drip.html", "<html>" + "x" * 2000 + "</html>", drip=0.05)
    with pytest.raises(FetchTimeoutError):
        fetch(server.url("/drip.html"), timeout=1)


@pytest.mark.parametrize(
    "content_type", ["image/png", "application/octet-stream", "application/pdf", ""]
)
def test_it_refuses_content_that_is_not_html_xml_or_json(server, loopback, content_type):
    server.add("/file", b"\x89PNG....", content_type=content_type)
    with pytest.raises(FetchContentTypeError):
        fetch(server.url("/file"))


def test_it_reports_server_errors_as_retryable(server, loopback):
    server.add("/down", "oops", status=503)
    with pytest.raises(FetchError) as info:
        fetch(server.url("/down"))
    assert info.value.retryable


def test_it_allows_loopback_only_when_the_setting_says_so(server, settings):
    server.add("/page.html", "<html>ok</html>")
    settings.DAIS_FETCH_ALLOW_LOOPBACK = False
    with pytest.raises(UnsafeURLError):
        fetch(server.url("/page.html"))
    settings.DAIS_FETCH_ALLOW_LOOPBACK = True
    assert fetch(server.url("/page.html")).status == 200


def test_the_loopback_setting_never_opens_private_ranges():
    assert fetch_module._forbidden(__import__("ipaddress").ip_address("10.0.0.1"), True)
    assert fetch_module._forbidden(__import__("ipaddress").ip_address("::ffff:192.168.0.1"), True)
