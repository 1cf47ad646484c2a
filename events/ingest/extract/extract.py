"""extract_report(): one report's text in, events and claims out. Pure: no ORM, no network."""

from __future__ import annotations

import datetime
import functools
import re

from .assign import sentence_statuses
from .claims import NOT_INVITED, Reader
from .clean import prepare, split_long
from .cues import (
    INVITATION_FROM,
    INVITATION_OF,
    OUTGOING,
    SUBJECT_INVITED,
    WHOM,
    WHOM_INVITED,
    may_deny_invitation,
)
from .delegations import country_delegations, country_heads
from .events import KindHits, find_main_event
from .knowledge import Knowledge
from .model import ExtractedClaim, ExtractedEvent, Extraction
from .others import OtherEvents
from .series import fold
from .text import split_dateline, split_sentences

# A sentence about an earlier year ("attended the first swearing-in in 2014") is background.
PAST_IN_PASSING = re.compile(
    r"\bon \d{1,2} [A-Z][a-z]+ (?:19|20)\d\d\b|\bon [A-Z][a-z]+\.? \d{1,2},? (?:19|20)\d\d\b|"
    r"\bthen [A-Z]?[\w']+ (?:prime minister|president)\b"
)
APPOSED = re.compile(r",\s*(?:the\s+)?[\w-]*")
LADDER = {"invited": 0, "accepted": 1, "attended": 2}


def extract_report(
    text: str,
    *,
    published: datetime.date,
    title: str = "",
    knowledge: Knowledge | None = None,
) -> Extraction:
    """Events and claims of one report. Input that cannot be read as an English report
    (empty, binary, another language) gives an empty result with a warning; markup is
    stripped and a huge text is read only up to its first ``clean.MAX_CHARS`` characters."""
    text, warning = prepare(text)
    if not text:
        return Extraction(warning=warning)
    title, _title_warning = prepare((title or "")[:1000])
    result = _extract(text, published, title, knowledge or Knowledge.default())
    result.warning = warning
    return result


