"""Very many distinct services, or templates, through the live service (issue 17): does the
worker's memory stay bounded, are the least recently seen services and templates evicted and
counted, do the metrics' service labels fold into ``other``, and is every record still stored?

    .venv/bin/python tests/bench/bench_explosion.py [--records N] [--mode services|templates]
        [--batch B] [--max-services S] [--max-templates T] [--label-limit L] [--interval S]

``--mode services`` (the default) gives every record a service of its own; ``--mode templates``
sends every record from one service with a message of its own shape (a template of its own).
The bounds are the worker's settings (``ANALYSIS_MAX_SERVICES``, which the miner shares,
``TEMPLATE_MAX_TEMPLATES_PER_SERVICE`` and ``METRICS_MAX_SERVICE_LABELS``); unset, the worker's
defaults.

The run is isolated like an integration test: a worker of its own on a free port, with its own
app id, queue, topics (the names ``tests/integration/conftest.py`` gives a test) and a fresh
database migrated from ``sql/migrations``, all removed at the end, so a million services never
reach the database of a ``make run``. Publishing, counting what was stored and the summary's
timing are ``python -m pipeline bench``'s own (``pipeline.client.bench``); records carry
``{"bench_run": run_id, "seq": n}`` as that bench's do.

While the run lasts the worker's /metrics is read every ``--interval`` seconds: one line on
stderr per reading (RSS, records stored, evictions, service label values), then one JSON line on
stdout: sent, stored, duplicates, seconds, logs/s, the RSS at the start, its peak over the first
and the second half of the run and at the end, the eviction counters and the label values.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

# Run as a script: the repository's `tests` package must be importable.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.client.bench import (  # noqa: E402
    Published,
    new_run_id,
    publish_run,
    run_seconds,
    wait_until_stored,
)
from pipeline.client.records_generator import encode_messages  # noqa: E402
from pipeline.settings import Settings, load_settings  # noqa: E402
from storage.migrations import migrate  # noqa: E402
from storage.run_counts import RunCounter  # noqa: E402
from tests.bench.bench_stream import start_worker  # noqa: E402

MIB = 1024 * 1024
MODES = ("services", "templates")
# Letters no mask of the miner takes for a number or a hex id: each record's words spell its
# sequence number, so every message has a shape of its own.
_LETTERS = "ghijklmnopqrstuvwxyz"


def _word(number: int, length: int = 5) -> str:
    letters = []
    for _ in range(length):
        number, digit = divmod(number, len(_LETTERS))
        letters.append(_LETTERS[digit])
    return "".join(letters)


def explosion_records(
    count: int, *, mode: str, run_id: str, start: int = 0, now: float | None = None
) -> Iterator[dict[str, Any]]:
    """``count`` records numbered from ``start``: each of a service of its own (``services``:
    ``x-0000042``), or each of one service with a message of a shape of its own
    (``templates``: five words that spell its number, in three places). Timestamps are
    ``now`` plus a microsecond a record."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    begin = time.time() if now is None else now
    for seq in range(start, start + count):
        if mode == "services":
            service = f"x-{seq:07d}"
            message = f"user {seq} logged in from 10.0.{seq % 256}.{seq % 7} in {seq % 90} ms"
        else:
            service = "x-templates"
            a, b, c = _word(seq), _word(seq * 7919 + 13), _word(seq * 104_729 + 7)
            message = f"{a} {b} happened in {c} after {seq % 90} ms"
        yield {
            "timestamp": begin + (seq - start) * 1e-6,
            "service_name": service,
            "level": ("INFO", "INFO", "WARNING", "ERROR")[seq % 4],
            "message": message,
            "metadata": {"bench_run": run_id, "seq": seq},
        }


# -- what the worker's /metrics says ----------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One reading of a worker's /metrics, ``seconds`` after the run began."""

    seconds: float
    rss_bytes: int
    processed: int  # logs_processed_total: rows inserted
    evicted_services: int  # the miner's (template_miner_bound_hits_total{bound=...})
    evicted_templates: int
    detector_evicted: int  # detector_evicted_services_total
    service_labels: int  # distinct service label values of logs_ingested_total
    # ingest_stage_seconds_total by stage: where the ingest agent's time went.
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def rss_mib(self) -> float:
        return self.rss_bytes / MIB

    def line(self) -> str:
        return (
            f"{self.seconds:7.1f}s  rss {self.rss_mib:6.0f} MiB  stored {self.processed:>9,}  "
            f"evicted: miner services {self.evicted_services:,}, templates "
            f"{self.evicted_templates:,}, detector services {self.detector_evicted:,}  "
            f"service labels {self.service_labels}"
        )


