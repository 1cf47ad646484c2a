"""The status vocabulary (events.status): one home for what a status is, how
pages order and name it, and which claims an invitation shows as the two sides
of a dispute or a denial."""

import datetime
from dataclasses import dataclass

import pytest

from events import status as vocabulary
from events.api.serializers import StatusCountsSerializer
from events.models import Claim, Invitation
from events.status import ClaimStatus, InvitationStatus, ReviewState, derive_status, dispute_sides
from events.tests.factories import EventFactory, InvitationFactory, PersonFactory, record

D = datetime.date(2025, 3, 1)


@dataclass
class C:
    status: str
    days: int
    source_key: str = "wire"

    @property
    def as_of(self) -> datetime.date:
        return D + datetime.timedelta(days=self.days)


# --- The vocabulary -------------------------------------------------------------
def test_every_order_and_mapping_covers_each_invitation_status_once():
    statuses = set(InvitationStatus.values)
    assert sorted(vocabulary.DISPLAY_ORDER) == sorted(statuses)
    assert sorted(vocabulary.BAR_ORDER) == sorted(statuses)
    assert set(vocabulary.HEADINGS) == statuses
    assert set(vocabulary.ICAL_PARTSTAT) == statuses
    assert set(ClaimStatus.values) == statuses - {"disputed"}
    assert {"disputed", "denied"} == vocabulary.TWO_SIDED


def test_the_orders_are_plain_strings():
    # They reach templates, cache keys and JSON: no enum reprs.
    assert all(type(s) is str for s in vocabulary.DISPLAY_ORDER + vocabulary.BAR_ORDER)
    assert vocabulary.DISPLAY_ORDER[:3] == ("accepted", "attended", "disputed")
    assert vocabulary.BAR_ORDER[:3] == ("attended", "accepted", "disputed")


def test_the_models_and_the_api_take_their_choices_from_it():
    assert Claim._meta.get_field("status").choices == ClaimStatus.choices
    assert Claim._meta.get_field("review_state").choices == ReviewState.choices
    assert Invitation._meta.get_field("status").choices == InvitationStatus.choices
    assert list(StatusCountsSerializer().fields) == InvitationStatus.values


def test_it_ranks_statuses_from_coming_to_not_coming():
    assert vocabulary.strongest(["declined", "invited"]) == "invited"
    assert vocabulary.strongest(["denied", "accepted", "disputed"]) == "accepted"
    assert vocabulary.strongest(["accepted", "attended"]) == "attended"
    assert vocabulary.strongest(["denied", "declined"]) == "declined"


def test_it_names_statuses_and_falls_back_to_the_word():
    assert vocabulary.heading("invited") == "Invited, no answer known"
    assert vocabulary.heading("disputed") == "Disputed: sources disagree"
    assert vocabulary.heading("postponed") == "Postponed"


def test_it_counts_in_display_order_leaving_out_zeros():
    counts = {"denied": 1, "accepted": 2, "invited": 0, "attended": 3}
    assert vocabulary.by_display_order(counts) == [("accepted", 2), ("attended", 3), ("denied", 1)]


def test_approved_keeps_only_approved_claims_in_order():
    @dataclass
    class R:
        review_state: str
        n: int

    claims = [R("pending", 1), R("approved", 2), R("rejected", 3), R("approved", 4)]
    assert [c.n for c in vocabulary.approved(claims)] == [2, 4]