def _extract(text: str, published: datetime.date, title: str, knowledge: Knowledge) -> Extraction:
    dateline_city, body = split_dateline(text)
    sentences = split_long(split_sentences(body))
    kinds = KindHits()  # this report's kind phrases, found once per sentence
    event = find_main_event(title or "", sentences, published, dateline_city, knowledge, kinds)
    if event is None:
        return Extraction()
    event_past = None if event.start_date is None else event.start_date <= published
    if event.start_date is None:
        event_past = _guess_past(sentences)

    def elsewhere(place: str) -> bool:
        if place.endswith(("'s", "’s")):
            place = place[:-2]
        words = place.split()
        for size in range(len(words), 0, -1):  # "Washington for" -> "Washington"
            country = knowledge.place_country(" ".join(words[:size]))
            if country:
                return bool(event.country) and country != event.country
        return False

    reader = Reader(knowledge)
    headline = _headline(title)
    reader.mentions(title or "")  # registers the people the headline names
    reader.previous_subject = None
    others = OtherEvents(event, published, knowledge, kinds)
    best: dict[tuple[str, str, str], tuple[str, str | None, float, str | None]] = {}
    inviters: dict[str, str] = {}
    hosts: set[str] = set()
    previous = ""
    evidence_of = {}
    if headline is not None:  # a headline's claims ("X to skip the summit") count too; read
        evidence_of[headline] = title  # last, so that the body's sentence is the evidence
        sentences = [*sentences, headline]
    for sentence in sentences:
        prior = reader.previous_subject
        mentions = reader.mentions(sentence)
        if ("then " in sentence or "19" in sentence or "20" in sentence) and PAST_IN_PASSING.search(
            sentence
        ):
            previous = sentence
            continue
        for desc, country, how, _offset in country_delegations(
            sentence, knowledge, reader.countries
        ):
            if country != event.country and not (
                may_deny_invitation(sentence) and NOT_INVITED.search(sentence)
            ):
                status = "invited" if how == "invited" else _presence_for(event_past)
                best.setdefault(
                    (event.key, f"{desc}|{country}", status), (sentence, country, 0.6, desc)
                )
        heads = [
            h
            for h in country_heads(sentence, knowledge, reader.countries)
            if h.person.country != event.country
            and not any(m.start <= h.start < m.end for m in mentions)
            # "Kofi Brenner, Vice-President of Ghana": the office of a named person
            and not any(
                m.end <= h.span_start and APPOSED.fullmatch(sentence, m.end, h.span_start)
                for m in mentions
            )
        ]
        if not mentions and not heads:
            previous = sentence
            continue
        for mention in mentions:
            inviter = _inviter(sentence, mention, mentions)
            if inviter:
                inviters.setdefault(mention.person.name, inviter)
            if mention.person.country == event.country and OUTGOING.search(
                sentence, max(0, mention.span_start - 12), mention.start
            ):
                hosts.add(mention.person.name)
        refs = others.refs(sentence)
        guests = [
            m
            for m in mentions
            if m.person.name not in hosts
            and (refs or not _is_host(m.person, event.country, event.honoree, event.kind))
        ]
        if heads:
            guests = sorted(guests + heads, key=lambda m: m.start)
        for text, refs_here, mention, status in _passes(
            sentence, guests, refs, event_past, previous, elsewhere
        ):
            person = mention.person
            if person.name.startswith("|"):  # a country without a named person
                target = _event_for(mention, guests, refs_here, text) or event
                if person.country != target.country:
                    desc = person.role or None
                    key = (target.key, f"{desc}{person.name}", status)
                    best.setdefault(key, (sentence, person.country, 0.6, desc))
                continue
            if not person.known and not person.country:
                person.country = _sender_country(mention, guests, sentence) or _context_country(
                    mention, mentions, sentence, knowledge, prior, reader.countries
                )
            if not person.known and not person.country:
                continue  # an unknown name with no country is too often a bystander
            target = _event_for(mention, guests, refs_here, text) or event
            if _is_host(person, target.country, target.honoree, target.kind):
                continue
            if target is not event and status == "accepted" and _is_past(target, published):
                status = "attended"
            key = (target.key, person.name, status)
            if key not in best:
                confidence = 0.85 if person.known else 0.7
                best[key] = (sentence, person.country, confidence, None)
        previous = sentence

    if evidence_of:
        best = {
            key: (evidence_of.get(value[0], value[0]), *value[1:]) for key, value in best.items()
        }
    best = _merge_spellings(best)
    claims = []
    named = {(ev, best[(ev, n, s)][1], s) for ev, n, s in best if "|" not in n}
    for ev, name, status in best:
        evidence, country, confidence, desc = best[(ev, name, status)]
        if "|" in name and (ev, country, status) in named:
            continue  # a named person leads that delegation
        rungs = [s for (e, n, s) in best if e == ev and n == name and s in LADDER]
        if status in LADDER and LADDER[status] < max(LADDER[s] for s in rungs):
            continue
        others_ = [s for (e, n, s) in best if e == ev and n == name and s != "invited"]
        if status == "invited" and others_:
            continue  # any other status implies the invitation
        claims.append(
            ExtractedClaim(
                event=ev,
                invitee=desc if "|" in name else name,
                invitee_country=country,
                inviter=inviters.get(name) if ev == event.key else None,
                status=status,
                evidence=evidence,
                confidence=confidence,
            )
        )
    if not claims:
        return Extraction()
    used = {c.event for c in claims}
    drafts = [event, *sorted(others.events.values(), key=lambda d: int(d.key[1:]))]
    return Extraction(
        events=[
            ExtractedEvent(
                key=d.key,
                name=d.name,
                kind=d.kind,
                start_date=d.start_date,
                city=d.city,
                country=d.country,
                date_precision=d.date_precision,
                end_date=d.end_date,
                period=d.period,
                series=d.series,
                edition=d.edition,
            )
            for d in drafts
            if d.key in used
        ],
        claims=claims,
    )


IN_THEIR_PLACE = re.compile(r"[^.;,]{0,30}?\b(?:in (?:his|her) place|instead)\b")
SENDS = re.compile(r"\b(?:send|sends|sending|sent|represented by|in (?:his|her) place)\b")


WHO_CLAUSE = re.compile(r",\s+who\s+[^,;]{3,160}?,")


