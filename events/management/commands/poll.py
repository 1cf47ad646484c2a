from django.core.management.base import BaseCommand, CommandError

from events.ingest import pipeline
from events.models import Source
from events.services.sources import source_poll_soon


class Command(BaseCommand):
    help = (
        "Poll feeds now, synchronously: every due source, or one with --source ID. "
        "New reports are then fetched, extracted and applied in this process."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, help="Poll this source (even if not due).")
        parser.add_argument(
            "--no-process", action="store_true", help="Only store new reports; do not extract."
        )

    def handle(self, *args, source=None, no_process=False, **options):
        if source is not None:
            if not Source.objects.filter(pk=source).exists():
                raise CommandError(f"No source with id {source}.")
            source_poll_soon(source_id=source)
            ids = [source]
        else:
            ids = pipeline.due_source_ids()
        for source_id in ids:
            result = pipeline.poll_source(source_id)
            name = Source.objects.get(pk=source_id).name
            if not result.claimed:
                self.stdout.write(f"{name}: being polled elsewhere, skipped")
                continue
            if result.error:
                self.stderr.write(f"{name}: {result.error}")
                continue
            if result.not_modified:
                self.stdout.write(f"{name}: not modified")
                continue
            self.stdout.write(
                f"{name}: {result.entries} entries, {len(result.new_report_ids)} to process"
            )
            if not no_process:
                for report_id in result.new_report_ids:
                    done = pipeline.process_report(report_id)
                    self.stdout.write(
                        f"  report {done.report_id}: {done.state}, {done.claims_created} claim(s)"
                    )
