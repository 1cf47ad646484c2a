"""Input hygiene before extraction: HTML markup, binary junk, huge texts, other languages.

``prepare(text)`` returns the text to read (possibly shortened or stripped of markup) and a
warning when the input cannot be read as an English news report (then the text is empty and the
extractor returns nothing). Every step is linear in the input's length.
"""

from __future__ import annotations

import html
import re

# A news report is a few thousand words; whatever comes after this many characters is not read.
MAX_CHARS = 60_000
# A "sentence" longer than this is split at spaces (tables, lists without full stops, junk).
MAX_SENTENCE = 1_500
HTML_HINT = re.compile(r"</?(?:p|div|span|a|br|html|body|script|style|h\d|li|ul|table)\b", re.I)
HTML_DROP = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
HTML_BLOCK = re.compile(r"</?(?:p|div|br|h\d|li|ul|ol|table|tr|section|article)\b[^>]*>", re.I)
HTML_TAG = re.compile(r"<[^<>]{0,2000}>")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
WORD = re.compile(r"[A-Za-z]+")
# the commonest English function words: a report in English has many of them
ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "by",
        "at",
        "from",
        "his",
        "her",
        "will",
        "said",
        "has",
        "have",
        "be",
        "are",
        "were",
        "it",
        "its",
        "their",
        "an",
        "not",
        "who",
        "which",
        "he",
        "she",
        "they",
        "this",
        "would",
        "after",
        "also",
    ]
)


def prepare(text: str | None) -> tuple[str, str | None]:
    """(text to read, warning or None)."""
    if not text or not text.strip():
        return "", "empty text"
    warning = None
    if len(text) > MAX_CHARS:
        cut = text.rfind(" ", 0, MAX_CHARS)
        text = text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
        warning = f"text longer than {MAX_CHARS} characters: only the beginning was read"
    sample = text[:5_000]
    junk = len(CONTROL.findall(sample))
    if junk > 0.02 * len(sample):
        return "", "binary or garbled input: not read"
    if junk:
        text = CONTROL.sub(" ", text)
    if "<" in sample and HTML_HINT.search(sample):
        text = HTML_DROP.sub(" ", text)
        text = HTML_BLOCK.sub("\n\n", text)
        text = HTML_TAG.sub(" ", text)
        text = html.unescape(text)
        text = re.sub(r"[ \t]+", " ", text)
        text = re.sub(r"\n\s*\n(?:\s*\n)+", "\n\n", text)
    words = WORD.findall(text[:1_500].lower())
    if len(words) >= 12:
        english = len([w for w in words if w in ENGLISH])
        if english < 0.08 * len(words):
            return "", "not an English text: not read"
    elif not words:
        return "", "no words in the text"
    return text, warning


def split_long(sentences: list[str]) -> list[str]:
    """Sentences no longer than MAX_SENTENCE characters, cut at spaces."""
    out = []
    for sentence in sentences:
        while len(sentence) > MAX_SENTENCE:
            cut = sentence.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
            cut = cut if cut > 0 else MAX_SENTENCE
            out.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if sentence:
            out.append(sentence)
    return out
