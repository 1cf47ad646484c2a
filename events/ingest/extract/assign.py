"""Status cues to statuses for the people mentioned in one sentence."""

from __future__ import annotations

import re

from .claims import (
    DENY,
    FUTURE_TENSE,
    L_DECLINE,
    L_INVITED,
    L_PRESENT,
    LIST_GAP,
    NOT_INVITED,
    R_DECLINE,
    R_INVITED,
    R_PRESENT_FUTURE,
    R_PRESENT_PAST,
    REPORTED,
    Mention,
)
from .cues import (
    APPOSITION_SPAN,
    CLAUSE_END,
    DECLINE_HINTS,
    DENIED_THAT,
    DENY_HINTS,
    FUTURE_HINTS,
    FUTURE_TENSE_HINTS,
    HEDGE,
    L_DECLINE_HINTS,
    PAST_HINTS,
    SEND_FORM,
    STAND_IN_AFTER,
    hinted,
    may_deny_invitation,
    may_present_left,
)

VIDEO = re.compile(r"video|online|remotely|virtual", re.I)
VIDEO_CUE = re.compile(
    r"\b(?:(?:by|via) video|video link|video conference|video (?:message|address|speech|"
    r"statement)s?|virtually|online|remotely)\b",
    re.I,
)
RATHER_THAN_VIDEO = re.compile(r"rather than (?:by |via )?video", re.I)
# "11 leaders have accepted, Xi and Modi among them" / "..., including Xi": the list takes
# the cue of the clause that introduces it.
AMONG_AFTER = re.compile(r"^\s*,?\s*(?:(?:were|are|being)\s+)?among (?:them|those)\b", re.I)
LIST_INTRO = re.compile(r"[,:]\s*(?:including|among them|such as|among them were)\s*$", re.I)
REPRESENTED_BY = re.compile(
    r"\s*(?:will |would |is to |was to )?(?:also )?(?:be|been|was|were|is|are) (?:also )?represented by\b",
    re.I,
)
NOT_BETWEEN = re.compile(r"\s*,\s*not\s*")
# a place right after a presence cue, ended by punctuation or a function word (so that "took
# part in the British ceremony" names no place)
PLACE_NEAR = re.compile(
    r"[\w' ]{0,40}?\b(?:in|to)\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*"
    r"(?:\s+(?:(?:de|del|da|do)\s+)?[A-Z][\w'’.-]*){0,2})"
    r"(?=\s*(?:[,.;:]|$)|\s+(?:on|for|that|this|next|last|after|before|and|from|with|where|"
    r"in|at|to|until|ahead|earlier|later|today|tomorrow|yesterday)\b)"
)
# "X and Y were at the resort, along with Z": Z shares the list's status.
COMPANION = re.compile(r",\s*(?:along with|together with)\s*$", re.I)
UNSURE_BEFORE = re.compile(
    r"\b(?:whether|not clear|unclear|uncertain|unknown|undecided|not known|not yet known)\b"
    r"(?![^,;]*(?:[,;]|\b(?:said|says)\b))[^;]*$",
    re.I,
)
HYPOTHETICAL = re.compile(r"\b(?:could|might|may)\b", re.I)
# a plan reported after the event is still only a plan: "was due to attend", "would attend"
PLANNED = re.compile(r"(?:would|was|were|had been|has been) ")
OWN_VERB = re.compile(
    r"\s*(?:have|has|had|are|were|is|was|will|would)\s+(?!been\b|also\b|all\b|both\b|among\b|"
    r"expected\b|due\b|present\b|there\b|in\b|at\b|confirmed\b|led\b|headed\b|"
    r"represented\b)[a-z]+",
    re.I,
)
UNSURE_HINTS = ("whether", "clear", "uncertain", "unknown", "undecided", "not known")
THEY_ARE = re.compile(r"^(?:They|These|Those) (?:are|were|include|included)\b")


