"""Ceilings: what each component of the stack allows alone on this machine.

docs/performance.md shows the end-to-end rates; this script measures, beside them, what each
piece does on its own, with nothing downstream of it: RabbitMQ (publish with confirms, consume
with acks), Kafka (produce with acks=all, consume), a Faust agent that only counts events,
PostgreSQL (COPY; the ingest sink's own SQL; ``LogSink.store``), and our pure code paths on one
core (the bridge's ``intake``, the agent's ``decode_batch`` and ``mine_batch``, and a floor of
orjson + one regex + a dict lookup).

Run (the local stack of ``make up``; URLs and names from ``load_settings``)::

    LOG_ANALYSIS_ENV=development .venv/bin/python tests/bench/bench_ceiling.py \\
        [--quick] [--seconds S] [--markdown] [--json-out FILE] [--sections rabbitmq,kafka,...]

One JSON line per row on stdout as it is measured, then a Markdown table (stderr, or stdout with
``--markdown``). The default run takes about 2 minutes, ``--quick`` about 30 seconds.

How to read the rows:

- Workload: records from ``pipeline.client.records_generator`` as ``python -m pipeline bench``
  makes them (10 services), about 260 bytes of client JSON each and about 245 bytes as a Kafka
  wire record; every row names its records per message or batch.
- One run per row, bounded by ``--seconds`` of timed work (6 by default, 1.2 with ``--quick``)
  and by a size cap; the warm-up each row names is outside the clock. ``rate`` is wall-clock.
- "one core" rows run our code in this process, on one thread. The broker and database rows use
  their servers too, on the same machine (loopback).
- Disturbance is measured, not avoided: per row, ``own_cpu_s`` is this process's CPU time,
  ``other_cpu_s`` every other process's on all CPUs (the row's broker or database included:
  for a one-core row it is pure disturbance), ``workers_cpu_s`` the part of it the service's
  ``pipeline worker`` processes used (they are left running), ``steal_s`` the CPU time the
  hypervisor took from this VM. On 2 cores whatever else runs takes from the component.
  ``per_own_cpu_s`` (n per CPU second of this process) is, for a one-core row, its rate on a
  core of its own, and for a broker or database row what the client side alone would allow.

Everything is created under names of its own and removed at the end, even after a failure,
Ctrl-C or SIGTERM: the
RabbitMQ queues ``ceiling-<hex>-1`` and ``-100``, the Kafka topics ``ceiling-<hex>-*`` (4
partitions, with the Faust apps' leader topics and consumer groups) and the PostgreSQL database
``ceiling_<hex>`` (migrated with ``sql/migrations``). The service's queues, topics and tables are
never touched.

The Faust rows start a minimal ``faust.App`` in this process (its own id, ``store="memory://"``,
web off, raw serializers) whose one agent only counts; it reads the topic the Kafka produce row
filled just before, so every event is there before the app starts and nothing else runs in the
process meanwhile. Start-up and partition assignment are outside the clock.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import platform
import re
import signal
import sys
import tempfile
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import aio_pika
import aiokafka
import asyncpg
import faust
import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.protocol.admin import DeleteGroupsRequest

from bridges.partitioning import ServicePartitioner
from bridges.queues import declare_queue
from pipeline.client.publisher import open_publisher
from pipeline.client.records_generator import encode_messages, generate_records
from pipeline.ingest.intake import Accepted, IntakeLimits, intake
from pipeline.ingest.mining import MinedBatch, mine_batch
from pipeline.ingest.wire import WireRecord, decode_batch, join_records
from pipeline.settings import Settings, load_settings
from pipeline.templates import ServiceMiners
from pipeline.templates.masking import BUILTIN_MASKS
from pipeline.wiring import miner_config
from storage.database import Database
from storage.day_partitions import DayPartitions, day_of
from storage.log_sink import STAGING_COLUMNS, LogSink, copy_record
from storage.migrations import migrate
from storage.queries import load_queries
from storage.rows import LogRow

T = TypeVar("T")
R = TypeVar("R")

SECTIONS = ("rabbitmq", "kafka", "postgres")  # the one-core rows always run: they make the data
SERVICES = 10
PARTITIONS = 4
PG_BATCH_ROWS = 10_000
# A Drain3-like mask set for a floor row: few alternatives, no look-around but \b.
SIMPLE_MASKS: tuple[tuple[str, str], ...] = (
    ("uuid", r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"),
    ("ipv4", r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"),
    ("hex", r"\b(?:0x)?[0-9a-fA-F]{12,}\b"),
    ("number", r"\b\d+(?:\.\d+)?\b"),
)
# A logged table shaped like the staging table, without any index: COPY's own ceiling.
COPY_TABLE_DDL = """
CREATE TABLE ceiling_copy (
    event_id text, service_name text, log_level text, ts double precision, message text,
    template_id text, host text, trace_id text, metadata jsonb, received_at double precision,
    clamped boolean, truncated boolean, sanitized boolean
)
"""


# -- the machine: time, our CPU and everyone else's ------------------------------------------


@dataclass(frozen=True)
class Span:
    """What a stretch of time cost (seconds)."""

    wall: float
    own_cpu: float  # this process, user + system
    other_cpu: float  # every other process and the kernel, all CPUs together
    steal: float  # taken from this VM by its hypervisor, all CPUs together
    workers_cpu: float  # the service's `pipeline worker` processes (part of other_cpu)


NOTHING = Span(0.0, 0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Reading:
    """Counters at one instant (seconds)."""

    wall: float
    own_cpu: float
    busy: float  # the machine's busy CPU time: user, nice, system, irq, softirq
    steal: float
    workers: dict[int, float]  # CPU time of each `pipeline worker` process by pid

    def since(self, start: Reading) -> Span:
        # A worker first seen now started during the span: all its CPU time is the span's.
        workers = sum(cpu - start.workers.get(pid, 0.0) for pid, cpu in self.workers.items())
        own = self.own_cpu - start.own_cpu
        return Span(
            self.wall - start.wall,
            own,
            max(self.busy - start.busy - own, 0.0),
            self.steal - start.steal,
            workers,
        )


def service_workers(own_pid: int, proc: Path = Path("/proc")) -> list[int]:
    """Pids of ``pipeline worker`` processes (the service) other than ``own_pid``."""
    pids = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == own_pid:
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(a == b"pipeline" and b == b"worker" for a, b in itertools.pairwise(argv)):
            pids.append(int(entry.name))
    return sorted(pids)


def process_ticks(stat: str) -> int:
    """User + system clock ticks from the text of ``/proc/<pid>/stat``."""
    fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces and parentheses
    return int(fields[11]) + int(fields[12])


def machine_ticks(stat: str) -> tuple[int, int]:
    """(busy, stolen) clock ticks of all CPUs from the text of ``/proc/stat``."""
    label, *values = stat.split("\n", 1)[0].split()
    if label != "cpu":
        raise ValueError("no cpu line first in /proc/stat")
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, values[:8])
    return user + nice + system + irq + softirq, steal


class Machine:
    """Reads the counters of :class:`Reading`; spans come from :meth:`watch`."""

    def __init__(self, proc: Path = Path("/proc")) -> None:
        self._proc = proc
        self._tick = float(os.sysconf("SC_CLK_TCK"))
        self.seen_workers: set[int] = set()

    def read(self) -> Reading:
        wall, own = time.perf_counter(), time.process_time()  # first: the rest takes a while
        busy, steal = machine_ticks((self._proc / "stat").read_text())
        workers = {}
        for pid in service_workers(os.getpid(), self._proc):
            with contextlib.suppress(OSError, IndexError, ValueError):
                workers[pid] = process_ticks((self._proc / str(pid) / "stat").read_text())
        self.seen_workers.update(workers)
        return Reading(
            wall,
            own,
            busy / self._tick,
            steal / self._tick,
            {pid: ticks / self._tick for pid, ticks in workers.items()},
        )

    def watch(self) -> Stopwatch:
        return Stopwatch(self.read)


class Stopwatch:
    """Started on creation; ``elapsed`` is cheap (wall only), ``stop`` reads every counter."""

    def __init__(
        self, read: Callable[[], Reading], clock: Callable[[], float] = time.perf_counter
    ) -> None:
        self._read = read
        self._clock = clock
        self._start = read()
        self._started = clock()

    def elapsed(self) -> float:
        return self._clock() - self._started

    def stop(self) -> Span:
        return self._read().since(self._start)


Watch = Callable[[], Stopwatch]


# -- what a row is and how the rows are shown --------------------------------------------------


@dataclass(frozen=True)
class Measurement:
    component: str
    workload: str
    unit: str
    rate: float
    seconds: float
    n: int
    # What the timed part cost: this process's CPU, every other process's (brokers and
    # database included), the service's workers' among those, and CPU the hypervisor took.
    own_cpu_s: float = 0.0
    other_cpu_s: float = 0.0
    workers_cpu_s: float = 0.0
    steal_s: float = 0.0
    # n per CPU second of this process: for a one-core row, the rate on a core of its own;
    # for a broker or database row, what the client side alone would allow.
    per_own_cpu_s: float = 0.0

    def line(self) -> str:
        return orjson.dumps(asdict(self)).decode()


def measured(component: str, workload: str, unit: str, n: int, span: Span) -> Measurement:
    """A row whose rate is ``n / span.wall`` (0 when nothing was timed)."""
    rate = n / span.wall if span.wall > 0 and n > 0 else 0.0
    per_cpu = n / span.own_cpu if span.own_cpu > 0 and n > 0 else 0.0
    return Measurement(
        component,
        workload,
        unit,
        round(rate, 1),
        round(span.wall, 3),
        n,
        round(span.own_cpu, 2),
        round(span.other_cpu, 2),
        round(span.workers_cpu, 2),
        round(span.steal, 2),
        round(per_cpu, 1),
    )


def markdown_table(rows: Sequence[Measurement], heading: str) -> str:
    lines = [
        heading,
        "",
        "| component alone | workload | rate | n | s | CPU s: own / others (workers) / stolen "
        "| n per own CPU s |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.component} | {row.workload} | {row.rate:,.0f} {row.unit} | {row.n:,} "
            f"| {row.seconds:.2f} | {row.own_cpu_s:.1f} / {row.other_cpu_s:.1f} "
            f"({row.workers_cpu_s:.1f}) / {row.steal_s:.1f} | {row.per_own_cpu_s:,.0f} |"
        )
    return "\n".join(lines)


class Report:
    """The rows so far; each is printed as one JSON line when added."""

    def __init__(self) -> None:
        self.rows: list[Measurement] = []

    def add(self, component: str, workload: str, unit: str, n: int, span: Span) -> None:
        row = measured(component, workload, unit, n, span)
        self.rows.append(row)
        print(row.line(), flush=True)


@dataclass(frozen=True)
class Budget:
    """Bounds of one run: timed seconds per row and size caps (memory, disk, broker load)."""

    seconds: float
    records: int  # the pool of generated records every row draws from
    rabbit_single: int  # most messages a RabbitMQ publish row sends
    rabbit_hundred: int
    kafka_single: int  # most messages a Kafka produce row sends
    kafka_hundred: int
    faust_wait: float = 45.0  # the longest a Faust app may take to start and be assigned

    @classmethod
    def default(cls, seconds: float | None = None) -> Budget:
        return cls(seconds or 6.0, 250_000, 60_000, 6_000, 600_000, 12_000)

    @classmethod
    def quick(cls, seconds: float | None = None) -> Budget:
        return cls(seconds or 1.2, 40_000, 10_000, 1_500, 60_000, 3_000)


# -- the workload ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WireMessage:
    """A Kafka message of the logs topic as the bridge makes it: records of one partition."""

    partition: int
    value: bytes
    records: int


@dataclass
class Pool:
    """The records every row draws from, in each form a component takes them."""

    singles: list[bytes]  # client messages of one record (a JSON array of one)
    hundreds: list[bytes]  # client messages of 100 records
    accepted: list[Accepted] = field(default_factory=list)
    wire_singles: list[WireMessage] = field(default_factory=list)
    wire_hundreds: list[WireMessage] = field(default_factory=list)
    mined: list[MinedBatch] = field(default_factory=list)

    @property
    def client_record_bytes(self) -> float:
        return sum(map(len, self.singles)) / max(len(self.singles), 1) - 2  # without [ and ]

    @property
    def wire_record_bytes(self) -> float:
        return sum(len(a.encoded) for a in self.accepted) / max(len(self.accepted), 1)


def make_pool(count: int, run_id: str) -> Pool:
    records = list(generate_records(count, services=SERVICES, run_id=run_id))
    singles = [body for body, _ in encode_messages(records, 1)]
    hundreds = [body for body, _ in encode_messages(records, 100)]
    return Pool(singles, hundreds)


def wire_messages(
    accepted: Iterable[Accepted], partition_of: Callable[[str], int], per_message: int
) -> list[WireMessage]:
    """Records grouped into Kafka messages of ``per_message`` records of one partition each, in
    the order they came (the bridge groups by partition across services, but closes a message
    on size or linger rather than on a count)."""
    pending: dict[int, list[bytes]] = {}
    messages = []
    for record in accepted:
        partition = partition_of(record.service)
        group = pending.setdefault(partition, [])
        group.append(record.encoded)
        if len(group) == per_message:
            messages.append(WireMessage(partition, join_records(group), len(group)))
            pending[partition] = []
    messages.extend(
        WireMessage(partition, join_records(group), len(group))
        for partition, group in sorted(pending.items())
        if group
    )
    return messages


def timed_prefix(
    items: Sequence[T],
    work: Callable[[T], R],
    weight: Callable[[R], int],
    *,
    warm: int,
    seconds: float,
    watch: Watch,
) -> tuple[list[R], int, Span]:
    """``work`` on every item; the clock runs from item ``warm`` until ``seconds`` passed.

    Returns every result, the units (``weight``) of the timed items and their span.
    """
    results: list[R] = []
    units = 0
    stopwatch: Stopwatch | None = None
    span: Span | None = None
    for index, item in enumerate(items):
        if index == warm:
            stopwatch = watch()
        result = work(item)
        results.append(result)
        if stopwatch is not None and span is None:
            units += weight(result)
            if stopwatch.elapsed() >= seconds:
                span = stopwatch.stop()
    if span is None:
        span = stopwatch.stop() if stopwatch is not None else NOTHING
    return results, units, span


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


@dataclass
class Bench:
    """What every section needs."""

    settings: Settings
    budget: Budget
    machine: Machine
    report: Report
    pool: Pool
    suffix: str  # names: queues and topics ceiling-<suffix>-*, database ceiling_<suffix>

    @property
    def prefix(self) -> str:
        return f"ceiling-{self.suffix}"


# -- our own code and a floor, on one core ------------------------------------------------------


def combined(masks: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in masks))


def floor_row(bench: Bench, masks: re.Pattern[str], named: str) -> None:
    """orjson parse + one combined regex over the message + a dict lookup: the least work a
    record could cost (no validation, ids, tokens, clustering)."""
    seen: dict[str, int] = {}

    def work(body: bytes) -> int:
        record = orjson.loads(body)[0]
        seen.setdefault(masks.sub("<*>", record["message"]), len(seen))
        return 1

    pool = bench.pool
    _, n, span = timed_prefix(
        pool.singles, work, int, warm=1000, seconds=bench.budget.seconds, watch=bench.machine.watch
    )
    bench.report.add(
        f"floor: orjson.loads + one regex ({named}) + dict lookup (one core)",
        f"1 record at a time (~{pool.client_record_bytes:.0f} B JSON); {len(seen):,} distinct "
        "masked texts; warm-up 1,000 records",
        "records/s",
        n,
        span,
    )


def intake_row(bench: Bench) -> None:
    """The bridge's ``intake`` of 100-record messages; fills ``pool.accepted``."""
    ingest = bench.settings.ingest
    limits = IntakeLimits(
        max_message_bytes=ingest.max_message_bytes,
        max_future_seconds=float(bench.settings.analysis.max_future_seconds),
        dead_letter_payload_bytes=ingest.dead_letter_payload_bytes,
    )

    def work(body: bytes) -> list[Accepted]:
        return intake(body, source="ceiling", received_at=time.time(), limits=limits).accepted

    pool = bench.pool
    results, n, span = timed_prefix(
        pool.hundreds, work, len, warm=20, seconds=bench.budget.seconds, watch=bench.machine.watch
    )
    pool.accepted = [record for accepted in results for record in accepted]
    bench.report.add(
        "bridge: pipeline.ingest.intake.intake (one core)",
        "RabbitMQ messages of 100 records; warm-up 20 messages",
        "records/s",
        n,
        span,
    )


