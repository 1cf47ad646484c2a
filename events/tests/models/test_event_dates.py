"""The date vocabulary: one meaning of upcoming, ongoing and past (EventQuerySet
and Event.phase), shared by the home page, the archive, a person's page, the
calendar, the API's filters and its `phase` field; and one meaning of ?q=."""

import datetime

import pytest
from rest_framework.test import APIClient

from events.models import Event
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, country

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
TODAY = datetime.date.today()


@pytest.fixture
def dated(db):
    """One event in each place relative to today."""
    return {
        "long over": EventFactory(title="Harvest accord", start_date=TODAY - 30 * DAY),
        "ended yesterday": EventFactory(
            title="Reef forum", start_date=TODAY - 3 * DAY, end_date=TODAY - DAY
        ),
        "under way": EventFactory(
            title="Lakeside congress", start_date=TODAY - DAY, end_date=TODAY + DAY
        ),
        "last day today": EventFactory(
            title="Delta talks", start_date=TODAY - 2 * DAY, end_date=TODAY
        ),
        "one day, today": EventFactory(title="Meadow rite", start_date=TODAY),
        "tomorrow": EventFactory(title="Canyon summit", start_date=TODAY + DAY),
        "cancelled, ahead": EventFactory(
            title="Island jubilee", start_date=TODAY + 9 * DAY, lifecycle="cancelled"
        ),
        "cancelled, over": EventFactory(
            title="Tundra meeting", start_date=TODAY - 9 * DAY, lifecycle="cancelled"
        ),
    }


PHASES = {
    "long over": "past",
    "ended yesterday": "past",
    "under way": "ongoing",
    "last day today": "ongoing",
    "one day, today": "ongoing",
    "tomorrow": "upcoming",
    "cancelled, ahead": "cancelled",
    "cancelled, over": "cancelled",
}


def _titles(qs) -> set[str]:
    return set(qs.values_list("title", flat=True))


def _names(dated, *names) -> set[str]:
    return {dated[name].title for name in names}


def test_each_event_has_the_phase_its_dates_and_lifecycle_give(dated):
    assert {name: event.phase(TODAY) for name, event in dated.items()} == PHASES


def test_the_querysets_hold_the_rows_of_the_phases(dated):
    by_phase = {
        p: {dated[n].title for n, q in PHASES.items() if q == p} for p in set(PHASES.values())
    }
    assert _titles(Event.objects.upcoming(TODAY)) == by_phase["upcoming"] | by_phase["ongoing"]
    assert _titles(Event.objects.ongoing(TODAY)) == by_phase["ongoing"]
    assert _titles(Event.objects.past(TODAY)) == by_phase["past"] | _names(dated, "cancelled, over")
    assert _titles(Event.objects.not_upcoming(TODAY)) == _titles(Event.objects.all()) - _titles(
        Event.objects.upcoming(TODAY)
    )
    assert _titles(Event.objects.not_over(TODAY)) == _titles(Event.objects.upcoming(TODAY)) | (
        _names(dated, "cancelled, ahead")
    )
    for event in Event.objects.all():
        assert event.is_over(TODAY) == (event in Event.objects.past(TODAY))


def test_the_lists_are_ordered_soonest_first_and_the_archive_latest_first(dated):
    upcoming = list(Event.objects.upcoming(TODAY))
    assert [e.start_date for e in upcoming] == sorted(e.start_date for e in upcoming)
    past = list(Event.objects.past(TODAY))
    assert [e.start_date for e in past] == sorted((e.start_date for e in past), reverse=True)


