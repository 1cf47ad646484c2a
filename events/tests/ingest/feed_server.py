"""A local HTTP server for the pipeline's tests: fixture feeds, article pages and
hostile answers (slow, oversized, wrong type, redirects), on 127.0.0.1 only."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Route:
    body: bytes | Callable[[], bytes] = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    last_modified: str = ""
    gzip: bool = False
    delay: float = 0.0  # seconds before the headers
    drip: float = 0.0  # seconds between body chunks
    stream_bytes: int = 0  # send this many bytes without a Content-Length


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    self._send(404, b"not found", "text/plain")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, b"", None, {"ETag": route.etag})
                    return
                if (
                    route.last_modified
                    and self.headers.get("If-Modified-Since") == route.last_modified
                ):
                    self._send(304, b"", None, {"Last-Modified": route.last_modified})
                    return
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                if route.stream_bytes:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    sent, chunk = 0, b"x" * 65536
                    try:
                        while sent < route.stream_bytes:
                            self.wfile.write(chunk)
                            sent += len(chunk)
                            if route.drip:
                                time.sleep(route.drip)
                    except OSError:
                        pass
                    self.close_connection = True
                    return
                body = route.body() if callable(route.body) else route.body
                if route.gzip:
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                if route.drip:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    try:
                        for i in range(0, len(body), 16):
                            self.wfile.write(body[i : i + 16])
                            self.wfile.flush()
                            time.sleep(route.drip)
                    except OSError:
                        pass
                    return
                self._send(route.status, body, route.content_type, headers)

            def _send(self, status, body, content_type, headers=None):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    with contextlib.suppress(OSError):
                        self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str | Callable[[], bytes] = b"", **kw) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body=body, **kw)
        return self.url(path)

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- Fixture documents -----------------------------------------------------------------

ARTICLE_PARAGRAPHS = [
    "NAIROBI, Nov 20 (Test Wire) – Kenya will host the Africa Forward summit in Nairobi on "
    "12 June 2027, the foreign ministry said on Friday.",
    "French President Emmanuel Macron has accepted an invitation to attend the summit, "
    "the Elysee said.",
    "Kenyan officials said more than thirty heads of state had been invited to the two-day "
    "meeting, which will discuss trade, climate finance and the reform of development banks.",
    "German Chancellor Friedrich Merz declined the invitation because of a scheduling "
    "conflict, a government spokesman in Berlin said.",
    "The summit will be held at a conference centre in the Kenyan capital, where security "
    "will be tightened from early June, the interior ministry said in a statement.",
]


def article_html(title: str, paragraphs: list[str], extra: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><main><article>"
        f"<h1>{title}</h1>{body}{extra}</article></main><footer>Test Wire</footer></body></html>"
    )


def rss(items: list[dict], *, title: str = "Test Wire") -> str:
    parts = []
    for item in items:
        content = (
            f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>"
            if item.get("content")
            else ""
        )
        parts.append(
            f"<item><title>{item['title']}</title><link>{item['link']}</link>"
            f"<guid>{item.get('guid', item['link'])}</guid>"
            f"<pubDate>{item.get('date', 'Fri, 20 Nov 2026 10:00:00 +0000')}</pubDate>"
            f"<description>{item.get('summary', 'Summary.')}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>http://127.0.0.1/</link><description>Test</description>"
        f"<language>en</language>{''.join(parts)}</channel></rss>"
    )


def atom(entries: list[dict], *, title: str = "Atom Test Wire") -> str:
    parts = []
    for e in entries:
        parts.append(
            f'<entry><title>{e["title"]}</title><link href="{e["link"]}"/>'
            f"<id>{e['link']}</id><updated>2026-11-20T10:00:00Z</updated>"
            f"<summary>{e.get('summary', 'Summary.')}</summary>"
            + (
                f'<content type="html"><![CDATA[{e["content"]}]]></content>'
                if e.get("content")
                else ""
            )
            + "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:test</id>'
        f"<updated>2026-11-20T10:00:00Z</updated>{''.join(parts)}</feed>"
    )


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title><link>http://127.0.0.1/x</link></item></channel></rss>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title><link>http://127.0.0.1/x</link></item></channel></rss>"""

MALFORMED = "<?xml version='1.0'?><rss version='2.0'><channel><title>broken<item></rss"
