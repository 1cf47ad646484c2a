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
from .series import Catalogue, fold, tense

PAST_MARK = re.compile(
    r"\b(?:last year's|last year’s|previous|past|earlier)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
YEAR_AFTER = re.compile(r"^[^.,;]{0,30}?\bin (?P<year>(?:19|20)\d\d)\b")
YEAR_BEFORE = re.compile(r"\b(?P<year>(?:19|20)\d\d)(?:['’]s)?\s+(?:[\w'’-]+\s+){0,4}$")
OPENING_YEAR = re.compile(
    r"^(?:Back |Earlier, |And )?(?:[Ii]n|[Dd]uring) (?P<year>(?:19|20)\d\d),? "
)
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
        edition = self.sentence_edition(sentence) if "20" in sentence[:12] else None
        if edition is not None and not out:
            out.append((-1, -1, edition))  # the whole sentence
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
        year = YEAR_AFTER.match(after) or YEAR_BEFORE.search(
            sentence, max(0, m.start() - 50), m.start()
        )
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
        edition = self._catalogued(sentence, m, kind, year, city, past)
        if edition is not None and (edition.series, edition.year) == (
            self.main.series,
            self.main.edition,
        ):
            return None  # the report's own event under another phrase
        if edition is None and not (past or other_city or other_year or other_date):
            return None
        if edition is not None:
            key = (edition.series, edition.year, edition.start)
        else:
            name = event_name(sentence, m)
            key = (kind, city[1] if city else None, year.group("year") if year else None, name)
        if key not in self.events:
            if edition is not None:
                draft = EventDraft(key=f"e{len(self.events) + 2}", name=edition.name(), kind=kind)
                if dates:
                    draft.start_date, draft.date_precision = dates[0][1], "day"
                draft.apply_edition(edition, keep_date=not self._dated(edition, sentence))
            else:
                draft = EventDraft(key=f"e{len(self.events) + 2}", name=name, kind=kind)
                if city:
                    draft.city, draft.country = city[1], city[2]
                    draft.name = named_after_city(draft.name, draft.city)
                elif kind == self.main.kind:
                    draft.city, draft.country = self.main.city, self.main.country
                if dates:
                    draft.start_date, draft.date_precision = dates[0][1], "day"
                elif year:
                    draft.date_precision, draft.period = "year", year.group("year")
            self.events[key] = draft
        return self.events[key]

    def _catalogued(self, sentence, m, kind, year, city, past):
        """The catalogue edition an other-event phrase names: a series or honoree near it, else
        the main event's series in that year ("last year's summit", "the 2015 parade")."""
        year_value = int(year.group("year")) if year else None
        if (
            year_value is None
            and PAST_MARK.search(sentence, 0, m.start())
            and re.search(r"last year", sentence[max(0, m.start() - 40) : m.start()], re.I)
        ):
            year_value = self.published.year - 1
        catalogue = Catalogue.default()
        lo, hi = max(0, m.start() - 80), m.end() + 80
        window = sentence[lo:hi]
        for _a, _b, sid, number in catalogue.mentions_in(sentence, lo, hi):
            if catalogue.series_kind[sid] != kind and {catalogue.series_kind[sid], kind} - {
                "summit",
                "conference",
            }:
                continue
            edition = catalogue.edition(
                sid, self.published, window, number=number, year=year_value, past=tense(sentence)
            )
            if edition is not None and (year_value is None or edition.year == year_value):
                if city and fold(city[1]) not in {fold(p) for p in edition.places}:
                    continue  # "a meeting of BRICS ministers in Cape Town": not the summit
                return edition
        edition = catalogue.by_place(kind, window, self.published, year_value)
        if (
            edition is not None
            and (not city or fold(city[1]) in {fold(p) for p in edition.places})
            and (year_value is not None or kind != self.main.kind)
        ):
            return edition
        if self.main.series and kind == self.main.kind and year_value is not None:
            edition = catalogue.edition(self.main.series, self.published, year=year_value)
            if edition is not None and edition.year == year_value:
                return edition
        return None

    def _dated(self, edition, sentence: str) -> bool:
        """Whether the sentence gives a day of the edition ("in Jakarta on Tuesday"): then the
        edition keeps its first day; an edition named without a day keeps only its year."""
        if edition.start is None:
            return False
        end = edition.end or edition.start
        return any(
            edition.start - datetime.timedelta(days=1) <= d <= end + datetime.timedelta(days=1)
            for _o, d, _how in find_dates(sentence, self.published)
        )

    def _edition(self, year: str) -> EventDraft:
        if self.main.series:
            edition = Catalogue.default().edition(self.main.series, self.published, year=int(year))
            if edition is not None and edition.year == int(year):
                key = (edition.series, edition.year, edition.start)
                if key not in self.events:
                    draft = EventDraft(
                        key=f"e{len(self.events) + 2}", name=edition.name(), kind=self.main.kind
                    )
                    draft.apply_edition(edition, keep_date=True)
                    self.events[key] = draft
                return self.events[key]
        key = (self.main.kind, self.main.city, year, "edition")
        if key not in self.events:
            self.events[key] = EventDraft(
                key=f"e{len(self.events) + 2}",
                name=f"{self.main.name} {year}",
                kind=self.main.kind,
                city=self.main.city,
                country=self.main.country,
                date_precision="year",
                period=year,
            )
        return self.events[key]

    def sentence_edition(self, sentence: str) -> EventDraft | None:
        """A sentence opening on an earlier year ("In 2023, the leaders of A and B attended")
        speaks of that year's edition of the report's event."""
        m = OPENING_YEAR.match(sentence)
        if not m or not self.main.start_date:
            return None
        year = int(m.group("year"))
        if year >= self.main.start_date.year:
            return None
        return self._edition(str(year))
