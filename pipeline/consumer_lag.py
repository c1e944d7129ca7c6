"""How far this worker is behind on its partitions of a topic, read without waiting.

Asking the broker for end offsets (Faust's ``consumer.highwaters``) is a call into Faust's
consumer thread: it queues behind the long-polling fetch there, and its ListOffsets request
queues behind that fetch on the broker connection. Measured on an idle worker, one call took
0.5 s, and 2 s when the lag metric asked at the same moment: longer than the one-second idle
tick. Every fetch response already carries the partitions' end offsets (high watermarks), so
the tick reads the lag from the last fetch, as long as that fetch is recent; only the lag
metric asks the broker, and only for what the fetches cannot tell.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

import faust
from faust.types import TP

# A caught-up partition is fetched again at least every 1.5 s (Faust's fetch_max_wait_ms)
# with the end offset in the response. An older end offset means the fetches stopped
# (paused, recovering, records left unread, a broker away): records may be waiting unseen.
MAX_FETCH_AGE_SECONDS = 5.0


class Offsets(Protocol):
    """What the lag is computed from (in the worker: :class:`FaustOffsets`)."""

    def assignment(self) -> Iterable[TP]: ...

    def fetched_end(self, tp: TP) -> tuple[int, float] | None:
        """The end offset the last fetch of ``tp`` returned and when (epoch seconds); None
        before the first fetch since ``tp`` was assigned."""
        ...

    def committed(self, tp: TP) -> int | None:
        """The offset this worker committed for ``tp``; None before its first commit."""
        ...

    async def ends(self, tps: Sequence[TP]) -> Mapping[TP, int]:
        """End offsets, asked of the broker."""
        ...

    async def position(self, tp: TP) -> int | None:
        """The consumer's fetch position, asked of the consumer."""
        ...


class PartitionLag:
    """Per owned partition of ``topic``: its end offset minus what this worker committed.

    Before a partition's first commit its fetch position stands in for the committed offset;
    :meth:`measure` asks for it and :meth:`known` uses the answer until the next measure (a
    position only grows while the partition stays here, so an old one overstates the lag).
    """

    def __init__(
        self,
        offsets: Offsets,
        topic: str,
        *,
        max_fetch_age: float = MAX_FETCH_AGE_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._offsets = offsets
        self._topic = topic
        self._max_fetch_age = max_fetch_age
        self._clock = clock
        self._positions: dict[TP, int] = {}

    def known(self, committed_only: bool = False) -> dict[int, int | None]:
        """The lags the consumer knows without asking anyone; None where it cannot tell.

        ``committed_only``: a fetch position does not stand in before the first commit (it
        runs ahead of what the agent has processed: fetched records may still be in Faust's
        buffers)."""
        now = self._clock()
        lags: dict[int, int | None] = {}
        for tp in self._owned():
            fetched = self._offsets.fetched_end(tp)
            done = self._offsets.committed(tp) if committed_only else self._done(tp)
            if fetched is None or done is None or now - fetched[1] > self._max_fetch_age:
                lags[tp.partition] = None
            else:
                lags[tp.partition] = max(fetched[0] - done, 0)
        return lags

    def caught_up(self, committed_only: bool = False) -> list[int]:
        """Partitions with nothing waiting in Kafka as far as their last fetch shows; one not
        fetched lately is not among them (``committed_only``: see :meth:`known`)."""
        return [partition for partition, lag in self.known(committed_only).items() if lag == 0]

    async def measure(self) -> dict[int, int]:
        """Every owned partition's lag, asking the broker and the consumer thread for what the
        last fetches do not tell (slow: for the metric, not for the tick)."""
        now = self._clock()
        owned = self._owned()
        for tp in owned:
            if self._offsets.committed(tp) is None:
                self._positions[tp] = await self._offsets.position(tp) or 0
        ends: dict[TP, int] = {}
        stale: list[TP] = []
        for tp in owned:
            fetched = self._offsets.fetched_end(tp)
            if fetched is None or now - fetched[1] > self._max_fetch_age:
                stale.append(tp)
            else:
                ends[tp] = fetched[0]
        if stale:
            ends.update(await self._offsets.ends(stale))
        return {tp.partition: max(ends.get(tp, 0) - (self._done(tp) or 0), 0) for tp in owned}

    def forget(self, revoked: Iterable[TP]) -> None:
        """Partitions moved away: a position asked before is no bound if they come back."""
        for tp in revoked:
            self._positions.pop(tp, None)

    def _owned(self) -> list[TP]:
        owned = [tp for tp in self._offsets.assignment() if tp.topic == self._topic]
        for tp in self._positions.keys() - set(owned):
            del self._positions[tp]
        return owned

    def _done(self, tp: TP) -> int | None:
        committed = self._offsets.committed(tp)
        return self._positions.get(tp) if committed is None else committed


class FaustOffsets:
    """:class:`Offsets` of a Faust app's consumer."""

    def __init__(self, app: faust.App) -> None:
        self._app = app

    def assignment(self) -> Iterable[TP]:
        return self._app.consumer.assignment()

    def fetched_end(self, tp: TP) -> tuple[int, float] | None:
        consumer = self._app.consumer
        # Faust gives the last fetched end offset but not when it came; the aiokafka consumer
        # that Faust's consumer thread drives does. Both are fields that thread sets; reading
        # the time first, the end offset is at least as recent as the time says.
        fetcher = consumer._thread._ensure_consumer()  # type: ignore[attr-defined]
        try:
            polled_ms: int | None = fetcher.last_poll_timestamp(tp)
            end: int | None = consumer.highwater(tp)
        except (AssertionError, AttributeError):  # revoked since the assignment was read
            return None
        if polled_ms is None or end is None:
            return None
        return end, polled_ms / 1000

    def committed(self, tp: TP) -> int | None:
        # Faust keeps what it committed per partition (None before the first commit, and for
        # offset 0) but has no public accessor.
        committed: int | None = getattr(self._app.consumer, "_committed_offset", {}).get(tp)
        return committed

    async def ends(self, tps: Sequence[TP]) -> Mapping[TP, int]:
        return await self._app.consumer.highwaters(*tps)

    async def position(self, tp: TP) -> int | None:
        return await self._app.consumer.position(tp)
