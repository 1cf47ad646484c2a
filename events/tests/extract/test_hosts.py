"""Hosts are not guests (rule 6): the person sworn in, the host country's head of state or
government at its own event, the person buried."""

import datetime

from events.tests.extract.sentences import claim_set
from events.tests.extract.wire import claims_of, statuses


def test_the_person_sworn_in_is_not_a_guest_of_their_inauguration():
    assert claim_set(
        "Javier Milei was sworn in as president in Buenos Aires on Sunday. Milei welcomed the "
        "guests to his inauguration. Chile's Gabriel Boric attended.",
        datetime.date(2023, 12, 11),
    ) == {("Gabriel Boric", "CL", "attended")}


def test_the_host_countrys_leader_at_its_own_parade():
    assert claim_set(
        "Russia held the Victory Day parade in Moscow on May 9. Russian President Vladimir Putin "
        "reviewed the troops. Cuba's Miguel Díaz-Canel attended.",
        datetime.date(2025, 5, 10),
    ) == {("Miguel Díaz-Canel", "CU", "attended")}


def test_the_person_buried_is_not_a_mourner():
    assert claim_set(
        "The state funeral of Shinzo Abe was held in Tokyo on Tuesday. Shinzo Abe was "
        "remembered by 4,000 mourners. India's Narendra Modi attended.",
        datetime.date(2022, 9, 28),
    ) == {("Narendra Modi", "IN", "attended")}


def test_at_an_inauguration_the_outgoing_leader_of_the_host_country_is_a_guest():
    assert claim_set(
        "Joe Biden said he will attend Donald Trump's inauguration in Washington in January.",
        datetime.date(2024, 12, 19),
    ) == {("Joe Biden", "US", "accepted")}


def test_it_keeps_hosts_out():
    claims, _ = claims_of(
        "Brazilian President Luiz Inácio Lula da Silva opened the summit in Brasília on "
        "Monday. Argentine President Javier Milei attended the summit."
    )
    assert ("Javier Milei", "AR", "attended") in claims
    assert not any(c[1] == "BR" for c in claims)


def test_it_keeps_an_outgoing_host_out():
    found = statuses(
        "Lula will be sworn in in Brasília on Sunday. Outgoing President Jair Bolsonaro will "
        "not attend. Chile's Gabriel Boric will be there."
    )
    assert ("Gabriel Boric", "CL", "accepted") in found
    assert not any(country == "BR" for _n, country, _s in found)


def test_it_gives_the_person_sworn_in_no_claim_even_when_attended_by_follows():
    found = statuses(
        "King Harald of Norway was formally installed on Sunday at a ceremony in Rome attended "
        "by thousands of guests."
    )
    assert not any(name == "King Harald" for name, _c, _s in found)
