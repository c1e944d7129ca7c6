"""The live detectors: one analysis engine per Kafka partition, fed stored rows. Pure.

Services are keyed to partitions by the bridge, so one engine per partition sees all of its
services' records in order, and a partition moving to another worker moves whole services.
Windows close on the partition's own clock (``pipeline.analysis.clock``): the largest
min(event time, receive time) seen, advancing with wall-clock time while the partition is idle.
Only rows PostgreSQL reported as newly inserted are fed, so a redelivered record is never counted
twice.

A closed window's insights are sent before the state that records it closed is saved: a worker
killed between the two restores the older state, closes the window again and sends the same
insights (same ids, which storage and the outbound bridge absorb). Saving first would lose them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.analysis.clock import PartitionClock
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine, RefitJob
from pipeline.analysis.events import WindowReport
from pipeline.analysis.levels import LEVEL_CODES, WARNING
from pipeline.analysis.scorers import FastForest
from pipeline.errors import LogAnalysisError, SnapshotError
from pipeline.insights.live import LiveWindow, RecentWindows, from_accumulator
from pipeline.insights.messages import (
    InsightMessage,
    evicted_messages,
    from_report,
    new_pattern,
)
from pipeline.state.chunks import StateTooLarge
from storage.rows import Alias, LogRow, StoredRecord, TemplateRow

log = logging.getLogger(__name__)

RunFit = Callable[[RefitJob], Awaitable[FastForest]]
# The stored records of services from a time on: [(service, since)] -> records by time.
OpenRecords = Callable[[Sequence[tuple[str, float]]], Awaitable[Sequence[StoredRecord]]]
# Sends insights; returns once they are durable (in the stream: Kafka acknowledged them all).
Emit = Callable[[Sequence[InsightMessage]], Awaitable[None]]


class NotRestored(LogAnalysisError):
    """A partition's state could not be restored (its open windows unreadable: PostgreSQL
    away). Not a ``StorageError``: the ingest agent takes those for a stopping worker and
    leaves the batch to the next one, where this batch is to be tried again after a while."""

    def __init__(self, partition: int, cause: Exception) -> None:
        super().__init__(f"partition {partition} not restored: {cause}")
        self.partition = partition


class StateStore(Protocol):
    """Per-service detector state (in the stream: a changelog-backed table)."""

    def services(self, partition: int) -> list[str]:
        """The services of ``partition`` that have a saved state."""
        ...

    def load(self, service: str) -> bytes | None:
        """A service's saved state; ``SnapshotError`` if it cannot be read back whole."""
        ...

    def save(self, service: str, value: bytes) -> None:
        """Replace a service's state; ``StateTooLarge`` (nothing saved) past the store's bound."""
        ...

    def delete(self, service: str) -> None: ...


def _no_problem(reason: str) -> None:
    pass


def _no_count(evicted: int) -> None:
    pass


async def emit_nothing(messages: Sequence[InsightMessage]) -> None:
    return None


# Windows closed, and seconds spent closing or saving them, between two yields to the event
# loop: a tick that closes the windows of thousands of services must not hold every other agent,
# the web server and Faust's timers. A service's first window costs a hundred times a later one
# (it builds the half-space trees), so the count alone does not bound the time.
CLOSE_SLICE = 256
CLOSE_SECONDS = 0.05


async def fit_in_thread(job: RefitJob) -> FastForest:
    return await asyncio.to_thread(job.run)


@dataclass
class _Partition:
    engine: AnalysisEngine
    clock: PartitionClock = field(default_factory=PartitionClock)
    # The ingest agent and the idle-tick timer both drive the engine; never at once.
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    fits: dict[str, asyncio.Future[FastForest]] = field(default_factory=dict)
    restored: bool = False
    # Services whose counting this engine reflects: restored, or fed a newly stored record
    # since. A record PostgreSQL already had is counted only for a service not among them
    # (its batch was stored before a crash, and nothing of the service was saved).
    known: set[str] = field(default_factory=set)
    # The last closed windows of each service, for the HTTP API (``pipeline.insights.live``).
    recent: RecentWindows = field(default_factory=RecentWindows)
    # Insights of closed windows not yet sent (the last send failed), and the services whose
    # state is to be saved once they are: both go with the next send.
    unsent: list[InsightMessage] = field(default_factory=list)
    unsaved: dict[str, None] = field(default_factory=dict)

    def cancel_fits(self) -> None:
        for fit in self.fits.values():
            fit.cancel()
        self.fits.clear()


