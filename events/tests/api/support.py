"""Helpers shared by the API tests (their fixtures are in conftest.py)."""

import datetime

from knox.models import AuthToken
from rest_framework.test import APIClient

TODAY = datetime.date.today()


def token_client(user) -> APIClient:
    _, token = AuthToken.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    client.user = user
    return client


def assert_error(response, status: int, *fields: str) -> dict:
    """The shared error shape, with messages for the given fields."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == status
    for field in fields:
        assert body["errors"].get(field), (field, body)
    return body