def decode_row(bench: Bench) -> list[list[WireRecord]]:
    """The agent's ``decode_batch`` of 100-record Kafka messages; makes the pool's wire
    messages and returns every message decoded."""
    pool = bench.pool
    partitioner = ServicePartitioner(PARTITIONS)
    pool.wire_hundreds = wire_messages(pool.accepted, partitioner, 100)
    pool.wire_singles = wire_messages(pool.accepted, partitioner, 1)
    decoded, n, span = timed_prefix(
        [m.value for m in pool.wire_hundreds],
        lambda value: decode_batch(value)[0],
        len,
        warm=20,
        seconds=bench.budget.seconds,
        watch=bench.machine.watch,
    )
    bench.report.add(
        "agent: pipeline.ingest.wire.decode_batch (one core)",
        f"Kafka messages of 100 records (~{pool.wire_record_bytes:.0f} B each); "
        "warm-up 20 messages",
        "records/s",
        n,
        span,
    )
    return decoded


def mine_row(bench: Bench, decoded: list[list[WireRecord]]) -> None:
    """``mine_batch`` over agent batches of ``batch_messages`` Kafka messages with the
    project's miners; fills ``pool.mined`` (what the storage rows store)."""
    settings = bench.settings
    miners = ServiceMiners(miner_config(settings.templates))
    per_batch = settings.ingest.batch_messages
    batches = [[w for message in group for w in message] for group in chunks(decoded, per_batch)]
    warm = 2
    mined, n, span = timed_prefix(
        batches,
        lambda records: mine_batch(records, miners),
        lambda batch: len(batch.rows),
        warm=warm,
        seconds=bench.budget.seconds,
        watch=bench.machine.watch,
    )
    bench.pool.mined = mined
    templates = sum(batch.new_templates for batch in mined)
    bench.report.add(
        "agent: pipeline.ingest.mining.mine_batch (one core)",
        f"batches of {per_batch} Kafka messages (~{per_batch * 100:,} records), {SERVICES} "
        f"services, {templates} templates; warm-up {warm} batches",
        "records/s",
        n,
        span,
    )


