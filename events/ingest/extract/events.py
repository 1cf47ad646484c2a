"""Finding the events a report talks about: kind, name, city, host country and start date."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .cues import AT_WORD
from .dates import find_dates
from .knowledge import Knowledge
from .series import Catalogue, fold, has_word, tense, years_near

# Order matters: the first kind whose pattern matches a phrase wins.
KIND_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("funeral", re.compile(r"\b(?:state )?funeral\b", re.I)),
    ("coronation", re.compile(r"\bcoronation\b", re.I)),
    (
        "inauguration",
        re.compile(
            r"\b(?:inauguration|inaugural (?:ceremony|[Mm]ass)|inaugurated|swearing-in|sworn in|oath of office|"
            r"take the oath|took the oath|taking the oath|handover)\b",
            re.I,
        ),
    ),
    ("parade", re.compile(r"\b(?:military )?parade\b", re.I)),
    ("state_visit", re.compile(r"\bstate visit\b", re.I)),
    (
        "summit",
        re.compile(
            r"\b(?:summit|leaders' meetings?|leaders’ meetings?|leaders meeting|"
            r"APEC week|Economic Leaders)\b",
            re.I,
        ),
    ),
    ("conference", re.compile(r"\b(?:forum|conference|congress|meeting of)\b", re.I)),
    (
        "ceremony",
        re.compile(
            r"\b(?:ceremony|commemorations?|reopening|jubilee|memorial service|anniversary|"
            r"royal wedding|wedding)\b",
            re.I,
        ),
    ),
]
KIND_ANY = re.compile(AT_WORD + "(?:" + "|".join(p.pattern for _k, p in KIND_PATTERNS) + ")", re.I)
# Every kind phrase contains one of these (lowercase): a cheap test before the regex.
KIND_HINTS = (
    "funeral", "coronation", "inaugura", "swearing-in", "sworn in", "oath", "handover", "parade",
    "state visit", "summit", "leaders", "apec", "forum", "conference", "congress", "meeting of",
    "ceremon", "commemoration", "reopening", "jubilee", "memorial service", "anniversary",
    "wedding",
)  # fmt: skip


class KindHits(dict):
    """One report's cache: sentence -> its kind phrases (``KIND_ANY.finditer``), found once
    and shared by the main-event scan, the date and the other-event references."""

    def __missing__(self, sentence: str) -> list[re.Match]:
        hits = list(KIND_ANY.finditer(sentence)) if may_name_event(sentence) else []
        self[sentence] = hits
        return hits


def may_name_event(sentence: str) -> bool:
    low = sentence.lower()
    for hint in KIND_HINTS:  # noqa: SIM110  (cheaper than any() over a generator)
        if hint in low:
            return True
    return False


# Capitalised words (and a few joiners) before a kind word make up the event's name.
NAME_BEFORE = re.compile(
    r"((?:(?:the|The)\s+)?(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|[A-Z0-9][\w'’.-]*)"
    r"(?:\s+(?:and|of|for|on|in|de)\s+[A-Z][\w'’.-]*)*\s+)*)$"
)
NAME_AFTER = re.compile(
    r"^((?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)"
)
# "Saint-Laurent-sur-Mer", "Rio de Janeiro", "Mar del Plata"
SWORN = re.compile(r"\s*\b(?:sworn in|took the oath|take the oath|taking the oath|inaugurated)$")
SUBJECT_BEFORE = re.compile(
    r"([A-Z][\w'’-]*(?:\s+(?:(?:da|de|do|dos|del|van|von|bin|al|el)\s+)?[A-Z][\w'’-]*){0,4})\s+"
    r"(?:was|is|will be|has been|were)\s+"
    r"(?:formally\s+|officially\s+)?$"
)
DATE_TAIL = re.compile(
    r"\s+(?:on|of|for)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)\b.*$"
)
CAPSEQ = re.compile(
    r"[A-ZÀ-Þ][\w'’.-]*(?:[ -](?:(?:de|sur|la|le|am|an|el|del|da|do|dos)[ -])?[A-ZÀ-Þ][\w'’.-]*)*"
)
PAST_EDITION = re.compile(
    r"\b(?:last year's|previous|first|earlier|past|in (?:19|20)\d\d|was held)\b", re.I
)
CLOSING = re.compile(
    r"\b(?:wrapped up|drew to a close|closed|ended|ends|wraps up|concluded)\b", re.I
)
N_DAYS = re.compile(r"\b(two|three|four|five|2|3|4|5)[- ]days?\b", re.I)
SOURCE_CITY = re.compile(r"[\w' .-]+?,? (?:said|says|told|confirmed|announced)\b")
CITY_STOPWORDS = {
    *calendar.month_name[1:],
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Kim",
    "Lee",
    "Mercy",
    "Hope",
    "Victory",
    "Union",
    "Summit",
    "Westminster",
    "Elizabeth",
    "Victoria",
    "Mercedes",
    "Of",
    "Independence",
    "Progress",
    "Liberty",
    "Concord",
    "Unity",
    "Asia",
    "Europe",
    "Africa",
    "America",
}
PAST_VERBS = re.compile(
    r"\b(?:opened|closed|ended|wrapped up|was sworn|were sworn|took place|was held|began|"
    r"reopened|gathered|filled|attended|drew to a close|sat down|took the oath)\b",
    re.I,
)
OTHER_ACTION = re.compile(r"\b(?:ahead of|before)\b")
OPENS_ON = re.compile(
    r"\b(?:opens|begins|starts|will open|will begin|will start|gets under way|kicks off|is held|"
    r"will be held|takes place|will take place|meet|will meet|gather|will gather|convene|"
    r"will convene)\s+(?:on\s+)?(?=[A-Z0-9])"
)
TRAVEL_BEFORE = re.compile(
    r"\b(?:arrived|arriving|landed|landing|flew|flying|travell?ed|left|departed)\b[^.;,]{0,30}"
    r"(?:\bon\s*)?$"
)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


@dataclass
class EventDraft:
    key: str
    name: str
    kind: str
    start_date: datetime.date | None = None
    city: str | None = None
    country: str | None = None
    honoree: str | None = None
    date_precision: str | None = None  # "day", "month" or "year"; None when no date at all
    end_date: datetime.date | None = None
    period: str | None = None  # "2029" or "2029-05" when only the year or month is known
    series: str | None = None
    edition: int | None = None
    known_start: datetime.date | None = None  # the catalogue's day, even when not output

    def apply_edition(self, edition, *, keep_date: bool = False) -> None:
        """Name, place and dates from a catalogue edition. ``keep_date``: the text gave no day
        for an edition mentioned in passing: the year only."""
        self.series, self.edition = edition.series, edition.year
        self.known_start = edition.start
        self.name = edition.name(self.kind)
        if edition.who:
            self.honoree = edition.who
        if edition.city:
            self.city = edition.city
        if edition.country:
            self.country = edition.country
        if edition.start and not keep_date:
            self.start_date, self.end_date = edition.start, edition.end
            self.date_precision, self.period = "day", None
        elif self.start_date is None:
            self.date_precision, self.period = "year", str(edition.year)


def kind_of(phrase: str) -> tuple[str, re.Match] | None:
    best = None
    for kind, pattern in KIND_PATTERNS:
        m = pattern.search(phrase)
        if m and (best is None or m.start() < best[1].start()):
            best = (kind, m)
    return best


def event_name(sentence: str, m: re.Match) -> str:
    before = NAME_BEFORE.search(sentence[max(0, m.start() - 200) : m.start()])
    after = NAME_AFTER.match(sentence[m.end() :])
    name = (before.group(1) if before else "") + m.group(0) + (after.group(1) if after else "")
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    name = DATE_TAIL.sub("", name)  # "G20 summit on Saturday": the date is no part of the name
    name = re.sub(r"\s+(?:of|for|on|and)$", "", name)  # "Meeting of" + something unnamed
    verb = SWORN.search(name)
    if verb:  # "Milei sworn in" -> "Inauguration of Milei"
        who = name[: verb.start()].strip()
        subject = (
            None if who else SUBJECT_BEFORE.search(sentence, max(0, m.start() - 80), m.start())
        )
        who = subject.group(1) if subject else who  # "Javier Milei was sworn in"
        name = f"Inauguration of {who}" if who else "Inauguration"
    return name[:1].upper() + name[1:]


def named_after_city(name: str, city: str | None) -> str:
    """A bare kind word ("Summit", "Ceremony") takes the city: "Rio de Janeiro summit"."""
    if city and " " not in name.strip():
        return f"{city} {name.lower()}"
    return name


def cities_in(sentence: str, knowledge: Knowledge) -> list[tuple[int, str, str]]:
    found = []
    for m in CAPSEQ.finditer(sentence):
        words = m.group(0).split(" ")
        # try the longest sub-sequence first so that "New Delhi" beats "Delhi"
        for size in range(min(len(words), 4), 0, -1):
            for start in range(0, len(words) - size + 1):
                name = " ".join(words[start : start + size]).rstrip(".'’")
                if name.endswith(("'s", "’s")):
                    name = name[:-2]
                city = knowledge.city(name)
                if city and knowledge.country_names.get(name) in (None, city[1]):
                    offset = m.start() + len(" ".join(words[:start])) + (1 if start else 0)
                    found.append((offset, city[0], city[1]))
                    break
            else:
                continue
            break
    return found


def _city_distance(offset: int, hit: re.Match) -> int:
    # "the New Delhi summit" beats "summit ... Hong Kong": names before the event word bind
    # tighter than names after it.
    if offset < hit.start():
        return hit.start() - offset
    return (offset - hit.end()) * 3 + 20


def find_main_event(
    title: str,
    sentences: list[str],
    published: datetime.date,
    dateline_city: str | None,
    knowledge: Knowledge,
    kinds: KindHits | None = None,
) -> EventDraft | None:
    """The event the report is about: the first event phrase in the title, else in the text."""
    kinds = KindHits() if kinds is None else kinds
    candidates = [title] + sentences
    chosen = None
    for idx, sentence in enumerate(candidates):
        hit = kind_of(sentence) if kinds[sentence] else None
        if hit and not (idx > 0 and PAST_EDITION.search(sentence[: hit[1].start()][-40:])):
            chosen = (idx, hit)
            break
    if chosen is None:
        return _series_only(title, sentences, published)
    idx, (kind, m) = chosen
    source = candidates[idx]
    name = event_name(source, m)
    # Prefer a full name from the text when the title only has a bare kind word.
    pattern = dict(KIND_PATTERNS)[kind]
    mentioning = [i for i, s in enumerate(sentences) if kinds[s] and pattern.search(s)]
    for i in mentioning[:3]:
        cand = event_name(sentences[i], pattern.search(sentences[i]))
        if len(cand) > len(name):
            name = cand
            break
    draft = EventDraft(key="e1", name=name, kind=kind)

    # City: nearest to the event phrase in the title or the event sentences, else the dateline.
    city = None
    texts = ([title] if kind_of(title) else []) + [sentences[i] for i in mentioning]
    for text in texts:
        hit = pattern.search(text)
        people = [(m.start(), m.end()) for m in knowledge.people_re.finditer(text)]
        found = [
            c
            for c in cities_in(text, knowledge)
            if not text.startswith(" Day", c[0] + len(c[1]))  # "Republic Day parade"
            and not SOURCE_CITY.match(text[c[0] :])
            and c[1] not in CITY_STOPWORDS
            and not any(a <= c[0] < b for a, b in people)  # "Vladimir" in "Vladimir Putin"
        ]
        if found and hit:
            city = min(found, key=lambda c: _city_distance(c[0], hit))
            break
    text_city = city[1] if city and _attached(source, m, city[1]) else None
    loose_country = city[2] if city else None
    if city is None and dateline_city and knowledge.city(dateline_city):
        c = knowledge.city(dateline_city)
        city = (0, c[0], c[1])
    if city:
        draft.city, draft.country = city[1], city[2]
        draft.name = named_after_city(draft.name, draft.city)

    draft.start_date = _event_date(title, sentences, mentioning, published, kinds)
    if draft.start_date is not None:
        draft.date_precision = "day"
    contexts = [(source, m.start(), m.end())]
    if idx != 0 and title:
        contexts.append((title, 0, len(title)))
    contexts += [(sentences[i], 0, len(sentences[i])) for i in mentioning[:3]]
    # a series named anywhere in the opening ("the 26th Commonwealth Heads of Government Meeting")
    contexts += [(s, 0, len(s)) for s in sentences[:3] if s is not source]
    past = tense(" ".join([title] + sentences[:3]))
    where = {"city": text_city, "country": loose_country}
    edition = find_edition(kind, contexts, published, past, **where)
    if edition is None and title:
        # the headline names a recurring event the first event phrase does not ("... not
        # coming to Moscow for Victory Day celebrations")
        for a, b, sid, _n in Catalogue.default().mentions(title):
            series_kind = Catalogue.default().series_kind[sid]
            edition = find_edition(series_kind, [(title, a, b)], published, past, **where)
            if edition is not None:
                draft.kind = series_kind
                break
    if edition is not None:
        draft.apply_edition(edition)
    elif draft.start_date is None:
        _rough_date(draft, [source] + [sentences[i] for i in mentioning[:3]], published)
    return draft


SERIES_REACH = 80
MONTH_YEAR = re.compile(
    r"\b(?:in|on|for|by|this|next|early|late|mid-)\s+(?:(?P<month>January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\s+)?(?P<year>(?:19|20)\d\d)\b|"
    r"\b(?P<rel>next|this|last) (?P<unit>month|year)\b|"
    r"\b(?:in|this|next|early|late|mid-)\s*(?P<month2>January|February|March|April|June|July|August|"
    r"September|October|November|December)\b"
)
MONTH_NAMES = list(calendar.month_name[1:])


def _rough_date(draft: EventDraft, texts: list[str], published: datetime.date) -> None:
    """A year or a month the text gives for an event without a day: a precision, never a
    made-up first day."""
    for text in texts:
        m = MONTH_YEAR.search(text)
        if not m:
            continue
        if m.group("year"):
            if m.group("month"):
                month = MONTH_NAMES.index(m.group("month")) + 1
                draft.period, draft.date_precision = f"{m.group('year')}-{month:02d}", "month"
            else:
                draft.period, draft.date_precision = m.group("year"), "year"
        elif m.group("unit"):
            step = {"next": 1, "this": 0, "last": -1}[m.group("rel")]
            if m.group("unit") == "year":
                draft.period, draft.date_precision = str(published.year + step), "year"
            else:
                month = published.month - 1 + step
                year = published.year + month // 12
                draft.period = f"{year}-{month % 12 + 1:02d}"
                draft.date_precision = "month"
        else:
            month = MONTH_NAMES.index(m.group("month2")) + 1
            year = published.year + (1 if month < published.month - 1 else 0)
            draft.period, draft.date_precision = f"{year}-{month:02d}", "month"
        return


def find_edition(
    kind: str,
    contexts: list[tuple[str, int, int]],
    published: datetime.date,
    past: bool | None,
    catalogue: Catalogue | None = None,
    city: str | None = None,
    country: str | None = None,
):
    """The catalogue edition an event phrase names: a series name near the phrase ("the G20
    summit", "COP29", "Victory Day"), or the person an inauguration, coronation or funeral is
    for ("Trump's inauguration"). ``contexts``: (text, start, end) of the event phrase."""
    catalogue = catalogue or Catalogue.default()
    kinds = {kind, "summit", "conference"} if kind in ("summit", "conference") else {kind}
    for text, start, end in contexts:
        lo, hi = max(0, start - SERIES_REACH), end + SERIES_REACH
        window = text[lo:hi]
        for a, b, sid, number in catalogue.mentions_in(text, lo, hi):
            if catalogue.series_kind[sid] not in kinds:
                continue
            years = years_near(window, a, b)
            edition = catalogue.edition(
                sid,
                published,
                text,
                number=number,
                year=years[0] if years else None,
                past=past,
            )
            if edition is None:
                continue
            folded = fold(window)
            placed = any(has_word(folded, fold(p)) for p in edition.places)
            if placed or not _elsewhere(catalogue, sid, city, country):
                return edition
        if kind in ("inauguration", "coronation", "funeral"):
            keys = catalogue.who_mentions(window)
            # the name nearest the event phrase: "Biden's inauguration", "funeral of Abe"
            keys.sort(key=lambda k: min(abs(k[0] + lo - start), abs(k[1] + lo - end)))
            for _a, _b, key in keys:
                edition = catalogue.who_edition(kind, key, published, past)
                if edition is not None:
                    return edition
    return None


def _attached(sentence: str, hit: re.Match, city: str) -> bool:
    """Whether the sentence puts the event phrase in that city: "the summit in Oslo",
    "the Oslo summit", "the summit, held in Oslo"."""
    before = sentence.rfind(city, max(0, hit.start() - 40), hit.start())
    if before >= 0:
        return True
    after = sentence.find(city, hit.end(), hit.end() + 60)
    return after >= 0 and bool(
        re.search(r"\b(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", sentence[hit.end() : after])
    )


def _elsewhere(
    catalogue: Catalogue, series: str, city: str | None, country: str | None = None
) -> bool:
    """The text puts the event in a city where the series never met (the text wins), or names
    a place in another country for a series always held in one country (a "Victory Day" parade
    in Pyongyang is not Moscow's)."""
    editions = catalogue.series[series]
    if city:
        folded = fold(city)
        return not any(fold(place) == folded for e in editions for place in e.places)
    countries = {e.country for e in editions}
    return bool(country) and len(countries) == 1 and country not in countries


def _series_only(title: str, sentences: list[str], published: datetime.date) -> EventDraft | None:
    """A report naming a recurring event without a kind word ("Xi to skip G20")."""
    catalogue = Catalogue.default()
    for text in [title, *sentences[:3]]:
        for a, b, sid, _number in catalogue.mentions(text):
            kind = catalogue.series_kind[sid]
            edition = find_edition(kind, [(text, a, b)], published, tense(text), catalogue)
            if edition is not None:
                draft = EventDraft(key="e1", name=edition.name(), kind=kind)
                draft.apply_edition(edition)
                return draft
    return None


def _event_date(
    title: str,
    sentences: list[str],
    mentioning: list[int],
    published: datetime.date,
    kinds: KindHits,
) -> datetime.date | None:
    absolute = None
    weekday = None
    for i in mentioning[:6]:
        sentence = sentences[i]
        hits = kinds[sentence]
        hit = hits[0] if hits else None
        future = not PAST_VERBS.search(sentence)
        dates = find_dates(sentence, published, future=future)
        if hits:  # the date nearest any of the sentence's event phrases
            near = [(min(abs(d[0] - h.start()) for h in hits), d) for d in dates]
            dates = [d for gap, d in sorted(near, key=lambda x: x[0]) if gap < 80]
        for offset, date, how in dates:
            if abs(date.year - published.year) > 1:
                continue
            if TRAVEL_BEFORE.search(sentence, max(0, offset - 40), offset):
                continue  # "arrived in Jeddah on Thursday for the summit": the journey's day
            if hit and offset < hit.start() and OTHER_ACTION.search(sentence, offset, hit.start()):
                continue
            if how == "absolute" and absolute is None:
                absolute = date
            elif how == "weekday" and weekday is None:
                # the event phrase must be near the weekday, not a "said on Monday"
                near = sentence[max(0, offset - 12) : offset]
                if re.search(r"\b(?:said|says|told|announced|confirmed|reported)\s*$", near):
                    continue
                days = N_DAYS.search(sentence)
                if CLOSING.search(sentence) and days:
                    date = date - datetime.timedelta(days=NUMBERS[days.group(1).lower()] - 1)
                weekday = date
        if absolute:
            break
    if absolute is None and weekday is None:
        for sentence in sentences[:8]:  # "the meeting ..., which opens on Tuesday"
            m = OPENS_ON.search(sentence)
            if m:
                dates = [d for d in find_dates(sentence[m.end() :], published, future=True)]
                if dates and dates[0][0] == 0:
                    return dates[0][1]
    if absolute is None:
        for _offset, date, how in find_dates(title, published):
            if how == "weekday":
                weekday = weekday or date
    return absolute or weekday
