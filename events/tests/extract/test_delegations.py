"""Countries named as invitees without a person (rule 9): "the leaders of A, B and C"."""

import datetime

from events.ingest.extract import extract_report
from events.tests.extract.wire import statuses

PUBLISHED = datetime.date(2031, 5, 12)
EVENT = "The summit in Rio de Janeiro opens on May 20. "


def _claims(text):
    result = extract_report(EVENT + text, published=PUBLISHED).to_dict()
    return {(c["invitee"], c["invitee_country"], c["status"]) for c in result["claims"]}


def test_the_leaders_of_a_list_of_countries_are_each_expected():
    assert _claims("The leaders of Ghana, Peru and Vietnam are expected at the summit.") == {
        (None, "GH", "accepted"),
        (None, "PE", "accepted"),
        (None, "VN", "accepted"),
    }


def test_a_colon_list_of_countries_is_invited():
    assert _claims(
        "The heads of four other countries: Chile, Egypt, the Netherlands and Oman have been "
        "invited."
    ) == {
        (None, "CL", "invited"),
        (None, "EG", "invited"),
        (None, "NL", "invited"),
        (None, "OM", "invited"),
    }


def test_a_list_introduced_by_include_takes_the_clause_cue():
    assert _claims("Other confirmed guests include the presidents of Chile and Ghana.") == {
        (None, "CL", "accepted"),
        (None, "GH", "accepted"),
    }


def test_a_named_person_and_countries_in_one_list():
    assert _claims(
        "Kenya's William Ruto and the leaders of Chile and Ghana will attend the summit."
    ) == {("William Ruto", "KE", "accepted"), (None, "CL", "accepted"), (None, "GH", "accepted")}


def test_the_host_country_is_not_its_own_guest():
    assert _claims("The leaders of Brazil and Chile will attend.") == {(None, "CL", "accepted")}


def test_a_country_that_sent_its_minister():
    assert _claims("Egypt had sent its deputy prime minister.") == {
        ("deputy prime minister", "EG", "accepted")
    }


def test_countries_in_passing_are_not_invitees():
    assert _claims("Trade between Chile and Ghana grew last year, officials said.") == set()


def test_a_country_office_holder_without_a_name():
    assert _claims(
        "Peru's president decided not to attend. The Chilean president will attend. Turkey's "
        "vice president was also invited."
    ) == {(None, "PE", "declined"), (None, "CL", "accepted"), ("vice president", "TR", "invited")}


def test_a_list_after_confirmed_their_presence():
    assert _claims(
        "Twelve heads of state have confirmed their presence: the presidents of Ghana, Peru and "
        "Chile."
    ) == {(None, "GH", "accepted"), (None, "PE", "accepted"), (None, "CL", "accepted")}


def test_an_office_holder_followed_by_a_name_is_the_person():
    assert _claims("Peru's president, Dina Boluarte, will attend.") == {
        ("Dina Boluarte", "PE", "accepted")
    }


def test_it_records_delegations_named_only_by_country():
    found = statuses(
        "The coronation in Oslo on Saturday will draw royals from across Europe. Peru and "
        "Bolivia will send their foreign ministers, and Iran will be represented by its "
        "ambassador in Oslo. Laos has been invited only at ambassador level."
    )
    assert ("foreign minister", "PE", "accepted") in found
    assert ("foreign minister", "BO", "accepted") in found
    assert ("ambassador", "IR", "accepted") in found
    assert ("ambassador", "LA", "invited") in found


def test_it_reads_a_delegation_led_by_someone():
    found = statuses(
        "The funeral in Oslo took place on Monday. Kenya's delegation was led by Culture "
        "Minister Aisha Jumwa."
    )
    assert ("Aisha Jumwa", "KE", "attended") in found


def test_two_countries_sending_ministers_in_two_clauses():
    assert _claims(
        "Egypt sent its foreign minister, Sameh Shoukry, while Ghana had sent its deputy prime "
        "minister."
    ) == {("Sameh Shoukry", "EG", "accepted"), ("deputy prime minister", "GH", "accepted")}
