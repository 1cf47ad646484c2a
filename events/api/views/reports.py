"""REST doors of the pipeline: submit and list reports, manage sources (editors only).

They follow the API's conventions: strict input serializers, the shared error
shape, the API's permission classes, pagination, filters and an OpenAPI
description that lists every error code. The work itself (fetching, extracting,
polling) is queued to the worker when the request's transaction commits: a URL
is checked here without touching the network, and again (resolved, each
redirect hop too) by the fetcher before any connection.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Count
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from events.api import filters
from events.api.errors import Conflict
from events.api.permissions import IsEditor
from events.api.serializers import (
    FeedSourceSerializer,
    FeedSourceWriteSerializer,
    ReportAcceptedSerializer,
    ReportDetailSerializer,
    ReportSerializer,
    ReportSubmitSerializer,
)
from events.api.views.mixins import MethodFirstMixin
from events.models import Report, ReportState, Source
from events.services.reports import report_submit
from events.services.sources import source_create, source_update
from events.tasks import enqueue_poll, enqueue_report


@extend_schema_view(
    list=extend_schema(summary="List reports", description="Newest first. Editors only."),
    retrieve=extend_schema(
        summary="One report, with its text", responses={200: ReportDetailSerializer}
    ),
    create=extend_schema(
        summary="Submit a report",
        description="Give a `url` (fetched by the worker) or a `text`, or both. The answer is "
        "202: the report is stored (or found: the same canonical URL or text is one report) "
        "and its processing is queued; follow `state` on the report. A URL must be http(s) "
        "on a public host; it is never fetched while the request runs.",
        request=ReportSubmitSerializer,
        responses={202: ReportAcceptedSerializer},
    ),
)
class ReportViewSet(
    MethodFirstMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsEditor]
    queryset = Report.objects.all()  # for the schema; get_queryset() counts claims
    serializer_class = ReportSerializer
    filterset_class = filters.ReportFilter
    ordering_fields = ["created_at", "published", "id"]
    ordering = ["-created_at", "-id"]
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return Report.objects.annotate(claim_count=Count("claims"))

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ReportDetailSerializer
        return ReportSerializer

    def create(self, request, *args, **kwargs):
        data = self.valid(ReportSubmitSerializer, request.data)
        with transaction.atomic():
            report, created = report_submit(submitted_by=request.user, **data)
            if report.state != ReportState.EXTRACTED:
                enqueue_report(report.pk)
        report = self.get_queryset().get(pk=report.pk)
        report.was_created = created
        return Response(ReportAcceptedSerializer(report).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        summary="Extract a report again",
        description="Queues the report for extraction again (e.g. after the extractor "
        "improved); claims already reviewed are kept.",
        request=None,
        responses={202: ReportSerializer},
    )
    @action(detail=True, methods=["post"])
    def reextract(self, request, pk=None):
        report = self.get_object()
        enqueue_report(report.pk, force=True)
        return Response(self.get_serializer(report).data, status=status.HTTP_202_ACCEPTED)


@extend_schema_view(
    list=extend_schema(summary="List feed sources", description="Editors only."),
    retrieve=extend_schema(summary="One feed source"),
    create=extend_schema(
        summary="Add a feed source",
        description="A feed URL is one source: a second source with the same URL is a 409.",
        request=FeedSourceWriteSerializer,
        responses={201: FeedSourceSerializer},
    ),
    partial_update=extend_schema(
        summary="Change a feed source",
        description="Send only the fields to change. Reactivating a source resets its "
        "failure count and polls it soon.",
        request=FeedSourceWriteSerializer,
        responses={200: FeedSourceSerializer},
    ),
    destroy=extend_schema(
        summary="Deactivate a feed source",
        description="The source is kept (its reports point to it) but no longer polled.",
    ),
)
class SourceViewSet(
    MethodFirstMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsEditor]
    queryset = Source.objects.all()
    serializer_class = FeedSourceSerializer
    filterset_class = filters.SourceFilter
    ordering_fields = ["name", "id", "last_polled_at", "next_poll_at"]
    ordering = ["name", "id"]
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    extra_error_codes = {"create": ["409"], "partial_update": ["409"], "poll": ["409"]}

    @staticmethod
    def _save(write, **data) -> Source:
        url = data.get("url")
        if url is not None:
            others = Source.objects.filter(url=url.strip())
            if isinstance(write, Source):
                others = others.exclude(pk=write.pk)
            if others.exists():
                raise Conflict({"url": ["A source with this URL exists."]})
        try:
            with transaction.atomic():
                if isinstance(write, Source):
                    return source_update(source=write, **data)
                return write(**data)
        except IntegrityError:  # the same URL stored a moment ago by someone else
            raise Conflict({"url": ["A source with this URL exists."]}) from None

    def create(self, request, *args, **kwargs):
        source = self._save(source_create, **self.valid(FeedSourceWriteSerializer, request.data))
        return Response(self.get_serializer(source).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        source = self.get_object()
        data = self.valid(FeedSourceWriteSerializer, request.data, partial=True)
        source = self._save(source, **data)
        return Response(self.get_serializer(source).data)

    def destroy(self, request, *args, **kwargs):
        source_update(source=self.get_object(), active=False)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Poll a feed source now",
        description="Queues a poll; an inactive source is a 409 (reactivate it first).",
        request=None,
        responses={202: FeedSourceSerializer},
    )
    @action(detail=True, methods=["post"])
    def poll(self, request, pk=None):
        source = self.get_object()
        if not source.active:
            raise Conflict("This source is inactive; reactivate it first.")
        enqueue_poll(source.pk)
        return Response(self.get_serializer(source).data, status=status.HTTP_202_ACCEPTED)
