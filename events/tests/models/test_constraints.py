"""The database itself refuses bad rows, whatever door they come through."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from events.models import Claim, Event, Invitation
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_a_duplicate_invitation():
    invitation = InvitationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(event=invitation.event, invitee=invitation.invitee)


def test_it_refuses_an_unknown_claim_status():
    invitation = InvitationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(invitation=invitation, status="rumoured", as_of=datetime.date.today())


def test_it_refuses_an_unknown_invitation_status():
    invitation = InvitationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.filter(pk=invitation.pk).update(status="maybe")


def test_it_refuses_an_event_that_ends_before_it_starts():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(
            end_date=event.start_date - datetime.timedelta(days=1)
        )


def test_it_refuses_an_unknown_event_kind():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(kind="picnic")


def test_it_refuses_a_confidence_above_one():
    invitation = InvitationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(
            invitation=invitation, status="accepted", as_of=datetime.date.today(), confidence=1.5
        )


def test_it_refuses_a_duplicate_event_slug():
    EventFactory(slug="g20-2026")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(slug="g20-2026")


def test_it_refuses_a_lowercase_country_code():
    from events.models import Country

    with pytest.raises(IntegrityError), transaction.atomic():
        Country.objects.create(code="xx", alpha3="XXX", name="Nowhere")


def test_it_allows_the_same_person_at_two_events():
    person = PersonFactory()
    InvitationFactory(invitee=person)
    InvitationFactory(invitee=person)
    assert person.invitations.count() == 2
