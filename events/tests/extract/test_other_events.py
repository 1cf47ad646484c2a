"""Claims on other events (rule 8): a claim goes to the event its own clause names."""

from events.ingest.extract import extract_report
from events.tests.extract.sentences import FUTURE, read
from events.tests.extract.wire import WIRE_PUBLISHED


def _by_event(text, **kw):
    result = read(text, **kw)
    names = {e["key"]: e for e in result["events"]}
    return {
        (c["invitee"], c["status"], names[c["event"]]["name"], names[c["event"]]["period"])
        for c in result["claims"]
    }


def test_an_earlier_edition_named_with_its_year_gets_its_own_event():
    import datetime

    found = _by_event(
        "Russia will hold the Victory Day parade in Moscow on May 9. Chinese President Xi "
        "Jinping will attend. Xi also attended the 2015 parade.",
        published=datetime.date(2025, 4, 20),
    )
    assert found == {
        ("Xi Jinping", "accepted", "Victory Day parade 2025, Moscow", None),
        ("Xi Jinping", "attended", "Victory Day parade 2015, Moscow", "2015"),
    }


def test_last_years_summit_is_not_this_years():
    import datetime

    found = _by_event(
        "NATO leaders meet at the summit in The Hague on June 24. Kenya's William Ruto, who "
        "attended last year's summit in Washington, will not come this time.",
        published=datetime.date(2025, 6, 10),
    )
    assert ("William Ruto", "declined", "NATO summit 2025, The Hague", None) in found
    assert ("William Ruto", "attended", "NATO summit 2024, Washington", "2024") in found


def test_a_sentence_opening_on_an_earlier_year_speaks_of_that_edition():
    import datetime

    found = _by_event(
        "India's Republic Day parade in New Delhi is on January 26. French President Emmanuel "
        "Macron will be the chief guest. In 2023, Egypt's Abdel Fattah el-Sisi was the chief "
        "guest.",
        published=datetime.date(2024, 1, 10),
    )
    assert found == {
        ("Emmanuel Macron", "accepted", "Republic Day parade 2024, New Delhi", None),
        ("Abdel Fattah el-Sisi", "attended", "Republic Day parade 2023, New Delhi", "2023"),
    }


def test_a_different_meeting_in_another_city():
    found = _by_event(
        FUTURE + "Ghana's John Mahama will attend. He attended the climate forum in Nairobi "
        "in 2029."
    )
    assert ("John Mahama", "accepted", "Rio de Janeiro summit", None) in found
    assert any(s == "attended" and "Nairobi" in name for _i, s, name, _p in found)


def test_it_gives_a_past_edition_that_someone_attended_its_own_event():
    result = extract_report(
        "Leaders will meet at the summit in Oslo on May 12. Kenyan President William Ruto "
        "will attend, a year after he flew to last year's summit in Lisbon.",
        published=WIRE_PUBLISHED,
    )
    by_key = {e.key: e for e in result.events}
    found = {(by_key[c.event].city, c.status) for c in result.claims if c.invitee == "William Ruto"}
    assert ("Oslo", "accepted") in found
    assert ("Lisbon", "attended") in found


def test_it_ignores_a_past_event_mentioned_with_nobody_attending():
    result = extract_report(
        "Leaders will meet at the summit in Oslo on May 12. Last year's summit in Lisbon "
        "ended without a statement. Kenyan President William Ruto will attend.",
        published=WIRE_PUBLISHED,
    )
    assert [e.city for e in result.events] == ["Oslo"]
