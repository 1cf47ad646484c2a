"""Tense against the published date: a report after the event reads presence as attendance,
plans as acceptances; weekdays resolve backwards in a report about the past."""

import datetime

from events.tests.extract.sentences import FUTURE, PAST, claim_set, read


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
