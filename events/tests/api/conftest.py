"""Fixtures shared by the API tests: clients for each kind of caller and a summit."""

import datetime

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from events.tests.api.support import TODAY, token_client
from events.tests.factories import (
    EventFactory,
    InvitationFactory,
    PersonFactory,
    UserFactory,
    record,
)


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttle counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def anon():
    return APIClient()


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
    event = EventFactory(title="Victory Day parade", city="Moscow", kind="parade")
    accepted = InvitationFactory(event=event, invitee=PersonFactory(name="Xi Jinping"))
    record(accepted, "accepted", TODAY - datetime.timedelta(days=3), outlet="Xinhua")
    InvitationFactory(event=event, invitee=PersonFactory(name="Nicolas Maduro"))
    declined = InvitationFactory(event=event, invitee=PersonFactory(name="Olaf Person"))
    record(declined, "declined", TODAY - datetime.timedelta(days=1), outlet="DW")
    event.refresh_from_db()
    return event
