"""The public pages: status codes, what they show, bounded query counts."""

import datetime

import pytest
from django.utils import timezone

from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, country, record

pytestmark = pytest.mark.django_db


def test_it_lists_upcoming_events_grouped_by_month_with_counts(client, scenario):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Victory Day Parade" in html
    assert "G20 Leaders&#x27; Summit" in html
    assert "State funeral of a former president" not in html  # past
    parade = scenario["parade"]
    assert f"{parade.start_date:%B %Y}" in html  # month heading
    # Parade: Xi, Modi, North Korea troops accepted; Trump denied; Fico disputed.
    assert "<strong>3</strong> accepted" in html
    assert "<strong>1</strong> disputed" in html
    assert "Moscow" in html and 'title="Russia"' in html


def test_it_lists_past_events_in_the_archive(client, scenario):
    response = client.get("/archive/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "State funeral of a former president" in html
    assert "Victory Day Parade" not in html
    assert "<strong>2</strong> attended" in html


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("country=RU", "Victory Day Parade", "G20 Leaders"),
        ("country=za", "G20 Leaders", "Victory Day Parade"),
        ("kind=state_visit", "State visit of the President", "Victory Day Parade"),
        ("q=johannesburg", "G20 Leaders", "Victory Day Parade"),
        ("q=Russia", "Victory Day Parade", "G20 Leaders"),
        ("person=maduro", "Victory Day Parade", "G20 Leaders"),
        ("person=Ramaphosa", "Presidential inauguration", "Victory Day Parade"),
    ],
)
def test_it_filters_from_the_url(client, scenario, query, present, absent):
    html = client.get(f"/?{query}").content.decode()
    assert present in html
    assert absent not in html


def test_it_filters_by_date_range(client, scenario):
    today = timezone.localdate()
    start = today + datetime.timedelta(days=30)
    end = today + datetime.timedelta(days=50)
    html = client.get(f"/?from={start:%Y-%m-%d}&to={end:%Y-%m-%d}").content.decode()
    assert "G20 Leaders" in html
    assert "Victory Day Parade" not in html
    assert "Presidential inauguration" not in html


def test_it_counts_an_event_once_when_a_person_filter_matches_several_invitees(client, db):
    event = EventFactory(title="Crowded summit")
    for n in range(3):
        InvitationFactory(event=event, invitee=PersonFactory(name=f"Smith {n}"))
    html = client.get("/?person=smith").content.decode()
    assert html.count("Crowded summit") == 1
    assert "<strong>3</strong> invited" in html


@pytest.mark.parametrize(
    "query",
    [
        "country=XX",
        "country=%3Cscript%3E",
        "kind=picnic",
        "from=yesterday",
        "from=2025-05-10&to=2025-05-01",
    ],
)
def test_it_answers_bad_filters_with_a_400_and_the_error_next_to_the_field(client, db, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="field__error"' in html
    assert "<script>" not in html


def test_it_tells_an_empty_list_what_to_do(client, db):
    html = client.get("/").content.decode()
    assert "No upcoming events yet." in html
    assert "log in" in html
    html = client.get("/?country=FR").content.decode()
    assert "No events match these filters." in html
    assert "clear all filters" in html


def test_it_keeps_list_queries_constant_whatever_the_number_of_events(
    client, db, django_assert_max_num_queries
):
    for n in range(30):
        event = EventFactory(country=country(["FR", "RU", "CN"][n % 3]))
        for status in ("accepted", "declined"):
            inv = InvitationFactory(event=event)
            record(inv, status, timezone.localdate())
    with django_assert_max_num_queries(4):
        response = client.get("/")
    assert response.status_code == 200
    assert response.content.decode().count('<li class="event-card') == 30
    with django_assert_max_num_queries(4):
        assert client.get("/archive/?country=FR").status_code == 200


def test_it_shows_an_event_with_invitees_grouped_by_status_and_their_sources(client, scenario):
    response = client.get(scenario["parade"].get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "Accepted",
        "Disputed: sources disagree",
        "Denied a report",
        "Declined",
        "Invited",
    ):
        assert heading in html
    assert "Xi Jinping" in html and "President of China" in html
    assert "Xinhua" in html and 'href="https://www.xinhuanet.com/english/victory-day"' in html
    assert "has accepted the invitation to attend" in html
    # Trump: denied, with the acceptance it denies in the history.
    assert "Claim history (2)" in html
    assert "Le Point" in html and "TASS" in html
    trump_block = html[html.index('id="status-denied"') :]
    assert "Denies an earlier report:" in trump_block
    assert trump_block.index("TASS") < trump_block.index("Le Point")
    # Fico: disputed, both sides shown.
    fico_block = html[html.index('id="status-disputed"') :]
    assert "Sources disagree" in fico_block
    assert "Reuters" in fico_block and "TASS" in fico_block
    # Readers get no editor forms.
    assert "Record a status" not in html


def test_it_keeps_the_event_page_queries_constant_whatever_the_number_of_invitees(
    client, db, django_assert_max_num_queries
):
    event = EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=3))
    for n in range(25):
        inv = InvitationFactory(
            event=event, invitee=PersonFactory(country=country(["FR", "DE"][n % 2]))
        )
        record(inv, "accepted", timezone.localdate() - datetime.timedelta(days=10))
        record(inv, "attended", timezone.localdate(), outlet="Other")
    with django_assert_max_num_queries(4):
        response = client.get(event.get_absolute_url())
    assert response.content.decode().count('class="invitation invitation--attended"') == 25


def test_it_answers_404_for_unknown_pages(client, db):
    assert client.get("/events/no-such-event/").status_code == 404
    assert client.get("/people/nobody/").status_code == 404
    assert client.get("/countries/XX/").status_code == 404
    assert client.get("/countries/toolong/").status_code == 404


def test_it_shows_a_persons_invitations_and_attendance_record(client, scenario):
    response = client.get("/people/donald-trump-us/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Victory Day Parade" in html and "G20 Leaders" in html
    assert "<strong>1</strong> denied" in html and "<strong>1</strong> declined" in html
    assert "/calendar.ics?person=donald-trump-us" in html


def test_it_shows_a_countrys_hosted_events_and_its_leaders_invitations(client, scenario):
    response = client.get("/countries/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "France" in html
    assert "State funeral of a former president" in html  # Macron attended
    assert "G20 Leaders" in html
    assert "<strong>1</strong> attended" in html
    html = client.get("/countries/RU/").content.decode()
    assert "Victory Day Parade" in html


def test_it_shows_the_editor_nav_only_to_editors(client, editor, scenario):
    html = client.get("/").content.decode()
    assert "Review queue" not in html and "Log in" in html
    client.force_login(editor)
    html = client.get("/").content.decode()
    assert 'href="/review/"' in html and 'href="/reports/"' in html and "Log out" in html


def test_it_pages_long_lists_keeping_the_filters(client, db, settings):
    from events.views import public

    for _ in range(public.PAGE_SIZE + 5):
        EventFactory(country=country("RU"))
    EventFactory(country=country("FR"))
    html = client.get("/?country=RU").content.decode()
    assert html.count('<li class="event-card') == public.PAGE_SIZE
    assert "?country=RU&amp;page=2" in html
    html = client.get("/?country=RU&page=2").content.decode()
    assert html.count('<li class="event-card') == 5
    assert client.get("/?country=RU&page=abc").status_code == 200
    assert client.get("/?page=999").status_code == 200
