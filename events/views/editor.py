"""Editor doors: record a claim, add an invitee, create and edit events.

Every form works as a plain POST (redirect on success, the page again with
errors next to the fields on failure); with htmx the invitee section is
swapped in place instead. All writes go through events.services.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from events.forms import ClaimForm, EventForm, InviteeForm, add_service_errors
from events.models import EVENT_FIELDS, Event, Invitation
from events.permissions import editor_required
from events.services import events as event_services
from events.services.claims import claim_record
from events.services.invitations import invitation_create
from events.services.people import person_create
from events.views.public import event_context


def _event(slug: str) -> Event:
    return get_object_or_404(
        Event.objects.select_related("country", "host", "host__country"), slug=slug
    )


def _respond(request, event: Event, *, forms: dict, ok_message: str = "", anchor: str = ""):
    """After an editor POST on the event page: the swapped section for htmx,
    else a redirect (success) or the whole page with errors (failure)."""
    failed = bool(forms)
    context = event_context(request, event, forms=forms)
    if request.htmx:
        # Always 200: htmx does not swap error responses by default, and the
        # errors are in the fragment, next to their fields.
        # The map and the timeline come along as out-of-band swaps, so they
        # show the new status too.
        context["flash"] = ok_message
        return render(request, "events/_invitees_swap.html", context)
    if failed:
        return render(request, "events/event_detail.html", context, status=400)
    messages.success(request, ok_message)
    return redirect(event.get_absolute_url() + (f"#{anchor}" if anchor else ""))


@require_POST
@editor_required
def claim_create(request, slug: str, invitation_id: int):
    event = _event(slug)
    invitation = get_object_or_404(
        Invitation.objects.select_related("invitee", "event"), pk=invitation_id, event=event
    )
    form = ClaimForm(request.POST, prefix_id=str(invitation.pk))
    if form.is_valid():
        try:
            claim = claim_record(
                invitation=invitation, recorded_by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
    if form.errors:
        return _respond(request, event, forms={f"claim-{invitation.pk}": form})
    message = f"Recorded: {invitation.invitee.name} {claim.get_status_display().lower()}."
    return _respond(request, event, forms={}, ok_message=message, anchor=f"inv-{invitation.pk}")


@require_POST
@editor_required
def invitee_add(request, slug: str):
    event = _event(slug)
    form = InviteeForm(request.POST)
    invitation = None
    if form.is_valid():
        try:
            with transaction.atomic():
                person = form.existing_person() or person_create(
                    name=form.cleaned_data["name"],
                    country=form.cleaned_data["country"],
                    role=form.cleaned_data["role"],
                    kind=form.cleaned_data["kind"],
                )
                invitation = invitation_create(event=event, invitee=person)
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "invitee" in exc.error_dict:
                exc = ValidationError({"name": exc.error_dict.pop("invitee")})
            add_service_errors(form, exc)
    if form.errors or invitation is None:
        return _respond(request, event, forms={"invitee": form})
    message = f"Added {invitation.invitee.name} as invited."
    return _respond(request, event, forms={}, ok_message=message, anchor=f"inv-{invitation.pk}")


def _event_form_save(request, form: EventForm, event: Event | None):
    data = dict(form.cleaned_data)
    host_name = data.pop("host_name").strip()
    try:
        with transaction.atomic():
            data["host"] = form.host() or (
                person_create(name=host_name, country=data["country"]) if host_name else None
            )
            if event is None:
                return event_services.event_create(**data)
            return event_services.event_update(event=event, **data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


@require_http_methods(["GET", "POST"])
@editor_required
def event_create(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = _event_form_save(request, form, None)
        if event is not None:
            messages.success(request, "Event created. Now add who is invited.")
            return redirect(event.get_absolute_url())
    status = 400 if form.errors else 200
    return render(request, "events/event_form.html", {"form": form, "event": None}, status=status)


@require_http_methods(["GET", "POST"])
@editor_required
def event_edit(request, slug: str):
    event = _event(slug)
    initial = {name: getattr(event, name) for name in EVENT_FIELDS if name != "host"}
    initial["country"] = event.country_id
    initial["host_name"] = event.host.name if event.host else ""
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _event_form_save(request, form, event)
        if saved is not None:
            messages.success(request, "Event saved.")
            return redirect(saved.get_absolute_url())
    status = 400 if form.errors else 200
    return render(request, "events/event_form.html", {"form": form, "event": event}, status=status)
