"""REST API under /api/.

Other API modules plug in with one line in `urlpatterns` below, before the
catch-all, e.g. `path("", include("events.api.ingest_urls"))`, and reuse
events.api.permissions and the error shape of events.api.errors.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from events.api import tokens, views

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("events", views.EventViewSet, basename="event")
router.register("invitations", views.InvitationViewSet, basename="invitation")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("people", views.PersonViewSet, basename="person")
router.register("countries", views.CountryViewSet, basename="country")


class NotFoundView(APIView):
    """Any other path under /api/: a JSON 404 in the shared error shape."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    schema = None

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise NotFound()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        del response["Allow"]  # nothing is allowed on a path that does not exist
        return response

    def get(self, request, *args, **kwargs):
        raise NotFound()

    post = put = patch = delete = options = get


urlpatterns = [
    path("", include(router.urls)),
    path("auth/tokens/", tokens.TokenListCreateView.as_view(), name="api-tokens"),
    re_path(
        r"^auth/tokens/(?P<token_key>[0-9A-Za-z_-]{1,25})/$",
        tokens.TokenRevokeView.as_view(),
        name="api-token-revoke",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("events.api.ingest_urls")),
    re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="api-not-found"),
]