def read_metrics(text: str, seconds: float) -> Reading:
    """A reading from a /metrics page; a counter not yet incremented reads 0."""
    values: dict[str, float] = {}
    services: set[str] = set()
    stages: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "template_miner_bound_hits_total":
                values[sample.labels["bound"]] = sample.value
            elif sample.name == "ingest_stage_seconds_total":
                stages[sample.labels["stage"]] = sample.value
            elif sample.name == "logs_ingested_total":
                services.add(sample.labels["service"])
            else:
                values[sample.name] = sample.value
    return Reading(
        seconds=round(seconds, 1),
        rss_bytes=int(values.get("process_resident_memory_bytes", 0)),
        processed=int(values.get("logs_processed_total", 0)),
        evicted_services=int(values.get("evicted_services", 0)),
        evicted_templates=int(values.get("evicted_templates", 0)),
        detector_evicted=int(values.get("detector_evicted_services_total", 0)),
        service_labels=len(services),
        stage_seconds=stages,
    )


@dataclass(frozen=True)
class Memory:
    """The worker's RSS in MiB: before the first record, its peak over the first and the second
    half of the run (by time), and at the end."""

    start_mib: float
    first_half_peak_mib: float
    second_half_peak_mib: float
    end_mib: float

    @classmethod
    def of(cls, start: Reading, during: list[Reading]) -> Memory:
        if not during:
            raise ValueError("no reading during the run")
        middle = during[-1].seconds / 2
        first = [r.rss_mib for r in during if r.seconds <= middle] or [start.rss_mib]
        second = [r.rss_mib for r in during if r.seconds > middle] or first
        return cls(
            round(start.rss_mib, 1),
            round(max(first), 1),
            round(max(second), 1),
            round(during[-1].rss_mib, 1),
        )

    @property
    def second_half_growth_mib(self) -> float:
        return round(self.second_half_peak_mib - self.first_half_peak_mib, 1)


class MetricsWatch:
    """Reads a worker's /metrics every ``interval`` seconds while a run lasts."""

    def __init__(self, url: str, interval: float, echo: bool = False) -> None:
        self.url = url
        self.interval = interval
        self.echo = echo
        self.readings: list[Reading] = []
        self._began = time.monotonic()
        self._session: aiohttp.ClientSession | None = None
        self._task: asyncio.Task[None] | None = None

    async def read(self) -> Reading:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        async with self._session.get(self.url) as response:
            response.raise_for_status()
            text = await response.text()
        return read_metrics(text, time.monotonic() - self._began)

    async def start(self) -> Reading:
        """The reading before the run; readings every ``interval`` from now on."""
        self._began = time.monotonic()
        first = await self.read()
        self._task = asyncio.create_task(self._loop())
        return first

    async def stop(self) -> Reading:
        """The last reading (taken now)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        try:
            last = await self.read()
            self._keep(last)
            return last
        finally:
            if self._session is not None:
                await self._session.close()

    async def until_processed(self, count: int, deadline: float) -> bool:
        """Until the worker counts ``count`` rows processed (it counts a batch once its
        detectors are through with it, after PostgreSQL has the rows) or ``deadline``
        (``time.monotonic()``) passes; whether it got there."""
        while time.monotonic() < deadline:
            if self.readings and self.readings[-1].processed >= count:
                return True
            await asyncio.sleep(0.5)
        return bool(self.readings) and self.readings[-1].processed >= count

    def _keep(self, reading: Reading) -> None:
        self.readings.append(reading)
        if self.echo:
            print(reading.line(), file=sys.stderr, flush=True)

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                self._keep(await self.read())
            except (aiohttp.ClientError, TimeoutError) as exc:  # a busy worker: next time
                print(f"metrics unavailable: {exc!r}", file=sys.stderr)


# -- one run ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    mode: str
    records: int
    batch: int
    sent: int
    stored: int
    duplicates: int
    seconds: float  # first publish to the last row stored (PostgreSQL's clock)
    wall_seconds: float  # first publish to the count that found every row
    logs_per_s: float
    timed_out: bool
    # The worker done with every record (its detectors too), from the first publish or so.
    processed_seconds: float
    memory: Memory
    evicted_services: int
    evicted_templates: int
    detector_evicted: int
    service_labels: int
    stage_seconds: dict[str, float]
    readings: list[Reading] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every record sent, each stored exactly once."""
        return self.sent == self.records and self.stored == self.sent and self.duplicates == 0

    def to_json(self) -> str:
        values = asdict(self)
        del values["readings"]
        values["memory"]["second_half_growth_mib"] = self.memory.second_half_growth_mib
        return json.dumps({**values, "ok": self.ok})


