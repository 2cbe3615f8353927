"""The batch progress display: a bar with count, rate and time left on a terminal only."""

from __future__ import annotations

import io

from newsreader.news.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_shows_count_rate_and_time_left_and_lines_do_not_tear_it() -> None:
    clock, screen, out = Clock(), Terminal(), []
    progress = Progress(10, screen, clock=clock)
    progress.start()
    assert screen.getvalue() == "[........................] 0/10, 0.0/s"
    clock.now += 4  # two inputs in four seconds: 0.5/s, eight left take 16 s
    progress.report(out.append, "a.txt: created article 1")
    progress.report(out.append, "b.txt: exists article 1")
    assert out == ["a.txt: created article 1", "b.txt: exists article 1"]
    last = screen.getvalue().rsplit("\r\033[K", 1)[-1]
    assert last == "[####....................] 2/10, 0.5/s, 0:16 left"
    for name in "cdefghij":
        progress.report(out.append, f"{name}.txt: created")
    progress.finish()
    assert screen.getvalue().endswith("\r\033[K")  # the bar is gone at the end


def test_without_a_terminal_there_is_no_bar_only_a_line_now_and_then() -> None:
    clock, log, out = Clock(), io.StringIO(), []
    progress = Progress(100, log, clock=clock, plain_every=30)
    progress.start()
    for _ in range(10):
        clock.now += 1
        progress.report(out.append, "x")
    assert log.getvalue() == ""  # quick batches print their lines and nothing else
    clock.now += 30
    progress.report(out.append, "x")
    assert log.getvalue() == "progress: 11/100, 0.3/s, 5:24 left\n"  # 89 at 11/40 s
    progress.finish()
    assert len(out) == 11 and "\r" not in log.getvalue()


def test_status_at_the_end_gives_the_time_in_all() -> None:
    clock = Clock()
    progress = Progress(3, io.StringIO(), clock=clock)
    clock.now += 3725
    for _ in range(3):
        progress.report(lambda _: None, "")
    assert progress.status() == "3/3, 0.0/s, 1:02:05 in all"
