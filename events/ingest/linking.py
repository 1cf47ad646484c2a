"""Link what the extractor found to existing rows: read-only. plan() answers
with the rows it found and what must be created (marked for review);
events.services.reports.report_apply_extraction creates it and writes the claims.

An event is the same when it is of the same kind, starts within 3 days and has
the same host country or city, or when its title is close. A person is the same
by the rule of PersonQuerySet.named(): the name or one of their aliases, case
and accents aside, of the same country or of none.
"""

from __future__ import annotations

import datetime
import difflib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from events import names
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
        year = (getattr(extracted, "period", None) or "")[:4]
        if start is None and year.isdigit():  # only the year or month is known
            candidates = candidates.filter(start_date__year=int(year))
        elif start is not None:
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


@dataclass(frozen=True)
class NewEvent:
    """An event the database does not know yet, as it is to be created."""

    extracted: object  # the extractor's event: looked for again before creating
    title: str
    kind: str
    start_date: datetime.date
    date_precision: str
    country: Country
    city: str
    end_date: datetime.date | None = None


def event_plan(extracted, *, published: datetime.date) -> Event | NewEvent | None:
    """The known event, or the one to create; None when it cannot be pinned to
    a host country."""
    found = find_event(extracted)
    if found:
        return found
    country = Country.objects.filter(code=(extracted.country or "").upper()).first()
    if country is None:
        return None
    start, precision = _start_and_precision(extracted, published=published)
    return NewEvent(
        extracted=extracted,
        title=(extracted.name or f"{extracted.kind} in {extracted.city or country.name}")[:300],
        kind=extracted.kind,
        start_date=start,
        date_precision=precision,
        country=country,
        city=(extracted.city or "")[:120],
        end_date=_end_date(extracted, start),
    )


def _start_and_precision(extracted, *, published: datetime.date) -> tuple[datetime.date, str]:
    """The day the text gives; else the first day of the year or month it
    names (stored with that precision, never shown as a day); else the year of
    the report, as a year, for an editor to fix."""
    if extracted.start_date is not None:
        return extracted.start_date, DatePrecision.DAY
    period = getattr(extracted, "period", None) or ""
    year, _, month = period.partition("-")
    if year.isdigit() and len(year) == 4:
        if month.isdigit() and 1 <= int(month) <= 12:
            return datetime.date(int(year), int(month), 1), DatePrecision.MONTH
        return datetime.date(int(year), 1, 1), DatePrecision.YEAR
    return datetime.date(published.year, 1, 1), DatePrecision.YEAR


def _end_date(extracted, start: datetime.date) -> datetime.date | None:
    """The last day the text or the series catalogue gives, when it is a real
    day after the first."""
    end = getattr(extracted, "end_date", None)
    return end if end is not None and end > start else None


def find_person(name: str, country_code: str | None = None) -> Person | None:
    return Person.objects.person_named(name, country_code)


class PeopleIndex:
    """The people an extraction names, loaded in one query, and their
    countries in another; person_plan() answers from it, and the service adds
    the people it creates."""

    def __init__(
        self, people_names: Iterable[str | None], country_codes: Iterable[str | None]
    ) -> None:
        self.people: list[Person] = list(Person.objects.named_any(people_names))
        self.countries = _countries({c.upper() for c in country_codes if c})

    def find(self, name: str, country_code: str | None) -> Person | None:
        """PersonQuerySet.person_named() over the people loaded."""
        found = names.best_matches(self.people, name, country_code)
        return found[0] if found else None

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


@dataclass(frozen=True)
class NewPerson:
    """A person the database does not know yet (by this name, in this country)."""

    name: str
    country_code: str | None
    country: Country | None


@dataclass(frozen=True)
class NewDelegation:
    """A country's delegation, which has no row yet."""

    country: Country


def person_plan(
    name: str | None, country_code: str | None, *, index: PeopleIndex
) -> Person | NewPerson | NewDelegation | None:
    """The known person, or the one to create. No name but a country: that
    country's delegation. None when neither is given."""
    country = index.country(country_code)
    if not name or not name.strip():
        if country is None:
            return None
        existing = (
            Person.objects.filter(kind=PersonKind.DELEGATION, country=country)
            .order_by("id")
            .first()
        )
        return existing or NewDelegation(country=country)
    name = name.strip()
    return index.find(name, country_code) or NewPerson(
        name=name, country_code=country_code, country=country
    )


@dataclass
class ClaimLink:
    """One extracted claim and what it is about. `inviter_name` is looked up
    again once the people to create exist (an inviter is never created)."""

    claim: object
    event_key: object
    invitee: Person | NewPerson | NewDelegation
    inviter: Person | None
    inviter_name: str | None


@dataclass
class Plan:
    """What an extraction names: the events (found, or to create, by the
    extractor's key), the claims that can be linked, and why the others cannot.
    `people` answers later look-ups, including the people created meanwhile."""

    events: dict = field(default_factory=dict)
    claims: list[ClaimLink] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    people: PeopleIndex | None = None


def plan(extraction, *, published: datetime.date) -> Plan:
    """Link an extraction to the database without writing anything."""
    result = Plan()
    for extracted in extraction.events:
        event = event_plan(extracted, published=published)
        if event is not None:
            result.events[extracted.key] = event
    result.people = PeopleIndex(
        [n for c in extraction.claims for n in (c.invitee, c.inviter)],
        [c.invitee_country for c in extraction.claims],
    )
    for claim in extraction.claims:
        if claim.event not in result.events:
            result.skipped.append(f"{claim.invitee}: event not identified")
            continue
        invitee = person_plan(claim.invitee, claim.invitee_country, index=result.people)
        if invitee is None:
            result.skipped.append(f"{claim.invitee}: invitee not identified")
            continue
        inviter_name = (claim.inviter or "").strip() or None
        result.claims.append(
            ClaimLink(
                claim=claim,
                event_key=claim.event,
                invitee=invitee,
                inviter=result.people.find(inviter_name, None) if inviter_name else None,
                inviter_name=inviter_name,
            )
        )
    return result


def knowledge_people() -> list[tuple[str, list[str], str | None, str]]:
    """The people the database knows, in the form Knowledge.with_people takes."""
    return [
        (p.name, list(p.aliases or []), p.country_id, p.role)
        for p in Person.objects.filter(kind=PersonKind.PERSON).only(
            "name", "aliases", "country", "role"
        )
    ]
