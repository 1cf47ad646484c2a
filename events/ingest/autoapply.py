"""Which extracted claims the pipeline may apply without an editor's review.

Pure Python over the claim, its evidence sentence and the event it was linked to: no ORM, no
network. ``refusal()`` returns None when a claim may be applied at once, or the first reason it
may not (a short text the review queue shows to editors). ``is_host()`` says whether an invitee
hosts the event; the pipeline never records a host as an invitee.

The refusals are the shapes in which wrong facts reached readers: a negated or hedged sentence
("did not attend", "is expected to represent China, according to two diplomats"), a host as its
own guest, stand-in wording, a sentence about another event (another series, year or place), a
sentence that does not name the invitee, a denial, statuses whose extraction is not precise
enough, and a confidence below the floor (settings.DAIS_AUTO_APPLY_CONFIDENCE). The rule was
chosen on the real-news development set so that at least 97% of the claims it applies are right
(``python -m bench.autoapply`` measures it; docs/pipeline.md has the figures).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from events.ingest.extract.dates import find_dates
from events.ingest.extract.knowledge import Knowledge
from events.ingest.extract.series import Catalogue
from events.ingest.extract.text import split_sentences

# Statuses applied without review. "invited" claims are mostly list sentences whose event is
# easily the wrong one, and "denied" needs to know which report is denied: both wait for an editor.
AUTO_STATUSES = frozenset({"accepted", "declined", "attended"})

# Kinds whose title names the person sworn in, crowned or buried: that person is the host.
PERSONAL_KINDS = frozenset({"inauguration", "coronation", "funeral"})

# Offices that make a person their country's head of state or government.
HEAD_OF_STATE_OR_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:president|prime minister|premier|chancellor|king|queen|emperor|empress|"
    r"sultan|emir|amir|taoiseach|supreme leader|grand duke|prince of monaco|pope)\b",
    re.I,
)


@dataclass(frozen=True)
class Refusal:
    code: str  # one of REASONS, for counting
    text: str  # what editors read in the review queue

    def __str__(self) -> str:
        return self.text


REASONS = {  # in the order they are checked
    "host": "the invitee hosts the event",
    "status": "status never applied without review",
    "confidence": "confidence below the floor",
    "event": "the event's day or place is unknown",
    "unnamed": "the sentence does not name the invitee",
    "denial": "the sentence reports a denial",
    "negated": "negated sentence",
    "hedged": "hedged or second-hand wording",
    "stand-in": "stand-in wording",
    "other-event": "the sentence names another event",
    "wording": "no attendance wording for this status",
    "event-day": "the report does not state the event's day",
}


@dataclass(frozen=True)
class InviteeFacts:
    name: str | None  # None for a country's delegation
    country: str | None
    aliases: tuple[str, ...] = ()
    role: str = ""


@dataclass(frozen=True)
class EventFacts:
    name: str
    kind: str
    start_date: datetime.date | None
    city: str | None
    country: str | None
    date_precision: str | None = "day"
    end_date: datetime.date | None = None
    series: str | None = None
    hosts: tuple[str, ...] = ()  # names of the event's host, when known

    @classmethod
    def from_extracted(cls, event, hosts: Iterable[str] = ()) -> EventFacts:
        return cls(
            name=event.name or "",
            kind=event.kind,
            start_date=event.start_date,
            city=event.city,
            country=event.country,
            date_precision=event.date_precision,
            end_date=event.end_date,
            series=event.series,
            hosts=tuple(h for h in hosts if h),
        )

    @property
    def year(self) -> int | None:
        return self.start_date.year if self.start_date else None


def fold(text: str | None) -> str:
    """Lowercase without accents: "Erdoğan" and "Erdogan" compare equal."""
    text = unicodedata.normalize("NFKD", (text or "").replace("’", "'"))
    return text.encode("ascii", "ignore").decode().lower()


_TOKEN = re.compile(r"[a-z][a-z'-]+")
# words of a name that do not identify the person on their own
_NAME_FILLER = frozenset(
    [
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "sheikha",
        "emir",
        "sultan",
        "pope",
        "crown",
        "president",
        "prime",
        "minister",
        "bin",
        "bint",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "das",
        "dos",
        "del",
        "la",
        "le",
        "van",
        "von",
        "der",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "first",
    ]
)


def _name_words(name: str) -> set[str]:
    return {w for w in _TOKEN.findall(fold(name)) if len(w) >= 3 and w not in _NAME_FILLER}


def _has_phrase(folded_text: str, folded_phrase: str) -> bool:
    return bool(folded_phrase) and re.search(
        r"(?<![a-z0-9])" + re.escape(folded_phrase) + r"(?![a-z0-9])", folded_text
    )


def names_invitee(evidence: str, invitee: InviteeFacts, knowledge=None) -> bool:
    """The evidence names the invitee: their name, one of their aliases or a word of either
    (a surname); a country's delegation by the country's name or adjective."""
    folded = fold(evidence)
    if invitee.name:
        names = (invitee.name, *invitee.aliases)
        if any(_has_phrase(folded, fold(n).strip()) for n in names):
            return True
        words = set().union(*(_name_words(n) for n in names))
        return bool(words & set(_TOKEN.findall(folded)))
    if not invitee.country:
        return False
    return invitee.country.upper() in _countries_named(evidence, knowledge)


def _countries_named(text: str, knowledge) -> set[str]:
    if knowledge is None:
        return set()
    codes = set()
    for hit in knowledge.country_re.finditer(text):
        code = knowledge.country_of(hit.group(0))
        if code:
            codes.add(code)
    return codes


def is_head_of_state_or_government(role: str) -> bool:
    role = (role or "").strip()
    return (
        bool(role)
        and not re.match(r"(?i)(?:former|ex-|vice|deputy|acting)\b", role)
        and bool(HEAD_OF_STATE_OR_GOVERNMENT.match(role))
    )


def is_host(invitee: InviteeFacts, event: EventFacts) -> bool:
    """The invitee hosts the event: its named host, the person the event is for (sworn in,
    crowned, buried: named in its title), or the head of state or government of the host
    country (except at an inauguration, where the outgoing leaders are guests)."""
    if not invitee.name:
        return False
    mine = {fold(n).strip() for n in (invitee.name, *invitee.aliases) if n}
    if any(fold(h).strip() in mine for h in event.hosts):
        return True
    if event.kind in PERSONAL_KINDS or re.match(r"(?i)\w+ of ", event.name or ""):
        title = fold(event.name)
        # "Funeral of Queen Elizabeth II 2022, London": the part naming the person
        about = title.split(" of ", 1)[1] if " of " in title else ""
        about = about.split(",")[0]
        if about and any(_has_phrase(about, n) for n in mine):
            return True
        words = set().union(*(_name_words(n) for n in mine))
        about_words = _name_words(about)
        # a surname alone ("Biden") is enough when the title has a full name
        if about_words and words and len(words & about_words) >= min(2, len(about_words)):
            return True
    return (
        event.kind != "inauguration"
        and bool(invitee.country)
        and bool(event.country)
        and invitee.country.upper() == event.country.upper()
        and is_head_of_state_or_government(invitee.role)
    )


# --- the wording of the evidence ------------------------------------------------------------


def _cues(*phrases: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])", re.I)


NEGATION = _cues(
    r"not",
    r"\w+n[’']t",
    r"cannot",
    r"never",
    r"no",
    r"none",
    r"neither",
    r"nor",
    r"without",
    r"absent",
    r"absence",
    r"skip(?:s|ped|ping)?",
    r"miss(?:es|ed|ing)?",
    r"cancel(?:s|led|ed|ling|ing)?",
    r"pull(?:s|ed|ing)? out",
    r"withdr[ae]w\w*",
    r"stay(?:s|ed|ing)? away",
    r"decline[sd]?",
    r"declining",
    r"refus\w+",
    r"boycott\w*",
    r"video(?:[- ]?link| message| address| conference|conferenc\w+)?",
    r"virtual(?:ly)?",
    r"remotely",
    r"online",
)
# a refusal sentence may still be negated twice over ("did not decline", "will not skip")
DOUBLE_NEGATION = _cues(
    r"(?:not|n[’']t|never)\s+(?:\w+\s+){0,2}(?:skip|miss|decline|refuse|cancel|pull out|stay away)\w*"
)
DENIAL = _cues(
    r"den(?:y|ies|ied|ying|ial)s?",
    r"dismiss\w*",
    r"refut\w+",
    r"reject\w*",
    r"rebuff\w*",
    r"untrue",
    r"not true",
    r"false",
    r"fake",
    r"baseless",
    r"rumou?r\w*",
    r"speculation",
    r"cold water",
    r"no truth",
    r"no such",
    r"contradict\w*",
)
HEDGE = _cues(
    r"expect\w*",
    r"likely",
    r"unlikely",
    r"might",
    r"could",
    r"possibl[ye]",
    r"probabl[ye]",
    r"perhaps",
    r"reported(?:ly)?",
    r"reports?",
    r"reporting",
    r"according to",
    r"sources?",
    r"(?:diplomats|officials|people|insiders) (?:said|say|says|told|familiar|close|with)",
    r"(?:two|three|several|some|many|western|unnamed|anonymous) (?:\w+ )?(?:diplomats|officials)",
    r"(?:is|are|was|were) said to",
    r"(?:is|are|was|were) believed",
    r"believed",
    r"speculat\w+",
    r"rumou?r\w*",
    r"if",
    r"unless",
    r"whether",
    r"hope[sd]?",
    r"hoping",
    r"considering",
    r"consider(?:s|ed)?",
    r"mull\w*",
    r"weigh\w*",
    r"undecided",
    r"unconfirmed",
    r"uncertain",
    r"unclear",
    r"tentative\w*",
    r"asked",
    r"urged",
    r"apparently",
    r"appear\w*",
    r"seem\w*",
    r"suggest\w*",
    r"quoted",
    r"citing",
    r"cited",
    r"indicated",
    r"imply\w*|implied",
)
# "may" in lower case only: "May 9", "Theresa May"
MAY = re.compile(r"(?<![\w-])may(?![\w-])")
STAND_IN = _cues(
    r"represent\w*",
    r"on behalf of",
    r"in (?:his|her|their|its) (?:place|stead)",
    r"in place of",
    r"instead",
    r"rather than",
    r"stand(?:s|ing)? in",
    r"stood in",
    r"standing in",
    r"deputi[sz]\w*",
    r"led by",
    r"lead(?:s|ing)?",
    r"head(?:s|ed|ing)? (?:the|a|his|her|its)\b(?:\s+\w+)? delegation",
    r"delegations?",
    r"envoys?",
    r"sen(?:d|ds|ding|t)",
    r"dispatch\w*",
    r"accompan\w+",
)
_ATTEND = (
    r"attend\w*|come|coming|came|go|going|went|travel\w*|visit\w*|join\w*|take part|taking part|"
    r"took part|participat\w*|be (?:there|present|in|at|among)|make (?:the|a|it|his|her) \w*\s*trip|"
    r"make it|fly|flown|flew|lead\w*|head\w*|sit|sat|be (?:the |a )?(?:\w+ )?guests?|"
    r"(?:make|making|made) the (?:\w+ )?(?:journey|trip)"
)
# what each status needs the sentence to say, in so many words
STATUS_WORDING = {
    "accepted": _cues(
        r"will (?:\w+ )?(?:" + _ATTEND + r")",
        r"to (?:" + _ATTEND + r")",
        r"would (?:\w+ )?(?:" + _ATTEND + r"|be in attendance)",
        r"arriv\w+",
        r"(?:has|have|had) (?:\w+ )?(?:confirmed|accepted)",
        r"confirm(?:s|ed)? (?:his|her|their|its) (?:participation|attendance|presence)",
        r"accept(?:s|ed)? (?:an|the|his|her|their) invitation",
        r"guests?",
        r"due",
        r"chief guest",
        r"main guest",
    ),
    "attended": _cues(
        r"attended",
        r"in attendance",
        r"attending",
        r"guests?",
        r"dignitaries",
        r"included",
        r"including",
        r"hosted",
        r"brought together",
        r"sat",
        r"(?:was|were) in",
        r"(?:leaders|heads of \w+|dignitaries) at",
        r"(?:was|were) (?:also )?(?:present|there|among)",
        r"among (?:the|those)",
        r"took part",
        r"participated",
        r"joined",
        r"arrived",
        r"came",
        r"flew in",
        r"witnessed",
        r"watched",
        r"paid (?:his|her|their) (?:respects|tribute)",
        r"laid a wreath",
    ),
    "declined": _cues(
        r"(?:not|n[’']t|never|no longer)\s+(?:\w+\s+){0,4}(?:" + _ATTEND + r")",
        r"skip\w*",
        r"miss(?:es|ed|ing)?",
        r"declin\w+",
        r"absent",
        r"absence",
        r"cancel\w*",
        r"pull(?:s|ed|ing)? out",
        r"withdr[ae]w\w*",
        r"stay(?:s|ed|ing)? away",
        r"refus\w+",
        r"snub\w*",
        r"boycott\w*",
        r"no intention",
        r"stayed (?:in|at|home)",
        r"no plans?",
    ),
}
# words that name a past or another occasion than the one the claim is about
OTHER_OCCASION = _cues(
    r"last year[’']?s?",
    r"previous(?:ly)?",
    r"earlier (?:edition|summit|parade|meeting)",
    r"the following year",
    r"the year before",
    r"in the past",
    r"ago",
    r"again",
    r"since",
    r"both",
    r"all (?:the|of the)",
    r"every",
    r"each",
    r"once",
    r"twice",
    r"times",
    r"first time",
    r"pre-\w+",
    r"sidelines?",
    r"ahead of",
    r"anniversary events",
    r"(?:a |one |two |three |few |several )?(?:days?|weeks?|months?) (?:after|before)",
)
# words a place name is sometimes read from by mistake ("in March")
NOT_PLACES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
YEAR = re.compile(r"(?<![\w-])((?:19|20)\d\d)(?![\w-])")
KIND_WORDS = {
    "parade": _cues(r"parades?", r"march(?:es)?"),
    "summit": _cues(r"summits?", r"forum", r"conference", r"cop\d*", r"meeting", r"talks"),
    "inauguration": _cues(r"inaugura\w+", r"sworn", r"swearing[- ]in", r"oath[- ]taking", r"oath"),
    "funeral": _cues(r"funerals?", r"burial", r"memorial", r"mourn\w*", r"lying in state"),
    "coronation": _cues(r"coronation", r"crowned", r"crowning"),
    "wedding": _cues(r"wedding", r"marriage", r"married"),
}
KIND_FAMILY = {
    "parade": "parade",
    "summit": "summit",
    "conference": "summit",
    "inauguration": "inauguration",
    "funeral": "funeral",
    "coronation": "coronation",
}
PLACE_AFTER = re.compile(
    r"(?<![\w-])(?:in|to|at|into|for|visit(?:s|ed|ing)?|toward|towards)\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|de|del|da|do|of))*)"
)


def _first(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None


def _other_place(evidence: str, event: EventFacts, invitee: InviteeFacts, knowledge) -> str | None:
    """A place the sentence puts something in that is not the event's city or country, or
    another country's occasion ("North Korea's party anniversary")."""
    if knowledge is None or not event.country:
        return None
    own = {event.country.upper(), (invitee.country or "").upper()}
    for hit in knowledge.country_re.finditer(evidence):
        after = evidence[hit.end() : hit.end() + 4]
        if re.match(r"[’']s [a-z]", after):
            code = knowledge.country_of(hit.group(0))
            if code and code.upper() not in own:
                return hit.group(0) + after[:2]
    city = fold(event.city or "")
    for match in PLACE_AFTER.finditer(evidence):
        words = match.group(1).split()
        # the longest run of words that is a known place ("New Delhi", "Rio de Janeiro")
        for n in range(len(words), 0, -1):
            place = " ".join(words[:n]).rstrip(".,’'")
            if place.endswith(("’s", "'s")):
                place = place[:-2]
            country = knowledge.place_country(place)
            if country is None:
                continue
            if country.upper() != event.country.upper():
                return place
            known_city = knowledge.city(place)
            if (
                city
                and known_city
                and knowledge.country_of(place) is None
                and fold(place) != city
                and fold(place) not in city
                and city not in fold(place)
            ):
                return place  # another city of the host country
            break
    return None