def _groups(sentence: str, mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and LIST_GAP.match(sentence[groups[-1][-1].end : mention.span_start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _blank_appositions(sentence: str, mentions: list[Mention]) -> tuple[str, list[Mention]]:
    """Blank ", a close friend of Abe," after a name (offsets kept) and drop the names in it."""
    ends = {m.end for m in mentions}
    spans = [m.span() for m in APPOSITION_SPAN.finditer(sentence) if m.start() in ends]
    if not spans:
        return sentence, mentions
    for a, b in spans:
        sentence = sentence[: a + 1] + " " * (b - a - 2) + sentence[b - 1 :]
    kept = [m for m in mentions if not any(a < m.start < b for a, b in spans)]
    return sentence, kept


def _presence(match_text: str, sentence: str, event_past: bool | None, past: bool) -> str:
    """attended or accepted: the event's date decides, the cue's tense when the date is unknown.
    An event after the published date cannot have been attended."""
    if event_past is None:
        return "attended" if past else "accepted"
    return "attended" if event_past else "accepted"


def _any_cue(text: str) -> bool:
    return bool(
        R_DECLINE.search(text)
        or R_PRESENT_FUTURE.search(text)
        or R_PRESENT_PAST.search(text)
        or ("nvit" in text and R_INVITED.search(text))
    )


def _borrowed_cue(right: str, left: str) -> str:
    """The introducing clause as the list's cue when nothing after the list says anything."""
    low = left.lower()
    intro = (
        LIST_INTRO.search(left) if ("includ" in low or "among" in low or "such as" in low) else None
    )
    if not (intro or AMONG_AFTER.match(right)) or _any_cue(right):
        return right
    clause = left[: intro.start()] if intro else left.rstrip(" ,:")
    cuts = list(CLAUSE_END.finditer(clause))
    if cuts:
        clause = clause[cuts[-1].end() :]
    return clause if _any_cue(clause) else right


def _elsewhere(right: str, cue, away) -> bool:
    """The presence cue puts the person in another place: "is due in California",
    "will travel to Washington for talks", "was in Baku"."""
    place = PLACE_NEAR.match(right, cue.start())
    return bool(place and away(place.group("place")))


def _left_statuses(left: str, sentence: str, event_past, future_sentence: bool) -> set[str]:
    """The status a list takes from the words before it: "Among those present were",
    "Invitees include", "Those who stayed away included"."""
    intro = L_PRESENT.search(left[-100:]) if may_present_left(left[-100:]) else None
    if intro:
        clause = left[-100:][: intro.start()]
        cuts = list(CLAUSE_END.finditer(clause))
        clause = clause[cuts[-1].end() :] if cuts else clause
        lead = intro.group(0).lower()
        if lead.startswith(("includ", "among", "such as")):
            if "invit" in clause.lower():
                return {"invited"}  # "Invitees include A and B"
            if hinted(clause.lower(), DECLINE_HINTS) and R_DECLINE.search(clause):
                return {"declined"}  # "those who stayed away included A, B and C"
        if future_sentence:
            return {"accepted"}
        return {_presence("", sentence, event_past, True)}
    if "invit" in left.lower() and L_INVITED.search(left[-70:]):
        return {"invited"}
    return set()


def sentence_statuses(
    sentence: str,
    mentions: list[Mention],
    event_past: bool | None,
    previous: str = "",
    away=None,
) -> list[tuple[Mention, str]]:
    """(mention, status) pairs the sentence supports. ``event_past`` is whether the event had
    happened by the published date (None when unknown); ``away(place)``, when given, says
    whether a place is somewhere other than the event."""
    if may_deny_invitation(sentence) and NOT_INVITED.search(sentence):
        return []
    # "They are A, B and C": the list takes the previous sentence's cue.
    sentence_for_cue = previous if previous and THEY_ARE.match(sentence) else None
    out: list[tuple[Mention, str]] = []
    low = sentence.lower()
    future_sentence = hinted(low, FUTURE_TENSE_HINTS) and bool(FUTURE_TENSE.search(sentence))
    sentence, mentions = _blank_appositions(sentence, mentions)
    denial = hinted(low, DENY_HINTS) and bool(DENY.search(sentence) and REPORTED.search(sentence))
    groups = _groups(sentence, mentions)
    previous_statuses: set[str] = set()
    for gi, group in enumerate(groups):
        left_bound = groups[gi - 1][-1].end if gi else 0
        right_bound = groups[gi + 1][0].span_start if gi + 1 < len(groups) else len(sentence)
        right = sentence[group[-1].end : right_bound]
        if NOT_BETWEEN.fullmatch(right) and gi + 1 < len(groups):
            # "Li, not Xi, will lead": Li takes the cue after Xi
            after = groups[gi + 2][0].span_start if gi + 2 < len(groups) else len(sentence)
            right = sentence[groups[gi + 1][-1].end : after]
        cut = CLAUSE_END.search(right)
        if cut:
            right = right[: cut.start()]
        low_right = right.lower()
        hedge = HEDGE.search(right) if ("if" in low_right or "whether" in low_right) else None
        if hedge:
            right = right[: hedge.start()]
        if sentence_for_cue is not None:
            right = right + " " + sentence_for_cue
        left = sentence[max(left_bound, group[0].span_start - 120) : group[0].span_start]
        right = _borrowed_cue(right, left)
        statuses: set[str] = set()
        rlow = right.lower()
        if (
            hinted(left[-40:], L_DECLINE_HINTS)
            and L_DECLINE.search(left[-40:])
            and not HYPOTHETICAL.search(left[-60:])
        ):  # "Li, not Xi, will lead", "in place of X"; not "could attend in place of X"
            for mention in group:
                out.append((mention, "declined"))
            continue
        if "nvit" in right and R_INVITED.search(right):
            statuses.add("invited")
        declined = R_DECLINE.search(right) if hinted(rlow, DECLINE_HINTS) else None
        if declined and SEND_FORM.search(declined.group(0)):
            # "will send X": a decline only when a stand-in follows, not "to send a protocol"
            after = group[-1].end + declined.end()
            if not (
                STAND_IN_AFTER.match(right, declined.end())
                or any(0 <= m.span_start - after < 40 for m in mentions)
            ):
                declined = None
        if REPRESENTED_BY.match(right):  # "X will be represented by Y": Y stands in for X
            declined = declined or REPRESENTED_BY.match(right)
        if declined:
            statuses.add("declined")
        future = R_PRESENT_FUTURE.search(right) if hinted(rlow, FUTURE_HINTS) else None
        past = R_PRESENT_PAST.search(right) if hinted(rlow, PAST_HINTS) else None
        if away is not None:  # ``away(place)``: whether a place is not where the event is
            if future and _elsewhere(right, future, away):
                future = None
            if past and _elsewhere(right, past, away):
                past = None
        earlier = future is not None and future.group(0).lower().startswith("had")
        if future and (not declined or future.start() > declined.end() or earlier):
            # "who had accepted an invitation, cancelled": both steps are kept
            text = future.group(0).lower()
            statuses.add(
                "accepted"
                if "accept" in text or earlier or PLANNED.match(text)
                else _presence(text, sentence, event_past, False)
            )
        # joining by video is not attendance: "stayed in Moscow and addressed it by video link"
        video = declined and (
            VIDEO.search(declined.group(0)) or VIDEO_CUE.search(right, declined.end())
        )
        if video and not RATHER_THAN_VIDEO.search(right):
            past = future = None
        elif declined and VIDEO.search(declined.group(0)):
            statuses.discard("declined")
            declined = None
        if past and (not declined or past.start() > declined.end()):
            statuses.add(_presence(past.group(0), sentence, event_past, not future_sentence))
        if not statuses and previous_statuses and COMPANION.search(left):
            statuses = set(previous_statuses)
        if not statuses and not OWN_VERB.match(right):
            # (a list that is the subject of another verb, "leaders including X have reached
            # out", takes no status from the words before it)
            statuses = _left_statuses(left, sentence, event_past, future_sentence)
        low_left = left[-80:].lower()
        if (
            statuses & {"accepted", "attended"}
            and hinted(low_left, UNSURE_HINTS)
            and UNSURE_BEFORE.search(left[-80:])
        ):
            # "It is not clear whether X will attend": nothing stronger than an invitation
            statuses -= {"accepted", "attended"}
        denied_that = hinted(low_left, ("den", "refut", "dismiss")) and bool(
            DENIED_THAT.search(left[-80:])
        )
        if denied_that and not statuses:
            statuses = {"accepted"}
        if (denial or denied_that) and statuses and "confirm or deny" not in sentence:
            statuses = {"accepted", "denied"}
        previous_statuses = statuses
        for mention in group:
            if mention.speaker or mention.honoree:
                continue
            for status in sorted(statuses):
                out.append((mention, status))
    return out
