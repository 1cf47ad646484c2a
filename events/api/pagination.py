from django.conf import settings
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=N&page_size=M` (M at most DAIS_API_MAX_PAGE_SIZE), with absolute
    next/previous links. Every list has a total order (an id tie-breaker), so
    pages neither repeat nor skip rows between requests."""

    page_size_query_param = "page_size"

    @property
    def max_page_size(self) -> int:
        return settings.DAIS_API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        # Read the default at call time, so tests and deployments can change it.
        self.page_size = settings.REST_FRAMEWORK.get("PAGE_SIZE") or 50
        return super().get_page_size(request)

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
