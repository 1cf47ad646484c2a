"""Never a 500: hostile or broken requests get a 4xx in the shared error shape."""

import pytest
from rest_framework.test import APIClient

from events.tests.api.support import assert_error

pytestmark = pytest.mark.django_db

JSON = "application/json"


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("[" * 200_000, JSON, 400),  # deeper than Python's JSON decoder goes
        ('{"title": "' + "x" * 3_000_000 + '"}', JSON, 413),  # over DATA_UPLOAD_MAX_MEMORY_SIZE
        (b'{"title": "\xff"}', JSON, 400),  # not UTF-8
        ('{"title": NaN}', JSON, 400),
        ("[]", JSON, 400),
        ("null", JSON, 400),
        ("", JSON, 400),
        ("title=x", "application/x-www-form-urlencoded", 415),
        ("<event/>", "application/xml", 415),
    ],
)
def test_it_answers_broken_bodies_with_a_4xx(editor_client, body, content_type, status):
    response = editor_client.post("/api/events/", body, content_type=content_type)
    assert_error(response, status)


@pytest.mark.parametrize(
    "header",
    ["Token ééé", "Token a b", "Token", "Token " + "a" * 5000, "Bearer x", "Basic Zm9vOmJhcg=="],
)
def test_it_answers_a_bad_authorization_header_with_401(db, header):
    client = APIClient(HTTP_AUTHORIZATION=header)
    response = client.post("/api/people/", {"name": "x"})
    assert_error(response, 401)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/claims/?changed_since=9999-12-31T23:59:59-23:59", 400),  # overflows UTC
        ("/api/claims/?changed_since=0001-01-01T00:00:00%2B23:59", 400),
        ("/api/claims/?changed_since=2025-01-01T00:00:00%2B99:99", 400),
        ("/api/events/?date_from=0000-01-01", 400),
        ("/api/events/?page=" + "9" * 400, 404),
        ("/api/events/?page_size=" + "9" * 400, 400),
        ("/api/events/?format=xml", 404),
        ("/api/auth/tokens/%00/", 404),
        ("/api/auth/tokens/" + "a" * 5000 + "/", 404),
        ("/api/countries/%00F/", 404),
        ("/api/events/1%00/", 404),
    ],
)
def test_it_answers_hostile_urls_with_a_4xx(anon, editor_client, url, status):
    assert_error(editor_client.get(url) if "tokens" in url else anon.get(url), status)


def test_it_answers_an_unacceptable_accept_header_with_406(anon, db):
    assert_error(anon.get("/api/events/", HTTP_ACCEPT="application/xml"), 406)


def test_it_ignores_garbage_conditional_headers(anon, summit):
    assert anon.get("/api/events/", HTTP_IF_NONE_MATCH="\x01garbage").status_code == 200
    assert anon.get("/api/events/", HTTP_IF_MODIFIED_SINCE="yesterday").status_code == 200


def test_it_accepts_the_extreme_dates_a_date_field_allows(editor_client):
    for day in ("0001-01-01", "9999-12-31"):
        body = {"title": "Edge", "kind": "summit", "start_date": day, "country": "FR"}
        assert editor_client.post("/api/events/", body).status_code == 201, day


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/events/", "/api/invitations/"])
def test_it_rejects_an_empty_format_parameter_with_a_field_message(client, path):
    response = client.get(path, {"format": "", "country": "FR"})
    assert response.status_code == 400
    assert "format" in response.json()["errors"]
