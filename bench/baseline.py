"""Baselines for R1 and R2: plain views that answer with JSON built by ONE SQL
statement in PostgreSQL (json_build_object / json_agg), the fastest a Django
view can reasonably be for the same data. Mounted only by bench/urls.py."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from rest_framework.utils.urls import remove_query_param, replace_query_param


def _ts(col: str) -> str:
    """A timestamptz as DRF writes it: ISO 8601 in UTC, 'Z', microseconds only if any."""
    return (
        f"(to_char({col} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || "
        f"CASE WHEN mod(date_part('microseconds', {col})::int, 1000000) = 0 THEN '' "
        f"ELSE to_char({col} AT TIME ZONE 'UTC', '.US') END || 'Z')"
    )


def _person(alias: str) -> str:
    return (
        f"json_build_object('id', {alias}.id, 'name', {alias}.name, 'kind', {alias}.kind, "
        f"'country', {alias}.country_id)"
    )


def _counts(event: str) -> str:
    statuses = ["invited", "accepted", "declined", "denied", "attended", "disputed"]
    pairs = ", ".join(f"'{s}', count(*) FILTER (WHERE ic.status = '{s}')" for s in statuses)
    return f"(SELECT json_build_object({pairs}) FROM events_invitation ic WHERE ic.event_id = {event}.id)"


UPCOMING = "(e.start_date >= %(today)s OR e.end_date >= %(today)s) AND e.lifecycle <> 'cancelled'"

API_EVENTS_SQL = f"""
WITH page AS (
    SELECT e.* FROM events_event e WHERE {UPCOMING}
    ORDER BY e.start_date, e.id LIMIT %(limit)s OFFSET %(offset)s
), total AS (
    SELECT count(*) AS n FROM events_event e WHERE {UPCOMING}
)
SELECT json_build_object(
    'count', (SELECT n FROM total),
    'next', CASE WHEN %(offset)s + %(limit)s < (SELECT n FROM total) THEN %(next)s END,
    'previous', CASE WHEN %(offset)s > 0 THEN %(previous)s END,
    'results', coalesce((
        SELECT json_agg(json_build_object(
            'id', e.id, 'slug', e.slug, 'title', e.title, 'kind', e.kind,
            'start_date', e.start_date, 'end_date', e.end_date,
            'date_precision', e.date_precision, 'city', e.city,
            'country', e.country_id, 'country_name', c.name,
            'host', CASE WHEN h.id IS NULL THEN NULL ELSE {_person("h")} END,
            'lifecycle', e.lifecycle,
            'phase', CASE
                WHEN e.lifecycle = 'cancelled' THEN 'cancelled'
                WHEN e.start_date > %(today)s THEN 'upcoming'
                WHEN coalesce(e.end_date, e.start_date) >= %(today)s THEN 'ongoing'
                ELSE 'past' END,
            'description', e.description, 'sequence', e.sequence,
            'needs_review', e.needs_review,
            'created_at', {_ts("e.created_at")}, 'updated_at', {_ts("e.updated_at")},
            'web_url', %(site)s || '/events/' || e.slug || '/',
            'status_counts', {_counts("e")},
            'invitations', coalesce((
                SELECT json_agg(json_build_object(
                    'id', i.id, 'invitee', {_person("p")}, 'status', i.status,
                    'status_since', i.status_since,
                    'source', CASE WHEN cl.id IS NULL THEN NULL ELSE json_build_object(
                        'claim_id', cl.id, 'status', cl.status, 'as_of', cl.as_of,
                        'source_url', cl.source_url, 'source_outlet', cl.source_outlet,
                        'source_title', cl.source_title) END
                ) ORDER BY i.id)
                FROM events_invitation i
                JOIN events_person p ON p.id = i.invitee_id
                LEFT JOIN events_claim cl ON cl.id = i.current_claim_id
                WHERE i.event_id = e.id
            ), '[]'::json)
        ) ORDER BY e.start_date, e.id)
        FROM page e
        JOIN events_country c ON c.code = e.country_id
        LEFT JOIN events_person h ON h.id = e.host_id
    ), '[]'::json)
)::text
"""


def _one(sql: str, params: dict) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None


def _int(request, name: str, default: int) -> int | None:
    raw = request.GET.get(name, str(default))
    return int(raw) if raw.isdigit() and int(raw) >= 1 else None


def api_events(request):
    """GET /api/events/?upcoming=true[&page=N][&page_size=M], same JSON."""
    page = _int(request, "page", 1)
    size = _int(request, "page_size", settings.REST_FRAMEWORK["PAGE_SIZE"])
    if page is None or size is None:
        return HttpResponseBadRequest()
    url = request.build_absolute_uri().replace("/bench/baseline/api-events/", "/api/events/")
    previous = (
        remove_query_param(url, "page") if page == 2 else replace_query_param(url, "page", page - 1)
    )
    params = {
        "today": timezone.localdate(),
        "limit": size,
        "offset": (page - 1) * size,
        "next": replace_query_param(url, "page", page + 1),
        "previous": previous,
        "site": settings.SITE_URL,
    }
    return HttpResponse(_one(API_EVENTS_SQL, params), content_type="application/json")


HOME_SQL = f"""
WITH page AS (
    SELECT e.* FROM events_event e WHERE {UPCOMING}
    ORDER BY e.start_date, e.id LIMIT %(limit)s
)
SELECT json_build_object(
    'count', (SELECT count(*) FROM events_event e WHERE {UPCOMING}),
    'events', coalesce((
        SELECT json_agg(json_build_object(
            'id', e.id, 'slug', e.slug, 'title', e.title, 'kind', e.kind,
            'start_date', e.start_date, 'end_date', e.end_date,
            'date_precision', e.date_precision, 'lifecycle', e.lifecycle, 'city', e.city,
            'country', e.country_id, 'country_name', c.name,
            'host', CASE WHEN h.id IS NULL THEN NULL
                ELSE json_build_object('name', h.name, 'slug', h.slug) END,
            'n_invitations', (SELECT count(*) FROM events_invitation i WHERE i.event_id = e.id),
            'status_counts', {_counts("e")}
        ) ORDER BY e.start_date, e.id)
        FROM page e
        JOIN events_country c ON c.code = e.country_id
        LEFT JOIN events_person h ON h.id = e.host_id
    ), '[]'::json)
)::text
"""


def home(request):
    """The data of the home page (first page of upcoming events with counts)."""
    from events.views.public import PAGE_SIZE

    params = {"today": timezone.localdate(), "limit": PAGE_SIZE}
    return HttpResponse(_one(HOME_SQL, params), content_type="application/json")


EVENT_SQL = """
SELECT json_build_object(
    'id', e.id, 'slug', e.slug, 'title', e.title, 'kind', e.kind,
    'start_date', e.start_date, 'end_date', e.end_date, 'date_precision', e.date_precision,
    'lifecycle', e.lifecycle, 'city', e.city, 'description', e.description,
    'country', e.country_id, 'country_name', c.name,
    'host', CASE WHEN h.id IS NULL THEN NULL
        ELSE json_build_object('name', h.name, 'slug', h.slug, 'country', h.country_id) END,
    'invitations', coalesce((
        SELECT json_agg(json_build_object(
            'id', i.id, 'status', i.status, 'status_since', i.status_since,
            'invitee', json_build_object('name', p.name, 'slug', p.slug, 'kind', p.kind,
                'role', p.role, 'country', p.country_id, 'country_name', pc.name),
            'current_claim', i.current_claim_id,
            'claims', coalesce((
                SELECT json_agg(json_build_object(
                    'id', cl.id, 'status', cl.status, 'as_of', cl.as_of,
                    'source_url', cl.source_url, 'source_outlet', cl.source_outlet,
                    'source_title', cl.source_title, 'evidence', cl.evidence,
                    'origin', cl.origin
                ) ORDER BY cl.as_of, cl.created_at, cl.id)
                FROM events_claim cl
                WHERE cl.invitation_id = i.id AND cl.review_state = 'approved'
            ), '[]'::json)
        ) ORDER BY i.id)
        FROM events_invitation i
        JOIN events_person p ON p.id = i.invitee_id
        LEFT JOIN events_country pc ON pc.code = p.country_id
        WHERE i.event_id = e.id
    ), '[]'::json)
)::text
FROM events_event e
JOIN events_country c ON c.code = e.country_id
LEFT JOIN events_person h ON h.id = e.host_id
WHERE e.slug = %(slug)s
"""


def event(request, slug: str):
    """The data of an event page: the event, every invitee, status and approved claims."""
    text = _one(EVENT_SQL, {"slug": slug})
    if text is None:
        return HttpResponse(status=404)
    return HttpResponse(text, content_type="application/json")
