"""Progress of a batch on stderr: a bar on a terminal, a plain line now and then elsewhere.

The bar (count, rate, time left) is redrawn in place; each input's line goes
through `report`, which clears the bar first, so they never mix. Written
for `manage.py ingest`, it knows nothing of Django.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 24


class Progress:
    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        plain_every: float = 30.0,
    ) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.clock = clock
        self.started = clock()
        self.plain_every = plain_every
        self.last_plain = self.started
        self.shown = False

    def start(self) -> None:
        self._show()

    def report(self, write: Callable[[str], None], text: str) -> None:
        """One more input finished: print its line with `write` (stdout or stderr)
        without tearing the bar, then move the bar on."""
        self._clear()
        write(text)
        self.done += 1
        if self.tty:
            self._show()
        elif self.clock() - self.last_plain >= self.plain_every and self.done < self.total:
            self.last_plain = self.clock()
            self.stream.write(f"progress: {self.status()}\n")
            self.stream.flush()

    def finish(self) -> None:
        """Take the bar off the terminal."""
        self._clear()

    def status(self) -> str:
        """«12/50, 3.1/s, 0:15 left»: count, rate and time left at that rate."""
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.done}/{self.total}", f"{rate:.1f}/s"]
        if self.done and self.done < self.total:
            parts.append(f"{_clock_time((self.total - self.done) / rate)} left")
        elif self.done == self.total:
            parts.append(f"{_clock_time(elapsed)} in all")
        return ", ".join(parts)

    def bar(self) -> str:
        filled = WIDTH * self.done // self.total if self.total else WIDTH
        return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {self.status()}"

    def _show(self) -> None:
        if self.tty and self.done < self.total:
            self.stream.write(self.bar())
            self.stream.flush()
            self.shown = True

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


def _clock_time(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