def cpu_rows(bench: Bench) -> None:
    floor_row(bench, combined(SIMPLE_MASKS), ", ".join(name for name, _ in SIMPLE_MASKS))
    builtin = f"the {len(BUILTIN_MASKS)} built-in masks of pipeline.templates.masking"
    floor_row(bench, combined(BUILTIN_MASKS), builtin)
    intake_row(bench)
    mine_row(bench, decode_row(bench))


# -- RabbitMQ ----------------------------------------------------------------------------------


async def publish_for(
    url: str,
    queue: str,
    bodies: Sequence[bytes],
    per_message: int,
    cap: int,
    seconds: float,
    watch: Watch,
) -> tuple[int, Span]:
    """Publish (confirmed, persistent) cycling ``bodies`` for ``seconds`` or ``cap`` messages
    after a warm-up of 200; returns (records confirmed in the timed part, its span)."""
    warm = 200
    messages = itertools.islice(itertools.cycle(bodies), cap + warm)
    async with open_publisher(url, queue, max_in_flight=200) as publisher:
        for body in itertools.islice(messages, warm):
            await publisher.publish(body, per_message)
        await publisher.drain()
        before = publisher.records
        stopwatch = watch()
        for body in messages:
            await publisher.publish(body, per_message)
            if stopwatch.elapsed() >= seconds:
                break
        await publisher.drain()
        return publisher.records - before, stopwatch.stop()


