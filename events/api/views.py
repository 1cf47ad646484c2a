"""Thin doors: validate with a serializer, call one service or QuerySet, answer."""

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed, ValidationError
from rest_framework.response import Response

from events import services
from events.api import filters, serializers
from events.api.conditional import ConditionalMixin
from events.api.renderers import CSVRenderer, ORJSONRenderer, stream_csv
from events.models import Claim, Country, Event, Invitation, InvitationStatus, Origin, Person
from events.permissions import is_editor

FORMAT_PARAM = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv"],
    description="`csv` exports every matching row (no pagination) as CSV.",
)


def _invitee(data) -> Person:
    if data.get("person") is not None:
        return data["person"]
    return services.delegation_for_country(
        country=data["country"], kind=data.get("country_invitee_kind") or "delegation"
    )


def _claim_fields(data) -> dict:
    return {
        name: data[name]
        for name in ("status", "as_of", "source_url", "source_outlet", "source_title", "evidence")
        if name in data
    }


class MethodFirstMixin:
    """405 for a method the resource does not have, before asking who is calling
    (else an anonymous DELETE would get 401 and suggest that signing in helps)."""

    def initial(self, request, *args, **kwargs):
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            self.format_kwarg = self.get_format_suffix(**kwargs)
            raise MethodNotAllowed(request.method)
        if request.query_params.get("format", None) == "":
            # DRF ignores an empty ?format=; the schema allows only json or csv.
            self.format_kwarg = None
            raise ValidationError({"format": ["Give json or csv, or leave the parameter out."]})
        return super().initial(request, *args, **kwargs)


class _ListMixin(MethodFirstMixin, ConditionalMixin):
    """A list with conditional GET and an optional streamed CSV export."""

    conditional_actions: tuple[str, ...] = ("list",)
    csv_header: list[str] = []

    def get_renderers(self):
        if self.action in ("list", None):  # None: a method the view does not serve
            return [ORJSONRenderer(), CSVRenderer()]
        return [ORJSONRenderer()]

    def csv_rows(self, queryset):
        raise NotImplementedError

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        not_modified = self.conditional(queryset)
        if not_modified is not None:
            return not_modified
        if request.accepted_renderer.format == "csv":
            self.paginator.validate(request)
            return self.stamp(self._csv(queryset))
        page = self.paginate_queryset(queryset)
        return self.stamp(self.get_paginated_response(self.list_data(page)))

    def list_data(self, page):
        return self.get_serializer(page, many=True).data

    def _csv(self, queryset):
        limit = settings.DAIS_API_CSV_MAX_ROWS
        rows = self.csv_rows(queryset[:limit].iterator(chunk_size=500))
        response = StreamingHttpResponse(
            stream_csv(self.csv_header, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.basename}s.csv"'
        if getattr(self, "row_count", 0) > limit:
            response["X-Dais-Truncated"] = f"{limit} of {self.row_count} rows"
        return response


@extend_schema_view(
    list=extend_schema(
        summary="List events",
        description="Events with their invitations (current status and source) and counts "
        "per status. Conditional: send If-None-Match with the ETag to get a 304.",
        parameters=[FORMAT_PARAM],
    ),
    retrieve=extend_schema(summary="One event", description="Conditional like the list."),
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
    _ListMixin,
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
    csv_header = [
        "id",
        "slug",
        "title",
        "kind",
        "start_date",
        "end_date",
        "date_precision",
        "city",
        "country",
        "host",
        "lifecycle",
        "phase",
        *InvitationStatus.values,
        "updated_at",
        "web_url",
    ]

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
                event.title,
                event.kind,
                event.start_date,
                event.end_date,
                event.date_precision,
                event.city,
                event.country_id,
                event.host.name if event.host else "",
                event.lifecycle,
                serializers.event_phase(event),
                *(counts[s] for s in InvitationStatus.values),
                event.updated_at.isoformat(),
                f"{settings.SITE_URL}{event.get_absolute_url()}",
            ]

    def retrieve(self, request, *args, **kwargs):
        not_modified = self.conditional(Event.objects.filter(pk=self.kwargs["pk"]))
        if not_modified is not None:
            return not_modified
        return self.stamp(super().retrieve(request, *args, **kwargs))

    def _answer(self, pk: int, code: int = status.HTTP_200_OK) -> Response:
        event = self.get_queryset().get(pk=pk)
        return Response(self.get_serializer(event).data, status=code)

    def create(self, request, *args, **kwargs):
        data = self._valid(serializers.EventWriteSerializer, request.data)
        event = services.event_create(**data)
        return self._answer(event.pk, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        event = self.get_object()
        data = self._valid(serializers.EventWriteSerializer, request.data, event, partial=True)
        services.event_update(event=event, **data)
        return self._answer(event.pk)

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
        data = self._valid(serializers.EventClaimWriteSerializer, request.data)
        with transaction.atomic():
            invitation, _ = services.invitation_get_or_create(event=event, invitee=_invitee(data))
            services.claim_record(
                invitation=invitation,
                origin=Origin.MANUAL,
                recorded_by=request.user,
                **_claim_fields(data),
            )
        return _invitation_answer(request, invitation.pk, status.HTTP_201_CREATED)

    @staticmethod
    def _valid(serializer_class, data, instance=None, partial=False) -> dict:
        serializer = serializer_class(instance=instance, data=data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


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
    _ListMixin,
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
        data = EventViewSet._valid(serializers.InvitationWriteSerializer, request.data)
        with transaction.atomic():
            invitation = services.invitation_create(
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
        data = EventViewSet._valid(serializers.ClaimWriteSerializer, request.data)
        services.claim_record(
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
        data = EventViewSet._valid(serializers.ClaimReviewSerializer, request.data)
        claim = services.claim_review(claim=claim, approve=data["approve"], reviewer=request.user)
        claim = Claim.objects.select_related("invitation").get(pk=claim.pk)
        return Response(self.get_serializer(claim).data)


class PersonFilterSet(filters.StrictFilterSet):
    q = filters.django_filters.CharFilter(
        method="filter_q", max_length=200, help_text="Text in the name or the role."
    )
    country = filters.CountryFilter(field_name="country_id")
    kind = filters.django_filters.ChoiceFilter(choices=serializers.PersonKind.choices)

    class Meta:
        model = Person
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return queryset.search(value.strip()) if value.strip() else queryset


@extend_schema_view(
    list=extend_schema(summary="List people (invitees and hosts)"),
    retrieve=extend_schema(summary="One person"),
    create=extend_schema(
        summary="Create a person",
        request=serializers.PersonWriteSerializer,
        responses={201: serializers.PersonSerializer},
    ),
)
class PersonViewSet(
    MethodFirstMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Person.objects.all()
    serializer_class = serializers.PersonSerializer
    filterset_class = PersonFilterSet
    ordering_fields = ["name", "id"]
    ordering = ["name", "id"]
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "head", "options"]

    def create(self, request, *args, **kwargs):
        data = EventViewSet._valid(serializers.PersonWriteSerializer, request.data)
        person = services.person_create(**data)
        return Response(self.get_serializer(person).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="List countries (ISO 3166-1)"),
    retrieve=extend_schema(summary="One country"),
)
class CountryViewSet(MethodFirstMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Country.objects.all()
    serializer_class = serializers.CountrySerializer
    ordering_fields = ["name", "code"]
    ordering = ["name", "code"]
    filterset_class = None
    lookup_value_regex = "[A-Za-z]{2}"

    def get_object(self):
        self.kwargs["pk"] = self.kwargs["pk"].upper()
        return super().get_object()
