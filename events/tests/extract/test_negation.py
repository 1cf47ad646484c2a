"""Negation and hedges: a negated sentence never gives accepted or attended."""

import datetime

from events.ingest.extract import extract_report

PUBLISHED = datetime.date(2031, 5, 12)
EVENT = "The summit in Rio de Janeiro opens on May 20. "


def _claims(text):
    result = extract_report(EVENT + text, published=PUBLISHED).to_dict()
    return {(c["invitee"], c["invitee_country"], c["status"]) for c in result["claims"]}


def test_not_expected_to_attend_is_a_refusal():
    assert _claims("Ghana's John Mahama is not expected to attend.") == {
        ("John Mahama", "GH", "declined")
    }


def test_no_plans_and_no_intention_are_refusals():
    assert _claims("Ghana's John Mahama has no plans to attend the summit.") == {
        ("John Mahama", "GH", "declined")
    }
    assert _claims("Ghana's John Mahama has no intention of attending.") == {
        ("John Mahama", "GH", "declined")
    }


def test_will_not_travel_and_decided_not_to_attend():
    assert _claims(
        "Ghana's John Mahama will not travel to the summit. Peru's Dina Boluarte decided not to "
        "attend."
    ) == {("John Mahama", "GH", "declined"), ("Dina Boluarte", "PE", "declined")}


def test_a_hedge_gives_no_acceptance():
    found = _claims("It is not clear whether Ghana's John Mahama will attend.")
    assert not {s for _n, _c, s in found} & {"accepted", "attended"}
