"""Recording who accepted through the API, invitations, claims, people, countries."""

import datetime

import pytest

from events.models import Claim, Invitation, Person
from events.tests.api.support import TODAY, assert_error
from events.tests.factories import InvitationFactory, PersonFactory, country, record

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def _maduro(summit) -> Invitation:
    return summit.invitations.get(invitee__name="Nicolas Maduro")


def test_it_records_a_claim_and_answers_with_the_updated_invitation(editor_client, summit):
    invitation = _maduro(summit)
    response = editor_client.post(
        f"/api/invitations/{invitation.pk}/claims/",
        {
            "status": "accepted",
            "as_of": TODAY.isoformat(),
            "source_url": "https://news.example/maduro",
            "source_outlet": "Reuters",
            "evidence": "Maduro said he would attend.",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["id"] == invitation.pk
    assert body["status"] == "accepted"
    assert body["source"]["source_outlet"] == "Reuters"
    assert [c["status"] for c in body["claims"]] == ["accepted"]
    claim = Claim.objects.get(invitation=invitation)
    assert claim.recorded_by == editor_client.user
    assert (claim.origin, claim.review_state) == ("manual", "approved")


def test_it_shows_a_denial_after_an_acceptance_as_denied(editor_client, summit):
    invitation = summit.invitations.get(invitee__name="Xi Jinping")
    response = editor_client.post(
        f"/api/invitations/{invitation.pk}/claims/",
        {"status": "denied", "as_of": TODAY.isoformat(), "source_outlet": "Kremlin"},
    )
    assert response.json()["status"] == "denied"
    assert len(response.json()["claims"]) == 2


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"status": "maybe"}, "status"),
        ({"status": None}, "status"),
        ({"as_of": "2025-02-30"}, "as_of"),
        ({"as_of": "09/05/2025"}, "as_of"),
        ({"as_of": (TODAY + 30 * DAY).isoformat()}, "as_of"),
        ({"status": "attended"}, "status"),  # the summit has not started yet
        ({"source_url": "javascript:alert(1)"}, "source_url"),
        ({"source_url": "ftp://files.example/x"}, "source_url"),
        ({"source_url": "https://x.example/" + "a" * 2000}, "source_url"),
        ({"evidence": "nul\x00byte"}, "evidence"),
        ({"source_outlet": "o" * 201}, "source_outlet"),
        ({"evidence": 42}, "evidence"),
    ],
)
def test_it_rejects_a_bad_claim_with_a_400_per_field(editor_client, summit, payload, field):
    invitation = _maduro(summit)
    good = {"status": "accepted", "as_of": TODAY.isoformat()}
    response = editor_client.post(f"/api/invitations/{invitation.pk}/claims/", {**good, **payload})
    assert_error(response, 400, field)
    assert not invitation.claims.exists()


def test_it_answers_404_for_a_claim_about_a_missing_invitation(editor_client, db):
    body = {"status": "accepted", "as_of": TODAY.isoformat()}
    assert_error(editor_client.post("/api/invitations/999999/claims/", body), 404)


def test_it_invites_a_person_in_the_same_transaction_as_their_first_claim(editor_client, summit):
    modi = PersonFactory(name="Narendra Modi", country=country("IN"))
    response = editor_client.post(
        f"/api/events/{summit.pk}/claims/",
        {"person": modi.pk, "status": "accepted", "as_of": TODAY.isoformat()},
    )
    assert response.status_code == 201, response.content
    assert response.json()["invitee"]["name"] == "Narendra Modi"
    assert response.json()["status"] == "accepted"
    assert Invitation.objects.filter(event=summit, invitee=modi).count() == 1


def test_it_invites_a_countrys_troops_by_country_code(editor_client, summit):
    response = editor_client.post(
        f"/api/events/{summit.pk}/claims/",
        {
            "country": "KP",
            "country_invitee_kind": "troops",
            "status": "accepted",
            "as_of": TODAY.isoformat(),
        },
    )
    assert response.status_code == 201, response.content
    invitee = response.json()["invitee"]
    assert (invitee["kind"], invitee["country"]) == ("troops", "KP")
    again = editor_client.post(
        f"/api/events/{summit.pk}/claims/",
        {
            "country": "KP",
            "country_invitee_kind": "troops",
            "status": "declined",
            "as_of": TODAY.isoformat(),
        },
    )
    assert again.json()["id"] == response.json()["id"]
    assert Person.objects.filter(kind="troops", country_id="KP").count() == 1


def test_it_creates_no_invitation_when_the_first_claim_is_rejected(editor_client, summit):
    modi = PersonFactory(name="Narendra Modi")
    response = editor_client.post(
        f"/api/events/{summit.pk}/claims/",
        {"person": modi.pk, "status": "attended", "as_of": TODAY.isoformat()},
    )
    assert_error(response, 400, "status")
    assert not Invitation.objects.filter(invitee=modi).exists()
    response = editor_client.post(
        f"/api/events/{summit.pk}/claims/",
        {"country": "IN", "status": "accepted", "as_of": (TODAY + 9 * DAY).isoformat()},
    )
    assert_error(response, 400, "as_of")
    assert not Person.objects.filter(kind="delegation", country_id="IN").exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "non_field_errors"),
        ({"person": 1, "country": "IN"}, "non_field_errors"),
        ({"country": "XX"}, "country"),
        ({"country": "in"}, "country"),
        ({"person": 10**30}, "person"),
        ({"person": "1"}, "person"),
        ({"person": 999999}, "person"),
    ],
)
def test_it_rejects_a_bad_invitee(editor_client, summit, payload, field):
    body = {"status": "accepted", "as_of": TODAY.isoformat(), **payload}
    assert_error(editor_client.post(f"/api/events/{summit.pk}/claims/", body), 400, field)


