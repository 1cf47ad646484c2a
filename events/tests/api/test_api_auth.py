"""Who may write: the permission matrix, CSRF on session writes, the token
lifecycle and throttling."""

import datetime

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from events.tests.api.support import TODAY, assert_error, token_client
from events.tests.factories import PersonFactory, UserFactory, record

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def _writes(summit):
    """Every write the API offers, as (method, url, body) with a valid body."""
    xi = summit.invitations.get(invitee__name="Xi Jinping")
    pending = record(xi, "declined", TODAY, outlet="Feed", origin="extracted")
    newcomer = PersonFactory(name="Narendra Modi")
    claim = {"status": "accepted", "as_of": TODAY.isoformat()}
    return [
        (
            "post",
            "/api/events/",
            {"title": "New", "kind": "summit", "start_date": "2031-01-01", "country": "FR"},
        ),
        ("patch", f"/api/events/{summit.pk}/", {"city": "St Petersburg"}),
        ("post", f"/api/events/{summit.pk}/claims/", {"person": newcomer.pk, **claim}),
        ("post", "/api/invitations/", {"event": summit.pk, "country": "KP"}),
        ("post", f"/api/invitations/{xi.pk}/claims/", claim),
        ("post", f"/api/claims/{pending.pk}/review/", {"approve": False}),
        ("post", "/api/people/", {"name": "Someone"}),
    ]


@pytest.mark.parametrize(
    ("who", "expected"), [("anon", 401), ("plain", 403), ("editor", 2), ("admin", 2)]
)
def test_it_lets_only_editors_and_admins_write(who, expected, summit):
    clients = {
        "anon": lambda: APIClient(),
        "plain": lambda: token_client(UserFactory(username="plain")),
        "editor": lambda: token_client(UserFactory(username="ed", editor=True)),
        "admin": lambda: token_client(UserFactory(username="boss", is_superuser=True)),
    }
    client = clients[who]()
    for method, url, body in _writes(summit):
        response = getattr(client, method)(url, body)
        if expected == 2:
            assert response.status_code in (200, 201), (method, url, response.content)
        else:
            assert_error(response, expected)
            if expected == 401:
                assert response["WWW-Authenticate"] == "Token"


def test_it_lets_anyone_read(anon, summit):
    for url in (
        "/api/events/",
        "/api/invitations/",
        "/api/claims/",
        "/api/people/",
        "/api/countries/",
    ):
        assert anon.get(url).status_code == 200, url


