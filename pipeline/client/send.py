"""``send``: publish JSON messages to the service's log queue and count the confirmed ones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from pipeline.client.inputs import Message
from pipeline.client.publisher import open_publisher
from pipeline.settings import Settings


class SendResult(NamedTuple):
    messages: int
    records: int


async def send_messages(
    settings: Settings, messages: Sequence[Message], *, max_in_flight: int = 200
) -> SendResult:
    """Publish ``messages`` in order with publisher confirms; all are confirmed on return.

    Raises :class:`~pipeline.client.errors.BrokerError` when RabbitMQ cannot be reached or
    does not confirm a message (some earlier messages may then be in the queue).
    """
    queue = settings.rabbitmq.log_queue
    async with open_publisher(
        settings.rabbitmq.url, queue, max_in_flight=max_in_flight
    ) as publisher:
        for message in messages:
            await publisher.publish(message.body, message.records)
        await publisher.drain()
        return SendResult(publisher.messages, publisher.records)
