"""Capabilities of the extractor, on sentences written for these tests (not sample text)."""

import datetime

from events.ingest.extract import extract_report
from events.ingest.extract.dates import find_dates
from events.ingest.extract.gazetteer import Gazetteer

PUBLISHED = datetime.date(2026, 4, 1)  # a Wednesday


def run(text, published=PUBLISHED, title=""):
    result = extract_report(text, published=published, title=title)
    events = {e.key: e for e in result.events}
    return {(events[c.event].name, c.invitee, c.invitee_country, c.status) for c in result.claims}


def statuses(text, **kw):
    return {(name, country, status) for _e, name, country, status in run(text, **kw)}


def test_it_gives_a_past_edition_that_someone_attended_its_own_event():
    result = extract_report(
        "Leaders will meet at the summit in Oslo on May 12. Kenyan President William Ruto "
        "will attend, a year after he flew to last year's summit in Lisbon.",
        published=PUBLISHED,
    )
    by_key = {e.key: e for e in result.events}
    found = {(by_key[c.event].city, c.status) for c in result.claims if c.invitee == "William Ruto"}
    assert ("Oslo", "accepted") in found
    assert ("Lisbon", "attended") in found


def test_it_ignores_a_past_event_mentioned_with_nobody_attending():
    result = extract_report(
        "Leaders will meet at the summit in Oslo on May 12. Last year's summit in Lisbon "
        "ended without a statement. Kenyan President William Ruto will attend.",
        published=PUBLISHED,
    )
    assert [e.city for e in result.events] == ["Oslo"]


def test_it_records_delegations_named_only_by_country():
    found = statuses(
        "The coronation in Oslo on Saturday will draw royals from across Europe. Peru and "
        "Bolivia will send their foreign ministers, and Iran will be represented by its "
        "ambassador in Oslo. Laos has been invited only at ambassador level."
    )
    assert ("foreign minister", "PE", "accepted") in found
    assert ("foreign minister", "BO", "accepted") in found
    assert ("ambassador", "IR", "accepted") in found
    assert ("ambassador", "LA", "invited") in found


def test_it_reads_appositions_and_keeps_names_inside_them_out():
    found = statuses(
        "The summit in Oslo on May 12 will be short. Lula, Brazil's president, will attend. "
        "Narendra Modi, a close friend of Joko Widodo, is due to fly in on Monday."
    )
    assert ("Luiz Inácio Lula da Silva", "BR", "accepted") in found
    assert ("Narendra Modi", "IN", "accepted") in found
    assert not any(name == "Joko Widodo" for name, _c, _s in found)


def test_it_follows_the_country_leader_and_pronouns_to_earlier_names():
    found = statuses(
        "The inauguration in Lima on Sunday will draw regional leaders. Venezuelan President "
        "Nicolás Maduro was invited. The Venezuelan leader will not attend, and he will send "
        "Foreign Minister Yván Gil instead."
    )
    assert ("Nicolás Maduro", "VE", "declined") in found
    assert ("Yván Gil", "VE", "accepted") in found


def test_it_keeps_an_undecided_invitee_at_invited():
    found = statuses(
        "The summit in Oslo on May 12 is taking shape. Italian Prime Minister Giorgia Meloni, "
        "who has also been invited, has yet to confirm whether she will make the trip."
    )
    assert found == {("Giorgia Meloni", "IT", "invited")}


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


def test_it_gives_international_organisation_heads_no_country():
    found = statuses(
        "The summit in Kazan opened on Tuesday. UN Secretary-General António Guterres "
        "arrived on Wednesday to take part.",
        published=datetime.date(2026, 4, 2),
    )
    assert ("António Guterres", None, "attended") in found


def test_it_keeps_an_outgoing_host_out():
    found = statuses(
        "Lula will be sworn in in Brasília on Sunday. Outgoing President Jair Bolsonaro will "
        "not attend. Chile's Gabriel Boric will be there."
    )
    assert ("Gabriel Boric", "CL", "accepted") in found
    assert not any(country == "BR" for _n, country, _s in found)


def test_it_does_not_read_a_sent_document_as_a_stand_in():
    found = statuses(
        "NATO leaders wrapped up a two-day summit in Vilnius on Wednesday. Turkish President "
        "Recep Tayyip Erdoğan, who arrived on Monday, agreed to send the protocol to parliament.",
        published=datetime.date(2026, 4, 1),
    )
    assert not any(status == "declined" for _n, _c, status in found)


def test_possessive_weekdays_after_for_point_forward():
    monday = datetime.date(2026, 3, 30)
    dates = [d for _o, d, _k in find_dates("arrived on Monday for Tuesday's funeral", monday)]
    assert datetime.date(2026, 3, 31) in dates


def test_the_event_date_skips_a_weekday_tied_to_another_action():
    result = extract_report(
        "Xi Jinping will arrive in Moscow on Wednesday ahead of the parade. He will watch the "
        "parade on Saturday.",
        published=PUBLISHED,
    )
    assert result.events[0].start_date == datetime.date(2026, 4, 4)


def test_the_gazetteer_matches_whole_names_longest_first():
    gazetteer = Gazetteer(["New Delhi", "Delhi", "Niger", "Nigeria"])
    hits = [h.group(0) for h in gazetteer.finditer("From New Delhi to Nigeria, not Nigerian-led")]
    assert hits == ["New Delhi", "Nigeria"]


def test_it_reads_were_also_in_a_city_as_presence():
    found = statuses(
        "Leaders wrapped up the summit in Oslo on Tuesday. Japan's Fumio Kishida and Kenyan "
        "President William Ruto were also in Oslo, as were French President Emmanuel Macron."
    )
    assert ("Fumio Kishida", "JP", "attended") in found
    assert ("William Ruto", "KE", "attended") in found


