"""Two merges of the same records at the same time, each on its own PostgreSQL
connection: one wins, the other gets a clear error, and nothing is half-moved.

The main thread holds the rows both merges need, starts both (each in a thread
with its own connection), waits until PostgreSQL shows both waiting for those
locks, then lets go: the merges really do race for the same rows."""

from __future__ import annotations

import datetime
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from events.models import Claim, Event, EventRedirect, Invitation, Person, PersonRedirect
from events.services import merge as merging
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, record
from events.tests.support import require_service

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def _postgresql():
    require_service(connection.vendor == "postgresql", "row locks need PostgreSQL")


class Attempt(threading.Thread):
    """One merge on its own database connection."""

    def __init__(self, merge):
        super().__init__(daemon=True)
        self.merge, self.result, self.error = merge, None, None

    def run(self):
        try:
            self.result = self.merge()
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            self.error = exc
        finally:
            connection.close()


def waiting_for_locks() -> int:
    with connection.cursor() as cursor:
        # Inside a transaction the activity view is a snapshot taken once: renew it.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def race(model, pks, *merges) -> list[Attempt]:
    """Run the merges while the rows `pks` are held, then release them together."""
    attempts = [Attempt(merge) for merge in merges]
    with transaction.atomic():
        list(model.objects.select_for_update().filter(pk__in=pks))
        for attempt in attempts:
            attempt.start()
        deadline = time.monotonic() + 20
        while waiting_for_locks() < len(attempts):
            errors = [a.error for a in attempts]
            assert time.monotonic() < deadline, f"the merges never waited for the locks: {errors}"
            time.sleep(0.05)
    for attempt in attempts:
        attempt.join(30)
        assert not attempt.is_alive(), "a merge hung"
    return attempts


def outcome(attempts: list[Attempt]) -> tuple[Attempt, Attempt]:
    won = [a for a in attempts if a.error is None]
    lost = [a for a in attempts if a.error is not None]
    assert len(won) == 1 and len(lost) == 1, [a.error for a in attempts]
    assert isinstance(lost[0].error, ValidationError), repr(lost[0].error)
    return won[0], lost[0]


def claims_by_invitee() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for invitee, status in Claim.objects.order_by("id").values_list(
        "invitation__invitee_id", "status"
    ):
        out.setdefault(invitee, []).append(status)
    return out


def test_two_merges_of_one_event_into_two_others_one_wins_the_other_says_why():
    dup = EventFactory(title="Swearing-in")
    first, second = EventFactory(title="Inauguration A"), EventFactory(title="Inauguration B")
    shared = PersonFactory(name="Shared guest")
    record(InvitationFactory(event=dup, invitee=shared), "accepted", TODAY, outlet="Wire")
    record(InvitationFactory(event=first, invitee=shared), "invited", TODAY, outlet="AP")
    record(InvitationFactory(event=second, invitee=shared), "invited", TODAY, outlet="AFP")
    for n in range(5):
        record(InvitationFactory(event=dup), "accepted", TODAY, outlet=f"Outlet{n}")
    claims_before = claims_by_invitee()

    attempts = race(
        Event,
        [dup.pk],
        lambda: merging.event_merge(event=dup, into=first),
        lambda: merging.event_merge(event=dup, into=second),
    )

    won, lost = outcome(attempts)
    kept = won.result
    assert "has just been merged into" in lost.error.messages[0]
    assert not Event.objects.filter(pk=dup.pk).exists()
    # Everything of the duplicate is on the winner's event; the loser's got nothing.
    other = second if kept.pk == first.pk else first
    assert Invitation.objects.filter(event=kept).count() == 6
    assert Invitation.objects.filter(event=other).count() == 1
    assert Invitation.objects.filter(event=kept, invitee=shared).get().claims.count() == 2
    assert claims_by_invitee() == claims_before
    assert list(EventRedirect.objects.values_list("old_id", "event_id")) == [(dup.pk, kept.pk)]


def test_two_events_merged_into_each_other_at_once_give_one_event():
    a, b = EventFactory(title="Parade A"), EventFactory(title="Parade B")
    for event in (a, b):
        for n in range(3):
            record(InvitationFactory(event=event), "accepted", TODAY, outlet=f"O{n}")
    claims_before = claims_by_invitee()

    attempts = race(
        Event,
        [a.pk, b.pk],
        lambda: merging.event_merge(event=a, into=b),
        lambda: merging.event_merge(event=b, into=a),
    )

    won, lost = outcome(attempts)
    assert Event.objects.filter(pk__in=[a.pk, b.pk]).count() == 1
    assert Invitation.objects.filter(event=won.result).count() == 6
    assert claims_by_invitee() == claims_before
    assert EventRedirect.objects.count() == 1


def test_two_people_merged_into_each_other_at_once_give_one_person():
    a = PersonFactory(name="Recep Tayyip Erdoğan")
    b = PersonFactory(name="Recep Tayyip Erdogan")
    both = EventFactory(title="NATO summit")
    record(InvitationFactory(event=both, invitee=a), "accepted", TODAY, outlet="Anadolu")
    record(InvitationFactory(event=both, invitee=b), "invited", TODAY, outlet="Reuters")
    record(InvitationFactory(invitee=a), "accepted", TODAY, outlet="TRT")
    record(InvitationFactory(invitee=b), "declined", TODAY, outlet="AP")

    attempts = race(
        Person,
        [a.pk, b.pk],
        lambda: merging.person_merge(person=a, into=b),
        lambda: merging.person_merge(person=b, into=a),
    )

    won, lost = outcome(attempts)
    kept = won.result
    assert Person.objects.filter(pk__in=[a.pk, b.pk]).get() == kept
    assert Invitation.objects.filter(invitee=kept).count() == 3
    merged = Invitation.objects.get(event=both)
    assert sorted(merged.claims.values_list("status", flat=True)) == ["accepted", "invited"]
    assert merged.status == "accepted"
    assert Claim.objects.count() == 4
    assert PersonRedirect.objects.count() == 1
    assert kept.aliases == []  # the two spellings have one key: no alias needed