def test_it_invites_someone_and_answers_409_the_second_time(editor_client, summit):
    modi = PersonFactory(name="Narendra Modi")
    body = {"event": summit.pk, "person": modi.pk}
    first = editor_client.post("/api/invitations/", body)
    assert first.status_code == 201, first.content
    assert first.json()["status"] == "invited"
    error = assert_error(editor_client.post("/api/invitations/", body), 409, "invitee")
    assert error["code"] == "conflict"


def test_it_rejects_an_invitee_inviting_themselves(editor_client, summit):
    modi = PersonFactory()
    body = {"event": summit.pk, "person": modi.pk, "inviter": modi.pk}
    assert_error(editor_client.post("/api/invitations/", body), 400, "inviter")


def test_it_filters_invitations(anon, summit):
    other = InvitationFactory(invitee=PersonFactory(country=country("CN")))

    def ids(query):
        response = anon.get(f"/api/invitations/?{query}")
        assert response.status_code == 200, response.content
        return {i["id"] for i in response.json()["results"]}

    everyone = set(summit.invitations.values_list("pk", flat=True))
    assert ids(f"event={summit.pk}") == everyone
    assert ids(f"person={other.invitee_id}") == {other.pk}
    assert ids("country=CN") == {other.pk}
    assert ids("status=accepted") == {summit.invitations.get(status="accepted").pk}
    assert_error(anon.get("/api/invitations/?status=happy"), 400, "status")
    assert_error(anon.get("/api/invitations/?event="), 400, "event")


def test_it_shows_an_invitation_with_its_claim_history(anon, summit):
    invitation = summit.invitations.get(invitee__name="Xi Jinping")
    record(invitation, "attended" if False else "declined", TODAY, outlet="AP")
    body = anon.get(f"/api/invitations/{invitation.pk}/").json()
    assert [c["status"] for c in body["claims"]] == ["accepted", "declined"]
    assert body["status"] == "disputed"


# --- Claims -------------------------------------------------------------------


@pytest.fixture
def claims(summit):
    invitation = _maduro(summit)
    pending = record(invitation, "accepted", TODAY - DAY, outlet="Feed", origin="extracted")
    return {"pending": pending, "approved": Claim.objects.filter(review_state="approved")}


def test_it_hides_unreviewed_claims_from_readers_but_not_from_editors(anon, editor_client, claims):
    seen = {c["id"] for c in anon.get("/api/claims/").json()["results"]}
    assert seen == set(claims["approved"].values_list("pk", flat=True))
    assert_error(anon.get(f"/api/claims/{claims['pending'].pk}/"), 404)
    seen = {c["id"] for c in editor_client.get("/api/claims/").json()["results"]}
    assert claims["pending"].pk in seen


def test_it_filters_claims_for_incremental_sync(editor_client, claims, summit):
    def ids(query):
        response = editor_client.get(f"/api/claims/?{query}")
        assert response.status_code == 200, response.content
        return [c["id"] for c in response.json()["results"]]

    pending = claims["pending"]
    assert ids("origin=extracted") == [pending.pk]
    assert ids("review_state=pending") == [pending.pk]
    assert ids(f"invitation={pending.invitation_id}") == [pending.pk]
    assert len(ids(f"event={summit.pk}")) == 3
    everything = editor_client.get("/api/claims/").json()["results"]
    newest = everything[-1]["updated_at"]
    assert ids(f"changed_since={newest.replace('+00:00', 'Z')}") == [everything[-1]["id"]]
    assert ids("changed_since=2999-01-01T00:00:00Z") == []
    for bad in ("yesterday", "2025-01-01", "2025-01-01T10:00"):
        assert_error(editor_client.get(f"/api/claims/?changed_since={bad}"), 400, "changed_since")


def test_it_approves_a_pending_claim_and_moves_the_status(editor_client, claims):
    pending = claims["pending"]
    response = editor_client.post(f"/api/claims/{pending.pk}/review/", {"approve": True})
    assert response.status_code == 200, response.content
    assert response.json()["review_state"] == "approved"
    pending.invitation.refresh_from_db()
    assert pending.invitation.status == "accepted"
    assert_error(
        editor_client.post(f"/api/claims/{pending.pk}/review/", {"approve": "yes"}), 400, "approve"
    )


# --- People and countries -----------------------------------------------------


def test_it_creates_and_finds_people(editor_client, anon):
    response = editor_client.post(
        "/api/people/",
        {
            "name": "  Narendra Modi ",
            "country": "IN",
            "role": "Prime Minister",
            "aliases": ["Modi"],
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["name"] == "Narendra Modi"
    found = anon.get("/api/people/?q=prime&country=IN").json()["results"]
    assert [p["name"] for p in found] == ["Narendra Modi"]
    assert_error(editor_client.post("/api/people/", {"name": "   "}), 400, "name")
    assert_error(
        editor_client.post("/api/people/", {"name": "X", "aliases": [1]}), 400, "aliases.0"
    )


def test_it_lists_countries_and_shows_one(anon, db):
    body = anon.get("/api/countries/?page_size=200").json()
    assert body["count"] == 249
    assert anon.get("/api/countries/fr/").json()["name"] == "France"
    assert_error(anon.get("/api/countries/XX/"), 404)
    assert_error(anon.post("/api/countries/", {"code": "XX"}), 405)
