"""/calendar.ics parsed back with icalendar, /feeds/changes.atom with feedparser."""

import datetime

import feedparser
import icalendar
import pytest
from django.utils import timezone

from events import services
from events.models import Event
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, country, record

pytestmark = pytest.mark.django_db


def parse_calendar(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    return list(cal.walk("VEVENT"))


def by_summary(vevents) -> dict:
    return {str(v["SUMMARY"]): v for v in vevents}


def attendees(vevent) -> dict:
    found = vevent.get("ATTENDEE", [])
    if not isinstance(found, list):
        found = [found]
    return {str(a.params["CN"]): str(a.params["PARTSTAT"]) for a in found}


def test_it_serves_upcoming_events_as_icalendar(client, scenario):
    vevents = by_summary(parse_calendar(client.get("/calendar.ics")))
    assert "Victory Day Parade" in vevents
    assert "State funeral of a former president" not in vevents  # past
    parade = vevents["Victory Day Parade"]
    event = scenario["parade"]
    assert parade["DTSTART"].dt == event.start_date
    assert parade["DTEND"].dt == event.start_date + datetime.timedelta(days=1)
    assert str(parade["LOCATION"]) == "Moscow, Russia"
    assert str(parade["URL"]).endswith(event.get_absolute_url())
    assert str(parade["ORGANIZER"].params["CN"]) == "Vladimir Putin"


def test_it_maps_invitation_statuses_to_partstat(client, scenario):
    parade = by_summary(parse_calendar(client.get("/calendar.ics")))["Victory Day Parade"]
    assert attendees(parade) == {
        "Xi Jinping": "ACCEPTED",
        "Narendra Modi": "ACCEPTED",
        "Nicolás Maduro": "NEEDS-ACTION",
        "Donald Trump": "DECLINED",  # denied
        "North Korea troops": "ACCEPTED",
        "Robert Fico": "TENTATIVE",  # disputed
        "Luiz Inácio Lula da Silva": "DECLINED",
    }


def test_it_keeps_uids_stable_and_grows_sequence_when_an_event_changes(client, db):
    event = EventFactory(title="Summit in Paris")
    first = parse_calendar(client.get("/calendar.ics"))[0]
    services.event_update(event=event, city="Lyon")
    second = parse_calendar(client.get("/calendar.ics"))[0]
    assert str(first["UID"]) == str(second["UID"])
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"])
    assert str(second["LOCATION"]).startswith("Lyon")
    # A new claim changes the attendee line: SEQUENCE must grow again.
    invitation = InvitationFactory(event=event)
    record(invitation, "accepted", timezone.localdate())
    third = parse_calendar(client.get("/calendar.ics"))[0]
    assert str(third["UID"]) == str(first["UID"])
    assert int(third["SEQUENCE"]) > int(second["SEQUENCE"])


def test_it_keeps_a_cancelled_event_in_the_calendar_as_cancelled(client, db):
    event = EventFactory()
    services.event_update(event=event, lifecycle="cancelled")
    [vevent] = parse_calendar(client.get("/calendar.ics"))
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_it_filters_the_calendar_like_the_home_page(client, scenario):
    assert set(by_summary(parse_calendar(client.get("/calendar.ics?country=ZA")))) == {
        "G20 Leaders' Summit"
    }
    person = set(by_summary(parse_calendar(client.get("/calendar.ics?person=nicolas-maduro-ve"))))
    assert person == {"Victory Day Parade"}
    trump = set(by_summary(parse_calendar(client.get("/calendar.ics?person=Donald Trump"))))
    assert trump == {"Victory Day Parade", "G20 Leaders' Summit"}
    assert parse_calendar(client.get("/calendar.ics?kind=coronation")) == []


def test_it_answers_a_bad_calendar_filter_with_a_400(client, db):
    response = client.get("/calendar.ics?country=XX&from=soon")
    assert response.status_code == 400
    body = response.content.decode()
    assert "country" in body and "from" in body.lower()


def test_it_keeps_calendar_queries_constant(client, db, django_assert_max_num_queries):
    for _ in range(15):
        event = EventFactory()
        for _ in range(3):
            InvitationFactory(event=event, invitee=PersonFactory(country=country("DE")))
    with django_assert_max_num_queries(3):
        assert len(parse_calendar(client.get("/calendar.ics"))) == 15


def test_it_serves_status_changes_as_atom(client, scenario):
    response = client.get("/feeds/changes.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Dais: status changes"
    titles = [e.title for e in feed.entries]
    assert "Xi Jinping accepted: Victory Day Parade" in titles
    assert "Donald Trump denied: Victory Day Parade" in titles
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids))
    entry = next(e for e in feed.entries if e.title.startswith("Xi Jinping accepted: Victory"))
    assert entry.link.endswith(
        scenario["parade"].get_absolute_url() + entry.link[entry.link.index("#") :]
    )
    assert "Xinhua" in entry.summary


def test_it_filters_the_atom_feed(client, scenario):
    feed = feedparser.parse(client.get("/feeds/changes.atom?country=ZA").content)
    assert feed.entries
    assert all("G20" in e.title for e in feed.entries)
    feed = feedparser.parse(client.get("/feeds/changes.atom?person=robert-fico-sk").content)
    assert sorted(e.title for e in feed.entries) == [
        "Robert Fico accepted: Victory Day Parade",
        "Robert Fico declined: Victory Day Parade",
    ]
    assert client.get("/feeds/changes.atom?kind=picnic").status_code == 400


def test_it_leaves_pending_claims_out_of_the_feed(client, db):
    invitation = InvitationFactory(invitee=PersonFactory(name="Pending Person"))
    services.claim_record(
        invitation=invitation,
        status="accepted",
        as_of=timezone.localdate(),
        source_outlet="Wire",
        origin="extracted",
    )
    feed = feedparser.parse(client.get("/feeds/changes.atom").content)
    assert feed.entries == []


def test_it_keeps_an_xss_payload_inert_in_the_feeds(client, db):
    payload = "<script>alert(1)</script>"
    event = EventFactory(title=f"Summit {payload}")
    invitation = InvitationFactory(event=event)
    record(invitation, "accepted", timezone.localdate(), evidence=f"He said {payload}")
    feed = feedparser.parse(client.get("/feeds/changes.atom").content)
    [entry] = feed.entries
    # feedparser sanitises; check the raw text: the quote arrives as text.
    raw = client.get("/feeds/changes.atom").content.decode()
    assert "<script>" not in raw
    assert "&amp;lt;script&amp;gt;" in raw  # escaped for HTML, then for XML
    assert payload in entry.title  # a plain-text title, shown as text
    [vevent] = parse_calendar(client.get("/calendar.ics"))
    assert str(vevent["SUMMARY"]) == f"Summit {payload}"
    assert Event.objects.count() == 1


def test_it_serves_one_event_as_a_calendar_file_with_the_same_uid(client, scenario):
    parade = scenario["parade"]
    [one] = parse_calendar(client.get(f"/events/{parade.slug}/calendar.ics"))
    listed = by_summary(parse_calendar(client.get("/calendar.ics")))["Victory Day Parade"]
    assert str(one["UID"]) == str(listed["UID"])
    assert client.get("/events/no-such-event/calendar.ics").status_code == 404
