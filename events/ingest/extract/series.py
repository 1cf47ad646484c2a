"""Recurring events (G20, BRICS, Victory Day in Moscow, inaugurations, state funerals...) and
their editions, from the catalogue shipped as data (``data/series.json``).

A report says "the G20 summit", "the BRICS summit in Kazan", "COP29", "Trump's inauguration";
the catalogue turns that, with the report's published date, into one edition: its real first
day, its city and host country, and the name readers look it up by ("G20 summit 2024, Rio de
Janeiro").
"""

from __future__ import annotations

import datetime
import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
YEAR = re.compile(r"(?<![\w-])((?:19|20)\d\d)(?![\w-])")
ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b")
PAST_CUES = re.compile(
    r"\b(?:attended|was held|were held|took place|opened|closed|ended|wrapped up|gathered|"
    r"arrived|was sworn|were present|was present|watched|last year|joined)\b",
    re.I,
)
FUTURE_CUES = re.compile(
    r"\b(?:will|would|next|upcoming|to be held|is due|are due|plans?|expected|scheduled|"
    r"set to|ahead of)\b",
    re.I,
)
# compatible kinds for editions named after a person (a papal inauguration Mass is filed with
# the coronations; a report may call either a "ceremony")
# a report this far from every edition of a series is about one the catalogue does not list
MAX_REACH = 550
WHO_KINDS = {
    "inauguration": ("inauguration",),
    "coronation": ("coronation", "inauguration"),
    "funeral": ("funeral",),
}


def fold(text: str) -> str:
    """Lowercase without accents: "Erdoğan" and "Erdogan" compare equal."""
    if text.isascii():
        return text.lower()
    return _fold(text)


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@dataclass(frozen=True)
class Edition:
    series: str
    series_name: str
    kind: str
    year: int
    start: datetime.date | None
    end: datetime.date | None
    city: str | None
    country: str | None
    n: int | None
    places: tuple[str, ...]
    who: str | None
    keys: tuple[str, ...]

    def name(self, kind: str | None = None) -> str:
        if self.who:
            word = {"inauguration": "Inauguration", "coronation": "Coronation"}.get(
                kind or self.kind, (kind or self.kind).replace("_", " ").capitalize()
            )
            if self.kind == "funeral":
                word = "Funeral"
            base = f"{word} of {self.who} {self.year}"
        else:
            base = f"{self.series_name} {self.year}"
        return f"{base}, {self.city}" if self.city else base

    def _pivot(self) -> datetime.date:
        return self.start or datetime.date(self.year, 7, 1)

    def cost(self, published: datetime.date, past: bool | None) -> float:
        """How unlikely this edition is to be the one a report of ``published`` means."""
        start = self._pivot()
        end = self.end or start
        if start - datetime.timedelta(days=3) <= published <= end + datetime.timedelta(days=3):
            return 0.0
        if start > published:
            days = (start - published).days
            return days * (3 if past else 1)
        days = (published - end).days
        return days * (1 if past else 2.5)


