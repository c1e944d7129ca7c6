"""How an agent leaves work unacked when the worker stops before it could finish."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


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
