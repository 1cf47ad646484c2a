"""Link what the extractor found to existing rows, or create new ones marked for review.

An event is the same when it is of the same kind, starts within 3 days and has
the same host country or city, or when its title is close. A person is the same
when the name or one of their aliases matches.
"""

from __future__ import annotations

import datetime
import difflib
import re

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


def event_for(extracted, *, published: datetime.date) -> tuple[Event | None, bool]:
    """(event, created). None when the event cannot be pinned to a host country."""
    found = find_event(extracted)
    if found:
        return found, False
    country = Country.objects.filter(code=(extracted.country or "").upper()).first()
    if country is None:
        return None, False
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


def find_person(name: str, country_code: str | None = None) -> Person | None:
    name = (name or "").strip()
    if not name:
        return None
    people = Person.objects.filter(name__iexact=name)
    if country_code:
        people = people.filter(Q(country_id=country_code.upper()) | Q(country__isnull=True))
    match = people.order_by("id").first()
    if match:
        return match
    lowered = name.lower()
    # Aliases live in a JSON list; a text match narrows, the exact check decides.
    for person in Person.objects.filter(aliases__icontains=name).order_by("id")[:50]:
        if any(lowered == str(a).strip().lower() for a in person.aliases or []):
            return person
    return None


def person_for(
    name: str | None, country_code: str | None, *, create: bool = True
) -> tuple[Person | None, bool]:
    """(person, created). No name but a country: that country's delegation."""
    country = (
        Country.objects.filter(code=(country_code or "").upper()).first() if country_code else None
    )
    if not name:
        if country is None:
            return None, False
        return services.delegation_for_country(country=country, kind=PersonKind.DELEGATION), False
    found = find_person(name, country_code)
    if found or not create:
        return found, False
    return services.person_create(name=name[:200], country=country, needs_review=True), True


def knowledge_people() -> list[tuple[str, list[str], str | None, str]]:
    """The people the database knows, in the form Knowledge.with_people takes."""
    return [
        (p.name, list(p.aliases or []), p.country_id, p.role)
        for p in Person.objects.filter(kind=PersonKind.PERSON).only(
            "name", "aliases", "country", "role"
        )
    ]
