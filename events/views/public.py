"""Pages anyone can read: upcoming events, the archive, an event, a person, a country."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from events import visuals
from events.forms import ClaimForm, EventFilterForm, InviteeForm
from events.models import Country, Event, Invitation, InvitationStatus, Person
from events.permissions import is_editor
from events.status import contradicts
from events.templatetags.dais import STATUS_ORDER

PAGE_SIZE = 40


def _event_list(request, *, archive: bool):
    form = EventFilterForm(request.GET)
    base = Event.objects.past() if archive else Event.objects.upcoming()
    status = 200
    if form.is_valid():
        events = form.apply(base)
    else:
        events, status = base.none(), 400
    page = Paginator(events.with_status_counts(), PAGE_SIZE).get_page(request.GET.get("page"))
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
def dispute_sides(invitation: Invitation) -> list:
    """The deciding approved claim, then the latest approved one against it."""
    approved = [c for c in invitation.claims.all() if c.review_state == "approved"]
    deciding = invitation.current_claim
    if deciding is None:
        return []
    against = [c for c in approved if contradicts(c.status, deciding.status)]
    return [deciding, against[-1]] if against else [deciding]


def event_context(request, event: Event, *, forms: dict | None = None) -> dict:
    """Everything the event page shows. `forms` carries bound forms with
    errors, keyed "claim-<invitation id>", "invitee"."""
    forms = forms or {}
    editor = is_editor(request.user)
    invitations = list(event.invitations.with_history())
    groups: dict[str, list] = {status: [] for status in STATUS_ORDER}
    for invitation in invitations:
        invitation.visible_claims = [
            c for c in invitation.claims.all() if editor or c.review_state == "approved"
        ]
        # Disputed: both sides. Denied: the denial and the report it answers.
        invitation.sides = (
            dispute_sides(invitation)
            if invitation.status in (InvitationStatus.DISPUTED, InvitationStatus.DENIED)
            else []
        )
        if editor:
            invitation.claim_form = forms.get(f"claim-{invitation.pk}") or ClaimForm(
                prefix_id=str(invitation.pk)
            )
        groups[invitation.status].append(invitation)
    return {
        "event": event,
        "groups": [(status, items) for status, items in groups.items() if items],
        "invitation_count": len(invitations),
        "is_editor": editor,
        "invitee_form": forms.get("invitee") or (InviteeForm() if editor else None),
        "can_attend": event.start_date <= timezone.localdate(),
        "world_map": visuals.world_map(event, invitations),
        "timeline": visuals.timeline(event, invitations),
    }


def event_detail(request, slug: str):
    event = get_object_or_404(
        Event.objects.select_related("country", "host", "host__country"), slug=slug
    )
    return render(request, "events/event_detail.html", event_context(request, event))


# --- People and countries --------------------------------------------------------------
def _record(invitations) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for invitation in invitations:
        counts[invitation.status] = counts.get(invitation.status, 0) + 1
    return [(status, counts[status]) for status in STATUS_ORDER if counts.get(status)]


def person_detail(request, slug: str):
    person = get_object_or_404(Person.objects.select_related("country"), slug=slug)
    invitations = list(person.invitations.for_person_page())
    today = timezone.localdate()
    hosted = person.hosted_events.select_related("country").order_by("-start_date")[:50]
    context = {
        "person": person,
        "upcoming": [i for i in reversed(invitations) if i.event.start_date >= today],
        "past": [i for i in invitations if i.event.start_date < today],
        "record": _record(invitations),
        "hosted": hosted,
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
