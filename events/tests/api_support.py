"""Fixtures and helpers shared by the API tests (test_api_*.py import them)."""

import datetime

import pytest
from django.core.cache import cache
from knox.models import AuthToken
from rest_framework.test import APIClient

from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, UserFactory

TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttle counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon():
    return APIClient()


def token_client(user) -> APIClient:
    _, token = AuthToken.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    client.user = user
    return client


@pytest.fixture
def editor_client(editor):
    return token_client(editor)


@pytest.fixture
def user_client(db):
    return token_client(UserFactory(username="plain"))


@pytest.fixture
def admin_client(db):
    return token_client(UserFactory(username="boss", is_superuser=True, is_staff=True))


@pytest.fixture
def summit(db):
    """An upcoming summit with three invitations: one accepted, one invited, one declined."""
    from events.tests.factories import record

    event = EventFactory(title="Victory Day parade", city="Moscow", kind="parade")
    accepted = InvitationFactory(event=event, invitee=PersonFactory(name="Xi Jinping"))
    record(accepted, "accepted", TODAY - datetime.timedelta(days=3), outlet="Xinhua")
    InvitationFactory(event=event, invitee=PersonFactory(name="Nicolas Maduro"))
    declined = InvitationFactory(event=event, invitee=PersonFactory(name="Olaf Person"))
    record(declined, "declined", TODAY - datetime.timedelta(days=1), outlet="DW")
    event.refresh_from_db()
    return event


def assert_error(response, status: int, *fields: str) -> dict:
    """The shared error shape, with messages for the given fields."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == status
    for field in fields:
        assert body["errors"].get(field), (field, body)
    return body
