"""Word order and reference: inversion, apposition, participles, passive, metonymy, pronouns."""

from events.tests.extract.sentences import FUTURE, PAST, claim_set


def test_inversion_also_in_attendance_was():
    assert claim_set(PAST + "Also in attendance was Ghana's John Mahama.") == {
        ("John Mahama", "GH", "attended")
    }


def test_apposition_with_the_office_after_the_name():
    assert claim_set(FUTURE + "Kofi Brenner, Vice-President of Ghana, is also confirmed.") == {
        ("Kofi Brenner", "GH", "accepted")
    }


def test_a_participle_after_attending():
    assert claim_set(PAST + "Ghana's John Mahama returned home after attending the summit.") == {
        ("John Mahama", "GH", "attended")
    }


def test_a_passive_skipped_by():
    assert claim_set(FUTURE + "It is a summit that will be skipped by Ghana's John Mahama.") == {
        ("John Mahama", "GH", "declined")
    }


def test_a_pronoun_and_a_short_name_later():
    assert claim_set(
        FUTURE + "Ghana's John Mahama has been invited. The president later confirmed he would "
        "travel."
    ) == {("John Mahama", "GH", "accepted")}
