"""Tense against the published date: a report after the event reads presence as attendance,
plans as acceptances; weekdays resolve backwards in a report about the past."""

import datetime

from events.ingest.extract.dates import find_dates
from events.tests.extract.sentences import FUTURE, PAST, claim_set, read
from events.tests.extract.wire import (
    FUTURE_EVENT,
    PAST_EVENT,
    SUMMIT,
    WIRE_PUBLISHED,
    claims_of,
    statuses,
)


def test_after_the_event_presence_is_attendance():
    assert claim_set(PAST + "Ghana's John Mahama watched the ceremony from the front row.") == {
        ("John Mahama", "GH", "attended")
    }


def test_after_the_event_a_plan_alone_stays_an_acceptance():
    assert claim_set(PAST + "Ghana's John Mahama was due to attend.") == {
        ("John Mahama", "GH", "accepted")
    }


def test_before_the_event_representing_a_country_is_an_acceptance():
    assert claim_set(FUTURE + "Ghana's John Mahama will represent his country.") == {
        ("John Mahama", "GH", "accepted")
    }


def test_a_weekday_in_a_report_about_the_past_resolves_backwards():
    # published Wednesday 14 May 2031: "the funeral on Tuesday" is 13 May
    result = read(
        "Leaders gathered for the state funeral in Oslo on Tuesday. Ghana's John Mahama attended.",
        published=datetime.date(2031, 5, 14),
    )
    assert result["events"][0]["start_date"] == "2031-05-13"
    assert {(c["invitee"], c["status"]) for c in result["claims"]} == {("John Mahama", "attended")}


def test_a_weekday_in_a_report_about_the_future_resolves_forwards():
    result = read(
        "The summit in Oslo opens on Friday. Ghana's John Mahama will attend.",
        published=datetime.date(2031, 5, 14),
    )
    assert result["events"][0]["start_date"] == "2031-05-16"


def test_it_marks_past_presence_as_attended():
    claims, _ = claims_of(
        "The summit in Nairobi opened on Monday. Kenya hosted the meeting. "
        "U.S. President Donald Trump and French President Emmanuel Macron attended the summit."
    )
    assert ("Donald Trump", "US", "attended") in claims
    assert ("Emmanuel Macron", "FR", "attended") in claims


def test_dates_resolve_against_the_published_date():
    dates = [
        d
        for _o, d, _k in find_dates(
            "The parade on 9 May will follow talks on Friday", WIRE_PUBLISHED
        )
    ]
    assert datetime.date(2026, 5, 9) in dates
    assert datetime.date(2026, 4, 3) in dates


def test_possessive_weekdays_after_for_point_forward():
    monday = datetime.date(2026, 3, 30)
    dates = [d for _o, d, _k in find_dates("arrived on Monday for Tuesday's funeral", monday)]
    assert datetime.date(2026, 3, 31) in dates


def test_it_reads_were_also_in_a_city_as_presence():
    found = statuses(
        "Leaders wrapped up the summit in Oslo on Tuesday. Japan's Fumio Kishida and Kenyan "
        "President William Ruto were also in Oslo, as were French President Emmanuel Macron."
    )
    assert ("Fumio Kishida", "JP", "attended") in found
    assert ("William Ruto", "KE", "attended") in found


def test_it_reads_the_only_leader_to_attend_and_would_also_attend():
    found = statuses(
        "The forum in Beijing opened on Tuesday. Kenya's William Ruto was the only head of "
        "state from East Africa to attend."
    )
    assert ("William Ruto", "KE", "attended") in found
    found = statuses(
        "The forum in Beijing opens on May 12. The ministry said on Tuesday that Japanese Prime "
        "Minister Fumio Kishida would also attend the forum."
    )
    assert ("Fumio Kishida", "JP", "accepted") in found


def test_it_reads_common_wire_phrasings_of_each_status():
    cases = [
        (FUTURE_EVENT, "Also expected are Kenyan President William Ruto.", "accepted"),
        (FUTURE_EVENT, "Kenyan President William Ruto has called off his visit.", "declined"),
        (FUTURE_EVENT, "Kenyan President William Ruto will cancel his trip.", "declined"),
        (PAST_EVENT, "Among those present were Kenyan President William Ruto.", "attended"),
        (PAST_EVENT, "Kenyan President William Ruto sat next to the host.", "attended"),
        (PAST_EVENT, "Kenyan President William Ruto was seated in the front row.", "attended"),
        (PAST_EVENT, "Kenyan President William Ruto gave a speech on climate.", "attended"),
    ]
    for first, sentence, status in cases:
        assert statuses(first + sentence) == {("William Ruto", "KE", status)}, sentence


def test_it_reads_said_yes_and_the_only_one_to_make_the_trip_as_acceptance():
    found = statuses(
        SUMMIT + "Kenyan President William Ruto has also said yes. Chile's Gabriel Boric is "
        "the only leader from the region to make the trip."
    )
    assert ("William Ruto", "KE", "accepted") in found
    assert ("Gabriel Boric", "CL", "accepted") in found


def test_left_home_to_attend_is_on_the_way():
    assert claim_set(FUTURE + "Ghana's John Mahama left Accra on Sunday to attend.") == {
        ("John Mahama", "GH", "accepted")
    }


def test_the_delegations_that_arrived_before_the_event():
    assert claim_set(
        FUTURE + "Ghana's John Mahama and Chile's Gabriel Boric led the delegations that arrived "
        "on Sunday."
    ) == {("John Mahama", "GH", "accepted"), ("Gabriel Boric", "CL", "accepted")}
