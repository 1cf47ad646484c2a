"""Web pages, the calendar and the Atom feed. The pipeline's pages (reports
and the review queue) keep their `ingest:` namespace."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from events.views import auth, calendars, editor, merge, public, reports, review

ingest_patterns = (
    [
        path("reports/", reports.report_list, name="reports"),
        path("reports/<int:pk>/", reports.report_detail, name="report"),
        path("review/", review.review_queue, name="review"),
        path("review/<int:pk>/", review.review_decide, name="decide"),
    ],
    "ingest",
)

urlpatterns = [
    path("", public.home, name="home"),
    path("archive/", public.archive, name="archive"),
    path("events/new/", editor.event_create, name="event-create"),
    path("events/<slug:slug>/", public.event_detail, name="event-detail"),
    path("events/<slug:slug>/calendar.ics", calendars.event_calendar, name="event-calendar"),
    path("events/<slug:slug>/edit/", editor.event_edit, name="event-edit"),
    path("events/<slug:slug>/merge/", merge.event_merge, name="event-merge"),
    path("events/<slug:slug>/invitees/", editor.invitee_add, name="invitee-add"),
    path(
        "events/<slug:slug>/invitations/<int:invitation_id>/claims/",
        editor.claim_create,
        name="claim-create",
    ),
    path("people/<slug:slug>/", public.person_detail, name="person-detail"),
    path("people/<slug:slug>/merge/", merge.person_merge, name="person-merge"),
    path("countries/<str:code>/", public.country_detail, name="country-detail"),
    path("calendar.ics", calendars.calendar, name="calendar"),
    path("feeds/changes.atom", calendars.changes, name="changes-feed"),
    path("accounts/login/", auth.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include(ingest_patterns)),
]
