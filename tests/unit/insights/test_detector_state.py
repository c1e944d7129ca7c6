"""Detector state across a crash: saved per service, open windows refilled from storage."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace

import pytest

from pipeline.analysis.config import AnalysisConfig
from pipeline.errors import StorageError
from pipeline.insights.detectors import Detectors, NotRestored
from pipeline.state.chunks import ChunkedStates
from storage.errors import DatabaseUnavailable
from storage.rows import LogRow, StoredRecord, TemplateRow
from tests.factories import log_row

T0 = 1_767_225_600.0
CONFIG = AnalysisConfig(
    window_seconds=60,
    allowed_lateness_seconds=10,
    forest_min_windows=10,
    forest_refit_windows=20,
    forest_history_windows=40,
    warmup_windows=5,
    refit_inline=False,
)
SERVICES = ["api", "db", "new-later"]


def row(service: str, ts: float, n: int, level: str = "INFO") -> LogRow:
    tid = "boom" if level == "ERROR" else f"t{n % 3}"
    return log_row(
        service, ts, f"{service}-{n}", level=level, template_id=tid, message=f"{tid} happened {n}"
    )


def traffic(minutes: int) -> list[list[LogRow]]:
    """Batches of about 20 s of records; an error burst in db; a service that starts late."""
    rows: list[LogRow] = []
    n = 0
    for minute in range(minutes):
        for service in SERVICES:
            if service == "new-later" and minute < 25:
                continue
            count = 30 + (minute * 7 + len(service)) % 11
            for i in range(count):
                burst = service == "db" and 40 <= minute < 43 and i % 3 == 0
                ts = T0 + 60 * minute + 60.0 * (i + 0.5) / count
                rows.append(row(service, ts, n, "ERROR" if burst else "INFO"))
                n += 1
    rows.sort(key=lambda r: r.ts)
    batches: list[list[LogRow]] = []
    for r in rows:
        if not batches or r.ts - batches[-1][0].ts >= 20:
            batches.append([])
        batches[-1].append(r)
    return batches


class Store:
    def __init__(self, values: dict[str, bytes] | None = None) -> None:
        self.values = dict(values or {})
        # In order, as they go to the changelog: a killed worker loses a suffix of them.
        self.saves: list[tuple[str, bytes]] = []

    def services(self, partition: int) -> list[str]:
        return list(self.values)

    def load(self, service: str) -> bytes | None:
        return self.values.get(service)

    def save(self, service: str, value: bytes) -> None:
        self.values[service] = value
        self.saves.append((service, value))

    def delete(self, service: str) -> None:
        self.values.pop(service, None)


class Database:
    """What PostgreSQL holds: every row stored so far."""

    def __init__(self) -> None:
        self.rows: list[LogRow] = []

    async def open_records(self, spans: Sequence[tuple[str, float]]) -> list[StoredRecord]:
        since = dict(spans)
        found = [
            StoredRecord(
                r.event_id, r.service, r.ts, r.received_at, r.level, r.message, r.template_id
            )
            for r in self.rows
            if r.service in since and r.ts >= since[r.service]
        ]
        return sorted(found, key=lambda r: r.ts)


class FailsOnce:
    """Open windows read back from ``db``, but the first read fails (PostgreSQL away)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.failed = False

    async def __call__(self, spans: Sequence[tuple[str, float]]) -> list[StoredRecord]:
        if not self.failed:
            self.failed = True
            raise DatabaseUnavailable("open windows unreadable: timeout")
        return await self.db.open_records(spans)


TEMPLATES = [TemplateRow(s, t, t, "INFO") for s in SERVICES for t in ("t0", "t1", "t2", "boom")]


def summaries(messages) -> list[tuple[str, str, int, float]]:
    return [
        (m.service_name, m.id, int(m.body["data"]["volume"]), float(m.body["data"]["score"]))
        for m in messages
        if m.type == "window_summary"
    ]


async def run(detectors: Detectors, batches, db: Database | None, wall: float):
    messages = []
    for batch in batches:
        if db is not None:
            db.rows.extend(batch)
        messages += await detectors.observe(0, batch, TEMPLATES, wall)
    return messages


