from django.contrib import admin
from django.urls import include, path

from events.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("events.api.urls")),
    path("", include("events.urls")),
]
