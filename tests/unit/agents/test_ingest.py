"""The ingest agent's logic with a fake sink and a dict for the changelog table."""

from __future__ import annotations

import asyncio
import random
import zlib
from collections.abc import Sequence

import pytest
from prometheus_client import CollectorRegistry

from pipeline.agents.ingest import Ingestor
from pipeline.agents.stopping import until_done
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.records import parse_record
from pipeline.ingest.wire import encode_record, join_records, service_key
from pipeline.insights.detectors import Detectors
from pipeline.metrics import LabelFolder, Metrics
from pipeline.state.chunks import ChunkedStates
from pipeline.templates import ServiceMiners
from pipeline.templates.ids import template_id
from storage.errors import DatabaseUnavailable
from storage.rows import Alias, DeadLetterRow, LogRow, StoredRecord, StoreResult, TemplateRow
from tests.factories import log_row


class FakeSink:
    def __init__(self) -> None:
        self.rows: dict[str, LogRow] = {}
        self.letters: list[DeadLetterRow] = []
        self.aliases: list[Alias] = []

    async def store(
        self, rows: Sequence[LogRow], templates: Sequence[TemplateRow], aliases: Sequence[Alias]
    ) -> StoreResult:
        inserted = tuple(row for row in rows if row.event_id not in self.rows)
        self.rows.update((row.event_id, row) for row in inserted)
        self.aliases.extend(aliases)
        return StoreResult(inserted=inserted, rejected=())

    async def store_dead_letters(self, letters: Sequence[DeadLetterRow]) -> int:
        self.letters.extend(letters)
        return len(letters)


def value(service: str, *messages_: str) -> bytes:
    encoded = [
        encode_record(
            parse_record({"service": service, "message": text, "ts": 1e9}, position=i), 1e9
        )
        for i, text in enumerate(messages_)
    ]
    return join_records(encoded)


def ingestor(
    state: dict[bytes, bytes], sink: FakeSink, detectors: Detectors | None = None, **limits: int
) -> tuple[Ingestor, CollectorRegistry]:
    """``limits``: the state store's ``chunk_bytes`` and ``max_bytes``."""
    registry = CollectorRegistry()
    return (
        Ingestor(
            miners=ServiceMiners(),
            state=ChunkedStates(state, **limits),
            sink=sink,
            metrics=Metrics.create(registry),
            service_labels=LabelFolder(10),
            source="logs",
            payload_limit=100,
            detectors=detectors,
        ),
        registry,
    )


async def test_stores_rows_and_saves_the_miner_only_when_templates_change():
    state: dict[bytes, bytes] = {}
    sink = FakeSink()
    agent, registry = ingestor(state, sink)
    await agent.handle([(0, value("api", "user 1 logged in", "user 2 logged in"))])
    assert len(sink.rows) == 2
    saved = state[service_key("api")]
    assert b"logged in" in zlib.decompress(ChunkedStates(state).load("api") or b"")
    await agent.handle([(0, value("api", "user 3 logged in"))])
    assert state[service_key("api")] is saved  # nothing new: no changelog write
    assert registry.get_sample_value("logs_processed_total") == 3
    assert registry.get_sample_value("patterns_detected_total") == 1


async def test_a_new_worker_continues_from_the_saved_miner():
    state: dict[bytes, bytes] = {}
    first, _ = ingestor(state, FakeSink())
    for word in ("up", "down", "flapping"):
        await first.handle([(0, value("api", f"Link {word}"))])
    sink = FakeSink()
    second, _ = ingestor(state, sink)
    await second.handle([(0, value("api", "Link dormant"))])
    (row,) = sink.rows.values()
    restored = ServiceMiners()
    restored.restore_service(zlib.decompress(ChunkedStates(state).load("api") or b""))
    assert row.template_id in restored.templates("api")