async def consume_for(
    url: str, queue: str, prefetch: int, seconds: float, watch: Watch
) -> tuple[int, Span]:
    """Take messages from ``queue`` and ack each (as the bridge does) until it is empty or
    ``seconds`` passed after a warm-up of 200; returns (messages timed, span)."""
    warm, count = 200, 0
    stopwatch: Stopwatch | None = None
    connection = await aio_pika.connect(url)
    try:
        channel = await connection.channel()
        await channel.set_qos(prefetch_count=prefetch)
        declared = await declare_queue(channel, queue)
        total = declared.declaration_result.message_count or 0
        if total <= warm:
            return 0, NOTHING
        async with asyncio.timeout(seconds + 30), declared.iterator() as messages:
            async for message in messages:
                await message.ack()
                count += 1
                if count == warm:
                    stopwatch = watch()
                elif stopwatch is not None and (count == total or stopwatch.elapsed() >= seconds):
                    break
    finally:
        await connection.close()
    return (count - warm, stopwatch.stop()) if stopwatch is not None else (0, NOTHING)


@contextlib.asynccontextmanager
async def rabbit_queues(url: str, names: Sequence[str]) -> AsyncIterator[None]:
    """Deletes the queues ``names`` on the way out, whatever happened (publishing declares
    them)."""
    try:
        yield
    finally:
        connection = await aio_pika.connect(url)
        try:
            channel = await connection.channel()
            for name in names:
                await channel.queue_delete(name)
        finally:
            await connection.close()


