"""The event list's fast path (serializers.event_list_data, bench R1) must
answer exactly what EventSerializer answers."""

import datetime

import pytest
from django.db.models import Prefetch

from events.api import serializers
from events.models import Event, Invitation, Lifecycle
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, record

pytestmark = pytest.mark.django_db


def _slow(events):
    invitations = Invitation.objects.select_related("invitee", "current_claim").order_by("id")
    qs = Event.objects.filter(pk__in=[e.pk for e in events]).select_related("country", "host")
    qs = qs.prefetch_related(Prefetch("invitations", queryset=invitations)).order_by("id")
    return serializers.EventSerializer(qs, many=True).data


def test_it_builds_the_same_dicts_as_the_event_serializer():
    today = datetime.date.today()
    host = PersonFactory(name="Host <b>& Co</b>")
    rich = EventFactory(
        host=host,
        description="Ünïcode — and <script>",
        end_date=None,
        start_date=today + datetime.timedelta(days=3),
    )
    cancelled = EventFactory(lifecycle=Lifecycle.CANCELLED)
    ongoing = EventFactory(
        start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )
    bare = EventFactory()  # no invitations
    first = InvitationFactory(event=rich)
    record(first, "accepted", today - datetime.timedelta(days=2), "Reuters")
    second = InvitationFactory(event=rich, invitee=PersonFactory(country=None))
    record(second, "accepted", today - datetime.timedelta(days=5))
    record(second, "declined", today - datetime.timedelta(days=4), "AP")
    InvitationFactory(event=cancelled)  # invited, no claim: source is null
    InvitationFactory(event=ongoing)
    events = list(
        Event.objects.filter(pk__in=[rich.pk, cancelled.pk, ongoing.pk, bare.pk])
        .select_related("country", "host")
        .order_by("id")
    )
    fast = serializers.event_list_data(events)
    assert fast == _slow(events)
    assert {e["phase"] for e in fast} >= {"upcoming", "cancelled", "ongoing"}
    assert any(i["source"] is None for e in fast for i in e["invitations"])
    assert fast[0]["host"]["name"] == "Host <b>& Co</b>"


def test_it_answers_the_api_list_with_the_serializer_output(client):
    event = EventFactory(host=PersonFactory())
    invitation = InvitationFactory(event=event)
    record(invitation, "declined", datetime.date.today())
    body = client.get("/api/events/").json()
    assert body["count"] == 1
    assert body["results"] == _slow([event])
