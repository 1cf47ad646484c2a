"""The pipeline's pages: /reports/ and /review/. Included from events.urls."""

from django.urls import path

from events import views_ingest

app_name = "ingest"

urlpatterns = [
    path("reports/", views_ingest.report_list, name="reports"),
    path("reports/<int:pk>/", views_ingest.report_detail, name="report"),
    path("review/", views_ingest.review_queue, name="review"),
    path("review/<int:pk>/", views_ingest.review_decide, name="decide"),
]
