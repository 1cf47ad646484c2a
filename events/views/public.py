"""Pages anyone can read: upcoming events, the archive, an event, a person, a country."""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from events import status as vocabulary
from events import visuals
from events.forms import ClaimForm, EventFilterForm, InviteeForm
from events.models import (
    Country,
    Event,
    EventRedirect,
    Invitation,
    Person,
    PersonRedirect,
    attach_status_counts,
)
from events.permissions import is_editor
from events.status import InvitationStatus

PAGE_SIZE = 40


def card_key(event: Event) -> str:
    """Everything an event's card on a list shows (the event, its host, its
    counts per status), for {% cache %}: a change to any gives a new key."""
    host = event.host
    parts = [
        event.pk,
        event.updated_at.timestamp(),
        host.pk if host else None,
        host.updated_at.timestamp() if host else None,
        event.n_invitations,
        *(getattr(event, f"n_{status}") for status in InvitationStatus.values),
    ]
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def _attach_cards(events: list) -> None:
    """Each event's rendered card as event.card_html: from the fragment cache
    in one get_many, rendering (and storing) only the missing ones."""
    fragments = caches["template_fragments"]
    keys = {f"event_card:{card_key(event)}": event for event in events}
    found = fragments.get_many(list(keys))
    missing = {}
    for key, event in keys.items():
        html = found.get(key)
        if html is None:
            html = missing[key] = render_to_string("events/_event_row.html", {"event": event})
        event.card_html = mark_safe(html)  # noqa: S308 - rendered (escaped) by the template
    if missing:
        fragments.set_many(missing, 86400)


