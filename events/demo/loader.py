"""Load the demo data set through the services, idempotently.

Existing rows are matched, not duplicated: people by slug, events by slug,
invitations by (event, invitee), claims by (invitation, status, source URL).
The claim key leaves out the as-of date on purpose: a claim about an upcoming
event is dated "N days before the event, but not after today", so a rerun on a
later day must still find the claim the first run recorded.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from events.countries import sync_countries
from events.demo import data
from events.models import (
    Claim,
    Country,
    Event,
    Invitation,
    Lifecycle,
    Origin,
    Person,
    PersonKind,
)
from events.permissions import EDITORS_GROUP, ensure_editors_group
from events.services.claims import claim_record
from events.services.events import event_create, event_update
from events.services.invitations import invitation_get_or_create
from events.services.people import delegation_for_country, person_create
from events.status import ReviewState

EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "dais-editor"  # noqa: S105 - the documented demo account


@dataclass
class Tally:
    created: int = 0
    existing: int = 0


def _next_occurrence(
    yearly: data.Yearly, today: datetime.date
) -> tuple[datetime.date, datetime.date | None]:
    """The first occurrence that has not ended before today."""
    for year in (today.year, today.year + 1):
        if yearly.day is None:
            start = datetime.date(year, yearly.month, 1)
            end = start.replace(day=calendar.monthrange(year, yearly.month)[1])
        else:
            start = datetime.date(year, yearly.month, yearly.day)
            end = start + datetime.timedelta(days=yearly.days - 1) if yearly.days > 1 else None
        if (end or start) >= today:
            return start, end
    raise AssertionError("unreachable: next year's occurrence is always ahead")


def event_dates(
    spec: data.E, today: datetime.date
) -> tuple[str, str, datetime.date, datetime.date | None]:
    """(slug, title, start, end) of a demo event as of `today`."""
    if spec.yearly is None:
        assert spec.on is not None, spec.slug
        return spec.slug, spec.title, spec.on, spec.until
    start, end = _next_occurrence(spec.yearly, today)
    return (
        spec.slug.format(year=start.year),
        spec.title.format(year=start.year),
        start,
        end,
    )


def claim_date(claim: data.C, start: datetime.date, today: datetime.date) -> datetime.date:
    if claim.on is not None:
        return claim.on
    assert claim.before is not None
    return min(start - datetime.timedelta(days=claim.before), today)


class DemoLoader:
    def __init__(self, *, today: datetime.date, log: Callable[[str], None]) -> None:
        self.today = today
        self.log = log
        self.countries = {c.code: c for c in Country.objects.all()}
        self.people: dict[str, Person] = {}
        self.tally = {name: Tally() for name in ("people", "events", "invitations", "claims")}

    def person(self, spec: data.P) -> Person:
        country = self.countries[spec.country] if spec.country else None
        # The rule the forms and the pipeline use: a leader the pipeline met
        # before the demo was loaded is that row, not a second one.
        person = Person.objects.person_named(spec.name, country)
        if person is None:
            person = person_create(
                name=spec.name,
                country=country,
                role=spec.role,
                kind=spec.kind,
                aliases=list(spec.aliases),
            )
            self.tally["people"].created += 1
        else:
            self.tally["people"].existing += 1
        return person

    def invitee(self, key: str) -> Person:
        if ":" in key:
            kind, code = key.split(":")
            kind = PersonKind.TROOPS if kind == "troops" else PersonKind.DELEGATION
            return delegation_for_country(country=self.countries[code], kind=kind)
        return self.people[key]

    def event(self, spec: data.E) -> Event:
        slug, title, start, end = event_dates(spec, self.today)
        held = (end or start) < self.today
        fields = {
            "title": title,
            "kind": spec.kind,
            "start_date": start,
            "end_date": end,
            "date_precision": spec.precision,
            "city": spec.city,
            "country": self.countries[spec.country],
            "host": self.people[spec.host] if spec.host else None,
            "lifecycle": Lifecycle.HELD if held else Lifecycle.SCHEDULED,
            "description": spec.description,
        }
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            event = event_create(slug=slug, **fields)
            self.tally["events"].created += 1
        else:
            # Keep a demo event true to the data set (a no-op when nothing changed).
            event = event_update(event=event, **fields)
            self.tally["events"].existing += 1
        return event

    def invitation(self, event: Event, spec: data.I, editor) -> Invitation:
        invitation, created = invitation_get_or_create(
            event=event,
            invitee=self.invitee(spec.invitee),
            inviter=self.people[spec.inviter] if spec.inviter else None,
        )
        self.tally["invitations"].created += created
        self.tally["invitations"].existing += not created
        for claim in spec.claims:
            self.claim(invitation, claim, editor)
        return invitation

    def claim(self, invitation: Invitation, spec: data.C, editor) -> None:
        if Claim.objects.filter(
            invitation=invitation, status=spec.status, source_url=spec.source.url
        ).exists():
            self.tally["claims"].existing += 1
            return
        claim_record(
            invitation=invitation,
            status=spec.status,
            as_of=claim_date(spec, invitation.event.start_date, self.today),
            source_url=spec.source.url,
            source_outlet=spec.source.outlet,
            source_title=spec.source.title,
            evidence=spec.evidence,
            confidence=spec.confidence,
            origin=Origin.EXTRACTED if spec.extracted else Origin.MANUAL,
            review_state=ReviewState.PENDING if spec.extracted else ReviewState.APPROVED,
            recorded_by=None if spec.extracted else editor,
        )
        self.tally["claims"].created += 1

    def run(self, editor) -> None:
        for spec in data.PEOPLE:
            self.people[spec.key] = self.person(spec)
        self.log(f"people: {len(self.people)}")
        done: set[str] = set()
        for spec in data.EVENTS:
            # A recurring event may roll onto a one-off event already loaded
            # (the 2025 parade, if run before 9 May 2025): the one-off wins.
            if event_dates(spec, self.today)[0] in done:
                continue
            event = self.event(spec)
            done.add(event.slug)
            for invitation in spec.invitations:
                self.invitation(event, invitation, editor)
            self.log(f"event: {event} ({len(spec.invitations)} invitations)")


def editor_ensure(*, username: str = EDITOR_USERNAME, password: str = EDITOR_PASSWORD):
    """The demo editor: a superuser in the editors group. The password is only
    re-set when it no longer matches, so a rerun changes nothing."""
    ensure_editors_group()
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username, defaults={"email": ""})
    changed = False
    for attr in ("is_staff", "is_superuser", "is_active"):
        if not getattr(user, attr):
            setattr(user, attr, True)
            changed = True
    if not user.check_password(password):
        user.set_password(password)
        changed = True
    if changed:
        user.save()
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@transaction.atomic
def demo_load(
    *, today: datetime.date | None = None, log: Callable[[str], None] = lambda _: None
) -> dict[str, Tally]:
    """Load (or refresh) the demo data set; returns created/existing counts per kind."""
    today = today or timezone.localdate()
    created, updated = sync_countries(Country)
    log(f"countries: {created} created, {updated} updated")
    editor = editor_ensure()
    loader = DemoLoader(today=today, log=log)
    loader.run(editor)
    return loader.tally
