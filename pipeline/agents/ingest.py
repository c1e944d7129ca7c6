"""The ingest agent: logs topic -> templates mined per service -> PostgreSQL, exactly once.

Offsets: the agent takes batches with ``noack_take`` and acks a batch's events only after
PostgreSQL committed it and the miner state it produced was handed to the changelog, so a crash
at any point replays the batch, and storage (keyed by event id, counts from inserted rows only)
absorbs the replay. Nothing in here raises for bad content: unreadable records become dead
letters, rows PostgreSQL refuses are dead-lettered by the sink, and transient database errors
are retried by the sink until the worker stops (then the batch is simply not acked).

Miner state lives in a changelog-backed table keyed by the service's Kafka key, so template ids
survive a restart and follow a service to whichever worker owns its partition; a miner too large
for one Kafka record is split over several (``pipeline.state.chunks``).
"""

from __future__ import annotations

import logging
import time
import zlib
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from prometheus_client import Counter

from pipeline.agents.sequence import OffsetSequence
from pipeline.agents.stopping import Finish, register_two_phase_agent
from pipeline.errors import SnapshotError
from pipeline.ingest import dead_letters
from pipeline.ingest.mining import MinedBatch, mine_batch
from pipeline.ingest.wire import WireRecord, decode_batch
from pipeline.insights.detectors import Detectors, Emit, emit_nothing, new_pattern_messages
from pipeline.metrics import LabelFolder, Metrics
from pipeline.state.chunks import ChunkedStates, StateTooLarge
from pipeline.templates import MinerStats, ServiceMiners
from storage.rows import Alias, DeadLetterRow, LogRow, StoreResult, TemplateRow

log = logging.getLogger(__name__)

STAGE = "ingest"


class Sink(Protocol):
    async def store(
        self, rows: Sequence[LogRow], templates: Sequence[TemplateRow], aliases: Sequence[Alias]
    ) -> StoreResult: ...

    async def store_dead_letters(self, letters: Sequence[DeadLetterRow]) -> int: ...


class StageClock:
    """Adds the seconds since the previous lap to the stage's counter: where a batch's time goes
    (``ingest_stage_seconds_total{stage}``; its rate is the share of wall time per stage)."""

    def __init__(self, counter: Counter, started: float) -> None:
        self._counter = counter
        self._started = self._last = started

    @property
    def elapsed(self) -> float:
        """Seconds from the start to the last lap: the stages' sum, exactly."""
        return self._last - self._started

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self._counter.labels(stage).inc(now - self._last)
        self._last = now


@dataclass(frozen=True, slots=True)
class PreparedBatch:
    """A batch mined and not stored yet (:meth:`Ingestor.prepare`)."""

    ingestor: Ingestor
    mined: MinedBatch
    letters: list[DeadLetterRow]
    partition_of: dict[str, int]
    partitions: frozenset[int]
    prepare_seconds: float

    async def finish(self) -> None:
        """Store the rows and dead letters, run the detectors, emit their insights; returns
        once it is safe to ack the batch."""
        await self.ingestor._finish(self)


