"""REST API under /api/. Filled in by the API work."""

from django.urls import include, path

urlpatterns: list = [
    path("", include("events.api.ingest_urls")),
]
