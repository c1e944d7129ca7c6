"""State that survives: a worker killed mid-stream carries on as if it had not been."""

from __future__ import annotations

import asyncio
import signal
import time

import pytest

from .conftest import Stream, messages
from .scenario import assert_same_incidents, live_incidents, scenario

pytestmark = [pytest.mark.slow]

HOURS = 3


async def _stored_windows(stream: Stream, before: float) -> dict[tuple[str, int], int]:
    rows = await stream.fetch(
        "SELECT service_name, extract(epoch FROM window_start)::bigint AS start, volume "
        "FROM window_stats WHERE window_start < to_timestamp($1) AND volume > 0",
        before,
    )
    return {(r["service_name"], r["start"]): r["volume"] for r in rows}


@pytest.mark.timeout(420)
async def test_a_worker_killed_mid_stream_carries_on_where_it_was(stream: Stream):
    run = scenario(HOURS)
    items = run.items
    worker = stream.start()
    half = len(items) // 2
    await stream.publish(messages(items[:half], 200))
    # Killed while the stream is flowing: a third stored, windows closing, batches in flight.
    deadline = time.monotonic() + 120
    while (await stream.fetch("SELECT count(*) AS n FROM logs"))[0]["n"] < len(items) // 3:
        assert time.monotonic() < deadline, "the stream did not get going"
        await asyncio.sleep(0.05)
    worker.kill(signal.SIGKILL)
    killed_at = (await stream.fetch("SELECT count(*) AS n FROM logs"))[0]["n"]
    assert killed_at < len(items)
    # The rest waits in RabbitMQ for the next worker.
    await stream.publish(messages(items[half:], 200))
    started = time.monotonic()
    stream.start()
    restarted = time.monotonic() - started
    found = await live_incidents(stream, run)
    # Every window holds exactly its records: none lost with the worker, none counted twice.
    assert await _stored_windows(stream, run.cutoff) == dict(run.windows)
    # The same incidents as a run without the kill, and none opened twice (no new alert id).
    online = {incident for _, incident in found}
    assert_same_incidents(run, online)
    assert len(found) == len(online)
    print(
        f"killed after {killed_at} of {len(items)} records; restarted and ready in "
        f"{restarted:.1f} s"
    )