def _passes(sentence, guests, refs, event_past, previous, elsewhere):
    """(text, refs, mention, status) for the sentence's claims. A relative clause after a
    name that names another event ("X, who attended last year's summit in Y, will not come")
    is read on its own for that event, and the sentence without it for the rest."""
    splits = []
    for mention in guests:
        clause = WHO_CLAUSE.match(sentence, mention.end)
        if clause and any(a >= 0 and clause.start() <= a < clause.end() for a, _b, _d in refs):
            splits.append((mention, clause.start(), clause.end()))
    if not splits:
        away = None if refs else elsewhere
        for mention, status in sentence_statuses(sentence, guests, event_past, previous, away):
            yield sentence, refs, mention, status
        return
    blanked = sentence
    outer = list(refs)
    for _mention, a, b in splits:
        blanked = blanked[:a] + " " * (b - a) + blanked[b:]
        outer = [r for r in outer if not (r[0] >= 0 and a <= r[0] < b)]
    away = None if outer else elsewhere
    for mention, status in sentence_statuses(blanked, guests, event_past, previous, away):
        yield blanked, outer, mention, status
    for mention, a, b in splits:
        inner = [r for r in refs if r[0] >= 0 and a <= r[0] < b]
        head = sentence[:b]
        for found, status in sentence_statuses(head, [mention], None, "", None):
            yield head, inner, found, status


def _merge_spellings(best: dict) -> dict:
    """One person under two spellings of one report ("Emmanuel Macron" and "Emmanuel
    Jean-Michel Macron", of one country): the claims go to the fuller name."""
    names = {(n, best[key][1]) for key in best for n in [key[1]] if "|" not in n}
    words = {n: set(fold(n).split()) for n, _c in names}
    fuller = {}
    for name, country in names:
        for other, other_country in names:
            if (
                other != name
                and other_country == country
                and len(words[name]) > 1
                and words[name] < words[other]
            ):
                fuller[name] = other
    if not fuller:
        return best
    merged: dict = {}
    for (ev, name, status), value in best.items():
        merged.setdefault((ev, fuller.get(name, name), status), value)
    return merged


HEADLINE_TO = re.compile(
    r"\b(?P<neg>not )?to (?P<verb>attend|skip|miss|visit|travel|go|lead|represent|join|address|"
    r"stay away|pull out|withdraw|send|decline|boycott|give|watch|fly|be)\b",
    re.I,
)


def _headline(title: str) -> str | None:
    """The headline as a sentence to read for claims, its infinitives made future ("X to skip
    the summit" reads "X will skip the summit"); None when it is a fragment with no verb."""
    if not title or len(title) > 300:
        return None
    text = HEADLINE_TO.sub(
        lambda m: ("will not " if m.group("neg") else "will ") + m.group("verb"), title
    )
    return text.rstrip(" .") + "."


def _sender_country(mention, guests, sentence: str) -> str | None:
    """A stand-in takes the country of whoever sends them: "he will send Foreign Minister X"."""
    i = guests.index(mention)
    if i and SENDS.search(sentence, guests[i - 1].end, mention.span_start + 1):
        return guests[i - 1].person.country
    if i and IN_THEIR_PLACE.match(sentence, mention.end):  # "X will go in his place"
        return guests[i - 1].person.country
    return None


# "Foreign Minister Takeshi Iwaya will represent Japan", "X led the Moroccan delegation"
REPRESENTS = re.compile(
    r"\s*(?:,[^,]{0,60},)?\s*(?:(?:will|would|is to|to|also|is|was|has|had)\s+)*"
    r"(?:represent(?:s|ed|ing)?|lead(?:s|ing)?|led|head(?:s|ed|ing)?)\s+(?:the\s+)?"
    r"(?P<c>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}?)(?:['’]s)?(?:\s+delegation|[\s,.;]|$)"
)
# "His national security adviser, Wi Sung-lac", "the speaker of its National Assembly, Woo"
POSSESSOR = re.compile(r"\b(?P<p>his|her|its|their|His|Her|Its|Their)\s[^,.;]{0,50},?\s*$")
AND_GAP = re.compile(r"\s+and\s+(?:(?:his|her) (?:wife|husband)\s+)?")
ROYAL = ("king", "queen", "prince", "princess", "crown prince", "crown princess", "emperor",
         "empress", "grand duke", "grand duchess", "sultan")  # fmt: skip


