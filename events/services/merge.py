"""Merging two records that stand for one real thing: two events, or two people.

Everything of the record merged away moves to the one kept (invitations and
their claims, with the sources and report links the claims carry; a person's
hostings and invitations sent), its name is kept as an alias (people) and its
address answers with a 301 to the kept one (EventRedirect, PersonRedirect).
When both have an invitation for the same invitee (or the same event), the two
become one: the claims move to the kept invitation and its status is derived
again by events.status's rule.

One transaction, and nothing moves before every row it touches is locked, in
one order for every writer here: events, then people, then invitations, each
by id. A second merge of the same records waits for the first and then finds
one of them gone: a ValidationError, nothing moved. A deadlock with another
writer (PostgreSQL picks a victim) is the same clear error, never half a merge.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone

from events import names
from events.models import (
    Claim,
    Event,
    EventRedirect,
    Invitation,
    Person,
    PersonRedirect,
)
from events.services.claims import invitation_refresh_status

_BUSY = "Another change to these records was being saved at the same time; nothing was merged. Try again."


def _lock_conflict(exc: OperationalError) -> bool:
    """A deadlock or a lock that could not be had (PostgreSQL 40P01, 55P03)."""
    code = getattr(getattr(exc, "__cause__", None), "pgcode", None)
    return code in ("40P01", "55P03")


def _locked(model, pks: list[int]) -> dict[int, object]:
    """The rows of these ids, locked in id order (the same order for every
    merge, so two merges of overlapping records queue instead of deadlocking)."""
    rows = model.objects.select_for_update().filter(pk__in=pks).order_by("pk")
    return {row.pk: row for row in rows}


def _gone(redirect_model, field: str, pk: int, label: str, what: str) -> str:
    moved = redirect_model.objects.filter(old_id=pk).select_related(field).first()
    if moved is not None:
        target = getattr(moved, field)
        return f"{label} has just been merged into “{getattr(target, 'title', target)}”."
    return f"{label} no longer exists (deleted or merged): pick another {what}."


def _touch_events(event_ids) -> None:
    """Their invitations changed: ETags and calendar SEQUENCEs must move."""
    Event.objects.filter(pk__in=list(event_ids)).update(
        sequence=F("sequence") + 1, updated_at=timezone.now()
    )


def _merge_invitation(*, gone: Invitation, kept: Invitation) -> None:
    """Two invitations of one invitee to one event become `kept`: the claims of
    `gone` move to it (their history, sources and report links with them) and
    its status is derived again from all the approved claims."""
    now = timezone.now()
    Claim.objects.filter(invitation=gone).update(invitation=kept, updated_at=now)
    if kept.inviter_id is None and gone.inviter_id not in (None, kept.invitee_id):
        kept.inviter_id = gone.inviter_id
    kept.save(update_fields=["inviter", "updated_at"])
    gone.delete()
    invitation_refresh_status(invitation=kept)


def _move_invitations(moving: list[Invitation], *, key, kept_by_key: dict, **changes) -> None:
    """Move each invitation (`changes`: its new event or invitee) unless the
    target already has one for the same key: then the two are merged."""
    now = timezone.now()
    plain = []
    for invitation in moving:
        kept = kept_by_key.get(key(invitation))
        if kept is None:
            plain.append(invitation.pk)
        else:
            _merge_invitation(gone=invitation, kept=kept)
    if plain:
        Invitation.objects.filter(pk__in=plain).update(updated_at=now, **changes)
        # A syncing client (changed_since) must learn that these claims now
        # belong elsewhere.
        Claim.objects.filter(invitation_id__in=plain).update(updated_at=now)


def _atomic_merge(fn):
    def wrapper(**kwargs):
        try:
            with transaction.atomic():
                return fn(**kwargs)
        except OperationalError as exc:
            if _lock_conflict(exc):
                raise ValidationError(_BUSY, code="busy") from None
            raise

    wrapper.__doc__ = fn.__doc__
    wrapper.__name__ = fn.__name__
    return wrapper


# --- Events ---------------------------------------------------------------------------


def merge_check(*, record: Event | Person, into: Event | Person | None) -> None:
    """What can be told before anything is locked: there is a record to keep,
    and it is another one. (The doors ask it to answer early; the merges too.)"""
    what = "event" if isinstance(record, Event) else "person"
    if into is None:
        raise ValidationError({"into": f"Pick the {what} to merge this one into."})
    if record.pk == into.pk:
        message = (
            "An event cannot be merged into itself."
            if what == "event"
            else "A person cannot be merged into themselves."
        )
        raise ValidationError({"into": message}, code="self")


def event_merge(*, event: Event, into: Event, merged_by=None) -> Event:
    """Merge `event` into `into` and return `into` as it is now. The address of
    `event` redirects to it from then on."""
    merge_check(record=event, into=into)
    return _event_merge(event=event, into=into, merged_by=merged_by)


@_atomic_merge
def _event_merge(*, event: Event, into: Event, merged_by=None) -> Event:
    rows = _locked(Event, [event.pk, into.pk])
    if into.pk not in rows:
        raise ValidationError(
            {"into": _gone(EventRedirect, "event", into.pk, f"“{into.title}”", "event")},
            code="gone",
        )
    if event.pk not in rows:
        raise ValidationError(
            _gone(EventRedirect, "event", event.pk, f"“{event.title}”", "event"), code="gone"
        )
    old, kept = rows[event.pk], rows[into.pk]
    invitations = list(
        Invitation.objects.select_for_update().filter(event_id__in=[old.pk, kept.pk]).order_by("pk")
    )
    kept_by_invitee = {i.invitee_id: i for i in invitations if i.event_id == kept.pk}
    _move_invitations(
        [i for i in invitations if i.event_id == old.pk],
        key=lambda i: i.invitee_id,
        kept_by_key=kept_by_invitee,
        event_id=kept.pk,
    )
    # What the kept event lacks, the merged one may know; reviewed by an editor
    # if either was.
    for name in ("city", "description", "host_id"):
        if not getattr(kept, name) and getattr(old, name):
            setattr(kept, name, getattr(old, name))
    kept.needs_review = kept.needs_review and old.needs_review
    kept.sequence = F("sequence") + 1
    kept.save()
    EventRedirect.objects.filter(event=old).update(event=kept)
    EventRedirect.objects.update_or_create(
        old_slug=old.slug, defaults={"old_id": old.pk, "event": kept}
    )
    old.delete()
    kept.refresh_from_db()
    return kept


# --- People ---------------------------------------------------------------------------


def merged_aliases(kept: Person, old: Person) -> list[str]:
    """The kept person's aliases, then the merged one's name and aliases, each
    spelling once and never the kept name itself."""
    seen = {names.name_key(kept.name)}
    out = []
    for alias in [*(kept.aliases or []), old.name, *(old.aliases or [])]:
        key = names.name_key(alias)
        if key and key not in seen:
            seen.add(key)
            out.append(str(alias).strip())
    return out


def person_merge(*, person: Person, into: Person, merged_by=None) -> Person:
    """Merge `person` into `into` and return `into` as it is now: invitations
    (merged where both are invited to one event), invitations sent and events
    hosted move; the merged name and aliases become aliases of `into`; the
    address of `person` redirects to it."""
    merge_check(record=person, into=into)
    return _person_merge(person=person, into=into, merged_by=merged_by)


@_atomic_merge
def _person_merge(*, person: Person, into: Person, merged_by=None) -> Person:
    # Events first (the order of every merge): those these two are invited to or host.
    pair = [person.pk, into.pk]
    touched = Invitation.objects.filter(Q(invitee_id__in=pair) | Q(inviter_id__in=pair))
    _locked(
        Event,
        list(
            Event.objects.filter(
                Q(pk__in=touched.values("event_id")) | Q(host_id__in=pair)
            ).values_list("pk", flat=True)
        ),
    )
    rows = _locked(Person, pair)
    if into.pk not in rows:
        raise ValidationError(
            {"into": _gone(PersonRedirect, "person", into.pk, into.name, "person")}, code="gone"
        )
    if person.pk not in rows:
        raise ValidationError(
            _gone(PersonRedirect, "person", person.pk, person.name, "person"), code="gone"
        )
    old, kept = rows[person.pk], rows[into.pk]
    invitations = list(
        Invitation.objects.select_for_update()
        .filter(Q(invitee_id__in=pair) | Q(inviter_id__in=pair))
        .order_by("pk")
    )
    kept_by_event = {i.event_id: i for i in invitations if i.invitee_id == kept.pk}
    _move_invitations(
        [i for i in invitations if i.invitee_id == old.pk],
        key=lambda i: i.event_id,
        kept_by_key=kept_by_event,
        invitee_id=kept.pk,
    )
    now = timezone.now()
    # Invitations sent: by the kept person now, but nobody invites themselves.
    Invitation.objects.filter(inviter=old).update(inviter=kept, updated_at=now)
    Invitation.objects.filter(inviter=kept, invitee=kept).update(inviter=None, updated_at=now)
    Event.objects.filter(host=old).update(host=kept, sequence=F("sequence") + 1, updated_at=now)
    _touch_events({i.event_id for i in invitations})
    kept.aliases = merged_aliases(kept, old)
    for name in ("role", "country_id"):
        if not getattr(kept, name) and getattr(old, name):
            setattr(kept, name, getattr(old, name))
    kept.needs_review = kept.needs_review and old.needs_review
    kept.save()
    PersonRedirect.objects.filter(person=old).update(person=kept)
    PersonRedirect.objects.update_or_create(
        old_slug=old.slug, defaults={"old_id": old.pk, "person": kept}
    )
    old.delete()
    kept.refresh_from_db()
    return kept
