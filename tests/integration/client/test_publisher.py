"""The client's publisher against the real RabbitMQ: what it publishes, and what it refuses to
count as sent."""

from __future__ import annotations

import aio_pika
import pytest

from pipeline.client.errors import BrokerError
from pipeline.client.publisher import open_publisher

from ..conftest import BASE
from .helpers import take_all

pytestmark = pytest.mark.timeout(60)

URL = BASE.rabbitmq.url


async def test_messages_arrive_in_order_persistent_json_with_their_ids(queue: str):
    async with open_publisher(URL, queue, max_in_flight=20) as publisher:
        for n in range(300):
            await publisher.publish(b"[%d]" % n, 1, message_id=f"m-{n}" if n % 2 else None)
        await publisher.drain()
        assert (publisher.messages, publisher.records) == (300, 300)
    messages = await take_all(URL, queue, 300)
    assert [m.body for m in messages] == [b"[%d]" % n for n in range(300)]
    assert {m.delivery_mode for m in messages} == {aio_pika.DeliveryMode.PERSISTENT}
    assert {m.content_type for m in messages} == {"application/json"}
    assert [m.message_id for m in messages[1::2]] == [f"m-{n}" for n in range(1, 300, 2)]
    # Without an id of the caller's, each message still has one of its own.
    ids = [m.message_id for m in messages[::2]]
    assert all(ids) and len(set(ids)) == len(ids)


async def test_a_message_the_broker_cannot_route_is_an_error_not_a_loss(queue: str):
    async with open_publisher(URL, queue) as publisher:
        await publisher.publish(b"[0]", 1)
        await publisher.drain()
        # The queue goes away: the default exchange has nowhere to route the next message.
        connection = await aio_pika.connect(URL)
        async with connection:
            channel = await connection.channel()
            await channel.queue_delete(queue)
        await publisher.publish(b"[1]", 1)
        with pytest.raises(BrokerError, match=f"publishing to '{queue}' failed"):
            await publisher.drain()
        assert publisher.messages == 1