async def rabbit_rows(bench: Bench) -> None:
    url = bench.settings.rabbitmq.url
    prefetch = bench.settings.ingest.prefetch
    budget, pool, watch = bench.budget, bench.pool, bench.machine.watch
    single, hundred = f"{bench.prefix}-1", f"{bench.prefix}-100"
    async with rabbit_queues(url, [single, hundred]):
        for queue, bodies, per, cap in (
            (single, pool.singles, 1, budget.rabbit_single),
            (hundred, pool.hundreds, 100, budget.rabbit_hundred),
        ):
            n, span = await publish_for(url, queue, bodies, per, cap, budget.seconds, watch)
            bench.report.add(
                "RabbitMQ + aio-pika: publish (durable queue, persistent, confirms)",
                f"{per} record(s) a message (~{pool.client_record_bytes:.0f} B a record), 200 "
                "in flight (pipeline.client.publisher); warm-up 200 messages",
                "records/s",
                n,
                span,
            )
        for queue, per in ((single, 1), (hundred, 100)):
            n, span = await consume_for(url, queue, prefetch, budget.seconds, watch)
            bench.report.add(
                "RabbitMQ + aio-pika: consume, ack each",
                f"{per} record(s) a message, prefetch {prefetch}; warm-up 200 messages",
                "messages/s",
                n,
                span,
            )


# -- Kafka, and a Faust agent doing nothing ----------------------------------------------------


async def delete_groups(admin: AIOKafkaAdminClient, groups: Sequence[str]) -> None:
    """aiokafka's admin client has no delete_consumer_groups: send DeleteGroups to each group's
    coordinator. Best effort (an empty group of deleted topics also expires on its own)."""
    for group in groups:
        with contextlib.suppress(Exception):
            coordinator = await admin.find_coordinator(group)
            await admin._send_request_to_node(coordinator, DeleteGroupsRequest([group]))


@contextlib.asynccontextmanager
async def kafka_topics(
    bootstrap: str, prefix: str, names: Sequence[str], replication: int, groups: Sequence[str]
) -> AsyncIterator[None]:
    """Creates ``names``; on the way out deletes the consumer groups ``groups`` and every topic
    whose name starts with ``prefix`` (the Faust apps' leader topics too)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, PARTITIONS, replication) for name in names])
        yield
    finally:
        try:
            await delete_groups(admin, groups)
            ours = [topic for topic in await admin.list_topics() if topic.startswith(prefix)]
            if ours:
                await admin.delete_topics(ours)
        finally:
            await admin.close()


async def produce_for(
    producer: AIOKafkaProducer,
    topic: str,
    messages: Sequence[WireMessage],
    cap: int,
    seconds: float,
    warm: int,
    watch: Watch,
) -> tuple[int, int, Span]:
    """Send cycling ``messages`` once ``warm`` of them were acknowledged, for ``seconds`` or
    ``cap`` messages; returns (messages, records, span) of the timed part, all acknowledged.
    The loop waits for the oldest acknowledgement while 20,000 are outstanding."""
    source = itertools.cycle(messages)
    await asyncio.gather(
        *[
            await producer.send(topic, m.value, partition=m.partition)
            for m in itertools.islice(source, warm)
        ]
    )
    pending: deque[asyncio.Future[Any]] = deque()
    sent = records = 0
    stopwatch = watch()
    for message in itertools.islice(source, cap):
        pending.append(await producer.send(topic, message.value, partition=message.partition))
        sent += 1
        records += message.records
        if len(pending) > 20_000:
            await pending.popleft()
        if stopwatch.elapsed() >= seconds:
            break
    await asyncio.gather(*pending)
    return sent, records, stopwatch.stop()


async def kafka_consume_for(
    bootstrap: str, topic: str, total: int, seconds: float, warm: int, watch: Watch
) -> tuple[int, Span]:
    """Read ``topic`` from the start (partitions assigned, no group) until ``total`` messages
    or ``seconds`` after the fetch that passed ``warm``; returns (messages timed, span)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    await consumer.start()
    count = before = 0
    stopwatch: Stopwatch | None = None
    try:
        consumer.assign([TopicPartition(topic, p) for p in range(PARTITIONS)])
        await consumer.seek_to_beginning()
        deadline = time.perf_counter() + seconds + 30
        while count < total and time.perf_counter() < deadline:
            batches = await consumer.getmany(timeout_ms=1000)
            count += sum(len(batch) for batch in batches.values())
            if stopwatch is None:
                if count >= warm:
                    stopwatch, before = watch(), count
            elif stopwatch.elapsed() >= seconds:
                break
    finally:
        span = stopwatch.stop() if stopwatch is not None else NOTHING
        await consumer.stop()
    return count - before if stopwatch is not None else 0, span


