"""Settings from the environment: a bad value stops start-up with the variable named."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsreader.env import envchoice

CHOICES = ("immediate", "database")


def test_a_choice_is_read_case_and_space_insensitively(monkeypatch) -> None:
    monkeypatch.setenv("TASK_BACKEND", " Database ")
    assert envchoice("TASK_BACKEND", "immediate", CHOICES) == "database"
    monkeypatch.delenv("TASK_BACKEND")
    assert envchoice("TASK_BACKEND", "immediate", CHOICES) == "immediate"


def test_an_unknown_choice_fails_loudly(monkeypatch) -> None:
    monkeypatch.setenv("TASK_BACKEND", "celery")
    message = "TASK_BACKEND must be one of immediate, database, not 'celery'"
    with pytest.raises(ImproperlyConfigured, match=message):
        envchoice("TASK_BACKEND", "immediate", CHOICES)
