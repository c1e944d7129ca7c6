"""Kafka, then RabbitMQ, restarted while the stream flows: nothing lost, nothing counted twice,
no new alert id. Each broker here is the test's own, so restarting it disturbs no one else."""

from __future__ import annotations

import asyncio
import time

import aio_pika
import orjson
import pytest

from ..brokers import OwnedBroker
from .conftest import Stream, messages
from .scenario import assert_undisturbed, scenario

pytestmark = [pytest.mark.slow]

HOURS = 3


@pytest.fixture
def owned_stream(own_kafka: OwnedBroker, own_rabbitmq: OwnedBroker, stream: Stream) -> Stream:
    """The stream harness over the test's own brokers (its workers stop before they do)."""
    stream.env.update(KAFKA_BOOTSTRAP_SERVERS=own_kafka.url, RABBITMQ_URL=own_rabbitmq.url)
    stream.rabbitmq_url = own_rabbitmq.url
    return stream


async def restart(broker: OwnedBroker) -> float:
    """Stop ``broker`` cleanly and start it again; seconds until it answered again."""
    started = time.monotonic()
    await asyncio.to_thread(broker.restart)
    return time.monotonic() - started


async def stored(stream: Stream) -> int:
    return int((await stream.fetch("SELECT count(*) AS n FROM logs"))[0]["n"])


async def alert_ids(url: str, queue: str) -> set[str]:
    """Alert ids of the messages on ``queue`` (taken off it)."""
    connection = await aio_pika.connect(url)
    try:
        channel = await connection.channel()
        declared = await channel.declare_queue(queue, passive=True)
        found = set()
        while (message := await declared.get(no_ack=True, fail=False)) is not None:
            found.add(orjson.loads(message.body)["alert_id"])
        return found
    finally:
        await connection.close()


@pytest.mark.timeout(600)
async def test_kafka_then_rabbitmq_restarted_mid_stream_lose_and_repeat_nothing(
    owned_stream: Stream, own_kafka: OwnedBroker, own_rabbitmq: OwnedBroker
):
    stream = owned_stream
    # A message the bridge could not send while Kafka was away is requeued and comes again
    # after the next one, its records behind their service's clock by more than the default
    # lateness (10 s): a CI run under load counted one window's records late. A lateness of two
    # minutes absorbs that disorder, as in test_state_recovery.
    run = scenario(HOURS, lateness=120)
    items = run.items
    sixth = len(items) // 6
    # Few messages in flight, so the stream takes a minute to drain from the queue and each
    # broker stops while records flow: some stored, some in the bridge, in Kafka, in a batch.
    stream.start(env={"RABBITMQ_PREFETCH": "2", "ALLOWED_LATENESS_SECONDS": "120"})
    await stream.publish(messages(items, 100))
    await stream.wait_for_stored(sixth)
    at_kafka = await stored(stream)
    kafka_away = await restart(own_kafka)
    await stream.wait_for_stored(3 * sixth, within=240)
    at_rabbitmq = await stored(stream)
    rabbitmq_away = await restart(own_rabbitmq)
    assert max(at_kafka, at_rabbitmq) < len(items) - sixth, "no broker stopped mid-stream"
    await assert_undisturbed(stream, run)

    # What downstream consumers got: an alert for every incident, and no other alert id.
    incidents = {r[0] for r in await stream.fetch("SELECT incident_id FROM incidents")}
    deadline = time.monotonic() + 60
    delivered: set[str] = set()
    while time.monotonic() < deadline:
        delivered |= await alert_ids(own_rabbitmq.url, stream.env["ALERTS_QUEUE"])
        if delivered >= incidents:
            break
        await asyncio.sleep(0.5)
    assert delivered == incidents
    print(
        f"{len(items)} records; Kafka stopped at {at_kafka} stored, away {kafka_away:.1f} s; "
        f"RabbitMQ stopped at {at_rabbitmq} stored, away {rabbitmq_away:.1f} s; "
        f"{len(incidents)} incidents, alerts delivered for all"
    )
