"""Merging two events, or two people, that stand for one real thing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events.models import (
    Claim,
    Event,
    EventRedirect,
    Invitation,
    Person,
    PersonRedirect,
    Report,
)
from events.services import merge as merging
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, record

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


def snapshot():
    """Every invitation and claim, as (event, invitee) and (event, invitee, status, source)."""
    invitations = sorted(Invitation.objects.values_list("event_id", "invitee_id"))
    claims = sorted(
        Claim.objects.values_list(
            "invitation__event_id", "invitation__invitee_id", "status", "source_url", "report_id"
        )
    )
    return invitations, claims


# --- Events -----------------------------------------------------------------------------
@pytest.fixture
def pair():
    """The editor's G20 summit and the pipeline's duplicate of it."""
    kept = EventFactory(title="G20 summit 2024, Rio de Janeiro", city="Rio de Janeiro")
    dup = EventFactory(title="20 summit", city="", needs_review=True, description="From a wire.")
    return dup, kept


def test_it_moves_invitations_claims_sources_and_report_links(pair):
    dup, kept = pair
    report = Report.objects.create(url="https://news.example/g20", title="G20 report")
    lula = InvitationFactory(event=dup, invitee=PersonFactory(name="Lula"))
    claim = record(lula, "accepted", ago(2), outlet="AgenciaBrasil", report=report)
    untouched = InvitationFactory(event=EventFactory(), invitee=lula.invitee)

    result = merging.event_merge(event=dup, into=kept)

    assert result.pk == kept.pk
    assert not Event.objects.filter(pk=dup.pk).exists()
    lula.refresh_from_db()
    claim.refresh_from_db()
    assert (lula.event_id, lula.status, lula.current_claim_id) == (kept.pk, "accepted", claim.pk)
    assert claim.invitation_id == lula.pk
    assert claim.report_id == report.pk
    assert claim.source_url.startswith("https://news.example/")
    untouched.refresh_from_db()
    assert untouched.event_id != kept.pk


def test_an_invitee_of_both_keeps_one_invitation_with_every_claim(pair):
    dup, kept = pair
    xi = PersonFactory(name="Xi Jinping")
    on_kept = InvitationFactory(event=kept, invitee=xi)
    record(on_kept, "invited", ago(20), outlet="Xinhua")
    on_dup = InvitationFactory(event=dup, invitee=xi, inviter=PersonFactory(name="Lula"))
    accepted = record(on_dup, "accepted", ago(3), outlet="Reuters")

    merging.event_merge(event=dup, into=kept)

    assert Invitation.objects.filter(invitee=xi).count() == 1
    on_kept.refresh_from_db()
    assert on_kept.claims.count() == 2
    # The status is derived again from all the claims: the acceptance is the latest.
    assert (on_kept.status, on_kept.current_claim_id) == ("accepted", accepted.pk)
    assert on_kept.inviter.name == "Lula"


def test_claims_of_both_that_contradict_each_other_make_a_dispute(pair):
    dup, kept = pair
    modi = PersonFactory(name="Narendra Modi")
    record(InvitationFactory(event=kept, invitee=modi), "accepted", ago(4), outlet="PTI")
    record(InvitationFactory(event=dup, invitee=modi), "declined", ago(2), outlet="Reuters")

    merging.event_merge(event=dup, into=kept)

    assert Invitation.objects.get(invitee=modi).status == "disputed"


def test_pending_claims_move_but_do_not_decide_the_status(pair):
    dup, kept = pair
    milei = PersonFactory(name="Javier Milei")
    on_kept = InvitationFactory(event=kept, invitee=milei)
    record(on_kept, "accepted", ago(5), outlet="Clarin")
    pending = record(
        InvitationFactory(event=dup, invitee=milei),
        "declined",
        ago(1),
        outlet="Wire",
        origin="extracted",
    )

    merging.event_merge(event=dup, into=kept)

    on_kept.refresh_from_db()
    pending.refresh_from_db()
    assert pending.invitation_id == on_kept.pk and pending.review_state == "pending"
    assert on_kept.status == "accepted"


def test_the_kept_event_takes_what_it_lacked_and_is_reviewed_if_either_was(pair):
    dup, kept = pair
    host = PersonFactory(name="Lula host")
    Event.objects.filter(pk=dup.pk).update(host=host)
    dup.refresh_from_db()
    before = kept.sequence

    result = merging.event_merge(event=dup, into=kept)

    assert result.host_id == host.pk
    assert result.description == "From a wire."
    assert result.city == "Rio de Janeiro"  # its own, not the duplicate's blank
    assert result.needs_review is False
    assert result.sequence > before


def test_the_old_address_leads_to_the_kept_event_even_after_a_second_merge(pair):
    dup, kept = pair
    third = EventFactory(title="G20 Rio")
    merging.event_merge(event=dup, into=kept)
    merging.event_merge(event=kept, into=third)

    assert EventRedirect.objects.target(slug=dup.slug) == third
    assert EventRedirect.objects.target(pk=dup.pk) == third
    assert EventRedirect.objects.target(slug=kept.slug) == third
    assert EventRedirect.objects.target(slug="no-such-event") is None


def test_it_refuses_to_merge_an_event_into_itself(pair):
    dup, _ = pair
    InvitationFactory(event=dup)
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        merging.event_merge(event=dup, into=dup)
    assert "into" in caught.value.message_dict
    assert "itself" in caught.value.message_dict["into"][0]
    assert snapshot() == before


def test_it_refuses_to_merge_into_a_deleted_event_and_moves_nothing(pair):
    dup, kept = pair
    record(InvitationFactory(event=dup), "accepted", ago(1))
    before = snapshot()
    Event.objects.filter(pk=kept.pk).delete()  # deleted while the editor was choosing

    with pytest.raises(ValidationError) as caught:
        merging.event_merge(event=dup, into=kept)

    assert "no longer exists" in caught.value.message_dict["into"][0]
    assert snapshot() == before
    assert Event.objects.filter(pk=dup.pk).exists()
    assert not EventRedirect.objects.exists()


def test_it_names_the_event_a_vanished_one_was_merged_into(pair):
    dup, kept = pair
    other = EventFactory(title="Other summit")
    merging.event_merge(event=dup, into=kept)

    with pytest.raises(ValidationError) as caught:  # a second editor, a stale page
        merging.event_merge(event=dup, into=other)

    assert "has just been merged into “G20 summit 2024, Rio de Janeiro”" in str(caught.value)
    assert Event.objects.filter(pk=other.pk).exists()


# --- People -----------------------------------------------------------------------------
@pytest.fixture
def kings():
    kept = PersonFactory(name="Charles III", role="King of the United Kingdom", aliases=["King"])
    dup = PersonFactory(name="King Charles III", role="", aliases=["HM the King"])
    return dup, kept


def test_it_moves_a_persons_invitations_invitations_sent_and_hostings(kings):
    dup, kept = kings
    coronation = EventFactory(title="Coronation", start_date=ago(1))
    own = InvitationFactory(event=coronation, invitee=dup)
    claim = record(own, "attended", ago(0), outlet="BBC")
    sent = InvitationFactory(invitee=PersonFactory(name="Guest"), inviter=dup)
    hosted = EventFactory(title="State banquet", host=dup)

    result = merging.person_merge(person=dup, into=kept)

    assert result.pk == kept.pk
    assert not Person.objects.filter(pk=dup.pk).exists()
    own.refresh_from_db()
    sent.refresh_from_db()
    hosted.refresh_from_db()
    claim.refresh_from_db()
    assert (own.invitee_id, own.status, claim.invitation_id) == (kept.pk, "attended", own.pk)
    assert sent.inviter_id == kept.pk
    assert hosted.host_id == kept.pk


def test_the_merged_name_and_aliases_become_aliases_once(kings):
    dup, kept = kings
    result = merging.person_merge(person=dup, into=kept)
    assert result.aliases == ["King", "HM the King"]  # "King Charles III" is Charles III
    assert result.role == "King of the United Kingdom"
    # Merging a spelling the kept person already has adds nothing twice.
    again = PersonFactory(name="king charles iii", aliases=["Charles III"])
    result = merging.person_merge(person=again, into=result)
    assert result.aliases == ["King", "HM the King"]  # "King Charles III" is Charles III


def test_two_invitations_to_one_event_become_one(kings):
    dup, kept = kings
    funeral = EventFactory(title="State funeral")
    on_kept = InvitationFactory(event=funeral, invitee=kept)
    record(on_kept, "invited", ago(10), outlet="Palace")
    declined = record(InvitationFactory(event=funeral, invitee=dup), "declined", ago(2))

    merging.person_merge(person=dup, into=kept)

    assert Invitation.objects.filter(event=funeral).count() == 1
    on_kept.refresh_from_db()
    assert (on_kept.status, on_kept.current_claim_id) == ("declined", declined.pk)
    assert on_kept.claims.count() == 2


def test_nobody_invites_themselves_after_a_merge(kings):
    dup, kept = kings
    invitation = InvitationFactory(invitee=dup, inviter=kept)
    merging.person_merge(person=dup, into=kept)
    invitation.refresh_from_db()
    assert (invitation.invitee_id, invitation.inviter_id) == (kept.pk, None)


def test_the_old_person_address_leads_to_the_kept_one(kings):
    dup, kept = kings
    merging.person_merge(person=dup, into=kept)
    assert PersonRedirect.objects.target(slug=dup.slug) == kept
    assert PersonRedirect.objects.target(pk=dup.pk) == kept


def test_it_refuses_to_merge_a_person_into_themselves_or_into_nobody(kings):
    dup, kept = kings
    InvitationFactory(invitee=dup)
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        merging.person_merge(person=dup, into=dup)
    assert "themselves" in caught.value.message_dict["into"][0]
    Person.objects.filter(pk=kept.pk).delete()
    with pytest.raises(ValidationError) as caught:
        merging.person_merge(person=dup, into=kept)
    assert "no longer exists" in caught.value.message_dict["into"][0]
    assert snapshot() == before
    assert Person.objects.get(pk=dup.pk).aliases == ["HM the King"]
