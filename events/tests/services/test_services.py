"""The services: the only writers, and the status they derive."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events import services
from events.models import Claim, Event, PersonKind
from events.tests.factories import (
    EventFactory,
    InvitationFactory,
    PersonFactory,
    country,
    record,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def test_it_creates_an_event_with_a_unique_slug():
    a = services.event_create(
        title="Victory Day parade",
        kind="parade",
        start_date=days(10),
        country=country("RU"),
        city="Moscow",
    )
    b = services.event_create(
        title="Victory Day parade",
        kind="parade",
        start_date=days(10),
        country=country("RU"),
        city="Moscow",
    )
    assert a.slug != b.slug
    assert a.slug.startswith("victory-day-parade")


def test_it_rejects_an_event_ending_before_it_starts_with_a_field_message():
    with pytest.raises(ValidationError) as exc:
        services.event_create(
            title="X", kind="summit", start_date=days(5), end_date=days(4), country=country("FR")
        )
    assert "event_end_after_start" in str(exc.value) or "end" in str(exc.value).lower()
    assert Event.objects.count() == 0


def test_it_rejects_an_unknown_kind():
    with pytest.raises(ValidationError) as exc:
        services.event_create(title="X", kind="picnic", start_date=days(5), country=country("FR"))
    assert "kind" in exc.value.message_dict


def test_event_update_bumps_the_calendar_sequence_only_on_change():
    event = EventFactory()
    before = event.sequence
    services.event_update(event=event, city="Lyon")
    assert event.sequence == before + 1
    services.event_update(event=event, city="Lyon")
    assert event.sequence == before + 1


def test_event_update_refuses_unknown_fields():
    with pytest.raises(ValidationError):
        services.event_update(event=EventFactory(), sequence=99)


def test_it_refuses_a_second_invitation_for_the_same_invitee():
    invitation = InvitationFactory()
    with pytest.raises(services.InvitationAlreadyExists):
        services.invitation_create(event=invitation.event, invitee=invitation.invitee)


def test_invitation_get_or_create_is_idempotent():
    event, person = EventFactory(), PersonFactory()
    first, created = services.invitation_get_or_create(event=event, invitee=person)
    again, created_again = services.invitation_get_or_create(event=event, invitee=person)
    assert (created, created_again) == (True, False)
    assert first.pk == again.pk


def test_recording_a_claim_derives_the_status():
    invitation = InvitationFactory()
    record(invitation, "accepted", days(-3))
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert invitation.status_since == days(-3)
    assert invitation.current_claim.status == "accepted"


def test_a_denial_after_an_acceptance_shows_denied_and_keeps_both_sources():
    invitation = InvitationFactory()
    record(invitation, "accepted", days(-30), outlet="Magazine")
    record(invitation, "denied", days(-20), outlet="Kremlin")
    invitation.refresh_from_db()
    assert invitation.status == "denied"
    assert sorted(invitation.claims.values_list("source_outlet", flat=True)) == [
        "Kremlin",
        "Magazine",
    ]


def test_two_sources_disagreeing_within_a_week_are_disputed():
    invitation = InvitationFactory()
    record(invitation, "accepted", days(-5), outlet="Alpha")
    record(invitation, "declined", days(-2), outlet="Beta")
    invitation.refresh_from_db()
    assert invitation.status == "disputed"


def test_a_pending_claim_does_not_change_the_status_until_approved(editor):
    invitation = InvitationFactory()
    claim = record(invitation, "accepted", days(-1), origin="extracted", confidence=0.6)
    invitation.refresh_from_db()
    assert claim.review_state == "pending"
    assert invitation.status == "invited"
    services.claim_review(claim=claim, approve=True, reviewer=editor)
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert claim.__class__.objects.get(pk=claim.pk).reviewed_by == editor


def test_rejecting_an_approved_claim_restores_the_previous_status(editor):
    invitation = InvitationFactory()
    record(invitation, "accepted", days(-10))
    wrong = record(invitation, "declined", days(-1))
    services.claim_review(claim=wrong, approve=False, reviewer=editor)
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert Claim.objects.filter(pk=wrong.pk, review_state="rejected").exists()


def test_reviewing_twice_is_harmless(editor):
    claim = record(InvitationFactory(), "accepted", days(-1), origin="extracted")
    services.claim_review(claim=claim, approve=True, reviewer=editor)
    again = services.claim_review(claim=claim, approve=True, reviewer=editor)
    assert again.review_state == "approved"


def test_attendance_cannot_be_claimed_for_an_event_that_has_not_happened():
    invitation = InvitationFactory(event=EventFactory(start_date=days(20)))
    with pytest.raises(ValidationError) as exc:
        record(invitation, "attended", TODAY)
    assert "status" in exc.value.message_dict
    assert invitation.claims.count() == 0


def test_attendance_is_accepted_after_the_event():
    invitation = InvitationFactory(event=EventFactory(start_date=days(-20)))
    record(invitation, "attended", days(-19))
    invitation.refresh_from_db()
    assert invitation.status == "attended"


def test_a_claim_dated_in_the_future_is_refused():
    with pytest.raises(ValidationError) as exc:
        record(InvitationFactory(), "accepted", days(30))
    assert "as_of" in exc.value.message_dict


def test_a_source_url_must_be_http_or_https():
    with pytest.raises(ValidationError) as exc:
        record(InvitationFactory(), "accepted", TODAY, url="javascript:alert(1)")
    assert "source_url" in exc.value.message_dict


def test_a_status_change_moves_the_event_sequence_and_timestamp():
    invitation = InvitationFactory()
    event = invitation.event
    before = (event.sequence, event.updated_at)
    record(invitation, "accepted", TODAY)
    event.refresh_from_db()
    assert event.sequence > before[0]
    assert event.updated_at > before[1]


def test_delegation_for_country_is_reused():
    ru = country("KP")
    troops = services.delegation_for_country(country=ru, kind=PersonKind.TROOPS)
    assert services.delegation_for_country(country=ru, kind=PersonKind.TROOPS) == troops
    assert troops.name == "North Korea troops"


def test_upcoming_lists_future_and_ongoing_events_but_not_cancelled_ones():
    future = EventFactory(start_date=days(3))
    ongoing = EventFactory(start_date=days(-1), end_date=days(1))
    EventFactory(start_date=days(-10))
    EventFactory(start_date=days(4), lifecycle="cancelled")
    assert list(Event.objects.upcoming()) == [ongoing, future]
