"""Conditional GETs: a weak ETag and Last-Modified from one cheap aggregate
(count and newest updated_at of the filtered rows), answered with 304 when the
client already has this representation. Services bump Event.updated_at
whenever one of its invitations changes, so an event's tag moves with them."""

import hashlib

from django.db.models import Count, Max
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from rest_framework import status
from rest_framework.response import Response


def _validators(request, queryset) -> tuple[str, float | None, int]:
    agg = queryset.order_by().aggregate(n=Count("pk"), last=Max("updated_at"))
    last = agg["last"]
    key = "|".join(
        [
            request.get_full_path(),
            getattr(request, "accepted_media_type", "") or "",
            str(agg["n"]),
            last.isoformat() if last else "-",
        ]
    )
    etag = 'W/"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
    return etag, last.timestamp() if last else None, agg["n"]


def _matches(request, etag: str, last_modified: float | None) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        # Weak comparison (RFC 9110 13.1.2): W/ prefixes do not matter.
        wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in wanted or etag.removeprefix("W/") in wanted
    since = request.headers.get("If-Modified-Since")
    if since and last_modified is not None:
        parsed = parse_http_date_safe(since)
        return parsed is not None and int(last_modified) <= parsed
    return False


class ConditionalMixin:
    """For a GET view: call `conditional(queryset)` first; it returns a 304
    Response or None. `stamp(response)` adds the validators to a full answer."""

    def conditional(self, queryset) -> Response | None:
        etag, last_modified, self.row_count = _validators(self.request, queryset)
        self._validators = (etag, last_modified)
        if _matches(self.request, etag, last_modified):
            response = Response(status=status.HTTP_304_NOT_MODIFIED)
            return self.stamp(response)
        return None

    def stamp(self, response):
        etag, last_modified = getattr(self, "_validators", (None, None))
        if etag:
            response["ETag"] = quote_etag(etag) if not etag.startswith("W/") else etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = "no-cache"
        response["Vary"] = "Accept"
        return response
