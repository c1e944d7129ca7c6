"""How far this worker is behind on its partitions of a topic, read without waiting.

Asking the broker for end offsets (Faust's ``consumer.highwaters``) is a call into Faust's
consumer thread: it queues behind the long-polling fetch there, and its ListOffsets request
queues behind that fetch on the broker connection. Measured on an idle worker, one call took
0.5 s, and 2 s when the lag metric asked at the same moment: longer than the one-second idle
tick. Every fetch response already carries the partitions' end offsets (high watermarks), so
the tick reads the lag from the last fetch, as long as that fetch is recent; only the lag
metric asks the broker, and only for what the fetches cannot tell.

What the tick counts as done is what the ingest agent has finished (stored and counted into its
windows, :class:`HandledOffsets`), or what was committed when that is further: never the fetch
position. Fetched records wait in Faust's buffers until the agent takes them, so a fetch
position said "caught up" while the agent was still behind; a worker whose first commit took
25 s (the producer slow to flush) then had its idle clock run through those seconds and close
windows whose records it had fetched but not yet counted, which then came late.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Container, Iterable, Mapping, Sequence
from typing import Any, Protocol

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

    def handled(self, tp: TP) -> int | None:
        """The offset after the last event of ``tp`` the agent finished since ``tp`` was
        assigned; None before the first."""
        ...

    async def ends(self, tps: Sequence[TP]) -> Mapping[TP, int]:
        """End offsets, asked of the broker."""
        ...

    async def position(self, tp: TP) -> int | None:
        """The consumer's fetch position, asked of the consumer."""
        ...


class PartitionLag:
    """Per owned partition of ``topic``: its end offset minus what this worker committed.

    For the metric (:meth:`measure`), before a partition's first commit its fetch position
    stands in for the committed offset (asked of the consumer each time). The tick
    (:meth:`known`) counts only what the agent finished or committed.
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

    def known(self) -> dict[int, int | None]:
        """The lags the consumer knows without asking anyone: the last fetch's end offset minus
        what the agent finished (or committed, when further); None where it cannot tell (no
        recent fetch, nothing finished or committed since the partition was assigned)."""
        now = self._clock()
        lags: dict[int, int | None] = {}
        for tp in self._owned():
            fetched = self._offsets.fetched_end(tp)
            done = _further(self._offsets.handled(tp), self._offsets.committed(tp))
            if fetched is None or done is None or now - fetched[1] > self._max_fetch_age:
                lags[tp.partition] = None
            else:
                lags[tp.partition] = max(fetched[0] - done, 0)
        return lags

    def partitions(self) -> list[int]:
        """The partitions of the topic this worker owns."""
        return [tp.partition for tp in self._owned()]

    def unstarted(self) -> list[TP]:
        """Owned partitions with nothing finished or committed by this worker: from where it
        is done with them, only the group's committed offset can tell."""
        return [
            tp
            for tp in self._owned()
            if self._offsets.handled(tp) is None and self._offsets.committed(tp) is None
        ]

    def caught_up(self) -> list[int]:
        """Partitions whose every record the last fetch showed the agent has finished; one not
        fetched lately, or with nothing finished or committed yet, is not among them."""
        return [partition for partition, lag in self.known().items() if lag == 0]

    async def measure(self) -> dict[int, int]:
        """Every owned partition's lag, asking the broker and the consumer thread for what the
        last fetches do not tell (slow: for the metric, not for the tick)."""
        now = self._clock()
        owned = self._owned()
        done: dict[TP, int] = {}
        for tp in owned:
            committed = self._offsets.committed(tp)
            if committed is None:
                committed = await self._offsets.position(tp) or 0
            done[tp] = committed
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
        return {tp.partition: max(ends.get(tp, 0) - done[tp], 0) for tp in owned}

    async def standing(self) -> dict[TP, tuple[int | None, int | None]]:
        """Per owned partition, (what the agent finished, or committed when further; the end
        offset): for noticing a stall. The end is the last fetch's however old (an end offset
        only grows, so an old one still says records wait, and fetches that stopped are one
        way to stall), the broker's where nothing was fetched since the assignment."""
        owned = self._owned()
        ends: dict[TP, int | None] = {}
        for tp in owned:
            fetched = self._offsets.fetched_end(tp)
            ends[tp] = None if fetched is None else fetched[0]
        unfetched = [tp for tp in owned if ends[tp] is None]
        if unfetched:
            ends.update(await self._offsets.ends(unfetched))
        return {
            tp: (_further(self._offsets.handled(tp), self._offsets.committed(tp)), ends.get(tp))
            for tp in owned
        }

    def fetch_age(self, tp: TP) -> float | None:
        """Seconds since ``tp``'s last fetch; None before the first since it was assigned."""
        fetched = self._offsets.fetched_end(tp)
        return None if fetched is None else max(self._clock() - fetched[1], 0.0)

    def _owned(self) -> list[TP]:
        return [tp for tp in self._offsets.assignment() if tp.topic == self._topic]


