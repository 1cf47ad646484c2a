"""Denials of earlier reports: the reported acceptance and the denial are both kept."""

import datetime

from events.tests.extract.sentences import claim_set

PARADE = "The Victory Day parade in Moscow is on May 9. "
PUBLISHED = datetime.date(2031, 4, 20)


def test_a_denied_report_gives_the_report_and_the_denial():
    assert claim_set(
        PARADE + "The Kremlin denied reports that Chile's Gabriel Boric would attend the parade.",
        PUBLISHED,
    ) == {("Gabriel Boric", "CL", "accepted"), ("Gabriel Boric", "CL", "denied")}


def test_dismissed_as_fake_a_report():
    assert claim_set(
        PARADE + "A spokesman dismissed as fake news a report that Chile's Gabriel Boric had "
        "accepted an invitation to the parade.",
        PUBLISHED,
    ) == {("Gabriel Boric", "CL", "accepted"), ("Gabriel Boric", "CL", "denied")}


def test_denied_that_someone_was_set_to_fly_in():
    assert claim_set(
        PARADE + "His office on Monday denied that Chile's Gabriel Boric was set to fly to Moscow "
        "for the parade.",
        PUBLISHED,
    ) == {("Gabriel Boric", "CL", "accepted"), ("Gabriel Boric", "CL", "denied")}


def test_a_plain_no_without_an_earlier_report_is_a_refusal():
    assert claim_set(
        PARADE + "Asked whether he would go, Chile's Gabriel Boric said he would not attend.",
        PUBLISHED,
    ) == {("Gabriel Boric", "CL", "declined")}
