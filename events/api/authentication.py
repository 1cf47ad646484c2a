"""Token authentication (django-rest-knox), hardened: a header that is not
ASCII is an invalid token (401), not a UnicodeDecodeError and a 500."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox import auth
from rest_framework import exceptions


class TokenAuthentication(auth.TokenAuthentication):
    def authenticate(self, request):
        try:
            return super().authenticate(request)
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Invalid token header.") from None


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "events.api.authentication.TokenAuthentication"
    name = "knoxApiToken"

    def get_security_definition(self, auto_schema):
        definition = build_bearer_security_scheme_object(
            header_name="Authorization",
            token_prefix="Token",  # noqa: S106 (a scheme name)
        )
        definition["description"] = (
            "`Authorization: Token <token>`; make one with POST /api/auth/tokens/."
        )
        return definition
