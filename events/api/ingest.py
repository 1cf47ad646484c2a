"""REST doors of the pipeline: submit and list reports, manage sources (editors only)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils import timezone
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from events.ingest import services
from events.ingest.fetch import UnsafeURLError, check_url
from events.models import FeedKind, Report, ReportState, Source
from events.permissions import is_editor
from events.tasks import enqueue_poll, enqueue_report


class IsEditor(permissions.BasePermission):
    message = "Only editors can manage reports and sources."

    def has_permission(self, request, view):
        return is_editor(request.user)


def _drf_error(exc: DjangoValidationError) -> ValidationError:
    if hasattr(exc, "message_dict"):
        return ValidationError(exc.message_dict)
    return ValidationError({"non_field_errors": exc.messages})


class ReportSerializer(serializers.ModelSerializer):
    claims = serializers.IntegerField(source="claim_count", read_only=True, default=0)

    class Meta:
        model = Report
        fields = [
            "id",
            "url",
            "urls",
            "title",
            "outlet",
            "published",
            "fetched_at",
            "language",
            "state",
            "error",
            "source",
            "claims",
            "created_at",
        ]
        read_only_fields = fields


class ReportDetailSerializer(ReportSerializer):
    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "text"]
        read_only_fields = fields


class ReportSubmitSerializer(serializers.Serializer):
    url = serializers.URLField(required=False, allow_blank=True, max_length=2000)
    text = serializers.CharField(required=False, allow_blank=True, max_length=200_000)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
    published = serializers.DateTimeField(required=False, allow_null=True)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16)

    def validate_url(self, value: str) -> str:
        if not value:
            return value
        try:
            check_url(value)
        except UnsafeURLError as exc:
            raise serializers.ValidationError(str(exc)) from None
        except Exception:  # noqa: S110 - unresolvable now: the fetch retries later
            pass
        return value

    def validate_published(self, value):
        if value and value > timezone.now() + datetime.timedelta(days=1):
            raise serializers.ValidationError("A report cannot be published in the future.")
        return value

    def validate(self, attrs):
        if not attrs.get("url") and not (attrs.get("text") or "").strip():
            raise serializers.ValidationError({"url": "Give a URL or a text."})
        return attrs


class ReportViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Reports the pipeline has seen. POST a URL or a text to ingest one: the
    answer is 202 with the report's id and state; the work happens in the worker."""

    permission_classes = [IsEditor]

    def get_queryset(self):
        from django.db.models import Count

        qs = Report.objects.annotate(claim_count=Count("claims")).order_by("-created_at", "-id")
        state = self.request.query_params.get("state")
        if state:
            if state not in ReportState.values:
                raise ValidationError({"state": f"One of {', '.join(ReportState.values)}."})
            qs = qs.filter(state=state)
        source = self.request.query_params.get("source")
        if source:
            if not source.isdigit():
                raise ValidationError({"source": "A source id."})
            qs = qs.filter(source_id=int(source))
        return qs

    def get_serializer_class(self):
        if self.action == "create":
            return ReportSubmitSerializer
        if self.action == "retrieve":
            return ReportDetailSerializer
        return ReportSerializer

    def create(self, request, *args, **kwargs):
        serializer = ReportSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            with transaction.atomic():
                report, created = services.report_submit(
                    url=data.get("url", ""),
                    text=data.get("text", ""),
                    title=data.get("title", ""),
                    outlet=data.get("outlet", ""),
                    published=data.get("published"),
                    language=data.get("language", ""),
                    submitted_by=request.user,
                )
                if report.state != ReportState.EXTRACTED:
                    enqueue_report(report.pk)
        except DjangoValidationError as exc:
            raise _drf_error(exc) from None
        return Response(
            {"id": report.pk, "state": report.state, "created": created, "url": report.url},
            status=status.HTTP_202_ACCEPTED,
        )

    @action(detail=True, methods=["post"])
    def reextract(self, request, pk=None):
        report = self.get_object()
        enqueue_report(report.pk, force=True)
        return Response({"id": report.pk, "state": report.state}, status=status.HTTP_202_ACCEPTED)


class SourceSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=FeedKind.choices, default=FeedKind.RSS)
    poll_interval = serializers.IntegerField(min_value=60, max_value=7 * 86400, default=900)

    class Meta:
        model = Source
        fields = [
            "id",
            "name",
            "kind",
            "url",
            "active",
            "poll_interval",
            "etag",
            "last_modified",
            "last_polled_at",
            "next_poll_at",
            "last_error",
            "consecutive_failures",
        ]
        read_only_fields = [
            "etag",
            "last_modified",
            "last_polled_at",
            "next_poll_at",
            "last_error",
            "consecutive_failures",
        ]
        extra_kwargs = {"url": {"validators": []}}

    def validate_url(self, value: str) -> str:
        try:
            check_url(value)
        except UnsafeURLError as exc:
            raise serializers.ValidationError(str(exc)) from None
        except Exception:  # noqa: S110 - unresolvable now: polls will say so
            pass
        qs = Source.objects.filter(url=value.strip())
        if self.instance is not None:
            qs = qs.exclude(pk=self.instance.pk)
        if qs.exists():
            raise serializers.ValidationError("A source with this URL exists.")
        return value


class SourceViewSet(viewsets.ModelViewSet):
    """The feeds the pipeline polls. POST /api/sources/{id}/poll/ polls now."""

    permission_classes = [IsEditor]
    serializer_class = SourceSerializer
    queryset = Source.objects.order_by("name", "id")

    def perform_create(self, serializer):
        try:
            serializer.instance = services.source_create(**serializer.validated_data)
        except DjangoValidationError as exc:
            raise _drf_error(exc) from None

    def perform_update(self, serializer):
        try:
            serializer.instance = services.source_update(
                source=serializer.instance, **serializer.validated_data
            )
        except DjangoValidationError as exc:
            raise _drf_error(exc) from None

    def perform_destroy(self, instance):
        services.source_update(source=instance, active=False)

    @action(detail=True, methods=["post"])
    def poll(self, request, pk=None):
        source = self.get_object()
        enqueue_poll(source.pk)
        return Response({"id": source.pk, "queued": True}, status=status.HTTP_202_ACCEPTED)
