"""POST /api/events/{id}/merge/ and /api/people/{id}/merge/, and the 301 of a
merged record's old id."""

import pytest

from events.models import Event, Invitation, Person
from events.tests.api.support import TODAY, assert_error
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    kept = EventFactory(title="G20 summit 2026, Miami")
    dup = EventFactory(title="20 summit")
    record(InvitationFactory(event=dup, invitee=PersonFactory(name="Lula")), "accepted", TODAY)
    return dup, kept


@pytest.fixture
def people():
    kept = PersonFactory(name="Recep Tayyip Erdoğan")
    dup = PersonFactory(name="President Erdogan")
    InvitationFactory(invitee=dup)
    return dup, kept


def test_only_editors_may_merge(anon, user_client, pair, people):
    dup, kept = pair
    assert_error(anon.post(f"/api/events/{dup.pk}/merge/", {"into": kept.pk}, format="json"), 401)
    assert_error(
        user_client.post(f"/api/events/{dup.pk}/merge/", {"into": kept.pk}, format="json"), 403
    )
    person, other = people
    assert_error(
        user_client.post(f"/api/people/{person.pk}/merge/", {"into": other.pk}, format="json"),
        403,
    )
    assert Event.objects.filter(pk=dup.pk).exists() and Person.objects.filter(pk=person.pk).exists()


def test_an_editor_merges_two_events_and_the_old_id_redirects(editor_client, anon, pair):
    dup, kept = pair
    response = editor_client.post(f"/api/events/{dup.pk}/merge/", {"into": kept.pk}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["id"], body["title"]) == (kept.pk, kept.title)
    assert [i["invitee"]["name"] for i in body["invitations"]] == ["Lula"]
    moved = anon.get(f"/api/events/{dup.pk}/")
    assert moved.status_code == 301
    assert moved["Location"] == f"http://testserver/api/events/{kept.pk}/"
    assert moved.json()["code"] == "moved"
    assert anon.get(moved["Location"]).json()["id"] == kept.pk
    assert_error(anon.get("/api/events/987654321/"), 404)
    # Merging the merged-away id again: it is gone.
    assert_error(
        editor_client.post(f"/api/events/{dup.pk}/merge/", {"into": kept.pk}, format="json"), 404
    )


@pytest.mark.parametrize(
    ("into", "message"),
    [
        ("self", "An event cannot be merged into itself."),
        (987654321, "There is no event with id 987654321 (deleted or merged)."),
        ("seven", "A valid integer is required."),
        (None, "This field may not be null."),
    ],
)
def test_bad_merges_are_400s_with_field_messages(editor_client, pair, into, message):
    dup, _ = pair
    if into == "self":
        into = dup.pk
    response = editor_client.post(f"/api/events/{dup.pk}/merge/", {"into": into}, format="json")
    body = assert_error(response, 400, "into")
    assert body["errors"]["into"] == [message]
    assert Invitation.objects.filter(event=dup).count() == 1


def test_an_editor_merges_two_people_and_the_old_id_redirects(editor_client, anon, people):
    dup, kept = people
    response = editor_client.post(f"/api/people/{dup.pk}/merge/", {"into": kept.pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["aliases"] == ["President Erdogan"]
    assert Invitation.objects.get().invitee_id == kept.pk
    moved = anon.get(f"/api/people/{dup.pk}/")
    assert moved.status_code == 301
    assert moved["Location"] == f"http://testserver/api/people/{kept.pk}/"
    assert_error(anon.get("/api/people/987654321/"), 404)
    body = assert_error(
        editor_client.post(f"/api/people/{kept.pk}/merge/", {"into": kept.pk}, format="json"),
        400,
        "into",
    )
    assert body["errors"]["into"] == ["A person cannot be merged into themselves."]


def test_the_merge_endpoints_are_in_the_schema(anon):
    schema = anon.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path, ref in (
        ("/api/events/{id}/merge/", "EventMergeRequest"),
        ("/api/people/{id}/merge/", "PersonMergeRequest"),
    ):
        post = schema["paths"][path]["post"]
        assert post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(ref)
        assert {"200", "400", "401", "403"} <= set(post["responses"])
        assert "Editors only" in post["description"]
    assert schema["components"]["schemas"]["EventMergeRequest"]["required"] == ["into"]
