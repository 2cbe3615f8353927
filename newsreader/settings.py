"""Django settings, all from the environment with defaults that run on one machine."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import dj_database_url

from newsreader.env import envbool, envint, envlist, envsecret, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", True)
SECRET_KEY = envsecret("SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
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
    "django_htmx.middleware.HtmxMiddleware",
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
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", 20)
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"qari-test-{os.getpid()}.sqlite3")
    }
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

WHITENOISE_USE_FINDERS = DEBUG

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "article_list"
LOGOUT_REDIRECT_URL = "article_list"

# Ingest refuses inputs larger than this many bytes.
INGEST_MAX_BYTES = envint("INGEST_MAX_BYTES", 20 * 1024 * 1024)
# Fetching article URLs: seconds to wait, and whether loopback/private hosts may be
# fetched (tests only: refused by default so the server cannot reach internal hosts).
INGEST_URL_TIMEOUT = envint("INGEST_URL_TIMEOUT", 20)
INGEST_ALLOW_PRIVATE_URLS = envbool("INGEST_ALLOW_PRIVATE_URLS", False)

# Entity recogniser: "embedded" (the project's own) or "camel" (camel-tools' BERT NER
# from a model directory the user installed; falls back to embedded when unavailable).
NER_BACKEND = envstr("NER_BACKEND", "embedded")
CAMEL_NER_MODEL_DIR = envstr("CAMEL_NER_MODEL_DIR", "")
# NER_BACKEND=encoder: the trained adapter's file or folder ("" = the committed one)
ENCODER_NER_ADAPTER = envstr("ENCODER_NER_ADAPTER", "")
