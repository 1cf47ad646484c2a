"""Calibrate the auto-apply rule: how many extracted claims it would apply without review, and
how many of those are right.

    python -m bench.autoapply [DIR ...] [--floor 0.8] [--sweep] [-v]

DIR is a folder of annotated reports (the ``gold`` key; by default the real-news development
set var/realnews/texts/dev, see bench/realnews/README.md, and shared/samples/reports). Each
report is run through the extractor; each predicted claim is matched to the gold one-to-one as
shared/score_extract.py's record score does (same status, invitee country or name with
overlapping person names, and exactly the gold event: same first day, same city or host
country). Printed per DIR: the claims the rule (events/ingest/autoapply.py) applies, how many of
them are right (precision), and the refusals by reason with how many of each were right.
--floor is the confidence floor (default: DAIS_AUTO_APPLY_CONFIDENCE from the environment, else
0.8); --sweep prints the same figures for several floors; -v lists the wrong applied claims.

Nothing of an article's text is printed: report ids, invitees, statuses and reasons only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

from events.ingest.autoapply import (
    REASONS,
    EventFacts,
    InviteeFacts,
    refusal,
    stated_days,
)
from events.ingest.extract import Knowledge, extract_report
from events.ingest.extract.series import Catalogue

ROOT = Path(__file__).resolve().parent.parent


def _main_checkout() -> Path:
    """The main checkout (a git worktree sits beside it; the article texts are only there)."""
    for candidate in (ROOT, ROOT.parent / "main"):
        if (candidate / "var" / "realnews" / "texts" / "dev").is_dir():
            return candidate
    return ROOT


_SHARED = ROOT.parent / "shared"
SAMPLES = (_SHARED if _SHARED.is_dir() else ROOT.parent.parent / "shared") / "samples" / "reports"
DEFAULT_DIRS = [_main_checkout() / "var" / "realnews" / "texts" / "dev", SAMPLES]


# --- the record score of shared/score_extract.py --------------------------------------------


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z ]", "", text).strip()


def _names_overlap(pred: dict, gold: dict) -> bool:
    gold_words = {t for t in _norm(gold.get("invitee")).split() if len(t) >= 3}
    pred_words = {t for t in _norm(pred.get("invitee")).split() if len(t) >= 3}
    person = bool(gold_words) and all(
        w[:1].isupper() for w in (gold.get("invitee") or "").split() if w.isalpha() and len(w) > 3
    )
    return not person or not pred_words or bool(gold_words & pred_words)


def _invitee_ok(pred: dict, gold: dict) -> bool:
    if not _names_overlap(pred, gold):
        return False
    if gold.get("invitee_country"):
        return (pred.get("invitee_country") or "").upper() == gold["invitee_country"].upper()
    gold_name, pred_name = _norm(gold.get("invitee")), _norm(pred.get("invitee"))
    if not gold_name or not pred_name:
        return False
    return gold_name == pred_name or gold_name.split()[-1] == pred_name.split()[-1]


def _event_exact(pred: dict | None, gold: dict | None) -> bool:
    if not pred or not gold:
        return False
    day = None if pred.get("date_precision") in ("year", "month") else pred.get("start_date")
    if (day or None) != (gold.get("start_date") or None):
        return False
    if gold.get("city"):
        return _norm(pred.get("city")) == _norm(gold["city"])
    return (pred.get("country") or "").upper() == (gold.get("country") or "").upper()


def right_claims(predicted: dict, gold: dict) -> set[int]:
    """Indexes of the predicted claims that match a gold claim (greedy, one-to-one, in gold
    order, as score_extract.py)."""
    gold_events = {e["key"]: e for e in gold["events"]}
    pred_events = {e["key"]: e for e in predicted["events"]}
    left = list(range(len(predicted["claims"])))
    right = set()
    for g in gold["claims"]:
        for i in left:
            c = predicted["claims"][i]
            if (
                c["status"] == g["status"]
                and _invitee_ok(c, g)
                and _event_exact(pred_events.get(c["event"]), gold_events.get(g["event"]))
            ):
                left.remove(i)
                right.add(i)
                break
    return right


# --- the rule on every claim ---------------------------------------------------------------


def decide(report: dict, knowledge: Knowledge, catalogue: Catalogue, floor: float) -> list:
    """(claim, right, refusal or None) for each claim the extractor finds in this report."""
    published = datetime.date.fromisoformat(report["published"][:10])
    extraction = extract_report(
        report["text"], published=published, title=report.get("title", ""), knowledge=knowledge
    )
    right = right_claims(extraction.to_dict(), report["gold"])
    events = {e.key: e for e in extraction.events}
    days = stated_days(f"{report.get('title', '')}\n\n{report['text']}", published)
    out = []
    for i, claim in enumerate(extraction.claims):
        person = knowledge.by_alias.get(claim.invitee or "")
        invitee = InviteeFacts(
            name=claim.invitee,
            country=claim.invitee_country,
            aliases=person.aliases if person else (),
            role=person.role if person else "",
        )
        why = refusal(
            status=claim.status,
            confidence=claim.confidence,
            evidence=claim.evidence,
            invitee=invitee,
            event=EventFacts.from_extracted(events[claim.event]),
            floor=floor,
            knowledge=knowledge,
            catalogue=catalogue,
            report_days=days,
        )
        out.append((claim, i in right, why))
    return out


def measure(decisions: list) -> dict:
    applied = [right for _claim, right, why in decisions if why is None]
    refused = Counter(why.code for _c, _r, why in decisions if why is not None)
    refused_right = Counter(why.code for _c, r, why in decisions if why is not None and r)
    return {
        "claims": len(decisions),
        "right": sum(r for _c, r, _w in decisions),
        "applied": len(applied),
        "applied_right": sum(applied),
        "precision": sum(applied) / len(applied) if applied else 0.0,
        "refused": refused,
        "refused_right": refused_right,
    }


def report_dir(directory: Path, knowledge, catalogue, floor: float, verbose: bool) -> list:
    paths = sorted(directory.glob("*.json")) if directory.is_dir() else [directory]
    decisions, wrong = [], []
    for path in paths:
        report = json.loads(path.read_text(encoding="utf-8"))
        for claim, right, why in decide(report, knowledge, catalogue, floor):
            decisions.append((claim, right, why))
            if why is None and not right:
                wrong.append((report["id"], claim.invitee or claim.invitee_country, claim.status))
    m = measure(decisions)
    print(f"== {directory} ({len(paths)} reports), floor {floor:.2f}")
    print(
        f"applied {m['applied']} of {m['claims']} claims ({m['right']} of them right), "
        f"precision {m['precision']:.3f} ({m['applied_right']} right, "
        f"{m['applied'] - m['applied_right']} wrong)"
    )
    print(f"  {'refused because':44s} claims  right")
    for code in REASONS:
        if m["refused"][code]:
            print(f"  {REASONS[code]:44s} {m['refused'][code]:6d} {m['refused_right'][code]:6d}")
    if verbose:
        for row in wrong:
            print("  wrong applied:", *row)
    return decisions


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument(
        "--floor", type=float, default=float(os.environ.get("DAIS_AUTO_APPLY_CONFIDENCE", 0.8))
    )
    parser.add_argument("--sweep", action="store_true", help="also try other floors")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    knowledge, catalogue = Knowledge.default(), Catalogue.default()
    dirs = args.dirs or [d for d in DEFAULT_DIRS if d.exists()]
    for directory in dirs:
        report_dir(directory, knowledge, catalogue, args.floor, args.verbose)
        if args.sweep:
            for floor in (0.0, 0.5, 0.65, 0.75, 0.9):
                m = measure(
                    [
                        row
                        for path in sorted(directory.glob("*.json"))
                        for row in decide(
                            json.loads(path.read_text(encoding="utf-8")),
                            knowledge,
                            catalogue,
                            floor,
                        )
                    ]
                )
                print(
                    f"  floor {floor:.2f}: applied {m['applied']}, precision {m['precision']:.3f}"
                )


if __name__ == "__main__":
    main()
