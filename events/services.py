"""The only writers of the domain. Views, viewsets, tasks and commands call these.

Every function takes keyword-only arguments, runs in one transaction and raises
django.core.exceptions.ValidationError (with per-field messages) for bad input,
which the doors turn into a 400 or a form error.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify

from events.models import (
    EVENT_FIELDS,
    Claim,
    ClaimStatus,
    Country,
    DatePrecision,
    Event,
    Invitation,
    Lifecycle,
    Origin,
    Person,
    PersonKind,
    ReviewState,
)
from events.status import derive_status
from events.validation import full_clean


class InvitationAlreadyExists(ValidationError):
    """The event already has an invitation for this invitee (a 409 at the API)."""


def _unique_slug(model, base: str, *, max_length: int) -> str:
    """`base` slugified, or `base-N` with the smallest free N >= 2: one query
    for every slug already taken under this base."""
    base = (slugify(base) or "item")[: max_length - 8].strip("-") or "item"
    taken = set(
        model.objects.filter(Q(slug=base) | Q(slug__startswith=f"{base}-"))
        .order_by()
        .values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _save_with_unique_slug(obj, base: str, *, max_length: int, attempts: int = 3) -> None:
    """Validate and insert `obj` under a free slug; when a concurrent writer takes
    that slug between the look-up and the insert, take the next one."""
    model = type(obj)
    for attempt in range(attempts):
        obj.slug = _unique_slug(model, base, max_length=max_length)
        if attempt == 0:
            _full_clean(obj)
        try:
            with transaction.atomic():
                obj.save()
            return
        except IntegrityError:
            if attempt == attempts - 1 or not model.objects.filter(slug=obj.slug).exists():
                raise


def _full_clean(obj, *, exclude: list[str] | None = None) -> None:
    full_clean(obj, exclude=exclude)


@transaction.atomic
def person_create(
    *,
    name: str,
    country: Country | None = None,
    role: str = "",
    kind: str = PersonKind.PERSON,
    aliases: list[str] | None = None,
    needs_review: bool = False,
) -> Person:
    person = Person(
        name=name.strip(),
        country=country,
        role=role.strip(),
        kind=kind,
        aliases=list(aliases or []),
        needs_review=needs_review,
    )
    base = f"{name} {country.code if country else ''}"
    _save_with_unique_slug(person, base, max_length=220)
    return person


def delegation_for_country(*, country: Country, kind: str = PersonKind.DELEGATION) -> Person:
    """The invitee that stands for a country's delegation (or troops)."""
    label = "troops" if kind == PersonKind.TROOPS else "delegation"
    existing = Person.objects.filter(kind=kind, country=country).order_by("id").first()
    if existing:
        return existing
    return person_create(name=f"{country.name} {label}", country=country, kind=kind)


@transaction.atomic
def event_create(
    *,
    title: str,
    kind: str,
    start_date: datetime.date,
    country: Country,
    city: str = "",
    end_date: datetime.date | None = None,
    date_precision: str = DatePrecision.DAY,
    host: Person | None = None,
    lifecycle: str = Lifecycle.SCHEDULED,
    description: str = "",
    needs_review: bool = False,
    slug: str | None = None,
) -> Event:
    event = Event(
        title=title.strip(),
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        date_precision=date_precision,
        city=city.strip(),
        country=country,
        host=host,
        lifecycle=lifecycle,
        description=description,
        needs_review=needs_review,
    )
    if slug:
        event.slug = slug
        _full_clean(event)
        event.save()
    else:
        _save_with_unique_slug(event, f"{title} {start_date:%Y}", max_length=320)
    return event


_EVENT_FIELDS = {*EVENT_FIELDS, "needs_review"}


@transaction.atomic
def event_update(*, event: Event, **changes) -> Event:
    """Change an event's fields; the calendar SEQUENCE grows when anything changed."""
    unknown = set(changes) - _EVENT_FIELDS
    if unknown:
        raise ValidationError({name: "This field cannot be changed." for name in sorted(unknown)})
    changed = False
    for name, value in changes.items():
        if getattr(event, name) != value:
            setattr(event, name, value)
            changed = True
    if not changed:
        return event
    _full_clean(event)
    event.sequence = F("sequence") + 1
    event.save()
    event.refresh_from_db()
    return event


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
    _touch_event(event.pk)
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


def _touch_event(event_id: int) -> None:
    """An invitation changed: the event's ETag and calendar SEQUENCE must move."""
    Event.objects.filter(pk=event_id).update(sequence=F("sequence") + 1, updated_at=timezone.now())


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
    _full_clean(claim, exclude=["invitation", "recorded_by", "reviewed_by"])
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
        _touch_event(locked.event_id)
    invitation.status = locked.status
    invitation.status_since = locked.status_since
    invitation.current_claim_id = locked.current_claim_id
    return locked
