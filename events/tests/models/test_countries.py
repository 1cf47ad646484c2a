"""The country data: every ISO 3166-1 country, named, with a demonym, loaded idempotently."""

import json

import pycountry
import pytest

from events.countries import DATA_FILE, country_rows, sync_countries
from events.models import Country


def _data() -> dict[str, dict]:
    with DATA_FILE.open(encoding="utf-8") as f:
        return json.load(f)


def test_it_has_an_entry_for_every_iso_country():
    assert set(_data()) == {c.alpha_2 for c in pycountry.countries}


def test_it_gives_every_country_a_name_and_a_demonym():
    for code, entry in _data().items():
        assert entry["name"].strip(), code
        assert entry["demonyms"] and all(d.strip() for d in entry["demonyms"]), code
        assert isinstance(entry["aliases"], list), code


def test_it_keeps_country_names_unique():
    names = [row["name"].casefold() for row in country_rows()]
    assert len(names) == len(set(names))


def test_it_uses_short_common_names():
    names = {row["code"]: row["name"] for row in country_rows()}
    assert names["RU"] == "Russia"
    assert names["KR"] == "South Korea"
    assert names["VN"] == "Vietnam"
    assert names["US"] == "United States"
    assert names["TR"] == "Türkiye"
    assert "Turkey" in _data()["TR"]["aliases"]
    assert "the Kremlin" in _data()["RU"]["aliases"]


@pytest.mark.django_db
def test_it_loads_every_country_in_the_migration():
    assert Country.objects.count() == len(pycountry.countries)
    assert Country.objects.get(code="FR").demonyms == ["French"]


@pytest.mark.django_db
def test_it_syncs_countries_idempotently():
    Country.objects.filter(code="FR").update(name="Gaul", aliases=[])
    Country.objects.filter(code="MC").delete()
    assert sync_countries(Country) == (1, 1)
    assert sync_countries(Country) == (0, 0)
    assert Country.objects.count() == len(pycountry.countries)
    assert Country.objects.get(code="FR").name == "France"
