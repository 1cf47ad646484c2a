"""The status rule, as a table: approved claims in history order -> status."""

import datetime
from dataclasses import dataclass

import pytest

from events.status import derive_status

D = datetime.date(2025, 3, 1)


@dataclass
class C:
    status: str
    days: int
    source_key: str = "wire"

    @property
    def as_of(self) -> datetime.date:
        return D + datetime.timedelta(days=self.days)


CASES = [
    ("no claims at all means invited", [], "invited", None),
    ("a lone invitation", [C("invited", 0)], "invited", 0),
    ("acceptance after invitation", [C("invited", 0), C("accepted", 3)], "accepted", 1),
    (
        "latest wins when one source changes its story",
        [C("accepted", 0), C("declined", 2)],
        "declined",
        1,
    ),
    (
        "accepted then denied by another source",
        [C("accepted", 0, "magazine"), C("denied", 30, "kremlin")],
        "denied",
        1,
    ),
    (
        "accepted then denied within days stays denied",
        [C("accepted", 0, "magazine"), C("denied", 2, "kremlin")],
        "denied",
        1,
    ),
    (
        "denied then re-reported accepted within a week is disputed",
        [C("denied", 0, "a"), C("accepted", 3, "b")],
        "disputed",
        1,
    ),
    (
        "two sources disagreeing within 7 days",
        [C("accepted", 0, "a"), C("declined", 5, "b")],
        "disputed",
        1,
    ),
    (
        "two sources disagreeing on the same day",
        [C("declined", 0, "a"), C("accepted", 0, "b")],
        "disputed",
        1,
    ),
    (
        "disagreement older than the window is settled by the latest",
        [C("accepted", 0, "a"), C("declined", 8, "b")],
        "declined",
        1,
    ),
    (
        "exactly 7 days apart is still disputed",
        [C("accepted", 0, "a"), C("declined", 7, "b")],
        "disputed",
        1,
    ),
    (
        "a later bare invitation never downgrades an acceptance",
        [C("accepted", 0), C("invited", 9)],
        "accepted",
        0,
    ),
    ("attended after accepted", [C("accepted", 0), C("attended", 40)], "attended", 1),
    (
        "attended contradicted by another source the same week",
        [C("attended", 0, "a"), C("declined", 1, "b")],
        "disputed",
        1,
    ),
    (
        "agreeing sources are not a dispute",
        [C("accepted", 0, "a"), C("accepted", 1, "b")],
        "accepted",
        1,
    ),
    ("declined and denied agree", [C("declined", 0, "a"), C("denied", 2, "b")], "denied", 1),
]


@pytest.mark.parametrize(
    ("claims", "expected", "deciding"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_status_rule(claims, expected, deciding):
    status, claim = derive_status(claims, window_days=7)
    assert status == expected
    assert claim is (claims[deciding] if deciding is not None else None)


def test_the_window_is_configurable():
    claims = [C("accepted", 0, "a"), C("declined", 10, "b")]
    assert derive_status(claims, window_days=7)[0] == "declined"
    assert derive_status(claims, window_days=14)[0] == "disputed"
