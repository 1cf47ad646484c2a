"""The status vocabulary: what a claim or an invitation can say, in which
order pages list and draw the statuses, what they are called, and the one
rule that turns an invitation's claims into its current status.

Everything that speaks of a status (models, services, pages, visuals,
calendars, the API) takes it from here. Plain Python over claim-like objects
(status, as_of, source_key): the rule is tested as a table.

The rule, in order:
1. Only approved claims count. None at all: the invitation is "invited".
2. Claims are read in order of their as-of date (then of recording).
   "invited" is the weakest news: it never replaces a stronger status already
   known, so the deciding claim is the latest claim that says more than
   "invited", or the latest "invited" claim when none does.
3. A denial answers an earlier report, so a deciding "denied" claim stands
   (the acceptance it denies stays in the history with its source).
4. Otherwise, when another source contradicts the deciding claim within the
   dispute window (default 7 days before it) - accepted/attended against
   declined/denied - the status is "disputed".
5. Otherwise the deciding claim's status is the current status.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from django.db import models


class ClaimStatus(models.TextChoices):
    """What one source says about an invitation."""

    INVITED = "invited", "Invited"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    DENIED = "denied", "Denied"
    ATTENDED = "attended", "Attended"


class InvitationStatus(models.TextChoices):
    """An invitation's current status: a claim status, or "disputed"."""

    INVITED = "invited", "Invited"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    DENIED = "denied", "Denied"
    ATTENDED = "attended", "Attended"
    DISPUTED = "disputed", "Disputed"


class ReviewState(models.TextChoices):
    PENDING = "pending", "Pending review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


_S = InvitationStatus


def _values(*statuses: InvitationStatus) -> tuple[str, ...]:
    # Plain strings: they end up in templates, cache keys and JSON.
    return tuple(status.value for status in statuses)


POSITIVE = frozenset(_values(_S.ACCEPTED, _S.ATTENDED))
NEGATIVE = frozenset(_values(_S.DECLINED, _S.DENIED))

# Claim statuses in the order of their definition: the timeline's legend.
CLAIM_STATUSES = tuple(ClaimStatus.values)

# Order in which an event page (and a person's or country's record) lists invitees.
DISPLAY_ORDER = _values(_S.ACCEPTED, _S.ATTENDED, _S.DISPUTED, _S.INVITED, _S.DECLINED, _S.DENIED)

# From "coming" to "not coming", the pending in between: the home page's bars,
# and the map, where a country with several invitees shows the first of their
# statuses in this order (anyone attending or accepted beats a dispute, which
# beats an open invitation, which beats refusals).
BAR_ORDER = _values(_S.ATTENDED, _S.ACCEPTED, _S.DISPUTED, _S.INVITED, _S.DECLINED, _S.DENIED)

HEADINGS: dict[str, str] = {
    "accepted": "Accepted",
    "attended": "Attended",
    "disputed": "Disputed: sources disagree",
    "invited": "Invited, no answer known",
    "declined": "Declined",
    "denied": "Denied a report they would come",
}

# The statuses whose invitation shows two sides: a dispute, and a denial with
# the report it answers.
TWO_SIDED = frozenset(_values(_S.DISPUTED, _S.DENIED))

# RFC 5545 has no "attended" or "disputed": attended is an accepted invitation
# that was kept, a disputed one is at best tentative, a denial is a "no".
ICAL_PARTSTAT: dict[str, str] = {
    "invited": "NEEDS-ACTION",
    "accepted": "ACCEPTED",
    "attended": "ACCEPTED",
    "declined": "DECLINED",
    "denied": "DECLINED",
    "disputed": "TENTATIVE",
}


def heading(status: str) -> str:
    return HEADINGS.get(status, status.capitalize())


def display_rank(status: str) -> int:
    return DISPLAY_ORDER.index(status)


def strongest(statuses: Iterable[str]) -> str:
    """The first of the statuses in BAR_ORDER."""
    return min(statuses, key=BAR_ORDER.index)


def by_display_order(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(status, count) in DISPLAY_ORDER, the statuses with a count only."""
    return [(status, counts[status]) for status in DISPLAY_ORDER if counts.get(status)]


def is_approved(claim) -> bool:
    return claim.review_state == ReviewState.APPROVED


def approved(claims: Iterable) -> list:
    """The approved claims among `claims` (order kept): the public record."""
    return [c for c in claims if c.review_state == ReviewState.APPROVED]


# --- The rule -------------------------------------------------------------------------
class ClaimLike(Protocol):
    status: str
    as_of: datetime.date
    source_key: str


C = TypeVar("C", bound=ClaimLike)


def contradicts(a: str, b: str) -> bool:
    return (a in POSITIVE and b in NEGATIVE) or (a in NEGATIVE and b in POSITIVE)


def _deciding(claims: Sequence[C]) -> tuple[list[C], C]:
    stronger = [c for c in claims if c.status != "invited"]
    return stronger, stronger[-1] if stronger else claims[-1]


def _disputing(stronger: Sequence[C], deciding: C, window_days: int) -> list[C]:
    """The claims of other sources that contradict the deciding claim within the window."""
    since = deciding.as_of - datetime.timedelta(days=window_days)
    return [
        other
        for other in stronger
        if other.as_of >= since
        and other.source_key != deciding.source_key
        and contradicts(other.status, deciding.status)
    ]


def derive_status(claims: Sequence[C], *, window_days: int = 7) -> tuple[str, C | None]:
    """Return (status, deciding claim) for approved claims given in history order."""
    if not claims:
        return "invited", None
    stronger, deciding = _deciding(claims)
    if deciding.status in ("denied", "invited"):
        return deciding.status, deciding
    if _disputing(stronger, deciding, window_days):
        return "disputed", deciding
    return deciding.status, deciding


def dispute_sides(claims: Sequence[C], *, window_days: int = 7) -> list[C]:
    """The two sides an invitation shows, for approved claims in history order:
    the deciding claim, then the latest claim against it. For a dispute, the
    claims against it are those that made derive_status call it disputed
    (another source, within the window); for a denial, the latest acceptance
    or attendance it answers, whatever its source or date. Otherwise (and for
    a dispute or denial with nothing against it) the deciding claim alone, or
    nothing when there is no claim."""
    if not claims:
        return []
    stronger, deciding = _deciding(claims)
    if deciding.status == "invited":
        return [deciding]
    if deciding.status == "denied":
        against = [c for c in stronger if contradicts(c.status, deciding.status)]
    else:
        against = _disputing(stronger, deciding, window_days)
    return [deciding, against[-1]] if against else [deciding]
