"""The one rule that turns an invitation's claims into its current status.

Pure Python over claim-like objects (status, as_of, source_key), so it is
tested as a table and reused by the services, the demo loader and the API.

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
from collections.abc import Sequence
from typing import Protocol, TypeVar

POSITIVE = frozenset({"accepted", "attended"})
NEGATIVE = frozenset({"declined", "denied"})


class ClaimLike(Protocol):
    status: str
    as_of: datetime.date
    source_key: str


C = TypeVar("C", bound=ClaimLike)


def contradicts(a: str, b: str) -> bool:
    return (a in POSITIVE and b in NEGATIVE) or (a in NEGATIVE and b in POSITIVE)


def derive_status(claims: Sequence[C], *, window_days: int = 7) -> tuple[str, C | None]:
    """Return (status, deciding claim) for approved claims given in history order."""
    if not claims:
        return "invited", None
    stronger = [c for c in claims if c.status != "invited"]
    deciding = stronger[-1] if stronger else claims[-1]
    if deciding.status == "denied" or deciding.status == "invited":
        return deciding.status, deciding
    since = deciding.as_of - datetime.timedelta(days=window_days)
    for other in stronger:
        if (
            other.as_of >= since
            and other.source_key != deciding.source_key
            and contradicts(other.status, deciding.status)
        ):
            return "disputed", deciding
    return deciding.status, deciding
