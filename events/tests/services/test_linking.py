"""Linking plans: what an extraction names, found in the database or to be
created, without writing anything; and the service that carries a plan out."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.ingest import linking
from events.ingest.extract.model import ExtractedClaim, ExtractedEvent, Extraction
from events.models import Claim, DatePrecision, Event, Person, PersonKind
from events.services.reports import report_apply_extraction, report_submit
from events.tests.factories import EventFactory, PersonFactory, country

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date.today()
SUMMIT_DAY = PUBLISHED + datetime.timedelta(days=60)


def summit(key="e1", *, name="Lisbon Ocean Summit", country_code="PT", start=SUMMIT_DAY):
    return ExtractedEvent(key, name, "summit", start, "Lisbon", country_code)


def claim(invitee, *, event="e1", invitee_country="PT", inviter=None, status="accepted"):
    return ExtractedClaim(event, invitee, invitee_country, inviter, status, "", 0.9)


def plan_writing_nothing(extraction) -> linking.Plan:
    """linking.plan(), checked to send no write and take no lock."""
    with CaptureQueriesContext(connection) as queries:
        plan = linking.plan(extraction, published=PUBLISHED)
    sent = [q["sql"].lstrip().split()[0].upper() for q in queries.captured_queries]
    assert set(sent) <= {"SELECT"}, sent
    assert not any("advisory" in q["sql"] for q in queries.captured_queries)
    return plan


def test_a_plan_finds_the_known_event_and_person_and_creates_nothing():
    event = EventFactory(
        title="Lisbon Ocean Summit", start_date=SUMMIT_DAY, city="Lisbon", country=country("PT")
    )
    person = PersonFactory(name="Ana Tavares", country=country("PT"))
    before = (Event.objects.count(), Person.objects.count())

    plan = plan_writing_nothing(Extraction([summit()], [claim("Ana Tavares")]))

    assert plan.events == {"e1": event}
    assert [(link.invitee, link.event_key) for link in plan.claims] == [(person, "e1")]
    assert plan.skipped == []
    assert (Event.objects.count(), Person.objects.count()) == before


def test_a_plan_describes_the_event_to_create_without_creating_it():
    undated = summit("e2", name="", start=None)
    plan = plan_writing_nothing(Extraction([summit(), undated], []))

    new, new_undated = plan.events["e1"], plan.events["e2"]
    assert isinstance(new, linking.NewEvent)
    assert (new.title, new.kind, new.start_date, new.city, new.country.code) == (
        "Lisbon Ocean Summit",
        "summit",
        SUMMIT_DAY,
        "Lisbon",
        "PT",
    )
    assert new.date_precision == DatePrecision.DAY
    # no date: the year of the report, for an editor to fix; no name: kind and place
    assert (new_undated.start_date, new_undated.date_precision) == (
        datetime.date(PUBLISHED.year, 1, 1),
        DatePrecision.YEAR,
    )
    assert new_undated.title == "summit in Lisbon"
    assert not Event.objects.exists()


def test_a_plan_keeps_a_year_or_month_as_a_precision_and_the_last_day():
    """A text that names only the year or the month of an event gives that
    period with its precision, not the report's year; a known last day is kept."""

    def dated(key, **fields):
        return ExtractedEvent(key, f"Harbour Forum {key}", "summit", None, "Lisbon", "PT", **fields)

    two_days = ExtractedEvent(
        "e4",
        "Harbour Forum e4",
        "summit",
        SUMMIT_DAY,
        "Lisbon",
        "PT",
        end_date=SUMMIT_DAY + datetime.timedelta(days=1),
    )
    extraction = Extraction(
        [
            dated("e1", date_precision="year", period="2029"),
            dated("e2", date_precision="month", period="2029-05"),
            dated("e3", date_precision="month", period="2029-13"),
            two_days,
        ],
        [],
    )
    plan = plan_writing_nothing(extraction)
    got = {k: (e.start_date, e.date_precision, e.end_date) for k, e in plan.events.items()}

    assert got == {
        "e1": (datetime.date(2029, 1, 1), DatePrecision.YEAR, None),
        "e2": (datetime.date(2029, 5, 1), DatePrecision.MONTH, None),
        # a month that is not one: the year it names is all that is known
        "e3": (datetime.date(2029, 1, 1), DatePrecision.YEAR, None),
        "e4": (SUMMIT_DAY, DatePrecision.DAY, SUMMIT_DAY + datetime.timedelta(days=1)),
    }


