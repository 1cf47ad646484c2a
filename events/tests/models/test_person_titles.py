"""Titles before a name ("King", "President", "H.E. Mr") are not part of who
someone is: "King Charles III" is "Charles III". A short or familiar name
("Lula", "Erdogan") finds its person through an alias."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from events import names, services
from events.ingest import linking
from events.models import Person
from events.tests.factories import country


@pytest.mark.parametrize(
    ("titled", "plain"),
    [
        ("King Charles III", "Charles III"),
        ("Queen Rania", "Rania"),
        ("President Erdoğan", "Erdogan"),
        ("President-elect Donald Trump", "Donald Trump"),
        ("H.E. Mr. Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),
        ("Prime Minister Narendra Modi", "Narendra Modi"),
        ("Secretary-General António Guterres", "Antonio Guterres"),
        ("Sheikh Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
        ("His Majesty King Harald V", "Harald V"),
    ],
)
def test_titles_before_a_name_do_not_count(titled, plain):
    assert names.name_key(titled) == names.name_key(plain) != ""


@pytest.mark.parametrize(
    "name",
    ["King", "the President", "Crown Prince", "Generalissimo Ortega", "Kırşehir Bey", "Kingsley"],
)
def test_a_title_alone_or_inside_a_name_is_kept(name):
    key = names.name_key(name)
    assert key == names.name_key(name.upper())
    assert key.split()[0] == names.name_key(name.split()[0])


def test_a_title_does_not_make_two_people_one():
    assert names.name_key("King Charles III") != names.name_key("King Charles II")
    assert names.name_key("President Xi") != names.name_key("Xi Jinping")


@pytest.fixture
def known(db):
    return {
        "charles": services.person_create(name="Charles III", country=country("GB")),
        "erdogan": services.person_create(
            name="Recep Tayyip Erdogan", country=country("TR"), aliases=["Erdoğan"]
        ),
        "lula": services.person_create(
            name="Luiz Inácio Lula da Silva", country=country("BR"), aliases=["Lula"]
        ),
        "xi": services.person_create(name="Xi Jinping", country=country("CN")),
    }


def test_titled_and_familiar_names_find_the_known_person(known):
    assert Person.objects.person_named("King Charles III", "GB") == known["charles"]
    assert Person.objects.person_named("President Erdogan", "TR") == known["erdogan"]
    assert Person.objects.person_named("Recep Tayyip Erdoğan") == known["erdogan"]
    assert Person.objects.person_named("Lula", "BR") == known["lula"]
    assert Person.objects.person_named("President Lula") == known["lula"]
    # No alias "Xi" is known: a title does not make a surname enough.
    assert Person.objects.person_named("President Xi", "CN") is None


def test_the_pipeline_links_a_titled_name_to_the_known_person(known):
    index = linking.PeopleIndex(["King Charles III", "President Erdoğan"], ["GB", "TR"])
    assert linking.person_plan("King Charles III", "GB", index=index) == known["charles"]
    assert linking.person_plan("President Erdoğan", "TR", index=index) == known["erdogan"]
    assert linking.find_person("Queen Camilla", "GB") is None


def test_a_person_saved_under_a_title_is_found_by_the_plain_name(db):
    king = services.person_create(name="King Charles III", country=country("GB"))
    assert Person.objects.values_list("name_key", flat=True).get(pk=king.pk) == "charles iii"
    assert Person.objects.person_named("Charles III", "GB") == king


def test_the_migration_fills_the_keys_again_without_titles(db):
    king = services.person_create(name="King Charles III", country=country("GB"))
    with connection.cursor() as cursor:  # the key as it was before titles were left out
        cursor.execute(
            "UPDATE events_person SET name_key = 'king charles iii' WHERE id = %s", [king.pk]
        )
    import_module("events.migrations.0008_person_name_keys_titles").fill_keys(apps, None)
    assert Person.objects.values_list("name_key", flat=True).get(pk=king.pk) == "charles iii"
