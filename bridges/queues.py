"""The RabbitMQ queues we consume and publish, declared the same way by every client.

A queue declared twice with different arguments makes the second declaration fail with
PRECONDITION_FAILED, so the bridge, ``send`` and ``bench`` all declare through here.
"""

from __future__ import annotations

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractQueue


async def declare_queue(channel: AbstractChannel, name: str) -> AbstractQueue:
    """A durable classic queue: messages published persistent survive a broker restart."""
    return await channel.declare_queue(name, durable=True)


def connected(connection: AbstractConnection | None) -> bool:
    """Whether ``connection`` is up now. A robust connection that lost its broker is not
    ``is_closed`` (it is reconnecting, and closes only when told to), so ``is_closed`` alone
    kept readiness at 200 through a RabbitMQ restart; its ``connected`` event is cleared as
    soon as the connection drops and set again once it is back."""
    return connection is not None and not connection.is_closed and connection.connected.is_set()


def persistent_message(body: bytes, *, message_id: str | None = None) -> aio_pika.Message:
    """A JSON message that survives a broker restart once the broker confirmed it."""
    return aio_pika.Message(
        body,
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
        content_type="application/json",
        message_id=message_id,
    )
