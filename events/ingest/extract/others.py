"""Other events a sentence refers to: a past edition ("last year's summit in Vilnius", "the 70th
anniversary parade in 2015", "last year's chief guest") or a different meeting ("the peace
summit at the Bürgenstock resort", "the funeral of Pope Francis on April 26"). Claims whose
context names such an event go to it instead of the report's main event."""

from __future__ import annotations

import datetime
import re

from .dates import find_dates
from .events import EventDraft, KindHits, cities_in, event_name, kind_of, named_after_city
from .knowledge import Knowledge

PAST_MARK = re.compile(
    r"\b(?:last year's|last year’s|previous|past|earlier)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
YEAR_AFTER = re.compile(r"^[^.,;]{0,30}?\bin (?P<year>(?:19|20)\d\d)\b")
EDITION = re.compile(
    r"\b(?:[Ll]ast year's|[Ll]ast year’s)\s+(?:chief guest|guest of honou?r)|"
    r"\b(?:chief guest|guest of honou?r)\s+in (?P<year>(?:19|20)\d\d)\b"
)


class OtherEvents:
    def __init__(
        self,
        main: EventDraft,
        published: datetime.date,
        knowledge: Knowledge,
        kinds: KindHits | None = None,
    ):
        self.kinds = KindHits() if kinds is None else kinds
        self.main = main
        self.published = published
        self.k = knowledge
        self.events: dict[tuple, EventDraft] = {}

    def refs(self, sentence: str) -> list[tuple[int, int, EventDraft]]:
        """(start, end, event) for each other-event phrase in the sentence."""
        out = []
        hits = self.kinds[sentence]
        for i, m in enumerate(hits):
            if i + 1 < len(hits) and hits[i + 1].start() - m.end() < 25:
                continue  # "the 70th anniversary parade": the last kind word is the head
            draft = self._phrase(sentence, m)
            if draft is not None:
                out.append((m.start(), m.end(), draft))
        for m in EDITION.finditer(sentence) if "guest" in sentence else ():
            year = m.group("year") or str(self.published.year - 1)
            if self.main.start_date and year == str(self.main.start_date.year):
                continue
            out.append((m.start(), m.end(), self._edition(year)))
        return out

    def _phrase(self, sentence: str, m: re.Match) -> EventDraft | None:
        hit = kind_of(m.group(0))
        if hit is None:
            return None
        kind = hit[0]
        after = sentence[m.end() : m.end() + 70]
        year = YEAR_AFTER.match(after)
        past = PAST_MARK.search(sentence, 0, m.start())
        cities = [
            c
            for c in cities_in(after, self.k)
            if re.match(
                r"^[^.,;]{0,25}?\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", after[: c[0]]
            )
        ]
        city = cities[0] if cities else None
        other_city = city and self.main.city and city[1] != self.main.city
        other_year = (
            year and self.main.start_date and int(year.group("year")) != self.main.start_date.year
        )
        dates = [d for d in find_dates(after[:30], self.published) if d[2] == "absolute"]
        other_date = dates and self.main.start_date and dates[0][1] != self.main.start_date
        if not (past or other_city or other_year or other_date):
            return None
        if kind != self.main.kind and not (other_city or other_date or other_year or past):
            return None
        name = event_name(sentence, m)
        key = (kind, city[1] if city else None, year.group("year") if year else None, name)
        if key not in self.events:
            draft = EventDraft(key=f"e{len(self.events) + 2}", name=name, kind=kind)
            if city:
                draft.city, draft.country = city[1], city[2]
                draft.name = named_after_city(draft.name, draft.city)
            elif kind == self.main.kind:
                draft.city, draft.country = self.main.city, self.main.country
            if dates:
                draft.start_date = dates[0][1]
            self.events[key] = draft
        return self.events[key]

    def _edition(self, year: str) -> EventDraft:
        key = (self.main.kind, self.main.city, year, "edition")
        if key not in self.events:
            self.events[key] = EventDraft(
                key=f"e{len(self.events) + 2}",
                name=f"{self.main.name} {year}",
                kind=self.main.kind,
                city=self.main.city,
                country=self.main.country,
            )
        return self.events[key]