# --- The two sides, by the same rule as derive_status -----------------------------
SIDES = [
    ("no claims, no sides", [], []),
    ("a plain acceptance shows itself", [C("invited", 0), C("accepted", 3)], [1]),
    (
        "a dispute: the deciding claim and the other source within the window",
        [C("accepted", 0, "magazine"), C("declined", 4, "agency")],
        [1, 0],
    ),
    (
        # The source that changed its own story is not the other side: the
        # dispute is with the magazine, which is what made the status disputed.
        "a dispute shows the other source, not the deciding source's own earlier word",
        [C("accepted", 2, "magazine"), C("accepted", 6, "agency"), C("declined", 8, "agency")],
        [2, 0],
    ),
    (
        "a contradiction older than the window is no side of a dispute",
        [
            C("accepted", 0, "magazine"),
            C("accepted", 20, "paper"),
            C("declined", 21, "agency"),
        ],
        [2, 1],
    ),
    (
        "a denial and the latest report it answers, whatever its source or age",
        [C("accepted", 0, "magazine"), C("accepted", 5, "kremlin"), C("denied", 40, "kremlin")],
        [2, 1],
    ),
    ("a denial of nothing stands alone", [C("denied", 3, "kremlin")], [0]),
]


@pytest.mark.parametrize(("name", "claims", "expected"), SIDES, ids=[c[0] for c in SIDES])
def test_dispute_sides(name, claims, expected):
    assert dispute_sides(claims, window_days=7) == [claims[i] for i in expected]
    if len(expected) == 2:
        # Two sides exactly when the rule calls the invitation disputed or denied.
        assert derive_status(claims, window_days=7)[0] in vocabulary.TWO_SIDED


def test_every_disputed_status_has_a_second_side():
    # Whatever the history, a status the rule calls disputed shows two sides.
    sources = ["a", "b"]
    for first in ("accepted", "declined", "attended", "denied"):
        for second in ("accepted", "declined", "attended"):
            for gap in (0, 3, 7, 8):
                for s1 in sources:
                    claims = [C(first, 0, s1), C(second, gap, "b")]
                    status, _ = derive_status(claims, window_days=7)
                    sides = dispute_sides(claims, window_days=7)
                    assert (status == "disputed") == (len(sides) == 2 and status != "denied"), (
                        claims,
                        status,
                        sides,
                    )


# --- On the pages (PostgreSQL) ----------------------------------------------------
def _sides_html(html: str, invitation_pk: int) -> str:
    start = html.index(f'id="inv-{invitation_pk}"')
    end = html.index("</li>", html.index("invitation__source", start))
    return html[start:end]


PW = "https://plains.example/b"


def test_the_event_page_shows_the_other_source_of_a_dispute(client, db):
    invitation = InvitationFactory(invitee=PersonFactory(name="Ilona Vask"))
    today = datetime.date.today()
    record(
        invitation,
        "accepted",
        today - datetime.timedelta(days=6),
        outlet="Harbour Gazette",
        url="https://gazette.example/a",
    )
    record(invitation, "accepted", today - datetime.timedelta(days=2), outlet="Plains Wire", url=PW)
    record(invitation, "declined", today, outlet="Plains Wire", url=PW)
    invitation.refresh_from_db()
    assert invitation.status == "disputed"

    html = client.get(invitation.event.get_absolute_url()).content.decode()
    sides = _sides_html(html, invitation.pk)
    note = sides.index("Sources disagree:")
    history = sides.index('class="history"')
    shown = sides[note:history]
    # The deciding claim (Plains Wire, declined), then the Harbour Gazette's
    # acceptance: not Plains Wire's own earlier acceptance.
    assert shown.count('class="source"') == 2
    assert shown.index("Plains Wire") < shown.index("Harbour Gazette")
    assert shown.count("Plains Wire") == 1


def test_the_event_page_groups_invitees_under_the_vocabularys_headings_in_order(client, db):
    event = EventFactory()
    today = datetime.date.today()
    for status, name in (
        ("denied", "Dara Quell"),
        ("accepted", "Arin Solt"),
        ("invited", "Ines Moor"),
    ):
        invitation = InvitationFactory(event=event, invitee=PersonFactory(name=name))
        record(invitation, status, today)
    html = client.get(event.get_absolute_url()).content.decode()
    positions = [html.index(vocabulary.heading(s)) for s in ("accepted", "invited", "denied")]
    assert positions == sorted(positions)
