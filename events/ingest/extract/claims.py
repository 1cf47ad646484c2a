"""People in a report and what the text says they did about an event.

Mentions are found per sentence (known people, titled names, "Kenya's William Ruto", later
surnames, "the Russian leader", he/she); mentions joined by commas and "and" form a list that
shares one status cue. Cues to the right of a name are what the name did ("X stayed away"); cues
to the left are what was done to it ("represented by X", "sending X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import (  # noqa: F401  (re-exported for assign.py)
    _NAME1,
    _NAME2,
    _PART,
    _TOK,
    APPOSITION,
    APPOSITION_HINTS,
    DENY,
    FUTURE_TENSE,
    HONOREE_AFTER,
    HONOREE_BEFORE,
    HONOREE_HINTS,
    INVITER,
    KEEP_TITLE,
    KEEP_TITLE_HINTS,
    L_DECLINE,
    L_INVITED,
    L_PRESENT,
    LIST_GAP,
    NOT_INVITED,
    NOT_NAME_WORDS,
    POSSESSIVE,
    PREFIX_BLOCK,
    PREFIX_GAP,
    PRONOUN,
    R_DECLINE,
    R_INVITED,
    R_PRESENT_FUTURE,
    R_PRESENT_PAST,
    REPORTED,
    ROLE_HINTS,
    ROLE_WORD,
    SENDER_GAP,
    SPEAKER_AFTER,
    TITLE_GAP,
    TITLED_NAME,
    WORD_BEFORE,
    appositions,
    appositive_country,
    hinted,
)
from .knowledge import Knowledge

TOKEN = re.compile(_TOK)
DELEGATION_LED_BY = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?delegation\s+(?:was|is|will be|has been|would be)\s+(?:led|headed)"
    r"\s+by\s+"
)
OF_COUNTRY = re.compile(r" of (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})")
# (a literal first, the word boundary after it: the engine then jumps from "the" to "the")
THE_LEADER = re.compile(
    r"the(?<!\wthe) (?:(?P<adj>[A-Z][\w-]+) (?:leader|president|prime minister|premier)|"
    r"(?:pontiff|pope))\b"
)
CONDITIONAL = re.compile(r"\b(?:if|whether|had|unless)\s*$")  # "if he came", "had he arrived"


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

    def _prefix_country(
        self, sentence: str, start: int, taken: list[tuple[int, int]] = ()
    ) -> tuple[str | None, int]:
        """The country named just before a mention ("Kenya's", "Chinese", "India will be
        represented by"): (alpha-2, offset) or (None, start)."""
        for m in self.countries:
            if m.end() > start:
                break
            if m.start() < start - 70 or any(a <= m.start() < b for a, b in taken):
                continue  # too far, or inside another name ("Santiago" in "Santiago Peña")
            if any(m.end() <= a < start for a, _b in taken):
                continue  # another name lies between: "Nigerian President X, President Y"
            between = sentence[m.end() : start]
            if SENDER_GAP.fullmatch(between) or DELEGATION_LED_BY.fullmatch(
                between
            ):  # the verb is the cue: keep it out of the span
                return self.k.country_names[m.group(0)], start
            if PREFIX_GAP.fullmatch(between) and not PREFIX_BLOCK.search(between):
                return self.k.country_names[m.group(0)], m.start()
        return None, start

    def _title_start(self, sentence: str, start: int) -> int:
        for m in self._titles:
            if m.end() > start:
                break
            if m.start() < start - 60 or not TITLE_GAP.fullmatch(sentence, m.end(), start):
                continue
            # "External Affairs Minister": capitalised words before the title belong to it
            begin = m.start()
            while True:
                word = WORD_BEFORE.search(sentence, max(0, begin - 80), begin)
                if not word or word.start() == 0 or word.group(1) in self.k.country_names:
                    break
                begin = word.start(1)
            return begin
        return start

    def mentions(self, sentence: str) -> list[Mention]:
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        people, self.countries, self._titles = self.k.scan(sentence)

        honoree_words = hinted(sentence.lower(), HONOREE_HINTS)

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        def add(start: int, end: int, person: PersonRef) -> None:
            title_start = self._title_start(sentence, start)
            country, country_start = self._prefix_country(sentence, title_start, taken)
            if not person.known and person.country is None:
                person.country = country or appositive_country(self.k, sentence, end)
            span_start = min(title_start, country_start if country else title_start)
            mention = Mention(start, end, span_start, person)
            mention.speaker = bool(SPEAKER_AFTER.match(sentence, end)) or sentence[
                max(0, span_start - 13) : span_start
            ].lower().endswith("according to ")
            mention.honoree = bool(
                (
                    honoree_words
                    and HONOREE_BEFORE.search(sentence, max(0, span_start - 120), span_start)
                )
                or HONOREE_AFTER.match(sentence, end)
            )
            found.append(mention)
            taken.append((start, end))

        for m in people:
            p = self.k.by_alias[m.group(0)]
            ref = self.people.get(p.name)
            if ref is None or ref.country is None:
                ref = self._register(
                    PersonRef(p.name, p.country, p.org, True, p.role, p.is_current_head),
                    p.aliases,
                )
            end = m.end()
            of = OF_COUNTRY.match(sentence, end)  # "King Philippe of Belgium": one mention
            if of and p.country and self.k.country_of(of.group(1)) == p.country:
                end = of.end()
            add(m.start(), end, ref)
        for m in KEEP_TITLE.finditer(sentence) if hinted(sentence, KEEP_TITLE_HINTS) else ():
            if free(m.start(), m.end()):
                name = m.group(0).rstrip(".")
                name = re.sub(r"['’]s$", "", name)
                given = m.group("name")
                if (self.k.country_of(given) and given not in self.k.capitals) or (
                    given in self.aliases
                ):
                    continue
                end = m.start() + len(name)
                of = OF_COUNTRY.match(sentence, end)  # "King Felipe VI of Spain"
                country = self.k.country_of(of.group(1)) if of else None
                ref = self._register(
                    PersonRef(name, country, None, False, m.group("title").lower())
                )
                add(m.start(), of.end() if country else end, ref)
        titled = [
            (m.start("nm"), m.group("nm"))
            for t in self._titles
            if (m := TITLED_NAME.match(sentence, t.end()))
        ]
        if hinted(sentence, ROLE_HINTS):
            titled += [(m.start("name"), m.group("name")) for m in ROLE_WORD.finditer(sentence)]
        if ", " in sentence and hinted(sentence.lower(), APPOSITION_HINTS):
            titled += appositions(sentence)
        for start, name in titled:
            name = POSSESSIVE.sub("", name)
            if not free(start, start + len(name)) or not self._plausible_name(name):
                continue
            known = self.k.close_person(name)  # "Narenda Modi", "Cyril Ramaposa"
            if known is not None:
                ref = self.people.get(known.name) or self._register(
                    PersonRef(
                        known.name, known.country, known.org, True, known.role,
                        known.is_current_head,
                    ),
                    known.aliases,
                )  # fmt: skip
            else:
                ref = self._register(PersonRef(name, None, None, False))
            add(start, start + len(name), ref)
        # Known-by-now people under a shorter name ("Lee", "Overchuk").
        for m in TOKEN.finditer(sentence):
            token = m.group(0)
            if token.endswith(("'s", "’s")):
                token = token[:-2]
            ref = self.aliases.get(token)
            if ref and free(m.start(), m.start() + len(token)):
                add(m.start(), m.start() + len(token), ref)
        # "the Russian leader", "the pontiff"
        for m in THE_LEADER.finditer(sentence) if "the " in sentence else ():
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
            if CONDITIONAL.search(sentence, max(0, m.start() - 30), m.start()):
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
