"""One rule for "the person named X (in country Y)" (events.names and
PersonQuerySet.named): case, accents and punctuation ignored, aliases, the
country; the same row whichever door a name comes in by."""

import datetime

import pytest
from django.db import connection

from events import names, services
from events.ingest import pipeline
from events.models import Event, Invitation, Person
from events.services.reports import report_submit
from events.tests.factories import EventFactory, country

pytestmark = pytest.mark.django_db


# --- The key ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Recep Tayyip Erdoğan", "recep tayyip ERDOGAN"),
        ("Aleksandar Vučić", "Aleksandar Vucic"),
        ("Lars Løkke Rasmussen", "lars lokke rasmussen"),
        ("Jean-Yves Le Drian", "Jean Yves  Le Drian"),
        ("Sean O’Brien", "Sean O'Brien"),
        ("Lula da Silva", " LULA DA SILVA "),
        ("Kırşehir Bey", "Kirsehir Bey"),
    ],
)
def test_spellings_that_differ_only_in_case_accents_and_punctuation_share_a_key(a, b):
    assert names.name_key(a) == names.name_key(b) != ""


@pytest.mark.parametrize(
    ("a", "b"), [("Erdogan", "Erdman"), ("Xi Jinping", "Xi"), ("Kim Jong Un", "Kim Jong Il")]
)
def test_different_names_keep_different_keys(a, b):
    assert names.name_key(a) != names.name_key(b)


def test_the_alias_keys_hold_each_alias_once():
    assert names.alias_keys(["Tayyip", "tayyip", "Erdoğan", ""]) == "|erdogan|tayyip|"
    assert names.alias_keys([]) == ""


# --- The keys on the row ---------------------------------------------------------------
def test_saving_a_person_keeps_the_keys_of_the_name_and_aliases():
    person = services.person_create(
        name="Recep Tayyip Erdoğan", country=country("TR"), aliases=["Tayyip Erdoğan"]
    )
    row = Person.objects.values("name_key", "alias_keys").get(pk=person.pk)
    assert row == {"name_key": "recep tayyip erdogan", "alias_keys": "|tayyip erdogan|"}
    person.name, person.aliases = "Ilham Aliyev", ["Aliyev"]
    person.save(update_fields=["name", "aliases"])
    row = Person.objects.values("name_key", "alias_keys").get(pk=person.pk)
    assert row == {"name_key": "ilham aliyev", "alias_keys": "|aliyev|"}


def test_the_migration_filled_the_keys_of_existing_rows():
    # Rows written before the keys existed (raw SQL, as the migration found them)
    # get them from the migration's fill; this checks the fill on a fresh row.
    from importlib import import_module

    from django.apps import apps

    person = services.person_create(name="Nursultan Abishev", country=country("KZ"))
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE events_person SET name_key = '', alias_keys = '', aliases = %s WHERE id = %s",
            ['["Abişev"]', person.pk],
        )
    migration = import_module("events.migrations.0005_person_name_keys")
    migration.fill_keys(apps, None)
    row = Person.objects.values("name_key", "alias_keys").get(pk=person.pk)
    assert row == {"name_key": "nursultan abishev", "alias_keys": "|abisev|"}


# --- The rule --------------------------------------------------------------------------
@pytest.fixture
def leaders(db):
    return {
        "erdogan": services.person_create(
            name="Recep Tayyip Erdoğan", country=country("TR"), aliases=["Erdogan"]
        ),
        "un": services.person_create(name="Amina Osei", country=None, aliases=["the Envoy"]),
        "ca": services.person_create(name="Jordan Lee", country=country("CA")),
        "au": services.person_create(name="Jordan Lee", country=country("AU")),
        "alias": services.person_create(
            name="Marta Vaz", country=country("PT"), aliases=["Jordan Lee"]
        ),
    }


def test_a_name_finds_its_person_in_any_case_and_accent(leaders):
    for typed in ("Recep Tayyip Erdogan", "RECEP TAYYIP ERDOĞAN", "recep  tayyip erdoğan"):
        assert Person.objects.person_named(typed) == leaders["erdogan"]
        assert Person.objects.person_named(typed, "TR") == leaders["erdogan"]
        assert Person.objects.person_named(typed, country("TR")) == leaders["erdogan"]


def test_an_alias_finds_its_person_when_no_name_matches(leaders):
    assert Person.objects.person_named("erdoğan", "TR") == leaders["erdogan"]
    assert Person.objects.named("Marta Vaz") == [leaders["alias"]]


def test_a_name_beats_an_alias_and_the_country_chooses_among_names(leaders):
    # "Jordan Lee" is the name of two people and an alias of a third.
    assert Person.objects.named("jordan lee") == [leaders["ca"], leaders["au"]]
    assert Person.objects.person_named("Jordan Lee", "AU") == leaders["au"]
    assert Person.objects.person_named("Jordan Lee") == leaders["ca"]  # the oldest
    # In Portugal, nobody is named so: the alias.
    assert Person.objects.person_named("Jordan Lee", "PT") == leaders["alias"]


def test_a_country_keeps_people_of_another_country_out_but_not_organisations(leaders):
    assert Person.objects.person_named("Recep Tayyip Erdogan", "GR") is None
    assert Person.objects.person_named("Erdogan", "GR") is None
    assert Person.objects.person_named("Amina Osei", "GH") == leaders["un"]
    assert Person.objects.person_named("the envoy", "FR") == leaders["un"]


def test_nothing_and_blanks_name_nobody(leaders):
    assert Person.objects.person_named("") is None
    assert Person.objects.person_named("  -  ") is None
    assert Person.objects.person_named("Erdogan Jr") is None


