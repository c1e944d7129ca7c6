"""``bench``: how fast records travel from RabbitMQ into PostgreSQL.

Three phases, each callable on its own: ``prepare_messages`` generates the records and encodes
them before the clock starts; ``publish_run`` publishes them with publisher confirms, many
messages in flight, optionally paced; ``wait_until_stored`` polls PostgreSQL until every sequence
number of the run is stored or the deadline passes. ``summarize`` turns the counts into the one
JSON line the command prints, with the latency percentiles (publish to row), the alerts the
stream stored meanwhile, and what each watched process cost (``pipeline.client.resources``).
The deadline is ``timeout`` seconds after the first publish and also stops a publish phase that
is still running (paced runs).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

import orjson

from pipeline.client.errors import BrokerError
from pipeline.client.progress import Progress
from pipeline.client.publisher import open_publisher
from pipeline.client.records_generator import encode_messages, generate_records, service_names
from pipeline.client.resources import ResourceWatch, build_sources
from pipeline.settings import Settings
from storage.errors import DatabaseUnavailable
from storage.run_counts import Latencies, RunCounter, StoredCounts

log = logging.getLogger(__name__)

# After the deadline, confirms already on their way get this long to arrive.
DRAIN_GRACE_SECONDS = 5.0
# A poll is followed by a pause of at least this many times its own length.
POLL_IDLE_FACTOR = 19


@dataclass(frozen=True)
class BenchPlan:
    records: int
    batch: int = 100
    services: int = 10
    rate: float | None = None  # records per second; None publishes as fast as confirms allow
    timeout: float = 600.0
    max_in_flight: int = 200
    seed: int = 0
    poll_interval: float = 0.5
    # Workers' /metrics by name, and local processes by name and pid, watched during the run.
    metrics_urls: tuple[tuple[str, str], ...] = ()
    pids: tuple[tuple[str, int], ...] = ()


class Published(NamedTuple):
    messages: int
    records: int
    started: float  # time.monotonic() of the first publish
    seconds: float  # first publish to last confirm
    complete: bool  # False when the deadline stopped publishing
    sent_at: list[float]  # Unix time each message went out, by index


class Waited(NamedTuple):
    counts: StoredCounts
    finished: float  # time.monotonic() of the last count
    timed_out: bool


@dataclass(frozen=True)
class BenchSummary:
    run_id: str
    records: int
    sent: int
    stored: int
    duplicates: int
    seconds: float
    logs_per_s: float
    publish_seconds: float
    publish_logs_per_s: float
    messages: int
    batch: int
    services: int
    rate: float | None
    timed_out: bool
    p50_latency_s: float | None = None
    p95_latency_s: float | None = None
    p99_latency_s: float | None = None
    max_latency_s: float | None = None
    alerts: int | None = None
    processes: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Every record sent, each stored exactly once."""
        return self.sent == self.records and self.stored == self.sent and self.duplicates == 0

    def to_json(self) -> str:
        return orjson.dumps({**asdict(self), "ok": self.ok}).decode()


def new_run_id() -> str:
    """Sortable and unique: UTC start time and 8 random hex digits."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


def prepare_messages(plan: BenchPlan, run_id: str) -> list[tuple[bytes, int]]:
    """The run's message bodies (JSON arrays of ``plan.batch`` records) and record counts."""
    records = generate_records(
        plan.records,
        services=plan.services,
        run_id=run_id,
        seed=plan.seed,
        records_per_second=plan.rate,
    )
    return list(encode_messages(records, plan.batch))


async def publish_run(
    settings: Settings,
    run_id: str,
    messages: Sequence[tuple[bytes, int]],
    *,
    rate: float | None = None,
    time_limit: float = 600.0,
    max_in_flight: int = 200,
    progress: Progress | None = None,
) -> Published:
    """Publish ``messages`` to the log queue; at most ``rate`` records per second when given.

    Pacing is steady: a message goes out once the records before it are due, so at any time t
    after the first publish at most ``rate * t`` records plus one message have been sent.
    Publishing stops ``time_limit`` seconds after the first publish (``complete`` is then
    False). Raises :class:`BrokerError` when RabbitMQ fails or refuses a message.
    """
    bar = progress or Progress(enabled=False)
    bar.start("published", sum(count for _, count in messages))
    async with open_publisher(
        settings.rabbitmq.url,
        settings.rabbitmq.log_queue,
        max_in_flight=max_in_flight,
        on_confirm=bar.update,
    ) as publisher:
        started = time.monotonic()
        sent_at: list[float] = []
        complete = True
        try:
            async with asyncio.timeout_at(asyncio.get_running_loop().time() + time_limit):
                due = 0
                for index, (body, count) in enumerate(messages):
                    if rate is not None:
                        delay = started + due / rate - time.monotonic()
                        if delay > 0:
                            await asyncio.sleep(delay)
                    await publisher.publish(body, count, message_id=f"bench-{run_id}-{index}")
                    sent_at.append(time.time())
                    due += count
                await publisher.drain()
        except TimeoutError:
            complete = False
            try:
                async with asyncio.timeout(DRAIN_GRACE_SECONDS):
                    await publisher.drain()
            except (TimeoutError, BrokerError):
                pass  # what was confirmed is counted; the rest is not sent
        seconds = time.monotonic() - started
        return Published(publisher.messages, publisher.records, started, seconds, complete, sent_at)


