"""The auto-apply rule on sentences of our own: each known failure shape is refused, plain
reports are applied."""

import datetime

import pytest

from events.ingest.autoapply import (
    EventFacts,
    InviteeFacts,
    is_head_of_state_or_government,
    is_host,
    refusal,
    stated_days,
)
from events.ingest.extract import Knowledge
from events.ingest.extract.series import Catalogue

SUMMIT = EventFacts(
    name="G20 summit 2031, Rio de Janeiro",
    kind="summit",
    start_date=datetime.date(2031, 5, 20),
    end_date=datetime.date(2031, 5, 21),
    city="Rio de Janeiro",
    country="BR",
    series="g20",
)
PARADE = EventFacts(
    name="Victory Day parade 2031, Moscow",
    kind="parade",
    start_date=datetime.date(2031, 5, 9),
    city="Moscow",
    country="RU",
    series="victory-day-moscow",
)
INAUGURATION = EventFacts(
    name="Inauguration of Ana Ferreira 2031, Brasília",
    kind="inauguration",
    start_date=datetime.date(2031, 1, 1),
    city="Brasília",
    country="BR",
)
MAHAMA = InviteeFacts(name="John Mahama", country="GH", aliases=("Mahama",), role="president")
PUTIN = InviteeFacts(name="Vladimir Putin", country="RU", aliases=("Putin",), role="president")


def why(evidence, *, status="attended", invitee=MAHAMA, event=SUMMIT, confidence=0.85, days=None):
    found = refusal(
        status=status,
        confidence=confidence,
        evidence=evidence,
        invitee=invitee,
        event=event,
        floor=0.8,
        knowledge=Knowledge.default(),
        catalogue=Catalogue.default(),
        report_days=days,
    )
    return found.code if found else None


@pytest.mark.parametrize(
    "status, evidence",
    [
        ("attended", "Ghana's John Mahama attended the summit in Rio de Janeiro."),
        ("attended", "Among the guests at the summit was Ghana's John Mahama."),
        ("accepted", "John Mahama will attend the summit, his office said on Monday."),
        ("accepted", "Mahama has accepted the invitation to the G20 summit."),
        ("declined", "John Mahama will not attend the summit in Rio de Janeiro."),
        ("declined", "Ghana's president, John Mahama, will skip the G20 summit."),
    ],
)
def test_it_applies_plain_reports(status, evidence):
    assert why(evidence, status=status) is None


@pytest.mark.parametrize(
    "status, evidence, reason",
    [
        ("attended", "John Mahama did not attend the summit.", "negated"),
        ("accepted", "John Mahama has no plans to go to the summit.", "negated"),
        ("accepted", "John Mahama never went to the summit.", "negated"),
        ("declined", "John Mahama did not skip the summit.", "negated"),
        ("accepted", "John Mahama is expected to attend the summit.", "hedged"),
        ("accepted", "John Mahama may attend the summit.", "hedged"),
        ("accepted", "John Mahama will reportedly attend the summit.", "hedged"),
        (
            "accepted",
            "John Mahama will attend the summit, according to two diplomats.",
            "hedged",
        ),
        ("accepted", "John Mahama will attend the summit, sources said.", "hedged"),
        ("accepted", "John Mahama will attend if his health allows.", "hedged"),
        ("accepted", "John Mahama will represent Ghana at the summit.", "stand-in"),
        ("accepted", "John Mahama will attend on behalf of the president.", "stand-in"),
        ("accepted", "John Mahama will attend the summit instead.", "stand-in"),
        ("attended", "A delegation led by John Mahama attended the summit.", "stand-in"),
        ("attended", "John Mahama attended the summit in 2029.", "other-event"),
        ("attended", "John Mahama attended last year's summit.", "other-event"),
        ("attended", "John Mahama attended the BRICS summit.", "other-event"),
        ("attended", "John Mahama attended the military parade.", "other-event"),
        ("attended", "John Mahama attended the summit in Nairobi.", "other-event"),
        ("attended", "John Mahama attended Kenya's independence celebrations.", "other-event"),
        ("attended", "Ghana's president attended the summit.", "unnamed"),
        ("attended", "He attended the summit.", "unnamed"),
        (
            "accepted",
            "Ghana denied reports that John Mahama will attend the summit.",
            "denial",
        ),
        ("accepted", "Accra dismissed claims that Mahama would attend.", "denial"),
        ("accepted", "John Mahama will watch the summit on television.", "wording"),
        ("attended", "John Mahama left Accra to attend the summit.", "wording"),
        ("invited", "John Mahama was invited to the summit.", "status"),
        ("denied", "John Mahama denied he would attend.", "status"),
    ],
)
def test_it_refuses_the_known_failure_shapes(status, evidence, reason):
    assert why(evidence, status=status) == reason


