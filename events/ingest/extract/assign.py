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

VIDEO = re.compile(r"video|online|remotely", re.I)
THEY_ARE = re.compile(r"^(?:They|These|Those) (?:are|were|include|included)\b")


def _groups(sentence: str, mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and LIST_GAP.match(sentence[groups[-1][-1].end : mention.span_start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _presence(match_text: str, sentence: str, event_past: bool | None, past: bool) -> str:
    """attended or accepted: the event's date decides, the cue's tense when the date is unknown.
    An event after the published date cannot have been attended."""
    if event_past is None:
        return "attended" if past else "accepted"
    return "attended" if event_past else "accepted"


def sentence_statuses(
    sentence: str, mentions: list[Mention], event_past: bool | None, previous: str = ""
) -> list[tuple[Mention, str]]:
    """(mention, status) pairs the sentence supports. ``event_past`` is whether the event had
    happened by the published date (None when unknown)."""
    if NOT_INVITED.search(sentence):
        return []
    # "They are A, B and C": the list takes the previous sentence's cue.
    sentence_for_cue = previous if previous and THEY_ARE.match(sentence) else None
    out: list[tuple[Mention, str]] = []
    future_sentence = bool(FUTURE_TENSE.search(sentence))
    groups = _groups(sentence, mentions)
    for gi, group in enumerate(groups):
        left_bound = groups[gi - 1][-1].end if gi else 0
        right_bound = groups[gi + 1][0].span_start if gi + 1 < len(groups) else len(sentence)
        right = sentence[group[-1].end : right_bound]
        if sentence_for_cue is not None:
            right = right + " " + sentence_for_cue
        left = sentence[left_bound : group[0].span_start]
        statuses: set[str] = set()
        if L_DECLINE.search(left):  # "Li, not Xi, will lead", "in place of X"
            for mention in group:
                out.append((mention, "declined"))
            continue
        if R_INVITED.search(right):
            statuses.add("invited")
        declined = R_DECLINE.search(right)
        if declined:
            statuses.add("declined")
        future = R_PRESENT_FUTURE.search(right)
        past = R_PRESENT_PAST.search(right)
        if future and (not declined or future.start() > declined.end()):
            text = future.group(0).lower()
            statuses.add(
                "accepted" if "accept" in text else _presence(text, sentence, event_past, False)
            )
        if (
            declined
            and VIDEO.search(declined.group(0))
            and not re.search(r"rather than (?:by |via )?video", right, re.I)
        ):
            past = future = None  # joining by video is not attendance
        elif declined and VIDEO.search(declined.group(0)):
            statuses.discard("declined")
            declined = None
        if past and (not declined or past.start() > declined.end()):
            statuses.add(_presence(past.group(0), sentence, event_past, not future_sentence))
        if not statuses:
            if L_DECLINE.search(left):
                statuses.add("declined")
            elif L_PRESENT.search(left):
                statuses.add(
                    _presence("", sentence, event_past, not future_sentence)
                    if not future_sentence
                    else "accepted"
                )
            elif L_INVITED.search(left) and "invit" in left.lower():
                statuses.add("invited")
        if (
            REPORTED.search(sentence)
            and DENY.search(sentence)
            and statuses
            and "confirm or deny" not in sentence
        ):
            statuses = {"accepted", "denied"}
        for mention in group:
            if mention.speaker or mention.honoree:
                continue
            for status in statuses:
                out.append((mention, status))
    return out
