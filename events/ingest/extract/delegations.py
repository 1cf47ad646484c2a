"""Delegations named only by their country: "Peru and Bolivia sent their foreign ministers",
"Iran will be represented by its ambassador", "North Korea has been invited only at ambassador
level". The invitee is a short description from the text (or None), the country is set."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .knowledge import Knowledge

_DESC = (
    r"(?P<desc>(?:[a-z][\w-]*\s+){0,3}?(?:ambassador|minister|envoy|official|delegation|speaker|"
    r"chairman|vice-chairman|vice-president|vice president|observer|representative|secretary|"
    r"deputy(?!\s+(?:[\w-]+\s+){0,2}?(?:minister|president|speaker|secretary)))s?|troops|soldiers|servicemen|(?:military )?contingent|honou?r guard|(?:parade )?unit)"
)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+")
PRESENT = re.compile(
    r"\s+(?:also\s+)?(?:(?:will|would|is to|are to|has|had|have)\s+)?(?:also\s+)?"
    r"(?:be\s+|been\s+|was\s+|were\s+|is\s+|are\s+)?"
    r"(?:represented by|sen(?:t|ds?|ding)|dispatch(?:ed|es|ing)?)\s+(?:(?:a|an|its|their)\s+)?"
    + _DESC
)
INVITED = re.compile(
    r"\s+(?:has|have|had|was|were)\s+(?:also\s+)?(?:been\s+)?invited\s+(?:only\s+)?"
    r"(?:to send (?:its|their|an?)\s+" + _DESC + r"|at (?P<level>ambassador|ministerial|"
    r"ministerial|envoy) level)"
)
OBSERVER = re.compile(
    r"\s+(?:followed|attended|took part in|joined)[^.,;]{0,50}?\bas an? (?P<desc>observer)"
)
_VERB = re.compile(r"represented|\bsen[dt]|dispatch|invited|observer")
_VERB_HINTS = ("represented", "sen", "dispatch", "invited", "observer")


def _may_send(sentence: str) -> bool:
    for hint in _VERB_HINTS:  # noqa: SIM110  (cheaper than any() over a generator)
        if hint in sentence:
            return True
    return False


NAMED_AFTER = re.compile(r",?\s+[A-Z]\w+ [A-Z]")  # "its ambassador, Ali Bagheri": a person


def country_delegations(
    sentence: str, knowledge: Knowledge, hits: list | None = None
) -> list[tuple[str | None, str, str, int]]:
    """(description or None, country, "present" | "invited", offset) for each country-only
    delegation the sentence names. ``hits``: the sentence's country hits, when already found."""
    if hits is None:
        hits = list(knowledge.country_re.finditer(sentence))
    if not hits or not _may_send(sentence) or not _VERB.search(sentence):
        return []
    out: list[tuple[str | None, str, str, int]] = []
    i = 0
    while i < len(hits):
        group = [hits[i]]
        while i + 1 < len(hits) and _LIST_GAP.fullmatch(
            sentence, group[-1].end(), hits[i + 1].start()
        ):
            i += 1
            group.append(hits[i])
        i += 1
        end = group[-1].end()
        for pattern, how in ((PRESENT, "present"), (INVITED, "invited"), (OBSERVER, "present")):
            m = pattern.match(sentence, end)
            if not m:
                continue
            if NAMED_AFTER.match(sentence, m.end()) and not sentence.startswith(" in ", m.end()):
                break
            desc = m.group("desc") if "desc" in m.groupdict() and m.group("desc") else None
            if desc is None and m.groupdict().get("level"):
                desc = "ambassador" if m.group("level") == "ambassador" else "minister"
            if desc and desc.endswith("s") and not desc.endswith(("ss", "troops")):
                desc = desc[:-1]
            if desc == "delegation":
                desc = None
            for hit in group:
                code = knowledge.country_names[hit.group(0)]
                out.append((desc, code, how, hit.start()))
            break
    return out


# "the leaders of China, Israel and Brazil", "Presidents of Ghana and Libya", "top leaders from
# Sri Lanka, the Maldives and Nepal", "the heads of nine other countries: Bangladesh, Egypt",
# "heads of state include those of France and Spain": each country is an invitee (rule 9).
HEADS_BEFORE = re.compile(
    r"(?:\b(?:the\s+|their\s+)?(?:top\s+|other\s+|fellow\s+)?(?:leaders?|presidents?|prime ministers?|"
    r"heads?(?:\s+of\s+(?:state|government)(?:\s+(?:and|or)\s+government)?)?|"
    r"heads of state|monarchs|kings|rulers|those|delegations?|representatives|delegates|"
    r"premiers|chancellors)\s+(?:of|from)\s+(?:the\s+)?|"
    r"\b(?:countries|nations|states)\s*:\s*)$",
    re.I,
)
HEADS_HINTS = ("of", "from", ":")
COUNTRY_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+as well as|,?\s+or)\s+(?:the\s+)?|\s*,\s*")


