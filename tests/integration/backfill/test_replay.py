"""`python -m pipeline replay` over what a live worker stored: logs, templates and window
statistics left exactly as they were, nothing published, its run's topics gone afterwards."""

from __future__ import annotations

import signal
import time
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest

from pipeline.backfill.jobs import range_job_id

from .helpers import fetch, queue_counts, run_command, snapshot, topics_of

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

WINDOW = 10


def replayable(count: int, start: float) -> list[dict[str, Any]]:
    return [
        {
            "service_name": f"rep-{i % 3}",
            "log_level": ("INFO", "INFO", "WARNING", "ERROR")[i % 4],
            "timestamp": start + i * 0.05,
            "message": (
                f"user {i} logged in from 10.0.{i % 256}.{i % 7}",
                f"payment {i} declined: insufficient funds",
            )[i % 2],
        }
        for i in range(count)
    ]


async def test_a_replayed_range_leaves_storage_identical_and_publishes_nothing(stream):
    env = {**stream.env, "WINDOW_SECONDS": str(WINDOW), "ALLOWED_LATENESS_SECONDS": "2"}
    stream.env = env
    worker = stream.start()
    began = datetime.now(UTC)
    items = replayable(1500, time.time() - 120)
    await stream.publish([orjson.dumps(items[i : i + 100]) for i in range(0, 1500, 100)])
    await stream.wait_for_records(items, within=90)
    # The live worker closes the window of the last records once its clock has gone a window
    # and the lateness past them (a second of wall time each): wait for it, then stop it, so
    # nothing but the replay can change storage or the queues from here.
    last_window = int(max(item["timestamp"] for item in items) // WINDOW * WINDOW)
    await stream.wait_for(
        f"SELECT count(*) FROM window_stats WHERE window_start = to_timestamp({last_window})",
        3,
        within=60,
    )
    worker.kill(signal.SIGTERM)
    before = await snapshot(stream.database_url)
    queues = [env["ALERTS_QUEUE"], env["RECOMMENDATION_QUEUE"]]
    published = await queue_counts(env, queues)

    result = run_command(
        env, "replay", "--from", began.replace(microsecond=0).isoformat(), "--detect", timeout=240
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "done: run 1 (new)" in result.stdout
    assert "1500 processed by" in result.stdout  # every record went through again
    assert await snapshot(stream.database_url) == before
    assert await queue_counts(env, queues) == published
    job_id = range_job_id(env["KAFKA_LOGS_TOPIC"], began.replace(microsecond=0), None)
    assert job_id in result.stdout
    assert await topics_of(job_id) == []
    # What the live worker found stays live: the replay found the same, under the same ids.
    origins = await fetch(stream.database_url, "SELECT DISTINCT origin FROM incidents")
    assert {row["origin"] for row in origins} <= {"live"}
