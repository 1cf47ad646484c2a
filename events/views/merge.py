"""Editor doors: merge an event or a person into another that stands for the same
real thing. Three steps, each a plain page that works without JavaScript:
search for the record to keep (GET ?q=), confirm what will move (GET ?into=),
merge (POST, CSRF-protected). The services do the work; errors come back as
form errors next to the choice, with a 400."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from events.forms import EventMergeForm, PersonMergeForm, add_service_errors
from events.models import Event, Invitation, Person
from events.permissions import editor_required
from events.services import merge as merging

CANDIDATES = 20
NEARBY = datetime.timedelta(days=45)


def _merge_door(request, *, record, kind: str, form_class, merge, candidates, summary, done):
    """One door for both merges: `merge(into)` calls the service, `done(kept)`
    names the result and where to go."""
    form = None
    if request.method == "POST":
        form = form_class(request.POST)
    elif "into" in request.GET:
        form = form_class(request.GET)
    chosen = None
    if form is not None and form.is_valid():
        into = form.cleaned_data["into"]
        try:
            merging.merge_check(record=record, into=into)
            if request.method == "POST":
                kept = merge(into)
                message, url = done(kept)
                messages.success(request, message)
                return redirect(url)
            chosen = into
        except ValidationError as exc:
            add_service_errors(form, exc)
    q = request.GET.get("q", "").strip()
    context = {
        "form": form,
        "record": record,
        "kind": kind,
        "q": q,
        "chosen": chosen,
        "candidates": [] if chosen else candidates(record, q),
        "summary": summary(record, chosen) if chosen else [],
        "action": reverse(f"{kind}-merge", args=[record.slug]),
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "events/merge.html", context, status=status)


# --- Events ---------------------------------------------------------------------------
def _event_candidates(event: Event, q: str):
    others = Event.objects.exclude(pk=event.pk).select_related("country")
    if q:
        found = others.search(q)
    else:  # likely duplicates: same country and kind, near the same dates
        found = others.filter(
            country=event.country_id,
            kind=event.kind,
            start_date__range=(event.start_date - NEARBY, event.start_date + NEARBY),
        )
    return found.order_by("start_date", "id")[:CANDIDATES]


def _event_summary(event: Event, into: Event) -> list[str]:
    moving = Invitation.objects.filter(event=event)
    shared = moving.filter(invitee__invitations__event=into).count()
    n = moving.aggregate(invitations=Count("id", distinct=True), claims=Count("claims"))
    return [
        f"{n['invitations']} invitation(s) and {n['claims']} claim(s), with their sources, "
        f"move to “{into.title}”.",
        f"{shared} invitee(s) are invited to both: their claims are put together and their "
        f"status is derived again.",
        f"“{event.title}” is removed; its address ({event.get_absolute_url()}) leads to "
        f"“{into.title}” from now on.",
    ]


@require_http_methods(["GET", "POST"])
@editor_required
def event_merge(request, slug: str):
    event = get_object_or_404(Event.objects.select_related("country"), slug=slug)
    return _merge_door(
        request,
        record=event,
        kind="event",
        form_class=EventMergeForm,
        merge=lambda into: merging.event_merge(event=event, into=into, merged_by=request.user),
        candidates=_event_candidates,
        summary=_event_summary,
        done=lambda kept: (
            f"Merged “{event.title}” into “{kept.title}”.",
            kept.get_absolute_url(),
        ),
    )


# --- People ---------------------------------------------------------------------------
def _person_candidates(person: Person, q: str):
    others = Person.objects.exclude(pk=person.pk).select_related("country")
    if q:
        found = others.filter(Q(name__icontains=q) | Q(role__icontains=q) | Q(aliases__icontains=q))
    else:  # likely duplicates: the same country and the last word of the name
        last = person.name.split()[-1] if person.name.split() else ""
        if len(last) < 3:
            return []
        found = others.filter(country=person.country_id, name__icontains=last)
    return found.order_by("name", "id")[:CANDIDATES]


def _person_summary(person: Person, into: Person) -> list[str]:
    moving = Invitation.objects.filter(invitee=person)
    shared = moving.filter(event__invitations__invitee=into).count()
    n = moving.aggregate(invitations=Count("id", distinct=True), claims=Count("claims"))
    hosted = person.hosted_events.count()
    return [
        f"{n['invitations']} invitation(s) and {n['claims']} claim(s), with their sources, "
        f"move to {into.name}; so do {hosted} event(s) hosted.",
        f"{shared} event(s) invite both: their claims are put together and the status is "
        f"derived again.",
        f"“{person.name}” becomes an alias of {into.name}; its address "
        f"({reverse('person-detail', args=[person.slug])}) leads to {into.name} from now on.",
    ]


@require_http_methods(["GET", "POST"])
@editor_required
def person_merge(request, slug: str):
    person = get_object_or_404(Person.objects.select_related("country"), slug=slug)
    return _merge_door(
        request,
        record=person,
        kind="person",
        form_class=PersonMergeForm,
        merge=lambda into: merging.person_merge(person=person, into=into, merged_by=request.user),
        candidates=_person_candidates,
        summary=_person_summary,
        done=lambda kept: (
            f"Merged “{person.name}” into {kept.name}.",
            reverse("person-detail", args=[kept.slug]),
        ),
    )
