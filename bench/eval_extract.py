"""Score the extractor on the annotated sample reports and measure its speed.

    python bench/eval_extract.py [REPORTS_DIR] [--repeat N] [--verbose]

A predicted claim matches a gold claim when the status and the invitee country are equal (the
invitee name when the gold has no country) and its event has the gold event's start date or
city; matching is one-to-one. Prints micro precision/recall/F1, the same per status, and reports
per second over the corpus repeated until the measurement takes about two seconds.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from events.ingest.extract import Knowledge, extract_report  # noqa: E402

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


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run(directory: Path, repeat: int | None, verbose: bool) -> dict:
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))]
    if not reports:
        raise SystemExit(f"no reports in {directory}")
    knowledge = Knowledge.default()
    tp, fp, fn = Counter(), Counter(), Counter()
    for report in reports:
        published = datetime.date.fromisoformat(report["published"])
        result = extract_report(
            report["text"], published=published, title=report.get("title", ""), knowledge=knowledge
        ).to_dict()
        a, b, c, notes = score_report(report, result)
        tp += a
        fp += b
        fn += c
        if verbose and notes:
            print(
                f"-- {report['id']}  event={[(e['start_date'], e['city']) for e in result['events']]}"
            )
            for note in notes:
                print("   ", *note)
    p, r, f = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(
        f"overall  P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={sum(tp.values())} fp={sum(fp.values())} fn={sum(fn.values())})"
    )
    for status in STATUSES:
        sp, sr, sf = _prf(tp[status], fp[status], fn[status])
        print(
            f"{status:9s} P={sp:.3f} R={sr:.3f} F1={sf:.3f}  (tp={tp[status]} fp={fp[status]} fn={fn[status]})"
        )

    words = sum(len(rep["text"].split()) for rep in reports) / len(reports)
    count = 0
    start = time.perf_counter()
    rounds = 0
    while True:
        for report in reports:
            extract_report(
                report["text"],
                published=datetime.date.fromisoformat(report["published"]),
                title=report.get("title", ""),
                knowledge=knowledge,
            )
            count += 1
        rounds += 1
        elapsed = time.perf_counter() - start
        if (repeat and rounds >= repeat) or (not repeat and elapsed > 2.0):
            break
    rate = count / elapsed
    print(f"speed    {rate:.0f} reports/s on one core ({count} reports, mean {words:.0f} words)")
    return {"precision": p, "recall": r, "f1": f, "reports_per_second": rate}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "reports", nargs="?", default=str(ROOT / ".." / "shared" / "samples" / "reports")
    )
    parser.add_argument("--repeat", type=int, default=None, help="corpus passes for the speed run")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses per report")
    args = parser.parse_args()
    reports = Path(args.reports)
    if not reports.is_dir():  # a git worktree sits one level deeper than the main checkout
        reports = ROOT / ".." / ".." / "shared" / "samples" / "reports"
    run(reports, args.repeat, args.verbose)


if __name__ == "__main__":
    main()