class EventCounter:
    """Counts an agent's events: the clock starts at event ``warm`` and stops at ``total``
    events or ``seconds`` after it started; ``done`` is set then, and later events (the agent
    goes on until the app stops) are not counted."""

    def __init__(self, total: int, warm: int, seconds: float, watch: Watch) -> None:
        self.total, self.warm, self.seconds = total, warm, seconds
        self._watch = watch
        self.count = 0
        self.done = asyncio.Event()
        self._stopwatch: Stopwatch | None = None
        self._span: Span | None = None

    def tick(self) -> None:
        if self._span is not None:
            return
        self.count += 1
        if self.count == self.warm:
            self._stopwatch = self._watch()
        elif self._stopwatch is not None and (
            self.count >= self.total or self._stopwatch.elapsed() >= self.seconds
        ):
            self._span = self._stopwatch.stop()
            self.done.set()

    def result(self) -> tuple[int, Span]:
        """(events timed, their span); a counter that never finished is stopped now."""
        if self._stopwatch is None:
            return 0, NOTHING
        if self._span is None:
            self._span = self._stopwatch.stop()
        return self.count - self.warm, self._span


async def faust_count(
    settings: Settings, app_id: str, topic: str, counter: EventCounter, wait: float
) -> None:
    """A Faust app whose one agent counts the events of ``topic`` (already filled) into
    ``counter``; returns when the counter is done or ``wait`` seconds passed."""
    with tempfile.TemporaryDirectory(prefix="ceiling-faust-") as datadir:
        app = faust.App(
            app_id,
            broker=settings.kafka.broker_url,
            store="memory://",
            datadir=datadir,
            web_enabled=False,
            autodiscover=False,
            consumer_auto_offset_reset="earliest",
            topic_partitions=PARTITIONS,
        )
        source = app.topic(
            topic,
            partitions=PARTITIONS,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
        )

        async def count(stream: Any) -> None:
            async for _ in stream:
                counter.tick()

        app.agent(source, name=f"{app_id}.count")(count)
        await app.start()
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(counter.done.wait(), wait)
        finally:
            await app.stop()


async def kafka_produce_rows(
    bench: Bench, topics: Sequence[tuple[str, list[WireMessage], int, int]]
) -> dict[str, int]:
    """One produce row per (topic, messages, records a message, cap); returns the messages
    each topic holds."""
    settings = bench.settings
    producer = AIOKafkaProducer(
        bootstrap_servers=settings.kafka.bootstrap_servers,
        acks="all",
        max_request_size=settings.ingest.kafka_message_max_bytes + 64 * 1024,
    )
    produced: dict[str, int] = {}
    wire = bench.pool.wire_record_bytes
    await producer.start()
    try:
        for topic, messages, per, cap in topics:
            warm = 1000 if per == 1 else 100
            sent, records, span = await produce_for(
                producer, topic, messages, cap, bench.budget.seconds, warm, bench.machine.watch
            )
            produced[topic] = sent + warm
            size = f"~{wire * per / 1000:.1f} kB" if per > 1 else f"~{wire:.0f} B"
            bench.report.add(
                f"Kafka ({PARTITIONS} partitions) + aiokafka: produce, acks=all",
                f"{per} record(s) a message ({size}), partition chosen by service, linger 0; "
                f"warm-up {warm} messages",
                "records/s",
                records,
                span,
            )
    finally:
        await producer.stop()
    return produced


async def kafka_rows(bench: Bench) -> None:
    kafka, budget, pool = bench.settings.kafka, bench.budget, bench.pool
    single, hundred = f"{bench.prefix}-1", f"{bench.prefix}-100"
    apps = {single: f"{bench.prefix}-faust-1", hundred: f"{bench.prefix}-faust-100"}
    async with kafka_topics(
        kafka.bootstrap_servers,
        bench.prefix,
        [single, hundred],
        kafka.replication_factor,
        list(apps.values()),
    ):
        produced = await kafka_produce_rows(
            bench,
            [
                (single, pool.wire_singles, 1, budget.kafka_single),
                (hundred, pool.wire_hundreds, 100, budget.kafka_hundred),
            ],
        )
        for topic, per, warm in ((single, 1, 5000), (hundred, 100, 200)):
            n, span = await kafka_consume_for(
                kafka.bootstrap_servers,
                topic,
                produced[topic],
                budget.seconds,
                warm,
                bench.machine.watch,
            )
            bench.report.add(
                "Kafka + aiokafka: consume (partitions assigned, no group, no commits)",
                f"{per} record(s) a message, from the start of the topic; warm-up the fetches "
                f"up to {warm} messages",
                "messages/s",
                n,
                span,
            )
        for topic, per, warm in ((single, 1, 2000), (hundred, 100, 300)):
            counter = EventCounter(produced[topic], warm, budget.seconds, bench.machine.watch)
            await faust_count(
                bench.settings, apps[topic], topic, counter, budget.faust_wait + budget.seconds
            )
            n, span = counter.result()
            bench.report.add(
                "Faust agent doing nothing (in this process)",
                f"events of {per} record(s) as raw bytes, `async for _ in stream` counting, "
                f"memory store, defaults otherwise; warm-up {warm} events",
                "events/s",
                n,
                span,
            )


# -- PostgreSQL --------------------------------------------------------------------------------


def database_url(base: str, name: str) -> str:
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