def test_it_enforces_csrf_on_session_writes(summit):
    editor = UserFactory(username="ed", editor=True)
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    url = f"/api/events/{summit.pk}/"
    error = assert_error(client.patch(url, {"city": "Kazan"}), 403)
    assert "CSRF" in error["detail"]
    client.get("/api/schema/")  # any page; the token comes from the cookie set at login time
    csrf = _csrf_token(client)
    response = client.patch(url, {"city": "Kazan"}, HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 200, response.content


def _csrf_token(client) -> str:
    from django.middleware.csrf import _get_new_csrf_string

    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    return token


def test_it_needs_no_csrf_for_token_writes(editor):
    _, token = AuthToken.objects.create(user=editor)
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.post("/api/people/", {"name": "Someone"})
    assert response.status_code == 201


def test_it_creates_lists_and_revokes_tokens(editor):
    client = APIClient()
    created = client.post("/api/auth/tokens/", {"username": "editor", "password": PASSWORD})
    assert created.status_code == 201, created.content
    token = created.json()["token"]
    assert created.json()["expiry"]
    stored = AuthToken.objects.get(user=editor)
    assert token not in (stored.digest, stored.token_key)  # only a hash is kept
    assert stored.expiry > timezone.now() + datetime.timedelta(days=29)

    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.post("/api/people/", {"name": "With a token"}).status_code == 201
    listed = client.get("/api/auth/tokens/").json()
    assert [t["token_key"] for t in listed] == [token[:15]]
    assert "token" not in listed[0]

    second = client.post("/api/auth/tokens/", {}).json()["token"]  # a token makes another
    assert client.delete(f"/api/auth/tokens/{second[:15]}/").status_code == 204
    assert client.delete(f"/api/auth/tokens/{second[:15]}/").status_code == 404
    assert client.delete("/api/auth/tokens/current/").status_code == 204
    assert_error(client.get("/api/auth/tokens/"), 401)


def test_it_refuses_expired_and_forged_tokens(editor):
    instance, token = AuthToken.objects.create(user=editor)
    instance.expiry = timezone.now() - datetime.timedelta(seconds=1)
    instance.save()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert_error(client.get("/api/events/"), 401)
    client.credentials(HTTP_AUTHORIZATION="Token " + "a" * 64)
    assert_error(client.post("/api/people/", {"name": "x"}), 401)


def test_it_refuses_bad_credentials_with_a_400(editor, anon):
    body = assert_error(
        anon.post("/api/auth/tokens/", {"username": "editor", "password": "wrong"}), 400
    )
    assert body["errors"]["non_field_errors"]
    assert_error(anon.post("/api/auth/tokens/", {}), 400, "non_field_errors")
    assert_error(
        anon.post("/api/auth/tokens/", {"username": "x\x00", "password": "y"}), 400, "username"
    )
    assert not AuthToken.objects.exists()


def test_it_cannot_revoke_someone_elses_token(editor, user_client):
    _, token = AuthToken.objects.create(user=editor)
    assert_error(user_client.delete(f"/api/auth/tokens/{token[:15]}/"), 404)
    assert AuthToken.objects.filter(user=editor).exists()


def test_it_makes_a_token_from_a_session_with_csrf(editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    assert_error(client.post("/api/auth/tokens/", {}), 403)
    response = client.post("/api/auth/tokens/", {}, HTTP_X_CSRFTOKEN=_csrf_token(client))
    assert response.status_code == 201


def test_it_limits_the_number_of_tokens(editor, settings):
    settings.REST_KNOX = {**settings.REST_KNOX, "TOKEN_LIMIT_PER_USER": 2}
    client = APIClient()
    body = {"username": "editor", "password": PASSWORD}
    assert client.post("/api/auth/tokens/", body).status_code == 201
    assert client.post("/api/auth/tokens/", body).status_code == 201
    assert_error(client.post("/api/auth/tokens/", body), 409)


def test_it_throttles_anonymous_and_signed_in_clients(settings, editor_client, anon):
    settings.DAIS_API_THROTTLE_RATES = {
        "anon": "2/minute",
        "user": "3/minute",
        "token_create": "1/minute",
    }
    assert anon.get("/api/countries/").status_code == 200
    assert anon.get("/api/countries/").status_code == 200
    throttled = assert_error(anon.get("/api/countries/"), 429)
    assert throttled["code"] == "throttled"
    for _ in range(3):
        assert editor_client.get("/api/countries/").status_code == 200
    assert_error(editor_client.get("/api/countries/"), 429)


def test_it_throttles_password_guessing(settings, editor):
    settings.DAIS_API_THROTTLE_RATES = {
        "anon": "100/minute",
        "user": "100/minute",
        "token_create": "2/minute",
    }
    client = APIClient()
    for _ in range(2):
        assert_error(client.post("/api/auth/tokens/", {"username": "editor", "password": "x"}), 400)
    response = client.post("/api/auth/tokens/", {"username": "editor", "password": PASSWORD})
    assert_error(response, 429)
    assert int(response["Retry-After"]) > 0


# --- Schema and docs ----------------------------------------------------------


def test_it_serves_the_schema_and_offline_docs(anon):
    schema = anon.get("/api/schema/?format=json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    docs = anon.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()
    assert "https://" not in html and "http://" not in html.replace("http://testserver", "")
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