class Detectors:
    """The engines of the partitions this worker owns.

    Isolation-forest fits run through ``run_fit`` (a thread by default) while the event loop
    goes on; the engine holds a service's next window until its model is installed, so the
    windows score exactly as in an offline run. Closing is paced in slices of at most
    ``close_slice`` windows and ``close_seconds`` seconds, with a yield to the loop between
    them; saving states yields as often. ``on_evicted`` is told how many services an engine
    evicted (the least recently seen, past ``max_services``) each time some were.

    ``emit`` sends the insights of the windows that closed, under the partition's lock and before
    their services' states are saved (see the module's note). When it raises, the insights are
    kept and go first with the partition's next send; the states are saved only after it.
    """

    def __init__(
        self,
        config: AnalysisConfig,
        run_fit: RunFit = fit_in_thread,
        close_slice: int = CLOSE_SLICE,
        close_seconds: float | None = CLOSE_SECONDS,
        store: StateStore | None = None,
        open_records: OpenRecords | None = None,
        on_state_problem: Callable[[str], None] = _no_problem,
        on_evicted: Callable[[int], None] = _no_count,
        emit: Emit = emit_nothing,
    ) -> None:
        self._config = config
        self._emit = emit
        self._run_fit = run_fit
        self._close_slice = close_slice
        self._close_seconds = close_seconds
        self._store = store
        self._open_records = open_records
        self._on_state_problem = on_state_problem
        self._on_evicted = on_evicted
        self._partitions: dict[int, _Partition] = {}

    @property
    def partitions(self) -> list[int]:
        return sorted(self._partitions)

    def engine(self, partition: int) -> AnalysisEngine | None:
        owned = self._partitions.get(partition)
        return None if owned is None else owned.engine

    def live_windows(self, service: str) -> list[LiveWindow] | None:
        """The service's last closed windows and its open ones, oldest first; None when no
        partition of this worker has the service."""
        width = self._config.window_seconds
        for owned in self._partitions.values():
            detector = owned.engine.services.get(service)
            if detector is not None:
                opened = [from_accumulator(acc, width) for _, acc in sorted(detector.open.items())]
                return owned.recent.of(service) + opened
        return None

    def live_services(self) -> list[str]:
        """The services of every partition this worker owns."""
        return [name for owned in self._partitions.values() for name in owned.engine.services]

    def forget(self, partitions: Iterable[int]) -> None:
        """Partitions moved to another worker: their windows go with them."""
        for partition in partitions:
            owned = self._partitions.pop(partition, None)
            if owned is not None:
                owned.cancel_fits()

    async def restore(
        self, partitions: Iterable[int], wall_now: float, *, quietly: bool = False
    ) -> None:
        """Restore those of ``partitions`` not restored yet, closing nothing.

        The ingest agent calls this before it stores a batch of these partitions: a restore
        that read the open windows back while the batch's records were being stored could find
        them there and refill them, and the batch would then count them again as new. (A
        restore of the idle tick takes seconds for thousands of services: a batch stored
        meanwhile was a real chance.) The worker's timer calls it for every partition it owns
        once the tables hold their state, so the live view has a partition's open windows as
        soon as it is assigned, not only once its first records or its idle tick come (a
        partition Faust does not fetch after a rebalance has neither, faust-streaming#629).

        ``quietly``: a partition whose restore fails (PostgreSQL away) is logged and left for
        the next call, instead of raising."""
        for partition in partitions:
            owned = self._partition(partition)
            # Marked restored as its restore begins: one under way holds the lock.
            if owned.restored and not owned.lock.locked():
                continue
            async with owned.lock:
                await self._restored(owned, partition, wall_now, quietly=quietly)

    async def observe(
        self,
        partition: int,
        rows: Sequence[LogRow],
        templates: Sequence[TemplateRow],
        wall_now: float,
        aliases: Sequence[Alias] = (),
        inserted: Container[str] | None = None,
    ) -> list[InsightMessage]:
        """Count stored rows into their windows; send the insights of windows that closed (and
        any a failed send left), then save; returns what was sent.

        ``inserted`` holds the event ids PostgreSQL reported as newly inserted (None: all of
        ``rows`` were): a record stored before is never counted twice. ``aliases`` are the
        batch's template generalisations: the rows carry the new ids, and what the engine
        learned under an old id carries over to the new one first."""
        owned = self._partition(partition)
        texts = {(t.service, t.template_id): t.template for t in templates}
        async with owned.lock:
            await self._restored(owned, partition, wall_now, inserted)
            engine, clock, known = owned.engine, owned.clock, owned.known
            self._install_finished(owned)
            for alias in aliases:
                engine.rename_template(alias.service, alias.old_id, alias.new_id)
            reports: list[WindowReport] = []
            for row in rows:
                mark = clock.observe(row.ts, row.received_at, wall_now)
                stored_before = inserted is not None and row.event_id not in inserted
                if stored_before and row.service in known:
                    # Counted already (before a crash, or refilled at the restore): it only
                    # moves the clock, as it did when it first came.
                    reports.extend(engine.tick(mark))
                else:
                    if not stored_before:
                        known.add(row.service)
                    observed = engine.observe_fields(
                        row.service,
                        row.ts,
                        LEVEL_CODES[row.level],
                        row.message,
                        row.template_id,
                        texts.get((row.service, row.template_id), ""),
                        mark=mark,
                    )
                    reports.extend(observed.reports)
                if engine.behind:
                    reports.extend(await self._catch_up(owned))
            return await self._deliver(owned, reports)

    async def tick(
        self, wall_now: float, idle: Iterable[int], *, at_end: bool = False
    ) -> list[InsightMessage]:
        """Close the windows the clocks of ``idle`` partitions have passed.

        Only partitions with nothing waiting in Kafka, and none held back in RabbitMQ by the
        bridge's backpressure, are idle (the caller decides): a partition whose records are
        held up (a database outage, a slow consumer) must not have its windows closed by the
        wall clock and its records then counted late. A partition the ingest agent is working
        on is skipped: it closes its own windows.

        ``at_end``: the records are all in (a backfill job whose topic was filled before its
        worker started), so an idle partition's clock goes straight to the end of the window
        of its latest record, plus the lateness: that window closes, and no empty window after
        the data does (the wall clock would go on closing them, reporting a silence).

        Sends each partition's insights as :meth:`observe` does and returns them; a partition
        whose send fails keeps them for its next one, and the others go on."""
        messages: list[InsightMessage] = []
        for partition in idle:
            owned = self._partition(partition)
            if owned.lock.locked():
                continue
            async with owned.lock:
                # PostgreSQL away: the next tick restores it.
                if not await self._restored(owned, partition, wall_now, quietly=True):
                    continue
                self._install_finished(owned)
                now = owned.clock.now(wall_now)
                if at_end and owned.clock.mark is not None:
                    now = owned.clock.mark + self._config.window_seconds
                    now += self._config.allowed_lateness_seconds
                reports = owned.engine.tick(now)
                if owned.engine.behind:
                    reports.extend(await self._catch_up(owned))
                try:
                    messages.extend(await self._deliver(owned, reports))
                except Exception as exc:  # Kafka away: kept for the next tick or batch
                    log.warning("detectors: insights of partition %d not sent yet: %r",
                                partition, exc)  # fmt: skip
        return messages

    def _partition(self, partition: int) -> _Partition:
        owned = self._partitions.get(partition)
        if owned is None:
            owned = self._partitions[partition] = _Partition(self._new_engine())
        return owned

    def _new_engine(self) -> AnalysisEngine:
        return AnalysisEngine(self._config, self._close_slice, self._close_seconds)

    # -- state -----------------------------------------------------------------------------

    async def _restored(
        self,
        owned: _Partition,
        partition: int,
        wall_now: float,
        inserted: Container[str] | None = None,
        *,
        quietly: bool = False,
    ) -> bool:
        """Restore ``owned`` unless it is already (the caller holds its lock); True once it
        is. A restore that fails raises ``NotRestored``, or with ``quietly`` is logged and
        gives False."""
        if owned.restored:
            return True
        try:
            await self._restore(owned, partition, wall_now, inserted)
        except Exception as exc:
            if not quietly:
                raise NotRestored(partition, exc) from exc
            log.warning("detectors: partition %d not restored yet: %r", partition, exc)
            return False
        return True

    async def _restore(
        self,
        owned: _Partition,
        partition: int,
        wall_now: float,
        inserted: Container[str] | None = None,
    ) -> None:
        """Load the saved services of a partition this worker just got, then refill their open
        windows from the records PostgreSQL has for them (open windows are not saved), except
        ``inserted`` ones, which the caller is about to count. Records stored before a crash
        and not yet committed in Kafka come again, in order: they move the clock (and close
        windows) as they did the first time, without being counted twice.

        A restore that fails (PostgreSQL away while the open windows are read) leaves the
        partition as if it had never been restored, so the next batch or tick restores it
        again: marked restored with its open windows empty, the records it then got again
        would have passed for counted, and those windows stored short. (Found while looking
        for why a CI run's windows at a rebalance came out empty or short; whether this was
        the cause is not known.)"""
        try:
            await self._load_and_refill(owned, partition, wall_now, inserted)
        except BaseException:
            owned.cancel_fits()
            owned.engine = self._new_engine()
            owned.clock = PartitionClock()
            owned.known.clear()
            owned.restored = False
            raise

    async def _load_and_refill(
        self,
        owned: _Partition,
        partition: int,
        wall_now: float,
        inserted: Container[str] | None,
    ) -> None:
        owned.restored = True
        if self._store is None:
            return
        engine = owned.engine
        marks: list[float] = []
        for service in self._store.services(partition):
            # About 13 ms a service (the half-space trees are replayed): let the loop run.
            await asyncio.sleep(0)
            try:
                value = self._store.load(service)
                if value is None:
                    continue
                name, mark = engine.load_service(value)
            except SnapshotError as exc:
                # That service starts afresh; its next save replaces the bad value.
                log.error("detectors: unreadable state of %r in partition %d: %s",
                          service, partition, exc)  # fmt: skip
                self._on_state_problem("unreadable")
                continue
            owned.known.add(name)
            if mark is not None:
                marks.append(mark)
        engine.added.clear()
        if marks:
            owned.clock.mark = max(marks)
            owned.clock.advanced_at = wall_now
            engine.max_ts = max(engine.max_ts, max(marks))
        if not engine.services or self._open_records is None:
            return
        width = self._config.window_seconds
        spans = [(name, float(svc.closed_until * width)) for name, svc in engine.services.items()]
        refilled = 0
        for i, record in enumerate(await self._open_records(spans)):
            if i % 5000 == 4999:
                await asyncio.sleep(0)
            svc = engine.services.get(record.service)
            if svc is None or (inserted is not None and record.event_id in inserted):
                continue
            refilled += 1
            engine.observe_fields(
                record.service,
                record.ts,
                LEVEL_CODES.get(record.level, 1),
                record.message,
                record.template_id,
                svc.templates.get(record.template_id, ""),
                advance=False,
            )
        log.info(
            "detectors: partition %d restored, %d service(s), %d record(s) of open windows "
            "refilled from %s",
            partition,
            len(engine.services),
            refilled,
            min((since for _, since in spans), default=None),
        )

    async def _deliver(
        self, owned: _Partition, reports: Sequence[WindowReport]
    ) -> list[InsightMessage]:
        """Send the insights of ``reports`` (after those left unsent), then save the states."""
        owned.unsent.extend(self._messages(owned, reports))
        owned.unsaved.update(dict.fromkeys(report.service_name for report in reports))
        sending = list(owned.unsent)
        if sending:
            await self._emit(sending)
            del owned.unsent[: len(sending)]
        await self._save(owned)
        return sending

    async def _save(self, owned: _Partition) -> None:
        """Save the services whose windows closed and the ones new to this engine (on the
        event loop, under the partition's lock: nothing changes the engine meanwhile, though
        the loop runs other work between slices)."""
        engine = owned.engine
        store = self._store
        if engine.evicted_names:
            self._on_evicted(len(engine.evicted_names))
        for name in engine.evicted_names:
            owned.known.discard(name)
            if store is not None:
                store.delete(name)
        engine.evicted_names.clear()
        if store is None:
            engine.added.clear()
            owned.unsaved.clear()
            return
        names = owned.unsaved
        names.update(dict.fromkeys(engine.added))
        owned.unsaved = {}
        engine.added.clear()
        started = time.perf_counter()
        for name in names:
            if self._close_seconds is not None and (
                time.perf_counter() - started >= self._close_seconds
            ):
                await asyncio.sleep(0)
                started = time.perf_counter()
            value = engine.dump_service(name, owned.clock.mark)
            if value is None:
                continue
            try:
                store.save(name, value)
            except StateTooLarge:
                log.error("detectors: state of %r is %d bytes; not saved", name, len(value))
                self._on_state_problem("too_large")

    async def _catch_up(self, owned: _Partition) -> list[WindowReport]:
        """Close everything below the horizon: a slice at a time, waiting for the fits the
        held services need."""
        engine = owned.engine
        reports: list[WindowReport] = []
        while True:
            for job in engine.take_refits():
                owned.fits[job.service] = asyncio.ensure_future(self._run_fit(job))
            self._install_finished(owned)
            if not engine.behind:
                return reports
            closed = engine.resume()
            if closed:
                reports.extend(closed)
                await asyncio.sleep(0)
                continue
            waiting = engine.waiting
            if not waiting:
                continue
            fits = [owned.fits[s] for s in waiting if s in owned.fits]
            for service in waiting - owned.fits.keys():
                # Cannot happen while every job becomes a fit; never hold a service for ever.
                log.error("detectors: %r waits for a fit that was never started", service)
                engine.install_model(service, None)
            if fits:
                await asyncio.wait(fits, return_when=asyncio.FIRST_COMPLETED)

    def _install_finished(self, owned: _Partition) -> None:
        for service, fit in list(owned.fits.items()):
            if not fit.done():
                continue
            del owned.fits[service]
            model: FastForest | None = None
            if fit.cancelled():
                log.warning("detectors: forest fit of %r cancelled; keeping its model", service)
            elif (error := fit.exception()) is not None:
                log.error("detectors: forest fit of %r failed; keeping its model: %r",
                          service, error)  # fmt: skip
            else:
                model = fit.result()
            owned.engine.install_model(service, model)

    def _messages(self, owned: _Partition, reports: Sequence[WindowReport]) -> list[InsightMessage]:
        engine = owned.engine
        messages: list[InsightMessage] = []
        width = self._config.window_seconds
        for service, index, events in engine.evicted_incidents:
            messages.extend(evicted_messages(service, index, width, events))
        engine.evicted_incidents.clear()
        for report in reports:
            owned.recent.add(report)
            alerting = any(e.action == "opened" or e.escalated for e in report.incident_events)
            recommendations: list[dict[str, object]] = []
            if alerting:
                summary = engine.summary(report.service_name) or {}
                recommendations = list(summary.get("recommendation_details", []))
            messages.extend(from_report(report, width, recommendations))
        if len(owned.recent) > len(engine.services):
            owned.recent.keep(engine.services)  # some were evicted
        return messages


# New-pattern insights of one service in one agent batch. A service writing a unique line each
# time (ids the masks do not know) makes a template per line: 100,000 insights for a batch of
# 200,000 such lines took the agent 35 s to emit, and tell a reader nothing the templates table
# does not. The templates themselves are all stored.
NEW_PATTERNS_PER_SERVICE = 50


def new_pattern_messages(
    templates: Iterable[TemplateRow],
    created: set[tuple[str, str]],
    first_seen: float,
    limit_per_service: int = NEW_PATTERNS_PER_SERVICE,
) -> tuple[list[InsightMessage], int]:
    """Templates created in this batch whose first record was WARNING or above, at most
    ``limit_per_service`` of a service; and how many more there were."""
    messages: list[InsightMessage] = []
    per_service: Counter[str] = Counter()
    left_out = 0
    for t in templates:
        if (t.service, t.template_id) not in created or LEVEL_CODES.get(t.level, 0) < WARNING:
            continue
        per_service[t.service] += 1
        if per_service[t.service] > limit_per_service:
            left_out += 1
            continue
        messages.append(new_pattern(t.service, t.template_id, t.template, t.level, first_seen))
    return messages, left_out