@pytest.mark.parametrize("cut", [3, 30, 60])  # the send that never returns
async def test_a_worker_killed_while_sending_insights_sends_them_again_after_the_restart(cut: int):
    """Killed with a window's insights handed to Kafka but not acknowledged: its state must not
    say the window closed, or the restart would never send that window."""
    batches = traffic(70)
    wall = T0 + 10**6
    clean = summaries(await run(Detectors(CONFIG), batches, None, wall))
    store, db = Store(), Database()
    sent: list = []
    sending = asyncio.Event()

    async def emit(messages) -> None:
        if any(m.type == "window_summary" for m in messages) and len(sent) >= cut:
            sending.set()
            await asyncio.Event().wait()  # never acknowledged: the kill comes first
        sent.append(list(messages))

    first = Detectors(CONFIG, store=store, open_records=db.open_records, emit=emit)
    before: list = []
    stuck = None
    stuck_in_send = asyncio.ensure_future(sending.wait())
    for i, batch in enumerate(batches):
        db.rows.extend(batch)
        task = asyncio.ensure_future(first.observe(0, batch, TEMPLATES, wall))
        await asyncio.wait([task, stuck_in_send], return_when=asyncio.FIRST_COMPLETED)
        if sending.is_set():
            task.cancel()  # kill -9: nothing after the send runs
            stuck = i
            break
        before += task.result()
    assert stuck is not None
    second = Detectors(CONFIG, store=Store(store.values), open_records=db.open_records)
    again = []
    for batch in batches[stuck : stuck + 1]:
        again += await second.observe(0, batch, TEMPLATES, wall, inserted=set())
    after = await run(second, batches[stuck + 1 :], db, wall)
    combined = summaries(before + again + after)
    assert sorted(set(combined)) == sorted(set(clean))


async def test_insights_a_failed_send_left_go_with_the_next_and_the_state_waits_for_them():
    batches = traffic(8)
    failing = True
    sent: list = []

    async def emit(messages) -> None:
        if failing:
            raise ConnectionError("Kafka away")
        sent.extend(messages)

    store = Store()
    detectors = Detectors(CONFIG, store=store, emit=emit)
    clean = summaries(await run(Detectors(CONFIG), batches, None, T0))
    closing = next(
        i for i, b in enumerate(batches) if b[-1].ts >= T0 + 60 + CONFIG.allowed_lateness_seconds
    )
    for batch in batches[:closing]:
        await detectors.observe(0, batch, TEMPLATES, T0)
    saved = dict(store.values)
    with pytest.raises(ConnectionError):
        await detectors.observe(0, batches[closing], TEMPLATES, T0)
    assert store.values == saved  # nothing says the window closed
    # The idle tick cannot send either: it keeps them and goes on.
    assert await detectors.tick(T0, idle=[0]) == []
    assert store.values == saved
    failing = False
    returned = []
    for batch in batches[closing + 1 :]:
        returned += await detectors.observe(0, batch, TEMPLATES, T0)
    assert summaries(sent) == summaries(returned)
    assert sorted(set(summaries(sent))) == sorted(set(clean))
    assert store.values != saved


async def test_a_restore_whose_open_windows_could_not_be_read_is_made_again_at_the_retry():
    """The new owner's first batch fails while the open windows are read back: the batch is
    retried (its rows stored by then), and the windows still hold every record once."""
    batches = traffic(70)
    wall = T0 + 10**6
    clean = summaries(await run(Detectors(CONFIG), batches, None, wall))
    for cut in (8, 121):
        store, db = Store(), Database()
        before = await run(Detectors(CONFIG, store=store, open_records=db.open_records),
                           batches[:cut], db, wall)  # fmt: skip
        second = Detectors(CONFIG, store=Store(store.values), open_records=FailsOnce(db))
        db.rows.extend(batches[cut])
        with pytest.raises(NotRestored) as failed:
            await second.observe(0, batches[cut], TEMPLATES, wall)
        # Not a StorageError, which the ingest agent takes for a stopping worker.
        assert not isinstance(failed.value, StorageError)
        assert isinstance(failed.value.__cause__, DatabaseUnavailable)
        # The ingest agent stores the batch again: every row was there already.
        again = await second.observe(0, batches[cut], TEMPLATES, wall, inserted=set())
        after = await run(second, batches[cut + 1 :], db, wall)
        assert sorted(set(summaries(before + again + after))) == sorted(set(clean)), cut


async def test_an_idle_tick_whose_restore_fails_says_so_and_the_next_tick_restores():
    batches = traffic(30)
    wall = T0 + 10**6
    store, db = Store(), Database()
    await run(Detectors(CONFIG, store=store, open_records=db.open_records), batches, db, wall)
    second = Detectors(CONFIG, store=Store(store.values), open_records=FailsOnce(db))
    assert await second.tick(wall, [0]) == []
    assert second.live_services() == []  # nothing half restored
    await second.tick(wall, [0])
    assert sorted(second.live_services()) == ["api", "db", "new-later"]


