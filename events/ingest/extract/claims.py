"""People in a report and what the text says they did about an event.

Mentions are found per sentence (known people, titled names, "Kenya's William Ruto", later
surnames, "the Russian leader", he/she); mentions joined by commas and "and" form a list that
shares one status cue. Cues to the right of a name are what the name did ("X stayed away"); cues
to the left are what was done to it ("represented by X", "sending X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .knowledge import Knowledge

_TOK = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_PART = r"(?:da|de|do|dos|del|della|van|von|der|den|bin|bint|binti|al|el|ul|la|le|ibn|di)"
_NAME2 = _TOK + r"(?:\s+(?:" + _PART + r"\s+)*" + _TOK + r"){1,4}"
_NAME1 = _TOK + r"(?:\s+(?:" + _PART + r"\s+)*" + _TOK + r"){0,5}"
KEEP_TITLE = re.compile(
    r"\b(?P<title>Crown Prince|Crown Princess|King|Queen|Prince|Princess|Emperor|Empress|"
    r"Sultan|Pope|Grand Duke)\s+(?P<name>" + _NAME1 + r")"
)
ROLE_WORD = re.compile(
    r"\b(?:founder|spokesman|spokeswoman|spokesperson|adviser|advisor|speaker|envoy|official|"
    r"minister|secretary|chief executive|predecessor|rival|wife|husband|president|"
    r"prime minister|premier|chancellor|ambassador|leader)\b,?\s+(?P<name>" + _NAME2 + r")"
)
NOT_NAME_WORDS = {
    "The", "A", "An", "In", "On", "At", "But", "And", "For", "From", "With", "After", "Before",
    "Minister", "President", "Prime", "Foreign", "Summit", "Forum", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Day", "Party", "Council", "Ministry", "Office", "House", "Palace", "Centre", "Center",
    "Union", "Court", "Congress", "Assembly", "Parliament", "Association", "Agency", "Bank",
    "Democratic", "Republic", "National", "International", "Group", "Post", "Times", "News",
    "Alliance", "Organisation", "Organization", "Convention", "Initiative", "Road", "Belt",
    "Cathedral", "Abbey", "Hall", "Beach", "Park", "Memorial", "Museum", "Chapel", "Church",
    "Secretary", "Deputy", "Vice", "Chief", "Executive", "Financial", "Security", "Defence",
}  # fmt: skip
SPEAKER_AFTER = re.compile(
    r"^,?\s*(?:\([^)]*\)\s*)?(?:has |had |also |later )?(?:said|says|told|added|announced|wrote|"
    r"warned|argued|acknowledged|cautioned|called|described|noted|insisted|accused)\b"
)
LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*as well as|,?\s*along with)\s*$")

_I = re.I
R_DECLINE = re.compile(
    r"\b(?:(?:will|would|could|can|does|did|do)\s*(?:not|n't)\s+(?:be\s+)?(?:attend|travel|come|"
    r"coming|go|going|make|making|be there|join|take part|there)|won't|cannot attend|"
    r"can't attend|unable to attend|not (?:be )?attend|not making the (?:trip|journey)|"
    r"declin(?:e|ed|es|ing)|turn(?:ed|s)? (?:the invitation |it )?down|turned down|"
    r"stay(?:ed|s|ing)? (?:away|home|in)\b|skip(?:s|ped|ping)?|to miss|will miss|missed|"
    r"pull(?:ed|s)? out|withdr(?:ew|awn|aws)|absent|absentee|"
    r"(?:by|via) video|video link|video conference|online|remotely|not among|"
    r"chosen not to|decided not to|not be there|rather than in person|is sending|"
    r"was sending|will send|to send|sent|sending|asked [^,.]{0,40} to represent)",
    _I,
)
R_PRESENT_PAST = re.compile(
    r"\b(?:attended|(?:was|were) (?:also |all )?(?:among|present|there|in the (?:audience|hall|"
    r"congregation|room|cathedral|abbey))|took part|participated|(?:also )?joined|sat (?:with|at|"
    r"in|alongside|down)|arrived|landed|came|flew in|made the trip|was received|"
    r"led (?:the|its|his|her|a) [\w' -]{0,30}delegation|represented|addressed|"
    r"(?:was|were) (?:also )?at the|watched|was the guest of honour|turned up|"
    r"in attendance|went in (?:his|her) place|went instead|had already arrived|flew to|"
    r"sat at|(?:is|are) attending|in (?:his|her) place|standing in for|to represent)\b",
    _I,
)
R_PRESENT_FUTURE = re.compile(
    r"\b(?:will (?:also )?(?:attend|travel|be (?:there|in|at|attending|among)|come|go|lead|"
    r"represent|accompany|join|make the trip|visit|fly|arrive|sit|take part)|would (?:attend|"
    r"travel|be in|come|lead|go|represent|be there|accept|take part|arrive)|(?:is|are) (?:also )?"
    r"(?:due|expected|scheduled|slated|set to|going to|to attend|to travel|to lead|attending|"
    r"coming)|plans? to (?:attend|travel|go|come|be)|(?:has|have|had) confirmed|confirmed "
    r"(?:the trip|his attendance|her attendance|that)|(?:has|have|had)?\s*accepted|"
    r"agreed to attend|will be there|go instead|in (?:his|her) place)\b",
    _I,
)
R_INVITED = re.compile(
    r"\b(?:(?:was|were|has been|have been|had been|had also been|been) (?:also )?invited|"
    r"(?:received|has received|have received) (?:an |the |their |his |her )?invitations?|"
    r"list of invited|whom [\w' .-]{0,40} (?:had )?(?:also )?invited)\b",
    _I,
)
L_PRESENT = re.compile(
    r"(?:represented by|(?:is|was|are|were) sending|sending|sent|will send|to send|"
    r"(?:led|headed) by|includ(?:ed|ing|e)|among them|among the (?:guests|leaders)(?: were)?|"
    r"such as|hosted|came|brought together|alongside|confirmed (?:for|that)?|as will|as did|"
    r"(?:attended|arrived|came|sat|travell?ed|attend|travel|be there)(?: [\w-]+){0,3} with"
    r"(?: [a-z]+){0,2}|"
    r"(?:leaders|guests) (?:at|in) [\w' -]{0,40}? included)\W*$",
    _I,
)
L_INVITED = re.compile(
    r"(?:invited|invitations? to|extended (?:the|an) invitation to|asked|are)\W*$", _I
)
L_DECLINE = re.compile(
    r"(?:in place of|instead of|rather than(?: by)?|standing in for|, not)\W*$", _I
)
NOT_INVITED = re.compile(
    r"\b(?:not (?:been |be )?invited|did not invite|not invite|no invitation|not on the list|"
    r"missing from the guest list|not being considered|was not represented|were not represented|"
    r"left out|not one of them|not intend to invite|did not invite)\b",
    _I,
)
REPORTED = re.compile(r"\b(?:report(?:ed|s|ing)?|publication|media)\b", _I)
DENY = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|reject(?:ed|ing)? (?:the |those |these )?reports?|"
    r"dismiss(?:ed|ing)? (?:the )?reports?|not true|false|not be going|would not be going|"
    r"not (?:being )?considered)\b",
    _I,
)
FUTURE_TENSE = re.compile(r"\b(?:will|would|is to|are to|due|expected|plans?|'ll|shall)\b", _I)
PRONOUN = re.compile(r"(?<![\w'])(?:he|she|He|She)(?![\w'])")
HONOREE_BEFORE = re.compile(
    r"(?:funeral|inauguration|swearing-in|coronation|investiture) of\s+(?:\w+\s+){0,2}$", _I
)
HONOREE_AFTER = re.compile(
    r"^(?:['’]s?\s+(?:[\w-]+\s+){0,5}?(?:inauguration|swearing-in|funeral|coronation)|"
    r"\s+(?:was|were|is|will be) sworn in|\s+took the oath)",
    _I,
)
INVITER = re.compile(
    r"(?:at (?P<a>[\w .'’-]+?)['’]s? (?:official |personal )?invitation|(?P<b>[\w .'’-]+?)['’]s? "
    r"invitation|invitation (?:from|of) (?P<c>[\w .'’-]+)|invited by (?P<d>[\w .'’-]+)|"
    r"(?P<e>[\w .'’-]+?) (?:had |has |have )?(?:also |personally |himself )?invited)"
)


@dataclass
class PersonRef:
    name: str
    country: str | None
    org: str | None
    known: bool
    role: str = ""
    current_head: bool = False


@dataclass
class Mention:
    start: int
    end: int
    span_start: int
    person: PersonRef
    speaker: bool = False
    honoree: bool = False


@dataclass
class SentenceClaims:
    sentence: str
    found: list[tuple[PersonRef, str, float]] = field(default_factory=list)
    inviter: dict[str, str] = field(default_factory=dict)


class Reader:
    """Walks the sentences of one report, keeping the people seen so far."""

    def __init__(self, knowledge: Knowledge):
        self.k = knowledge
        self.people: dict[str, PersonRef] = {}
        self.aliases: dict[str, PersonRef] = {}
        self.previous_subject: PersonRef | None = None
        self.last_by_country: dict[str, PersonRef] = {}

    # -- people -------------------------------------------------------------------------
    def _register(self, person: PersonRef, aliases: tuple[str, ...] = ()) -> PersonRef:
        existing = self.people.get(person.name)
        if existing:
            if existing.country is None and person.country:
                existing.country = person.country
            return existing
        self.people[person.name] = person
        tokens = [t for t in person.name.split() if t[:1].isupper()]
        short = [tokens[-1]] if len(tokens) > 1 else []
        for alias in (person.name, *aliases, *short):
            if alias not in NOT_NAME_WORDS and len(alias) > 2:
                self.aliases.setdefault(alias, person)
        return person

    def _prefix_country(self, sentence: str, start: int) -> tuple[str | None, int]:
        window = sentence[max(0, start - 70) : start]
        best = (None, start)
        for m in self.k.country_re.finditer(window):
            between = window[m.end() :]
            if re.fullmatch(r"(?:['’]s)?(?:\s+[\w-]+){0,4}?,?\s*", between) and not re.search(
                r"\b(?:in|of|to|for|from|with|by|and|was|is|were|are|sent|the)\b", between
            ):
                best = (self.k.country_names[m.group(0)], max(0, start - 70) + m.start())
                break
        return best

    def _title_start(self, sentence: str, start: int) -> int:
        window = sentence[max(0, start - 60) : start]
        best = start
        for m in self.k.title_re.finditer(window):
            if re.fullmatch(r"(?:\s+[A-Z][\w-]*)*\s*", window[m.end() :]):
                best = max(0, start - 60) + m.start()
                break
        return best

    def mentions(self, sentence: str) -> list[Mention]:
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        def add(start: int, end: int, person: PersonRef) -> None:
            title_start = self._title_start(sentence, start)
            country, country_start = self._prefix_country(sentence, title_start)
            if not person.known and country and person.country is None:
                person.country = country
            span_start = min(title_start, country_start if country else title_start)
            mention = Mention(start, end, span_start, person)
            mention.speaker = bool(SPEAKER_AFTER.match(sentence[end:])) or sentence[
                max(0, span_start - 13) : span_start
            ].lower().endswith("according to ")
            mention.honoree = bool(
                HONOREE_BEFORE.search(sentence[:span_start]) or HONOREE_AFTER.match(sentence[end:])
            )
            found.append(mention)
            taken.append((start, end))

        for m in self.k.people_re.finditer(sentence):
            p = self.k.by_alias[m.group(0)]
            ref = self._register(
                PersonRef(p.name, p.country, p.org, True, p.role, p.is_current_head), p.aliases
            )
            add(m.start(), m.end(), ref)
        for m in KEEP_TITLE.finditer(sentence):
            if free(m.start(), m.end()):
                name = m.group(0).rstrip(".")
                name = re.sub(r"['’]s$", "", name)
                if self.k.country_of(m.group("name")) or m.group("name") in self.aliases:
                    continue
                ref = self._register(PersonRef(name, None, None, False, m.group("title").lower()))
                add(m.start(), m.start() + len(name), ref)
        for pattern in (self.k.title_re, ROLE_WORD):
            for m in (
                re.finditer(r"(?:" + pattern.pattern + r"),?\s+(?P<nm>" + _NAME2 + r")", sentence)
                if pattern is self.k.title_re
                else pattern.finditer(sentence)
            ):
                group = "nm" if pattern is self.k.title_re else "name"
                name = re.sub(r"['’]s$", "", m.group(group))
                start = m.start(group)
                if not free(start, start + len(name)):
                    continue
                if not self._plausible_name(name):
                    continue
                ref = self._register(PersonRef(name, None, None, False))
                add(start, start + len(name), ref)
        # Known-by-now people under a shorter name ("Lee", "Overchuk").
        for m in re.finditer(_TOK, sentence):
            token = re.sub(r"['’]s$", "", m.group(0))
            ref = self.aliases.get(token)
            if ref and free(m.start(), m.start() + len(token)):
                add(m.start(), m.start() + len(token), ref)
        # "the Russian leader", "the pontiff"
        for m in re.finditer(
            r"\bthe (?P<adj>[A-Z][\w-]+) (?:leader|president|prime minister|premier)\b|"
            r"\bthe (?:pontiff|pope)\b",
            sentence,
        ):
            if not free(m.start(), m.end()):
                continue
            ref = None
            if m.group("adj"):
                code = self.k.country_names.get(m.group("adj"))
                ref = self.last_by_country.get(code) if code else None
            else:
                ref = next((p for p in self.people.values() if p.role == "pope"), None)
            if ref:
                add(m.start(), m.end(), ref)
        found.sort(key=lambda x: x.start)
        # he / she: the nearest named person before it in the sentence, else the last subject.
        for m in PRONOUN.finditer(sentence):
            if re.search(r"\b(?:if|whether|had|unless)\s*$", sentence[: m.start()]):
                continue  # conditional: "if he came", "had he arrived"
            before = [x for x in found if x.end <= m.start()]
            speakers = [x for x in before if x.speaker]
            named = [x for x in before if not x.speaker]
            if speakers:  # "X told reporters that he would not come"
                ref = speakers[0].person
            else:
                ref = named[-1].person if named else self.previous_subject
            if ref is not None:
                pronoun = Mention(m.start(), m.end(), m.start(), ref)
                pronoun.speaker = bool(SPEAKER_AFTER.match(sentence[m.end() :]))
                found.append(pronoun)
        found.sort(key=lambda x: x.start)
        subjects = [x for x in found if not x.speaker]
        if subjects:
            self.previous_subject = subjects[0].person
        for x in found:
            if x.person.country:
                self.last_by_country[x.person.country] = x.person
        return found

    def _plausible_name(self, name: str) -> bool:
        tokens = name.split()
        if any(t in NOT_NAME_WORDS for t in tokens):
            return False
        if self.k.country_of(name) or self.k.org_re.fullmatch(name) or self.k.city(name):
            return False
        return not any(self.k.country_names.get(t) for t in tokens)
