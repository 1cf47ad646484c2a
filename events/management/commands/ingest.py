import datetime
import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from events.ingest import pipeline
from events.ingest.fetch import FetchError
from events.services.reports import report_submit


def _progress(done: int, total: int, label: str, stream) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}")
    stream.flush()


class Command(BaseCommand):
    help = (
        "Ingest reports synchronously through the same pipeline as the worker. "
        "Each argument is a URL (fetched safely) or a file: a JSON report "
        "(keys title, published, source, url, text) or plain text."
    )

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="+", metavar="URL_OR_FILE")
        parser.add_argument(
            "--force", action="store_true", help="Re-extract reports already extracted."
        )

    def handle(self, *args, inputs, force=False, **options):
        total, failed = len(inputs), 0
        err = self.stderr._out if hasattr(self.stderr, "_out") else sys.stderr
        for n, item in enumerate(inputs, 1):
            _progress(n - 1, total, item, err)
            try:
                report, _created = self._submit(item)
                result = pipeline.process_report(report.pk, force=force)
            except (ValidationError, FetchError, CommandError, OSError, ValueError) as exc:
                failed += 1
                err.write("\n")
                self.stderr.write(f"{item}: {exc}")
                continue
            _progress(n, total, item, err)
            err.write("\n")
            self.stdout.write(
                f"{item}: report {result.report_id} {result.state or 'unchanged'}, "
                f"{result.claims_created} claim(s), {result.claims_applied} applied"
            )
        if failed:
            raise CommandError(f"{failed} of {total} input(s) failed.")

    def _submit(self, item: str):
        if item.startswith(("http://", "https://")):
            return report_submit(url=item)
        path = Path(item)
        if not path.is_file():
            raise CommandError(f"{item}: neither a URL nor a file.")
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            data = json.loads(raw)
            if not isinstance(data, dict) or not data.get("text"):
                raise CommandError(f"{item}: a JSON report needs a text.")
            published = None
            if data.get("published"):
                day = datetime.date.fromisoformat(str(data["published"])[:10])
                published = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
            return report_submit(
                url=str(data.get("url") or ""),
                text=str(data["text"]),
                title=str(data.get("title") or ""),
                outlet=str(data.get("source") or ""),
                published=published,
            )
        return report_submit(text=raw, title=path.stem, published=timezone.now())
