"""A worker of our own over the real stack, with a fresh database and test-only names."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import Any

import aio_pika
import asyncpg
import orjson
import pytest
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from prometheus_client.parser import text_string_to_metric_families

from bridges.queues import declare_queue, persistent_message
from pipeline.analysis.records import parse_record
from storage.migrations import migrate

from ..conftest import BASE
from ..processes import Worker, get_json

# A sample of the worker's /metrics: (name, sorted label pairs) -> value.
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


# Log lines of a worker that place a handoff in time (Faust's and ours).
TIMELINE_MARKS = (
    "[WARNING]",
    "[ERROR]",
    "Joined group",
    "Revoking previously assigned",
    "Setting newly assigned",
    "Wait for streams",
    "restored,",
    "Signal received",
)


class Stream:
    """Starts and stops workers, publishes to the test queue, reads the test database."""

    def __init__(self, env: dict[str, str], database_url: str, log_dir: Path) -> None:
        self.env = env
        self.database_url = database_url
        self.queue = env["LOG_QUEUE"]
        self.rabbitmq_url = env.get("RABBITMQ_URL", BASE.rabbitmq.url)
        self._log_dir = log_dir
        self.workers: list[Worker] = []

    def start(
        self, timeout: float = 90, env: dict[str, str] | None = None, path: str = "/health/ready"
    ) -> Worker:
        """A worker, once ``path`` answers 200 (``/health/`` when a dependency is meant to be
        down)."""
        merged = {**self.env, **(env or {})}
        worker = Worker(
            ["-m", "pipeline", "worker", "--loglevel=info"],
            merged,
            self._log_dir / f"worker-{len(self.workers)}.log",
        )
        self.workers.append(worker)
        url = f"http://127.0.0.1:{merged['WEB_PORT']}{path}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if worker.process.poll() is not None:
                raise AssertionError(f"worker exited:\n{worker.log_text()[-4000:]}")
            try:
                if get_json(url)[0] == 200:
                    return worker
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"worker not ready in {timeout}s:\n{worker.log_text()[-4000:]}")

    async def publish(self, bodies: Sequence[bytes]) -> None:
        connection = await aio_pika.connect_robust(self.rabbitmq_url)
        try:
            channel = await connection.channel(publisher_confirms=True)
            await declare_queue(channel, self.queue)
            exchange = channel.default_exchange
            # Confirmed in windows: many in flight, none lost unnoticed.
            for start in range(0, len(bodies), 200):
                await asyncio.gather(
                    *(
                        exchange.publish(persistent_message(body), routing_key=self.queue)
                        for body in bodies[start : start + 200]
                    )
                )
        finally:
            await connection.close()

    async def fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        connection = await asyncpg.connect(self.database_url)
        try:
            return list(await connection.fetch(query, *args))
        finally:
            await connection.close()

    async def count(self, run: str) -> tuple[int, int]:
        """(rows, distinct sequence numbers) of one run."""
        (row,) = await self.fetch(
            "SELECT count(*) AS n, count(DISTINCT metadata->>'seq') AS seqs FROM logs "
            "WHERE metadata->>'run' = $1",
            run,
        )
        return row["n"], row["seqs"]

    async def wait_for_rows(self, run: str, expected: int, within: float = 60) -> None:
        deadline = time.monotonic() + within
        rows = seqs = 0
        while time.monotonic() < deadline:
            rows, seqs = await self.count(run)
            if seqs >= expected:
                return
            await asyncio.sleep(0.3)
        raise AssertionError(
            f"{seqs}/{expected} records of {run} stored ({rows} rows)\n{await self.diagnosis()}"
        )

    async def diagnosis(self) -> str:
        """Where records that never arrived may be: still queued in RabbitMQ, in Kafka past or
        before the group's committed offsets, or lost in a worker (every worker's log tail)."""
        parts = []
        try:
            connection = await aio_pika.connect_robust(self.rabbitmq_url)
            try:
                channel = await connection.channel()
                queue = await declare_queue(channel, self.queue)
                parts.append(f"queue {self.queue}: {queue.declaration_result.message_count} ready")
            finally:
                await connection.close()
            topic, group = self.env["KAFKA_LOGS_TOPIC"], self.env["LOG_ANALYSIS_APP_ID"]
            admin = AIOKafkaAdminClient(bootstrap_servers=BASE.kafka.bootstrap_servers)
            consumer = AIOKafkaConsumer(bootstrap_servers=BASE.kafka.bootstrap_servers)
            await admin.start()
            await consumer.start()
            try:
                committed = await admin.list_consumer_group_offsets(group)
                count = int(self.env.get("KAFKA_TOPIC_PARTITIONS", "1"))
                partitions = [TopicPartition(topic, p) for p in range(count)]
                ends = await consumer.end_offsets(partitions)
                for tp in partitions:
                    meta = committed.get(tp)
                    parts.append(
                        f"{tp.topic}[{tp.partition}]: end {ends[tp]}, committed "
                        f"{meta.offset if meta is not None else None}"
                    )
            finally:
                await consumer.stop()
                await admin.close()
        except Exception as exc:  # a diagnosis must not hide the failure it explains
            parts.append(f"(diagnosis incomplete: {exc!r})")
        for number, worker in enumerate(self.workers):
            text = worker.log_text()
            parts.append(f"----- worker {number} -----\n{text[-3000:]}")
            # The ingest watchdog's reports in full: where a stalled agent waited.
            for report in text.split("ingest watchdog: stalled")[1:3]:
                parts.append("----- its stall report -----\n" + "\n".join(report.splitlines()[:40]))
        return "\n".join(parts)

    def timeline(self, limit: int = 40) -> str:
        """Each worker's rebalances, restores, waits and warnings, in order: what a run whose
        windows came out wrong did around its handoffs (the logs are gone after a CI run)."""
        parts = []
        for number, worker in enumerate(self.workers):
            lines = [
                line[:300]
                for line in worker.log_text().splitlines()
                if any(mark in line for mark in TIMELINE_MARKS)
            ]
            parts.append(f"----- worker {number} -----\n" + "\n".join(lines[-limit:]))
        return "\n".join(parts)

    async def wait_for_stored(self, at_least: int, within: float = 120) -> None:
        """Until at least ``at_least`` rows are stored (to act while the stream flows)."""
        deadline = time.monotonic() + within
        while (await self.fetch("SELECT count(*) AS n FROM logs"))[0]["n"] < at_least:
            assert time.monotonic() < deadline, f"fewer than {at_least} rows in {within}s"
            await asyncio.sleep(0.05)

    async def wait_for_records(self, items: Sequence[dict[str, Any]], within: float) -> None:
        """Until every record of ``items`` is stored; else say which are not, and whether
        they were dead-lettered."""
        try:
            await self.wait_for("SELECT count(*) FROM logs", len(items), within=within)
        except AssertionError as exc:
            # By content: a derived event id also depends on the record's place in its message.
            def key(service: str, ts: float, message: str) -> tuple[str, int, str]:
                return service, round(ts * 1000), message

            wanted = {}
            for item in items:
                record = parse_record(item, received_at=time.time())
                wanted[key(record.service_name, record.timestamp, record.message)] = item
            rows = await self.fetch(
                "SELECT service_name, extract(epoch FROM ts)::float8 AS ts, message FROM logs"
            )
            stored = {key(r["service_name"], r["ts"], r["message"]) for r in rows}
            missing = [item for k, item in wanted.items() if k not in stored]
            letters = await self.fetch(
                "SELECT stage, reason, count(*) FROM dead_letters GROUP BY 1, 2"
            )
            raise AssertionError(
                f"{exc}; {len(missing)} of {len(wanted)} not stored: {missing[:5]}; "
                f"dead letters: {[tuple(r) for r in letters]}\n{await self.diagnosis()}\n"
                f"timeline:\n{self.timeline()}"
            ) from None

    async def wait_for(self, query: str, expected: Any, within: float = 30) -> None:
        deadline = time.monotonic() + within
        value = None
        while time.monotonic() < deadline:
            value = (await self.fetch(query))[0][0]
            if value == expected:
                return
            await asyncio.sleep(0.3)
        raise AssertionError(f"{query!r} gave {value!r}, expected {expected!r}")

    def samples(self) -> Samples:
        """The last started worker's /metrics now."""
        _, text = get_json(f"http://127.0.0.1:{self.env['WEB_PORT']}/metrics")
        return {
            (sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
        }

    def stop_all(self) -> None:
        for worker in self.workers:
            worker.kill()


def records(run: str, count: int, *, services: int = 3, start: int = 0) -> list[dict[str, Any]]:
    """Records tagged with a run and a sequence number; a tenth without a timestamp, a tenth
    with one far in the future (clamped by the parser), a mix of levels and templates."""
    out = []
    for seq in range(start, start + count):
        record: dict[str, Any] = {
            "service": f"svc-{seq % services}",
            "level": ("INFO", "INFO", "WARNING", "ERROR", "DEBUG")[seq % 5],
            "message": (
                f"user {seq} logged in from 10.0.{seq % 256}.{seq % 7}",
                f"GET /api/orders/{seq} returned 200 in {seq % 90} ms",
                f"cache miss for key order:{seq}",
                f"payment {seq} declined: insufficient funds",
            )[seq % 4],
            "metadata": {"run": run, "seq": seq},
        }
        if seq % 10 == 1:
            pass  # no timestamp: the ingest time is used, the id must not depend on it
        elif seq % 10 == 2:
            record["timestamp"] = time.time() + 86_400 * 365
        else:
            record["timestamp"] = time.time() - 60 + seq % 60
        out.append(record)
    return out


def messages(items: list[dict[str, Any]], per_message: int) -> list[bytes]:
    return [
        orjson.dumps(items[start : start + per_message])
        for start in range(0, len(items), per_message)
    ]


async def topic_records(topic: str, count: int) -> list[ConsumerRecord[bytes, bytes]]:
    """Every record of ``topic`` (``count`` partitions) now, read from the start."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=BASE.kafka.bootstrap_servers, enable_auto_commit=False
    )
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(count)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        starts = await consumer.beginning_offsets(partitions)
        ends = await consumer.end_offsets(partitions)
        found: list[ConsumerRecord[bytes, bytes]] = []
        total = sum(ends[tp] - starts[tp] for tp in partitions)
        async with asyncio.timeout(60):
            while len(found) < total:
                for records in (await consumer.getmany(timeout_ms=1000)).values():
                    found.extend(records)
        return found
    finally:
        await consumer.stop()


@pytest.fixture
async def stream_database(fresh_database: str) -> AsyncIterator[str]:
    await migrate(fresh_database, BASE.sql_dir)
    yield fresh_database


@pytest.fixture
def stream(service_env: dict[str, str], stream_database: str, tmp_path: Path) -> Iterator[Stream]:
    env = {
        **service_env,
        "DATABASE_URL": stream_database,
        "BRIDGE_LINGER_MS": "20",
        "INGEST_BATCH_WAIT_MS": "100",
        "KAFKA_SESSION_TIMEOUT_SECONDS": "6",
        # A stall is reported (where the agent waits) well inside any test's wait, so a stream
        # test that fails for one carries the report in its diagnosis.
        "INGEST_STALL_SECONDS": "15",
    }
    harness = Stream(env, stream_database, tmp_path)
    try:
        yield harness
    finally:
        harness.stop_all()
