"""The lines of a backfill worker's log quoted when a start stalls or exits."""

from __future__ import annotations

from pathlib import Path

from pipeline.backfill.worker_log import MAX_LINE_CHARS, notable_lines, notable_since, size_of

LOG = """\
[2026-12-06 05:18:22,206] [12510] [INFO] faust.worker: [^Worker]: Starting...
[2026-12-06 05:18:23,000] [12510] [WARNING] pipeline.agents.sequence: ingest: events of t[1] \
from offset 4 were skipped; reading them again
[2026-12-06 05:18:24,000] [12510] [ERROR] pipeline.partition_watchdog: partition watchdog: \
t[1] paused for 30 s
Traceback (most recent call last):
  File "x.py", line 1, in <module>
KeyError: TopicPartition(topic='t', partition=1)
[2026-12-06 05:18:25,000] [12510] [INFO] faust.worker: [^Worker]: Ready
"""


def test_warnings_errors_and_a_tracebacks_last_line_are_kept_without_time_and_pid() -> None:
    assert notable_lines(LOG) == [
        "WARNING pipeline.agents.sequence: ingest: events of t[1] from offset 4 were skipped; "
        "reading them again",
        "ERROR pipeline.partition_watchdog: partition watchdog: t[1] paused for 30 s",
        "KeyError: TopicPartition(topic='t', partition=1)",
    ]


def test_only_the_last_lines_are_kept_and_long_ones_are_cut() -> None:
    many = "".join(f"[t] [1] [ERROR] x: {i} {'y' * (i * 200)}\n" for i in range(5))
    kept = notable_lines(many, limit=2)
    assert [line.split()[2] for line in kept] == ["3", "4"]
    assert all(len(line) == MAX_LINE_CHARS and line.endswith("...") for line in kept)
    assert notable_lines(many, limit=0) == []
    assert notable_lines("[t] [1] [INFO] x: fine\nplain text\n") == []


def test_only_what_the_file_gained_since_the_start_is_read(tmp_path: Path) -> None:
    path = tmp_path / "worker.log"
    assert size_of(path) == 0 and notable_since(path, 0) == []
    path.write_text("[t] [1] [ERROR] x: the first start\n")
    began = size_of(path)
    with path.open("ab") as file:
        file.write(b"[t] [1] [WARNING] x: the second start \xff\n")
    assert notable_since(path, began) == ["WARNING x: the second start \ufffd"]
    assert notable_since(path, 0)[0] == "ERROR x: the first start"
