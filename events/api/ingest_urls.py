"""/api/reports/ and /api/sources/: included from events.api.urls."""

from rest_framework.routers import SimpleRouter

from events.api.ingest import ReportViewSet, SourceViewSet

router = SimpleRouter()
router.register("reports", ReportViewSet, basename="report")
router.register("sources", SourceViewSet, basename="source")

urlpatterns = router.urls
