"""Helpers for the extractor's construction tests: sentences we write ourselves, read after an
opening sentence that names the event, and the exact set of claims they give."""

import datetime

from events.ingest.extract import extract_report

PUBLISHED = datetime.date(2031, 5, 12)  # a Monday
FUTURE = "The summit in Rio de Janeiro opens on May 20. "
PAST = "The summit in Rio de Janeiro opened on May 8. "


def read(text, published=PUBLISHED, title=""):
    return extract_report(text, published=published, title=title).to_dict()


def claim_set(text, published=PUBLISHED, title=""):
    """{(invitee, country, status)} of the claims on any event."""
    return {
        (c["invitee"], c["invitee_country"], c["status"])
        for c in read(text, published, title)["claims"]
    }
