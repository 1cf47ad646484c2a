"""The event page's world map and claim timeline, computed from what the page
already loaded (invitations with their claims prefetched): no queries here.

Plain Python: the templates (events/_map.html, events/_timeline.html) turn
these dicts into inline SVG and HTML. The country shapes come from
events/data/world-map.json, built once by scripts/build_world_map.py.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from events import status as vocabulary
from events.templatetags.dais import http_url

MAP_FILE = Path(__file__).resolve().parent / "data" / "world-map.json"

# When a country has several invitees, the map shows the status that says most
# about whether someone from that country will be (or was) there, the first in
# the bars' order (events.status.BAR_ORDER). Every invitee is still listed in
# the tooltip and the text list.
COUNTRY_STATUS_RANK = vocabulary.BAR_ORDER
# A shape smaller than this (square map units, on a 1000-unit-wide map) also
# gets a dot, or it could not be seen or hovered.
SMALL_AREA = 40.0


@cache
def world_shapes() -> dict:
    return json.loads(MAP_FILE.read_text())


def _day(d: datetime.date) -> str:
    return f"{d.day} {d:%B %Y}"


def _source(claim) -> str:
    if claim is None:
        return "no sourced report yet"
    outlet = claim.source_outlet or claim.source_url or "no source named"
    return f"{outlet}, {_day(claim.as_of)}"


@dataclass
class CountryEntry:
    code: str
    name: str
    status: str = ""
    invitations: list = field(default_factory=list)
    host: bool = False
    shape: dict | None = None

    @property
    def title(self) -> str:
        lines = [self.name + (" (host country)" if self.host else "")]
        for inv in self.invitations:
            lines.append(
                f"{inv.invitee.name}: {inv.get_status_display().lower()} ({_source(inv.current_claim)})"
            )
        return "\n".join(lines)


def world_map(event, invitations: list) -> dict:
    """Every country shape, coloured where someone from it is invited; the host
    marked; the legend and a text list (which includes invitees from countries
    too small to have a shape, and those with no country)."""
    shapes = world_shapes()
    entries: dict[str, CountryEntry] = {}
    stateless = []
    for inv in invitations:
        country = inv.invitee.country
        if country is None:
            stateless.append(inv)
            continue
        entry = entries.setdefault(country.code, CountryEntry(country.code, country.name))
        entry.invitations.append(inv)
    for entry in entries.values():
        entry.status = vocabulary.strongest(i.status for i in entry.invitations)
    host = event.country
    if host is not None:
        entries.setdefault(host.code, CountryEntry(host.code, host.name)).host = True

    paths, dots = [], []
    for code, shape in shapes["countries"].items():
        entry = entries.get(code)
        if entry is not None:
            entry.shape = shape
            paths.append({"code": code, "d": shape["d"], "entry": entry})
            if shape["a"] < SMALL_AREA and entry.status:
                dots.append({"x": shape["c"][0], "y": shape["c"][1], "entry": entry})
        else:
            paths.append({"code": code, "d": shape["d"], "entry": None})
    # Coloured and host shapes last, so their outlines are drawn on top.
    paths.sort(key=lambda p: (p["entry"] is not None, bool(p["entry"] and p["entry"].host)))
    host_entry = entries.get(host.code) if host is not None else None
    listed = sorted(
        (e for e in entries.values() if e.status),
        key=lambda e: (COUNTRY_STATUS_RANK.index(e.status), e.name),
    )
    counts = {s: sum(1 for e in listed if e.status == s) for s in COUNTRY_STATUS_RANK}
    return {
        "view_box": " ".join(str(n) for n in shapes["viewBox"]),
        "land": shapes["land"],
        "paths": paths,
        "dots": dots,
        "host": host_entry,
        "host_mark": host_entry.shape["c"] if host_entry and host_entry.shape else None,
        "countries": listed,
        "unmapped": [e for e in listed if e.shape is None],
        "stateless": stateless,
        "legend": [(s, counts[s]) for s in COUNTRY_STATUS_RANK if counts[s]],
        "summary": ", ".join(f"{counts[s]} {s}" for s in COUNTRY_STATUS_RANK if counts[s]),
    }


# --- Timeline -------------------------------------------------------------------------
def _month_ticks(start: datetime.date, end: datetime.date, most: int = 7) -> list:
    months = []
    y, m = start.year, start.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = datetime.date(y, m, 1)
        if d > end:
            break
        months.append(d)
    step = 1
    while len(months[::step]) > most:
        step += 1 if step < 3 else 3
    return months[::step]


def timeline(event, invitations: list) -> dict:
    """One row per invitee, one mark per approved claim at its as-of date.
    Pending and rejected claims are left out: the timeline is the public record
    the statuses are derived from."""
    rows = []
    dates = [event.start_date]
    for inv in invitations:
        claims = vocabulary.approved(inv.claims.all())
        dates += [c.as_of for c in claims]
        rows.append({"invitation": inv, "claims": claims})
    first, last = min(dates), max(dates)
    pad = max(datetime.timedelta(days=3), (last - first) / 25)
    start, end = first - pad, last + pad
    span = (end - start).days or 1

    def x(d: datetime.date) -> float:
        return round(100 * (d - start).days / span, 2)

    count = 0
    for row in rows:
        marks, lanes = [], [-100.0, -100.0]
        for claim in row["claims"]:
            pos = x(claim.as_of)
            lane = 0 if pos - lanes[0] >= 5 else (1 if pos - lanes[1] >= 5 else 0)
            lanes[lane] = pos
            marks.append(
                {
                    "claim": claim,
                    "x": pos,
                    "lane": lane,
                    "url": http_url(claim.source_url),
                    "label": f"{claim.get_status_display()}, {_day(claim.as_of)}: "
                    f"{claim.source_outlet or claim.source_url or 'no source named'}",
                }
            )
        row["marks"] = marks
        count += len(marks)
    # Earliest news first; invitees with no claim at the end.
    rows.sort(
        key=lambda r: (
            r["claims"][0].as_of if r["claims"] else datetime.date.max,
            vocabulary.display_rank(r["invitation"].status),
            r["invitation"].invitee.name,
        )
    )
    event_x = x(event.start_date)
    # No month label under the event day's own label.
    ticks = [
        {"x": x(d), "date": d, "year": d.month == 1}
        for d in _month_ticks(start, end)
        if abs(x(d) - event_x) > 9
    ]
    if ticks:
        ticks[0]["year"] = True
    return {
        "rows": rows,
        "claim_count": count,
        "ticks": ticks,
        "event_x": event_x,
        "first": first,
        "last": last,
        "statuses": vocabulary.CLAIM_STATUSES,
    }
