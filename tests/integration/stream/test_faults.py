"""Issue 17's fault run: one stream of over 50,000 logs through a worker while, one after the
other, RabbitMQ restarts, Kafka restarts, PostgreSQL restarts, the worker is SIGKILLed (and a new
one started, as a supervisor would) and PostgreSQL stops for a minute.

Afterwards every window holds exactly its records and the incidents are those ``analyze`` finds
(``assert_undisturbed``), nothing is dead-lettered, every alert is on ``alerts_queue`` exactly
once per ``alert_id`` and revision, ``/health/ready`` said 503 while PostgreSQL was down, the
bridge left the backlog in RabbitMQ, and the worker's memory stayed bounded. All three servers
are the test's own, so the shared stack is never disturbed.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aio_pika
import orjson
import psutil
import pytest

from bridges.queues import declare_queue, persistent_message
from storage.migrations import migrate

from ..brokers import OwnedBroker
from ..conftest import BASE
from ..processes import get_json
from .conftest import Stream, messages
from .scenario import assert_undisturbed, scenario

pytestmark = [pytest.mark.slow]

# 72,000 records, four incidents (a shorter warm-up than the simulator's hour brings them in).
HOURS, WARMUP_MINUTES = 1.25, 20
PER_MESSAGE = 100
# Publishing lasts about this long; each fault starts once this share of the records is stored,
# so they spread over the stream, the later ones over the incidents (60-80% of the records).
PUBLISH_SECONDS = 150.0
FAULTS_AT = {
    "rabbitmq": 0.1,
    "kafka": 0.25,
    "postgresql restart": 0.4,
    "sigkill": 0.55,
    "outage": 0.7,
}
OUTAGE_SECONDS = 60.0
# Low enough that a minute without PostgreSQL passes it: the rest must wait in RabbitMQ.
LAG_MARK = 4000
# The worker may hold a stuck batch and the bridge's buffer, nothing that grows with the
# outage: its resident memory may rise this much over what it was before the outage.
OUTAGE_GROWTH_BYTES = 150 * 2**20


@pytest.fixture
async def owned_stream(
    own_kafka: OwnedBroker, own_rabbitmq: OwnedBroker, own_postgres: OwnedBroker, stream: Stream
) -> AsyncIterator[Stream]:
    """The stream harness with all three servers its own (its workers stop before they do)."""
    await migrate(own_postgres.url, BASE.sql_dir)
    stream.env.update(
        KAFKA_BOOTSTRAP_SERVERS=own_kafka.url,
        RABBITMQ_URL=own_rabbitmq.url,
        DATABASE_URL=own_postgres.url,
        BRIDGE_MAX_KAFKA_LAG=str(LAG_MARK),
    )
    stream.rabbitmq_url = own_rabbitmq.url
    stream.database_url = own_postgres.url
    yield stream


@dataclass
class Publisher:
    """Publishes messages at a steady pace, as a service would, riding out RabbitMQ restarts:
    a publish that failed or was not confirmed is sent again (the same bytes, so the same
    derived ids: the service stores it once)."""

    url: str
    queue: str
    sent: int = 0
    retries: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    async def run(self, bodies: list[bytes], interval: float) -> None:
        connection: aio_pika.abc.AbstractConnection | None = None
        channel: aio_pika.abc.AbstractChannel | None = None
        try:
            for body in bodies:
                while True:
                    try:
                        if connection is None or channel is None or channel.is_closed:
                            connection, channel = await self._connect(connection)
                        await channel.default_exchange.publish(
                            persistent_message(body), routing_key=self.queue, timeout=10
                        )
                        break
                    # Whatever a restarting broker makes aio-pika raise: try again shortly.
                    except Exception as exc:
                        self.retries += 1
                        self.errors[type(exc).__name__] += 1
                        channel = None
                        await asyncio.sleep(0.5)
                self.sent += 1
                await asyncio.sleep(interval)
        finally:
            if connection is not None:
                await connection.close()

    async def _connect(
        self, old: aio_pika.abc.AbstractConnection | None
    ) -> tuple[aio_pika.abc.AbstractConnection, aio_pika.abc.AbstractChannel]:
        if old is not None and not old.is_closed:
            await old.close()
        connection = await aio_pika.connect(self.url, timeout=5)
        channel = await connection.channel(publisher_confirms=True)
        await declare_queue(channel, self.queue)
        return connection, channel


@dataclass
class Watch:
    """Samples the current worker's resident memory, tagged with the phase and the worker."""

    stream: Stream
    phase: str = "start"
    samples: list[tuple[str, int, int]] = field(default_factory=list)

    async def run(self) -> None:
        while True:
            worker = self.stream.workers[-1]
            try:
                rss = psutil.Process(worker.process.pid).memory_info().rss
                self.samples.append((self.phase, worker.process.pid, rss))
            except psutil.Error:
                pass
            await asyncio.sleep(0.5)

    def peak(self, pid: int, *, during: str | None = None, before: str | None = None) -> int:
        """The highest sample of worker ``pid`` in phase ``during``, or before phase ``before``
        began."""
        phases = [phase for phase, _, _ in self.samples]
        end = phases.index(before) if before in phases else len(phases)
        return max(
            (
                rss
                for i, (phase, p, rss) in enumerate(self.samples)
                if p == pid and (phase == during if during else i < end)
            ),
            default=0,
        )


