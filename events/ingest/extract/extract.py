"""extract_report(): one report's text in, events and claims out. Pure: no ORM, no network."""

from __future__ import annotations

import datetime
import re

from .assign import sentence_statuses
from .claims import INVITER, Reader
from .events import find_main_event
from .knowledge import Knowledge
from .model import ExtractedClaim, ExtractedEvent, Extraction
from .text import split_dateline, split_sentences

# A sentence about an earlier year ("attended the first swearing-in in 2014") is background.
PAST_IN_PASSING = re.compile(
    r"\bon \d{1,2} [A-Z][a-z]+ (?:19|20)\d\d\b|\bon [A-Z][a-z]+\.? \d{1,2},? (?:19|20)\d\d\b|"
    r"\bthen [A-Z]?[\w']+ (?:prime minister|president)\b"
)
LADDER = {"invited": 0, "accepted": 1, "attended": 2}


def extract_report(
    text: str,
    *,
    published: datetime.date,
    title: str = "",
    knowledge: Knowledge | None = None,
) -> Extraction:
    knowledge = knowledge or Knowledge.default()
    dateline_city, body = split_dateline(text or "")
    sentences = split_sentences(body)
    event = find_main_event(title or "", sentences, published, dateline_city, knowledge)
    if event is None:
        return Extraction()
    event_past = None if event.start_date is None else event.start_date <= published
    if event.start_date is None:
        event_past = _guess_past(sentences)

    reader = Reader(knowledge)
    reader.mentions(title or "")  # registers the people the headline names
    reader.previous_subject = None
    best: dict[tuple[str, str], tuple[str, str, str | None, float]] = {}
    inviters: dict[str, str] = {}
    order: list[tuple[str, str]] = []
    previous = ""
    for sentence in sentences:
        mentions = reader.mentions(sentence)
        if not mentions or PAST_IN_PASSING.search(sentence):
            previous = sentence
            continue
        for mention in mentions:
            inviter = _inviter(sentence, mention, mentions)
            if inviter:
                inviters.setdefault(mention.person.name, inviter)
        guests = [m for m in mentions if not _is_host(m.person, event.country, event.honoree)]
        for mention, status in sentence_statuses(sentence, guests, event_past, previous):
            person = mention.person
            if not person.known and not person.country:
                continue  # an unknown name with no country is too often a bystander
            key = (person.name, status)
            if key not in best:
                order.append(key)
                confidence = 0.85 if person.known else 0.7
                best[key] = (status, sentence, person.country, confidence)
        previous = sentence

    claims = []
    for name, status in order:
        _status, evidence, country, confidence = best[(name, status)]
        rungs = [s for (n, s) in best if n == name and s in LADDER]
        if status in LADDER and LADDER[status] < max(LADDER[s] for s in rungs):
            continue
        others = [s for (n, s) in best if n == name and s != "invited"]
        if status == "invited" and others:
            continue  # any other status implies the invitation
        claims.append(
            ExtractedClaim(
                event=event.key,
                invitee=name,
                invitee_country=country,
                inviter=inviters.get(name),
                status=status,
                evidence=evidence,
                confidence=confidence,
            )
        )
    if not claims:
        return Extraction()
    return Extraction(
        events=[
            ExtractedEvent(
                key=event.key,
                name=event.name,
                kind=event.kind,
                start_date=event.start_date,
                city=event.city,
                country=event.country,
            )
        ],
        claims=claims,
    )


def _guess_past(sentences: list[str]) -> bool | None:
    text = " ".join(sentences[:2])
    if re.search(r"\b(?:will|would|next|to be held|is due|are due)\b", text):
        return False
    if re.search(r"\b(?:opened|closed|wrapped up|ended|attended|gathered|drew)\b", text):
        return True
    return None


def _is_host(person, host_country: str | None, honoree: str | None) -> bool:
    if host_country and person.country == host_country:
        return person.current_head or not person.known
    return False


def _inviter(sentence: str, mention, mentions) -> str | None:
    if "invit" not in sentence.lower():
        return None
    for other in mentions:
        if other.person is mention.person:
            continue
        around = sentence[max(0, other.span_start - 30) : other.end + 40]
        if re.search(r"invit", around, re.I) and INVITER.search(around):
            return other.person.name
    return None
