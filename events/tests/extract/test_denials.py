"""Denials of earlier reports: the reported acceptance and the denial are both kept."""

import datetime

from events.tests.extract.sentences import claim_set
from events.tests.extract.wire import claims_of, statuses

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


def test_it_records_a_reported_acceptance_and_its_denial():
    claims, _ = claims_of(
        "The Kremlin on Tuesday denied reports that President Vladimir Putin would attend the "
        "summit in Baku on May 20."
    )
    assert ("Vladimir Putin", "RU", "denied") in claims
    assert ("Vladimir Putin", "RU", "accepted") in claims


def test_it_counts_an_outlets_report_as_a_claim_and_not_the_outlet():
    found = statuses(
        "The parade in Moscow on May 9 will be large. According to the newspaper Le Monde, "
        "Serbian President Aleksandar Vučić will attend."
    )
    assert found == {("Aleksandar Vučić", "RS", "accepted")}


def test_it_reads_a_metonym_denial_as_the_host_denying():
    found = statuses(
        "The summit in Kazan on Friday will open with a banquet. The Kremlin dismissed a report "
        "in a Turkish newspaper that Chinese President Xi Jinping would skip it."
    )
    assert not any(country == "RU" for _n, country, _s in found)