@dataclass
class Readiness:
    """What the current worker's ``/health/ready`` said while each restart ran: per restart,
    (status, the checks not ok) -> how often."""

    port: str
    during: str | None = None
    seen: defaultdict[str, Counter[tuple[int, str]]] = field(
        default_factory=lambda: defaultdict(Counter)
    )

    async def run(self) -> None:
        url = f"http://127.0.0.1:{self.port}/health/ready"
        while True:
            if (restart := self.during) is not None:
                try:
                    status, body = await asyncio.to_thread(get_json, url)
                except OSError:  # the worker's own socket, not a dependency: not an answer
                    status, body = 0, None
                data = body.get("data") if isinstance(body, dict) else None
                checks = data.get("checks", {}) if isinstance(data, dict) else {}
                down = ",".join(sorted(name for name, value in checks.items() if value != "ok"))
                self.seen[restart][(status, down)] += 1
            await asyncio.sleep(0.25)

    def said_down(self, restart: str, dependency: str) -> bool:
        return any(
            status == 503 and dependency in down.split(",") for status, down in self.seen[restart]
        )


async def stored(stream: Stream) -> int:
    return int((await stream.fetch("SELECT count(*) AS n FROM logs"))[0]["n"])


async def timed(action: Any) -> float:
    started = time.monotonic()
    await asyncio.to_thread(action)
    return time.monotonic() - started


def metric(port: str, name: str) -> float:
    """The value of an unlabelled sample of the worker's ``/metrics``."""
    status, text = get_json(f"http://127.0.0.1:{port}/metrics")
    assert status == 200
    for line in str(text).splitlines():
        if line.startswith(f"{name} "):
            return float(line.split()[1])
    raise AssertionError(f"{name} not in /metrics")


def metric_sum(port: str, name: str) -> float:
    """The sum of every sample of ``name`` on the worker's ``/metrics``."""
    status, text = get_json(f"http://127.0.0.1:{port}/metrics")
    assert status == 200
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in str(text).splitlines()
        if line.startswith((f"{name} ", f"{name}{{"))
    )


async def queue_depth(url: str, queue: str) -> int:
    connection = await aio_pika.connect(url, timeout=5)
    try:
        channel = await connection.channel()
        declared = await channel.declare_queue(queue, passive=True)
        return declared.declaration_result.message_count or 0
    finally:
        await connection.close()


async def drain(url: str, queue: str) -> list[dict[str, Any]]:
    """Every message on ``queue`` (taken off it), with its AMQP message id as ``_message_id``."""
    connection = await aio_pika.connect(url, timeout=5)
    try:
        channel = await connection.channel()
        declared = await channel.declare_queue(queue, passive=True)
        found = []
        while (message := await declared.get(no_ack=True, fail=False)) is not None:
            found.append(orjson.loads(message.body) | {"_message_id": message.message_id})
        return found
    finally:
        await connection.close()


