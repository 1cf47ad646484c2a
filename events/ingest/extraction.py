"""The pipeline's door to the extractor (events.ingest.extract).

TEMPORARY: until the extractor branch is merged, a tiny regex stand-in below
answers with the same types so the pipeline can run end to end. Delete
everything under `except ImportError` once `events.ingest.extract` exists.
"""

from __future__ import annotations

try:
    from events.ingest.extract import Knowledge, extract_report
except ImportError:  # TEMPORARY fallback, see the module docstring.
    import datetime
    import re
    from dataclasses import dataclass, field

    @dataclass(frozen=True)
    class ExtractedEvent:
        key: str
        name: str
        kind: str
        start_date: datetime.date | None
        city: str | None
        country: str | None

    @dataclass(frozen=True)
    class ExtractedClaim:
        event: str
        invitee: str | None
        invitee_country: str | None
        inviter: str | None
        status: str
        evidence: str
        confidence: float

    @dataclass
    class Extraction:
        events: list[ExtractedEvent] = field(default_factory=list)
        claims: list[ExtractedClaim] = field(default_factory=list)

    class Knowledge:
        def __init__(self, people=()):
            self.people = list(people)

        @classmethod
        def default(cls) -> Knowledge:
            return cls()

        def with_people(self, people) -> Knowledge:
            return Knowledge([*self.people, *people])

    _KINDS = [
        ("military parade", "parade"),
        ("parade", "parade"),
        ("summit", "summit"),
        ("inauguration", "inauguration"),
        ("swearing-in", "inauguration"),
        ("funeral", "funeral"),
        ("coronation", "coronation"),
        ("state visit", "state_visit"),
        ("conference", "conference"),
        ("forum", "conference"),
        ("ceremony", "ceremony"),
    ]
    _CITIES = {
        "moscow": "RU",
        "beijing": "CN",
        "paris": "FR",
        "london": "GB",
        "washington": "US",
        "new delhi": "IN",
        "brasilia": "BR",
        "belem": "BR",
        "johannesburg": "ZA",
        "nairobi": "KE",
        "tokyo": "JP",
        "berlin": "DE",
        "rome": "IT",
        "ottawa": "CA",
        "evian": "FR",
        "antalya": "TR",
        "kazan": "RU",
        "shenzhen": "CN",
        "miami": "US",
        "new york": "US",
        "geneva": "CH",
        "brussels": "BE",
        "madrid": "ES",
        "seoul": "KR",
        "canberra": "AU",
        "addis ababa": "ET",
        "cairo": "EG",
        "riyadh": "SA",
        "abu dhabi": "AE",
    }
    _MONTHS = {
        m: i
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            1,
        )
    }
    _DATE = re.compile(
        r"\b(?:(\d{1,2}) (" + "|".join(_MONTHS) + r")|(" + "|".join(_MONTHS) + r") (\d{1,2}))"
        r"(?:,? (\d{4}))?",
        re.IGNORECASE,
    )
    _STATUS = [
        (re.compile(r"\b(denied|dismissed reports?|rejected reports?)\b", re.I), "denied", 0.7),
        (
            re.compile(r"\b(declined|will skip|will not attend|pulled out|turned down)\b", re.I),
            "declined",
            0.85,
        ),
        (re.compile(r"\b(attended|was among the guests)\b", re.I), "attended", 0.8),
        (
            re.compile(r"\b(accepted|confirmed|will attend|plans to attend)\b", re.I),
            "accepted",
            0.85,
        ),
        (re.compile(r"\b(invited|invitation)\b", re.I), "invited", 0.7),
    ]

    _DEMONYMS = {
        "french": "FR",
        "german": "DE",
        "argentine": "AR",
        "chilean": "CL",
        "chinese": "CN",
        "serbian": "RS",
        "japanese": "JP",
        "indian": "IN",
        "russian": "RU",
        "spanish": "ES",
        "brazilian": "BR",
        "kenyan": "KE",
        "british": "GB",
        "american": "US",
        "italian": "IT",
    }
    _TITLED = re.compile(
        r"\b(?:(?i:("
        + "|".join(_DEMONYMS)
        + r")) )?(President|Prime Minister|Chancellor|Premier|King)"
        r" ((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+)\b"
    )

    def extract_report(
        text: str, *, published: datetime.date, title: str = "", knowledge: Knowledge | None = None
    ) -> Extraction:
        knowledge = knowledge or Knowledge.default()
        whole = f"{title}\n{text}"
        lower = whole.lower()
        kind = next((k for word, k in _KINDS if word in lower), None)
        if kind is None:
            return Extraction()
        city = next((c for c in _CITIES if re.search(rf"\b{c}\b", lower)), None)
        start = None
        m = _DATE.search(whole)
        if m:
            day = int(m.group(1) or m.group(4))
            month = _MONTHS[(m.group(2) or m.group(3)).lower()]
            year = int(m.group(5)) if m.group(5) else published.year
            try:
                start = datetime.date(year, month, day)
                if not m.group(5) and start < published - datetime.timedelta(days=60):
                    start = start.replace(year=year + 1)
            except ValueError:
                start = None
        name = (title or text[:80]).split(":")[0].strip()[:200]
        event = ExtractedEvent(
            key="e1",
            name=name,
            kind=kind,
            start_date=start,
            city=city.title() if city else None,
            country=_CITIES.get(city) if city else None,
        )
        claims = []
        seen = set()
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            people = list(knowledge.people)
            for m in _TITLED.finditer(sentence):
                people.append((m.group(3), (), _DEMONYMS.get((m.group(1) or "").lower())))
            for person in people:
                pname, aliases, country = person[0], person[1], person[2]
                if not any(n and n in sentence for n in (pname, *aliases)):
                    continue
                for pattern, status, confidence in _STATUS:
                    if pattern.search(sentence):
                        if (pname, status) not in seen:
                            seen.add((pname, status))
                            claims.append(
                                ExtractedClaim(
                                    "e1", pname, country, None, status, sentence.strip(), confidence
                                )
                            )
                        break
        return Extraction(events=[event], claims=claims)


__all__ = ["Knowledge", "extract_report"]
