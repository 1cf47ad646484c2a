"""python manage.py extract PATH [PATH ...]: print extracted events and claims as JSON Lines.

Touches no database: it only imports the pure extractor package.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.ingest.extract import extract_report


def read_report(path: str) -> tuple[str, str, datetime.date]:
    """(text, title, published) from a JSON report file or a plain-text file."""
    raw = Path(path).read_text(encoding="utf-8")
    if path.endswith(".json") or raw.lstrip().startswith("{"):
        data = json.loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError("a JSON report needs a string 'text' key")
        published = data.get("published")
        date = datetime.date.fromisoformat(published) if published else datetime.date.today()
        return data["text"], data.get("title") or "", date
    return raw, "", datetime.date.today()


class Command(BaseCommand):
    help = (
        "Extract events and invitation claims from report files (JSON reports with keys id, "
        "title, published, source, url, text; or plain text, published today). Prints one JSON "
        "line per input; touches no database."
    )
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, **options):
        failed = 0
        for path in options["paths"]:
            try:
                text, title, published = read_report(path)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                failed += 1
                self.stderr.write(f"extract: {path}: {exc}")
                continue
            result = extract_report(text, published=published, title=title).to_dict()
            line = {"input": path, **result}
            self.stdout.write(json.dumps(line, ensure_ascii=False))
        sys.stdout.flush()
        if failed:
            raise CommandError(f"{failed} of {len(options['paths'])} inputs failed", returncode=1)
