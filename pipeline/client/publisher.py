"""Publishing to the log queue with publisher confirms and many messages in flight.

A message counts as sent only once RabbitMQ confirmed it (it is then persisted in a durable
queue). Waiting for each confirm before the next publish would cap throughput at one message per
round trip, so up to ``max_in_flight`` messages are unconfirmed at once; a slot frees when its
confirm arrives. A nack, an unroutable message or a lost connection is remembered and raised as
:class:`BrokerError` by the next ``publish`` or by ``drain``.

At one record a message the publisher's own CPU is a third of the machine's work per message,
and aio-pika's ``Exchange.publish`` added to aiormq's: an ``aio_pika.Message`` made and turned
into properties, and a wait for the frame to reach the socket before waiting for the confirm.
So messages go out through aiormq's ``basic_publish`` on the channel aio-pika opened, with
properties made directly and ``wait=False``: the confirm is awaited all the same, and frames
leave in the order they were queued.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, Protocol, cast

import aio_pika
import aiormq
from aiormq import spec

from bridges.queues import declare_queue
from pipeline.client.errors import BrokerError

# What aio-pika and aiormq raise for a refused or lost connection (OSError covers timeouts).
_BROKER_ERRORS = (aio_pika.exceptions.AMQPError, aiormq.exceptions.AMQPError, OSError)
CONNECT_TIMEOUT_SECONDS = 10.0
# A confirm slower than this means the broker is stuck (memory or disk alarm): report it.
CONFIRM_TIMEOUT_SECONDS = 60.0
CONTENT_TYPE = "application/json"


class PublishChannel(Protocol):
    """The part of an aiormq channel (opened with publisher confirms) the publisher uses."""

    async def basic_publish(
        self,
        body: bytes,
        *,
        routing_key: str,
        properties: spec.Basic.Properties,
        mandatory: bool,
        timeout: float | None,  # noqa: ASYNC109 (aiormq's own parameter)
        wait: bool,
    ) -> Any: ...


def message_properties(message_id: str | None) -> spec.Basic.Properties:
    """Persistent JSON, as ``bridges.queues.persistent_message`` makes it (a message without an
    id gets a random one from aiormq, which matches a returned message to its publish by id)."""
    return spec.Basic.Properties(
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT.value,
        content_type=CONTENT_TYPE,
        message_id=message_id,
    )


class ConfirmedPublisher:
    """Publishes JSON bodies to one queue; counts what the broker confirmed."""

    def __init__(
        self,
        channel: PublishChannel,
        queue: str,
        max_in_flight: int,
        on_confirm: Callable[[int], None] | None = None,
    ) -> None:
        self._channel = channel
        self._queue = queue
        self._slots = asyncio.Semaphore(max_in_flight)
        self._pending: set[asyncio.Task[None]] = set()
        self._on_confirm = on_confirm
        self._error: BaseException | None = None
        self.messages = 0
        self.records = 0

    async def publish(self, body: bytes, records: int, message_id: str | None = None) -> None:
        """Start publishing one message; returns once it is in flight (a slot was free)."""
        self._raise_if_failed()
        await self._slots.acquire()
        if self._error is not None:
            self._slots.release()
            self._raise_if_failed()
        task = asyncio.create_task(self._publish(body, records, message_id))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def drain(self) -> None:
        """Wait for every message in flight to be confirmed; raise if any was not."""
        while self._pending:
            await asyncio.gather(*self._pending)
        self._raise_if_failed()

    def abort(self) -> None:
        """Stop waiting for the messages in flight (they may or may not reach the queue)."""
        for task in self._pending:
            task.cancel()

    async def _publish(self, body: bytes, records: int, message_id: str | None) -> None:
        try:
            # mandatory: on a channel opened with on_return_raises, a message the broker
            # cannot route fails instead of being dropped. wait=False: the confirm comes after
            # the frame was written anyway.
            await self._channel.basic_publish(
                body,
                routing_key=self._queue,
                properties=message_properties(message_id),
                mandatory=True,
                timeout=CONFIRM_TIMEOUT_SECONDS,
                wait=False,
            )
        except Exception as exc:  # nack, returned, lost connection, timeout: one failure
            if self._error is None:
                self._error = exc
            return
        finally:
            self._slots.release()
        self.messages += 1
        self.records += records
        if self._on_confirm is not None:
            self._on_confirm(records)

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            reason = str(self._error) or type(self._error).__name__
            raise BrokerError(f"publishing to {self._queue!r} failed: {reason}") from self._error


@asynccontextmanager
async def open_publisher(
    url: str,
    queue: str,
    *,
    max_in_flight: int = 200,
    on_confirm: Callable[[int], None] | None = None,
) -> AsyncIterator[ConfirmedPublisher]:
    """A connection, a confirming channel and the declared queue, closed on exit.

    Leaving the block normally does not wait for confirms: call ``drain`` first. Leaving it by
    an exception cancels what is still in flight.
    """
    try:
        connection = await aio_pika.connect(url, timeout=CONNECT_TIMEOUT_SECONDS)
    except _BROKER_ERRORS as exc:
        raise BrokerError(f"cannot connect to RabbitMQ at {_redact(url)}: {exc}") from exc
    try:
        try:
            # on_return_raises: a message the broker cannot route is an error, not a loss.
            channel = await connection.channel(publisher_confirms=True, on_return_raises=True)
            await declare_queue(channel, queue)
            # aiormq's Channel; its basic_publish takes ``wait``, which the abstract one omits.
            underlay = cast(PublishChannel, await channel.get_underlay_channel())
        except _BROKER_ERRORS as exc:
            raise BrokerError(f"cannot declare queue {queue!r}: {exc}") from exc
        publisher = ConfirmedPublisher(underlay, queue, max_in_flight, on_confirm)
        try:
            yield publisher
        finally:
            publisher.abort()
    finally:
        await connection.close()


def _redact(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    return f"{scheme}{sep}***@{rest.rsplit('@', 1)[1]}" if "@" in rest else url
