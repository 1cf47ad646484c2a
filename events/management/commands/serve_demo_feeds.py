import functools
import http.server
from pathlib import Path

from django.core.management.base import BaseCommand

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo" / "feed"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".xml": "application/rss+xml",
        ".html": "text/html; charset=utf-8",
        ".json": "application/feed+json",
    }

    def log_message(self, format, *args):  # quieter than the default
        pass


class Command(BaseCommand):
    help = "Serve the demo feed and its articles (events/demo/feed/) on 127.0.0.1:8001 for offline demos."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8001)
        parser.add_argument("--bind", default="127.0.0.1")

    def handle(self, *args, port, bind, **options):
        handler = functools.partial(_Handler, directory=str(DEMO_DIR))
        server = http.server.ThreadingHTTPServer((bind, port), handler)
        self.stdout.write(f"Serving demo feeds from {DEMO_DIR} on http://{bind}:{port}/feed.xml")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