async def explode(
    settings: Settings,
    metrics_url: str,
    *,
    records: int,
    mode: str = "services",
    batch: int = 100,
    interval: float = 2.0,
    time_limit: float = 3600.0,
    echo: bool = False,
    now: float | None = None,
    settle: Callable[[], Awaitable[object]] | None = None,
) -> Report:
    """Publish ``records`` records of distinct services (or templates) to the worker behind
    ``settings``' queue and database, wait until they are stored (and then for ``settle``, if
    given), and report what its /metrics showed meanwhile. ``now``: the records' first
    timestamp (default: the time of the run)."""
    run_id = new_run_id()
    rows = explosion_records(records, mode=mode, run_id=run_id, now=now)
    messages = list(encode_messages(rows, batch))
    counter = RunCounter(settings.database.url, settings.sql_dir)
    watch = MetricsWatch(metrics_url, interval, echo)
    try:
        await counter.count(run_id)  # the database answers before anything is sent
        start = await watch.start()
        try:
            published: Published = await publish_run(
                settings, run_id, messages, time_limit=time_limit
            )
            deadline = published.started + time_limit
            waited = await wait_until_stored(counter, run_id, published.records, deadline=deadline)
            processed = await watch.until_processed(
                start.processed + waited.counts.stored, deadline
            )
            if settle is not None:
                await settle()
        finally:
            end = await watch.stop()
    finally:
        await counter.close()
    seconds = run_seconds(published, waited)
    return Report(
        mode=mode,
        records=records,
        batch=batch,
        sent=published.records,
        stored=waited.counts.stored,
        duplicates=max(0, waited.counts.rows - waited.counts.stored),
        seconds=round(seconds, 1),
        wall_seconds=round(waited.finished - published.started, 1),
        logs_per_s=round(waited.counts.stored / seconds, 1) if seconds > 0 else 0.0,
        timed_out=waited.timed_out or not published.complete or not processed,
        processed_seconds=round(end.seconds, 1),
        memory=Memory.of(start, watch.readings),
        evicted_services=end.evicted_services - start.evicted_services,
        evicted_templates=end.evicted_templates - start.evicted_templates,
        detector_evicted=end.detector_evicted - start.detector_evicted,
        service_labels=end.service_labels,
        stage_seconds={
            stage: round(seconds - start.stage_seconds.get(stage, 0.0), 1)
            for stage, seconds in end.stage_seconds.items()
        },
        readings=watch.readings,
    )


# -- a worker of its own ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def bounds_env(
    max_services: int | None, max_templates: int | None, label_limit: int | None
) -> dict[str, str]:
    """The worker settings for the bounds given (the worker's defaults for the others)."""
    pairs = (
        ("ANALYSIS_MAX_SERVICES", max_services),
        ("TEMPLATE_MAX_TEMPLATES_PER_SERVICE", max_templates),
        ("METRICS_MAX_SERVICE_LABELS", label_limit),
    )
    return {name: str(value) for name, value in pairs if value is not None}


@contextlib.asynccontextmanager
async def isolated_worker(extra: dict[str, str], log: Path) -> AsyncIterator[dict[str, str]]:
    """A worker under names of its own and on a database of its own; its environment. Its
    queues, topics and database are removed on the way out, whatever happened."""
    # Imported here: the integration fixtures read the settings when they are imported.
    from tests.integration.conftest import (
        create_database,
        database_url_for,
        drop_database,
        remove_test_names,
        service_environment,
    )

    unique = f"explosion-{uuid.uuid4().hex[:8]}"
    name = await create_database()
    worker = None
    try:
        with tempfile.TemporaryDirectory(prefix="explosion-") as state:
            env = service_environment(unique, _free_port(), Path(state))
            env.update({"DATABASE_URL": database_url_for(name), **extra})
            await migrate(env["DATABASE_URL"], ROOT / "sql")
            print(f"starting a worker (log: {log})", file=sys.stderr)
            worker = await asyncio.to_thread(start_worker, env, log)
            try:
                yield env
            finally:
                worker.terminate()
                try:
                    await asyncio.to_thread(worker.wait, 60)
                except subprocess.TimeoutExpired:
                    worker.kill()
    finally:
        await remove_test_names(f"la-test-{unique}")
        await drop_database(name)


async def main_async(args: argparse.Namespace) -> Report:
    log = ROOT / ".stack" / "logs" / "bench-explosion-worker.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    extra = bounds_env(args.max_services, args.max_templates, args.label_limit)
    async with isolated_worker(extra, log) as env:
        settings = load_settings(env)
        url = f"http://127.0.0.1:{env['WEB_PORT']}/metrics"
        return await explode(
            settings,
            url,
            records=args.records,
            mode=args.mode,
            batch=args.batch,
            interval=args.interval,
            time_limit=args.timeout,
            echo=True,
        )


def parse_args(argv: Iterable[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", "-n", type=int, default=1_000_000)
    parser.add_argument("--mode", choices=MODES, default="services")
    parser.add_argument("--batch", type=int, default=100, help="records a message")
    parser.add_argument("--max-services", type=int, help="ANALYSIS_MAX_SERVICES")
    parser.add_argument("--max-templates", type=int, help="TEMPLATE_MAX_TEMPLATES_PER_SERVICE")
    parser.add_argument("--label-limit", type=int, help="METRICS_MAX_SERVICE_LABELS")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between readings")
    parser.add_argument("--timeout", type=float, default=3600.0)
    return parser.parse_args(None if argv is None else list(argv))


def main() -> int:
    args = parse_args()
    report = asyncio.run(main_async(args))
    print(report.to_json(), flush=True)
    return 0 if report.ok and not report.timed_out else 1


if __name__ == "__main__":
    raise SystemExit(main())
