"""The worked example at the top of SPEC.md, end to end, and each construction it uses in
general form (other names, other countries, sentences written for these tests)."""

import datetime
import json

from django.core.management import call_command

from events.ingest.extract import extract_report

SPEC_EXAMPLE = (
    "Putin invites Maduro to Victory Day parade\n\n"
    "On Friday Vladimir Putin, in a video call, invited Venezuela's Nicolas Maduro to the "
    "Victory Day military parade in Moscow on 9 May, marking the 80th anniversary of the end of "
    "the war in Europe. Maduro did not immediately confirm. At least 11 foreign leaders have "
    "accepted, Chinese President Xi Jinping and Indian Prime Minister Narendra Modi among them. "
    "North Korea is to send troops, according to Japanese media. A French magazine reported a "
    "month ago that U.S. President Donald Trump had accepted; both Trump and the Kremlin denied "
    "that. Nineteen unnamed countries were invited to send troops, and 10 have confirmed."
)
PUBLISHED = datetime.date(2026, 4, 1)  # a Wednesday


def claims(text, published=PUBLISHED):
    result = extract_report(text, published=published)
    return {(c.invitee, c.invitee_country, c.inviter, c.status) for c in result.claims}


def test_it_extracts_exactly_what_the_spec_example_says():
    result = extract_report(SPEC_EXAMPLE, published=datetime.date(2025, 3, 15))
    assert len(result.events) == 1
    event = result.events[0]
    assert (event.kind, event.city, event.country) == ("parade", "Moscow", "RU")
    assert event.start_date == datetime.date(2025, 5, 9)
    found = {(c.invitee_country, c.inviter, c.status) for c in result.claims}
    assert found == {
        ("VE", "Vladimir Putin", "invited"),
        ("CN", None, "accepted"),
        ("IN", None, "accepted"),
        ("KP", None, "accepted"),
        ("US", None, "accepted"),
        ("US", None, "denied"),
    }
    names = {c.invitee_country: c.invitee for c in result.claims}
    assert names["CN"] == "Xi Jinping"
    assert names["IN"] == "Narendra Modi"
    assert names["KP"] == "troops"
    assert names["US"] == "Donald Trump"
    assert all(c.event == event.key for c in result.claims)


def test_the_command_prints_the_spec_example_from_a_plain_text_file(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text(SPEC_EXAMPLE, encoding="utf-8")
    call_command("extract", str(path))
    line = json.loads(capsys.readouterr().out.strip())
    assert [e["kind"] for e in line["events"]] == ["parade"]
    assert line["events"][0]["start_date"].endswith("-05-09")
    assert {(c["invitee_country"], c["status"]) for c in line["claims"]} == {
        ("VE", "invited"),
        ("CN", "accepted"),
        ("IN", "accepted"),
        ("KP", "accepted"),
        ("US", "accepted"),
        ("US", "denied"),
    }


def test_it_gives_a_list_ending_in_among_them_the_cue_of_the_clause_before_it():
    found = claims(
        "The summit in Oslo on May 12 is taking shape. Several leaders have declined, French "
        "President Emmanuel Macron and Kenyan President William Ruto among them."
    )
    assert ("Emmanuel Macron", "FR", None, "declined") in found
    assert ("William Ruto", "KE", None, "declined") in found


def test_it_gives_a_list_after_including_the_cue_of_the_clause_before_it():
    found = claims(
        "The summit in Oslo on May 12 is taking shape. Nine leaders have confirmed they will "
        "come, including Brazil's Lula and Japanese Prime Minister Fumio Kishida."
    )
    assert {(n, c, s) for n, c, _i, s in found} >= {
        ("Luiz Inácio Lula da Silva", "BR", "accepted"),
        ("Fumio Kishida", "JP", "accepted"),
    }


def test_it_records_a_country_sending_troops_as_a_delegation():
    found = claims(
        "The military parade in Minsk on July 3 will be the largest in years. Mongolia is to "
        "send troops, state media said, and Serbia will send a military contingent."
    )
    assert ("troops", "MN", None, "accepted") in found
    assert ("military contingent", "RS", None, "accepted") in found


def test_it_ignores_unnamed_countries_invited_to_send_troops():
    found = claims(
        "The military parade in Minsk on July 3 will be the largest in years. Twelve countries "
        "were invited to send troops, and eight have confirmed."
    )
    assert found == set()


def test_it_takes_the_inviter_from_a_subject_with_an_aside_before_invited():
    found = claims(
        "On Monday Emmanuel Macron, in a telephone call, invited Kenya's William Ruto to the "
        "summit in Paris on June 3."
    )
    assert found == {("William Ruto", "KE", "Emmanuel Macron", "invited")}


def test_it_takes_the_inviter_from_x_invited_y():
    found = claims("Lula invited Chinese President Xi Jinping to the summit in Belém on May 6.")
    assert found == {("Xi Jinping", "CN", "Luiz Inácio Lula da Silva", "invited")}


def test_it_takes_the_inviter_from_at_xs_invitation():
    found = claims(
        "The summit in Rome opens on Friday. Kenyan President William Ruto will attend at "
        "Giorgia Meloni's invitation, and Fumio Kishida will also attend."
    )
    assert ("William Ruto", "KE", "Giorgia Meloni", "accepted") in found
    assert ("Fumio Kishida", "JP", None, "accepted") in found


def test_it_takes_the_inviter_from_the_invitation_of_x():
    found = claims(
        "Kenyan President William Ruto will attend the summit in Rome on Friday at the "
        "invitation of Italian Prime Minister Giorgia Meloni."
    )
    assert found == {("William Ruto", "KE", "Giorgia Meloni", "accepted")}
