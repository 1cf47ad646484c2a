"""/api/events/, /api/invitations/ and /api/claims/: validate with a serializer,
call one service or QuerySet, answer."""

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from events.api import filters, serializers
from events.api.views.mixins import FORMAT_PARAM, ListMixin, MethodFirstMixin, moved
from events.models import (
    EVENT_FIELDS,
    Claim,
    Event,
    EventRedirect,
    Invitation,
    InvitationStatus,
    Origin,
    Person,
)
from events.permissions import is_editor
from events.services import merge as merging
from events.services.claims import claim_record, claim_review
from events.services.events import event_create, event_update
from events.services.invitations import invitation_create, invitation_get_or_create
from events.services.people import delegation_for_country


def _invitee(data) -> Person:
    if data.get("person") is not None:
        return data["person"]
    return delegation_for_country(
        country=data["country"], kind=data.get("country_invitee_kind") or "delegation"
    )


def _claim_fields(data) -> dict:
    return {
        name: data[name]
        for name in ("status", "as_of", "source_url", "source_outlet", "source_title", "evidence")
        if name in data
    }


_CSV_OWN_FIELDS = [f for f in EVENT_FIELDS if f in serializers.EVENT_CSV_FIELDS]


def _csv_cell(event: Event, field: str):
    if field == "country":
        return event.country_id
    if field == "host":
        return event.host.name if event.host else ""
    return getattr(event, field)


