from django.core.management.base import BaseCommand

from events.demo.loader import EDITOR_PASSWORD, EDITOR_USERNAME, demo_load
from events.demo.source import ensure_demo_source
from events.models import Claim, Event, Invitation, Person


class Command(BaseCommand):
    help = (
        "Load realistic demo data: real state events (past ones with attendance, upcoming "
        "ones rolled to their next occurrence), about 40 people, invitations and sourced "
        "claims in every status, some waiting for review, and the editor account "
        f"{EDITOR_USERNAME!r} / {EDITOR_PASSWORD!r}. Safe to run again: it matches existing "
        "rows instead of duplicating them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing.")

    def handle(self, *args, quiet: bool = False, **options):
        say = (lambda _: None) if quiet else self.stdout.write
        tally = demo_load(log=say)
        source = ensure_demo_source()
        say(f"demo feed source: {source.name} <{source.url}> (served by serve_demo_feeds)")
        for name, t in tally.items():
            say(f"{name}: {t.created} created, {t.existing} already there")
        say(
            f"totals: {Event.objects.count()} events "
            f"({Event.objects.upcoming().count()} upcoming), {Person.objects.count()} people, "
            f"{Invitation.objects.count()} invitations, {Claim.objects.count()} claims "
            f"({Claim.objects.pending().count()} pending review)"
        )
        say(
            self.style.SUCCESS(
                f"Editor account: username {EDITOR_USERNAME!r}, password {EDITOR_PASSWORD!r} "
                "(superuser, in the editors group)"
            )
        )