async def wait_until_stored(
    counter: RunCounter,
    run_id: str,
    expected: int,
    *,
    deadline: float,
    poll_interval: float = 0.5,
    progress: Progress | None = None,
) -> Waited:
    """Count the run's rows until ``expected`` distinct sequence numbers are stored or
    ``deadline`` (``time.monotonic()``) passes; at least one count is made. A database that
    becomes unreachable meanwhile is retried until the deadline.

    Polls count rows only, at most a twentieth of the time: a count of a million rows takes a
    while, and it is CPU taken from the PostgreSQL the run is measuring (at a fifth, the polls
    of a 300,000-record run took 2.1 CPU s of PostgreSQL, storing the run 6.3). Distinct
    sequence numbers are counted once the rows are all there. The run's end is the time its last
    row was stored, read from PostgreSQL, so the polling interval does not lengthen the
    measured run."""
    bar = progress or Progress(enabled=False)
    bar.start("stored", expected)
    counts = StoredCounts(0, 0)
    quick = True
    while True:
        began = time.monotonic()
        try:
            counts = await counter.count(run_id, quick=quick)
            if quick and counts.rows >= expected:
                quick = False
                counts = await counter.count(run_id)
        except DatabaseUnavailable as exc:
            log.warning("bench: counting stored records failed, retrying: %s", exc)
        now = time.monotonic()
        bar.set(counts.stored if not quick else min(counts.rows, expected))
        if not quick and counts.stored >= expected:
            return Waited(counts, now, timed_out=False)
        if now >= deadline:
            if quick:
                with contextlib.suppress(DatabaseUnavailable):
                    counts = await counter.count(run_id)
            return Waited(counts, now, timed_out=True)
        pause = max(poll_interval, POLL_IDLE_FACTOR * (now - began))
        await asyncio.sleep(min(pause, max(0.0, deadline - now)))


def summarize(
    *,
    run_id: str,
    plan: BenchPlan,
    sent: int,
    messages: int,
    stored: int,
    rows: int,
    seconds: float,
    publish_seconds: float,
    timed_out: bool,
    latencies: Latencies | None = None,
    alerts: int | None = None,
    processes: dict[str, dict[str, Any]] | None = None,
) -> BenchSummary:
    """The JSON line's values: duplicates are rows beyond one per sequence number."""
    return BenchSummary(
        run_id=run_id,
        records=plan.records,
        sent=sent,
        stored=stored,
        duplicates=max(0, rows - stored),
        seconds=round(seconds, 3),
        logs_per_s=round(stored / seconds, 1) if seconds > 0 else 0.0,
        publish_seconds=round(publish_seconds, 3),
        publish_logs_per_s=round(sent / publish_seconds, 1) if publish_seconds > 0 else 0.0,
        messages=messages,
        batch=plan.batch,
        services=plan.services,
        rate=plan.rate,
        timed_out=timed_out,
        p50_latency_s=latencies.p50 if latencies else None,
        p95_latency_s=latencies.p95 if latencies else None,
        p99_latency_s=latencies.p99 if latencies else None,
        max_latency_s=latencies.worst if latencies else None,
        alerts=alerts,
        processes=processes or {},
    )


def run_seconds(published: Published, waited: Waited) -> float:
    """First publish to the last row stored (PostgreSQL's clock: the same host's, or one kept
    in sync); first publish to the last count when that time is unknown or the run timed out."""
    last = waited.counts.last_stored
    if waited.timed_out or last is None or not published.sent_at:
        return waited.finished - published.started
    return max(0.0, last - published.sent_at[0])


async def run_bench(
    settings: Settings,
    plan: BenchPlan,
    *,
    run_id: str | None = None,
    progress: Progress | None = None,
) -> BenchSummary:
    """Generate, publish, wait, summarize.

    The database is checked before anything is published. Raises ``BrokerError`` when
    RabbitMQ fails, ``ClientError``/``StorageError`` when PostgreSQL cannot be used at all.
    """
    run_id = run_id or new_run_id()
    bar = progress or Progress()
    messages = prepare_messages(plan, run_id)
    counter = RunCounter(settings.database.url, settings.sql_dir)
    watch = ResourceWatch(build_sources(dict(plan.metrics_urls), plan.pids))
    begun = datetime.now(UTC)
    try:
        await counter.count(run_id)
        await watch.start()
        try:
            published = await publish_run(
                settings,
                run_id,
                messages,
                rate=plan.rate,
                time_limit=plan.timeout,
                max_in_flight=plan.max_in_flight,
                progress=bar,
            )
            waited = await wait_until_stored(
                counter,
                run_id,
                published.records,
                deadline=published.started + plan.timeout,
                poll_interval=plan.poll_interval,
                progress=bar,
            )
        finally:
            processes = await watch.stop()
        latencies = await counter.latencies(run_id, published.sent_at, plan.batch)
        alerts = await counter.alerts(service_names(plan.services), begun)
    finally:
        bar.close()
        await counter.close()
    return summarize(
        run_id=run_id,
        plan=plan,
        sent=published.records,
        messages=published.messages,
        stored=waited.counts.stored,
        rows=waited.counts.rows,
        seconds=run_seconds(published, waited),
        publish_seconds=published.seconds,
        timed_out=waited.timed_out or not published.complete,
        latencies=latencies,
        alerts=alerts,
        processes=processes,
    )
