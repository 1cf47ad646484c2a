"""R2: the home page and an event page with about 300 invitees against
one-query baselines building the same data as JSON in PostgreSQL.

    python -m bench.r2_pages [--quick] [--repeat N] [--inner N]
"""

from __future__ import annotations

import sys

from bench import datasets
from bench.common import (
    client,
    compare,
    get_ok,
    parser,
    setup_django,
    summary,
    verdict,
)

TARGET = 3.0


def event_with_invitees(n: int) -> tuple[str, int]:
    """The slug of the event whose invitee count is closest to n."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.slug, count(*) AS k FROM events_event e "
            "JOIN events_invitation i ON i.event_id = e.id GROUP BY e.id "
            "ORDER BY abs(count(*) - %s), e.id LIMIT 1",
            [n],
        )
        return cursor.fetchone()


def main(argv: list[str] | None = None) -> int:
    args = parser(__doc__.splitlines()[0]).parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 11)
    inner = args.inner or (3 if args.quick else 10)
    url = datasets.ensure("quick" if args.quick else "large")
    setup_django(url)
    c = client()
    slug, invitees = event_with_invitees(300)
    cases = [
        ("home page", "/", "/bench/baseline/home/"),
        (
            f"event page ({invitees} invitees)",
            f"/events/{slug}/",
            f"/bench/baseline/event/{slug}/",
        ),
    ]
    rows, ok = [], True
    for name, page, base in cases:
        get_ok(c, page), get_ok(c, base)
        r = compare(lambda p=page: get_ok(c, p), lambda b=base: get_ok(c, b), repeat, inner)
        print(f"R2 {name} page/baseline ratio min/median/max: {summary(r['ratios'])}")
        print(
            f"   page ms {summary(r['a_ms'], '{:.1f}')}; baseline ms {summary(r['b_ms'], '{:.1f}')}"
        )
        v = verdict(r["ratios"], TARGET)
        ok &= v == "met"
        rows.append(
            f"| {name} `{page}` | {summary(r['ratios'])} | {summary(r['a_ms'], '{:.1f}')} | "
            f"{summary(r['b_ms'], '{:.1f}')} | {v} |"
        )
    if not args.no_write and not args.quick:
        from bench.results import machine_info, update_section

        table = "\n".join(rows)
        update_section(
            "R2 pages",
            f"""Machine: {machine_info()}

Each page (full HTML, anonymous) against a plain view answering the same data as
JSON built by one SQL statement (home: the first page of upcoming events with their
counts per status; event: the event, every invitee with country, status and
approved claims). Database of 1M claims. In-process, warmed up, interleaved;
{repeat} repetitions of {inner} calls each. Figures are min / median / max.

| page | ratio page / baseline | page ms | baseline ms | target <= {TARGET} (median) |
|---|---|---|---|---|
{table}""",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
