"""events.validation.full_clean gives Django's full_clean errors without its queries."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from events.models import Claim, Event, Origin, ReviewState
from events.tests.factories import EventFactory, InvitationFactory, country
from events.validation import full_clean

pytestmark = pytest.mark.django_db


def _errors(clean, obj, **kw) -> dict | None:
    try:
        clean(obj, **kw)
    except ValidationError as exc:
        return {k: sorted(str(m) for m in v) for k, v in exc.message_dict.items()}
    return None


def _claim(**changes) -> Claim:
    invitation = InvitationFactory()
    fields = {
        "invitation": invitation,
        "status": "accepted",
        "as_of": datetime.date(2026, 1, 1),
        "confidence": 0.9,
        "origin": Origin.EXTRACTED,
        "review_state": ReviewState.PENDING,
        "source_url": "https://wire.example/a",
    }
    fields.update(changes)
    return Claim(**fields)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"confidence": 1.5},
        {"confidence": -0.1},
        {"status": "rumoured"},
        {"review_state": "maybe", "confidence": 3.0},
        {"source_url": "javascript:alert(1)"},
        {"origin": ""},
    ],
)
def test_it_reports_the_same_claim_errors_as_django(changes):
    claim = _claim(**changes)
    ours = _errors(full_clean, claim, exclude=["invitation"])
    django = _errors(lambda c, **kw: c.full_clean(**kw), claim, exclude=["invitation"])
    assert ours == django
    assert (ours is None) == (changes == {})


def test_it_checks_an_event_ending_before_it_starts_like_django():
    event = EventFactory.build(
        country=country("FR"),
        start_date=datetime.date(2027, 7, 14),
        end_date=datetime.date(2027, 7, 13),
        slug="bastille-day-check",
    )
    ours = _errors(full_clean, event)
    assert ours == _errors(lambda e: e.full_clean(), event)
    assert ours and "__all__" in ours
    event.end_date = None
    assert _errors(full_clean, event) is None


def test_it_asks_the_database_nothing_for_a_claim_on_loaded_rows(django_assert_num_queries):
    claim = _claim()
    claim.invitation.event = Event.objects.get(pk=claim.invitation.event_id)
    with django_assert_num_queries(0):
        full_clean(claim, exclude=["invitation"])


def test_it_still_checks_that_a_bare_foreign_key_exists():
    claim = _claim()
    claim.invitation_id = 10**9
    ours = _errors(full_clean, claim)
    assert ours == _errors(lambda c: c.full_clean(), claim)
    assert "invitation" in ours
