"""The extractor on sentences written for these tests (not sample text)."""

import datetime
import json

from events.ingest.extract import Extraction, Knowledge, extract_report
from events.ingest.extract.dates import find_dates

PUBLISHED = datetime.date(2026, 4, 1)  # a Wednesday


def claims_of(text, title="", published=PUBLISHED, knowledge=None):
    result = extract_report(text, published=published, title=title, knowledge=knowledge)
    return {(c.invitee, c.invitee_country, c.status) for c in result.claims}, result


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


def test_it_marks_past_presence_as_attended():
    claims, _ = claims_of(
        "The summit in Nairobi opened on Monday. Kenya hosted the meeting. "
        "U.S. President Donald Trump and French President Emmanuel Macron attended the summit."
    )
    assert ("Donald Trump", "US", "attended") in claims
    assert ("Emmanuel Macron", "FR", "attended") in claims


def test_it_shares_one_cue_across_a_list_of_leaders():
    claims, _ = claims_of(
        "Guests at the funeral in Madrid on Saturday will include Germany's Olaf Scholz, "
        "Poland's Donald Tusk and Greece's Kyriakos Mitsotakis."
    )
    assert {c[1] for c in claims if c[2] == "accepted"} >= {"DE", "PL", "GR"}


def test_it_declines_the_sender_and_accepts_the_stand_in():
    claims, _ = claims_of(
        "Chinese President Xi Jinping will skip the summit in Lima on Friday. "
        "He is sending Vice-President Han Zheng in his place."
    )
    assert ("Xi Jinping", "CN", "declined") in claims
    assert ("Han Zheng", "CN", "accepted") in claims


def test_it_resolves_later_short_mentions_and_unknown_titled_people():
    claims, _ = claims_of(
        "Ruritanian Deputy Prime Minister Ivo Marten Kessler was invited to the parade in "
        "Moscow on May 9. Peru's Foreign Minister Elena Quispe Rojas will attend the parade. "
        "Kessler has not confirmed."
    )
    assert ("Elena Quispe Rojas", "PE", "accepted") in claims


def test_it_ignores_people_who_were_not_invited():
    claims, _ = claims_of(
        "Venezuelan President Nicolas Maduro was not invited to the inauguration in Santiago "
        "on Sunday."
    )
    assert not any(c[0] == "Nicolás Maduro" for c in claims)


def test_it_keeps_hosts_out():
    claims, _ = claims_of(
        "Brazilian President Luiz Inácio Lula da Silva opened the summit in Brasília on "
        "Monday. Argentine President Javier Milei attended the summit."
    )
    assert ("Javier Milei", "AR", "attended") in claims
    assert not any(c[1] == "BR" for c in claims)


def test_it_records_a_reported_acceptance_and_its_denial():
    claims, _ = claims_of(
        "The Kremlin on Tuesday denied reports that President Vladimir Putin would attend the "
        "summit in Baku on May 20."
    )
    assert ("Vladimir Putin", "RU", "denied") in claims
    assert ("Vladimir Putin", "RU", "accepted") in claims


def test_it_returns_nothing_for_reports_without_an_event():
    claims, result = claims_of("Inflation in Chile slowed in March, the central bank said.")
    assert claims == set()
    assert result.to_dict() == {"events": [], "claims": []}


def test_caller_supplied_people_are_recognised():
    knowledge = Knowledge.default().with_people(
        [("Ana Lindqvist", ["Lindqvist"], "SE", "minister")]
    )
    claims, _ = claims_of(
        "Lindqvist will attend the summit in Tokyo on Friday.", knowledge=knowledge
    )
    assert ("Ana Lindqvist", "SE", "accepted") in claims


def test_to_dict_is_json_ready():
    _, result = claims_of(
        "Japanese Prime Minister Fumio Kishida will attend the summit in Rome on May 4."
    )
    assert isinstance(result, Extraction)
    line = json.loads(json.dumps(result.to_dict()))
    assert line["events"][0]["start_date"] == "2026-05-04"
    assert set(line["claims"][0]) == {
        "event", "invitee", "invitee_country", "inviter", "status", "evidence", "confidence"
    }  # fmt: skip


def test_dates_resolve_against_the_published_date():
    dates = [
        d for _o, d, _k in find_dates("The parade on 9 May will follow talks on Friday", PUBLISHED)
    ]
    assert datetime.date(2026, 5, 9) in dates
    assert datetime.date(2026, 4, 3) in dates