def _other_event(
    evidence: str, event: EventFacts, invitee: InviteeFacts, knowledge, catalogue
) -> str | None:
    cue = _first(OTHER_OCCASION, evidence)
    if cue:
        return cue
    for year in YEAR.findall(evidence):
        if event.year is None or int(year) != event.year:
            return year
    if catalogue is not None:
        for _start, _end, series, _number in catalogue.mentions(evidence):
            if series != event.series:
                return series
    family = KIND_FAMILY.get(event.kind)
    if family is not None:
        named = {k for k, pattern in KIND_WORDS.items() if pattern.search(evidence)}
        if named and family not in named:
            return ", ".join(sorted(named))
    return _other_place(evidence, event, invitee, knowledge)


def stated_days(text: str, published: datetime.date) -> frozenset[datetime.date]:
    """The days a report states, resolved against its published date ("on Friday", "May 9")."""
    days = set()
    for sentence in split_sentences(text or ""):
        days.update(day for _offset, day, _kind in find_dates(sentence, published))
    return frozenset(days)


def refusal(
    *,
    status: str,
    confidence: float,
    evidence: str,
    invitee: InviteeFacts,
    event: EventFacts,
    floor: float,
    knowledge=None,
    catalogue=None,
    report_days: frozenset[datetime.date] | None = None,
) -> Refusal | None:
    """None when this claim may be applied without review, else why not.

    ``knowledge`` (the extractor's Knowledge) names countries and places in the evidence and
    ``catalogue`` (its series Catalogue) recurring events; without them those checks find
    nothing, so the pipeline and the bench pass both."""
    evidence = " ".join((evidence or "").split())

    def no(code: str, detail: str = "") -> Refusal:
        text = REASONS[code]
        return Refusal(code, f"{text}: {detail}" if detail else text)

    if is_host(invitee, event):
        return no("host")
    if status not in AUTO_STATUSES:
        return no("status", status)
    if confidence < floor:
        return no("confidence", f"{confidence:.2f} < {floor:.2f}")
    if (
        event.start_date is None
        or event.date_precision not in (None, "day")
        or not event.city
        or fold(event.city) in NOT_PLACES
    ):
        return no("event")
    if not evidence or not names_invitee(evidence, invitee, knowledge):
        return no("unnamed")
    cue = _first(DENIAL, evidence)
    if cue:
        return no("denial", f"“{cue}”")
    cue = _first(DOUBLE_NEGATION, evidence) if status == "declined" else _first(NEGATION, evidence)
    if cue:
        return no("negated", f"“{cue}”")
    cue = _first(HEDGE, evidence) or _first(MAY, evidence)
    if cue:
        return no("hedged", f"“{cue}”")
    cue = _first(STAND_IN, evidence)
    if cue:
        return no("stand-in", f"“{cue}”")
    cue = _other_event(evidence, event, invitee, knowledge, catalogue)
    if cue:
        return no("other-event", f"“{cue}”")
    wording = STATUS_WORDING.get(status)
    if wording is not None and not wording.search(evidence):
        return no("wording")
    if report_days is not None and not any(
        event.start_date <= day <= (event.end_date or event.start_date) for day in report_days
    ):
        return no("event-day")
    return None


