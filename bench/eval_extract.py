"""Score the extractor on annotated reports and measure its speed.

    python -m bench.eval_extract [PATH ...] [--repeat N] [--words 400] [--no-speed] [-v]
    python -m bench.eval_extract --realnews [DIR] [--no-speed] [-v]

PATH is a folder of annotated reports (or one report file); by default the shared samples and
bench/extract_corpus (our own held-out set). Figures are printed per PATH.

--realnews scores the real-news development set (var/realnews/texts/dev by default, or DIR: the
article texts with their gold, kept out of git; bench/realnews/README.md describes the set). It
also prints the score when a claim must sit on exactly the gold event (same first day, same city
or host country), and a table per construction (each file's "constructions" key names the
PHENOMENA.md constructions it contains).

A predicted claim matches a gold claim when the status and the invitee country are equal (the
invitee name when the gold has no country) and its event has the gold event's start date or
city; matching is one-to-one. Prints micro precision/recall/F1 and the same per status.

Speed: every report is lengthened to about --words words by appending the following reports'
texts (so the extractor sees realistic ~400-word reports with many names), then the set is run
repeatedly for about three seconds on one core; reports per CPU-second (process time, so
other load on the machine does not distort it), words/s and the wall-clock rate are printed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import time
from collections import Counter
from pathlib import Path

from events.ingest.extract import Knowledge, extract_report
from events.ingest.extract.series import Catalogue

ROOT = Path(__file__).resolve().parent.parent

_SHARED = ROOT.parent / "shared"
# the main checkout sits next to shared/, a git worktree one level deeper
SAMPLES = (_SHARED if _SHARED.is_dir() else ROOT.parent.parent / "shared") / "samples" / "reports"

REALNEWS = ROOT / "var" / "realnews" / "texts" / "dev"
STATUSES = ("invited", "accepted", "declined", "denied", "attended")


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().split())


def _match(pred: dict, pred_event: dict, gold: dict, gold_event: dict) -> bool:
    if pred["status"] != gold["status"]:
        return False
    if gold["invitee_country"]:
        if pred["invitee_country"] != gold["invitee_country"]:
            return False
    elif _norm(pred["invitee"]) != _norm(gold["invitee"]):
        return False
    same_date = gold_event.get("start_date") and pred_event.get("start_date") == gold_event.get(
        "start_date"
    )
    same_city = gold_event.get("city") and _norm(pred_event.get("city")) == _norm(
        gold_event.get("city")
    )
    return bool(same_date or same_city)


def score_report(report: dict, predicted: dict) -> tuple[Counter, Counter, Counter, list]:
    gold_events = {e["key"]: e for e in report["gold"]["events"]}
    pred_events = {e["key"]: e for e in predicted["events"]}
    gold_claims = list(report["gold"]["claims"])
    tp, fp, fn = Counter(), Counter(), Counter()
    used: set[int] = set()
    notes = []
    for claim in predicted["claims"]:
        event = pred_events.get(claim["event"], {})
        hit = None
        for i, gold in enumerate(gold_claims):
            if i not in used and _match(claim, event, gold, gold_events[gold["event"]]):
                hit = i
                break
        if hit is None:
            fp[claim["status"]] += 1
            notes.append(("FP", claim["invitee"], claim["invitee_country"], claim["status"]))
        else:
            used.add(hit)
            tp[claim["status"]] += 1
    for i, gold in enumerate(gold_claims):
        if i not in used:
            fn[gold["status"]] += 1
            notes.append(("FN", gold["invitee"], gold["invitee_country"], gold["status"]))
    return tp, fp, fn, notes


def _event_exact(pred_event: dict, gold_event: dict) -> bool:
    """Same first day (a year or month precision is no day) and same city, or host country
    when the gold has no city."""
    day = pred_event.get("start_date")
    if pred_event.get("date_precision") in ("year", "month"):
        day = None
    if day != gold_event.get("start_date"):
        return False
    if gold_event.get("city"):
        return _norm(pred_event.get("city")) == _norm(gold_event["city"])
    return (pred_event.get("country") or "") == (gold_event.get("country") or "")


def score_exact(report: dict, predicted: dict) -> tuple[int, int, int]:
    """(tp, fp, fn) when a claim must also sit on exactly the gold event."""
    gold_events = {e["key"]: e for e in report["gold"]["events"]}
    pred_events = {e["key"]: e for e in predicted["events"]}
    left = list(predicted["claims"])
    tp = 0
    for gold in report["gold"]["claims"]:
        for claim in left:
            event = pred_events.get(claim["event"], {})
            if _match(claim, event, gold, gold_events[gold["event"]]) and _event_exact(
                event, gold_events[gold["event"]]
            ):
                left.remove(claim)
                tp += 1
                break
    return tp, len(left), len(report["gold"]["claims"]) - tp


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _load(directory: Path) -> list[dict]:
    paths = sorted(directory.glob("*.json")) if directory.is_dir() else [directory]
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def score(
    name: str, reports: list[dict], knowledge: Knowledge, verbose: bool, constructions=False
) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    exact = Counter()
    by_construction: dict[str, Counter] = {}
    for report in reports:
        published = datetime.date.fromisoformat(report["published"])
        result = extract_report(
            report["text"], published=published, title=report.get("title", ""), knowledge=knowledge
        ).to_dict()
        a, b, c, notes = score_report(report, result)
        tp += a
        fp += b
        fn += c
        e_tp, e_fp, e_fn = score_exact(report, result)
        exact.update(tp=e_tp, fp=e_fp, fn=e_fn)
        for construction in report.get("constructions") or ():
            row = by_construction.setdefault(construction, Counter())
            row.update(
                files=1, tp=sum(a.values()), fp=sum(b.values()), fn=sum(c.values()), exact=e_tp
            )
        if verbose and notes:
            events = [(e["key"], e["start_date"], e["city"]) for e in result["events"]]
            print(f"-- {report['id']}  events={events}")
            for note in notes:
                print("   ", *note)
    p, r, f = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"== {name}: {len(reports)} reports")
    print(
        f"overall   P={p:.3f} R={r:.3f} F1={f:.3f}  "
        f"(tp={sum(tp.values())} fp={sum(fp.values())} fn={sum(fn.values())})"
    )
    for status in STATUSES:
        sp, sr, sf = _prf(tp[status], fp[status], fn[status])
        print(
            f"{status:9s} P={sp:.3f} R={sr:.3f} F1={sf:.3f}  "
            f"(tp={tp[status]} fp={fp[status]} fn={fn[status]})"
        )
    ep, er, ef = _prf(exact["tp"], exact["fp"], exact["fn"])
    print(f"exact event (same first day and city)  P={ep:.3f} R={er:.3f} F1={ef:.3f}")
    if constructions and by_construction:
        print(f"{'construction':58s} files    P     R    F1  exactF1")
        for construction, row in sorted(by_construction.items(), key=lambda kv: -kv[1]["files"]):
            cp, cr, cf = _prf(row["tp"], row["fp"], row["fn"])
            xf = _prf(
                row["exact"],
                row["tp"] + row["fp"] - row["exact"],
                row["tp"] + row["fn"] - row["exact"],
            )[2]
            print(
                f"{construction[:58]:58s} {row['files']:5d} {cp:.2f}  {cr:.2f}  {cf:.2f}  {xf:.2f}"
            )
    return {"precision": p, "recall": r, "f1": f, "exact_f1": ef}


def long_reports(reports: list[dict], words: int) -> list[dict]:
    """Reports of about ``words`` words: each text followed by the next ones until long enough.
    The title and published date stay those of the first report."""
    out = []
    for i, report in enumerate(reports):
        parts, count, j = [], 0, i
        while count < words:
            text = reports[j % len(reports)]["text"]
            if j != i:  # later parts without their dateline, as continuation paragraphs
                text = text.split("– ", 1)[-1]
            parts.append(text)
            count += len(text.split())
            j += 1
        body = " ".join("\n\n".join(parts).split(" ")[:words])
        out.append({**report, "text": body})
    return out


def speed(reports: list[dict], knowledge: Knowledge, repeat: int | None, words: int) -> float:
    batch = long_reports(reports, words)
    mean = sum(len(r["text"].split()) for r in batch) / len(batch)
    args = [
        (r["text"], datetime.date.fromisoformat(r["published"]), r.get("title", "")) for r in batch
    ]
    count, rounds = 0, 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while True:
        for text, published, title in args:
            extract_report(text, published=published, title=title, knowledge=knowledge)
            count += 1
        rounds += 1
        elapsed = time.perf_counter() - start
        if (repeat and rounds >= repeat) or (not repeat and elapsed > 3.0):
            break
    cpu = time.process_time() - cpu_start
    rate = count / cpu
    print(
        f"speed     {rate:.0f} reports per CPU-second on one core, {rate * mean:.0f} words/s "
        f"({count} reports of mean {mean:.0f} words; wall clock {count / elapsed:.0f}/s, "
        "lower when other processes share the core)"
    )
    return rate


def _rss_mb() -> float:
    """This process's resident memory in MB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def load_knowledge() -> Knowledge:
    """The extractor's knowledge (gazetteers, people, series catalogue), with the resident
    memory it takes printed: the target is at most 150 MB."""
    before = _rss_mb()
    knowledge = Knowledge.default()
    Catalogue.default()
    extract_report(
        "Kenya's William Ruto attended the G20 summit.", published=datetime.date(2024, 11, 20)
    )
    after = _rss_mb()
    print(f"memory    knowledge {after - before:.0f} MB resident (process {after:.0f} MB)")
    return knowledge


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="folders of annotated reports (or report files)")
    parser.add_argument("--repeat", type=int, default=None, help="passes for the speed run")
    parser.add_argument("--words", type=int, default=400, help="report length for the speed run")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses per report")
    parser.add_argument(
        "--realnews",
        action="store_true",
        help="score the real-news development set (PATH, or var/realnews/texts/dev)",
    )
    args = parser.parse_args()
    if args.realnews:
        paths = [Path(p) for p in args.paths] or [REALNEWS]
        missing = [p for p in paths if not p.exists()]
        if missing:
            raise SystemExit(
                f"no real-news texts at {missing[0]}: the articles are kept out of git "
                "(bench/realnews/README.md says how the set is made)"
            )
    else:
        paths = [Path(p) for p in args.paths] or [SAMPLES, ROOT / "bench" / "extract_corpus"]
    knowledge = load_knowledge()
    everything: list[dict] = []
    for path in paths:
        reports = _load(path)
        if not reports:
            raise SystemExit(f"no reports in {path}")
        score(path.name, reports, knowledge, args.verbose, constructions=args.realnews)
        everything += reports
    if not args.no_speed:
        speed(everything, knowledge, args.repeat, args.words)


if __name__ == "__main__":
    main()
