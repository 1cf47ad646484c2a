"""Writers of API tokens (django-rest-knox): created and revoked by their user."""

from __future__ import annotations

from knox.models import AuthToken


def token_create(*, user) -> tuple[AuthToken, str]:
    """(the stored token, the token itself: shown once, never stored)."""
    return AuthToken.objects.create(user=user)


def token_revoke(*, user, token_key: str) -> bool:
    """Revoke one of the user's tokens; False when they have none with this key."""
    deleted, _ = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    return bool(deleted)


def token_revoke_current(*, token: AuthToken) -> None:
    token.delete()
