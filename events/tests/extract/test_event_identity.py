"""Recurring events resolved to their edition from the catalogue (data/series.json) and the
report's published date; events without a day keep a precision, never a made-up date."""

import datetime
import json

from events.ingest.extract import Extraction, Knowledge, extract_report
from events.ingest.extract.series import Catalogue
from events.tests.extract.wire import WIRE_PUBLISHED, claims_of, start_date, statuses


def _event(text, published, title=""):
    result = extract_report(text, published=published, title=title).to_dict()
    assert result["events"], result
    return result["events"][0]


def test_a_series_name_and_the_published_date_give_the_edition():
    event = _event(
        "Kenya's William Ruto will attend the G20 summit, his office said.",
        datetime.date(2024, 11, 2),
    )
    assert event["name"] == "G20 summit 2024, Rio de Janeiro"
    assert (event["start_date"], event["end_date"]) == ("2024-11-18", "2024-11-19")
    assert (event["city"], event["country"]) == ("Rio de Janeiro", "BR")
    assert (event["series"], event["edition"], event["date_precision"]) == ("g20", 2024, "day")


def test_the_city_the_text_names_picks_among_editions():
    event = _event(
        "Brazil's president attended the BRICS summit in Kazan, where Egypt's Abdel Fattah "
        "el-Sisi also attended.",
        datetime.date(2025, 3, 1),
    )
    assert (event["start_date"], event["city"]) == ("2024-10-22", "Kazan")


def test_a_headline_without_a_kind_word_still_names_the_series():
    event = _event(
        "Chinese President Xi Jinping will skip the gathering in New Delhi, officials said.",
        datetime.date(2023, 9, 4),
        title="Xi to skip G20 in New Delhi",
    )
    assert event["name"] == "G20 summit 2023, New Delhi"
    assert event["start_date"] == "2023-09-09"


def test_an_ordinal_names_the_edition():
    event = _event(
        "Azerbaijan welcomed leaders to COP29, and France's Emmanuel Macron stayed away.",
        datetime.date(2024, 11, 12),
    )
    assert (event["city"], event["start_date"]) == ("Baku", "2024-11-11")


def test_an_inauguration_is_named_after_the_person_sworn_in():
    event = _event(
        "Chile's Gabriel Boric will attend Donald Trump's inauguration.",
        datetime.date(2024, 12, 19),
    )
    assert event["name"] == "Inauguration of Donald Trump 2025, Washington"
    assert (event["start_date"], event["country"]) == ("2025-01-20", "US")


def test_a_city_where_the_series_never_met_keeps_the_text_city():
    event = _event(
        "Leaders opened the G20 summit on Saturday in Oslo. Kenya's William Ruto attended.",
        datetime.date(2026, 4, 1),
    )
    assert event["city"] == "Oslo"
    assert event["series"] is None


def test_a_year_alone_is_a_precision_not_a_first_of_january():
    event = _event(
        "Ghana's John Mahama has accepted an invitation to the Nairobi climate forum in 2031.",
        datetime.date(2030, 6, 3),
    )
    assert event["start_date"] is None
    assert (event["date_precision"], event["period"]) == ("year", "2031")


def test_a_month_alone_is_a_month_precision():
    event = _event(
        "Ghana's John Mahama will attend the Nairobi investment forum next month.",
        datetime.date(2030, 12, 3),
    )
    assert event["start_date"] is None
    assert (event["date_precision"], event["period"]) == ("month", "2031-01")


def test_the_catalogue_editions_are_well_formed():
    catalogue = Catalogue.default()
    assert len(catalogue.series) >= 40
    for editions in catalogue.series.values():
        for edition in editions:
            assert 2015 <= edition.year <= 2027
            assert edition.country and len(edition.country) == 2
            if edition.start and edition.end:
                assert edition.start <= edition.end
            if edition.start:
                assert edition.start.year == edition.year
    victory = catalogue.edition("victory-day-moscow", datetime.date(2025, 4, 30))
    assert (victory.start, victory.city) == (datetime.date(2025, 5, 9), "Moscow")


def test_it_returns_nothing_for_reports_without_an_event():
    claims, result = claims_of("Inflation in Chile slowed in March, the central bank said.")
    assert claims == set()
    assert result.to_dict() == {"events": [], "claims": []}


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


def test_the_event_date_skips_a_weekday_tied_to_another_action():
    result = extract_report(
        "Xi Jinping will arrive in Moscow on Wednesday ahead of the parade. He will watch the "
        "parade on Saturday.",
        published=WIRE_PUBLISHED,
    )
    assert result.events[0].start_date == datetime.date(2026, 4, 4)


def test_it_ignores_presence_in_another_place():
    found = statuses(
        "The summit in Rio de Janeiro opens on Monday. U.S. President Joe Biden is due in "
        "California that weekend for campaign events. Japanese Prime Minister Fumio Kishida "
        "will travel to Washington next week for talks. Indian Prime Minister Narendra Modi "
        "arrived in Brazil on Sunday."
    )
    assert found == {("Narendra Modi", "IN", "accepted")}


def test_it_finds_a_city_with_a_lowercase_particle():
    from events.ingest.extract.events import cities_in

    found = cities_in("the summit in Rio de Janeiro and Mar del Plata", Knowledge.default())
    assert [c[1] for c in found][:1] == ["Rio de Janeiro"]


def test_it_names_events_without_dates_or_dangling_words():
    def names(text):
        return [e.name for e in extract_report(text, published=WIRE_PUBLISHED).events]

    assert names(
        "Leaders opened the G20 summit on Saturday in Oslo. Kenya's William Ruto attended."
    ) == ["G20 summit"]
    assert names(
        "Javier Milei was sworn in on Sunday in Buenos Aires. Chile's Gabriel Boric attended."
    ) == ["Inauguration of Javier Milei"]
    assert names("The summit opened in Oslo on Monday. Kenya's William Ruto attended.") == [
        "Oslo summit"
    ]


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
