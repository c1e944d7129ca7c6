"""State that survives: a worker killed mid-stream carries on as if it had not been."""

from __future__ import annotations

import asyncio
import signal
import socket
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from aiokafka import AIOKafkaProducer

from bridges.partitioning import ServicePartitioner
from tests.integration.processes import get_json
from tests.integration.tcp_proxy import tcp_proxy

from ..conftest import BASE
from .conftest import Stream, messages
from .scenario import assert_undisturbed, scenario

pytestmark = [pytest.mark.slow]

HOURS = 3
# Two bridges share the queue, so a partition gets records from both, interleaved by however
# they were spread: pushed hours of logs at full speed, that is a minute of disorder. One message
# in flight per bridge and a lateness of two minutes absorb it.
PACED = {"ALLOWED_LATENESS_SECONDS": "120", "RABBITMQ_PREFETCH": "1"}


@pytest.mark.timeout(420)
async def test_a_worker_killed_mid_stream_carries_on_where_it_was(stream: Stream):
    run = scenario(HOURS)
    items = run.items
    worker = stream.start()
    half = len(items) // 2
    await stream.publish(messages(items[:half], 200))
    # Killed while the stream is flowing: a third stored, windows closing, batches in flight.
    await stream.wait_for_stored(len(items) // 3)
    worker.kill(signal.SIGKILL)
    killed_at = (await stream.fetch("SELECT count(*) AS n FROM logs"))[0]["n"]
    assert killed_at < len(items)
    # The rest waits in RabbitMQ for the next worker.
    await stream.publish(messages(items[half:], 200))
    started = time.monotonic()
    stream.start()
    restarted = time.monotonic() - started
    await assert_undisturbed(stream, run)
    print(
        f"killed after {killed_at} of {len(items)} records; restarted and ready in "
        f"{restarted:.1f} s"
    )


@pytest.mark.timeout(240)
async def test_a_corrupt_state_value_starts_that_service_afresh_and_is_counted(stream: Stream):
    start = (time.time() // 60) * 60 - 20 * 60
    victim, bystander = "victim", "bystander"

    def minutes(first: int, last: int) -> list[dict[str, Any]]:
        return [
            {
                "service": service,
                "level": "INFO",
                "message": f"job {minute * 100 + i} done",
                "timestamp": start + minute * 60 + i,
                "metadata": {"run": "corrupt", "seq": minute * 1000 + i},
            }
            for minute in range(first, last)
            for i in range(30)
            for service in (victim, bystander)
        ]

    worker = stream.start()
    before = minutes(0, 5)
    await stream.publish(messages(before, 60))
    await stream.wait_for("SELECT count(DISTINCT service_name) FROM window_stats", 2, within=60)
    assert not (problem := worker.stop(signal.SIGTERM, wait=45)), problem
    # Garbage where the victim's detector state is, as a broken producer could leave it.
    partition = ServicePartitioner(int(stream.env["KAFKA_TOPIC_PARTITIONS"]))(victim)
    producer = AIOKafkaProducer(bootstrap_servers=BASE.kafka.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(
            f"{stream.env['LOG_ANALYSIS_APP_ID']}-detector-state-changelog",
            b"LAS\x01not zlib at all",
            key=victim.encode(),
            partition=partition,
        )
    finally:
        await producer.stop()

    stream.start()
    after = minutes(5, 9)
    await stream.publish(messages(after, 60))
    await stream.wait_for("SELECT count(*) FROM logs", len(before) + len(after), within=90)
    # Counted when the detectors restore the victim's partition, which comes just after its
    # records are stored.
    counted = 'service_state_errors_total{reason="unreadable",table="detector"} 1.0'
    deadline = time.monotonic() + 30
    text = ""
    while counted not in text and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        _, text = get_json(f"http://127.0.0.1:{stream.env['WEB_PORT']}/metrics")
    assert counted in text, [line for line in text.splitlines() if "state_errors" in line]
    # Both go on: the victim from scratch (its windows count again), the bystander restored.
    await stream.wait_for(
        "SELECT count(DISTINCT service_name) FROM window_stats "
        f"WHERE window_start >= to_timestamp({start + 6 * 60})",
        2,
        within=90,
    )


@pytest.mark.timeout(480)
async def test_a_stopped_workers_services_move_to_the_other_with_their_state(
    stream: Stream, tmp_path: Path
):
    run = scenario(HOURS, lateness=120)
    items = run.items
    stream.start(env=PACED)
    second = stream.start(timeout=120, env={**PACED, **second_worker(tmp_path)})
    half = len(items) // 2
    await stream.publish(messages(items[:half], 50))
    await stream.wait_for_records(items[:half], within=180)
    # The second worker leaves; its partitions, and their services' state, go to the first.
    assert not (problem := second.stop(signal.SIGTERM, wait=60)), problem
    await stream.publish(messages(items[half:], 50))
    await assert_undisturbed(stream, run)


@pytest.mark.timeout(480)
async def test_a_worker_joining_mid_stream_takes_its_services_with_their_state(
    stream: Stream, tmp_path: Path
):
    run = scenario(HOURS, lateness=120)
    items = run.items
    stream.start(env=PACED)
    half = len(items) // 2
    await stream.publish(messages(items[:half], 50))
    await stream.wait_for_records(items[:half], within=180)
    # A second worker joins: half the partitions, and their services' state, move to it
    # while the rest of the stream comes in.
    publishing = asyncio.create_task(stream.publish(messages(items[half:], 50)))
    stream.start(timeout=120, env={**PACED, **second_worker(tmp_path)})
    await publishing
    await assert_undisturbed(stream, run)


def second_worker(tmp_path: Path) -> dict[str, str]:
    """What a second worker on this machine needs of its own: a web port and a data dir."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return {"WEB_PORT": str(port), "LOG_ANALYSIS_DATA_DIR": str(tmp_path / "second")}


@pytest.mark.timeout(420)
async def test_rabbitmq_going_away_mid_stream_loses_and_repeats_nothing(stream: Stream):
    run = scenario(HOURS)
    items = run.items
    url = urlsplit(BASE.rabbitmq.url)
    with tcp_proxy(url.hostname or "127.0.0.1", url.port or 5672) as proxy:
        through_proxy = url._replace(netloc=f"{url.username}:{url.password}@127.0.0.1:{proxy.port}")
        stream.start(env={"RABBITMQ_URL": urlunsplit(through_proxy)})
        half = len(items) // 2
        await stream.publish(messages(items[:half], 200))
        await stream.wait_for_stored(len(items) // 4)
        # Both bridges lose RabbitMQ: prefetched messages go back to the queue, publishes
        # in flight are retried.
        await asyncio.to_thread(proxy.outage, 5.0)
        await stream.publish(messages(items[half:], 200))
        await assert_undisturbed(stream, run)


@pytest.mark.timeout(420)
async def test_a_worker_that_cannot_read_its_open_windows_restores_them_once_postgresql_is_back(
    stream: Stream,
):
    run = scenario(HOURS)
    items = run.items
    worker = stream.start()
    half = len(items) // 2
    await stream.publish(messages(items[:half], 200))
    await stream.wait_for_records(items[:half], within=180)
    assert not (problem := worker.stop(signal.SIGTERM, wait=45)), problem
    url = urlsplit(stream.database_url)
    with tcp_proxy(url.hostname or "127.0.0.1", url.port or 5432) as proxy:
        through_proxy = url._replace(netloc=f"{url.username}:{url.password}@127.0.0.1:{proxy.port}")
        # The next worker loads its services' saved state from Kafka, then cannot read their
        # open windows' records from PostgreSQL: the partition must stay unrestored (a
        # partition marked restored with empty open windows would store them short) and be
        # restored whole on a later tick.
        proxy.down()
        successor = stream.start(env={"DATABASE_URL": urlunsplit(through_proxy)}, path="/health/")
        deadline = time.monotonic() + 90
        while "not restored yet" not in successor.log_text():
            assert time.monotonic() < deadline, successor.log_text()[-4000:]
            await asyncio.sleep(0.5)
        proxy.up()
        await stream.publish(messages(items[half:], 200))
        await assert_undisturbed(stream, run)
    assert "restored," in successor.log_text()