def _further(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None or a > b else b


class HandledOffsets:
    """Per partition, the offset after the last event the ingest agent finished (its records
    stored and counted into their windows); the agent notes each batch once it is acked.

    Cleared for partitions that move away: when one comes back the agent starts again from its
    committed offset, and an offset noted before would say done for records it has not seen.
    Events of a partition no longer assigned (a batch that finished after its revocation) are
    not noted, for the same reason."""

    def __init__(self, assigned: Callable[[], Container[TP]]) -> None:
        self._assigned = assigned
        self._next: dict[TP, int] = {}

    def note(self, events: Iterable[Any]) -> None:
        """``events`` finished, in offset order within each partition."""
        last: dict[TP, int] = {}
        for event in events:
            message = event.message
            last[TP(message.topic, message.partition)] = message.offset
        if not last:
            return
        assigned = self._assigned()
        for tp, offset in last.items():
            if tp in assigned:
                self._next[tp] = offset + 1

    def start(self, tp: TP, offset: int) -> None:
        """The partition's earlier owner finished every event before ``offset`` (the group's
        committed offset); the agent's own events, once it finished any, say more."""
        if tp in self._assigned():
            self._next.setdefault(tp, offset)

    def get(self, tp: TP) -> int | None:
        return self._next.get(tp)

    def forget(self, tps: Iterable[TP]) -> None:
        for tp in tps:
            self._next.pop(tp, None)


class FaustOffsets:
    """:class:`Offsets` of a Faust app's consumer, and of what its ingest agent finished."""

    def __init__(self, app: faust.App, handled: HandledOffsets) -> None:
        self._app = app
        self._handled = handled

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

    def handled(self, tp: TP) -> int | None:
        return self._handled.get(tp)

    async def ends(self, tps: Sequence[TP]) -> Mapping[TP, int]:
        return await self._app.consumer.highwaters(*tps)

    async def position(self, tp: TP) -> int | None:
        return await self._app.consumer.position(tp)


class CommittedStarts:
    """Gives a partition this worker owns, and has neither finished nor committed anything of,
    the group's committed offset as where it is done (``HandledOffsets.start``).

    Faust's copy of the committed offsets is filled by its seek once the tables are recovered
    (``Recovery.on_recovery_completed``). After a rebalance Faust cut short ("Recovery
    rebalancing again", faust-streaming#629) that seek never came: a partition that got no new
    records then never counted as caught up, so its windows were neither restored nor closed
    by the clock (a CI run: a worker that took over a quiet partition never restored it). The
    group coordinator knows the offset all the same. Asking goes through Faust's consumer
    thread and waits behind its fetch, so a partition is asked about at most every
    ``every_seconds``."""

    def __init__(
        self,
        lag: PartitionLag,
        handled: HandledOffsets,
        ask: Callable[[set[TP]], Awaitable[Mapping[TP, int]]],
        *,
        every_seconds: float = MAX_FETCH_AGE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lag = lag
        self._handled = handled
        self._ask = ask
        self._every = every_seconds
        self._clock = clock
        self._asked: dict[TP, float] = {}

    async def fill(self) -> None:
        now = self._clock()
        missing = {
            tp
            for tp in self._lag.unstarted()
            if now - self._asked.get(tp, float("-inf")) >= self._every
        }
        if not missing:
            return
        for tp in missing:
            self._asked[tp] = now
        for tp, offset in (await self._ask(missing)).items():
            self._handled.start(tp, offset)