class Ingestor:
    def __init__(
        self,
        *,
        miners: ServiceMiners,
        state: ChunkedStates,
        sink: Sink,
        metrics: Metrics,
        service_labels: LabelFolder,
        source: str,
        payload_limit: int,
        detectors: Detectors | None = None,
        emit: Emit = emit_nothing,
        count_every_row: bool = False,
    ) -> None:
        """``count_every_row``: the detectors count every stored row, not only new ones (a
        backfill job's topic holds each record once, and most were stored before)."""
        self._miners = miners
        self._state = state
        self._sink = sink
        self._metrics = metrics
        self._labels = service_labels
        self._source = source
        self._payload_limit = payload_limit
        self._stats = miners.stats
        self._detectors = detectors
        self._emit = emit
        self._count_every_row = count_every_row

    def forget_state(self) -> None:
        """Partitions moved: drop in-memory miners so the table's copy is read again."""
        self._miners.forget_all()

    async def handle(self, values: Sequence[tuple[int, bytes]]) -> None:
        """Store one batch of (partition, Kafka message value); returns once it is safe to ack
        them: rows committed, miner state handed to the changelog, insights acknowledged."""
        await self.prepare(values).finish()

    def prepare(self, values: Sequence[tuple[int, bytes]]) -> PreparedBatch:
        """The batch's CPU work: decode, mine, hand the miners' new state to the changelog.
        Its :meth:`PreparedBatch.finish` stores it; the agent prepares the next batch
        meanwhile. Miner state saved before the rows are stored is safe: the batch is acked only
        after it is stored, and a replay mines to the same template ids."""
        started = time.perf_counter()
        clock = StageClock(self._metrics.ingest_stage_seconds, started)
        records: list[WireRecord] = []
        partition_of: dict[str, int] = {}
        letters: list[DeadLetterRow] = []
        for partition, value in values:
            good, bad = decode_batch(value)
            records.extend(good)
            for wire in good:
                partition_of[wire.record.event_id] = partition
            if bad:
                digest = dead_letters.sha256(value)
                letters.extend(
                    dead_letters.dead_letter(
                        stage=STAGE,
                        reason=item.reason,
                        field=None,
                        source=self._source,
                        position=item.position,
                        message_sha256=digest,
                        payload=item.raw,
                        received_at=time.time(),
                        payload_limit=self._payload_limit,
                    )
                    for item in bad
                )
        clock.lap("decode")
        self._load_miners({wire.record.service_name for wire in records})
        mined = mine_batch(records, self._miners)
        clock.lap("mine")
        for service in self._miners.evicted_names:
            # Out of live state: its saved state goes too, as the detectors' does.
            self._state.delete(service)
        self._miners.evicted_names.clear()
        for service in mined.changed_services:
            self._save_miner(service)
        clock.lap("state")
        partitions = frozenset(partition for partition, _ in values)
        return PreparedBatch(self, mined, letters, partition_of, partitions, clock.elapsed)

    async def _finish(self, batch: PreparedBatch) -> None:
        started = time.perf_counter()
        clock = StageClock(self._metrics.ingest_stage_seconds, started)
        mined = batch.mined
        if self._detectors is not None:
            # Before the store: a restore reading the open windows back must not find this
            # batch's records there (``Detectors.restore``).
            await self._detectors.restore(batch.partitions, time.time())
        result = await self._sink.store(mined.rows, mined.templates, mined.aliases)
        if batch.letters:
            await self._sink.store_dead_letters(batch.letters)
        clock.lap("store")
        if self._detectors is not None:
            # The detectors send their windows' insights themselves, before saving the state
            # that says those windows closed; the batch's new patterns go here.
            await self._detect(result, mined, batch.partition_of, clock)
        seconds = batch.prepare_seconds + clock.elapsed
        self._count(result, batch.letters, mined.new_templates, seconds)

    async def _detect(
        self,
        result: StoreResult,
        mined: MinedBatch,
        partition_of: dict[str, int],
        clock: StageClock,
    ) -> None:
        assert self._detectors is not None
        now = time.time()
        patterns, left_out = new_pattern_messages(mined.templates, mined.created, now)
        if left_out:
            self._metrics.insights_left_out.labels("new_pattern").inc(left_out)
        await self._emit(patterns)
        clock.lap("emit")
        # Every stored row goes to the detectors, which count one PostgreSQL had already only
        # for a service they know nothing of (its batch was stored just before a crash).
        skipped = {row.event_id for row, _ in result.rejected}
        inserted = {row.event_id for row in result.inserted}
        by_partition: dict[int, list[LogRow]] = defaultdict(list)
        for row in mined.rows:
            if row.event_id not in skipped:
                skipped.add(row.event_id)  # a repeat within the batch is one record
                by_partition[partition_of[row.event_id]].append(row)
        for partition, rows in sorted(by_partition.items()):
            await self._detectors.observe(
                partition,
                rows,
                mined.templates,
                now,
                mined.aliases,
                None if self._count_every_row else inserted,
            )
        clock.lap("detect")

    def _load_miners(self, services: set[str]) -> None:
        for service in services:
            if service in self._miners:
                continue
            try:
                saved = self._state.load(service)
                if saved is None:
                    continue
                self._miners.restore_service(zlib.decompress(saved))
            except (SnapshotError, zlib.error) as exc:
                # A state this version cannot read: start the service afresh rather than stall.
                log.error("ingest: miner state of %r unreadable, rebuilding: %s", service, exc)
                self._metrics.miner_bound_hits.labels("unreadable_state").inc()
                self._metrics.state_errors.labels("miner", "unreadable").inc()

    def _save_miner(self, service: str) -> None:
        snapshot = self._miners.snapshot_service(service)
        if snapshot is None:
            return
        value = zlib.compress(snapshot, 1)
        try:
            self._state.save(service, value)
        except StateTooLarge:
            # Not saved: after a restart the service's templates are mined afresh.
            log.error("ingest: miner state of %r is %d bytes; not saved", service, len(value))
            self._metrics.miner_bound_hits.labels("state_too_large").inc()
            self._metrics.state_errors.labels("miner", "too_large").inc()

    def _count(
        self,
        result: StoreResult,
        letters: list[DeadLetterRow],
        new_templates: int,
        seconds: float,
    ) -> None:
        metrics = self._metrics
        metrics.logs_processed.inc(len(result.inserted))
        metrics.patterns_detected.inc(new_templates)
        if result.rejected:
            metrics.logs_failed.labels("storage_rejected").inc(len(result.rejected))
            metrics.dead_letters.labels("storage", "record").inc(len(result.rejected))
        if letters:
            metrics.logs_failed.labels("unreadable_kafka_record").inc(len(letters))
            metrics.dead_letters.labels(STAGE, "record").inc(len(letters))
        metrics.ingest_batch_seconds.observe(seconds)
        stats = self._miners.stats
        for bound, delta in _bound_deltas(self._stats, stats).items():
            metrics.miner_bound_hits.labels(bound).inc(delta)
        self._stats = stats


