"""People beyond heads of state: ministers, royals, envoys, opposition leaders; names no list
knows are marked by a title or a country adjective."""

import datetime

import pytest

from events.ingest.extract import Knowledge
from events.ingest.extract.gazetteer import Gazetteer
from events.tests.extract.sentences import FUTURE, PAST, claim_set
from events.tests.extract.wire import SUMMIT, claims_of, statuses


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


def test_it_reads_titles_before_names_and_future_acceptance():
    claims, result = claims_of(
        "ROME, Apr 1 (Test Wire) – Indian Prime Minister Narendra Modi will attend the "
        "coronation in Oslo on May 9, officials said."
    )
    assert ("Narendra Modi", "IN", "accepted") in claims
    event = result.events[0]
    assert event.kind == "coronation"
    assert event.start_date == datetime.date(2026, 5, 9)
    assert (event.city, event.country) == ("Oslo", "NO")


def test_caller_supplied_people_are_recognised():
    knowledge = Knowledge.default().with_people(
        [("Ana Lindqvist", ["Lindqvist"], "SE", "minister")]
    )
    claims, _ = claims_of(
        "Lindqvist will attend the summit in Tokyo on Friday.", knowledge=knowledge
    )
    assert ("Ana Lindqvist", "SE", "accepted") in claims


def test_it_gives_international_organisation_heads_no_country():
    found = statuses(
        "The summit in Kazan opened on Tuesday. UN Secretary-General António Guterres "
        "arrived on Wednesday to take part.",
        published=datetime.date(2026, 4, 2),
    )
    assert ("António Guterres", None, "attended") in found


def test_the_gazetteer_matches_whole_names_longest_first():
    gazetteer = Gazetteer(["New Delhi", "Delhi", "Niger", "Nigeria"])
    hits = [h.group(0) for h in gazetteer.finditer("From New Delhi to Nigeria, not Nigerian-led")]
    assert hits == ["New Delhi", "Nigeria"]


def test_it_takes_a_royals_country_from_of_country():
    found = statuses(
        "The coronation in Oslo on Saturday will draw royals from across Europe. King Sigurd "
        "of Denmark and Princess Aiko of Japan are among the royal guests."
    )
    assert ("King Sigurd", "DK", "accepted") in found
    assert ("Princess Aiko", "JP", "accepted") in found


def test_it_marks_a_name_followed_by_said_as_a_speaker_not_an_invitee():
    from events.ingest.extract import Knowledge
    from events.ingest.extract.claims import Reader

    reader = Reader(Knowledge.default())
    mentions = reader.mentions("Fumio Kishida said on Monday that the summit would go ahead.")
    assert [m.speaker for m in mentions] == [True]


def test_it_gives_an_unknown_minister_the_country_he_will_represent():
    found = statuses(SUMMIT + "Foreign Minister Kofi Brenner will represent Ghana.")
    assert ("Kofi Brenner", "GH", "accepted") in found


def test_it_gives_an_unknown_minister_the_country_of_the_delegation_he_led():
    found = statuses(
        "Leaders met at the summit in Oslo on March 30. Foreign Minister Kofi Brenner led "
        "the Ghanaian delegation."
    )
    assert ("Kofi Brenner", "GH", "attended") in found


def test_it_gives_his_adviser_the_country_of_the_leader_before():
    found = statuses(
        SUMMIT + "Kenyan President William Ruto will stay away. His national security "
        "adviser, Kofi Brenner, will attend in his place."
    )
    assert ("Kofi Brenner", "KE", "accepted") in found


def test_it_gives_a_royal_consort_the_country_of_the_royal_beside_her():
    found = statuses(
        "Royals gathered for the wedding ceremony in Oslo on March 28. Crown Prince Frederik of "
        "Denmark and Crown Princess Mary joined the guests."
    )
    assert ("Crown Princess Mary", "DK", "attended") in found


def test_it_reads_a_royal_whose_given_name_is_also_a_capital():
    found = statuses(
        "Royals gathered for the funeral in Oslo on March 28. Spain's Queen Sofia was "
        "among the mourners, as was Crown Princess Victoria of Sweden."
    )
    assert ("Queen Sofia", "ES", "attended") in found
    assert ("Crown Princess Victoria", "SE", "attended") in found


def test_it_gives_a_speaker_the_country_named_in_his_apposition():
    found = statuses(
        "Leaders met at the summit in Oslo on March 30. Kofi Brenner, the speaker of "
        "Ghana's parliament, was among the guests."
    )
    assert ("Kofi Brenner", "GH", "attended") in found


def test_it_names_a_role_holder_of_an_institution():
    found = statuses(
        SUMMIT + "Ghana will send the speaker of its National Assembly, Kofi Brenner, who "
        "will lead the delegation."
    )
    assert ("Kofi Brenner", "GH", "accepted") in found
