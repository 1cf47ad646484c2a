"""URLs for the benchmarks only (settings.ROOT_URLCONF is pointed here by
bench.common.setup_django): the product's URLs plus the one-query baselines."""

from django.urls import include, path

from bench import baseline

urlpatterns = [
    path("bench/baseline/api-events/", baseline.api_events),
    path("bench/baseline/home/", baseline.home),
    path("bench/baseline/event/<slug:slug>/", baseline.event),
    path("", include("tracker.urls")),
]
