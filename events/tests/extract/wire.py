"""Helpers for the wire-style tests (sentences written for these tests, published on
Wednesday 1 April 2026)."""

import datetime

from events.ingest.extract import extract_report

WIRE_PUBLISHED = datetime.date(2026, 4, 1)  # a Wednesday
SUMMIT = "Leaders meet at the summit in Oslo on May 12. "
FUTURE_EVENT = "The summit in Rio de Janeiro opens on May 12. "
PAST_EVENT = "The summit in Rio de Janeiro opened on Monday. "


def claims_of(text, title="", published=WIRE_PUBLISHED, knowledge=None):
    result = extract_report(text, published=published, title=title, knowledge=knowledge)
    return {(c.invitee, c.invitee_country, c.status) for c in result.claims}, result


def run(text, published=WIRE_PUBLISHED, title=""):
    result = extract_report(text, published=published, title=title)
    events = {e.key: e for e in result.events}
    return {(events[c.event].name, c.invitee, c.invitee_country, c.status) for c in result.claims}


def statuses(text, published=WIRE_PUBLISHED, title=""):
    return {(name, country, status) for _e, name, country, status in run(text, published, title)}


def start_date(text, published=WIRE_PUBLISHED):
    result = extract_report(text, published=published)
    return result.events[0].start_date if result.events else None
