"""Coordinated lists: every member gets the list's status, not only the first one or two."""

from events.tests.extract.sentences import FUTURE, PAST, claim_set
from events.tests.extract.wire import claims_of, statuses


def test_a_mixed_list_of_named_people_and_countries_after_among_those_in_attendance():
    assert claim_set(
        PAST + "Among those in attendance were Ghana's John Mahama, Chilean President Gabriel "
        "Boric, Peru's Dina Boluarte and the presidents of Angola and Senegal."
    ) == {
        ("John Mahama", "GH", "attended"),
        ("Gabriel Boric", "CL", "attended"),
        ("Dina Boluarte", "PE", "attended"),
        (None, "AO", "attended"),
        (None, "SN", "attended"),
    }


def test_those_who_stayed_away_include_three():
    assert claim_set(
        PAST + "Those who stayed away included Ghana's John Mahama, Chile's Gabriel Boric and "
        "Peru's Dina Boluarte."
    ) == {
        ("John Mahama", "GH", "declined"),
        ("Gabriel Boric", "CL", "declined"),
        ("Dina Boluarte", "PE", "declined"),
    }


def test_a_list_running_across_semicolons():
    assert claim_set(
        PAST + "Among the guests were King Willem-Alexander of the Netherlands; Crown Princess "
        "Victoria of Sweden; and Norway's Crown Prince Haakon."
    ) == {
        ("King Willem-Alexander", "NL", "attended"),
        ("Crown Princess Victoria", "SE", "attended"),
        ("Crown Prince Haakon", "NO", "attended"),
    }


def test_a_list_after_including_takes_the_clause_cue():
    assert claim_set(
        FUTURE + "Several leaders have confirmed, including Ghana's John Mahama, Chile's Gabriel "
        "Boric, Congo Brazzaville's Denis Sassou Nguesso and Eswatini's King Mswati III."
    ) == {
        ("John Mahama", "GH", "accepted"),
        ("Gabriel Boric", "CL", "accepted"),
        ("Denis Sassou Nguesso", "CG", "accepted"),
        ("King Mswati III", "SZ", "accepted"),
    }


def test_a_list_joined_by_as_well_as():
    assert claim_set(
        FUTURE + "Ghana's John Mahama as well as Chile's Gabriel Boric will attend the summit."
    ) == {("John Mahama", "GH", "accepted"), ("Gabriel Boric", "CL", "accepted")}


def test_it_shares_one_cue_across_a_list_of_leaders():
    claims, _ = claims_of(
        "Guests at the funeral in Madrid on Saturday will include Germany's Olaf Scholz, "
        "Poland's Donald Tusk and Greece's Kyriakos Mitsotakis."
    )
    assert {c[1] for c in claims if c[2] == "accepted"} >= {"DE", "PL", "GR"}


def test_it_keeps_a_list_together_across_a_blanked_apposition():
    found = statuses(
        "The summit in Oslo opened on Tuesday. Kenya's William Ruto, on his first trip to "
        "Norway as president, and Japan's Fumio Kishida were also there."
    )
    assert ("William Ruto", "KE", "attended") in found
    assert ("Fumio Kishida", "JP", "attended") in found


def test_it_gives_a_companion_after_along_with_the_lists_status():
    found = statuses(
        "The summit in Oslo opened on Tuesday. Kenyan President William Ruto was also at the "
        "venue, along with Japanese Prime Minister Fumio Kishida."
    )
    assert ("Fumio Kishida", "JP", "attended") in found


def test_each_title_keeps_its_own_country_adjective():
    from events.tests.extract.sentences import PAST as PAST_SUMMIT

    assert claim_set(
        PAST_SUMMIT + "Ghanaian President John Mahama, President Gabriel Boric of Chile and "
        "Peruvian President Dina Boluarte are among the leaders in Rio de Janeiro for the summit."
    ) == {
        ("John Mahama", "GH", "attended"),
        ("Gabriel Boric", "CL", "attended"),
        ("Dina Boluarte", "PE", "attended"),
    }


def test_a_list_that_is_the_subject_of_another_verb_takes_no_status():
    assert (
        claim_set(
            FUTURE + "Several leaders including Ghana's John Mahama have called the host to "
            "congratulate him."
        )
        == set()
    )
