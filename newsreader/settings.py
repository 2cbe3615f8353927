"""Django settings, all from the environment with defaults that run on one machine."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import dj_database_url

from newsreader.env import envbool, envchoice, envint, envlist, envsecret, envstr
from newsreader.pipeline.encoder_precision import PRECISIONS

BASE_DIR = Path(__file__).resolve().parent.parent

# Off unless asked for (bin/start asks). Commands (ingest, export, …) run without a
# SECRET_KEY; serving with DEBUG off refuses the development key (newsreader/wsgi.py).
DEBUG = envbool("DEBUG", False)
DEV_SECRET_KEY = "dev-only-insecure-key-change-me"
SECRET_KEY = envsecret("SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "newsreader.news",
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
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "newsreader.news.middleware.htmx_login_middleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsreader.urls"
WSGI_APPLICATION = "newsreader.wsgi.application"

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

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The test database lives in a file, not in shared-cache memory: the browser
    # tests' live server thread then waits on SQLite's lock instead of failing
    # with "database table is locked".
    # Several processes write at once (batches, db_worker, the web server): WAL lets
    # readers go on while one writes, IMMEDIATE takes the write lock when a
    # transaction starts (so the busy timeout applies instead of a deadlock on upgrade),
    # and a writer waits up to `timeout` seconds for the lock.
    _sqlite = DATABASES["default"].setdefault("OPTIONS", {})
    _sqlite.setdefault("timeout", 20)
    _sqlite.setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
    _sqlite.setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"qari-test-{os.getpid()}.sqlite3")
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compiles a query whose estimated cost is high (the search's, at 100,000
    # articles) in 10-130 ms, for queries that then run in 5: never worth it here.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The reader page's rendered article and sidebar are cached per article version
# (newsreader/news/reader_cache.py). Each process keeps its own copy; the key
# changes with every edit, so the workers never serve a stale article.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "qari",
        "OPTIONS": {"MAX_ENTRIES": envint("READER_CACHE_ENTRIES", 2000)},
    }
}
# How long a rendered article is kept; its hover cards' corpus counts may lag this long.
READER_CACHE_SECONDS = envint("READER_CACHE_SECONDS", 600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "ar"
# Qari's own Arabic strings (counted phrases in six plural forms); .mo built by bin/install
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Static files are served from the apps' folders until collectstatic fills STATIC_ROOT
# (tests, runserver with DEBUG off); the collected, compressed copies win once there.
WHITENOISE_USE_FINDERS = True

# HTTPS hardening. HTTPS=1 (behind TLS) turns on HSTS, the redirect to https and
# secure cookies at once; each stays settable on its own. PROXY_SSL_HEADER names the
# header a trusted reverse proxy sets to "https" (e.g. X-Forwarded-Proto); never set
# it when clients can reach the server directly.
HTTPS = envbool("HTTPS", False)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", HTTPS)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", HTTPS)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", HTTPS)
if proxy_header := envstr("PROXY_SSL_HEADER", ""):
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_header.upper().replace("-", "_"), "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # pages carry the token (hx-headers); scripts never read it
CSRF_FAILURE_VIEW = "newsreader.news.views.errors.csrf_failure"

# Content-Security-Policy (django-csp): scripts, styles and fonts only from this site,
# no inline script or style anywhere (htmx is served from static/vendor).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Failed logins are throttled (django-axes): after LOGIN_FAILURE_LIMIT failures for one
# user name from one address, that pair waits LOGIN_COOLOFF_MINUTES (429).
AUTHENTICATION_BACKENDS = [
    "newsreader.news.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Server errors (and refused requests) go to stderr with the request that caused them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_line": {"()": "newsreader.news.errorlog.RequestLine"}},
    "formatters": {
        "request": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_line)s] %(message)s"}
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_line"],
            "formatter": "request",
        }
    },
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "article_list"
LOGOUT_REDIRECT_URL = "article_list"

# Ingest refuses inputs larger than this many bytes (a news page, scripts and all, is
# well under 5 MiB; its text far less), and text of more lines than an article has.
INGEST_MAX_BYTES = envint("INGEST_MAX_BYTES", 5 * 1024 * 1024)
INGEST_MAX_LINES = envint("INGEST_MAX_LINES", 5000)
# Fetching article URLs: seconds to wait, and whether loopback/private hosts may be
# fetched (tests only: refused by default so the server cannot reach internal hosts).
INGEST_URL_TIMEOUT = envint("INGEST_URL_TIMEOUT", 20)
INGEST_ALLOW_PRIVATE_URLS = envbool("INGEST_ALLOW_PRIVATE_URLS", False)

# Background jobs (batches, URL lists) through the Tasks API (the django-tasks backport):
# "immediate" runs each job in the process that queues it; "database" stores it for
# `manage.py db_worker` processes, on this machine or others sharing the database.
TASK_BACKEND = envchoice("TASK_BACKEND", "immediate", ("immediate", "database"))
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASK_BACKEND],
    }
}
# A job running this long (one article takes seconds, a URL's fetch at most
# INGEST_URL_TIMEOUT) lost its worker: `manage.py recover_jobs` fails it for a retry,
# and queues again the jobs queued this long whose task the queue no longer holds.
INGEST_JOB_STALE_SECONDS = envint("INGEST_JOB_STALE_SECONDS", 900)

# Entity recogniser: "combined" (the committed CRF and the fine-tuned e5-small encoder,
# averaged per word; the best measured), "crf" (the CRF alone: fast, no torch; once
# "embedded"), "encoder" (the encoder alone) or "camel" (camel-tools' BERT NER from a
# model directory the user installed). Any that cannot load falls back to the CRF.
NER_BACKEND = envstr("NER_BACKEND", "combined")
CAMEL_NER_MODEL_DIR = envstr("CAMEL_NER_MODEL_DIR", "")
# NER_BACKEND=encoder/combined: the trained adapter's file or folder ("" = the committed one)
ENCODER_NER_ADAPTER = envstr("ENCODER_NER_ADAPTER", "")
# CPU threads the encoder may use in one process (0: torch's choice, all cores)
ENCODER_THREADS = envint("ENCODER_THREADS", 0)
# How the encoder computes: auto (bfloat16 where the CPU multiplies it natively, about
# twice as fast at the same F1; else float32), float32, bfloat16 or int8 (fast, -10 F1)
ENCODER_PRECISION = envchoice("ENCODER_PRECISION", "auto", PRECISIONS)
