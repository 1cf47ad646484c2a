"""GET/POST/PATCH /api/events/: reads, writes, filters, ordering, pages, ETags, CSV."""

import csv
import datetime
import io

import pytest

from events.models import Event, Invitation
from events.tests.api.support import TODAY, assert_error
from events.tests.factories import (
    EventFactory,
    InvitationFactory,
    PersonFactory,
    country,
    record,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_it_lists_events_with_invitations_statuses_sources_and_counts(anon, summit):
    response = anon.get("/api/events/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    event = body["results"][0]
    assert event["title"] == "Victory Day parade"
    assert event["country"] == "FR"
    assert event["status_counts"] == {
        "invited": 1,
        "accepted": 1,
        "declined": 1,
        "denied": 0,
        "attended": 0,
        "disputed": 0,
    }
    by_name = {i["invitee"]["name"]: i for i in event["invitations"]}
    assert by_name["Xi Jinping"]["status"] == "accepted"
    assert by_name["Xi Jinping"]["source"]["source_outlet"] == "Xinhua"
    assert by_name["Nicolas Maduro"]["source"] is None


def test_it_shows_one_event(anon, summit):
    response = anon.get(f"/api/events/{summit.pk}/")
    assert response.status_code == 200
    assert response.json()["slug"] == summit.slug
    assert len(response.json()["invitations"]) == 3


def test_it_answers_404_for_a_missing_event_in_the_error_shape(anon, db):
    assert_error(anon.get("/api/events/999999/"), 404)
    assert_error(anon.get("/api/events/99999999999999999999999/"), 404)
    assert_error(anon.get("/api/events/abc/"), 404)
    assert_error(anon.get("/api/nothing-here/"), 404)


def test_it_creates_an_event_as_an_editor(editor_client):
    host = PersonFactory(name="Vladimir Putin", country=country("RU"))
    response = editor_client.post(
        "/api/events/",
        {
            "title": "Victory Day parade",
            "kind": "parade",
            "start_date": "2031-05-09",
            "city": "Moscow",
            "country": "RU",
            "host": host.pk,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["country"] == "RU"
    assert body["host"]["name"] == "Vladimir Putin"
    assert Event.objects.get(pk=body["id"]).slug == "victory-day-parade-2031"


def test_it_changes_an_event_and_bumps_its_sequence(editor_client, summit):
    before = summit.sequence
    response = editor_client.patch(f"/api/events/{summit.pk}/", {"lifecycle": "postponed"})
    assert response.status_code == 200, response.content
    assert response.json()["lifecycle"] == "postponed"
    assert response.json()["sequence"] == before + 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "x\x00y"}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"country": "XX"}, "country"),
        ({"country": "\x00"}, "country"),
        ({"start_date": "2031-02-30"}, "start_date"),
        ({"start_date": "not a date"}, "start_date"),
        ({"end_date": "2031-05-01"}, "end_date"),
        ({"kind": "picnic"}, "kind"),
        ({"host": 999999999}, "host"),
        ({"host": 2**70}, "host"),
        ({"city": ["Moscow"]}, "city"),
    ],
)
def test_it_rejects_bad_event_input_with_a_400_per_field(editor_client, payload, field):
    good = {"title": "Parade", "kind": "parade", "start_date": "2031-05-09", "country": "RU"}
    response = editor_client.post("/api/events/", {**good, **payload})
    assert_error(response, 400, field)


def test_it_rejects_an_end_before_the_start_on_a_change(editor_client, summit):
    end = (summit.start_date - DAY).isoformat()
    assert_error(
        editor_client.patch(f"/api/events/{summit.pk}/", {"end_date": end}), 400, "end_date"
    )


def test_it_rejects_a_body_that_is_not_json_with_415(editor_client):
    response = editor_client.post("/api/events/", "title=x", content_type="text/plain")
    assert_error(response, 415)


def test_it_rejects_malformed_json_with_400(editor_client):
    response = editor_client.post("/api/events/", "{nope", content_type="application/json")
    assert_error(response, 400)


def test_it_does_not_allow_delete_or_put(editor_client, summit):
    assert_error(editor_client.delete(f"/api/events/{summit.pk}/"), 405)
    assert_error(editor_client.put(f"/api/events/{summit.pk}/", {}), 405)


# --- Filters ------------------------------------------------------------------