def test_between_keeps_the_events_overlapping_the_range(dated):
    assert _titles(Event.objects.between(TODAY, TODAY)) == _names(
        dated, "under way", "last day today", "one day, today"
    )
    assert _titles(Event.objects.between(TODAY + DAY, None)) == _names(
        dated, "under way", "tomorrow", "cancelled, ahead"
    )
    assert _titles(Event.objects.between(None, TODAY - 3 * DAY)) == _names(
        dated, "long over", "ended yesterday", "cancelled, over"
    )
    # Chained after another date method (both alias the last day).
    assert _titles(Event.objects.upcoming(TODAY).between(TODAY + DAY, TODAY + 5 * DAY)) == (
        _names(dated, "under way", "tomorrow")
    )


def test_home_archive_and_api_agree_on_every_event(client, dated):
    home = client.get("/").content.decode()
    archive = client.get("/archive/").content.decode()
    api = {e["title"]: e for e in APIClient().get("/api/events/?page_size=50").json()["results"]}
    up = {e["title"] for e in APIClient().get("/api/events/?upcoming=true").json()["results"]}
    not_up = {e["title"] for e in APIClient().get("/api/events/?upcoming=false").json()["results"]}
    for name, event in dated.items():
        phase = PHASES[name]
        assert api[event.title]["phase"] == phase, name
        listed_home = phase in ("upcoming", "ongoing")
        assert (event.title in home) == listed_home, name
        assert (event.title in up) == listed_home, name
        assert (event.title in not_up) == (not listed_home), name
        assert (event.title in archive) == event.is_over(TODAY), name


def test_a_persons_page_lists_an_ongoing_event_as_upcoming_as_home_does(client, db):
    person = PersonFactory(name="Odile Brenn", slug="odile-brenn")
    ongoing = EventFactory(title="Lakeside congress", start_date=TODAY - DAY, end_date=TODAY + DAY)
    over = EventFactory(title="Reef forum", start_date=TODAY - 3 * DAY, end_date=TODAY - DAY)
    for event in (ongoing, over):
        InvitationFactory(event=event, invitee=person)

    assert "Lakeside congress" in client.get("/").content.decode()
    html = client.get("/people/odile-brenn/").content.decode()
    upcoming, record = html.split('id="past-title"')
    assert "Lakeside congress" in upcoming and "Lakeside congress" not in record
    assert "Reef forum" in record and "Reef forum" not in upcoming


def test_the_calendar_keeps_events_not_over_cancelled_ones_included(client, dated):
    ics = client.get("/calendar.ics").content.decode()
    for name, event in dated.items():
        assert (event.title in ics) == (not event.is_over(TODAY)), name


# --- ?q= ---------------------------------------------------------------------------
@pytest.fixture
def searchable(db):
    host = PersonFactory(name="Mirela Tovanic", country=country("HR"))
    return {
        "by title": EventFactory(title="Granite conference", start_date=TODAY + 3 * DAY),
        "by city": EventFactory(title="Spring forum", city="Split", start_date=TODAY + 4 * DAY),
        "by host country": EventFactory(
            title="Coastal review", country=country("HR"), start_date=TODAY + 5 * DAY
        ),
        "by host": EventFactory(title="Autumn talks", host=host, start_date=TODAY + 6 * DAY),
        "unrelated": EventFactory(title="Lowland meeting", start_date=TODAY + 7 * DAY),
    }


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("granite", {"by title"}),
        ("SPLIT", {"by city"}),
        ("croatia", {"by host country"}),
        ("tovanic", {"by host"}),
        ("o", {"by title", "by city", "by host country", "by host", "unrelated"}),
    ],
)
def test_q_means_the_same_on_the_pages_the_calendar_and_the_api(client, searchable, q, expected):
    wanted = {searchable[name].title for name in expected}
    assert _titles(Event.objects.search(q)) == wanted
    api = APIClient().get("/api/events/", {"q": q}).json()["results"]
    assert {e["title"] for e in api} == wanted
    home = client.get("/", {"q": q}).content.decode()
    ics = client.get("/calendar.ics", {"q": q}).content.decode()
    for event in searchable.values():
        assert (event.title in home) == (event.title in wanted), (q, event.title)
        assert (event.title in ics) == (event.title in wanted), (q, event.title)