def test_it_keeps_a_list_together_across_a_blanked_apposition():
    found = statuses(
        "The summit in Oslo opened on Tuesday. Kenya's William Ruto, on his first trip to "
        "Norway as president, and Japan's Fumio Kishida were also there."
    )
    assert ("William Ruto", "KE", "attended") in found
    assert ("Fumio Kishida", "JP", "attended") in found


def test_it_gives_a_companion_after_along_with_the_lists_status():
    found = statuses(
        "The summit in Oslo opened on Tuesday. Kenyan President William Ruto was also at the "
        "venue, along with Japanese Prime Minister Fumio Kishida."
    )
    assert ("Fumio Kishida", "JP", "attended") in found


def test_it_reads_representing_and_among_the_leaders_expected():
    found = statuses(
        "The summit in Oslo opens on May 12. Organisers say Kenyan President William Ruto is "
        "among the leaders expected at the venue. Japanese Foreign Minister Yoko Kamikawa is "
        "representing Japan."
    )
    assert ("William Ruto", "KE", "accepted") in found
    assert ("Yoko Kamikawa", "JP", "accepted") in found


def test_it_takes_a_royals_country_from_of_country():
    found = statuses(
        "The coronation in Oslo on Saturday will draw royals from across Europe. King Sigurd "
        "of Denmark and Princess Aiko of Japan are among the royal guests."
    )
    assert ("King Sigurd", "DK", "accepted") in found
    assert ("Princess Aiko", "JP", "accepted") in found


def test_it_gives_a_stand_in_going_in_someones_place_their_country():
    found = statuses(
        "The summit in Oslo opens on May 12. Kenyan President William Ruto is skipping the "
        "summit; Foreign Minister Musalia Mudavadi will go in his place."
    )
    assert ("William Ruto", "KE", "declined") in found
    assert ("Musalia Mudavadi", "KE", "accepted") in found


def test_it_reads_a_delegation_led_by_someone():
    found = statuses(
        "The funeral in Oslo took place on Monday. Kenya's delegation was led by Culture "
        "Minister Aisha Jumwa."
    )
    assert ("Aisha Jumwa", "KE", "attended") in found


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


def test_it_gives_a_not_b_will_lead_the_cue_after_b():
    found = statuses(
        "The summit in Oslo opens on May 12. Kenya said Foreign Minister Musalia Mudavadi, not "
        "President William Ruto, will lead its delegation."
    )
    assert ("Musalia Mudavadi", "KE", "accepted") in found
    assert ("William Ruto", "KE", "declined") in found


def test_it_gives_the_person_sworn_in_no_claim_even_when_attended_by_follows():
    found = statuses(
        "King Harald of Norway was formally installed on Sunday at a ceremony in Rome attended "
        "by thousands of guests."
    )
    assert not any(name == "King Harald" for name, _c, _s in found)


def test_it_reads_staying_home_and_joining_by_video_as_declined_only():
    found = statuses(
        "The summit in Nairobi opened on Monday. Japanese Prime Minister Fumio Kishida stayed "
        "in Tokyo and addressed the meetings by video link."
    )
    assert ("Fumio Kishida", "JP", "declined") in found
    assert ("Fumio Kishida", "JP", "attended") not in found


def test_it_marks_a_name_followed_by_said_as_a_speaker_not_an_invitee():
    from events.ingest.extract import Knowledge
    from events.ingest.extract.claims import Reader

    reader = Reader(Knowledge.default())
    mentions = reader.mentions("Fumio Kishida said on Monday that the summit would go ahead.")
    assert [m.speaker for m in mentions] == [True]


def test_it_ignores_presence_in_another_place():
    found = statuses(
        "The summit in Rio de Janeiro opens on Monday. U.S. President Joe Biden is due in "
        "California that weekend for campaign events. Japanese Prime Minister Fumio Kishida "
        "will travel to Washington next week for talks. Indian Prime Minister Narendra Modi "
        "arrived in Brazil on Sunday."
    )
    assert found == {("Narendra Modi", "IN", "accepted")}


def test_it_finds_a_city_with_a_lowercase_particle():
    from events.ingest.extract import Knowledge
    from events.ingest.extract.events import cities_in

    found = cities_in("the summit in Rio de Janeiro and Mar del Plata", Knowledge.default())
    assert [c[1] for c in found][:1] == ["Rio de Janeiro"]


FUTURE_EVENT = "The summit in Rio de Janeiro opens on May 12. "
PAST_EVENT = "The summit in Rio de Janeiro opened on Monday. "


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


def test_it_reads_x_will_be_represented_by_y_as_a_stand_in():
    found = statuses(
        FUTURE_EVENT + "Kenyan President William Ruto will be represented by Foreign Minister "
        "Musalia Mudavadi."
    )
    assert found == {("William Ruto", "KE", "declined"), ("Musalia Mudavadi", "KE", "accepted")}


def test_it_names_events_without_dates_or_dangling_words():
    def names(text):
        return [e.name for e in extract_report(text, published=PUBLISHED).events]

    assert names(
        "Leaders opened the G20 summit on Saturday in Oslo. Kenya's William Ruto attended."
    ) == ["G20 summit"]
    assert names(
        "Javier Milei was sworn in on Sunday in Buenos Aires. Chile's Gabriel Boric attended."
    ) == ["Inauguration of Javier Milei"]
    assert names("The summit opened in Oslo on Monday. Kenya's William Ruto attended.") == [
        "Oslo summit"
    ]