@pytest.fixture
def calendar(db):
    past = EventFactory(title="Old funeral", kind="funeral", start_date=TODAY - 40 * DAY)
    soon = EventFactory(
        title="Moscow parade", kind="parade", start_date=TODAY + 5 * DAY, country=country("RU")
    )
    later = EventFactory(title="Summit", city="Delhi", start_date=TODAY + 60 * DAY)
    cancelled = EventFactory(
        title="Cancelled summit", start_date=TODAY + 10 * DAY, lifecycle="cancelled"
    )
    xi = PersonFactory(name="Xi Jinping", country=country("CN"))
    record(InvitationFactory(event=soon, invitee=xi), "accepted", TODAY - DAY)
    InvitationFactory(event=later, invitee=xi)
    return {"past": past, "soon": soon, "later": later, "cancelled": cancelled, "xi": xi}


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [e["id"] for e in response.json()["results"]]


def test_it_filters_events(anon, calendar):
    c = calendar
    assert _ids(anon.get("/api/events/?upcoming=true")) == [c["soon"].pk, c["later"].pk]
    assert _ids(anon.get("/api/events/?upcoming=false")) == [c["past"].pk, c["cancelled"].pk]
    assert _ids(anon.get("/api/events/?country=RU")) == [c["soon"].pk]
    assert _ids(anon.get("/api/events/?kind=funeral")) == [c["past"].pk]
    assert _ids(anon.get("/api/events/?lifecycle=cancelled")) == [c["cancelled"].pk]
    assert _ids(anon.get("/api/events/?q=delhi")) == [c["later"].pk]
    assert _ids(anon.get("/api/events/?q=PARADE")) == [c["soon"].pk]
    frm, to = (TODAY + 4 * DAY).isoformat(), (TODAY + 11 * DAY).isoformat()
    assert _ids(anon.get(f"/api/events/?date_from={frm}&date_to={to}")) == [
        c["soon"].pk,
        c["cancelled"].pk,
    ]
    xi = c["xi"].pk
    assert _ids(anon.get(f"/api/events/?person={xi}")) == [c["soon"].pk, c["later"].pk]
    assert _ids(anon.get("/api/events/?invitee_status=accepted")) == [c["soon"].pk]
    assert _ids(anon.get(f"/api/events/?person={xi}&invitee_status=invited")) == [c["later"].pk]


def test_it_derives_each_events_phase(anon, calendar):
    phases = {e["title"]: e["phase"] for e in anon.get("/api/events/").json()["results"]}
    assert phases == {
        "Old funeral": "past",
        "Moscow parade": "upcoming",
        "Summit": "upcoming",
        "Cancelled summit": "cancelled",
    }
    EventFactory(title="Today", start_date=TODAY - DAY, end_date=TODAY + DAY)
    assert anon.get("/api/events/?q=today").json()["results"][0]["phase"] == "ongoing"


def test_it_orders_events_with_an_id_tie_breaker(anon, db):
    same_day = TODAY + 3 * DAY
    a = EventFactory(title="B", start_date=same_day)
    b = EventFactory(title="A", start_date=same_day)
    assert _ids(anon.get("/api/events/")) == [a.pk, b.pk]
    assert _ids(anon.get("/api/events/?ordering=title")) == [b.pk, a.pk]
    assert _ids(anon.get("/api/events/?ordering=-start_date")) == [b.pk, a.pk]
    assert _ids(anon.get("/api/events/?ordering=nonsense")) == [a.pk, b.pk]


@pytest.mark.parametrize(
    "query",
    [
        "upcoming=perhaps",
        "date_from=2031-13-01",
        "date_to=yesterday",
        "country=XX",
        "country=%00",
        "kind=picnic",
        "lifecycle=over",
        "person=abc",
        "person=99999999999999999999999",
        "person=-1",
        "invitee_status=maybe",
        "q=%00",
        "q=" + "x" * 201,
    ],
)
def test_it_rejects_bad_filters_with_a_400(anon, db, query):
    name = query.split("=")[0]
    assert_error(anon.get(f"/api/events/?{query}"), 400, name)


def test_it_pages_with_links_and_a_bounded_page_size(anon, db):
    for n in range(5):
        EventFactory(start_date=TODAY + n * DAY)
    first = anon.get("/api/events/?page_size=2").json()
    assert first["count"] == 5
    assert len(first["results"]) == 2
    assert first["previous"] is None
    second = anon.get(first["next"]).json()
    assert second["next"].endswith("page=3&page_size=2")
    assert {e["id"] for e in first["results"]}.isdisjoint(e["id"] for e in second["results"])
    assert_error(anon.get("/api/events/?page=99"), 404)
    assert_error(anon.get("/api/events/?page=abc"), 400, "page")
    assert_error(anon.get("/api/events/?page="), 400, "page")
    assert_error(anon.get("/api/events/?page_size=0"), 400, "page_size")
    assert_error(anon.get("/api/events/?format=csv&page_size=-1"), 400, "page_size")


