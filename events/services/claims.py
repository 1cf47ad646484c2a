"""Writers of claims, and of the invitation status derived from them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from events.models import Claim, ClaimStatus, Invitation, Lifecycle, Origin, ReviewState
from events.services.base import full_clean
from events.services.events import event_touch
from events.status import derive_status


def _validate_claim(*, invitation: Invitation, status: str, as_of: datetime.date) -> None:
    errors: dict[str, str] = {}
    event = invitation.event
    today = timezone.localdate()
    if as_of > today + datetime.timedelta(days=1):
        errors["as_of"] = "A claim cannot be dated in the future."
    if status == ClaimStatus.ATTENDED:
        if event.start_date > today:
            errors["status"] = "Nobody can have attended an event that has not started yet."
        elif as_of < event.start_date:
            errors["as_of"] = "Attendance can only be claimed from the event's first day on."
        elif event.lifecycle == Lifecycle.CANCELLED:
            errors["status"] = "Nobody attended: the event was cancelled."
    if errors:
        raise ValidationError(errors)


def claim_record(
    *,
    invitation: Invitation,
    status: str,
    as_of: datetime.date,
    source_url: str = "",
    source_outlet: str = "",
    source_title: str = "",
    evidence: str = "",
    confidence: float = 1.0,
    origin: str = Origin.MANUAL,
    review_state: str | None = None,
    recorded_by=None,
    **extra,
) -> Claim:
    """Record one sourced claim about an invitation and refresh its status.

    Manual claims are approved unless said otherwise; extracted ones wait for
    review unless the caller (the pipeline) decides to apply them.
    `extra` carries fields other apps add to Claim (the pipeline's report link).
    """
    if review_state is None:
        review_state = ReviewState.APPROVED if origin == Origin.MANUAL else ReviewState.PENDING
    claim = Claim(
        invitation=invitation,
        status=status,
        as_of=as_of,
        source_url=source_url.strip(),
        source_outlet=source_outlet.strip(),
        source_title=source_title.strip(),
        evidence=evidence.strip(),
        confidence=confidence,
        origin=origin,
        review_state=review_state,
        recorded_by=recorded_by,
        **extra,
    )
    if review_state != ReviewState.PENDING and recorded_by is not None:
        claim.reviewed_by = recorded_by
        claim.reviewed_at = timezone.now()
    full_clean(claim, exclude=["invitation", "recorded_by", "reviewed_by"])
    _validate_claim(invitation=invitation, status=status, as_of=as_of)
    # Validated before anything is written, so a caller's transaction needs no
    # savepoint of ours: a ValidationError leaves it clean. (One claim of an
    # extracted report costs a few queries, not twenty.)
    with transaction.atomic(savepoint=False):
        claim.save()
        if review_state == ReviewState.APPROVED:
            invitation_refresh_status(invitation=invitation)
    return claim


@transaction.atomic
def claim_review(*, claim: Claim, approve: bool, reviewer=None) -> Claim:
    """Approve or reject a claim. Safe to call twice: a claim already in the
    wanted state is returned unchanged."""
    claim = Claim.objects.select_for_update().select_related("invitation__event").get(pk=claim.pk)
    wanted = ReviewState.APPROVED if approve else ReviewState.REJECTED
    if claim.review_state == wanted:
        return claim
    if approve:
        _validate_claim(invitation=claim.invitation, status=claim.status, as_of=claim.as_of)
    claim.review_state = wanted
    claim.reviewed_by = reviewer
    claim.reviewed_at = timezone.now()
    claim.save(update_fields=["review_state", "reviewed_by", "reviewed_at", "updated_at"])
    invitation_refresh_status(invitation=claim.invitation)
    return claim


@transaction.atomic
def invitation_refresh_status(*, invitation: Invitation) -> Invitation:
    """Derive the invitation's status from its approved claims and store it."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    claims = list(locked.claims.approved().history())
    status, deciding = derive_status(claims, window_days=settings.DAIS_DISPUTE_WINDOW_DAYS)
    since = deciding.as_of if deciding else None
    deciding_id = deciding.pk if deciding else None
    if (locked.status, locked.status_since, locked.current_claim_id) != (
        status,
        since,
        deciding_id,
    ):
        locked.status = status
        locked.status_since = since
        locked.current_claim_id = deciding_id
        locked.save(update_fields=["status", "status_since", "current_claim", "updated_at"])
        event_touch(event_id=locked.event_id)
    invitation.status = locked.status
    invitation.status_since = locked.status_since
    invitation.current_claim_id = locked.current_claim_id
    return locked
