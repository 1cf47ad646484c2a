"""Dais settings: one file, driven by the environment, grouped by topic.

Every setting a deployment may change is read with a strict helper from
tracker.env, so a bad value stops start-up with a message naming the variable.
The defaults run everything on one laptop: SQLite in var/, an embedded
filesystem Celery broker in var/broker/, DEBUG on.
"""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from tracker.env import (
    env_bool,
    env_broker,
    env_database,
    env_float,
    env_int,
    env_list,
    env_rate,
    env_str,
)

# --- Paths and deployment -----------------------------------------------------
BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("DAIS_VAR_DIR") or BASE_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY: required when DEBUG is off (or set SECRET_KEY_FILE)"
        )
    SECRET_KEY = "dais-insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = (env_str("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")

# --- Applications, middleware, templates ----------------------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


# --- Database -----------------------------------------------------------------
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'dais.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and logins --------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
# Failed logins allowed for one username from one address before a lockout.
DAIS_LOGIN_MAX_FAILURES = env_int("DAIS_LOGIN_MAX_FAILURES", 5, minimum=1)
# How long that lockout lasts, in seconds.
DAIS_LOGIN_LOCKOUT_SECONDS = env_int("DAIS_LOGIN_LOCKOUT_SECONDS", 900, minimum=1)

# --- Language and time ----------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Security: strict by default whenever DEBUG is off -----------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024


# --- Caches ---------------------------------------------------------------------
# The default cache (login failure counts, API throttles). redis://host:6379/N
# shares it between web processes; unset, each process keeps its own in memory.
_CACHE_URL = env_str("CACHE_URL") or ""
# Rendered fragments ({% cache %}: an invitation on the event page, keyed by
# everything it shows, so never stale). In Redis with CACHE_URL, else in memory
# per process, holding at most DAIS_FRAGMENT_CACHE_ENTRIES fragments.
DAIS_FRAGMENT_CACHE_ENTRIES = env_int("DAIS_FRAGMENT_CACHE_ENTRIES", 20000, minimum=100)
if _CACHE_URL.startswith(("redis://", "rediss://")):
    _default_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _CACHE_URL,
    }
    CACHES = {
        "default": _default_cache,
        "template_fragments": {**_default_cache, "KEY_PREFIX": "fragments"},
    }
elif _CACHE_URL:
    raise ImproperlyConfigured(f"CACHE_URL: expected a redis:// URL, got {_CACHE_URL!r}")
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "template_fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragments",
            "OPTIONS": {"MAX_ENTRIES": DAIS_FRAGMENT_CACHE_ENTRIES},
        },
    }

