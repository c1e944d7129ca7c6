"""Says so when the ingest agent stops getting through records that wait for it, and where it
waits.

A stalled stream is otherwise silent: the worker answers ready, the lag metric grows, and the
log says nothing. A clean-clone CI run of 2026-12-07 had a worker restarted after a SIGKILL
store 14,000 records and then none for four minutes, with no warning, no error and no dead
letter; the test's failure could only say what was missing, and the worker's log was gone with
the run. Every ``CHECK_SECONDS`` the watchdog compares, for each logs partition this worker
owns, what the ingest agent finished (or committed, when further) with the partition's end
offset. Records waiting and nothing finished for ``stall_seconds`` while Faust is neither
rebalancing nor recovering is a stall. It is logged at ERROR once, with what the worker knows
of each stalled partition (messages waiting, the age of its last fetch, whether Faust's consumer
has it paused, the offset the agent waits for) and where each of the worker's own tasks is
waiting (their await chains), counted in ``ingest_stalls_total{topic}`` and shown in
``ingest_stalled_partitions``. Progress afterwards is logged at WARNING with the stall's
length. A database outage is a stall too, and its report shows the agent in the store's retry.
Readings that fail for ``stall_seconds`` (they go through Faust's consumer thread, which also
serves the agent's fetches and offsets) are reported the same way, not skipped in silence.

The bookkeeping is :class:`ProgressWatch` (no Faust); :func:`await_chains` reads asyncio's
tasks; :func:`register_ingest_watchdog` wires both to a Faust app.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import CoroutineType, FrameType, GeneratorType
from typing import Any, Generic, TypeVar

from faust.types import TP

from pipeline.agents.sequence import OffsetSequence
from pipeline.consumer_lag import PartitionLag
from pipeline.metrics import Metrics

log = logging.getLogger(__name__)

Partition = TypeVar("Partition", bound=Hashable)

CHECK_SECONDS = 10.0
# The longest a check waits for the broker or the consumer thread.
ASK_SECONDS = 5.0
# The most of a report's task lines: a worker runs a few dozen tasks of its own.
MAX_TASKS = 40
MAX_CHAIN = 12

# Our own source trees: a task awaiting in none of them is Faust's or a library's business.
OWN_ROOTS = tuple(
    str(Path(__file__).resolve().parent.parent / name)
    for name in ("pipeline", "bridges", "storage", "web")
)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a partition stands: ``done`` is the offset after the last record the agent
    finished (or the committed offset, when further), ``end`` the partition's end offset; None
    where the worker cannot tell yet."""

    done: int | None
    end: int | None

    @property
    def waiting(self) -> int:
        """Kafka messages (each many records) the agent has not finished; 0 when it cannot
        tell."""
        if self.done is None or self.end is None:
            return 0
        return max(self.end - self.done, 0)


@dataclass
class Verdict(Generic[Partition]):
    """What one check found: partitions stalled since (newly), and partitions moving again
    after a stall, with how long it lasted."""

    stalled: dict[Partition, float] = field(default_factory=dict)
    recovered: dict[Partition, float] = field(default_factory=dict)


@dataclass
class ProgressWatch(Generic[Partition]):
    """Since when each partition has had records waiting with nothing finished."""

    stall_seconds: float
    # partition -> (its done offset, since when it has stood there with records waiting)
    _standing: dict[Partition, tuple[int | None, float]] = field(default_factory=dict)
    # partitions reported as stalled -> since when
    _stalled: dict[Partition, float] = field(default_factory=dict)

    @property
    def stalled(self) -> int:
        return len(self._stalled)

    def check(
        self, now: float, progress: Mapping[Partition, Progress], quiet: bool
    ) -> Verdict[Partition]:
        """The partitions stalled for ``stall_seconds`` up to ``now`` (each reported once per
        stall) and those whose stall ended. A rebalance or a recovery (``quiet`` false) starts
        every count again: records wait through it by design."""
        verdict: Verdict[Partition] = Verdict()
        if not quiet:
            self._standing.clear()
            self._stalled.clear()
            return verdict
        for partition in [p for p in self._standing if p not in progress]:
            del self._standing[partition]
        for partition in [p for p in self._stalled if p not in progress]:
            del self._stalled[partition]
        for partition, where in progress.items():
            standing = self._standing.get(partition)
            moved = standing is None or standing[0] != where.done
            if not where.waiting or moved:
                since = self._stalled.pop(partition, None)
                if since is not None:
                    verdict.recovered[partition] = now - since
                if where.waiting:
                    self._standing[partition] = (where.done, now)
                else:
                    self._standing.pop(partition, None)
                continue
            assert standing is not None
            since = standing[1]
            if now - since >= self.stall_seconds and partition not in self._stalled:
                self._stalled[partition] = since
                verdict.stalled[partition] = since
        return verdict


