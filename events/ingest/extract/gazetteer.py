"""Fast exact-name matching for gazetteers (people, countries, organisations, titles).

A Python regex alternation of thousands of names tries every alternative at every position;
this matcher looks up the word starting at each position in a dict of names by their first
word and checks only those candidates, longest first. Semantics match the regex
``(?<![\\w-])(?:name|...)(?![\\w-])`` with longest-first alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

WORD = re.compile(r"(?<![\w-])\w+")
_HEAD = re.compile(r"\w+")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")


class Hit:
    """The parts of re.Match the extractor uses."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _index: int = 0) -> str:
        return self._text


class Gazetteer:
    def __init__(self, names: Iterable[str]):
        self.names = frozenset(n for n in names if n)
        by_head: dict[str, list[str]] = {}
        for name in self.names:
            head = _HEAD.match(name)
            if head:
                by_head.setdefault(head.group(0), []).append(name)
        for candidates in by_head.values():
            candidates.sort(key=len, reverse=True)
        self.by_head = by_head
        # Only words that can start a name are looked at: capitalised ones plus the few
        # lowercase heads ("the Kremlin", "former president").
        others = sorted((h for h in by_head if not _UPPER.match(h)), key=len, reverse=True)
        alternatives = [r"[A-ZÀ-ÖØ-Þ]\w*"] + [re.escape(h) + r"(?!\w)" for h in others]
        self._words = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")")

    def finditer(self, text: str) -> Iterator[Hit]:
        by_head = self.by_head
        size = len(text)
        last_end = 0
        for word in self._words.finditer(text):
            start = word.start()
            if start < last_end:
                continue
            candidates = by_head.get(word.group(0))
            if not candidates:
                continue
            for name in candidates:
                if text.startswith(name, start):
                    end = start + len(name)
                    if end < size and (text[end].isalnum() or text[end] in "_-"):
                        continue
                    last_end = end
                    yield Hit(start, end, name)
                    break

    def search(self, text: str) -> Hit | None:
        return next(self.finditer(text), None)

    def fullmatch(self, text: str) -> bool:
        return text in self.names


class MultiGazetteer:
    """Several gazetteers scanned in one pass: one word scan and one Python loop per text
    instead of one each. ``scan(text)`` gives each gazetteer's hits, exactly as its own
    ``finditer`` would."""

    def __init__(self, gazetteers: list[Gazetteer]):
        heads = set().union(*(g.by_head for g in gazetteers))
        # head -> ((gazetteer index, candidates longest first), ...) for the gazetteers that
        # have names starting with that word
        self.by_head = {
            h: tuple((i, g.by_head[h]) for i, g in enumerate(gazetteers) if h in g.by_head)
            for h in heads
        }
        self.size = len(gazetteers)
        others = sorted((h for h in heads if not _UPPER.match(h)), key=len, reverse=True)
        alternatives = [r"[A-ZÀ-ÖØ-Þ]\w*"] + [re.escape(h) + r"(?!\w)" for h in others]
        self._words = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")")

    def scan(self, text: str) -> list[list[Hit]]:
        out: list[list[Hit]] = [[] for _ in range(self.size)]
        last_end = [0] * self.size
        size = len(text)
        by_head = self.by_head
        for word in self._words.finditer(text):
            lists = by_head.get(word.group(0))
            if lists is None:
                continue
            start = word.start()
            for i, candidates in lists:
                if start < last_end[i]:
                    continue
                for name in candidates:
                    if text.startswith(name, start):
                        end = start + len(name)
                        if end < size and (text[end].isalnum() or text[end] in "_-"):
                            continue
                        last_end[i] = end
                        out[i].append(Hit(start, end, name))
                        break
        return out