@pytest.mark.timeout(900)
async def test_every_fault_in_turn_loses_repeats_and_leaks_nothing(
    owned_stream: Stream,
    own_kafka: OwnedBroker,
    own_rabbitmq: OwnedBroker,
    own_postgres: OwnedBroker,
):
    stream = owned_stream
    run = scenario(HOURS, warmup_minutes=WARMUP_MINUTES)
    items = run.items
    assert len(items) >= 50_000
    bodies = messages(items, PER_MESSAGE)
    port = stream.env["WEB_PORT"]
    stream.start()
    publisher = Publisher(own_rabbitmq.url, stream.queue)
    publishing = asyncio.create_task(publisher.run(bodies, PUBLISH_SECONDS / len(bodies)))
    watch = Watch(stream)
    watching = asyncio.create_task(watch.run())
    ready = Readiness(port)
    polling = asyncio.create_task(ready.run())
    timings: dict[str, float] = {}
    at: dict[str, int] = {}

    async def next_fault(name: str) -> None:
        """Once its share of the records is stored, the next fault begins."""
        await stream.wait_for_stored(int(FAULTS_AT[name] * len(items)), within=240)
        watch.phase = name
        at[name] = await stored(stream)
        assert at[name] < len(items), f"every record stored before {name}"

    async def restart(name: str, broker: OwnedBroker) -> None:
        await next_fault(name)
        ready.during = name
        timings[name] = await timed(broker.restart)
        ready.during = None

    try:
        await restart("rabbitmq", own_rabbitmq)
        await restart("kafka", own_kafka)
        await restart("postgresql restart", own_postgres)
        await next_fault("sigkill")
        started = time.monotonic()
        stream.workers[-1].kill(signal.SIGKILL)
        await asyncio.to_thread(stream.start)
        timings["sigkill"] = time.monotonic() - started

        await next_fault("outage")
        await asyncio.to_thread(own_postgres.down)
        outage_started = time.monotonic()
        readiness: Counter[tuple[int, str]] = Counter()
        paused = depth = 0.0
        while time.monotonic() - outage_started < OUTAGE_SECONDS:
            status, body = await asyncio.to_thread(
                get_json, f"http://127.0.0.1:{port}/health/ready"
            )
            checks = body.get("data", {}).get("checks", {}) if isinstance(body, dict) else {}
            readiness[(status, checks.get("postgresql", "?"))] += 1
            paused = max(paused, metric(port, "bridge_paused"))
            depth = max(depth, await queue_depth(own_rabbitmq.url, stream.queue))
            await asyncio.sleep(1)
        timings["outage"] = time.monotonic() - outage_started + await timed(own_postgres.up)
        watch.phase = "after"
        await asyncio.wait_for(publishing, timeout=300)

        await assert_undisturbed(stream, run)
    finally:
        watching.cancel()
        polling.cancel()
        if not publishing.done():
            publishing.cancel()

    # While RabbitMQ and Kafka restarted the worker said it was not ready, naming them.
    seen = {name: dict(counts) for name, counts in ready.seen.items()}
    assert ready.said_down("rabbitmq", "rabbitmq"), seen
    assert ready.said_down("kafka", "kafka"), seen
    # While PostgreSQL was down the worker said so, and the backlog waited in RabbitMQ.
    assert readiness[(503, "unavailable")] >= OUTAGE_SECONDS // 2, dict(readiness)
    assert paused == 1 and depth > 0, (paused, depth)
    assert (await asyncio.to_thread(get_json, f"http://127.0.0.1:{port}/health/ready"))[0] == 200

    # Memory: the outage added at most OUTAGE_GROWTH_BYTES to what the worker held before it.
    pid = stream.workers[-1].process.pid
    before, during = watch.peak(pid, before="outage"), watch.peak(pid, during="outage")
    assert before > 0 and during <= before + OUTAGE_GROWTH_BYTES, (before, during)

    letters = await stream.fetch("SELECT stage, reason, count(*) FROM dead_letters GROUP BY 1, 2")
    assert letters == [], [tuple(r) for r in letters]

    # Alerts: every alert the service decided on, on alerts_queue exactly once.
    expected = {
        r["id"]: (r["alert_id"], r["revision"])
        for r in await stream.fetch(
            "SELECT id, body->'outbound'->'message'->>'alert_id' AS alert_id, "
            "(body->'outbound'->'message'->>'revision')::int AS revision FROM insights "
            "WHERE body->'outbound'->>'queue' = 'alerts'"
        )
    }
    assert expected, "the scenario raised no alert"
    delivered: list[dict[str, Any]] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        delivered += await drain(own_rabbitmq.url, stream.env["ALERTS_QUEUE"])
        if {m["_message_id"] for m in delivered} >= expected.keys():
            break
        await asyncio.sleep(0.5)
    copies = Counter(m["_message_id"] for m in delivered)
    skipped = metric_sum(port, "publish_repeats_skipped_total")
    assert copies.keys() == expected.keys()
    assert [(k, n) for k, n in copies.items() if n > 1] == []
    assert sorted((m["alert_id"], m["revision"]) for m in delivered) == sorted(expected.values())

    print(
        f"{len(items)} records in {len(bodies)} messages, {publisher.retries} publish retries "
        f"({dict(publisher.errors)}); stored at each fault: {at}; seconds each took: "
        f"{ {k: round(v, 1) for k, v in timings.items()} }; readiness during the outage: "
        f"{dict(readiness)}, during the restarts: {seen}; RabbitMQ held up to {depth:.0f} "
        "messages; worker RSS peak before "
        f"the outage {before / 2**20:.0f} MiB, during {during / 2**20:.0f} MiB; "
        f"{len(expected)} alerts, each delivered once ({skipped:.0f} repeats skipped by the "
        "last worker's ledger)"
    )
