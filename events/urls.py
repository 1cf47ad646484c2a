"""Web pages. Filled in by the pages work; see events/views.py."""

from django.urls import include, path

urlpatterns: list = [
    path("", include("events.urls_ingest")),
]