# --- Logging --------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "INFO"},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Celery (settings under the CELERY_ namespace) ----------------------------
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_URL = env_broker("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    for sub in ("queue", "processed", "control"):
        (BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
elif CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    # An unacknowledged message (its worker died) is delivered again after this long.
    _visibility = env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=1)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": _visibility,
        # Sweep for such messages often enough to honour a short timeout.
        "unacked_restore_interval": max(1, min(10, _visibility // 10)),
        "unacked_restore_throttle": 1 if _visibility < 300 else 10,
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Messages each worker process reserves ahead (acks_late still holds: a reserved
# message is acknowledged only after its task ran, redelivered if the worker died).
# More than 1 keeps a process busy while the next message travels from Redis.
CELERY_WORKER_PREFETCH_MULTIPLIER = env_int("CELERY_WORKER_PREFETCH_MULTIPLIER", 4, minimum=1)
# Celery closes a task's database connection after every task unless told to
# reuse it: a new PostgreSQL connection per task cost more than the task itself.
# Connections are kept for this many tasks (x2); Django's CONN_MAX_AGE and health
# checks still retire old or broken ones before each task (events.tasks).
CELERY_DB_REUSE_MAX = env_int("CELERY_DB_REUSE_MAX", 500, minimum=0)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BEAT_SCHEDULE = {
    "poll-due-sources": {"task": "events.tasks.poll_due_sources", "schedule": 60.0},
    "retry-stuck-reports": {"task": "events.tasks.resume_stuck_reports", "schedule": 300.0},
}

# --- Claims and review ------------------------------------------------------------
# Extracted claims at or above this confidence, about a known event, are applied
# without review; the rest wait in the review queue.
DAIS_AUTO_APPLY_CONFIDENCE = env_float("DAIS_AUTO_APPLY_CONFIDENCE", 0.8)
# Claims from different sources that contradict each other within this many days
# make an invitation "disputed".
DAIS_DISPUTE_WINDOW_DAYS = env_int("DAIS_DISPUTE_WINDOW_DAYS", 7, minimum=0)

# --- Ingestion pipeline -----------------------------------------------------------
# Fetching feeds and articles: loopback addresses are refused unless this is on
# (local demo feeds and tests only); every other private range is always refused.
DAIS_FETCH_ALLOW_LOOPBACK = env_bool("DAIS_FETCH_ALLOW_LOOPBACK", False)
DAIS_FETCH_MAX_BYTES = env_int("DAIS_FETCH_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
DAIS_FETCH_TIMEOUT = env_int("DAIS_FETCH_TIMEOUT", 20, minimum=1)  # seconds, whole request
DAIS_FETCH_MAX_REDIRECTS = env_int("DAIS_FETCH_MAX_REDIRECTS", 4, minimum=0)
# A failing source waits poll_interval * 2**failures, capped at this many seconds.
DAIS_SOURCE_MAX_BACKOFF = env_int("DAIS_SOURCE_MAX_BACKOFF", 6 * 3600, minimum=60)
# Each worker process asks the database whether people changed (to rebuild the
# extractor's knowledge of names) at most this often, in seconds; people saved
# in the same process are seen at once. 0 asks before every report.
DAIS_KNOWLEDGE_RECHECK_SECONDS = env_float("DAIS_KNOWLEDGE_RECHECK_SECONDS", 5.0, maximum=3600.0)
# The pipeline's own transactions commit without waiting for the WAL flush
# (PostgreSQL synchronous_commit off, per transaction); true waits as usual.
DAIS_INGEST_SYNCHRONOUS_COMMIT = env_bool("DAIS_INGEST_SYNCHRONOUS_COMMIT", False)

# --- API ------------------------------------------------------------------------
# Throttle rates are "<number>/<second|minute|hour|day>"; a bad value stops start-up.
DAIS_API_THROTTLE_RATES = {
    "anon": env_rate("DAIS_API_THROTTLE_ANON", "120/minute"),
    "user": env_rate("DAIS_API_THROTTLE_USER", "1200/minute"),
    "token_create": env_rate("DAIS_API_THROTTLE_LOGIN", "10/minute"),
}
DAIS_API_PAGE_SIZE = env_int("DAIS_API_PAGE_SIZE", 50, minimum=1)
DAIS_API_MAX_PAGE_SIZE = env_int("DAIS_API_MAX_PAGE_SIZE", 200, minimum=1)
# A CSV export stops after this many rows (and says so in X-Dais-Truncated).
DAIS_API_CSV_MAX_ROWS = env_int("DAIS_API_CSV_MAX_ROWS", 50000, minimum=1)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous write then gets 401 with WWW-Authenticate.
        "events.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["events.api.permissions.IsEditorOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["events.api.renderers.ORJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["events.api.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "events.api.filters.StableOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "events.api.pagination.PageNumberPagination",
    "PAGE_SIZE": DAIS_API_PAGE_SIZE,
    "DEFAULT_THROTTLE_CLASSES": [
        "events.api.throttles.AnonThrottle",
        "events.api.throttles.UserThrottle",
    ],
    "EXCEPTION_HANDLER": "events.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "events.api.schema.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNICODE_JSON": True,
}

REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env_int("DAIS_API_TOKEN_TTL_DAYS", 30, minimum=1)),
    "TOKEN_LIMIT_PER_USER": env_int("DAIS_API_TOKEN_LIMIT_PER_USER", 20, minimum=1),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Dais API",
    "DESCRIPTION": (
        "State events, the invitations sent for them and the sourced claims about who "
        "accepted, declined, denied or attended. Reads are anonymous; writes need an "
        "editor, authenticated with a token (`Authorization: Token <token>`) or a session "
        "cookie plus the `X-CSRFToken` header. Every error has the same JSON shape "
        "(`Error`)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "events.api.schema.postprocess",
    ],
    "ENUM_NAME_OVERRIDES": {
        "InvitationStatusEnum": "events.status.InvitationStatus",
        "ClaimStatusEnum": "events.status.ClaimStatus",
        "EventKindEnum": "events.models.EventKind",
        "PersonKindEnum": "events.models.PersonKind",
        "CountryCodeEnum": "events.api.fields.COUNTRY_CODES",
        "FeedKindEnum": "events.models.FeedKind",
        "ReportStateEnum": "events.models.ReportState",
    },
}
