"""Invitations that are not acceptances, and who issued them (rule 11)."""

from events.tests.extract.sentences import FUTURE, read
from events.tests.extract.wire import SUMMIT, claims_of, statuses


def _claims(text):
    return {
        (c["invitee"], c["invitee_country"], c["inviter"], c["status"])
        for c in read(text)["claims"]
    }


def test_among_those_invited_by_someone_is_an_invitation_from_them():
    assert _claims(
        FUTURE + "Ghana's John Mahama was among those invited by Brazilian President Luiz Inácio "
        "Lula da Silva."
    ) == {("John Mahama", "GH", "Luiz Inácio Lula da Silva", "invited")}


def test_invitees_include_a_list():
    assert _claims(FUTURE + "Invitees include Ghana's John Mahama and Chile's Gabriel Boric.") == {
        ("John Mahama", "GH", None, "invited"),
        ("Gabriel Boric", "CL", None, "invited"),
    }


def test_the_host_invited_someone_in_a_call():
    assert _claims(
        FUTURE + "Brazilian President Luiz Inácio Lula da Silva, in a phone call, invited Ghana's "
        "John Mahama to the summit."
    ) == {("John Mahama", "GH", "Luiz Inácio Lula da Silva", "invited")}


def test_an_invitation_then_an_acceptance_keeps_only_the_acceptance():
    assert _claims(
        FUTURE + "Ghana's John Mahama has received an invitation. Mahama has accepted it."
    ) == {("John Mahama", "GH", None, "accepted")}


def test_a_party_not_invited_gets_no_claim():
    assert _claims(FUTURE + "Ghana's John Mahama was not invited and will not come.") == set()


def test_it_ignores_people_who_were_not_invited():
    claims, _ = claims_of(
        "Venezuelan President Nicolas Maduro was not invited to the inauguration in Santiago "
        "on Sunday."
    )
    assert not any(c[0] == "Nicolás Maduro" for c in claims)


def test_it_reads_was_sent_an_invitation_as_invited():
    found = statuses(SUMMIT + "Kenyan President William Ruto was also sent an invitation.")
    assert ("William Ruto", "KE", "invited") in found


def test_an_invitation_not_sent_is_no_claim():
    assert (
        _claims(
            FUTURE + "Brazil has not sent Ghana's John Mahama an official invitation to the summit."
        )
        == set()
    )
    assert _claims(FUTURE + "No Ghanaian official has been invited either.") == set()
