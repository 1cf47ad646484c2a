"""Recurring events resolved to their edition from the catalogue (data/series.json) and the
report's published date; events without a day keep a precision, never a made-up date."""

import datetime

from events.ingest.extract import extract_report
from events.ingest.extract.series import Catalogue


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
