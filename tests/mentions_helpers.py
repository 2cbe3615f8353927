"""Shared fixtures and helpers of the mention-editing view tests."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import (
    make_article,
    make_user,
    version_of,
)

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article():
    return make_article()


@pytest.fixture
def editor(client: Client) -> Client:
    client.force_login(make_user("editor", editor=True))
    return client


def add(client: Client, para, start: int, end: int, label: str = "PERSON", **extra):
    url = reverse("mention_add", args=[para.pk])
    data = {"start": start, "end": end, "label": label, **version_of(para)}
    return client.post(url, data, **HX, **extra)


def span(para, word: str) -> tuple[int, int]:
    start = para.text.index(word)
    return start, start + len(word)


# Permissions and CSRF
