"""Liaison settings: one module, read from the environment.

DJANGO_DEBUG        "1" for development (default "0")
DJANGO_SECRET_KEY   required unless DJANGO_DEBUG=1
DJANGO_ALLOWED_HOSTS comma-separated (default: localhost names)
DATABASE_URL        e.g. postgres://user@host:5432/liaison (default: SQLite file db.sqlite3)
DATABASE_REPLICA_URLS comma-separated read replicas for the public's reads (web/replicas.py),
                    with DATABASE_REPLICA_MAX_LAG_SECONDS (default 10) and
                    DATABASE_REPLICA_CHECK_SECONDS (default 5)
DJANGO_API_ANON_RATE anonymous API throttle (default "120/minute")
DJANGO_API_DOWNLOAD_RATE anonymous bulk downloads (default "10/minute")
DJANGO_TRUSTED_PROXIES proxies whose X-Forwarded-For is trusted (default 0)
DJANGO_ALLOW_SELF_REVIEW "1" lets a reviewer approve their own changes (default "0")
DJANGO_IMPORT_ALLOWED_HOSTS comma-separated internal host names or networks (CIDR) that
                    document imports may fetch from (default: none, only public addresses)
DJANGO_DATA_LICENCE_NAME, DJANGO_DATA_LICENCE_URL the licence of the published records
                    (default "CC BY 4.0" and its deed)

Production (every variable and its default are listed in README.md, "Production"):
DJANGO_SECURE_SSL_REDIRECT, DJANGO_HSTS_SECONDS, DJANGO_HSTS_PRELOAD, DJANGO_CSRF_TRUSTED_ORIGINS,
DJANGO_MAX_REQUEST_BYTES, DJANGO_AXES_FAILURE_LIMIT, DJANGO_AXES_COOLOFF_MINUTES, REDIS_URL,
DJANGO_LOG_FORMAT, DJANGO_LOG_LEVEL, DATABASE_CONN_MAX_AGE, DJANGO_PAGE_CACHE_SECONDS,
LIAISON_RELEASE.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.secret_key import production_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

# Test mode (DJANGO_TEST_MODE=1, set for pytest's own process by tests/plugin.py, never by
# a deployment): the suite runs with debug off, through Django's test client over plain HTTP
# and with a throw-away key, so it relaxes only the HTTPS redirect, the key's strength and
# the hashed static files (no collectstatic), and adds a database standing in for a replica.
TEST_MODE = env_bool("DJANGO_TEST_MODE")

# Commands that only write source files (migrations, translation catalogues) sign nothing,
# so they run without a key too, e.g. `manage.py makemigrations --check` in a bare shell.
WRITES_SOURCE_ONLY = sys.argv[1:2] in (["makemigrations"], ["makemessages"], ["compilemessages"])

SECRET_KEY = production_secret_key(
    os.environ.get("DJANGO_SECRET_KEY", ""),
    debug=DEBUG or WRITES_SOURCE_ONLY,
    weak_allowed=TEST_MODE,
)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, so that it can patch admin forms
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # PostgreSQL fields, lookups and search; inert on SQLite
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "simple_history",
    "periods",
    "partners",
    "programmes",
    "documents",
    "suggestions",  # suggested facts, read in the documents' versions
    "search",  # after the apps it indexes (signals in search/apps.py)
    "editorial",  # after the apps it keeps history of (see editorial/history.py)
    "opendata",
    "caching",  # after every app whose writes it follows
    "csp",
    "axes",
    "maintenance",
    "synthetic",  # the synthetic corpus's commands; no models
]

MIDDLEWARE = [
    "web.request_logging.RequestLogMiddleware",  # outermost: logs every answer, with its id
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "web.http_hardening.PermissionsPolicyMiddleware",
    "web.http_hardening.RequestSizeLimitMiddleware",  # before anything reads the body
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "caching.pages.PageCacheMiddleware",  # stored public pages, answered early
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # before CommonMiddleware, as django-cors-headers asks
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "web.replicas.ReplicaReadMiddleware",  # the public's reads to a replica, if any
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # the author of each change
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.context_processors.languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is checked before reuse, so workers recover from a database restart.
        conn_health_checks=True,
    )
}
# Read replicas (web/replicas.py): the public's GET requests read a replica that answers
# and is at most DATABASE_REPLICA_MAX_LAG_SECONDS behind, else the primary; writes,
# migrations, the admin and signed-in users always use the primary. Each process checks each
# replica at most every DATABASE_REPLICA_CHECK_SECONDS.
DATABASE_REPLICAS = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    alias = f"replica_{number}"
    DATABASES[alias] = dj_database_url.parse(
        url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True
    )
    if DATABASES[alias]["ENGINE"] == "django.db.backends.postgresql":
        # Given up on quickly when it does not answer: the primary serves meanwhile.
        DATABASES[alias].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    # A test run reads the primary's test database through the replica, which replays it.
    DATABASES[alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(alias)
if TEST_MODE and not DATABASE_REPLICAS:
    # A second database standing in for a replica, only for tests/web/test_replicas.py,
    # which routes to it (DATABASE_REPLICAS); the rest of the suite uses the primary alone.
    primary = DATABASES["default"]
    DATABASES["replica_1"] = {**primary, "TEST": {"NAME": f"test_{primary['NAME']}_replica"}}
    if primary["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["replica_1"]["TEST"] = {}  # a database in memory of its own
DATABASE_REPLICA_MAX_LAG_SECONDS = float(os.environ.get("DATABASE_REPLICA_MAX_LAG_SECONDS") or 10)
DATABASE_REPLICA_CHECK_SECONDS = float(os.environ.get("DATABASE_REPLICA_CHECK_SECONDS") or 5)
DATABASE_ROUTERS = ["web.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
# A missing translation falls back to the other language.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr", "en")}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Read API (/api/v1/, api/) -------------------------------------------------------------
# Public and read-only: no authentication, the same answers for everyone, anonymous
# throttling per client address (DJANGO_API_ANON_RATE, e.g. "120/minute"; the counts live
# in the default cache, so each process counts on its own unless a shared cache is set).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.limits.BoundedPageNumberPagination",
    "DEFAULT_THROTTLE_CLASSES": ["api.limits.AnonymousRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("DJANGO_API_ANON_RATE") or "120/minute",
        "downloads": os.environ.get("DJANGO_API_DOWNLOAD_RATE") or "10/minute",
    },
    "DEFAULT_SCHEMA_CLASS": "api.schema.ReadApiSchema",
    "EXCEPTION_HANDLER": "api.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Liaison API",
    "DESCRIPTION": (
        "Read-only API of Liaison: international partnerships, each statement with the exact "
        "passage of the source document that supports it. Only supported claims are listed."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our static files: no outside hosts
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "PartnerStatusEnum": "partners.models.Partner.Status",
        "RelationshipStatusEnum": "partners.models.RelationshipStatus",
        "ParticipationStatusEnum": "programmes.models.ParticipationStatus",
        "CitationStatusEnum": "documents.models.CitationStatus",
    },
}
# Anyone may read the API from a browser on another site; nothing else is shared.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Content-Language", "Retry-After"]

# Production hardening -------------------------------------------------------------------
# Secure by default with debug off; `manage.py check --deploy` has nothing to say
# (tests/config/test_production_settings.py). TLS ends at a proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG and not TEST_MODE)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # probes talk plain HTTP to the process itself
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS") or (0 if DEBUG else 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
# The preload flag only consents to hstspreload.org listing; the listing is asked for there.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Content-Security-Policy (django-csp 4): our own origin only, no inline script or style.
# The API docs pages add what they need per view (api/docs.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Request bodies: forms and JSON stay small; the import page takes a file up to the
# importer's own limit (documents.sources.MAX_BYTES, 5 MB), and anything larger than
# DJANGO_MAX_REQUEST_BYTES is refused (413) before it is read.
# Imports fetch only public addresses (documents/addresses.py), plus these host names and
# networks ("wiki.intranet,10.20.0.0/16") an intranet deployment trusts.
IMPORT_ALLOWED_HOSTS = env_list("DJANGO_IMPORT_ALLOWED_HOSTS")

DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
MAX_REQUEST_BYTES = int(os.environ.get("DJANGO_MAX_REQUEST_BYTES") or 6 * 1024 * 1024)

# Development profiling: with DJANGO_DEBUG=1 and DJANGO_PROFILE=1, add ?profile to any URL
# for pyinstrument's report of that request (requirements-dev.txt).
if DEBUG and env_bool("DJANGO_PROFILE"):
    MIDDLEWARE = ["pyinstrument.middleware.ProfilerMiddleware", *MIDDLEWARE]

# Benchmarks only (`make bench`): a baseline page under /bench/, each response's query count
# and whether it came from the cache in headers (outermost). Never set in production.
BENCHMARK = env_bool("LIAISON_BENCHMARK")
if BENCHMARK:
    MIDDLEWARE = ["web.cache_share.Middleware", "web.benchmark.QueryCountMiddleware", *MIDDLEWARE]
    TEMPLATES[0]["BACKEND"] = "web.cache_share.CountedTemplates"
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = ["web.cache_share.CountedJSONRenderer"]

# Admin login: django-axes locks out a username from an address after
# DJANGO_AXES_FAILURE_LIMIT failures, for DJANGO_AXES_COOLOFF_MINUTES; the attempts live in
# the database, so every process and machine sees them. Other users and addresses are not
# affected. Unlock early with `manage.py axes_reset_username USERNAME` (or axes_reset).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT") or 5)
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_AXES_COOLOFF_MINUTES") or 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_USERNAME_CALLABLE = "web.login_limits.attempted_username"
AXES_CLIENT_IP_CALLABLE = "web.client_address.client_address"

# The four-eyes rule (editorial/four_eyes.py): a reviewer never approves their own change,
# unless a one-person team turns it off.
ALLOW_SELF_REVIEW = env_bool("DJANGO_ALLOW_SELF_REVIEW")

# Proxies in front of the application whose X-Forwarded-For is trusted (web/client_address.py):
# the API throttle, the admin lockout and the request log key on the address the outermost
# one saw. 0 (the default): the header is ignored and the connection's address is the client.
TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES") or 0)

# The licence of the records (not of the quoted documents, which stay their publishers').
DATA_LICENCE = {
    "name": os.environ.get("DJANGO_DATA_LICENCE_NAME") or "CC BY 4.0",
    "url": os.environ.get("DJANGO_DATA_LICENCE_URL")
    or "https://creativecommons.org/licenses/by/4.0/",
}

# Cache: Redis when REDIS_URL is set (shared by every process: API throttling counts and
# page caches agree), else each process's memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "liaison",
            # A cache that does not answer must not hang a request for long.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages are cached whole and answered by ETag (caching/pages.py); keys follow every
# write, so the lifetime only bounds memory. 0 turns the page cache off (ETags stay).
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS") or 600)
# Name of the deployed release (e.g. its commit): pages rendered by another release's
# templates are never reused, even from a cache shared across a deployment.
CACHE_RELEASE = os.environ.get("LIAISON_RELEASE", "")

# Static files: hashed names cached forever in production; the test suite serves the
# unhashed ones, having no collectstatic run (see TEST_MODE).
if not TEST_MODE:
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# Logs: one JSON object a line in production (DJANGO_LOG_FORMAT=json), readable text in
# development; each request is logged once with its id, method, path, status and duration
# (web/request_logging.py).
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT") or ("text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Each request is logged by web.request_logging; Django's own line would repeat it.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "axes.apps": {"level": "WARNING"},  # its start-up banner, at every command
    },
}
