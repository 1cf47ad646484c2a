"""The editors' merge pages: find the record to keep, confirm, merge; the old
addresses answer 301; readers never see any of it."""

import datetime

import pytest
from django.test import Client

from events.models import Event, Invitation, Person
from events.tests.factories import (
    EventFactory,
    InvitationFactory,
    PersonFactory,
    UserFactory,
    country,
    record,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def pair():
    start = TODAY + datetime.timedelta(days=40)
    kept = EventFactory(
        title="G20 summit 2026, Miami", city="Miami", country=country("US"), start_date=start
    )
    dup = EventFactory(
        title="20 summit", city="", country=country("US"), start_date=start, needs_review=True
    )
    InvitationFactory(event=dup, invitee=PersonFactory(name="Javier Milei"))
    return dup, kept


@pytest.fixture
def kings():
    kept = PersonFactory(name="Charles III", country=country("GB"))
    dup = PersonFactory(name="King Charles III", country=country("GB"))
    return dup, kept


def merge_url(record) -> str:
    if isinstance(record, Event):
        return f"/events/{record.slug}/merge/"
    return f"/people/{record.slug}/merge/"


def test_readers_see_no_merge_controls(client, pair, kings):
    dup, _ = pair
    for url in (dup.get_absolute_url(), f"/people/{kings[0].slug}/"):
        html = client.get(url).content.decode()
        assert "Merge this" not in html and "/merge/" not in html
    client.force_login(UserFactory(username="reader"))
    assert "/merge/" not in client.get(dup.get_absolute_url()).content.decode()


def test_the_merge_pages_are_for_editors_only(client, pair, kings):
    dup, kept = pair
    for url in (merge_url(dup), merge_url(kings[0])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert client.post(url, {"into": kept.pk}).status_code == 302
    client.force_login(UserFactory(username="reader"))
    assert client.get(merge_url(dup)).status_code == 403
    assert client.post(merge_url(dup), {"into": kept.pk}).status_code == 403
    assert Event.objects.filter(pk=dup.pk).exists()


def test_an_editor_finds_the_event_to_keep_from_the_event_page(client, editor, pair):
    dup, kept = pair
    client.force_login(editor)
    html = client.get(dup.get_absolute_url()).content.decode()
    assert "Merge this event into another…" in html
    assert f'action="{merge_url(dup)}"' in html
    # Without a search: the likely duplicates (same country and kind, near the dates).
    html = client.get(merge_url(dup)).content.decode()
    assert "Likely the same event" in html and kept.title in html
    html = client.get(merge_url(dup), {"q": "Miami"}).content.decode()
    assert f'href="{merge_url(dup)}?into={kept.pk}"' in html
    html = client.get(merge_url(dup), {"q": "Nowhere at all"}).content.decode()
    assert "Nothing matches" in html


def test_the_confirmation_says_what_will_move(client, editor, pair):
    dup, kept = pair
    milei = Invitation.objects.get(event=dup).invitee
    record(InvitationFactory(event=kept, invitee=milei), "invited", TODAY, outlet="CasaRosada")
    client.force_login(editor)
    response = client.get(merge_url(dup), {"into": kept.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Merge into “{kept.title}”?" in html
    assert "1 invitation(s) and 0 claim(s)" in html
    assert "1 invitee(s) are invited to both" in html
    assert "csrfmiddlewaretoken" in html and f'name="into" value="{kept.pk}"' in html
    assert Event.objects.filter(pk=dup.pk).exists()  # a GET never merges


def test_merging_moves_everything_and_the_old_address_redirects(client, editor, pair):
    dup, kept = pair
    client.force_login(editor)
    response = client.post(merge_url(dup), {"into": kept.pk})
    assert response.status_code == 302 and response["Location"] == kept.get_absolute_url()
    assert (
        "Merged “20 summit” into “G20 summit 2026, Miami”."
        in client.get(response["Location"]).content.decode()
    )
    assert Invitation.objects.get(invitee__name="Javier Milei").event_id == kept.pk
    client.logout()  # readers follow the old address too, and so do calendars
    old = client.get(dup.get_absolute_url())
    assert old.status_code == 301 and old["Location"] == kept.get_absolute_url()
    ics = client.get(f"/events/{dup.slug}/calendar.ics")
    assert ics.status_code == 301 and ics["Location"] == f"/events/{kept.slug}/calendar.ics"
    assert client.get("/events/never-existed/").status_code == 404


@pytest.mark.parametrize(
    ("into", "message"),
    [
        ("self", "An event cannot be merged into itself."),
        ("gone", "That event no longer exists (deleted or merged): pick another."),
        ("", "Pick the event to keep."),
        ("abc", "That event no longer exists"),
    ],
)
def test_bad_choices_come_back_as_form_errors(client, editor, pair, into, message):
    dup, kept = pair
    if into == "self":
        into = dup.pk
    elif into == "gone":
        into = kept.pk
        kept.delete()
    client.force_login(editor)
    response = client.post(merge_url(dup), {"into": into})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="form-errors" role="alert"' in html and message in html
    assert Event.objects.filter(pk=dup.pk).exists()
    assert Invitation.objects.filter(event=dup).count() == 1


def test_the_merge_form_needs_a_csrf_token(editor, pair):
    dup, kept = pair
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(merge_url(dup), {"into": kept.pk}).status_code == 403
    assert Event.objects.filter(pk=dup.pk).exists()


def test_an_editor_merges_two_people_from_the_person_page(client, editor, kings):
    dup, kept = kings
    coronation = EventFactory(title="Coronation", start_date=TODAY - datetime.timedelta(days=3))
    record(InvitationFactory(event=coronation, invitee=dup), "attended", TODAY, outlet="BBC")
    client.force_login(editor)
    html = client.get(f"/people/{dup.slug}/").content.decode()
    assert "Merge this person into another…" in html
    html = client.get(merge_url(dup)).content.decode()  # same country, "III" in the name
    assert f"?into={kept.pk}" in html
    html = client.get(merge_url(dup), {"into": kept.pk}).content.decode()
    assert "“King Charles III” becomes an alias of Charles III" in html

    response = client.post(merge_url(dup), {"into": kept.pk})

    assert response.status_code == 302 and response["Location"] == f"/people/{kept.slug}/"
    assert Person.objects.get(pk=kept.pk).aliases == []  # the title aside, the same name
    assert Invitation.objects.get(event=coronation).invitee_id == kept.pk
    old = client.get(f"/people/{dup.slug}/")
    assert old.status_code == 301 and old["Location"] == f"/people/{kept.slug}/"
    response = client.post(merge_url(kept), {"into": kept.pk})
    assert response.status_code == 400
    assert "A person cannot be merged into themselves." in response.content.decode()