@pytest.mark.parametrize("unseen", [0, 6, 10**6])  # 10**6: all the rest
@pytest.mark.parametrize("kept", [None, 0, 1])  # saves of the last batch kept; None: all
async def test_a_crash_at_any_batch_leaves_the_windows_of_a_run_without_it(
    kept: int | None, unseen: int
):
    """Batch ``cut`` was stored and counted, and of the saves it made only the first ``kept``
    reached the changelog; the ``unseen`` batches after it were stored in PostgreSQL by a
    worker killed before its detectors counted them.

    With some saves kept, the services restore at different points: the horizon from a state
    saved after the batch, others' windows still open from before it. Their records below that
    horizon were once refilled as late, and those windows closed empty (a CI run of 2026-12-06
    flagged a volume drop in four services at the kill point)."""
    batches = traffic(70)
    wall = T0 + 10**6
    clean = summaries(await run(Detectors(CONFIG), batches, None, wall))
    alerts = {m for m in clean if m[3] > 0.45}

    newcomer = next(i for i, b in enumerate(batches) if any(r.service == "new-later" for r in b))
    for cut in (8, newcomer, newcomer + 2, 121, 170):
        store, db = Store(), Database()
        first = Detectors(CONFIG, store=store, open_records=db.open_records)
        before = await run(first, batches[:cut], db, wall)
        survived = Store(store.values)
        db.rows.extend(batches[cut])
        store.saves.clear()
        lost = await first.observe(0, batches[cut], TEMPLATES, wall)
        for service, value in store.saves[:kept]:
            survived.values[service] = value
        if kept != 0:  # sent before the first save (``Detectors._deliver``)
            before += lost
        for batch in batches[cut + 1 : cut + 1 + unseen]:
            db.rows.extend(batch)
        second = Detectors(CONFIG, store=Store(survived.values), open_records=db.open_records)
        # Kafka delivers again what was not committed: PostgreSQL has every row of it.
        again = []
        for batch in batches[cut : cut + 1 + unseen]:
            again += await second.observe(0, batch, TEMPLATES, wall, inserted=set())
        after = await run(second, batches[cut + 1 + unseen :], db, wall)
        combined = summaries(before + again + after)
        # Windows closed twice (saves lost) carry the same id and the same numbers.
        assert sorted(set(combined)) == sorted(set(clean)), cut
        assert len({m[1] for m in combined}) == len(clean)
        assert {m for m in combined if m[3] > 0.45} == alerts


async def test_an_unreadable_state_starts_that_service_afresh_and_is_counted():
    problems: list[str] = []
    store = Store()
    first = Detectors(CONFIG, store=store)
    await run(first, traffic(5), None, T0 + 10**6)
    assert set(store.values) == set(SERVICES) - {"new-later"}
    store.values["db"] = store.values["db"][:40] + b"garbage"
    second = Detectors(CONFIG, store=store, on_state_problem=problems.append)
    await second.observe(0, [row("api", T0 + 400, 10**6)], TEMPLATES, T0 + 10**6)
    engine = second.engine(0)
    assert engine is not None and set(engine.services) == {"api"}
    assert problems == ["unreadable"]


class TableStore(ChunkedStates):
    """The stream's store over a dict, every service in partition 0."""

    def services(self, partition: int) -> list[str]:
        return self.names()


async def test_a_state_split_over_several_records_is_restored_and_a_missing_chunk_counted():
    table: dict[bytes, bytes] = {}
    store = TableStore(table, chunk_bytes=1000)
    await run(Detectors(CONFIG, store=store), traffic(5), None, T0)
    assert any(key.startswith(b"db\x00") for key in table)  # in chunks
    problems: list[str] = []
    restored = Detectors(CONFIG, store=store, on_state_problem=problems.append)
    await restored.observe(0, [row("api", T0 + 400, 10**6)], TEMPLATES, T0 + 10**6)
    engine = restored.engine(0)
    assert engine is not None and set(engine.services) == {"api", "db"}
    assert problems == []

    del table[max(key for key in table if key.startswith(b"db\x00"))]
    again = Detectors(CONFIG, store=store, on_state_problem=problems.append)
    await again.observe(0, [row("api", T0 + 400, 10**6)], TEMPLATES, T0 + 10**6)
    engine = again.engine(0)
    assert engine is not None and set(engine.services) == {"api"}
    assert problems == ["unreadable"]


async def test_a_state_over_the_stores_bound_is_counted_and_not_saved():
    table: dict[bytes, bytes] = {}
    problems: list[str] = []
    detectors = Detectors(
        CONFIG, store=TableStore(table, max_bytes=100), on_state_problem=problems.append
    )
    await detectors.observe(0, traffic(1)[0], TEMPLATES, T0)
    assert table == {}
    assert problems == ["too_large", "too_large"]  # api and db