@extend_schema_view(
    list=extend_schema(
        summary="List events",
        description="Events with their invitations (current status and source) and counts "
        "per status. Conditional: send If-None-Match with the ETag to get a 304.",
        parameters=[FORMAT_PARAM],
    ),
    retrieve=extend_schema(
        summary="One event",
        description="Conditional like the list. The id of an event merged into another "
        "answers 301 with the kept event's address in Location.",
    ),
    create=extend_schema(
        summary="Create an event",
        request=serializers.EventWriteSerializer,
        responses={201: serializers.EventSerializer},
    ),
    partial_update=extend_schema(
        summary="Change an event",
        description="Send only the fields to change. Each change bumps `sequence`.",
        request=serializers.EventWriteSerializer,
        responses={200: serializers.EventSerializer},
    ),
)
class EventViewSet(
    ListMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Event.objects.all()  # for the schema; get_queryset() prefetches
    conditional_actions = ("list", "retrieve")
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter
    ordering_fields = ["start_date", "title", "created_at", "updated_at", "id"]
    ordering = ["start_date", "id"]
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "patch", "head", "options"]
    csv_header = serializers.EVENT_CSV_FIELDS

    def get_queryset(self):
        renderer = getattr(getattr(self, "request", None), "accepted_renderer", None)
        if self.action == "list" and getattr(renderer, "format", "csv") != "csv":
            # the page's invitations come in one values() query: list_data()
            return Event.objects.select_related("country", "host")
        invitations = Invitation.objects.select_related("invitee", "current_claim").order_by("id")
        return Event.objects.select_related("country", "host").prefetch_related(
            Prefetch("invitations", queryset=invitations)
        )

    def list_data(self, page):
        return serializers.event_list_data(list(page))

    def csv_rows(self, events):
        for event in events:
            counts = serializers.status_counts(event.invitations.all())
            yield [
                event.id,
                event.slug,
                *(_csv_cell(event, field) for field in _CSV_OWN_FIELDS),
                event.phase(),
                *(counts[s] for s in InvitationStatus.values),
                event.updated_at.isoformat(),
                f"{settings.SITE_URL}{event.get_absolute_url()}",
            ]

    def retrieve(self, request, *args, **kwargs):
        not_modified = self.conditional(Event.objects.filter(pk=self.kwargs["pk"]))
        if not_modified is not None:
            return not_modified
        if self.row_count == 0:  # merged into another event? Else the usual 404.
            return moved(request, EventRedirect.objects, self.kwargs["pk"], "event")
        return self.stamp(super().retrieve(request, *args, **kwargs))

    def _answer(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        event = self.get_queryset().get(pk=pk)
        return Response(self.get_serializer(event).data, status=code)

    def create(self, request, *args, **kwargs):
        data = self.valid(serializers.EventWriteSerializer, request.data)
        event = event_create(**data)
        return self._answer(event.pk, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        event = self.get_object()
        data = self.valid(serializers.EventWriteSerializer, request.data, event, partial=True)
        event_update(event=event, **data)
        return self._answer(event.pk)

    @extend_schema(
        summary="Merge this event into another",
        description="For two events that are one real event. The invitations of this event "
        "(with their claims, sources and report links) move to the event `into`; an invitee "
        "invited to both keeps one invitation holding every claim, its status derived again. "
        "This event is removed and its id and page answer 301 with the kept one. Editors only. "
        "Merging an event into itself, into one that no longer exists, or while another merge "
        "of the same events is saved is a 400 and moves nothing.",
        request=serializers.EventMergeSerializer,
        responses={200: serializers.EventSerializer},
    )
    @action(detail=True, methods=["post"], url_path="merge")
    def merge(self, request, pk=None):
        event = self.get_object()
        data = self.valid(serializers.EventMergeSerializer, request.data)
        kept = merging.event_merge(event=event, into=data["into"], merged_by=request.user)
        return self._answer(kept.pk)

    @extend_schema(
        summary="Record a claim about an invitee of this event",
        description="Name the invitee by `person` (id) or `country` (its delegation, or its "
        "troops with `country_invitee_kind`). If they are not invited yet, the invitation is "
        "created in the same transaction. Answers with the updated invitation.",
        request=serializers.EventClaimWriteSerializer,
        responses={201: serializers.InvitationDetailSerializer},
    )
    @action(detail=True, methods=["post"], url_path="claims")
    def claims(self, request, pk=None):
        event = self.get_object()
        data = self.valid(serializers.EventClaimWriteSerializer, request.data)
        with transaction.atomic():
            invitation, _ = invitation_get_or_create(event=event, invitee=_invitee(data))
            claim_record(
                invitation=invitation,
                origin=Origin.MANUAL,
                recorded_by=request.user,
                **_claim_fields(data),
            )
        return _invitation_answer(request, invitation.pk, status.HTTP_201_CREATED)


def _invitation_answer(request, pk: int, code: int = status.HTTP_200_OK) -> Response:
    invitation = Invitation.objects.with_current_claim().select_related("event").get(pk=pk)
    data = serializers.InvitationDetailSerializer(invitation, context={"request": request}).data
    return Response(data, status=code)


@extend_schema_view(
    list=extend_schema(summary="List invitations", parameters=[FORMAT_PARAM]),
    retrieve=extend_schema(
        summary="One invitation, with its claim history",
        responses={200: serializers.InvitationDetailSerializer},
    ),
    create=extend_schema(
        summary="Invite someone",
        description="Name the invitee by `person` (id) or `country` (its delegation or troops).",
        request=serializers.InvitationWriteSerializer,
        responses={201: serializers.InvitationDetailSerializer},
    ),
)
class InvitationViewSet(
    ListMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Invitation.objects.all()
    serializer_class = serializers.InvitationSerializer
    filterset_class = filters.InvitationFilter
    ordering_fields = ["id", "status_since", "created_at", "updated_at"]
    ordering = ["id"]
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "head", "options"]
    extra_error_codes = {"create": ["409"]}
    csv_header = [
        "id",
        "event_id",
        "event_title",
        "event_start_date",
        "event_country",
        "invitee_id",
        "invitee",
        "invitee_kind",
        "invitee_country",
        "status",
        "status_since",
        "source_url",
        "source_outlet",
        "updated_at",
    ]

    def get_queryset(self):
        return Invitation.objects.with_current_claim().select_related("event")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.InvitationDetailSerializer
        return serializers.InvitationSerializer

    def csv_rows(self, invitations):
        for inv in invitations:
            claim = inv.current_claim
            yield [
                inv.id,
                inv.event_id,
                inv.event.title,
                inv.event.start_date,
                inv.event.country_id,
                inv.invitee_id,
                inv.invitee.name,
                inv.invitee.kind,
                inv.invitee.country_id or "",
                inv.status,
                inv.status_since,
                claim.source_url if claim else "",
                claim.source_outlet if claim else "",
                inv.updated_at.isoformat(),
            ]

    def create(self, request, *args, **kwargs):
        data = self.valid(serializers.InvitationWriteSerializer, request.data)
        with transaction.atomic():
            invitation = invitation_create(
                event=data["event"], invitee=_invitee(data), inviter=data.get("inviter")
            )
        return _invitation_answer(request, invitation.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Record a claim about this invitation",
        description="Who accepted, declined, denied or attended, with its source. Goes through "
        "the same service as the admin and the web pages; answers with the updated invitation.",
        request=serializers.ClaimWriteSerializer,
        responses={201: serializers.InvitationDetailSerializer},
    )
    @action(detail=True, methods=["post"], url_path="claims")
    def claims(self, request, pk=None):
        invitation = self.get_object()
        data = self.valid(serializers.ClaimWriteSerializer, request.data)
        claim_record(
            invitation=invitation,
            origin=Origin.MANUAL,
            recorded_by=request.user,
            **_claim_fields(data),
        )
        return _invitation_answer(request, invitation.pk, status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(
        summary="List claims",
        description="Oldest change first, so a client can sync with `changed_since`. "
        "Only editors see pending and rejected claims.",
    ),
    retrieve=extend_schema(summary="One claim"),
)
class ClaimViewSet(
    MethodFirstMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    queryset = Claim.objects.all()
    serializer_class = serializers.ClaimSerializer
    filterset_class = filters.ClaimFilter
    ordering_fields = ["updated_at", "created_at", "as_of", "id"]
    ordering = ["updated_at", "id"]
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        claims = Claim.objects.select_related("invitation")
        if not is_editor(self.request.user):
            claims = claims.approved()
        return claims

    @extend_schema(
        summary="Approve or reject a claim",
        request=serializers.ClaimReviewSerializer,
        responses={200: serializers.ClaimSerializer},
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        claim = self.get_object()
        data = self.valid(serializers.ClaimReviewSerializer, request.data)
        claim = claim_review(claim=claim, approve=data["approve"], reviewer=request.user)
        claim = Claim.objects.select_related("invitation").get(pk=claim.pk)
        return Response(self.get_serializer(claim).data)
