from django.conf import settings
from django.core.paginator import Paginator
from rest_framework import pagination
from rest_framework.exceptions import ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=N&page_size=M` (M at most DAIS_API_MAX_PAGE_SIZE), with absolute
    next/previous links. Every list has a total order (an id tie-breaker), so
    pages neither repeat nor skip rows between requests."""

    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset, request, view=None):
        """The row count of the conditional GET (events.api.conditional), when the
        view has one for this queryset, saves a second count query."""
        known = getattr(view, "row_count", None)
        if known is None:
            self.django_paginator_class = Paginator
        else:

            def counted(object_list, per_page):
                paginator = Paginator(object_list, per_page)
                paginator.__dict__["count"] = known  # Paginator.count is a cached_property
                return paginator

            self.django_paginator_class = counted
        return super().paginate_queryset(queryset, request, view)

    @property
    def max_page_size(self) -> int:
        return settings.DAIS_API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        """The default, or a valid page_size; anything else is a 400 (not silently ignored)."""
        default = settings.REST_FRAMEWORK.get("PAGE_SIZE") or 50
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return min(default, self.max_page_size)
        if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {"page_size": [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw is None:
            return 1
        if raw in self.last_page_strings:
            return raw
        if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
            raise ValidationError({"page": ["Give a whole number from 1 on."]})
        return raw

    def validate(self, request) -> None:
        """Check page and page_size even when the answer is not paged (CSV)."""
        self.get_page_size(request)
        self.get_page_number(request, None)

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        for param in params:
            if param["name"] == "page":
                param["schema"] = {"type": "integer", "minimum": 1}
            elif param["name"] == "page_size":
                param["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
                param["description"] = (
                    f"Results per page (default {settings.REST_FRAMEWORK.get('PAGE_SIZE')}, "
                    f"at most {self.max_page_size})."
                )
        return params
