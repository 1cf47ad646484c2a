"""REST API under /api/: one router for every resource (events.api.views),
the token endpoints, the schema and its docs; any other path is a JSON 404.

A new resource registers its viewset on the router below and reuses
events.api.views.mixins, events.api.permissions and the error shape of
events.api.errors.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.routers import SimpleRouter
from rest_framework.urlpatterns import format_suffix_patterns
from rest_framework.views import APIView

from events.api.views import events, people, reports, tokens


class Router(SimpleRouter):
    """The API's one router. Format suffixes (`/api/events.json`) for the
    public resources, as DefaultRouter gives them; the editors' resources
    (registered with `suffixes=False`) never had them."""

    def __init__(self):
        super().__init__(trailing_slash=True)
        self.unsuffixed: set = set()

    def register(self, prefix, viewset, basename=None, *, suffixes: bool = True):
        super().register(prefix, viewset, basename)
        if not suffixes:
            self.unsuffixed.add(viewset)

    def get_urls(self):
        urls = super().get_urls()
        public = [url for url in urls if url.callback.cls not in self.unsuffixed]
        return format_suffix_patterns(public) + [url for url in urls if url not in public]


router = Router()
router.register("events", events.EventViewSet, basename="event")
router.register("invitations", events.InvitationViewSet, basename="invitation")
router.register("claims", events.ClaimViewSet, basename="claim")
router.register("people", people.PersonViewSet, basename="person")
router.register("countries", people.CountryViewSet, basename="country")
router.register("reports", reports.ReportViewSet, basename="report", suffixes=False)
router.register("sources", reports.SourceViewSet, basename="source", suffixes=False)


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
    re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="api-not-found"),
]
