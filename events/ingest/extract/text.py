"""Sentences and the report's dateline."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "gen", "col", "lt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "vs", "e.g", "i.e", "inc", "corp", "co", "ltd", "a.m", "p.m",
}  # fmt: skip
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ .'’-]+?)(?:,\s+[A-Z][\w .]+?)?,\s+"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\s*(?:\([^)]*\))?\s*[–—-]\s*"
)


def split_dateline(text: str) -> tuple[str | None, str]:
    """Return (dateline city in title case, text without the dateline)."""
    m = DATELINE.match(text)
    if not m:
        return None, text
    city = " ".join(part.capitalize() for part in m.group("city").split())
    city = "-".join(p[:1].upper() + p[1:] for p in city.split("-"))
    return city, text[m.end() :]


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        start = 0
        for m in _BOUNDARY.finditer(paragraph):
            before = paragraph[start : m.start()].rstrip("\"'”’)")
            word = _WORD_BEFORE.search(before, max(0, len(before) - 30))
            if word and word.group(1).lower() in ABBREVIATIONS:
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():
                continue  # an initial: "K. P. Sharma Oli"
            sentences.append(paragraph[start : m.end()].strip())
            start = m.end()
        rest = paragraph[start:].strip()
        if rest:
            sentences.append(rest)
    return sentences
