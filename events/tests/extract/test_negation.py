"""Negation and hedges: a negated sentence never gives accepted or attended."""

import datetime

from events.ingest.extract import extract_report
from events.tests.extract.wire import SUMMIT, statuses

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


def test_it_keeps_an_undecided_invitee_at_invited():
    found = statuses(
        "The summit in Oslo on May 12 is taking shape. Italian Prime Minister Giorgia Meloni, "
        "who has also been invited, has yet to confirm whether she will make the trip."
    )
    assert found == {("Giorgia Meloni", "IT", "invited")}


def test_it_reads_excused_himself_as_a_decline():
    found = statuses(SUMMIT + "Kenyan President William Ruto excused himself.")
    assert ("William Ruto", "KE", "declined") in found


def test_it_reads_ruled_out_attending_as_a_decline_not_attendance():
    found = statuses(
        SUMMIT + "Kenyan President William Ruto ruled out attending and was represented by "
        "Deputy President Kithure Kindiki."
    )
    assert ("William Ruto", "KE", "declined") in found
    assert ("William Ruto", "KE", "accepted") not in found
    assert ("Kithure Kindiki", "KE", "accepted") in found


def test_it_reads_does_not_plan_to_attend_as_a_decline():
    found = statuses(SUMMIT + "Kenyan President William Ruto does not plan to attend.")
    assert ("William Ruto", "KE", "declined") in found


def test_it_keeps_an_earlier_acceptance_next_to_a_later_cancellation():
    found = statuses(
        SUMMIT + "Kenyan President William Ruto, who had accepted an invitation, cancelled "
        "his trip on Monday."
    )
    assert ("William Ruto", "KE", "accepted") in found
    assert ("William Ruto", "KE", "declined") in found