_BOUNDS = (
    "truncated_messages",
    "truncated_tokens",
    "long_tokens",
    "dropped_parameters",
    "capped_shapes",
    "evicted_templates",
    "evicted_services",
    "evicted_aliases",
)


def _bound_deltas(before: MinerStats, after: MinerStats) -> dict[str, int]:
    old, new = before.as_dict(), after.as_dict()
    return {name: new[name] - old[name] for name in _BOUNDS if new[name] > old[name]}


def register_ingest_agent(
    app: Any,
    topic: Any,
    ingestor: Ingestor,
    batch_messages: int,
    batch_seconds: float,
    on_failure: Callable[[str], None],
    on_skip: Callable[[str], None],
    before_batch: Callable[[], Awaitable[None]],
    on_finished: Callable[[Sequence[Any]], None] | None = None,
    sequence: OffsetSequence | None = None,
) -> Any:
    """``before_batch`` runs before each batch (it readies the producer for the tables'
    writes); ``on_finished`` is given each batch's events once they are stored, counted and
    acked; ``sequence`` holds the offsets the agent expects. A batch is stored while the next
    one is mined (``register_two_phase_agent``)."""

    async def prepare(events: Sequence[Any]) -> Finish:
        await before_batch()
        return ingestor.prepare([(event.message.partition, event.value) for event in events]).finish

    return register_two_phase_agent(
        app,
        topic,
        "ingest",
        prepare,
        batch_messages=batch_messages,
        batch_seconds=batch_seconds,
        on_failure=on_failure,
        on_skip=on_skip,
        on_finished=on_finished,
        sequence=sequence,
    )
