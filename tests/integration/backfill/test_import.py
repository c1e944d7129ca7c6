"""`python -m pipeline import` on the real stack: rejected lines reported, every record stored
once however often the file is imported, and a run killed midway resumed to the same end."""

from __future__ import annotations

import gzip
import os
import re
import signal
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from pipeline.backfill.jobs import file_job_id

from ..stream.scenario import assert_same_incidents, scenario
from .helpers import (
    fetch,
    queue_counts,
    run_command,
    snapshot,
    start_command,
    topics_of,
    wait_for_count,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

SERVICES = 3
# Three hours ago: the largest archive (40,000 records, 4 a second) ends before now.
START = time.time() - 3 * 3600


def archive_lines(count: int) -> list[bytes]:
    lines = []
    for i in range(count):
        record: dict[str, Any] = {
            "service_name": f"imp-{i % SERVICES}",
            "log_level": "ERROR" if i % 40 == 0 else "INFO",
            "timestamp": START + i * 0.25,
            "message": f"order {i} shipped to warehouse {i % 7} in {i % 90} ms",
            "metadata": {"seq": i},
        }
        lines.append(orjson.dumps(record))
    return lines


def write_archive(path: Path, lines: list[bytes]) -> Path:
    body = b"\n".join(lines) + b"\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(body))
    else:
        path.write_bytes(body)
    return path


@pytest.fixture
def env(service_env: dict[str, str], stream_database: str) -> dict[str, str]:
    return {**service_env, "DATABASE_URL": stream_database}


async def totals(url: str) -> dict[str, Any]:
    [row] = await fetch(
        url,
        """SELECT (SELECT count(*) FROM logs) AS logs,
                  (SELECT count(DISTINCT event_id) FROM logs) AS ids,
                  (SELECT coalesce(sum(occurrences), 0) FROM templates) AS counted,
                  (SELECT count(*) FROM dead_letters WHERE stage = 'import') AS letters""",
    )
    return dict(row)


async def test_an_archive_imported_twice_is_stored_once_with_its_rejections_reported(
    env, stream_database, tmp_path
):
    good = archive_lines(1200)
    bad = [
        b"this is not JSON",
        orjson.dumps({"service_name": "imp-0", "message": "no time of its own"}),
        orjson.dumps(
            {"service_name": "imp-1", "timestamp": time.time() + 86400, "message": "tomorrow"}
        ),
    ]
    path = write_archive(tmp_path / "archive.jsonl.gz", good[:600] + bad + good[600:])
    job_id = file_job_id(path)

    first = run_command(env, "import", str(path), timeout=240)

    assert first.returncode == 0, first.stdout + first.stderr
    assert "rejected line 601: invalid JSON" in first.stdout
    assert "rejected line 602: timestamp: missing" in first.stdout
    assert "rejected line 603: timestamp: in the future" in first.stdout
    assert re.search(r"done: run 1 \(new\), 1200 record\(s\) handed over.*3 rejected", first.stdout)
    assert await totals(stream_database) == {
        "logs": 1200,
        "ids": 1200,
        "counted": 1200,
        "letters": 3,
    }
    volumes = await fetch(
        stream_database, "SELECT service_name, sum(volume) AS n FROM window_stats GROUP BY 1"
    )
    # Every record counted in a window, the last windows included (closed at the end of data).
    assert {r["service_name"]: r["n"] for r in volumes} == {f"imp-{i}": 400 for i in range(3)}
    [job] = await fetch(stream_database, "SELECT * FROM backfill_jobs")
    assert (job["job_id"], job["status"], job["records"], job["rejected"]) == (
        job_id,
        "done",
        1200,
        3,
    )
    assert await topics_of(job_id) == []  # the run's topics and changelogs are gone
    before = await snapshot(stream_database)

    second = run_command(env, "import", str(path), timeout=240)

    assert second.returncode == 0, second.stdout + second.stderr
    assert "done: run 2 (new)" in second.stdout
    assert await snapshot(stream_database) == before
    assert await totals(stream_database) == {
        "logs": 1200,
        "ids": 1200,
        "counted": 1200,
        "letters": 3,
    }
    # Nothing of an import is an incident without --detect.
    assert await fetch(stream_database, "SELECT * FROM incidents") == []


async def test_an_import_killed_midway_resumes_and_stores_every_record_once(
    env, stream_database, tmp_path
):
    count = 40_000
    path = write_archive(tmp_path / "big.jsonl", archive_lines(count))
    job_id = file_job_id(path)
    # Small messages (about 450 records) taken one per transaction: the run lasts long enough
    # to be killed in the middle.
    slow = {**env, "KAFKA_MESSAGE_MAX_BYTES": str(64 * 1024), "INGEST_BATCH_MESSAGES": "1"}

    command = start_command(slow, "import", str(path))
    try:
        await wait_for_count(stream_database, "SELECT count(*) FROM logs", 1, 180)
        assert command.poll() is None, command.communicate()[0]
    finally:
        os.killpg(command.pid, signal.SIGKILL)  # the command and its worker, mid-run
        output = command.communicate(timeout=30)[0]
    assert "done:" not in output
    stored = (await totals(stream_database))["logs"]
    assert 0 < stored < count, "the kill was meant to land while records were being stored"
    [job] = await fetch(stream_database, "SELECT status, generation FROM backfill_jobs")
    assert (job["status"], job["generation"]) == ("running", 1)

    resumed = run_command(slow, "import", str(path), timeout=240)

    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "done: run 1 (resumed)" in resumed.stdout
    assert await totals(stream_database) == {
        "logs": count,
        "ids": count,
        "counted": count,
        "letters": 0,
    }
    windows = await fetch(
        stream_database,
        "SELECT count(*) AS n, count(DISTINCT (service_name, window_start)) AS distinct_n "
        "FROM window_stats",
    )
    assert windows[0]["n"] == windows[0]["distinct_n"] > 0
    assert await topics_of(job_id) == []


def worker_of(command_pid: int) -> int | None:
    """The pid of the backfill worker the command started, if it runs."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if int(fields[1]) == command_pid and b"worker" in cmdline:
            return int(stat.parent.name)
    return None


async def test_a_backfill_worker_killed_midway_is_started_again_and_the_job_completes(
    env, stream_database, tmp_path
):
    count = 20_000
    path = write_archive(tmp_path / "big.jsonl", archive_lines(count))
    slow = {**env, "KAFKA_MESSAGE_MAX_BYTES": str(64 * 1024), "INGEST_BATCH_MESSAGES": "1"}

    command = start_command(slow, "import", str(path))
    try:
        await wait_for_count(stream_database, "SELECT count(*) FROM logs", 1, 180)
        worker = worker_of(command.pid)
        assert worker is not None and command.poll() is None
        os.kill(worker, signal.SIGKILL)  # the worker alone: the command sees it exit
        output = command.communicate(timeout=240)[0]
    finally:
        if command.poll() is None:
            os.killpg(command.pid, signal.SIGKILL)

    assert command.returncode == 0, output
    assert "the worker exited with -9; starting it again (start 1 of 5)" in output
    # What the killed start logged at WARNING or above is quoted (or said to be nothing).
    assert re.search(r"\(start 1 of 5\); its log: \S+; it logged (last:\n|no warning)", output)
    assert "done: run 1" in output
    assert await totals(stream_database) == {
        "logs": count,
        "ids": count,
        "counted": count,
        "letters": 0,
    }


@pytest.mark.timeout(420)
async def test_an_import_with_detect_finds_the_incidents_of_analyze_and_publishes_none(
    env, stream_database, tmp_path
):
    run = scenario(3)
    assert len(run.offline) >= run.truths // 2  # a scenario with incidents to agree on
    path = write_archive(tmp_path / "scenario.jsonl", [orjson.dumps(i) for i in run.items])

    result = run_command(env, "import", str(path), "--detect", timeout=360)

    assert result.returncode == 0, result.stdout + result.stderr
    rows = await fetch(
        stream_database,
        "SELECT service_name, kind, extract(epoch FROM started_at)::float8 AS start, origin "
        "FROM incidents WHERE started_at < to_timestamp($1)",
        run.cutoff,
    )
    assert {r["origin"] for r in rows} == {"replay"}
    assert_same_incidents(run, {(r["service_name"], r["kind"], r["start"]) for r in rows})
    # Every closed window holds exactly its records.
    windows = await fetch(
        stream_database,
        "SELECT service_name, extract(epoch FROM window_start)::bigint AS start, volume "
        "FROM window_stats WHERE window_start < to_timestamp($1) AND volume > 0",
        run.cutoff,
    )
    assert {(r["service_name"], r["start"]): r["volume"] for r in windows} == dict(run.windows)
    # A backfill has no publisher: the alert queues were never even declared.
    assert await queue_counts(env, [env["ALERTS_QUEUE"], env["RECOMMENDATION_QUEUE"]]) == {
        env["ALERTS_QUEUE"]: None,
        env["RECOMMENDATION_QUEUE"]: None,
    }
