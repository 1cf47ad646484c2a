"""Generate a synthetic Dais data set of a chosen scale, fast.

    python -m bench.generate --events 10000 --invitations 100000 --claims 1000000

Realistic in shape: a few events with hundreds of invitees and most with a
handful; claims spread over several years, most of them approved; every
invitation's stored status derived by the same rule the services use.
On PostgreSQL rows go in with COPY in one transaction; on SQLite with
bulk_create. Existing rows are kept: generated rows are tagged with the
slug prefix "bench-" and `--replace` removes an earlier generated set first.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import time
from dataclasses import dataclass

import django
from django.db import connection, transaction
from django.utils import timezone

from events.status import derive_status

KINDS = [
    "parade",
    "summit",
    "inauguration",
    "funeral",
    "coronation",
    "state_visit",
    "ceremony",
    "conference",
    "other",
]
STATUSES = ["invited", "accepted", "declined", "denied", "attended"]
OUTLETS = [
    "Reuters",
    "AP",
    "AFP",
    "TASS",
    "Xinhua",
    "BBC",
    "Le Monde",
    "NHK",
    "Al Jazeera",
    "DPA",
    "ANSA",
    "EFE",
]
ROLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "King",
    "Chancellor",
    "Envoy",
    "Vice-President",
]
CITIES = [
    "Moscow",
    "Beijing",
    "Paris",
    "New Delhi",
    "Brasilia",
    "Washington",
    "London",
    "Tokyo",
    "Rome",
    "Cairo",
    "Jakarta",
    "Nairobi",
    "Ankara",
    "Berlin",
    "Canberra",
]


@dataclass
class _C:
    id: int
    status: str
    as_of: datetime.date
    source_key: str


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def invitee_counts(rng: random.Random, events: int, invitations: int) -> list[int]:
    """A few large events (hundreds of invitees), most with a handful."""
    weights = [rng.paretovariate(1.3) for _ in range(events)]
    total = sum(weights)
    counts = [max(1, int(w / total * invitations)) for w in weights]
    diff = invitations - sum(counts)
    i = 0
    while diff != 0:
        j = i % events
        if diff > 0:
            counts[j] += 1
            diff -= 1
        elif counts[j] > 1:
            counts[j] -= 1
            diff += 1
        i += 1
    return counts


def next_id(model) -> int:
    last = model.objects.order_by("-id").values_list("id", flat=True).first()
    return (last or 0) + 1


def generate(
    events: int, invitations: int, claims: int, people: int, seed: int, replace: bool
) -> None:
    from events.models import Claim, Country, Event, Invitation, Person  # needs django.setup()

    rng = random.Random(seed)
    today = timezone.localdate()
    now = timezone.now()
    codes = list(Country.objects.values_list("code", flat=True))
    if replace:
        with transaction.atomic():
            log("removing an earlier generated set")
            events_q = "SELECT id FROM events_event WHERE slug LIKE 'bench-%%'"
            invitations_q = f"SELECT id FROM events_invitation WHERE event_id IN ({events_q})"
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE events_invitation SET current_claim_id = NULL WHERE id IN ({invitations_q})"
                )
                cursor.execute(f"DELETE FROM events_claim WHERE invitation_id IN ({invitations_q})")
                cursor.execute(f"DELETE FROM events_invitation WHERE event_id IN ({events_q})")
                cursor.execute("DELETE FROM events_event WHERE slug LIKE 'bench-%%'")
                cursor.execute("DELETE FROM events_person WHERE slug LIKE 'bench-%%'")

    pid0, eid0, iid0, cid0 = next_id(Person), next_id(Event), next_id(Invitation), next_id(Claim)
    log(f"people: {people}")
    person_rows = []
    person_country = {}
    for n in range(people):
        pid = pid0 + n
        code = rng.choice(codes)
        person_country[pid] = code
        person_rows.append(
            (
                pid,
                f"Leader {n:06d}",
                f"bench-person-{n}",
                "person",
                code,
                rng.choice(ROLES),
                "[]",
                f"leader {n:06d}",  # names.name_key of the name
                "",
                False,
                now,
                now,
            )
        )

    log(f"events: {events}")
    event_rows = []
    start_span = (datetime.date(2021, 1, 1), today + datetime.timedelta(days=730))
    span_days = (start_span[1] - start_span[0]).days
    event_dates = {}
    for n in range(events):
        eid = eid0 + n
        start = start_span[0] + datetime.timedelta(days=rng.randrange(span_days))
        event_dates[eid] = start
        lifecycle = "held" if start < today else "scheduled"
        event_rows.append(
            (
                eid,
                f"Synthetic {rng.choice(KINDS).replace('_', ' ')} {n}",
                f"bench-event-{n}",
                rng.choice(KINDS),
                start,
                None,
                "day",
                rng.choice(CITIES),
                rng.choice(codes),
                None,
                lifecycle,
                "",
                0,
                False,
                now,
                now,
            )
        )

    log(f"invitations: {invitations}, claims: {claims}")
    counts = invitee_counts(rng, events, invitations)
    per_invitation = [1] * invitations
    extra = claims - invitations
    for _ in range(max(0, extra)):
        # skewed: a minority of invitations gather most of the coverage
        per_invitation[int(invitations * rng.random() ** 2)] += 1
    invitation_rows, claim_rows = [], []
    iid, cid, k = iid0, cid0, 0
    for e_index, count in enumerate(counts):
        eid = eid0 + e_index
        start = event_dates[eid]
        invitees = rng.sample(range(pid0, pid0 + people), min(count, people))
        for pid in invitees:
            history = []
            first = start - datetime.timedelta(days=rng.randrange(30, 400))
            # Each invitation has a fate; most claims repeat it from several
            # outlets, early ones only report the invitation, a few disagree.
            fate = rng.choices(["accepted", "declined", "denied"], weights=[65, 28, 7])[0]
            for j in range(per_invitation[k]):
                as_of = first + datetime.timedelta(days=j * rng.randrange(1, 6))
                if j and j == per_invitation[k] - 1 and start < today:
                    as_of = start + datetime.timedelta(days=1)  # the report after the event
                as_of = min(as_of, today)
                if as_of >= start:
                    status = "attended" if fate == "accepted" else "declined"
                elif j == 0:
                    status = "invited"
                elif fate == "denied":
                    status = "accepted" if j == 1 else "denied"
                else:
                    status = fate if rng.random() < 0.97 else rng.choice(STATUSES[:4])
                outlet = rng.choice(OUTLETS)
                review = "approved" if rng.random() < 0.9 else rng.choice(["pending", "rejected"])
                origin = "extracted" if rng.random() < 0.7 else "manual"
                created = now - datetime.timedelta(days=(today - as_of).days)
                claim_rows.append(
                    (
                        cid,
                        iid,
                        status,
                        as_of,
                        f"https://news.example/{outlet.lower().replace(' ', '-')}/{cid}",
                        outlet,
                        f"Report {cid}",
                        f"Evidence sentence for claim {cid}.",
                        round(rng.uniform(0.5, 1.0), 2),
                        origin,
                        review,
                        None,
                        None,
                        None,
                        created,
                        created,
                    )
                )
                if review == "approved":
                    history.append(_C(cid, status, as_of, outlet.lower()))
                cid += 1
            history.sort(key=lambda c: (c.as_of, c.id))
            status, deciding = derive_status(history)
            invitation_rows.append(
                (
                    iid,
                    eid,
                    pid,
                    None,
                    status,
                    deciding.as_of if deciding else None,
                    deciding.id if deciding else None,
                    now,
                    now,
                )
            )
            iid += 1
            k += 1
    log(
        f"built {len(event_rows)} events, {len(invitation_rows)} invitations, {len(claim_rows)} claims; writing"
    )
    write(person_rows, event_rows, invitation_rows, claim_rows)


COLUMNS = {
    "events_person": (
        "id, name, slug, kind, country_id, role, aliases, name_key, alias_keys, needs_review, "
        "created_at, updated_at"
    ),
    "events_event": "id, title, slug, kind, start_date, end_date, date_precision, city, country_id, host_id, lifecycle, description, sequence, needs_review, created_at, updated_at",
    "events_invitation": "id, event_id, invitee_id, inviter_id, status, status_since, current_claim_id, created_at, updated_at",
    "events_claim": "id, invitation_id, status, as_of, source_url, source_outlet, source_title, evidence, confidence, origin, review_state, recorded_by_id, reviewed_by_id, reviewed_at, created_at, updated_at",
}


def write(person_rows, event_rows, invitation_rows, claim_rows) -> None:
    tables = [
        ("events_person", person_rows),
        ("events_event", event_rows),
        ("events_invitation", invitation_rows),
        ("events_claim", claim_rows),
    ]
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            for table, rows in tables:
                with raw.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                    for n, row in enumerate(rows, 1):
                        copy.write_row(row)
                        if n % 200000 == 0:
                            log(f"  {table}: {n}/{len(rows)}")
                log(f"  {table}: {len(rows)} rows")
            for table, _ in tables:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
        else:
            for table, rows in tables:
                placeholders = ", ".join(["%s"] * len(COLUMNS[table].split(",")))
                for i in range(0, len(rows), 5000):
                    cursor.executemany(
                        f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({placeholders})",
                        rows[i : i + 5000],
                    )
                log(f"  {table}: {len(rows)} rows")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    log(f"written in {time.monotonic() - started:.1f}s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--invitations", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--replace", action="store_true", help="remove an earlier generated set first"
    )
    args = parser.parse_args(argv)
    if not (args.events <= args.invitations <= args.claims):
        parser.error("need events <= invitations <= claims")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    django.setup()
    t0 = time.monotonic()
    generate(args.events, args.invitations, args.claims, args.people, args.seed, args.replace)
    log(f"done in {time.monotonic() - t0:.1f}s")


if __name__ == "__main__":
    main()