def await_chains(
    tasks: Iterable[asyncio.Task[Any]],
    roots: tuple[str, ...] = OWN_ROOTS,
    *,
    coroutines: Iterable[tuple[str, Any]] = (),
    max_tasks: int = MAX_TASKS,
) -> list[str]:
    """One line per task awaiting somewhere in ``roots``: its name and its await chain, from
    the task's coroutine down to what it waits on. (``Task.get_stack`` gives a suspended
    coroutine's outermost frame only; the chain is what says where it waits.)

    ``coroutines``: (name, coroutine) pairs a task's chain cannot reach. A Faust agent's task
    awaits its actor, whose ``__await__`` hands on the agent's coroutine through a wrapper
    that does not say which: the agent's own loop is only found from the actor."""
    lines = []
    for task in tasks:
        if task.done():
            continue
        # The future the task is blocked on (the chain ends in its iterator, which hides it);
        # asyncio keeps it on the task, in both its C and Python tasks.
        waits_on = repr(getattr(task, "_fut_waiter", None))[:160]
        name = task.get_name()
        if name.startswith("<"):  # a Faust service's task is named by its coroutine's repr
            name = getattr(task.get_coro(), "__qualname__", name)
        line = _line(name, _chain(task.get_coro()), roots, waits_on)
        if line is not None:
            lines.append(line)
    for name, coroutine in coroutines:
        line = _line(name, _chain(coroutine), roots, "...")
        if line is not None:
            lines.append(line)
    lines.sort()
    if len(lines) > max_tasks:
        lines = [*lines[:max_tasks], f"({len(lines) - max_tasks} more)"]
    return lines


def _line(name: str, frames: list[FrameType], roots: tuple[str, ...], waits_on: str) -> str | None:
    if not any(frame.f_code.co_filename.startswith(roots) for frame in frames):
        return None
    where = " > ".join(_place(frame, roots) for frame in frames[-MAX_CHAIN:])
    return f"{name}: {where} ... {waits_on}"


def _chain(awaitable: Any) -> list[FrameType]:
    frames: list[FrameType] = []
    while True:
        if isinstance(awaitable, CoroutineType):
            frame, awaitable = awaitable.cr_frame, awaitable.cr_await
        elif isinstance(awaitable, GeneratorType):
            frame, awaitable = awaitable.gi_frame, awaitable.gi_yieldfrom
        elif hasattr(awaitable, "ag_frame"):  # an async generator's asend/athrow
            frame, awaitable = awaitable.ag_frame, awaitable.ag_await
        else:
            break
        if frame is not None:
            frames.append(frame)
        if len(frames) > 64:  # never a real chain; never loop for ever on a strange one
            break
    return frames


def _place(frame: FrameType, roots: tuple[str, ...]) -> str:
    name = frame.f_code.co_filename
    for root in roots:
        if name.startswith(root):
            name = str(Path(root).name) + name[len(root) :]
            break
    else:
        name = Path(name).name
    return f"{frame.f_code.co_qualname}({name}:{frame.f_lineno})"


# What the report says of one partition: filled from Faust's consumer and the agent.
Describe = Callable[[TP], Awaitable[str]]