def test_a_plan_skips_what_cannot_be_pinned_down():
    extraction = Extraction(
        [summit(country_code=None), summit("e2", name="Porto Forum", country_code="PT")],
        [
            claim("Ana Tavares"),  # e1 has no host country: never created
            claim(None, event="e2", invitee_country=None),  # nobody named, no country
        ],
    )
    plan = plan_writing_nothing(extraction)

    assert "e1" not in plan.events
    assert plan.claims == []
    assert plan.skipped == [
        "Ana Tavares: event not identified",
        "None: invitee not identified",
    ]


def test_a_plan_names_new_people_and_delegations_and_finds_known_ones():
    known_delegation = PersonFactory(
        name="Spain delegation", kind=PersonKind.DELEGATION, country=country("ES")
    )
    host = PersonFactory(name="Rui Costa", country=country("PT"))
    extraction = Extraction(
        [summit()],
        [
            claim("Marta Ilves", invitee_country="EE", inviter="Rui Costa"),
            claim(None, invitee_country="ES"),
            claim(None, invitee_country="IE"),
        ],
    )
    plan = plan_writing_nothing(extraction)

    new_person, spain, ireland = (link.invitee for link in plan.claims)
    assert new_person == linking.NewPerson(
        name="Marta Ilves", country_code="EE", country=country("EE")
    )
    assert plan.claims[0].inviter == host
    assert spain == known_delegation
    assert ireland == linking.NewDelegation(country=country("IE"))


def _report(text: str):
    report, _ = report_submit(
        text=text,
        published=timezone.now(),
        outlet="Our wire",
    )
    return report


def test_the_service_creates_what_the_plan_names_once_and_links_the_claims():
    extraction = Extraction(
        [summit()],
        [
            claim("Marta Ilves", invitee_country="EE"),
            claim("Lars Berg", invitee_country="SE", inviter="Marta Ilves"),
            claim("marta ilves", invitee_country="EE", status="declined"),
            claim(None, invitee_country="IE"),
        ],
    )
    report = _report("Marta Ilves accepted; Lars Berg, invited by her, too.")

    result = report_apply_extraction(report=report, extraction=extraction)

    event = Event.objects.get()
    assert (event.title, event.needs_review) == ("Lisbon Ocean Summit", True)
    marta = Person.objects.get(name="Marta Ilves")
    assert marta.needs_review and marta.country_id == "EE"
    assert Person.objects.filter(name__iexact="marta ilves").count() == 1
    delegation = Person.objects.get(kind=PersonKind.DELEGATION)
    assert delegation.country_id == "IE"
    assert (result.events_created, result.people_created) == (1, 2)  # delegations aside
    claims = Claim.objects.filter(report=report).select_related("invitation")
    assert sorted((c.invitation.invitee.name, c.status) for c in claims) == [
        ("Ireland delegation", "accepted"),
        ("Lars Berg", "accepted"),
        ("Marta Ilves", "accepted"),
        ("Marta Ilves", "declined"),
    ]
    # an inviter is never created, but one created for an earlier claim is linked
    lars = claims.get(invitation__invitee__name="Lars Berg").invitation
    assert lars.inviter == marta


def test_carrying_out_a_plan_again_creates_nothing_more():
    extraction = Extraction(
        [summit()], [claim("Marta Ilves", invitee_country="EE"), claim(None, invitee_country="IE")]
    )
    report_apply_extraction(report=_report("First wire about Lisbon."), extraction=extraction)
    counts = (Event.objects.count(), Person.objects.count())

    again = report_apply_extraction(
        report=_report("Second wire about Lisbon."), extraction=extraction
    )

    assert (again.events_created, again.people_created) == (0, 0)
    assert (Event.objects.count(), Person.objects.count()) == counts
    plan = linking.plan(extraction, published=PUBLISHED)
    assert not any(
        isinstance(x, linking.NewEvent | linking.NewPerson | linking.NewDelegation)
        for x in [*plan.events.values(), *(link.invitee for link in plan.claims)]
    )
