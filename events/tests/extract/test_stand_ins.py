"""Stand-ins and representation (rule 3): the sender declines, the stand-in comes."""

from events.tests.extract.sentences import FUTURE, PAST, claim_set


def test_a_minister_leads_the_delegation_in_place_of_the_president():
    assert claim_set(
        FUTURE + "Foreign Minister Kofi Brenner will lead the Ghanaian delegation in place of "
        "President John Mahama."
    ) == {("Kofi Brenner", "GH", "accepted"), ("John Mahama", "GH", "declined")}


def test_represented_by_after_the_event():
    assert claim_set(PAST + "Ghana was represented by its vice-president, Kofi Brenner.") == {
        ("Kofi Brenner", "GH", "attended")
    }


def test_will_be_represented_by():
    assert claim_set(
        FUTURE + "Ghana's John Mahama will be represented by Foreign Minister Kofi Brenner."
    ) == {("John Mahama", "GH", "declined"), ("Kofi Brenner", "GH", "accepted")}


def test_sends_someone_instead():
    assert claim_set(
        FUTURE + "Ghana's John Mahama will skip the summit and send Foreign Minister Kofi Brenner "
        "instead."
    ) == {("John Mahama", "GH", "declined"), ("Kofi Brenner", "GH", "accepted")}


def test_a_hypothetical_stand_in_is_nothing():
    assert claim_set(FUTURE + "Ghana's Kofi Brenner could attend in place of John Mahama.") == set()
