"""R1: GET /api/events/?upcoming=true (a page of 50 events with their
invitations) against a one-query baseline producing the same JSON.

    python -m bench.r1_api [--quick] [--repeat N] [--inner N]
"""

from __future__ import annotations

import json
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

TARGET = 2.0
API = "/api/events/?upcoming=true"
BASELINE = "/bench/baseline/api-events/?upcoming=true"


def main(argv: list[str] | None = None) -> int:
    args = parser(__doc__.splitlines()[0]).parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 15)
    inner = args.inner or (3 if args.quick else 20)
    url = datasets.ensure("quick" if args.quick else "large")
    setup_django(url)
    c = client()
    api, base = json.loads(get_ok(c, API)), json.loads(get_ok(c, BASELINE))
    if api != base:
        print("R1: the API and the baseline answer differently", file=sys.stderr)
        return 1
    n_inv = sum(len(e["invitations"]) for e in api["results"])
    print(f"R1: same JSON ({len(api['results'])} events, {n_inv} invitations; checked equal)")
    r = compare(lambda: get_ok(c, API), lambda: get_ok(c, BASELINE), repeat, inner)
    line = f"R1 API/baseline ratio min/median/max: {summary(r['ratios'])} (target <= {TARGET})"
    print(line)
    print(f"   API ms {summary(r['a_ms'], '{:.1f}')}; baseline ms {summary(r['b_ms'], '{:.1f}')}")
    if not args.no_write and not args.quick:
        from bench.results import machine_info, update_section

        update_section(
            "R1 API",
            f"""Machine: {machine_info()}

`GET {API}` (page of {len(api["results"])} events, {n_inv} invitations, database of
1M claims) against a plain view building the same JSON with one SQL statement
(json_build_object/json_agg), checked equal after parsing. In-process (Django test
client), warmed up, interleaved; {repeat} repetitions of {inner} calls each, ratio of
medians per repetition.

| | min | median | max |
|---|---|---|---|
| ratio API / baseline | {summary(r["ratios"]).replace(" / ", " | ")} |
| API ms | {summary(r["a_ms"], "{:.1f}").replace(" / ", " | ")} |
| baseline ms | {summary(r["b_ms"], "{:.1f}").replace(" / ", " | ")} |

Target <= {TARGET}: **{verdict(r["ratios"], TARGET)}** (median).""",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
