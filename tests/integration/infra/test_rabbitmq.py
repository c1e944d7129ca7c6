"""RabbitMQ round trip with aio-pika, on a queue only this test uses."""

import asyncio

import aio_pika
import pytest

from ..conftest import BASE

pytestmark = pytest.mark.timeout(60)


async def test_publish_and_consume_round_trip(unique):
    queue_name = f"la-test-{unique}.roundtrip"
    connection = await aio_pika.connect_robust(BASE.rabbitmq.url)
    async with connection:
        channel = await connection.channel(publisher_confirms=True)
        queue = await channel.declare_queue(queue_name, durable=True, auto_delete=False)
        try:
            for index in range(10):
                await channel.default_exchange.publish(
                    aio_pika.Message(
                        body=f'{{"n": {index}}}'.encode(),
                        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                        content_type="application/json",
                    ),
                    routing_key=queue_name,
                )
            bodies: list[bytes] = []
            async with asyncio.timeout(20), queue.iterator() as messages:
                async for message in messages:
                    async with message.process():
                        bodies.append(message.body)
                    if len(bodies) == 10:
                        break
            assert bodies == [f'{{"n": {i}}}'.encode() for i in range(10)]
            declared = await channel.declare_queue(queue_name, passive=True)
            assert declared.declaration_result.message_count == 0
        finally:
            await queue.delete(if_unused=False, if_empty=False)
