"""R4 ingestion: the whole pipeline through Celery against the same functions in a plain loop.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dais_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/5 python -m bench.r4_ingest [--repeat 3] [--quick]

A fixed corpus of wire reports (several RSS and Atom feeds; a few items carry
their full text, most need the article page) is served from 127.0.0.1. Each
repeat runs, one after the other on a wiped database:

(a) Celery: `celery -A tracker worker -c 2` on the Redis broker; every source
    is queued for a poll and the clock stops when every report is extracted.
(b) Loop: the same pipeline functions (poll_source, process_report) in 2 plain
    processes, no broker: each polls its share of the feeds, then processes
    its share of the reports.

Worker start-up is outside the clock in both (the processes are started and
warmed first); the order of (a) and (b) alternates between repeats. Prints
reports/s of both and the ratio time Celery / time loop, min/median/max over
the repeats, and writes the "R4 ingestion" section of bench/RESULTS.md.

The database is WIPED (sources, reports, events, people, invitations, claims):
the script refuses a database whose name does not contain "bench" or start
with "test_" unless --wipe is given.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import http.server
import multiprocessing
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

SECTION = "R4 ingestion"
CELERY = str(Path(sys.executable).with_name("celery"))

# --- The corpus ------------------------------------------------------------------------
# Real leaders and real (recurring) state events; the reports themselves are invented.

LEADERS = [
    ("Emmanuel Macron", "French President", "Elysee"),
    ("Friedrich Merz", "German Chancellor", "chancellery"),
    ("Keir Starmer", "British Prime Minister", "Downing Street"),
    ("Giorgia Meloni", "Italian Prime Minister", "Palazzo Chigi"),
    ("Sanae Takaichi", "Japanese Prime Minister", "Japanese government"),
    ("Mark Carney", "Canadian Prime Minister", "Canadian government"),
    ("Anthony Albanese", "Australian Prime Minister", "Australian government"),
    ("Lee Jae-myung", "South Korean President", "presidential office in Seoul"),
    ("Recep Tayyip Erdoğan", "Turkish President", "Turkish presidency"),
    ("Cyril Ramaphosa", "South African President", "Pretoria"),
    ("Luiz Inácio Lula da Silva", "Brazilian President", "Planalto palace"),
    ("Narendra Modi", "Indian Prime Minister", "Indian government"),
    ("Xi Jinping", "Chinese President", "Chinese foreign ministry"),
    ("Vladimir Putin", "Russian President", "Kremlin"),
    ("Donald Trump", "U.S. President", "White House"),
    ("Pedro Sánchez", "Spanish Prime Minister", "Moncloa palace"),
    ("Donald Tusk", "Polish Prime Minister", "Polish government"),
    ("Viktor Orbán", "Hungarian Prime Minister", "Hungarian government"),
    ("Kyriakos Mitsotakis", "Greek Prime Minister", "Greek government"),
    ("Volodymyr Zelensky", "Ukrainian President", "presidential office in Kyiv"),
    ("Abdel Fattah el-Sisi", "Egyptian President", "Egyptian presidency"),
    ("Masoud Pezeshkian", "Iranian President", "Iranian government"),
    ("Kassym-Jomart Tokayev", "Kazakh President", "Akorda"),
    ("Shavkat Mirziyoyev", "Uzbek President", "Uzbek presidency"),
    ("Ilham Aliyev", "Azerbaijani President", "Azerbaijani presidency"),
    ("Aleksandar Vučić", "Serbian President", "Serbian presidency"),
    ("Luís Montenegro", "Portuguese Prime Minister", "Portuguese government"),
    ("Dick Schoof", "Dutch Prime Minister", "Dutch government"),
    ("Petr Pavel", "Czech President", "Prague Castle"),
    ("Alexander Lukashenko", "Belarusian President", "Belarusian presidency"),
]

# (name in the lead, kind, city, host adjective/host noun, date)
EVENTS = [
    ("Republic Day parade", "New Delhi", "India", datetime.date(2027, 1, 26)),
    ("Victory Day parade", "Moscow", "Russia", datetime.date(2027, 5, 9)),
    ("Bastille Day parade", "Paris", "France", datetime.date(2027, 7, 14)),
    ("G20 summit", "Miami", "the United States", datetime.date(2026, 12, 14)),
    ("African Union summit", "Addis Ababa", "Ethiopia", datetime.date(2027, 2, 13)),
    ("Africa Forward summit", "Nairobi", "Kenya", datetime.date(2027, 6, 12)),
    ("ASEAN summit", "Singapore", "Singapore", datetime.date(2027, 5, 20)),
    ("presidential inauguration", "Brasilia", "Brazil", datetime.date(2027, 1, 5)),
]

CLAIMS = [
    "{title} {name} has accepted an invitation to attend the {event}, the {office} said.",
    "{title} {name} declined the invitation because of a scheduling conflict, a spokesman "
    "for the {office} said.",
    "{title} {name} has been invited to the {event}, according to officials in {city}.",
    "{title} {name} will attend the {event}, the {office} confirmed on {weekday}.",
]

FILLER = [
    "Officials said security in {city} would be tightened from early in the week, with roads "
    "around the main venue closed to traffic and extra police brought in from other regions.",
    "The foreign ministry said more than {n} delegations were expected and that bilateral "
    "meetings would be held on the margins, covering trade, energy and climate finance.",
    "Diplomats in {city} said the guest list was being watched closely as a signal of the "
    "host's priorities, after a year in which several leaders cut back on foreign travel.",
    "A ministry spokesperson said the programme would include a state banquet, a wreath-laying "
    "ceremony and a joint statement, although the final text was still being negotiated.",
    "Local media reported that hotels in the capital were fully booked and that {n} "
    "journalists had asked for accreditation, a record for an event of its kind.",
    "Analysts said the attendance list would be read as a test of the host's standing, with "
    "some governments sending ministers rather than heads of state or government.",
    "The organisers said the schedule had been shortened to two days to ease the burden on "
    "visiting delegations, many of whom will travel on to other meetings in the region.",
    "Opposition politicians criticised the cost of the event, which officials put at about "
    "{n} million dollars, and called for a full account to be published afterwards.",
    "Residents were advised to use public transport, and schools near the venue will close "
    "for the duration, the city authorities said in a statement on {weekday}.",
    "Human rights groups urged visiting leaders to raise the cases of detained journalists "
    "and activists in their meetings with the host government.",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Capital Wire", "Global Desk", "Eastern Courier", "Atlantic Press", "Summit News"]
FULL_TEXT_SHARE = 0.2  # the rest need their article page fetched
BASE_DAY = datetime.datetime(2026, 10, 1, 8, 0, tzinfo=datetime.UTC)


def _report(rng: random.Random, i: int, outlet: str) -> dict:
    """One invented wire report of 300-400 words about one event."""
    event, city, host, date = EVENTS[i % len(EVENTS)]
    published = BASE_DAY + datetime.timedelta(hours=3 * i + rng.randrange(3))
    weekday = WEEKDAYS[published.weekday()]
    lead = (
        f"{city.upper()}, {published:%b} {published.day} ({outlet}) – {host[0].upper()}{host[1:]} "
        f"will host the {event} in {city} on {date.day} {date:%B %Y}, the foreign ministry "
        f"said on {weekday}."
    )
    guests = rng.sample(LEADERS, rng.randint(2, 4))
    claims = [
        rng.choice(CLAIMS).format(
            title=title, name=name, office=office, event=event, city=city, weekday=weekday
        )
        for name, title, office in guests
    ]
    paragraphs = [lead, *claims]
    fillers = rng.sample(FILLER, len(FILLER))
    words = sum(len(p.split()) for p in paragraphs)
    for filler in fillers:
        if words >= 300:
            break
        text = filler.format(city=city, n=rng.randint(12, 400), weekday=weekday)
        paragraphs.insert(rng.randint(len(claims), len(paragraphs)), text)
        words += len(text.split())
    # a closing line that makes every report's text unique (dedup is by content hash)
    paragraphs.append(
        f"({outlet} report {i + 1}; reporting by the {city} bureau, "
        f"{rng.randint(100, 999)} words filed at {published:%H:%M} GMT.)"
    )
    slug = f"{event.lower().replace(' ', '-')}-{i + 1:04d}"
    return {
        "title": f"{guests[0][0]} and the {event} in {city}",
        "slug": slug,
        "published": published,
        "paragraphs": paragraphs,
        "full_text": rng.random() < FULL_TEXT_SHARE,
    }


def _article_html(report: dict) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in report["paragraphs"])
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(report['title'])}</title></head><body><nav><a href='/'>Home</a> "
        f"<a href='/world'>World</a></nav><main><article><h1>{escape(report['title'])}</h1>"
        f"{body}</article></main><footer>All rights reserved.</footer></body></html>"
    )


def _rss(outlet: str, items: list[tuple[str, dict]]) -> str:
    parts = []
    for link, r in items:
        content = ""
        if r["full_text"]:
            html = "".join(f"<p>{escape(p)}</p>" for p in r["paragraphs"])
            content = f"<content:encoded><![CDATA[{html}]]></content:encoded>"
        parts.append(
            f"<item><title>{escape(r['title'])}</title><link>{escape(link)}</link>"
            f"<guid>{escape(link)}</guid><pubDate>{format_datetime(r['published'])}</pubDate>"
            f"<description>{escape(r['paragraphs'][0])}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(outlet)}</title><link>http://127.0.0.1/</link><description>Wire"
        f"</description><language>en</language>{''.join(parts)}</channel></rss>"
    )


def _atom(outlet: str, items: list[tuple[str, dict]]) -> str:
    parts = []
    for link, r in items:
        content = ""
        if r["full_text"]:
            html = "".join(f"<p>{escape(p)}</p>" for p in r["paragraphs"])
            content = f'<content type="html">{escape(html)}</content>'
        parts.append(
            f'<entry><title>{escape(r["title"])}</title><link href="{escape(link)}"/>'
            f"<id>{escape(link)}</id><updated>{r['published']:%Y-%m-%dT%H:%M:%SZ}</updated>"
            f"<summary>{escape(r['paragraphs'][0])}</summary>{content}</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(outlet)}</title><id>urn:bench:{escape(outlet)}</id>"
        f"<updated>2026-11-20T10:00:00Z</updated>{''.join(parts)}</feed>"
    )


def build_corpus(items: int = 500, feeds: int = 5, seed: int = 4) -> dict[str, tuple[bytes, str]]:
    """{path: (body, content type)}: `feeds` feeds (RSS and Atom in turn) with
    `items` items in all, and one article page per item. Deterministic."""
    rng = random.Random(seed)
    routes: dict[str, tuple[bytes, str]] = {}
    per_feed: list[list[tuple[str, dict]]] = [[] for _ in range(feeds)]
    for i in range(items):
        f = i % feeds
        outlet = OUTLETS[f % len(OUTLETS)] + ("" if f < len(OUTLETS) else f" {f}")
        report = _report(rng, i, outlet)
        path = f"/{f}/articles/{report['slug']}.html"
        routes[path] = (_article_html(report).encode(), "text/html; charset=utf-8")
        per_feed[f].append((path, report))
    for f, entries in enumerate(per_feed):
        outlet = OUTLETS[f % len(OUTLETS)] + ("" if f < len(OUTLETS) else f" {f}")
        if f % 2 == 0:
            routes[f"/{f}/feed.xml"] = (_rss(outlet, entries).encode(), "application/rss+xml")
        else:
            routes[f"/{f}/atom.xml"] = (_atom(outlet, entries).encode(), "application/atom+xml")
    return routes


def corpus_digest(routes: dict[str, tuple[bytes, str]]) -> str:
    h = hashlib.sha256()
    for path in sorted(routes):
        h.update(path.encode() + b"\0" + routes[path][0] + b"\0")
    return h.hexdigest()


def feed_paths(routes) -> list[str]:
    return sorted(p for p in routes if p.endswith(("feed.xml", "atom.xml")))


class CorpusServer:
    """Serves the corpus on 127.0.0.1 (a free port), in a thread."""

    def __init__(self, routes: dict[str, tuple[bytes, str]]):
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                found = routes.get(self.path.split("?")[0])
                body, ctype = found or (b"not found", "text/plain")
                self.send_response(200 if found else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- Database --------------------------------------------------------------------------

WIPED = [
    "events_claim",
    "events_invitation",
    "events_report",
    "events_source",
    "events_event",
    "events_person",
]


def _django():
    import django

    django.setup()


def wipe_database() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(WIPED)} RESTART IDENTITY CASCADE")
        else:
            for table in WIPED:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names


def create_sources(server: CorpusServer, routes) -> list[int]:
    from events.services.sources import source_create

    ids = []
    for path in feed_paths(routes):
        kind = "atom" if path.endswith("atom.xml") else "rss"
        source = source_create(name=f"bench {path}", url=server.url(path), kind=kind)
        ids.append(source.pk)
    return ids


def extracted_count() -> tuple[int, int]:
    from events.models import Report, ReportState

    done = Report.objects.filter(state__in=[ReportState.EXTRACTED, ReportState.FAILED]).count()
    return done, Report.objects.count()


def _wait_all(items: int, timeout: float) -> None:
    from django.db import connection

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, total = extracted_count()
        if done >= items:
            return
        connection.close()  # fresh snapshot, no idle transaction
        time.sleep(0.1)
    raise SystemExit(f"timed out: {extracted_count()} of {items} reports done")


# --- (a) Celery ------------------------------------------------------------------------


def run_celery(server, routes, items: int, broker: str, log: Path) -> float:
    from events import tasks

    wipe_database()
    tasks.process_report.app.control.purge()
    env = {**os.environ, "CELERY_BROKER_URL": broker}
    with open(log, "a") as handle:
        proc = subprocess.Popen(
            [CELERY, "-A", "tracker", "worker", "--pool=prefork", "-c", "2", "-l", "warning"]
            + ["--without-gossip", "--without-mingle", "--without-heartbeat"]
            + ["-n", f"bench-r4-{os.getpid()}@%h"],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        app = tasks.process_report.app
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit(f"the worker did not start; see {log}")
        app.control.broadcast("ping", reply=True, timeout=1)  # both children forked
        time.sleep(1.0)
        source_ids = create_sources(server, routes)
        start = time.perf_counter()
        for source_id in source_ids:
            tasks.poll_source.delay(source_id)
        _wait_all(items, timeout=600)
        return time.perf_counter() - start
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


# --- (b) The plain loop ----------------------------------------------------------------


def _loop_worker(index: int, procs: int, source_ids: list[int], barrier, db_url: str) -> None:
    os.environ["DATABASE_URL"] = db_url
    _django()
    from events.ingest import pipeline
    from events.models import Report, ReportState

    pipeline.warm_up()
    barrier.wait()  # the clock starts
    for source_id in source_ids[index::procs]:
        pipeline.poll_source(source_id)
    barrier.wait()  # every feed polled: split the reports
    ids = Report.objects.filter(state__in=[ReportState.NEW, ReportState.FETCHED]).values_list(
        "id", flat=True
    )
    for report_id in sorted(ids):
        if report_id % procs == index:
            pipeline.process_report(report_id)


def run_loop(server, routes, items: int, procs: int = 2) -> float:
    from django.db import connection

    wipe_database()
    source_ids = create_sources(server, routes)
    connection.close()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(procs + 1)
    children = [
        ctx.Process(
            target=_loop_worker, args=(i, procs, source_ids, barrier, os.environ["DATABASE_URL"])
        )
        for i in range(procs)
    ]
    for child in children:
        child.start()
    barrier.wait(timeout=120)
    start = time.perf_counter()
    barrier.wait(timeout=600)
    for child in children:
        child.join(timeout=600)
        if child.exitcode != 0:
            raise SystemExit(f"a loop process failed (exit code {child.exitcode})")
    elapsed = time.perf_counter() - start
    done, _ = extracted_count()
    if done < items:
        raise SystemExit(f"the loop left {items - done} reports unprocessed")
    return elapsed


# --- Main ------------------------------------------------------------------------------


def _stats(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def summary() -> dict:
    from events.models import Claim, Event, Person, Report, ReportState

    return {
        "reports": Report.objects.count(),
        "failed": Report.objects.filter(state=ReportState.FAILED).count(),
        "claims": Claim.objects.count(),
        "events": Event.objects.count(),
        "people": Person.objects.count(),
    }


def _create_database_if_missing(url: str) -> None:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--feeds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="20 items, 1 repeat (smoke test)")
    parser.add_argument("--broker", default=os.environ.get("CELERY_BROKER_URL", ""))
    parser.add_argument("--wipe", action="store_true", help="allow wiping any database")
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    args = parser.parse_args(argv)
    if args.quick:
        args.items, args.repeat, args.feeds = 20, 1, 2
    if not args.broker.startswith("redis://"):
        parser.error("give a Redis broker: --broker or CELERY_BROKER_URL=redis://...")
    os.environ["CELERY_BROKER_URL"] = args.broker
    os.environ["DAIS_FETCH_ALLOW_LOOPBACK"] = "true"  # the corpus is served from 127.0.0.1
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DAIS_BENCH_REDIS_URL", args.broker)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        parser.error("set DATABASE_URL to a PostgreSQL database (it will be wiped)")
    _create_database_if_missing(os.environ["DATABASE_URL"])
    _django()
    from django.core.management import call_command
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if not (args.wipe or "bench" in name or name.startswith("test_")):
        parser.error(f"refusing to wipe database {name!r}: name it *bench* or pass --wipe")
    call_command("migrate", verbosity=0)

    routes = build_corpus(args.items, args.feeds)
    server = CorpusServer(routes)
    log = ROOT / "var" / "bench-r4-worker.log"
    log.parent.mkdir(exist_ok=True)
    print(f"R4: {args.items} items in {args.feeds} feeds, corpus {corpus_digest(routes)[:12]}")
    celery_rates, loop_rates, ratios, results = [], [], [], []
    try:
        for n in range(args.repeat):
            # alternate the order, so a machine that slows down or speeds up
            # during the run favours neither side
            if n % 2 == 0:
                t_loop, loop_summary = run_loop(server, routes, args.items), summary()
            t_celery = run_celery(server, routes, args.items, args.broker, log)
            celery_summary = summary()
            if n % 2 == 1:
                t_loop, loop_summary = run_loop(server, routes, args.items), summary()
            celery_rates.append(args.items / t_celery)
            loop_rates.append(args.items / t_loop)
            ratios.append(t_celery / t_loop)
            results.append((loop_summary, celery_summary))
            print(
                f"run {n + 1}: celery {t_celery:.2f}s ({celery_rates[-1]:.1f} reports/s), "
                f"loop {t_loop:.2f}s ({loop_rates[-1]:.1f} reports/s), "
                f"ratio {ratios[-1]:.2f}x  loop {loop_summary}  celery {celery_summary}",
                flush=True,
            )
    finally:
        server.stop()
    print(f"celery reports/s min/median/max: {_stats(celery_rates)}")
    print(f"loop   reports/s min/median/max: {_stats(loop_rates)}")
    print(f"ratio celery/loop min/median/max: {_stats(ratios)}  (target <= 1.25)")
    if not args.no_write:
        from bench.results import machine_info, update_section

        markdown = (
            f"Machine: {machine_info()}\n\n"
            f"`python -m bench.r4_ingest --items {args.items} --feeds {args.feeds} "
            f"--repeat {args.repeat}` ({datetime.date.today():%Y-%m-%d}): the whole pipeline "
            f"(poll, fetch, extract, link, record claims) over {args.items} local feed items, "
            f"corpus `{corpus_digest(routes)[:12]}`.\n\n"
            "| figure | min | median | max |\n|---|---|---|---|\n"
            f"| Celery (2 worker processes, Redis), reports/s | "
            f"{' | '.join(_stats(celery_rates).split(' / '))} |\n"
            f"| plain loop (2 processes, no broker), reports/s | "
            f"{' | '.join(_stats(loop_rates).split(' / '))} |\n"
            f"| time Celery / time loop (target <= 1.25) | "
            f"{' | '.join(_stats(ratios).split(' / '))} |\n\n"
            f"Last run's rows: loop {results[-1][0]}, Celery {results[-1][1]}.\n"
        )
        print(f"wrote {update_section(SECTION, markdown)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