@dataclass
class CountryHead:
    """A country named as an invitee without a person: shaped like a reader's Mention."""

    start: int
    end: int
    span_start: int
    person: object
    speaker: bool = False
    honoree: bool = False


@dataclass
class CountryRef:
    name: str
    country: str
    org: None = None
    known: bool = True
    role: str = ""
    current_head: bool = False


# "Peru's president", "the Vietnamese leader", "Turkey's vice president": a country's office
# holder without a name (a name after it makes it a person: "Peru's president, Dina Boluarte")
HEAD_AFTER = re.compile(
    r"(?P<poss>['’]s)?\s+(?:(?:new|outgoing|top|incoming)\s+)?(?P<role>president|leader|"
    r"prime minister|premier|head of state|king|queen|emir|monarch|chancellor|delegation|"
    r"foreign minister|vice[- ]president|deputy prime minister|ambassador|envoy|"
    r"defen[cs]e minister)(?!\w)(?!\s*,?\s+(?:[A-Z]|of\b))"
)
# "the U.S. delegation was led by X": the named leader is the invitee, not the country
LED_BY = re.compile(r"\s+(?:was|is|will be|were|would be)\s+(?:led|headed)\s+by\b")
HEAD_ROLES_NULL = ("president", "leader", "prime minister", "premier", "head of state", "king",
                   "queen", "emir", "monarch", "chancellor", "delegation")  # fmt: skip
THE_BEFORE = re.compile(r"\b(?:the|The)\s+$")
# an office holder who is the object of another verb ("led the Ghanaian delegation", "met
# Peru's president", "a letter to the Chilean leader") is not the subject of a status cue
OBJECT_BEFORE = re.compile(
    r"\b(?:led|leads?|leading|headed|heads?|heading|represent(?:s|ed|ing)?|of|from|to|with|for|"
    r"met|meets?|meeting|told|called|against|about|on|as)\s+(?:the\s+)?$",
    re.I,
)


def country_heads(sentence: str, knowledge: Knowledge, hits: list) -> list[CountryHead]:
    """Countries named as invitees through their leaders ("the leaders of A, B and C", "Peru's
    president", "the Vietnamese leader")."""
    if not hits:
        return []
    out: list[CountryHead] = []
    i = 0
    while i < len(hits):
        lo = max(0, hits[i].start() - 80)
        near = sentence[lo : hits[i].start()]
        head = (
            HEADS_BEFORE.search(sentence, lo, hits[i].start())
            if (" of " in near or " from " in near or ":" in near)
            else None
        )
        if head is None:
            office = HEAD_AFTER.match(sentence, hits[i].end())
            if (
                office
                and (
                    office.group("poss")
                    or THE_BEFORE.search(sentence, max(0, hits[i].start() - 6), hits[i].start())
                )
                and not OBJECT_BEFORE.search(
                    sentence, max(0, hits[i].start() - 20), hits[i].start()
                )
                and not LED_BY.match(sentence, office.end())
            ):
                code = knowledge.country_names[hits[i].group(0)]
                role = office.group("role").replace("-", " ")
                desc = None if role in HEAD_ROLES_NULL else role
                ref = CountryRef(name=f"|{code}", country=code, role=desc or "")
                start = hits[i].start()
                if THE_BEFORE.search(sentence, max(0, start - 6), start):
                    start = THE_BEFORE.search(sentence, max(0, start - 6), start).start()
                out.append(CountryHead(hits[i].start(), office.end(), start, ref))
            i += 1
            continue
        group = [hits[i]]
        while i + 1 < len(hits) and COUNTRY_GAP.fullmatch(
            sentence, group[-1].end(), hits[i + 1].start()
        ):
            i += 1
            group.append(hits[i])
        i += 1
        for n, hit in enumerate(group):
            code = knowledge.country_names[hit.group(0)]
            ref = CountryRef(name=f"|{code}", country=code)
            span = head.start() if n == 0 else hit.start()
            out.append(CountryHead(hit.start(), hit.end(), span, ref))
    return out