@contextlib.asynccontextmanager
async def fresh_database(base_url: str, name: str) -> AsyncIterator[str]:
    """A new database ``name`` (its URL), dropped on the way out even after a failure."""
    admin = await asyncpg.connect(base_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield database_url(base_url, name)
    finally:
        admin = await asyncpg.connect(base_url)
        try:
            for attempt in range(40):  # an autovacuum worker may hold it for a moment
                try:
                    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    break
                except (asyncpg.InsufficientPrivilegeError, asyncpg.ObjectInUseError):
                    if attempt == 39:
                        raise
                    await asyncio.sleep(0.25)
        finally:
            await admin.close()


async def timed_batches(
    batches: Iterable[T],
    store: Callable[[T], Awaitable[int]],
    seconds: float,
    watch: Watch,
) -> tuple[int, Span]:
    """``store`` the first batch untimed, then the next ones until ``seconds`` passed or none
    is left; returns (units the timed calls returned, span)."""
    source = iter(batches)
    first = next(source, None)
    if first is None:
        return 0, NOTHING
    await store(first)
    n, stopwatch = 0, watch()
    for batch in source:
        n += await store(batch)
        if stopwatch.elapsed() >= seconds:
            break
    return n, stopwatch.stop()


async def ensure_days(url: str, settings: Settings, rows: Iterable[LogRow]) -> None:
    """The day partitions of ``rows``, made before anything is timed."""
    database = Database(url, 1, 1)
    try:
        partitions = DayPartitions(
            database, settings.sql_dir, settings.database.logs_retention_days
        )
        await partitions.ensure({day_of(row.ts) for row in rows})
    finally:
        await database.close()


async def secondary_indexes(connection: asyncpg.Connection) -> list[str]:
    """The indexes of ``logs`` other than its primary key."""
    found = await connection.fetch(
        "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'logs' "
        "AND indexname <> 'logs_pkey'"
    )
    return [str(row["indexname"]) for row in found]


async def sink_sql_row(
    bench: Bench,
    connection: asyncpg.Connection,
    batches: Sequence[list[tuple[object, ...]]],
    table: str,
) -> None:
    """The sink's SQL verbatim, one transaction a batch: create_ingest_table, COPY,
    insert_logs."""
    queries = load_queries(bench.settings.sql_dir, "ingest")

    async def store(batch: list[tuple[object, ...]]) -> int:
        async with connection.transaction():
            await connection.execute(queries["create_ingest_table"])
            await connection.copy_records_to_table(
                "ingest_logs", records=batch, columns=STAGING_COLUMNS
            )
            return len(await connection.fetch(queries["insert_logs"]))

    n, span = await timed_batches(batches, store, bench.budget.seconds, bench.machine.watch)
    bench.report.add(
        "PostgreSQL: COPY into a temp table + INSERT ... ON CONFLICT DO NOTHING RETURNING "
        "(the sink's SQL), one connection",
        f"batches of {PG_BATCH_ROWS:,} new rows into {table}; warm-up 1 batch",
        "rows/s",
        n,
        span,
    )


async def copy_row(
    bench: Bench, connection: asyncpg.Connection, batches: Sequence[list[tuple[object, ...]]]
) -> None:
    """COPY cycling ``batches`` into a logged table without indexes."""
    await connection.execute(COPY_TABLE_DDL)

    async def store(batch: list[tuple[object, ...]]) -> int:
        await connection.copy_records_to_table(
            "ceiling_copy", records=batch, columns=STAGING_COLUMNS
        )
        return len(batch)

    cycled = itertools.cycle(batches)
    n, span = await timed_batches(cycled, store, bench.budget.seconds, bench.machine.watch)
    bench.report.add(
        "PostgreSQL: COPY (asyncpg), one connection",
        f"batches of {PG_BATCH_ROWS:,} log rows into a logged table without indexes, one "
        "statement each; warm-up 1 batch",
        "rows/s",
        n,
        span,
    )


async def log_sink_row(bench: Bench, url: str) -> None:
    """``LogSink.store`` of the agent's mined batches (rows, templates, aliases)."""
    settings, mined = bench.settings, bench.pool.mined
    database = Database(url, 1, 1)
    try:
        partitions = DayPartitions(
            database, settings.sql_dir, settings.database.logs_retention_days
        )
        sink = LogSink(database, settings.sql_dir, source="ceiling", partitions=partitions)

        async def store(batch: MinedBatch) -> int:
            result = await sink.store(batch.rows, batch.templates, batch.aliases)
            return len(result.inserted)

        n, span = await timed_batches(mined, store, bench.budget.seconds, bench.machine.watch)
    finally:
        await database.close()
    per_batch = len(mined[0].rows) if mined else 0
    bench.report.add(
        "storage: storage.log_sink.LogSink.store, one connection",
        f"the agent's mined batches (~{per_batch:,} rows, their templates and aliases) into "
        "the migrated schema; warm-up 1 batch",
        "rows/s",
        n,
        span,
    )


async def server_settings(connection: asyncpg.Connection) -> str:
    """The server's version and the settings that decide what a write costs."""
    shown = [
        f"{name} {await connection.fetchval(f'SHOW {name}')}"
        for name in ("fsync", "synchronous_commit", "shared_buffers", "max_wal_size")
    ]
    version = str(await connection.fetchval("SHOW server_version")).split()[0]
    return f"PostgreSQL {version} ({', '.join(shown)})"


async def postgres_rows(bench: Bench) -> str:
    """The PostgreSQL rows, in a fresh migrated database; returns the server's version and
    settings. COPY runs last: the WAL its gigabyte writes would bring a checkpoint into the
    rows after it."""
    settings = bench.settings
    mined_rows = [row for batch in bench.pool.mined for row in batch.rows]
    records = [copy_record(row) for row in mined_rows]
    batches = [list(batch) for batch in chunks(records, PG_BATCH_ROWS)]
    async with fresh_database(settings.database.url, f"ceiling_{bench.suffix}") as url:
        await migrate(url, settings.sql_dir)
        await ensure_days(url, settings, mined_rows)
        connection = await asyncpg.connect(url)
        try:
            server = await server_settings(connection)
            indexes = await secondary_indexes(connection)
            table = f"the migrated logs (day partitions, primary key + {len(indexes)} indexes)"
            await sink_sql_row(bench, connection, batches, table)
            await connection.execute("TRUNCATE logs")
            await log_sink_row(bench, url)
            # One index dropped at a time, each row on an empty table: what each costs.
            for dropped, index in enumerate(indexes, 1):
                await connection.execute("TRUNCATE logs")
                await connection.execute(f'DROP INDEX "{index}"')
                if dropped < len(indexes):
                    gone = ", ".join(indexes[:dropped])
                    await sink_sql_row(bench, connection, batches, f"the same logs without {gone}")
            await connection.execute("TRUNCATE logs")
            await sink_sql_row(bench, connection, batches, "the same logs, primary key only")
            await copy_row(bench, connection, batches)
        finally:
            await connection.close()
    return server


# -- the run -----------------------------------------------------------------------------------


def heading(bench: Bench, sections: Sequence[str], versions: Sequence[str]) -> str:
    libraries = (
        f"aiokafka {aiokafka.__version__}, faust {faust.__version__}, aio-pika "
        f"{aio_pika.__version__}, asyncpg {asyncpg.__version__}, orjson {orjson.__version__}"
    )
    workers = ", ".join(map(str, sorted(bench.machine.seen_workers))) or "none"
    return (
        f"Ceilings measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by "
        f"`tests/bench/bench_ceiling.py` on {os.cpu_count()} cores "
        f"({len(os.sched_getaffinity(0))} usable, {platform.machine()}), Python "
        f"{platform.python_version()}, {', '.join([libraries, *versions])}; every service local "
        f"(loopback). Sections: one core, {', '.join(sections)}. One run per row, at most "
        f"{bench.budget.seconds:g} s timed after the warm-up the row names; rates are "
        "wall-clock. CPU seconds of the timed part: own = this process; others = every other "
        "process and the kernel on all CPUs (the broker or database of the row among them); "
        "workers = the service's `pipeline worker` processes, left running, among the others "
        f"(pids seen: {workers}); stolen = taken by the hypervisor. n per own CPU s: for a "
        "one-core row its rate on an undisturbed core; for the others what the client side "
        "alone would allow."
    )


async def run(bench: Bench, sections: Sequence[str]) -> tuple[list[str], bool]:
    """Every section; a failed one is reported and the others still run. Returns the
    servers' versions found and whether every section succeeded. SIGTERM cancels the run as
    Ctrl-C does, so what was created is removed either way."""
    task = asyncio.current_task()
    if task is not None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    cpu_rows(bench)
    jobs: dict[str, Callable[[], Awaitable[str | None]]] = {
        "rabbitmq": lambda: rabbit_rows(bench),
        "kafka": lambda: kafka_rows(bench),
        "postgres": lambda: postgres_rows(bench),
    }
    versions: list[str] = []
    ok = True
    for section in sections:
        print(f"ceiling: {section}", file=sys.stderr, flush=True)
        try:
            version = await jobs[section]()
        except Exception as exc:
            ok = False
            print(f"ceiling: {section} failed: {exc!r}", file=sys.stderr, flush=True)
            continue
        if version:
            versions.append(version)
    return versions, ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="about 30 s instead of 2.5 min")
    parser.add_argument("--seconds", type=float, help="timed seconds per row")
    parser.add_argument("--markdown", action="store_true", help="the table on stdout")
    parser.add_argument("--json-out", type=Path, help="also write the rows as a JSON list")
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"a comma-separated subset of {','.join(SECTIONS)} (the one-core rows always run)",
    )
    args = parser.parse_args(argv)
    sections = [s for s in args.sections.split(",") if s]
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown sections: {', '.join(unknown)}")
    budget = Budget.quick(args.seconds) if args.quick else Budget.default(args.seconds)
    settings = load_settings(os.environ)
    machine = Machine()
    workers = service_workers(os.getpid())
    print(
        f"ceiling: {os.cpu_count()} CPUs, `pipeline worker` pids {workers or 'none'}; "
        f"generating {budget.records:,} records",
        file=sys.stderr,
        flush=True,
    )
    suffix = uuid.uuid4().hex[:10]
    pool = make_pool(budget.records, f"ceiling-{suffix}")
    bench = Bench(settings, budget, machine, Report(), pool, suffix)
    try:
        versions, ok = asyncio.run(run(bench, sections))
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("ceiling: interrupted; what it created is removed", file=sys.stderr)
        return 130
    table = markdown_table(bench.report.rows, heading(bench, sections, versions))
    print(table, file=sys.stdout if args.markdown else sys.stderr)
    if args.json_out is not None:
        rows = [asdict(row) for row in bench.report.rows]
        args.json_out.write_text(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
