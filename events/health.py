"""GET /healthz: 200 when the database and the Celery broker answer, 503 otherwise."""

import logging
import os

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from tracker.celery import app

logger = logging.getLogger(__name__)


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"
        logger.warning("healthz: database check failed: %s", exc)
        return f"{type(exc).__name__}: {exc}"[:300]
    return None


def check_broker() -> str | None:
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            if conn.transport_cls == "filesystem" or conn.transport.driver_type == "filesystem":
                _check_filesystem_broker(conn)
    except Exception as exc:  # kombu raises many kinds; all mean "down"
        logger.warning("healthz: broker check failed: %s", exc)
        return f"{type(exc).__name__}: {exc}"[:300]
    return None


def _check_filesystem_broker(conn) -> None:
    folder = conn.transport_options.get("data_folder_out")
    if folder and not os.access(folder, os.W_OK):
        raise OSError(f"broker folder {folder} is not writable")


@never_cache
@require_GET
def healthz(request):
    checks = {"database": check_database(), "broker": check_broker()}
    ok = all(v is None for v in checks.values())
    body = {
        "status": "ok" if ok else "unavailable",
        "checks": {name: ("ok" if err is None else err) for name, err in checks.items()},
    }
    return JsonResponse(body, status=200 if ok else 503)
