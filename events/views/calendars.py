"""Outgoing: /calendar.ics (upcoming events) and /feeds/changes.atom (status changes),
both narrowed by the same URL filters as the home page.

Calendar clients recognise an event by its UID (stable: built from the
primary key) and replace it when SEQUENCE grows; services bump
Event.sequence on every change to the event or its invitations.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import feedgenerator, timezone
from django.utils.html import escape
from django.views.decorators.http import require_GET

from events.forms import EventFilterForm
from events.models import Claim, Event, EventRedirect, Lifecycle
from events.status import ICAL_PARTSTAT
from events.views.public import moved

CALENDAR_LIMIT = 500
FEED_LIMIT = 50

ICAL_STATUS = {
    Lifecycle.SCHEDULED: "CONFIRMED",
    Lifecycle.HELD: "CONFIRMED",
    Lifecycle.POSTPONED: "TENTATIVE",
    Lifecycle.CANCELLED: "CANCELLED",
}


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "dais.invalid"


def _bad_filters(form: EventFilterForm) -> HttpResponseBadRequest:
    lines = [f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()]
    return HttpResponseBadRequest(
        "Bad filter.\n" + "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{_domain()}"


def build_calendar(events, *, name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Dais//Diplomatic events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in events:
        vevent = icalendar.Event()
        vevent.add("uid", event_uid(event))
        vevent.add("sequence", event.sequence)
        vevent.add("dtstamp", event.updated_at)
        vevent.add("last-modified", event.updated_at)
        vevent.add("summary", event.title)
        vevent.add("dtstart", event.start_date)
        # DTEND is exclusive for all-day events.
        vevent.add("dtend", (event.end_date or event.start_date) + datetime.timedelta(days=1))
        location = ", ".join(part for part in (event.city, event.country.name) if part)
        vevent.add("location", location)
        vevent.add("url", settings.SITE_URL + event.get_absolute_url())
        vevent.add("status", ICAL_STATUS.get(event.lifecycle, "CONFIRMED"))
        vevent.add("categories", [event.get_kind_display()])
        description = event.description or f"{event.get_kind_display()} in {location}."
        vevent.add("description", description)
        if event.host:
            organizer = icalendar.vCalAddress(settings.SITE_URL + f"/people/{event.host.slug}/")
            organizer.params["cn"] = event.host.name
            vevent.add("organizer", organizer)
        for invitation in event.invitations.all():
            person = invitation.invitee
            attendee = icalendar.vCalAddress(settings.SITE_URL + f"/people/{person.slug}/")
            attendee.params["cn"] = person.name
            attendee.params["partstat"] = ICAL_PARTSTAT[invitation.status]
            attendee.params["role"] = "REQ-PARTICIPANT"
            attendee.params["x-dais-status"] = invitation.status
            vevent.add("attendee", attendee, encode=0)
        cal.add_component(vevent)
    return cal.to_ical()


@require_GET
def calendar(request):
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        return _bad_filters(form)
    events = form.apply(Event.objects.not_over()).for_calendar()[:CALENDAR_LIMIT]
    body = build_calendar(events, name="Dais: upcoming state events")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="dais.ics"'
    return response


@require_GET
def event_calendar(request, slug: str):
    """One event as a calendar file: "Add to calendar" on the event page."""
    events = Event.objects.filter(slug=slug).for_calendar()
    if not events:  # a merged event's subscribers follow it to the one kept
        return moved(EventRedirect.objects, "event-calendar", slug)
    body = build_calendar(events, name=f"Dais: {events[0].title}")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}.ics"'
    return response


def _tag(claim: Claim) -> str:
    return f"tag:{_domain()},2025:claim/{claim.pk}"


@require_GET
def changes(request):
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        return _bad_filters(form)
    events = form.apply(Event.objects.all()).values("pk")
    claims = Claim.objects.status_changes().filter(invitation__event__in=events)
    if form.cleaned_data.get("person"):
        # A person's feed: news about them, or about events they host.
        people = form.people()
        claims = claims.filter(
            Q(invitation__invitee__in=people) | Q(invitation__event__host__in=people)
        )
    claims = claims[:FEED_LIMIT]
    query = form.querystring()
    feed = feedgenerator.Atom1Feed(
        title="Dais: status changes",
        link=settings.SITE_URL + "/" + (f"?{query}" if query else ""),
        description="Who accepted, declined, denied or attended, with the source of each.",
        feed_url=settings.SITE_URL + request.get_full_path(),
        language="en",
        feed_guid=f"tag:{_domain()},2025:changes" + (f"?{query}" if query else ""),
    )
    for claim in claims:
        invitation = claim.invitation
        event = invitation.event
        person = invitation.invitee
        verb = claim.get_status_display().lower()
        source = claim.source_outlet or "an unnamed source"
        text = (
            f"{person.name} {verb}: {event.title} ({event.start_date:%-d %B %Y}). Source: {source}."
        )
        if claim.evidence:
            text += f' "{claim.evidence}"'
        feed.add_item(
            title=f"{person.name} {verb}: {event.title}",
            link=settings.SITE_URL + event.get_absolute_url() + f"#inv-{invitation.pk}",
            # Atom summaries are type="html": escape so readers show text, not markup.
            description=escape(text),
            unique_id=_tag(claim),
            unique_id_is_permalink=False,
            pubdate=claim.created_at,
            updateddate=claim.changed_at or timezone.now(),
            categories=[claim.status, event.get_kind_display()],
        )
    return HttpResponse(
        feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8"
    )
