"""Link what the extractor found to existing rows, or create new ones marked for review.

An event is the same when it is of the same kind, starts within 3 days and has
the same host country or city, or when its title is close. A person is the same
when the name or one of their aliases matches.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import hashlib
import re
import time
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Q

from events import services
from events.models import Country, DatePrecision, Event, Person, PersonKind

EVENT_DATE_WINDOW = datetime.timedelta(days=3)
TITLE_SIMILARITY = 0.82
_WORDS = re.compile(r"[a-z0-9]+")
_STOPWORDS = {"the", "of", "in", "a", "an", "and", "for", "to", "at", "on"}


def _norm(text: str) -> str:
    text = re.sub(r"['’]s\b", "", (text or "").lower())
    return " ".join(_WORDS.findall(text))


def _same_name(extracted_name: str, title: str) -> bool:
    """Looser test for events already matched on kind and date: close, or every
    word of the extracted name is in the title ("Republic Day parade" is
    "Republic Day parade, New Delhi 2027")."""
    words = set(_norm(extracted_name).split()) - _STOPWORDS
    return _similar(extracted_name, title) >= 0.6 or bool(
        words and words <= set(_norm(title).split())
    )


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b)).ratio()


def find_event(extracted) -> Event | None:
    kind, start = extracted.kind, extracted.start_date
    if start is not None:
        near = Event.objects.filter(
            kind=kind, start_date__range=(start - EVENT_DATE_WINDOW, start + EVENT_DATE_WINDOW)
        )
        place = Q()
        if extracted.country:
            place |= Q(country_id=extracted.country.upper())
        if extracted.city:
            place |= Q(city__iexact=extracted.city.strip())
        if place:
            match = near.filter(place).order_by("start_date", "id").first()
            if match:
                return match
        if extracted.name:
            for event in near.order_by("start_date", "id")[:50]:
                if _same_name(extracted.name, event.title):
                    return event
    if extracted.name:
        candidates = Event.objects.filter(kind=kind)
        if start is not None:
            candidates = candidates.filter(
                start_date__range=(
                    start - datetime.timedelta(days=366),
                    start + datetime.timedelta(days=366),
                )
            )
        best, score = None, 0.0
        for event in candidates.only("id", "title", "start_date").order_by("-start_date")[:500]:
            s = _similar(event.title, extracted.name)
            if s > score:
                best, score = event, s
        if best is not None and score >= TITLE_SIMILARITY:
            return Event.objects.get(pk=best.pk)
    return None


@contextlib.contextmanager
def _creating(*key: object):
    """A short transaction holding a PostgreSQL advisory lock on `key` (what is
    being created: an event kind, a person's name). Linking reads without a
    lock; only a miss takes the lock, looks again and creates, and commits at
    once (when not inside a caller's transaction), so two workers never create
    the same event or person twice, and never wait for each other otherwise."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            digest = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s)",
                    [int.from_bytes(digest, "big", signed=True)],
                )
        yield


def event_for(extracted, *, published: datetime.date) -> tuple[Event | None, bool]:
    """(event, created). None when the event cannot be pinned to a host country."""
    found = find_event(extracted)
    if found:
        return found, False
    country = Country.objects.filter(code=(extracted.country or "").upper()).first()
    if country is None:
        return None, False
    with _creating("event", extracted.kind):  # find_event always matches on the kind
        found = find_event(extracted)
        if found:  # another worker created it a moment ago
            return found, False
        start, precision = extracted.start_date, DatePrecision.DAY
        if start is None:  # date unknown: the year of the report, for an editor to fix
            start, precision = datetime.date(published.year, 1, 1), DatePrecision.YEAR
        event = services.event_create(
            title=(extracted.name or f"{extracted.kind} in {extracted.city or country.name}")[:300],
            kind=extracted.kind,
            start_date=start,
            date_precision=precision,
            country=country,
            city=(extracted.city or "")[:120],
            needs_review=True,
        )
    return event, True


def _pick_person(
    people: Iterable[Person], name: str, country_code: str | None = None
) -> Person | None:
    """The rule of find_person over rows already loaded: the name in any case
    (of the same country, or of none), else an exact alias; the oldest row wins."""
    people = sorted(people, key=lambda p: p.pk)
    lowered = name.lower()
    code = (country_code or "").upper()
    for person in people:
        if person.name.lower() == lowered and (
            not code or person.country_id is None or person.country_id == code
        ):
            return person
    for person in people:
        if any(lowered == str(a).strip().lower() for a in person.aliases or []):
            return person
    return None


def _people_named(names: Iterable[str]):
    match = Q()
    for name in names:
        # Aliases live in a JSON list; a text match narrows, _pick_person decides.
        match |= Q(name__iexact=name) | Q(aliases__icontains=name)
    return Person.objects.filter(match)


def find_person(name: str, country_code: str | None = None) -> Person | None:
    name = (name or "").strip()
    if not name:
        return None
    return _pick_person(_people_named([name]), name, country_code)


class PeopleIndex:
    """The people an extraction names, loaded in one query, and their
    countries in another; person_for() answers from it and adds what it creates."""

    def __init__(self, names: Iterable[str | None], country_codes: Iterable[str | None]) -> None:
        names = sorted({n.strip() for n in names if n and n.strip()})
        self.people: list[Person] = list(_people_named(names)) if names else []
        self.countries = _countries({c.upper() for c in country_codes if c})

    def find(self, name: str, country_code: str | None) -> Person | None:
        return _pick_person(self.people, name, country_code)

    def country(self, code: str | None) -> Country | None:
        if not code:
            return None
        code = code.upper()
        if code not in self.countries:
            self.countries.update(_countries({code}))
        return self.countries.get(code)


COUNTRY_CACHE_SECONDS = 300
_country_cache: dict[str, tuple[float, Country]] = {}


def _countries(codes: set[str]) -> dict[str, Country]:
    """Countries by code. They are reference data (ISO 3166, loaded by a
    migration), so each process keeps the rows it read for a few minutes."""
    now = time.monotonic()
    found = {c: hit[1] for c in codes if (hit := _country_cache.get(c)) and hit[0] > now}
    missing = codes - set(found)
    if missing:
        for code, country in Country.objects.in_bulk(missing).items():
            _country_cache[code] = (now + COUNTRY_CACHE_SECONDS, country)
            found[code] = country
    return found


def person_for(
    name: str | None,
    country_code: str | None,
    *,
    create: bool = True,
    index: PeopleIndex | None = None,
) -> tuple[Person | None, bool]:
    """(person, created). No name but a country: that country's delegation.
    Pass a PeopleIndex to answer many names with two queries in all."""
    index = index or PeopleIndex([name], [country_code])
    country = index.country(country_code)
    if not name or not name.strip():
        if country is None:
            return None, False
        existing = (
            Person.objects.filter(kind=PersonKind.DELEGATION, country=country)
            .order_by("id")
            .first()
        )
        if existing is None:
            with _creating("delegation", country.code):
                existing = services.delegation_for_country(
                    country=country, kind=PersonKind.DELEGATION
                )
        return existing, False
    name = name.strip()
    found = index.find(name, country_code)
    if found or not create:
        return found, False
    with _creating("person", name.lower()):
        found = find_person(name, country_code)  # another worker may have just created it
        created = found is None
        if created:
            found = services.person_create(name=name[:200], country=country, needs_review=True)
    index.people.append(found)
    return found, created


def knowledge_people() -> list[tuple[str, list[str], str | None, str]]:
    """The people the database knows, in the form Knowledge.with_people takes."""
    return [
        (p.name, list(p.aliases or []), p.country_id, p.role)
        for p in Person.objects.filter(kind=PersonKind.PERSON).only(
            "name", "aliases", "country", "role"
        )
    ]
