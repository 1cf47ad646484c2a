"""Writers of invitations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event, Invitation, Person
from events.services.events import event_touch


class InvitationAlreadyExists(ValidationError):
    """The event already has an invitation for this invitee (a 409 at the API)."""


@transaction.atomic
def invitation_create(
    *, event: Event, invitee: Person, inviter: Person | None = None
) -> Invitation:
    if Invitation.objects.filter(event=event, invitee=invitee).exists():
        raise InvitationAlreadyExists(
            {"invitee": f"{invitee} is already invited to {event.title}."}, code="duplicate"
        )
    if inviter is not None and inviter.pk == invitee.pk:
        raise ValidationError({"inviter": "An invitee cannot invite themselves."})
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(event=event, invitee=invitee, inviter=inviter)
    except IntegrityError:  # lost a race with another writer
        raise InvitationAlreadyExists(
            {"invitee": f"{invitee} is already invited to {event.title}."}, code="duplicate"
        ) from None
    event_touch(event_id=event.pk)
    return invitation


def invitations_between(
    *, event_ids: set[int], invitee_ids: set[int]
) -> dict[tuple[int, int], Invitation]:
    """{(event id, invitee id): invitation} of these events and invitees, in one query."""
    if not event_ids or not invitee_ids:
        return {}
    return {
        (i.event_id, i.invitee_id): i
        for i in Invitation.objects.filter(event_id__in=event_ids, invitee_id__in=invitee_ids)
    }


def invitation_get_or_create(
    *,
    event: Event,
    invitee: Person,
    inviter: Person | None = None,
    known: dict[tuple[int, int], Invitation] | None = None,
) -> tuple[Invitation, bool]:
    """`known` (from invitations_between) spares the lookup; what is created
    is added to it."""
    if known is None:
        existing = Invitation.objects.filter(event=event, invitee=invitee).first()
    else:
        existing = known.get((event.pk, invitee.pk))
    if existing:
        if inviter is not None and existing.inviter_id is None and inviter.pk != invitee.pk:
            existing.inviter = inviter
            existing.save(update_fields=["inviter", "updated_at"])
        return existing, False
    try:
        invitation, created = invitation_create(event=event, invitee=invitee, inviter=inviter), True
    except InvitationAlreadyExists:
        invitation, created = Invitation.objects.get(event=event, invitee=invitee), False
    if known is not None:
        known[(event.pk, invitee.pk)] = invitation
    return invitation, created
