"""The seed report's six claims (a March 2025 report on the Victory Day parade), told again in
our own words and in the order a news site gives them: the invitation in the first sentence,
acceptances in a list, a country's troops, and a reported acceptance that both sides denied."""

import datetime

from events.ingest.extract import extract_report

PUBLISHED = datetime.date(2025, 3, 14)  # a Friday
SEED_PARAPHRASE = (
    "Russian President Vladimir Putin invited Venezuelan leader Nicolás Maduro on Friday to "
    "come to Moscow for the Victory Day military parade on May 9, which this year marks 80 "
    "years since the defeat of Nazi Germany.\n\n"
    "The two leaders spoke by video call, the Kremlin said. Maduro did not say straight away "
    "whether he would make the trip.\n\n"
    "More than ten foreign leaders have already said yes, including Chinese President Xi "
    "Jinping and Indian Prime Minister Narendra Modi, according to a Kremlin aide.\n\n"
    "North Korea will send a contingent of its troops to march on Red Square, Japanese media "
    "reported this week.\n\n"
    "Last month a French weekly wrote that U.S. President Donald Trump had agreed to attend. "
    "The Kremlin denied the report, and Trump also denied that he would come."
)


def test_the_seed_reports_six_claims_end_to_end():
    result = extract_report(
        SEED_PARAPHRASE,
        published=PUBLISHED,
        title="Putin invites Maduro to Victory Day parade in Moscow",
    )
    event = result.events[0]
    assert (event.name, event.kind, event.city, event.country) == (
        "Victory Day parade 2025, Moscow",
        "parade",
        "Moscow",
        "RU",
    )
    assert event.start_date == datetime.date(2025, 5, 9)
    found = {(c.invitee, c.invitee_country, c.inviter, c.status) for c in result.claims}
    assert found == {
        ("Nicolás Maduro", "VE", "Vladimir Putin", "invited"),
        ("Xi Jinping", "CN", None, "accepted"),
        ("Narendra Modi", "IN", None, "accepted"),
        ("contingent", "KP", None, "accepted"),
        ("Donald Trump", "US", None, "accepted"),
        ("Donald Trump", "US", None, "denied"),
    }
    assert {c.event for c in result.claims} == {event.key}
