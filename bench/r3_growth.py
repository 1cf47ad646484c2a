"""R3: R1's endpoint and the home page on a database of 1M claims against one
of 10k claims. Each database is served by its own worker process (warmed up);
the requests alternate between them, one at a time.

    python -m bench.r3_growth [--quick] [--repeat N] [--inner N]

The pages compared hold comparable content: on the small database page 1; on the
large one the page (among its first 10) whose events hold the number of
invitations closest to it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from bench import datasets
from bench.common import ROOT, parser, summary, verdict

TARGET = 1.3
# The large database's page is chosen among its first pages: a deep page (an
# OFFSET of a thousand rows) would measure paging, not growth.
FIRST_PAGES = 10
ENDPOINTS = {
    "api": ("/api/events/?upcoming=true", 50),
    "home": ("/", 40),
}


# --- worker: one database, answers commands on stdin -----------------------------
def worker(url: str) -> None:
    from bench.common import client, get_ok, setup_django

    setup_django(url)
    from django.db import connection

    c = client()
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["op"] == "shape":  # invitations per page of upcoming events
            from django.utils import timezone

            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT (row_number() OVER (ORDER BY e.start_date, e.id) - 1) / %s + 1, "
                    "(SELECT count(*) FROM events_invitation i WHERE i.event_id = e.id) "
                    "FROM events_event e WHERE (e.start_date >= %s OR e.end_date >= %s) "
                    "AND e.lifecycle <> 'cancelled'",
                    [cmd["size"], timezone.localdate(), timezone.localdate()],
                )
                pages: dict[int, int] = {}
                for page, n in cursor.fetchall():
                    pages[page] = pages.get(page, 0) + n
            out = {"pages": pages}
        elif cmd["op"] == "get":
            t0 = time.perf_counter()
            body = get_ok(c, cmd["url"])
            out = {"s": time.perf_counter() - t0, "bytes": len(body)}
        else:
            return
        print(json.dumps(out), flush=True)


class Worker:
    def __init__(self, url: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.r3_growth", "--worker", url],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, **cmd) -> dict:
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("R3: a worker died")
        return json.loads(line)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def with_page(url: str, page: int) -> str:
    if page == 1:
        return url
    return url + ("&" if "?" in url else "?") + f"page={page}"


def main(argv: list[str] | None = None) -> int:
    if argv is None and len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
        return 0
    args = parser(__doc__.splitlines()[0]).parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 11)
    inner = args.inner or (3 if args.quick else 15)
    small_url = datasets.ensure("quick_small" if args.quick else "small")
    large_url = datasets.ensure("quick" if args.quick else "large")
    small, large = Worker(small_url), Worker(large_url)
    rows = []
    try:
        for name, (path, size) in ENDPOINTS.items():
            small_pages = {int(k): v for k, v in small.ask(op="shape", size=size)["pages"].items()}
            large_pages = {int(k): v for k, v in large.ask(op="shape", size=size)["pages"].items()}
            target = small_pages.get(1, 0)
            near = [p for p in large_pages if p <= FIRST_PAGES]
            page = min(near, key=lambda p: (abs(large_pages[p] - target), p))
            s_url, l_url = path, with_page(path, page)
            print(
                f"R3 {name}: small page 1 holds {target} invitations; "
                f"large page {page} holds {large_pages[page]}"
            )
            for _ in range(3):  # warm up
                small.ask(op="get", url=s_url), large.ask(op="get", url=l_url)
            ratios, s_ms, l_ms = [], [], []
            for r in range(repeat):
                ts, tl = [], []
                for i in range(inner):
                    order = [(small, s_url, ts), (large, l_url, tl)]
                    if (i + r) % 2:
                        order.reverse()
                    for w, u, times in order:
                        times.append(w.ask(op="get", url=u)["s"])
                ms, ml = statistics.median(ts), statistics.median(tl)
                ratios.append(ml / ms)
                s_ms.append(ms * 1000)
                l_ms.append(ml * 1000)
            print(f"R3 {name} large/small ratio min/median/max: {summary(ratios)}")
            print(f"   large ms {summary(l_ms, '{:.1f}')}; small ms {summary(s_ms, '{:.1f}')}")
            rows.append(
                f"| {name} `{path}` | 1 ({target}) | {page} ({large_pages[page]}) | "
                f"{summary(ratios)} | {summary(l_ms, '{:.1f}')} | {summary(s_ms, '{:.1f}')} | "
                f"{verdict(ratios, TARGET)} |"
            )
    finally:
        small.close()
        large.close()
    if not args.no_write and not args.quick:
        from bench.common import setup_django
        from bench.results import machine_info, update_section

        setup_django(large_url)
        table = "\n".join(rows)
        update_section(
            "R3 growth",
            f"""Machine: {machine_info()}

The same endpoint on two databases generated by bench/generate.py: large
{"/".join(map(str, datasets.SCALES["large"][:3]))} and small
{"/".join(map(str, datasets.SCALES["small"][:3]))} (events/invitations/claims).
One warmed-up worker process per database, requests alternating one at a time;
{repeat} repetitions of {inner} requests per side. So that the ratio measures growth
and not content, the small database's page 1 is compared with the large database's
page, among its first {FIRST_PAGES}, holding the closest number of invitations (in
brackets); a deeper page would measure OFFSET paging, not growth. Figures are
min / median / max.

| endpoint | small page (invitations) | large page (invitations) | ratio large / small | large ms | small ms | target <= {TARGET} (median) |
|---|---|---|---|---|---|---|
{table}""",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