def test_candidates_for_many_names_come_in_one_query(leaders, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = list(Person.objects.named_any(["Erdogan", "jordan lee", "Nobody Here"]))
    assert set(found) == {leaders["erdogan"], leaders["ca"], leaders["au"], leaders["alias"]}


# --- Every door reaches the same row -------------------------------------------------------
@pytest.fixture
def summit(db):
    return EventFactory(
        title="Bosporus summit",
        slug="bosporus-summit",
        country=country("TR"),
        city="Istanbul",
        start_date=datetime.date.today() + datetime.timedelta(days=20),
    )


def test_the_invitee_form_reuses_the_person_whatever_the_spelling(client, editor, summit):
    erdogan = services.person_create(name="Recep Tayyip Erdoğan", country=country("TR"))
    client.force_login(editor)
    response = client.post(
        "/events/bosporus-summit/invitees/", {"name": "recep tayyip erdogan", "kind": "person"}
    )
    assert response.status_code in (200, 302), response.content
    assert Invitation.objects.get(event=summit).invitee == erdogan
    assert Person.objects.count() == 1


def test_the_invitee_form_asks_for_the_country_when_a_name_is_ambiguous(client, editor, summit):
    services.person_create(name="Jordan Lee", country=country("CA"))
    services.person_create(name="Jordan Lee", country=country("AU"))
    client.force_login(editor)
    response = client.post(
        "/events/bosporus-summit/invitees/", {"name": "JORDAN LEE", "kind": "person"}
    )
    assert "Several people have this name" in response.content.decode()
    response = client.post(
        "/events/bosporus-summit/invitees/",
        {"name": "JORDAN LEE", "kind": "person", "country": "AU"},
    )
    assert Invitation.objects.get(event=summit).invitee.country_id == "AU"


def test_the_host_field_reuses_the_person_whatever_the_spelling(client, editor):
    erdogan = services.person_create(
        name="Recep Tayyip Erdoğan", country=country("TR"), aliases=["Erdogan"]
    )
    client.force_login(editor)
    for n, typed in enumerate(("Recep Tayyip Erdogan", "ERDOGAN")):
        response = client.post(
            "/events/new/",
            {
                "title": f"Anatolia forum {n}",
                "kind": "summit",
                "start_date": "2031-05-04",
                "date_precision": "day",
                "country": "TR",
                "host_name": typed,
                "lifecycle": "scheduled",
            },
        )
        assert response.status_code == 302, response.content
        assert Event.objects.get(title=f"Anatolia forum {n}").host == erdogan
    assert Person.objects.count() == 1


NEXT_YEAR = datetime.date.today().year + 1
REPORT = (
    f"NAIROBI, Nov 20 (Test Wire) – Kenya will host the Great Rift summit in Nairobi on "
    f"12 June {NEXT_YEAR}, the foreign ministry said on Friday.\n\n"
    "Turkish President Recep Tayyip Erdoğan has accepted an invitation to attend the summit, "
    "his office in Ankara said."
)


@pytest.fixture
def great_rift(db):
    return EventFactory(
        title="Great Rift summit",
        slug="great-rift-summit",
        country=country("KE"),
        city="Nairobi",
        start_date=datetime.date(NEXT_YEAR, 6, 12),
    )


def _pipeline_reads_the_report():
    report, _ = report_submit(text=REPORT, title="Great Rift", outlet="Test Wire")
    pipeline.process_report(report.pk)


def test_a_leader_typed_in_the_form_is_the_row_the_pipeline_finds(client, editor, great_rift):
    client.force_login(editor)
    client.post(
        "/events/great-rift-summit/invitees/",
        {"name": "Recep Tayyip Erdogan", "country": "TR", "kind": "person"},
    )
    typed = Person.objects.get()
    assert typed.name == "Recep Tayyip Erdogan"

    _pipeline_reads_the_report()

    invitation = Invitation.objects.get(event=great_rift)
    assert invitation.invitee == typed
    assert invitation.claims.get().status == "accepted"
    assert Person.objects.count() == 1


def test_a_leader_the_pipeline_met_is_the_row_the_form_finds(client, editor, great_rift):
    _pipeline_reads_the_report()
    met = Person.objects.get()
    assert met.name == "Recep Tayyip Erdoğan" and met.needs_review

    client.force_login(editor)
    for path, data in (
        ("/events/great-rift-summit/invitees/", {"name": "RECEP TAYYIP ERDOGAN", "kind": "person"}),
        (
            "/events/new/",
            {
                "title": "Anatolia forum",
                "kind": "summit",
                "start_date": f"{NEXT_YEAR}-09-01",
                "date_precision": "day",
                "country": "TR",
                "host_name": "recep tayyip erdogan",
                "lifecycle": "scheduled",
            },
        ),
    ):
        client.post(path, data)
    assert Invitation.objects.get(event=great_rift).invitee == met
    assert Event.objects.get(title="Anatolia forum").host == met
    assert Person.objects.count() == 1


def test_the_api_finds_a_person_by_the_same_rule(client, leaders):
    def ids(query: str) -> list[int]:
        response = client.get(f"/api/people/?{query}")
        assert response.status_code == 200, response.content
        return [p["id"] for p in response.json()["results"]]

    assert ids("name=recep+tayyip+erdogan") == [leaders["erdogan"].pk]
    assert ids("name=JORDAN+LEE") == sorted([leaders["ca"].pk, leaders["au"].pk])
    assert ids("name=jordan+lee&country=AU") == [leaders["au"].pk]
    assert ids("name=jordan+lee&country=PT") == [leaders["alias"].pk]
    assert ids("name=amina+osei&country=GH") == [leaders["un"].pk]
    assert ids("country=AU") == [leaders["au"].pk]
    assert ids("name=nobody+at+all") == []
