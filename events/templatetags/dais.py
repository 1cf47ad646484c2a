"""Template helpers for the pages: dates, status badges, safe outbound links."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django import template
from django.http import QueryDict
from django.templatetags.static import static
from django.utils.html import format_html

from events import status as vocabulary

register = template.Library()


@register.filter
def http_url(value) -> str:
    """The URL if it is an absolute http(s) URL, else "": nothing else becomes a link."""
    if not value:
        return ""
    text = str(value).strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return text
    return ""


@register.filter
def url_host(value) -> str:
    try:
        host = urlsplit(str(value)).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _day(d: datetime.date) -> str:
    return f"{d.day} {d:%B %Y}"


@register.filter
def event_dates(event) -> str:
    """'9 May 2025', '9-11 May 2025', '30 April - 2 May 2025', 'May 2025' or '2025'."""
    start, end = event.start_date, event.end_date
    if event.date_precision == "year":
        return f"{start:%Y}"
    if event.date_precision == "month":
        return f"{start:%B %Y}"
    if not end or end == start:
        return f"{start:%a} {_day(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{_day(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} \u2013 {_day(end)}"
    return f"{_day(start)} \u2013 {_day(end)}"


@register.filter
def day(value) -> str:
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return _day(value)


def _flag(code: str):
    # Vendored flag-icons SVGs (static/vendor/flags/); decorative next to the
    # name or code, so alt="" and never the only way a country is named.
    return format_html(
        '<img class="flag" src="{}" alt="" width="20" height="15" loading="lazy">',
        static(f"vendor/flags/{code.lower()}.svg"),
    )


@register.simple_tag
def country_code(country):
    """A country's flag and alpha-2 code in a chip, with the full name for
    screen readers and as a tooltip."""
    if country is None:
        return ""
    return format_html(
        '<abbr class="cc" title="{}">{}<span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></abbr>',
        country.name,
        _flag(country.code),
        country.code,
        country.name,
    )


@register.simple_tag
def flag_name(code: str, name: str):
    """A flag and a country name, e.g. in lists."""
    return format_html('<span class="flag-name">{}{}</span>', _flag(code), name)


@register.simple_tag
def status_badge(status: str, label: str | None = None):
    return format_html(
        '<span class="badge badge-{}">{}</span>', status, label or status.capitalize()
    )


@register.filter
def status_shares(event) -> list[tuple[str, int]]:
    """(status, count) for an event annotated by Event.objects.with_status_counts()."""
    return [(s, n) for s in vocabulary.BAR_ORDER if (n := getattr(event, f"n_{s}", 0))]


@register.filter
def answered(event) -> int:
    """Invitees with an answer of any kind (all but the plainly invited)."""
    return event.n_invitations - getattr(event, "n_invited", 0)


@register.filter
def status_heading(status: str) -> str:
    return vocabulary.heading(status)


@register.simple_tag(takes_context=True)
def page_url(context, page_number) -> str:
    """The current URL with only the page number changed (filters kept)."""
    query: QueryDict = context["request"].GET.copy()
    query["page"] = page_number
    return "?" + query.urlencode()