def register_ingest_watchdog(
    app: Any,
    metrics: Metrics,
    topic: str,
    progress: Callable[[], Awaitable[Mapping[TP, Progress]]],
    describe: Describe,
    *,
    stall_seconds: float,
    every_seconds: float = CHECK_SECONDS,
    coroutines: Callable[[], Iterable[tuple[str, Any]]] = lambda: (),
    clock: Callable[[], float] = time.monotonic,
) -> Callable[[], Awaitable[Verdict[TP]]]:
    """Checks every ``every_seconds`` on ``app``'s timer; returns the check (for tests).
    ``coroutines`` gives those a report follows beside the tasks' (:func:`await_chains`)."""
    watch: ProgressWatch[TP] = ProgressWatch(stall_seconds)

    # Since when the readings have failed (None: they answer), and whether that was reported.
    failing_since: float | None = None
    failing_reported = False

    async def check() -> Verdict[TP]:
        nonlocal failing_since, failing_reported
        quiet = not app.rebalancing and not app.in_recovery
        try:
            found = await progress() if quiet else {}
        except Exception as exc:  # the consumer not started, revoked meanwhile: next time
            log.debug("ingest watchdog: skipped: %r", exc)
            unanswered(clock(), exc)
            return Verdict()
        now = clock()
        if failing_reported and failing_since is not None:
            log.warning("ingest watchdog: the consumer answers again after %.0f s",
                        now - failing_since)  # fmt: skip
        failing_since, failing_reported = None, False
        verdict = watch.check(now, found, quiet)
        metrics.ingest_stalled_partitions.set(watch.stalled)
        for tp, lasted in verdict.recovered.items():
            log.warning("ingest watchdog: %s[%d] moving again after %.0f s",
                        tp.topic, tp.partition, lasted)  # fmt: skip
        if verdict.stalled:
            parts = []
            for tp, since in sorted(verdict.stalled.items()):
                metrics.ingest_stalls.labels(topic).inc()
                parts.append(
                    f"{tp.topic}[{tp.partition}]: {found[tp].waiting} message(s) waiting, "
                    f"nothing finished for {now - since:.0f} s; {await describe(tp)}"
                )
            tasks = await_chains(asyncio.all_tasks(), coroutines=coroutines())
            log.error(
                "ingest watchdog: stalled: %s\nconsumer: rebalancing %s, in recovery %s, %d "
                "event(s) unacked\ntasks:\n  %s",
                "\n".join(parts),
                app.rebalancing,
                app.in_recovery,
                len(app.consumer.unacked),
                "\n  ".join(tasks) or "(none of ours)",
            )
        return verdict

    def unanswered(now: float, exc: Exception) -> None:
        """A reading failed. Failing for ``stall_seconds`` is a stall of its own: the same
        consumer thread the readings go through serves the agent's fetches and offsets."""
        nonlocal failing_since, failing_reported
        if failing_since is None:
            failing_since = now
        if failing_reported or now - failing_since < stall_seconds:
            return
        failing_reported = True
        metrics.ingest_stalls.labels(topic).inc()
        tasks = await_chains(asyncio.all_tasks(), coroutines=coroutines())
        log.error(
            "ingest watchdog: stalled: where the logs partitions stand could not be read for "
            "%.0f s (the last try: %r)\ntasks:\n  %s",
            now - failing_since,
            exc,
            "\n  ".join(tasks) or "(none of ours)",
        )

    async def tick() -> None:
        await check()

    app.timer(every_seconds)(tick)
    return check


def lag_progress(lag: PartitionLag) -> Callable[[], Awaitable[Mapping[TP, Progress]]]:
    """Each owned partition's :class:`Progress`, read from ``lag`` (the broker asked only for
    a partition not fetched since it was assigned, and for at most ``ASK_SECONDS``)."""

    async def progress() -> Mapping[TP, Progress]:
        async with asyncio.timeout(ASK_SECONDS):
            standing = await lag.standing()
        return {tp: Progress(done, end) for tp, (done, end) in standing.items()}

    return progress


def faust_describe(app: Any, lag: PartitionLag, sequence: OffsetSequence) -> Describe:
    """What Faust's consumer and the ingest agent know of a partition, in a few words."""

    async def describe(tp: TP) -> str:
        age = lag.fetch_age(tp)
        fetched = "never fetched" if age is None else f"last fetched {age:.0f} s ago"
        paused = "paused" if tp in app.consumer._paused_partitions else "not paused"
        try:
            async with asyncio.timeout(ASK_SECONDS):
                position = f"fetch position {await app.consumer.position(tp)}"
        except Exception as exc:  # the consumer thread busy or stopping: say so, go on
            position = f"fetch position unknown ({exc!r})"
        return f"{fetched}, {paused} in the consumer, {position}; " + sequence.describe(
            (tp.topic, tp.partition)
        )

    return describe


def agent_coroutines(app: Any) -> Callable[[], list[tuple[str, Any]]]:
    """Each Faust agent's running coroutines (its actors'), named after the agent."""

    def coroutines() -> list[tuple[str, Any]]:
        found = []
        for agent in list(app.agents.values()):
            # Faust keeps an agent's actors in ``_actors`` and has no public reader of them.
            for number, actor in enumerate(list(getattr(agent, "_actors", ()))):
                found.append((f"agent {agent.name}[{number}]", getattr(actor, "it", None)))
        return found

    return coroutines