def _event_list(request, *, archive: bool):
    form = EventFilterForm(request.GET)
    base = Event.objects.past() if archive else Event.objects.upcoming()
    status = 200
    if form.is_valid():
        events = form.apply(base)
    else:
        events, status = base.none(), 400
    page = Paginator(events.with_host(), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    attach_status_counts(page.object_list)
    _attach_cards(page.object_list)
    context = {
        "form": form,
        "page": page,
        "events": page.object_list,
        "archive": archive,
        "filter_query": form.querystring(),
    }
    return render(request, "events/event_list.html", context, status=status)


def home(request):
    return _event_list(request, archive=False)


def archive(request):
    return _event_list(request, archive=True)


# --- One event ---------------------------------------------------------------------
def fragment_key(invitation: Invitation) -> str:
    """What an invitation's rendered fragment depends on, for {% cache %}: any
    change to the invitation, its invitee or inviter, or any of its claims (a new
    claim, a review) gives a new key, so a cached fragment is never stale."""
    invitee, inviter = invitation.invitee, invitation.inviter
    parts = [
        invitation.pk,
        invitation.updated_at.timestamp(),
        invitation.current_claim_id,
        invitee.pk,
        invitee.updated_at.timestamp(),
        invitee.country.name if invitee.country else "",
        inviter.updated_at.timestamp() if inviter else "",
    ]
    parts += [f"{c.pk}@{c.updated_at.timestamp()}" for c in invitation.claims.all()]
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def event_context(request, event: Event, *, forms: dict | None = None) -> dict:
    """Everything the event page shows. `forms` carries bound forms with
    errors, keyed "claim-<invitation id>", "invitee"."""
    forms = forms or {}
    editor = is_editor(request.user)
    invitations = list(event.invitations.with_history())
    groups: dict[str, list] = {status: [] for status in vocabulary.DISPLAY_ORDER}
    for invitation in invitations:
        claims = invitation.claims.all()
        approved = vocabulary.approved(claims)
        invitation.visible_claims = list(claims) if editor else approved
        # Disputed: both sides. Denied: the denial and the report it answers.
        invitation.sides = (
            vocabulary.dispute_sides(approved, window_days=settings.DAIS_DISPUTE_WINDOW_DAYS)
            if invitation.status in vocabulary.TWO_SIDED
            else []
        )
        if editor:
            invitation.claim_form = forms.get(f"claim-{invitation.pk}") or ClaimForm(
                prefix_id=str(invitation.pk)
            )
        if not editor:  # editors' fragments hold forms and CSRF tokens: never cached
            invitation.fragment_key = fragment_key(invitation)
        groups[invitation.status].append(invitation)
    return {
        "event": event,
        "groups": [(status, items) for status, items in groups.items() if items],
        "invitation_count": len(invitations),
        "is_editor": editor,
        "invitee_form": forms.get("invitee") or (InviteeForm() if editor else None),
        "can_attend": event.has_started(),
        "world_map": visuals.world_map(event, invitations),
        "timeline": visuals.timeline(event, invitations),
    }


def body_key(event: Event) -> str:
    """What the event page's body (map, timeline, invitees) shows for a reader,
    summed up in one aggregate query: any new, changed or removed invitation
    or claim, any change to an invitee or inviter, to the event, or a new day
    gives a new key, so the cached body is never stale."""
    summary = Invitation.objects.filter(event=event).aggregate(
        n=Count("id", distinct=True),
        last=Max("updated_at"),
        people=Max("invitee__updated_at"),
        inviters=Max("inviter__updated_at"),
        n_claims=Count("claims"),
        last_claim=Max("claims__updated_at"),
    )
    parts = [event.pk, event.updated_at, timezone.localdate(), summary]
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def moved(redirects, url_name: str, slug: str, *, suffix: str = ""):
    """A 301 to the record a merged one's old address leads to, or a 404."""
    target = redirects.target(slug=slug)
    if target is None:
        raise Http404("Nothing here.")
    return HttpResponsePermanentRedirect(reverse(url_name, args=[target.slug]) + suffix)


def event_detail(request, slug: str):
    event = Event.objects.select_related("country", "host", "host__country").filter(slug=slug)
    event = event.first()
    if event is None:
        return moved(EventRedirect.objects, "event-detail", slug)
    if is_editor(request.user):
        return render(request, "events/event_detail.html", event_context(request, event))
    # A reader: the body comes from the cache while nothing it shows has changed;
    # its context is computed only when the template asks for it (a cache miss).
    body = functools.cache(lambda: event_context(request, event))
    context = {
        "event": event,
        "is_editor": False,
        "body_key": body_key(event),
        **{
            name: functools.partial(lambda name: body()[name], name)
            for name in ("groups", "invitation_count", "invitee_form", "can_attend")
            + ("world_map", "timeline")
        },
    }
    return render(request, "events/event_detail.html", context)


# --- People and countries --------------------------------------------------------------
def _record(invitations) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for invitation in invitations:
        counts[invitation.status] = counts.get(invitation.status, 0) + 1
    return vocabulary.by_display_order(counts)


def person_detail(request, slug: str):
    person = Person.objects.select_related("country").filter(slug=slug).first()
    if person is None:
        return moved(PersonRedirect.objects, "person-detail", slug)
    invitations = list(person.invitations.for_person_page())
    today = timezone.localdate()
    hosted = person.hosted_events.select_related("country").order_by("-start_date")[:50]
    context = {
        "person": person,
        # Over or not by Event.is_over, the rule of the home page and the archive.
        "upcoming": [i for i in reversed(invitations) if not i.event.is_over(today)],
        "past": [i for i in invitations if i.event.is_over(today)],
        "record": _record(invitations),
        "hosted": hosted,
        "is_editor": is_editor(request.user),
    }
    return render(request, "events/person_detail.html", context)


def country_detail(request, code: str):
    country = get_object_or_404(Country, code=code.upper())
    today = timezone.localdate()
    hosted = Event.objects.filter(country=country).with_status_counts()
    invitations = list(
        Invitation.objects.filter(invitee__country=country)
        .for_person_page()
        .select_related("event__country")[:200]
    )
    attended = sum(1 for i in invitations if i.status == InvitationStatus.ATTENDED)
    leaders = (
        Person.objects.filter(country=country)
        .annotate(n=Count("invitations"))
        .filter(Q(n__gt=0))
        .order_by("-n", "name")[:12]
    )
    context = {
        "country": country,
        "hosted_upcoming": hosted.upcoming(today),
        "hosted_past": hosted.past(today)[:50],
        "invitations": invitations,
        "attended": attended,
        "record": _record(invitations),
        "leaders": leaders,
    }
    return render(request, "events/country_detail.html", context)
