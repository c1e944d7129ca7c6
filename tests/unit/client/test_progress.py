"""The progress bar of bench, replay and import: counts, rate and ETA on a terminal only."""

from __future__ import annotations

import io

from pipeline.client.progress import Progress


def test_a_bar_shows_the_count_its_unit_and_the_rate() -> None:
    out = io.StringIO()
    progress = Progress(out, enabled=True)
    progress.start("processing", 200)
    progress.set(50)
    progress.set(120)
    progress.close()
    text = out.getvalue()
    assert "processing" in text
    assert "120/200" in text
    assert "rec/s" in text
    # The time left is shown once a rate is known: "<elapsed><remaining".
    assert "<" in text


def test_a_bar_of_bytes_and_a_bar_without_total() -> None:
    out = io.StringIO()
    progress = Progress(out, enabled=True)
    progress.start("reading", 4096, unit="B")
    progress.set(2048)
    progress.start("copying", None, unit="msg")
    progress.update(7)
    progress.close()
    text = out.getvalue()
    assert "2.05k/4.10k" in text and "B/s" in text
    assert "copying: 7.00msg" in text and "msg/s" in text


def test_nothing_is_written_when_not_a_terminal() -> None:
    out = io.StringIO()  # not a TTY
    progress = Progress(out)
    progress.start("processing", 10)
    progress.set(5)
    progress.close()
    assert out.getvalue() == ""
