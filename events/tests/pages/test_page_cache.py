"""The event page's body is cached for readers (bench R2); every change it
shows must reach the next reader at once."""

import datetime

import pytest
from django.core.cache import caches
from django.utils import timezone

from events import services
from events.tests.factories import (
    EventFactory,
    InvitationFactory,
    PersonFactory,
    UserFactory,
    record,
)

pytestmark = pytest.mark.django_db


def _page(client, event) -> str:
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_a_new_claim_to_the_next_reader():
    from django.test import Client

    event = EventFactory()
    invitation = InvitationFactory(event=event, invitee=PersonFactory(name="Ada Cached"))
    record(invitation, "accepted", timezone.localdate() - datetime.timedelta(days=3), "Reuters")
    reader = Client()
    assert 'invitation invitation--accepted"' in _page(reader, event)
    assert 'invitation invitation--accepted"' in _page(reader, event)  # from the cache
    record(invitation, "declined", timezone.localdate() - datetime.timedelta(days=1), "Reuters")
    html = _page(reader, event)
    assert 'invitation invitation--declined"' in html
    assert 'invitation invitation--accepted"' not in html
    caches["template_fragments"].clear()
    assert _page(reader, event) == html  # what an uncached render shows


def test_it_shows_a_claim_once_an_editor_approves_it(client):
    event = EventFactory()
    invitation = InvitationFactory(event=event)
    pending = record(
        invitation,
        "accepted",
        timezone.localdate() - datetime.timedelta(days=2),
        "Pendingpost",
        review_state="pending",
    )
    assert "Pendingpost" not in _page(client, event)
    services.claim_review(claim=pending, approve=True, reviewer=UserFactory(editor=True))
    assert "Pendingpost" in _page(client, event)


def test_it_shows_a_renamed_invitee(client):
    event = EventFactory()
    person = PersonFactory(name="Old Name")
    InvitationFactory(event=event, invitee=person)
    assert "Old Name" in _page(client, event)
    person.name = "New Name"
    person.save()
    html = _page(client, event)
    assert "New Name" in html and "Old Name" not in html


def test_it_never_serves_an_editor_a_readers_cached_body(client):
    event = EventFactory()
    InvitationFactory(event=event)
    _page(client, event)
    client.force_login(UserFactory(editor=True))
    assert "Record a status" in _page(client, event)


def test_it_shows_new_counts_on_the_home_page_at_once(client):
    event = EventFactory(title="Counted summit")
    invitation = InvitationFactory(event=event)
    assert "1 invited" in " ".join(_page_at(client, "/").split()).replace("<strong>1</strong>", "1")
    record(invitation, "accepted", timezone.localdate(), "Reuters")
    html = " ".join(_page_at(client, "/").split()).replace("<strong>1</strong>", "1")
    assert "1 accepted" in html and "1 invited" not in html


def _page_at(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()
