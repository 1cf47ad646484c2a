"""Round-4 constructions of the extractor, on sentences written for these tests."""

import datetime

from events.ingest.extract import extract_report

PUBLISHED = datetime.date(2026, 4, 1)  # a Wednesday


def statuses(text, published=PUBLISHED):
    result = extract_report(text, published=published)
    return {(c.invitee, c.invitee_country, c.status) for c in result.claims}


def start_date(text, published=PUBLISHED):
    result = extract_report(text, published=published)
    return result.events[0].start_date if result.events else None


SUMMIT = "Leaders meet at the summit in Oslo on May 12. "


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


def test_it_reads_said_yes_and_the_only_one_to_make_the_trip_as_acceptance():
    found = statuses(
        SUMMIT + "Kenyan President William Ruto has also said yes. Chile's Gabriel Boric is "
        "the only leader from the region to make the trip."
    )
    assert ("William Ruto", "KE", "accepted") in found
    assert ("Gabriel Boric", "CL", "accepted") in found


def test_it_reads_was_sent_an_invitation_as_invited():
    found = statuses(SUMMIT + "Kenyan President William Ruto was also sent an invitation.")
    assert ("William Ruto", "KE", "invited") in found


def test_it_keeps_an_earlier_acceptance_next_to_a_later_cancellation():
    found = statuses(
        SUMMIT + "Kenyan President William Ruto, who had accepted an invitation, cancelled "
        "his trip on Monday."
    )
    assert ("William Ruto", "KE", "accepted") in found
    assert ("William Ruto", "KE", "declined") in found


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


def test_it_dates_the_event_not_the_arrival_before_it():
    text = (
        "Kenyan President William Ruto arrived in Oslo on Tuesday for the summit, which "
        "opens on Thursday."
    )
    assert start_date(text) == datetime.date(2026, 4, 2)


def test_it_dates_the_event_by_its_nearest_event_phrase():
    text = (
        "Kenyan President William Ruto landed in Lima on Wednesday for the regional summit, "
        "where he will open a new port before the leaders' meetings on April 3 and 4."
    )
    assert start_date(text) == datetime.date(2026, 4, 3)


def test_it_dates_the_event_from_when_leaders_meet():
    text = (
        "Kenyan President William Ruto will travel to the summit in Oslo, his office said on "
        "Monday. Leaders meet on April 6 and 7 to agree a new target."
    )
    assert start_date(text) == datetime.date(2026, 4, 6)
