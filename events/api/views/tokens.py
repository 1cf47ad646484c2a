"""/api/auth/tokens/: API tokens (django-rest-knox): stored hashed, expiring, created and revoked
by their user. The token itself is shown once, when created."""

from django.contrib.auth import authenticate
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from knox.models import AuthToken
from knox.settings import knox_settings
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from events.api.errors import Conflict
from events.api.serializers import NewTokenSerializer, TokenCreateSerializer, TokenSerializer
from events.api.throttles import AnonThrottle, TokenCreateThrottle, UserThrottle
from events.services.tokens import token_create, token_revoke, token_revoke_current


def _describe(instance) -> dict:
    return {"token_key": instance.token_key, "created": instance.created, "expiry": instance.expiry}


class TokenListCreateView(APIView):
    throttle_classes = [AnonThrottle, UserThrottle, TokenCreateThrottle]
    extra_error_codes = {None: ["409"]}  # too many tokens already

    def get_permissions(self):
        if self.request.method == "POST":
            return [AllowAny()]
        return [IsAuthenticated()]

    @extend_schema(
        summary="Your tokens",
        description="The unexpired tokens of the signed-in user (never the tokens themselves).",
        responses={200: TokenSerializer(many=True)},
        operation_id="tokens_list",
    )
    def get(self, request):
        tokens = AuthToken.objects.filter(user=request.user, expiry__gt=timezone.now())
        return Response([_describe(t) for t in tokens.order_by("-created", "token_key")])

    @extend_schema(
        summary="Create a token",
        description="Give `username` and `password`, or call it signed in (session with "
        "X-CSRFToken, or another token) with an empty body. The token expires after "
        f"{knox_settings.TOKEN_TTL}.",
        request=TokenCreateSerializer,
        responses={201: NewTokenSerializer},
        auth=[{"knoxApiToken": []}, {"cookieAuth": []}, {}],
        operation_id="tokens_create",
    )
    def post(self, request):
        serializer = TokenCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = request.user if request.user.is_authenticated else None
        if user is None:
            if not data.get("username") or not data.get("password"):
                raise ValidationError(
                    {"non_field_errors": ["Give username and password, or sign in first."]}
                )
            user = authenticate(request, username=data["username"], password=data["password"])
            if user is None or not user.is_active:
                raise ValidationError(
                    {"non_field_errors": ["Unable to sign in with these credentials."]}
                )
        limit = knox_settings.TOKEN_LIMIT_PER_USER
        live = AuthToken.objects.filter(user=user, expiry__gt=timezone.now())
        if limit is not None and live.count() >= limit:
            raise Conflict(
                {"non_field_errors": [f"You already have {limit} tokens; revoke one first."]}
            )
        instance, token = token_create(user=user)
        return Response({**_describe(instance), "token": token}, status=status.HTTP_201_CREATED)


class TokenRevokeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Revoke a token",
        description="Revoke one of your tokens by its `token_key` (`current`: the token "
        "this request is made with).",
        responses={204: None},
        operation_id="tokens_revoke",
    )
    def delete(self, request, token_key: str):
        if token_key == "current":  # noqa: S105 (a keyword, not a secret)
            if not isinstance(request.auth, AuthToken):
                raise NotFound("This request is not made with a token.")
            token_revoke_current(token=request.auth)
            return Response(status=status.HTTP_204_NO_CONTENT)
        if not token_revoke(user=request.user, token_key=token_key):
            raise NotFound("You have no token with this key.")
        return Response(status=status.HTTP_204_NO_CONTENT)
