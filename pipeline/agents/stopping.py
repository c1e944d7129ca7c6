"""Agents that ack a batch only once it is durable, retry it when it fails, and give it up when
the worker stops."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from pipeline.agents.sequence import OffsetSequence, PartitionOffsets, sequencer
from pipeline.errors import StorageError

log = logging.getLogger(__name__)

# Back-off between attempts at a batch whose handler failed unexpectedly. Faust commits past an
# event an agent gave up on, so a batch is never dropped: a passing fault heals on a later try,
# and a bug stalls the partition (its lag grows, a counter and the log say why) rather than
# losing its records.
RETRY_FIRST_SECONDS = 0.5
RETRY_MAX_SECONDS = 30.0


def give_up_unacked(app: Any, topics: Iterable[str] | None) -> int:
    """Let the stopping worker stop without waiting for our unacked events (of ``topics``;
    None: of every topic); returns how many were given up.

    Before it stops, Faust waits until every event it handed to a stream is acked or garbage
    collected, and the stream's iterator keeps the last one it took alive: without this, a stop
    while a dependency is down (the database, RabbitMQ) would wait forever. The events stay
    unacked, so their offsets are not committed and Kafka redelivers them to the next worker.
    Kafka messages are shared by every agent of the topic, so the stop no longer waits for the
    others' in-flight events either: at worst they are processed again after the restart, which
    their storage absorbs.
    """
    names = None if topics is None else frozenset(topics)
    unacked = app.consumer.unacked
    left = [m for m in list(unacked) if not m.acked and (names is None or m.topic in names)]
    for message in left:
        unacked.discard(message)
    return len(left)


async def give_up_unacked_after(
    app: Any, seconds: float, sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
) -> int:
    """What a stopping worker runs beside Faust's wait for its streams: after ``seconds``, the
    events still unacked are given up (:func:`give_up_unacked`), so the stop goes on.

    Faust's wait has no end of its own, and an event can stay unacked with no agent working on
    it: one dispatched to an agent's stream after the flow stopped, or held in its take buffer
    (seen in a test: three insights events held a SIGTERMed worker until it was SIGKILLed 45 s
    later). Those not acked by then are redelivered to the next worker, whose storage and
    outbound ledger absorb a repeat."""
    await sleep(seconds)
    given_up = give_up_unacked(app, None)
    if given_up:
        log.warning(
            "stopping: %d event(s) still unacked after %.1f s given up; Kafka redelivers them "
            "to the next worker",
            given_up,
            seconds,
        )
    return given_up


# Stores one batch of Kafka events; raises StorageError only when the worker stops first.
BatchHandler = Callable[[Sequence[Any]], Awaitable[None]]
# What makes a prepared batch durable (a second phase; raises like a BatchHandler).
Finish = Callable[[], Awaitable[None]]
# A batch in two phases: the first (its CPU work) returns the second (its IO, mostly waiting
# for PostgreSQL), which runs while the agent prepares the next batch.
Prepare = Callable[[Sequence[Any]], Awaitable[Finish]]


async def until_done(
    work: Callable[[], Awaitable[None]],
    *,
    name: str,
    sleep: Callable[[float], Awaitable[Any]],
    stopping: Callable[[], bool],
    on_failure: Callable[[str], None],
    gives_up: tuple[type[Exception], ...] = (StorageError,),
) -> bool:
    """Run ``work`` until it succeeds (True) or the worker stops (False).

    ``gives_up`` exceptions mean the worker is stopping: False at once. Any other exception is
    logged with its traceback, counted (``on_failure(name)``) and the work tried again after a
    doubling back-off (``sleep`` returns early when the worker stops)."""
    delay = RETRY_FIRST_SECONDS
    while True:
        try:
            await work()
            return True
        except gives_up as exc:
            log.warning("%s: batch left for replay: %s", name, exc)
            return False
        except Exception:
            on_failure(name)
            log.exception("%s: batch failed, its events stay unacked; again in %.1f s", name, delay)
        await sleep(delay)
        if stopping():
            return False
        delay = min(delay * 2, RETRY_MAX_SECONDS)


def register_batch_agent(
    app: Any,
    topic: Any,
    name: str,
    handle: BatchHandler,
    *,
    batch_messages: int,
    batch_seconds: float,
    on_failure: Callable[[str], None],
    on_skip: Callable[[str], None] = lambda agent: None,
    offsets: PartitionOffsets | None = None,
) -> Any:
    """An agent that acks a batch only after ``handle`` made it durable (see
    :func:`register_two_phase_agent`; here the whole batch is its second phase)."""

    async def prepare(events: Sequence[Any]) -> Finish:
        async def finish() -> None:
            await handle(events)

        return finish

    return register_two_phase_agent(
        app,
        topic,
        name,
        prepare,
        batch_messages=batch_messages,
        batch_seconds=batch_seconds,
        on_failure=on_failure,
        on_skip=on_skip,
        offsets=offsets,
    )


def register_two_phase_agent(
    app: Any,
    topic: Any,
    name: str,
    prepare: Prepare,
    *,
    batch_messages: int,
    batch_seconds: float,
    on_failure: Callable[[str], None],
    on_skip: Callable[[str], None] = lambda agent: None,
    offsets: PartitionOffsets | None = None,
    on_finished: Callable[[Sequence[Any]], None] | None = None,
    sequence: OffsetSequence | None = None,
) -> Any:
    """An agent that acks a batch only after its second phase made it durable.

    ``concurrency=1``: above one, Faust can commit past in-flight events. ``noack_take``, not
    ``take``: ``take`` acks a batch in a ``finally``, even when the work failed or the worker is
    stopping. Each phase that fails is tried again (``until_done``); when the worker stops first,
    the batch stays unacked (and uncommitted) for the next owner to replay. Events come in
    offset order with none missing: when Faust skipped some, the partition is sought back
    (``pipeline.agents.sequence``; counted by ``on_skip``).

    One batch's second phase runs while the next batch is taken and prepared, so the worker's
    CPU and PostgreSQL work at the same time rather than in turn; at most one second phase is in
    flight, and they finish (and ack) in the order their batches were taken. ``on_finished`` is
    given each batch's events once they are acked; ``sequence`` holds the offsets it expects
    (for a stall's report).
    """
    in_sequence = sequencer(app, name, on_skip, offsets, sequence)
    topic_name = topic.get_topic_name()

    def attempt(work: Callable[[], Awaitable[None]]) -> Awaitable[bool]:
        return until_done(
            work,
            name=name,
            sleep=app.sleep,
            stopping=lambda: bool(app.should_stop),
            on_failure=on_failure,
        )

    async def finish_and_ack(stream: Any, events: Sequence[Any], finish: Finish) -> bool:
        # Acks here, not in the agent's loop: a last batch must not wait for a next one.
        if not await attempt(finish):
            give_up_unacked(app, [topic_name])
            return False
        for event in events:
            await stream.ack(event)
        if on_finished is not None:
            on_finished(events)
        return True

    async def process(stream: Any) -> None:
        finishing: asyncio.Task[bool] | None = None
        try:
            async for taken in stream.noack_take(batch_messages, within=batch_seconds):
                events = await in_sequence(taken)
                if not events:
                    continue
                prepared: list[Finish] = []

                async def first(
                    events: Sequence[Any] = events, prepared: list[Finish] = prepared
                ) -> None:
                    prepared.append(await prepare(events))

                ready = await attempt(first)
                if finishing is not None and not await finishing:
                    return
                if not ready:
                    give_up_unacked(app, [topic_name])
                    return
                finishing = asyncio.ensure_future(finish_and_ack(stream, events, prepared[-1]))
            if finishing is not None:
                await finishing
        finally:
            if finishing is not None and not finishing.done():
                # The agent is being cancelled (the worker stops): the batch stays unacked,
                # and the stop must not wait for it.
                finishing.cancel()
                give_up_unacked(app, [topic_name])

    process.__name__ = process.__qualname__ = name
    return app.agent(topic, name=name, concurrency=1)(process)
