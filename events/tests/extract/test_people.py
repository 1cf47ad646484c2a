"""People beyond heads of state: ministers, royals, envoys, opposition leaders; names no list
knows are marked by a title or a country adjective."""

import pytest

from events.tests.extract.sentences import FUTURE, PAST, claim_set


def test_an_unknown_ambassador_with_a_country_adjective():
    assert claim_set(FUTURE + "Ghanaian Ambassador Lena Dorr was also invited.") == {
        ("Lena Dorr", "GH", "invited")
    }


def test_an_unknown_crown_prince_of_a_country():
    assert claim_set(PAST + "Crown Prince Alaric of Sweden attended the summit.") == {
        ("Crown Prince Alaric", "SE", "attended")
    }


def test_a_field_marshal_takes_the_country_of_his_title():
    assert claim_set(FUTURE + "Chilean Field Marshal Tomas Reyes will attend the summit.") == {
        ("Tomas Reyes", "CL", "accepted")
    }


def test_a_former_leader_is_a_guest_of_his_own_country():
    assert claim_set(PAST + "Former Chilean president Michelle Bachelet attended.") == {
        ("Michelle Bachelet", "CL", "attended")
    }


def test_the_head_of_an_organisation_has_no_country():
    assert claim_set(FUTURE + "UN Secretary-General António Guterres will attend the summit.") == {
        ("António Guterres", None, "accepted")
    }


def test_a_misspelt_known_name_is_the_known_person():
    pytest.importorskip("rapidfuzz", reason="requirements.txt installs it")
    assert claim_set(FUTURE + "Indian Prime Minister Narenda Modi will attend the summit.") == {
        ("Narendra Modi", "IN", "accepted")
    }