def words(seed: int, count: int) -> list[str]:
    """Distinct plain words (letters only: nothing a mask would take for a value)."""
    rng = random.Random(seed)
    return ["".join(rng.choice("ghijklmnopqrstuvwxyz") for _ in range(8)) for _ in range(count)]


async def test_a_miner_larger_than_one_record_is_saved_in_chunks_and_restored():
    state: dict[bytes, bytes] = {}
    first, _ = ingestor(state, FakeSink(), chunk_bytes=2000)
    # Templates generalised by three values in one place: only the saved miner knows them.
    stems = [" ".join(words(n, 12)) for n in range(40)]
    for value_ in ("alpha", "beta", "gamma"):
        await first.handle([(0, value("api", *(f"{stem} {value_}" for stem in stems)))])
    assert any(key.startswith(b"api\x00") for key in state)
    sink = FakeSink()
    second, registry = ingestor(state, sink, chunk_bytes=2000)
    await second.handle([(0, value("api", *(f"{stem} delta" for stem in stems)))])
    ids = {row.template_id for row in sink.rows.values()}
    assert ids == {template_id("api", f"{stem} <*>") for stem in stems}
    assert registry.get_sample_value("patterns_detected_total") == 0


async def test_a_miner_over_the_bound_is_counted_and_not_saved():
    state: dict[bytes, bytes] = {}
    agent, registry = ingestor(state, FakeSink(), max_bytes=50)
    await agent.handle([(0, value("api", " ".join(words(1, 40))))])
    assert state == {}
    assert (
        registry.get_sample_value("template_miner_bound_hits_total", {"bound": "state_too_large"})
        == 1
    )
    assert (
        registry.get_sample_value(
            "service_state_errors_total", {"table": "miner", "reason": "too_large"}
        )
        == 1
    )


async def test_unreadable_kafka_records_become_dead_letters_and_the_rest_is_stored():
    sink = FakeSink()
    agent, registry = ingestor({}, sink)
    good = value("api", "fine")
    await agent.handle([(0, good), (1, b"garbage"), (0, good.replace(b'"INFO"', b'"LOUD"'))])
    assert len(sink.rows) == 1
    assert [(letter.stage, letter.position) for letter in sink.letters] == [
        ("ingest", -1),
        ("ingest", 0),
    ]
    assert (
        registry.get_sample_value("dead_letters_total", {"stage": "ingest", "reason": "record"})
        == 2
    )


async def test_unreadable_saved_state_rebuilds_the_service_instead_of_stalling():
    state = {service_key("api"): b"not zlib"}
    sink = FakeSink()
    agent, registry = ingestor(state, sink)
    await agent.handle([(0, value("api", "hello"))])
    assert len(sink.rows) == 1
    assert (
        registry.get_sample_value("template_miner_bound_hits_total", {"bound": "unreadable_state"})
        == 1
    )


async def test_a_miner_evicted_from_live_state_loses_its_saved_state_too():
    from pipeline.templates import MinerConfig

    state: dict[bytes, bytes] = {}
    agent, _ = ingestor(state, FakeSink())
    agent._miners = ServiceMiners(MinerConfig(max_services=2))
    for service in ("a", "b", "c"):
        await agent.handle([(0, value(service, f"{service} started"))])
    assert set(state) == {service_key("b"), service_key("c")}


async def test_each_batch_stage_adds_its_seconds():
    class SlowSink(FakeSink):
        async def store(
            self,
            rows: Sequence[LogRow],
            templates: Sequence[TemplateRow],
            aliases: Sequence[Alias],
        ) -> StoreResult:
            await asyncio.sleep(0.05)
            return await super().store(rows, templates, aliases)

    agent, registry = ingestor({}, SlowSink())
    await agent.handle([(0, value("api", "user 1 logged in", "user 2 logged in"))])

    def seconds(stage: str) -> float:
        return registry.get_sample_value("ingest_stage_seconds_total", {"stage": stage}) or 0.0

    assert seconds("store") >= 0.05
    assert 0 < seconds("decode") < 0.05 and 0 < seconds("mine") < 0.05
    total = sum(seconds(s) for s in ("decode", "mine", "store", "state", "detect", "emit"))
    assert total == pytest.approx(registry.get_sample_value("ingest_batch_seconds_sum"), rel=0.05)