def test_it_refuses_below_the_confidence_floor():
    evidence = "John Mahama attended the summit in Rio de Janeiro."
    assert why(evidence, confidence=0.79) == "confidence"
    assert why(evidence, confidence=0.8) is None


def test_it_refuses_an_event_without_day_or_place():
    evidence = "John Mahama attended the summit."
    for event in (
        EventFacts(**{**SUMMIT.__dict__, "start_date": None}),
        EventFacts(**{**SUMMIT.__dict__, "date_precision": "month"}),
        EventFacts(**{**SUMMIT.__dict__, "city": None}),
        EventFacts(**{**SUMMIT.__dict__, "city": "March"}),
    ):
        assert why(evidence, event=event) == "event"


def test_it_refuses_when_the_report_does_not_state_the_event_day():
    evidence = "John Mahama attended the summit."
    published = datetime.date(2031, 5, 22)
    stated = stated_days("The summit opened on Tuesday. " + evidence, published)
    assert datetime.date(2031, 5, 20) in stated
    assert why(evidence, days=stated) is None
    elsewhere = stated_days("Mahama flew home on Thursday. " + evidence, published)
    assert why(evidence, days=elsewhere) == "event-day"
    assert why(evidence, days=frozenset()) == "event-day"


def test_a_country_claim_needs_the_country_named():
    ghana = InviteeFacts(name=None, country="GH")
    assert why("The Ghanaian president attended the summit.", invitee=ghana) is None
    assert why("Ghana's leader attended the summit.", invitee=ghana) is None
    assert why("The president attended the summit.", invitee=ghana) == "unnamed"


def test_an_alias_or_accented_spelling_names_the_invitee():
    erdogan = InviteeFacts(name="Recep Tayyip Erdoğan", country="TR", aliases=("Erdogan",))
    assert why("Turkey's Erdogan attended the summit.", invitee=erdogan) is None
    assert why("Tayyip Erdogan attended the summit.", invitee=erdogan) is None


def test_a_host_is_refused_whatever_the_sentence():
    assert why("Vladimir Putin attended the parade.", invitee=PUTIN, event=PARADE) == "host"
    lula = InviteeFacts(name="Luiz Inácio Lula da Silva", country="BR", role="President")
    assert why("Lula attended the summit.", invitee=lula) == "host"


def test_hosts_are_the_named_host_the_person_sworn_in_and_the_host_countrys_leaders():
    assert is_host(PUTIN, PARADE)
    assert not is_host(MAHAMA, PARADE)
    ferreira = InviteeFacts(name="Ana Ferreira", country="BR", role="president-elect")
    assert is_host(ferreira, INAUGURATION)
    # at an inauguration the outgoing head of state is a guest
    outgoing = InviteeFacts(name="Paulo Souza", country="BR", role="President of Brazil")
    assert not is_host(outgoing, INAUGURATION)
    assert is_host(outgoing, SUMMIT)
    named = EventFacts(**{**SUMMIT.__dict__, "hosts": ("John Mahama",)})
    assert is_host(MAHAMA, named)
    former = InviteeFacts(name="Paulo Souza", country="BR", role="former president")
    assert not is_host(former, SUMMIT)
    funeral = EventFacts(
        name="Funeral of King Olav VI 2031, Oslo",
        kind="funeral",
        start_date=datetime.date(2031, 3, 1),
        city="Oslo",
        country="NO",
    )
    assert is_host(InviteeFacts(name="King Olav VI", country="NO"), funeral)
    assert not is_host(InviteeFacts(name="King Harald", country="NO"), funeral)


@pytest.mark.parametrize(
    "role, head",
    [
        ("president", True),
        ("Prime Minister of India", True),
        ("King", True),
        ("former president", False),
        ("Vice President of the United States", False),
        ("deputy prime minister", False),
        ("foreign minister", False),
        ("", False),
    ],
)
def test_heads_of_state_or_government_by_role(role, head):
    assert is_head_of_state_or_government(role) is head
