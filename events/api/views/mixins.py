"""What the API's viewsets share: 405 before 401, the strict ?format=, input
validation, and lists with conditional GET and a streamed CSV export."""

from django.conf import settings
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import MethodNotAllowed, ValidationError
from rest_framework.response import Response

from events.api.conditional import ConditionalMixin
from events.api.renderers import CSVRenderer, ORJSONRenderer, stream_csv

FORMAT_PARAM = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["json", "csv"],
    description="`csv` exports every matching row (no pagination) as CSV.",
)


def moved(request, redirects, pk, basename: str) -> Response:
    """A 301 to the record that a merged one's id leads to (Location, and the
    shared error shape naming it), or a 404 when there is none."""
    try:
        target = redirects.target(pk=int(pk))
    except (TypeError, ValueError, OverflowError):
        target = None
    if target is None:
        raise Http404
    location = request.build_absolute_uri(f"{reverse(f'{basename}-list')}{target.pk}/")
    body = {
        "status": 301,
        "code": "moved",
        "detail": f"Merged into {target} (id {target.pk}).",
        "errors": {},
    }
    return Response(body, status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": location})


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

    @staticmethod
    def valid(serializer_class, data, instance=None, *, partial: bool = False) -> dict:
        """The validated data of an input serializer (a 400 with field errors if not)."""
        serializer = serializer_class(instance=instance, data=data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class ListMixin(MethodFirstMixin, ConditionalMixin):
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