def _context_country(mention, mentions, sentence: str, knowledge, prior, countries):
    """An unknown person's country from the words around them: the country they represent
    or whose delegation they lead, the person whose minister they are ("his foreign
    minister"), or the royal they come with ("King X of Spain and Queen Y")."""
    rep = REPRESENTS.match(sentence, mention.end)
    if rep:
        country = knowledge.country_of(rep.group("c"))
        if country:
            return country
    i = mentions.index(mention)
    before = [m for m in mentions[:i] if m.end <= mention.span_start and not m.speaker]
    if (
        before
        and mention.person.role in ROYAL
        and AND_GAP.fullmatch(sentence, before[-1].end, mention.span_start)
    ):
        return before[-1].person.country
    owner = POSSESSOR.search(sentence, max(0, mention.span_start - 60), mention.span_start)
    if owner:
        if owner.group("p").lower() in ("his", "her"):
            ref = before[-1].person if before else prior
            return ref.country if ref is not None and ref is not mention.person else None
        hits = [m for m in countries if m.end() <= owner.start()]
        return knowledge.country_names[hits[0].group(0)] if hits else None
    return None


def _presence_for(event_past: bool | None) -> str:
    return "attended" if event_past else "accepted"


def _is_past(draft, published: datetime.date) -> bool:
    start = draft.start_date or draft.known_start
    return start is None or start < published


def _event_for(mention, guests, refs, sentence: str):
    """The other event whose phrase lies in this mention's stretch of the sentence."""
    if not refs:
        return None
    i = guests.index(mention)
    lo = guests[i - 1].end if i else 0
    hi = guests[i + 1].span_start if i + 1 < len(guests) else len(sentence)
    cut = re.search(r", (?:when|where|while|although|though) |; | but ", sentence[mention.end : hi])
    if cut:
        hi = mention.end + cut.start()
    for start, _end, draft in refs:
        if start < 0 or lo <= start < hi:  # (a negative start: the whole sentence)
            return draft
    return None


def _guess_past(sentences: list[str]) -> bool | None:
    text = " ".join(sentences[:2])
    if re.search(r"\b(?:will|would|next|to be held|is due|are due)\b", text):
        return False
    if re.search(r"\b(?:opened|closed|wrapped up|ended|attended|gathered|drew)\b", text):
        return True
    return None


def _is_host(
    person, host_country: str | None, honoree: str | None, kind: str | None = None
) -> bool:
    """The event's own people: the person sworn in, crowned or buried, and the host country's
    head of state or government. At an inauguration whose honoree is known, the outgoing and
    former leaders of the host country are guests like any other."""
    if honoree:
        if _same_person(person.name, honoree):
            return True
        if kind == "inauguration" and person.known:
            return False
    if host_country and person.country == host_country:
        return person.current_head or not person.known
    return False


@functools.lru_cache(maxsize=2048)
def _same_person(name: str, other: str) -> bool:
    a, b = fold(name).split(), fold(other).split()
    if a == b:
        return True
    return bool(a) and len(a[-1]) > 3 and a[-1] in b and a[0] in b


def _inviter(sentence: str, mention, mentions) -> str | None:
    """The person the sentence names as issuing this mention's invitation: "at X's
    invitation", "the invitation of X", "X invited Y", "X, in a video call, invited Y",
    "Y, whom X had invited"."""
    if "invit" not in sentence:
        return None
    for other in mentions:
        if other.person is mention.person or other.speaker:
            continue
        if INVITATION_OF.match(sentence, other.end) or INVITATION_FROM.search(
            sentence, 0, other.span_start
        ):
            # the phrase belongs to the nearest name before it: "Kakar, who wrote that he
            # was travelling at Xi's official invitation"
            before = [m for m in mentions if m.end <= other.span_start and m is not other]
            if before and before[-1].person is mention.person:
                return other.person.name
            continue
        verb = SUBJECT_INVITED.match(sentence, other.end)
        gap = sentence[verb.end() : mention.span_start] if verb else ""
        if verb and 0 <= mention.span_start - verb.end() < 150 and ";" not in gap:
            return other.person.name
        if WHOM.fullmatch(sentence, mention.end, other.span_start) and WHOM_INVITED.match(
            sentence, other.end
        ):
            return other.person.name
    return None