def test_it_refuses_a_page_size_above_the_maximum(anon, settings, db):
    settings.DAIS_API_MAX_PAGE_SIZE = 3
    for n in range(5):
        EventFactory(start_date=TODAY + n * DAY)
    assert len(anon.get("/api/events/?page_size=3").json()["results"]) == 3
    assert_error(anon.get("/api/events/?page_size=4"), 400, "page_size")


@pytest.mark.parametrize("page_size", [1, 50])
def test_it_reads_a_page_of_events_in_constant_queries(
    anon, editor_client, db, django_assert_max_num_queries, page_size
):
    for n in range(60):
        event = EventFactory(start_date=TODAY + n * DAY)
        for status in ("accepted", "declined"):
            record(InvitationFactory(event=event), status, TODAY - DAY)
    with django_assert_max_num_queries(4):
        response = anon.get(f"/api/events/?page_size={page_size}")
    assert len(response.json()["results"]) == page_size
    with django_assert_max_num_queries(6):  # + the token lookup
        response = editor_client.get(f"/api/events/?page_size={page_size}&country=FR")
    assert len(response.json()["results"]) == page_size
    with django_assert_max_num_queries(4):
        anon.get(f"/api/events/{event.pk}/")


@pytest.mark.parametrize("page_size", [1, 50])
def test_it_reads_pages_of_invitations_and_claims_in_constant_queries(
    anon, db, django_assert_max_num_queries, page_size
):
    event = EventFactory()
    for _ in range(55):
        record(InvitationFactory(event=event), "accepted", TODAY - DAY)
    for url in ("/api/invitations/", "/api/claims/", "/api/people/"):
        with django_assert_max_num_queries(3):
            response = anon.get(f"{url}?page_size={page_size}")
        assert len(response.json()["results"]) == page_size, url


# --- Conditional requests -----------------------------------------------------


def test_it_answers_304_to_a_matching_etag_on_the_list_and_the_detail(anon, editor_client, summit):
    for url in ("/api/events/", f"/api/events/{summit.pk}/", "/api/invitations/"):
        first = anon.get(url)
        etag = first["ETag"]
        assert first["Last-Modified"]
        again = anon.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, url
        assert again.content == b""
        since = anon.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304, url
    etag = anon.get(f"/api/events/{summit.pk}/")["ETag"]
    invitation = summit.invitations.first()
    record(invitation, "attended" if False else "denied", TODAY, outlet="Kremlin")
    changed = anon.get(f"/api/events/{summit.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_it_gives_each_filter_and_format_its_own_etag(anon, summit):
    a = anon.get("/api/events/")["ETag"]
    b = anon.get("/api/events/?country=FR")["ETag"]
    c = anon.get("/api/events/?format=csv")["ETag"]
    assert len({a, b, c}) == 3
    assert anon.get("/api/events/?country=FR", HTTP_IF_NONE_MATCH=a).status_code == 200


# --- CSV ----------------------------------------------------------------------


def _csv(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_it_exports_filtered_events_as_csv(anon, calendar, summit):
    rows = _csv(anon.get("/api/events/?format=csv&upcoming=true&country=RU"))
    assert [r["title"] for r in rows] == ["Moscow parade"]
    assert rows[0]["accepted"] == "1"
    everything = _csv(anon.get("/api/events/?format=csv&page_size=1"))
    assert len(everything) == Event.objects.count()


def test_it_says_when_a_csv_export_is_cut_short(anon, settings, db):
    settings.DAIS_API_CSV_MAX_ROWS = 2
    for n in range(3):
        EventFactory(start_date=TODAY + n * DAY)
    response = anon.get("/api/events/?format=csv")
    assert len(_csv(response)) == 2
    assert response["X-Dais-Truncated"] == "2 of 3 rows"
    one = anon.get(f"/api/events/?format=csv&date_to={TODAY.isoformat()}")
    assert len(_csv(one)) == 1
    assert "X-Dais-Truncated" not in one


def test_it_exports_invitations_as_csv_without_spreadsheet_formulas(anon, summit):
    InvitationFactory(event=summit, invitee=PersonFactory(name="=HYPERLINK(1)"))
    rows = _csv(anon.get(f"/api/invitations/?format=csv&event={summit.pk}"))
    assert len(rows) == Invitation.objects.filter(event=summit).count()
    assert "'=HYPERLINK(1)" in {r["invitee"] for r in rows}


def test_it_answers_errors_of_a_csv_request_in_json(anon, db):
    assert_error(anon.get("/api/events/?format=csv&country=XX"), 400, "country")


def test_it_answers_json_404_for_any_unknown_api_path(anon, db):
    for path in ("/api/x/", "/api/claims/a%0Ab/review/", "/api/events/1/nope/"):
        assert_error(anon.get(path), 404)
        assert_error(anon.post(path, {}), 404)