async def test_states_are_saved_when_a_service_appears_and_when_its_windows_close():
    saves: list[str] = []

    class Recording(Store):
        def save(self, service: str, value: bytes) -> None:
            saves.append(service)
            super().save(service, value)

    detectors = Detectors(CONFIG, store=Recording())
    batches = traffic(3)
    await detectors.observe(0, batches[0], TEMPLATES, T0)
    assert sorted(saves) == ["api", "db"]  # new, though no window closed yet
    saves.clear()
    await detectors.observe(0, batches[1], TEMPLATES, T0)
    assert saves == []  # counted into open windows only
    for batch in batches[2:]:
        await detectors.observe(0, batch, TEMPLATES, T0)
    assert sorted(set(saves)) == ["api", "db"]


def test_restored_state_is_small_enough_for_one_kafka_message():
    async def go() -> int:
        store = Store()
        await run(Detectors(replace(CONFIG, forest_history_windows=720)), traffic(1), None, T0)
        detectors = Detectors(CONFIG, store=store)
        await run(detectors, traffic(80), None, T0)
        return max(len(v) for v in store.values.values())

    assert asyncio.run(go()) < 300_000


async def test_an_evicted_service_loses_its_state_and_its_open_incident_resolves():
    store = Store()
    detectors = Detectors(replace(CONFIG, max_services=3), store=store)
    messages = await run(detectors, traffic(43), None, T0)
    opened = [m for m in messages if m.type == "incident" and m.body["data"]["action"] == "opened"]
    assert any(m.service_name == "db" for m in opened)  # the error burst
    # A fourth service pushes out the least recently seen one: db (the others log later).
    late = [row(s, T0 + 43 * 60 + 1 + i, 10**7 + i) for i, s in enumerate(["api", "new-later"])]
    messages = await detectors.observe(0, late, TEMPLATES, T0)
    messages += await detectors.observe(0, [row("web", T0 + 43 * 60 + 5, 10**8)], TEMPLATES, T0)
    assert "db" not in store.values and "web" in store.values
    resolved = [m for m in messages if m.type == "incident" and m.service_name == "db"]
    assert resolved and all(m.body["data"]["action"] == "resolved" for m in resolved)
    alert = resolved[0].body["outbound"]["message"]
    assert alert["status"] == "resolved" and "left live state" in alert["reason"]


@pytest.mark.parametrize("with_store", [True, False])
async def test_evictions_are_counted_and_nothing_of_an_evicted_service_is_kept(with_store: bool):
    store = Store() if with_store else None
    counted: list[int] = []
    detectors = Detectors(replace(CONFIG, max_services=2), store=store, on_evicted=counted.append)
    names = [f"svc-{i}" for i in range(7)]
    rows = [row(s, T0 + i, i) for i, s in enumerate(names)]
    await detectors.observe(0, rows[:5], [], T0)
    await detectors.observe(0, rows[5:], [], T0)
    assert sum(counted) == 5 and all(n > 0 for n in counted)
    assert detectors.live_services() == ["svc-5", "svc-6"]
    # Nothing of the five evicted ones stays behind, saved or in memory (a flood of distinct
    # names must not grow the worker).
    owned = detectors._partitions[0]
    assert owned.known == {"svc-5", "svc-6"}
    if store is not None:
        assert set(store.values) == {"svc-5", "svc-6"}


class Paused:
    """Open windows read back from ``db`` once ``go`` is set (a slow read, or a slow load)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.reading = asyncio.Event()
        self.go = asyncio.Event()

    async def __call__(self, spans: Sequence[tuple[str, float]]) -> list[StoredRecord]:
        self.reading.set()
        await self.go.wait()
        return await self.db.open_records(spans)


async def test_a_batch_that_comes_while_the_timer_restores_its_partition_is_counted_once():
    """The worker's timer restores a partition as soon as it is assigned; a batch that comes
    meanwhile is stored only after that restore has read the open windows back (the ingest
    agent restores first, and waits for the restore under way), else its records would be
    refilled and then counted again as new."""
    batches = traffic(70)
    wall = T0 + 10**6
    clean = summaries(await run(Detectors(CONFIG), batches, None, wall))
    cut = 121
    store, db = Store(), Database()
    before = await run(Detectors(CONFIG, store=store, open_records=db.open_records),
                       batches[:cut], db, wall)  # fmt: skip
    reader = Paused(db)
    second = Detectors(CONFIG, store=Store(store.values), open_records=reader)
    timer = asyncio.create_task(second.restore([0], wall, quietly=True))
    await reader.reading.wait()

    async def agent() -> list:
        await second.restore([0], wall)  # as ``Ingestor`` does before it stores
        db.rows.extend(batches[cut])
        return await second.observe(0, batches[cut], TEMPLATES, wall)

    batch = asyncio.create_task(agent())
    for _ in range(5):
        await asyncio.sleep(0)
    assert not batch.done()
    reader.go.set()
    await timer
    during = await batch
    after = await run(second, batches[cut + 1 :], db, wall)
    assert sorted(set(summaries(before + during + after))) == sorted(set(clean))