class Catalogue:
    def __init__(self, rows: list[dict]):
        self.series: dict[str, list[Edition]] = {}
        self.series_kind: dict[str, str] = {}
        self.by_key: list[tuple[str, Edition]] = []
        alias_parts: list[str] = []
        self.alias_series: dict[str, str] = {}
        for row in rows:
            editions = []
            for e in row["editions"]:
                ed = Edition(
                    series=row["id"],
                    series_name=row["name"],
                    kind=row["kind"],
                    year=e["year"],
                    start=datetime.date.fromisoformat(e["start"]) if e.get("start") else None,
                    end=datetime.date.fromisoformat(e["end"]) if e.get("end") else None,
                    city=e.get("city"),
                    country=e.get("country"),
                    n=e.get("n"),
                    places=tuple(e.get("places") or ([e["city"]] if e.get("city") else [])),
                    who=e.get("who"),
                    keys=tuple(e.get("keys") or ()),
                )
                editions.append(ed)
                for key in ed.keys:
                    self.by_key.append((key, ed))
            self.series[row["id"]] = editions
            self.series_kind[row["id"]] = row["kind"]
            for alias in row["aliases"]:
                self.alias_series[fold(alias)] = row["id"]
                alias_parts.append(alias)
        # acronyms match in their case only ("COP", "SCO"), or capitalised as some outlets write
        # them ("Brics", "Nato", "Cop28"); phrases in any case
        for alias in list(alias_parts):
            if alias.isalpha() and alias.isupper() and len(alias) >= 3:
                self.alias_series.setdefault(
                    fold(alias.capitalize()), self.alias_series[fold(alias)]
                )
                alias_parts.append(alias.capitalize())
        alias_parts.sort(key=len, reverse=True)
        acronyms = [
            a
            for a in alias_parts
            if a.upper() == a or (a.isalpha() and a[1:].islower() and a.upper() in alias_parts)
        ]
        phrases = [a for a in alias_parts if a.upper() != a]
        self._acronyms = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in acronyms) + r")(?:[- ]?(\d{1,2}))?"
            r"(?![\w])"
        )
        self._phrases = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in phrases) + r")(?![\w])", re.I
        )
        # kind -> (folded place, edition) of the editions not named after a person
        self._places: dict[str, list[tuple[str, Edition]]] = {}
        for sid, editions in self.series.items():
            for e in editions:
                if e.who is None:
                    for place in e.places:
                        self._places.setdefault(self.series_kind[sid], []).append((fold(place), e))
        keys = sorted({k for k, _e in self.by_key}, key=len, reverse=True)
        self._keys = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])"
        )
        self._cache: dict[str, list] = {}
        self._key_editions: dict[str, list[Edition]] = {}
        for key, ed in self.by_key:
            self._key_editions.setdefault(key, []).append(ed)

    @classmethod
    def default(cls) -> Catalogue:
        return _default()

    # -- finding series in text ------------------------------------------------------------
    def mentions_in(
        self, text: str, lo: int = 0, hi: int | None = None
    ) -> list[tuple[int, int, str, int | None]]:
        """The mentions of ``text[lo:hi]``, found once per text (offsets into the slice)."""
        hi = len(text) if hi is None else hi
        found = self._mentions_cached(text)
        return [(a - lo, b - lo, sid, n) for a, b, sid, n in found if a >= lo and b <= hi]

    def _mentions_cached(self, text: str):
        cache = self._cache
        if text not in cache:
            if len(cache) > 512:
                cache.clear()
            cache[text] = self.mentions(text)
        return cache[text]

    def mentions(self, text: str) -> list[tuple[int, int, str, int | None]]:
        """(start, end, series id, ordinal or None) for each series name in ``text``."""
        out = []
        for m in self._acronyms.finditer(text):
            word = m.group(0)
            if m.group(1):
                word = word[: m.start(1) - m.start()].rstrip("- ")
            sid = self.alias_series.get(fold(word))
            if sid is None:
                continue
            number = int(m.group(1)) if m.group(1) else None
            if sid == "cop" and number is None:
                continue  # a bare "COP" is too often something else
            if sid in ("g20", "g7") and number is not None:
                continue
            out.append((m.start(), m.end(), sid, number))
        for m in self._phrases.finditer(text):
            sid = self.alias_series.get(fold(m.group(0)))
            if sid and not any(a <= m.start() < b for a, b, _s, _n in out):
                out.append((m.start(), m.end(), sid, None))
        out.sort()
        return out

    def by_place(
        self, kind: str, window: str, published: datetime.date, year: int | None = None
    ) -> Edition | None:
        """The one edition of a series of this kind held in a place the window names ("a
        military parade in Beijing", "the summit in Kazan"), near the published date or in the
        given year; None when no edition or more than one series fits."""
        folded = fold(window)
        found = {}
        for place, e in self._places.get(kind, ()):
            if place not in folded or not has_word(folded, place):
                continue
            if year is not None and e.year != year:
                continue
            if year is None and abs((e._pivot() - published).days) > MAX_REACH:
                continue
            best = found.get(e.series)
            if best is None or e.cost(published, None) < best.cost(published, None):
                found[e.series] = e
        return next(iter(found.values())) if len(found) == 1 else None

    def who_mentions(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in self._keys.finditer(text)]

    # -- choosing an edition ---------------------------------------------------------------
    def edition(
        self,
        series: str,
        published: datetime.date,
        context: str = "",
        *,
        number: int | None = None,
        year: int | None = None,
        past: bool | None = None,
    ) -> Edition | None:
        editions = self.series.get(series) or []
        if not editions:
            return None
        if number is not None:
            numbered = [e for e in editions if e.n == number]
            if numbered:
                return numbered[0]
        if year is not None:
            same = [e for e in editions if e.year == year]
            if same:
                editions = same
        folded = fold(context)
        placed = [e for e in editions if any(has_word(folded, fold(p)) for p in e.places)]
        if placed and len({e.city for e in editions}) > 1:
            editions = placed
        best = min(editions, key=lambda e: e.cost(published, past))
        if year is None and abs((best._pivot() - published).days) > MAX_REACH:
            return None  # the catalogue does not reach that far
        return best

    def who_edition(
        self, kind: str, key: str, published: datetime.date, past: bool | None = None
    ) -> Edition | None:
        kinds = WHO_KINDS.get(kind, (kind,))
        editions = [e for e in self._key_editions.get(key, ()) if e.kind in kinds]
        editions = [e for e in editions if e.cost(published, past) < 800]
        return min(editions, key=lambda e: e.cost(published, past)) if editions else None


def has_word(folded_text: str, folded_word: str) -> bool:
    i = folded_text.find(folded_word)
    while i >= 0:
        before = folded_text[i - 1] if i else " "
        j = i + len(folded_word)
        after = folded_text[j] if j < len(folded_text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = folded_text.find(folded_word, i + 1)
    return False


def tense(text: str) -> bool | None:
    """True when the text reads as about the past, False as about the future, else None."""
    past, future = bool(PAST_CUES.search(text)), bool(FUTURE_CUES.search(text))
    if past == future:
        return None
    return past


def years_near(text: str, start: int, end: int, reach: int = 40) -> list[int]:
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    return [int(y) for y in YEAR.findall(text[lo:hi])]


@functools.cache
def _default() -> Catalogue:
    with open(DATA / "series.json", encoding="utf-8") as handle:
        return Catalogue(json.load(handle)["series"])
