"""Stand-ins and representation (rule 3): the sender declines, the stand-in comes."""

import datetime

from events.tests.extract.sentences import FUTURE, PAST, claim_set
from events.tests.extract.wire import FUTURE_EVENT, claims_of, statuses


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


def test_it_declines_the_sender_and_accepts_the_stand_in():
    claims, _ = claims_of(
        "Chinese President Xi Jinping will skip the summit in Lima on Friday. "
        "He is sending Vice-President Han Zheng in his place."
    )
    assert ("Xi Jinping", "CN", "declined") in claims
    assert ("Han Zheng", "CN", "accepted") in claims


def test_it_does_not_read_a_sent_document_as_a_stand_in():
    found = statuses(
        "NATO leaders wrapped up a two-day summit in Vilnius on Wednesday. Turkish President "
        "Recep Tayyip Erdoğan, who arrived on Monday, agreed to send the protocol to parliament.",
        published=datetime.date(2026, 4, 1),
    )
    assert not any(status == "declined" for _n, _c, status in found)


def test_it_reads_representing_and_among_the_leaders_expected():
    found = statuses(
        "The summit in Oslo opens on May 12. Organisers say Kenyan President William Ruto is "
        "among the leaders expected at the venue. Japanese Foreign Minister Yoko Kamikawa is "
        "representing Japan."
    )
    assert ("William Ruto", "KE", "accepted") in found
    assert ("Yoko Kamikawa", "JP", "accepted") in found


def test_it_gives_a_stand_in_going_in_someones_place_their_country():
    found = statuses(
        "The summit in Oslo opens on May 12. Kenyan President William Ruto is skipping the "
        "summit; Foreign Minister Musalia Mudavadi will go in his place."
    )
    assert ("William Ruto", "KE", "declined") in found
    assert ("Musalia Mudavadi", "KE", "accepted") in found


def test_it_gives_a_not_b_will_lead_the_cue_after_b():
    found = statuses(
        "The summit in Oslo opens on May 12. Kenya said Foreign Minister Musalia Mudavadi, not "
        "President William Ruto, will lead its delegation."
    )
    assert ("Musalia Mudavadi", "KE", "accepted") in found
    assert ("William Ruto", "KE", "declined") in found


def test_it_reads_x_will_be_represented_by_y_as_a_stand_in():
    found = statuses(
        FUTURE_EVENT + "Kenyan President William Ruto will be represented by Foreign Minister "
        "Musalia Mudavadi."
    )
    assert found == {("William Ruto", "KE", "declined"), ("Musalia Mudavadi", "KE", "accepted")}


def test_someone_representing_the_leader():
    from events.tests.extract.sentences import PAST as PAST_SUMMIT

    assert claim_set(
        PAST_SUMMIT + "Ghana's Foreign Minister Kofi Brenner, who is representing President John "
        "Mahama, arrived in Rio de Janeiro."
    ) == {("Kofi Brenner", "GH", "attended"), ("John Mahama", "GH", "declined")}
