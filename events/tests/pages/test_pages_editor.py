"""Editor doors on the pages: record a claim, add an invitee, create and edit
events; permissions, CSRF, validation next to the fields, htmx fragments."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from events.models import Claim, Event, Invitation, Person
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def claim_data(**overrides):
    data = {
        "status": "accepted",
        "as_of": timezone.localdate().isoformat(),
        "source_url": "https://www.reuters.com/world/xi-accepts",
        "source_outlet": "Reuters",
        "evidence": "Xi has accepted the invitation.",
    }
    data.update(overrides)
    return data


@pytest.fixture
def invitation(db):
    return InvitationFactory(invitee=PersonFactory(name="Xi Jinping"))


def claim_url(invitation):
    return f"/events/{invitation.event.slug}/invitations/{invitation.pk}/claims/"


def test_it_shows_the_record_form_to_editors_only(client, editor, invitation):
    url = invitation.event.get_absolute_url()
    assert "Record a status" not in client.get(url).content.decode()
    client.force_login(editor)
    html = client.get(url).content.decode()
    assert "Record a status" in html
    assert "csrfmiddlewaretoken" in html
    assert "Add an invitee" in html


def test_it_records_an_acceptance_and_redirects_back_to_the_invitee(client, editor, invitation):
    client.force_login(editor)
    response = client.post(claim_url(invitation), claim_data())
    assert response.status_code == 302
    assert response["Location"] == f"{invitation.event.get_absolute_url()}#inv-{invitation.pk}"
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    claim = invitation.current_claim
    assert (claim.source_outlet, claim.recorded_by, claim.origin) == ("Reuters", editor, "manual")
    html = client.get(response["Location"]).content.decode()
    assert "Recorded: Xi Jinping accepted." in html
    assert 'id="status-accepted"' in html


def test_it_returns_the_invitee_section_to_htmx(client, editor, invitation):
    client.force_login(editor)
    response = client.post(claim_url(invitation), claim_data(), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="invitees"')
    assert "<html" not in html
    assert "Recorded: Xi Jinping accepted." in html
    assert 'id="status-accepted"' in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"source_url": "javascript:alert(1)"}, "source_url", "http"),
        ({"source_url": ""}, "source_url", "required"),
        ({"source_outlet": ""}, "source_outlet", "required"),
        ({"status": "maybe"}, "status", "valid choice"),
        ({"as_of": "not a date"}, "as_of", "valid date"),
        # From the service, not the form: the event has not started yet.
        ({"status": "attended"}, "status", "not started"),
        (
            {"as_of": (timezone.localdate() + datetime.timedelta(days=9)).isoformat()},
            "as_of",
            "future",
        ),
    ],
)
def test_it_shows_validation_errors_next_to_the_field(
    client, editor, invitation, overrides, field, message
):
    client.force_login(editor)
    response = client.post(claim_url(invitation), claim_data(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    error_id = f'id="id_{invitation.pk}_{field}-error"'
    assert error_id in html
    error = html[html.index(error_id) :].split("</p>", 1)[0]
    assert message in error
    assert '<details class="record" open>' in html
    assert not Claim.objects.exists()


def test_it_puts_htmx_validation_errors_in_the_fragment(client, editor, invitation):
    client.force_login(editor)
    response = client.post(
        claim_url(invitation), claim_data(source_outlet=""), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert f'id="id_{invitation.pk}_source_outlet-error"' in response.content.decode()


def test_it_sends_anonymous_writers_to_the_login_page(client, invitation):
    response = client.post(claim_url(invitation), claim_data())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not Claim.objects.exists()


def test_it_forbids_writes_by_users_who_are_not_editors(client, invitation):
    client.force_login(UserFactory())
    response = client.post(claim_url(invitation), claim_data())
    assert response.status_code == 403
    assert "Only editors can do this" in response.content.decode()
    assert client.get("/events/new/").status_code == 403


def test_it_refuses_a_post_without_a_csrf_token(editor, invitation):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(claim_url(invitation), claim_data()).status_code == 403
    assert not Claim.objects.exists()


def test_it_answers_404_for_an_invitation_of_another_event(client, editor, invitation):
    other = InvitationFactory()
    client.force_login(editor)
    url = f"/events/{invitation.event.slug}/invitations/{other.pk}/claims/"
    assert client.post(url, claim_data()).status_code == 404


def test_it_adds_a_new_invitee_and_reuses_an_existing_person(client, editor):
    event = EventFactory()
    client.force_login(editor)
    url = f"/events/{event.slug}/invitees/"
    response = client.post(
        url, {"name": "Nicolás Maduro", "country": "ve", "role": "President", "kind": "person"}
    )
    assert response.status_code == 302
    maduro = Person.objects.get(name="Nicolás Maduro")
    assert maduro.country_id == "VE"
    other = EventFactory()
    client.post(f"/events/{other.slug}/invitees/", {"name": "nicolás maduro", "kind": "person"})
    assert Person.objects.filter(name__iexact="nicolás maduro").count() == 1
    assert Invitation.objects.filter(invitee=maduro).count() == 2


def test_it_says_so_when_the_invitee_is_already_invited(client, editor, invitation):
    client.force_login(editor)
    url = f"/events/{invitation.event.slug}/invitees/"
    response = client.post(url, {"name": "Xi Jinping", "country": "FR", "kind": "person"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_invitee_name-error"' in html
    assert "already invited" in html


def test_it_creates_an_event_and_edits_it_growing_the_sequence(client, editor):
    client.force_login(editor)
    assert client.get("/events/new/").status_code == 200
    start = timezone.localdate() + datetime.timedelta(days=30)
    data = {
        "title": "Coronation of the King",
        "kind": "coronation",
        "start_date": start.isoformat(),
        "date_precision": "day",
        "city": "London",
        "country": "GB",
        "host_name": "King Charles III",
        "lifecycle": "scheduled",
    }
    response = client.post("/events/new/", data)
    assert response.status_code == 302
    event = Event.objects.get(title="Coronation of the King")
    assert response["Location"] == event.get_absolute_url()
    assert event.host.name == "King Charles III"
    sequence = event.sequence
    response = client.post(f"/events/{event.slug}/edit/", {**data, "city": "Westminster"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.city == "Westminster"
    assert event.sequence > sequence


def test_it_shows_event_form_errors_next_to_the_fields(client, editor):
    client.force_login(editor)
    response = client.post(
        "/events/new/",
        {
            "title": "",
            "kind": "summit",
            "start_date": "2030-05-10",
            "end_date": "2030-05-01",
            "country": "ZZ",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("title", "end_date", "country"):
        assert f'id="id_{field}-error"' in html
    assert not Event.objects.exists()
