"""Acknowledging RabbitMQ deliveries in runs: one ``basic.ack`` with ``multiple`` for every run
of consecutive deliveries that are all settled, instead of one frame per message.

At one record a message the bridge settles hundreds of messages at once (a Kafka batch holds
them all), and aio-pika writes each ``basic.ack`` to the socket on its own: a profile put 8% of
the worker in acknowledging. Delivery tags on a channel rise in delivery order and the bridge
takes messages in that order, so once every delivery up to tag N has been settled well, one
ack of N with ``multiple`` settles them all. A delivery that failed is nacked (requeued) on
its own at once; it still counts as settled for the run, and the broker no longer holds it, so
a later ``multiple`` ack does not touch it.

:class:`AckRuns` is the bookkeeping of one channel, without IO: the bridge tells it what it took
and what was settled, and sends what :meth:`AckRuns.flush` returns. A new channel (a reconnect)
numbers its tags from 1 again, so the bridge starts new runs for it; what was outstanding on the
old channel is redelivered by RabbitMQ anyway.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Delivery = TypeVar("Delivery")


@dataclass
class AckRuns(Generic[Delivery]):
    """Deliveries of one channel, in the order they were taken; ``Delivery`` is what the caller
    acks (the message), keyed by its delivery tag."""

    _taken: deque[tuple[int, Delivery]] = field(default_factory=deque)
    # tag -> settled well (to ack) or not (nacked by the caller already)
    _settled: dict[int, bool] = field(default_factory=dict)

    def took(self, tag: int, delivery: Delivery) -> None:
        if self._taken and tag <= self._taken[-1][0]:
            raise ValueError(f"delivery tag {tag} after {self._taken[-1][0]}: not in order")
        self._taken.append((tag, delivery))

    def settled(self, tag: int, ok: bool) -> None:
        """``tag`` is done: to be acked by a flush (``ok``), or nacked already by the caller."""
        self._settled[tag] = ok

    def flush(self) -> Delivery | None:
        """The delivery to ack with ``multiple``: the last one settled well in the leading run
        of settled deliveries, which all leave the books. None when there is none (the oldest
        is not settled yet, or the run holds only nacked ones). Never a nacked delivery: the
        broker no longer knows its tag, and acking it would close the channel."""
        last: Delivery | None = None
        while self._taken and self._taken[0][0] in self._settled:
            tag, delivery = self._taken.popleft()
            if self._settled.pop(tag):
                last = delivery
        return last

    @property
    def outstanding(self) -> int:
        return len(self._taken)
