"""Word order and reference: inversion, apposition, participles, passive, metonymy, pronouns."""

from events.tests.extract.sentences import FUTURE, PAST, claim_set
from events.tests.extract.wire import claims_of, statuses


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


def test_it_resolves_later_short_mentions_and_unknown_titled_people():
    claims, _ = claims_of(
        "Ruritanian Deputy Prime Minister Ivo Marten Kessler was invited to the parade in "
        "Moscow on May 9. Peru's Foreign Minister Elena Quispe Rojas will attend the parade. "
        "Kessler has not confirmed."
    )
    assert ("Elena Quispe Rojas", "PE", "accepted") in claims


def test_it_reads_appositions_and_keeps_names_inside_them_out():
    found = statuses(
        "The summit in Oslo on May 12 will be short. Lula, Brazil's president, will attend. "
        "Narendra Modi, a close friend of Joko Widodo, is due to fly in on Monday."
    )
    assert ("Luiz Inácio Lula da Silva", "BR", "accepted") in found
    assert ("Narendra Modi", "IN", "accepted") in found
    assert not any(name == "Joko Widodo" for name, _c, _s in found)


def test_it_follows_the_country_leader_and_pronouns_to_earlier_names():
    found = statuses(
        "The inauguration in Lima on Sunday will draw regional leaders. Venezuelan President "
        "Nicolás Maduro was invited. The Venezuelan leader will not attend, and he will send "
        "Foreign Minister Yván Gil instead."
    )
    assert ("Nicolás Maduro", "VE", "declined") in found
    assert ("Yván Gil", "VE", "accepted") in found


def test_inversion_joining_the_host_will_be():
    assert claim_set(
        FUTURE + "Joining the host at the opening will be Ghana's John Mahama and Chile's "
        "Gabriel Boric."
    ) == {("John Mahama", "GH", "accepted"), ("Gabriel Boric", "CL", "accepted")}


def test_the_only_leaders_at_the_summit():
    assert claim_set(
        FUTURE + "Ghana's John Mahama and Chile's Gabriel Boric will be the only foreign leaders "
        "at the summit."
    ) == {("John Mahama", "GH", "accepted"), ("Gabriel Boric", "CL", "accepted")}


def test_a_new_clause_after_and_has_its_own_subject():
    assert claim_set(
        PAST + "Ghana's John Mahama joined the leaders at the summit, and Peru sent its foreign "
        "minister."
    ) == {("John Mahama", "GH", "attended"), ("foreign minister", "PE", "attended")}
