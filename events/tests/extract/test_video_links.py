"""Video links (rule 4): taking part remotely is a refusal, never attendance."""

from events.tests.extract.sentences import FUTURE, PAST, claim_set
from events.tests.extract.wire import statuses


def test_will_join_by_video_link():
    assert claim_set(FUTURE + "Ghana's John Mahama will join the summit by video link.") == {
        ("John Mahama", "GH", "declined")
    }


def test_took_part_virtually_after_the_event():
    assert claim_set(PAST + "Ghana's John Mahama took part virtually.") == {
        ("John Mahama", "GH", "declined")
    }


def test_a_video_message_to_the_forum():
    assert claim_set(FUTURE + "Ghana's John Mahama is expected to deliver a video message.") == {
        ("John Mahama", "GH", "declined")
    }


def test_in_person_rather_than_by_video_is_attendance():
    assert claim_set(PAST + "Ghana's John Mahama attended in person rather than by video.") == {
        ("John Mahama", "GH", "attended")
    }


def test_it_reads_staying_home_and_joining_by_video_as_declined_only():
    found = statuses(
        "The summit in Nairobi opened on Monday. Japanese Prime Minister Fumio Kishida stayed "
        "in Tokyo and addressed the meetings by video link."
    )
    assert ("Fumio Kishida", "JP", "declined") in found
    assert ("Fumio Kishida", "JP", "attended") not in found