async def test_prepare_mines_and_saves_the_miner_and_only_finish_stores():
    state: dict[bytes, bytes] = {}
    sink = FakeSink()
    agent, _ = ingestor(state, sink)
    prepared = agent.prepare([(0, value("api", "user 1 logged in", "user 2 logged in"))])
    assert sink.rows == {}
    assert b"logged in" in zlib.decompress(ChunkedStates(state).load("api") or b"")
    # The next batch is mined before the first is stored, as the agent does.
    following = agent.prepare([(0, value("api", "user 3 logged in"))])
    await prepared.finish()
    assert len(sink.rows) == 2
    await following.finish()
    assert len(sink.rows) == 3
    assert len({row.template_id for row in sink.rows.values()}) == 1


class TableStore:
    """The detectors' state table over a dict, one partition."""

    def __init__(self, values: dict[bytes, bytes]) -> None:
        self._states = ChunkedStates(values)

    def services(self, partition: int) -> list[str]:
        return self._states.names()

    def load(self, service: str) -> bytes | None:
        return self._states.load(service)

    def save(self, service: str, value: bytes) -> None:
        self._states.save(service, value)

    def delete(self, service: str) -> None:
        self._states.delete(service)


DETECTING = AnalysisConfig(window_seconds=60, allowed_lateness_seconds=10)


async def saved_detector_state() -> dict[bytes, bytes]:
    """The detectors' table after an earlier worker counted one record of ``api``."""
    saved: dict[bytes, bytes] = {}
    await Detectors(DETECTING, store=TableStore(saved)).observe(
        0, [log_row("api", 1e9 - 30, "e-0")], [], 1e9
    )
    assert TableStore(saved).services(0) == ["api"]
    return saved


async def test_a_partition_is_restored_before_its_first_batch_is_stored():
    """Its open windows are read back before the batch's records are in PostgreSQL: read
    after, they would be refilled and then counted again as new."""
    saved = await saved_detector_state()

    sink = FakeSink()
    stored_when_read: list[int] = []

    async def open_records(spans: Sequence[tuple[str, float]]) -> list[StoredRecord]:
        stored_when_read.append(len(sink.rows))
        return []

    detectors = Detectors(DETECTING, store=TableStore(saved), open_records=open_records)
    agent, _ = ingestor({}, sink, detectors)
    await agent.prepare([(0, value("api", "user 1 logged in", "user 2 logged in"))]).finish()
    assert stored_when_read == [0]
    assert len(sink.rows) == 2


async def test_a_batch_whose_partition_cannot_be_restored_yet_is_tried_again_not_given_up():
    """PostgreSQL away while the open windows are read back: the agent tries the batch again
    until it can (a CI run: taken for a stopping worker, the batch was left unacked and its
    partition stalled)."""
    saved = await saved_detector_state()
    reads = 0

    async def open_records(spans: Sequence[tuple[str, float]]) -> list[StoredRecord]:
        nonlocal reads
        reads += 1
        if reads < 3:
            raise DatabaseUnavailable("open windows unreadable: connection refused")
        return []

    sink = FakeSink()
    detectors = Detectors(DETECTING, store=TableStore(saved), open_records=open_records)
    agent, _ = ingestor({}, sink, detectors)
    prepared = agent.prepare([(0, value("api", "user 1 logged in"))])
    failures: list[str] = []

    async def no_wait(seconds: float) -> None:
        return None

    done = await until_done(
        prepared.finish,
        name="ingest",
        sleep=no_wait,
        stopping=lambda: False,
        on_failure=failures.append,
    )
    assert done and reads == 3 and failures == ["ingest", "ingest"]
    assert len(sink.rows) == 1