# --- the pipeline's use ---------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    apply: bool  # approve at once
    host: bool  # the invitee hosts the event: record nothing
    note: str  # why it waits for review ("" when applied)


@dataclass(frozen=True)
class ReportContext:
    """What the rule needs from one report, worked out once for all its claims."""

    events: dict  # the extraction's events by key
    days: frozenset[datetime.date]
    floor: float
    knowledge: object
    catalogue: object

    @classmethod
    def of(cls, *, extraction, text: str, title: str, published: datetime.date, floor: float):
        return cls(
            events={e.key: e for e in extraction.events},
            days=stated_days(f"{title or ''}\n\n{text or ''}", published),
            floor=floor,
            knowledge=Knowledge.default(),
            catalogue=Catalogue.default(),
        )


NEW_EVENT_NOTE = "the event is new and awaits review"


def claim_verdict(claim, *, event, invitee, event_known: bool, context: ReportContext) -> Verdict:
    """Apply, keep for review (with the reason) or drop (a host) one extracted claim linked
    to ``event`` and ``invitee`` (an Event and a Person; only their loaded fields are read)."""
    extracted = context.events.get(claim.event)
    known_person = context.knowledge.by_alias.get(invitee.name)
    person = InviteeFacts(
        name=None if invitee.kind in ("delegation", "troops") else invitee.name,
        country=invitee.country_id or claim.invitee_country,
        aliases=tuple(invitee.aliases or ()) + (known_person.aliases if known_person else ()),
        role=invitee.role or (known_person.role if known_person else ""),
    )
    facts = EventFacts(
        name=event.title,
        kind=event.kind,
        start_date=event.start_date,
        end_date=event.end_date,
        city=event.city or None,
        country=event.country_id,
        date_precision=event.date_precision or "day",
        series=extracted.series if extracted else None,
    )
    if (
        (event.host_id is not None and event.host_id == invitee.pk)
        or is_host(person, facts)
        or (extracted is not None and is_host(person, EventFacts.from_extracted(extracted)))
    ):
        return Verdict(apply=False, host=True, note=REASONS["host"])
    why = refusal(
        status=claim.status,
        confidence=float(claim.confidence),
        evidence=claim.evidence,
        invitee=person,
        event=facts,
        floor=context.floor,
        knowledge=context.knowledge,
        catalogue=context.catalogue,
        report_days=context.days,
    )
    if why is not None:
        return Verdict(apply=False, host=False, note=why.text[:300])
    if not event_known:
        return Verdict(apply=False, host=False, note=NEW_EVENT_NOTE)
    return Verdict(apply=True, host=False, note="")
