"""The extractor's output types: plain frozen dataclasses, JSON-ready through to_dict()."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field

EVENT_KINDS = (
    "parade",
    "summit",
    "inauguration",
    "funeral",
    "coronation",
    "state_visit",
    "ceremony",
    "conference",
    "other",
)
STATUSES = ("invited", "accepted", "declined", "denied", "attended")


@dataclass(frozen=True)
class ExtractedEvent:
    key: str
    name: str
    kind: str
    start_date: datetime.date | None
    city: str | None
    country: str | None
    date_precision: str | None = None  # "day", "month", "year"; None when nothing is known
    end_date: datetime.date | None = None
    period: str | None = None  # "2029" or "2029-05" when only the year or month is known
    series: str | None = None  # a catalogue series ("g20", "victory-day-moscow")
    edition: int | None = None  # that series' edition, by year


@dataclass(frozen=True)
class ExtractedClaim:
    event: str
    invitee: str | None
    invitee_country: str | None
    inviter: str | None
    status: str
    evidence: str
    confidence: float


@dataclass
class Extraction:
    events: list[ExtractedEvent] = field(default_factory=list)
    claims: list[ExtractedClaim] = field(default_factory=list)
    warning: str | None = None  # why the input was read only in part, or not at all

    def to_dict(self) -> dict:
        events = []
        for event in self.events:
            row = asdict(event)
            row["start_date"] = event.start_date.isoformat() if event.start_date else None
            row["end_date"] = event.end_date.isoformat() if event.end_date else None
            events.append(row)
        out = {"events": events, "claims": [asdict(claim) for claim in self.claims]}
        if self.warning:
            out["warning"] = self.warning
        return out
