"""Agents that ack a batch only once it is durable, and give it up when the worker stops."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from pipeline.errors import StorageError

log = logging.getLogger(__name__)


def give_up_unacked(app: Any, topics: Iterable[str]) -> None:
    """Let the stopping worker stop without waiting for our unacked events.

    Before it stops, Faust waits until every event it handed to a stream is acked or garbage
    collected, and the stream's iterator keeps the last one it took alive: without this, a stop
    while a dependency is down (the database, RabbitMQ) would wait forever. The events stay
    unacked, so their offsets are not committed and Kafka redelivers them to the next worker.
    Kafka messages are shared by every agent of the topic, so the stop no longer waits for the
    others' in-flight events either: at worst they are processed again after the restart, which
    their storage absorbs.
    """
    names = frozenset(topics)
    unacked = app.consumer.unacked
    for message in list(unacked):
        if message.topic in names and not message.acked:
            unacked.discard(message)


# Stores one batch of Kafka events; raises StorageError only when the worker stops first.
BatchHandler = Callable[[Sequence[Any]], Awaitable[None]]


def register_batch_agent(
    app: Any,
    topic: Any,
    name: str,
    handle: BatchHandler,
    *,
    batch_messages: int,
    batch_seconds: float,
) -> Any:
    """An agent that acks a batch only after ``handle`` made it durable.

    ``concurrency=1``: above one, Faust can commit past in-flight events. ``noack_take``, not
    ``take``: ``take`` acks a batch in a ``finally``, even when the work failed or the worker is
    stopping. When ``handle`` gives up because the worker stops, the batch stays unacked (and
    uncommitted) for the next owner to replay.
    """

    async def process(stream: Any) -> None:
        async for events in stream.noack_take(batch_messages, within=batch_seconds):
            try:
                await handle(events)
            except StorageError as exc:
                log.warning("%s: batch left for replay: %s", name, exc)
                give_up_unacked(app, [topic.get_topic_name()])
                return
            for event in events:
                await stream.ack(event)

    process.__name__ = process.__qualname__ = name
    return app.agent(topic, name=name, concurrency=1)(process)
