"""What the processes of a bench run cost: peak memory and CPU seconds, sampled while the run
lasts.

Two kinds of sources: a worker's own ``/metrics`` (the ``process_*`` series its
``ProcessCollector`` serves: ``process_resident_memory_bytes``, ``process_cpu_seconds_total``),
which works wherever the worker runs, and local processes by pid through psutil, children
included (PostgreSQL's backends, for instance), for the stack's brokers on this machine. A
worker's memory is its RSS; a local process tree's is the sum of its proportional set sizes
(each shared page split among the processes sharing it), since summing the RSS of PostgreSQL's
backends would count its shared buffers once per backend. The
bench's own process is always watched. A source that fails (a worker not answering, a process
gone) is reported as ``unavailable`` with the reason rather than failing the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import aiohttp
import psutil
from prometheus_client.parser import text_string_to_metric_families

log = logging.getLogger(__name__)

MIB = 1024 * 1024
SCRAPE_TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class Usage:
    memory_bytes: int
    cpu_seconds: float
    memory: str = "rss"  # or "pss"


class Source(Protocol):
    name: str

    async def read(self) -> Usage: ...


@dataclass
class ProcessSource:
    """A local process and its children, by pid."""

    name: str
    pid: int

    async def read(self) -> Usage:
        return await asyncio.to_thread(self._read)

    def _read(self) -> Usage:
        root = psutil.Process(self.pid)
        memory, cpu = 0, 0.0
        for process in [root, *root.children(recursive=True)]:
            # A child can end between listing and reading; the rest still counts.
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied), process.oneshot():
                memory += process.memory_full_info().pss
                times = process.cpu_times()
                cpu += times.user + times.system
        return Usage(memory, cpu, "pss")


@dataclass
class MetricsSource:
    """A worker, through the process series of its /metrics."""

    name: str
    url: str
    session: aiohttp.ClientSession | None = None

    async def read(self) -> Usage:
        if self.session is None:
            self.session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=SCRAPE_TIMEOUT_SECONDS)
            )
        async with self.session.get(self.url) as response:
            response.raise_for_status()
            text = await response.text()
        return parse_process_metrics(text)

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
            self.session = None


def parse_process_metrics(text: str) -> Usage:
    """RSS and CPU seconds from a Prometheus text page; ValueError when it has neither."""
    values: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name in ("process_resident_memory_bytes", "process_cpu_seconds_total"):
                values[sample.name] = sample.value
    if len(values) < 2:
        raise ValueError("no process_resident_memory_bytes/process_cpu_seconds_total series")
    return Usage(int(values["process_resident_memory_bytes"]), values["process_cpu_seconds_total"])


@dataclass
class Tally:
    """One source over a run: its peak memory and the CPU seconds it spent since the first
    read."""

    peak_bytes: int = 0
    first_cpu: float | None = None
    last_cpu: float | None = None
    last_bytes: int = 0
    memory: str = "rss"
    failure: str | None = None

    def add(self, usage: Usage) -> None:
        self.peak_bytes = max(self.peak_bytes, usage.memory_bytes)
        self.last_bytes = usage.memory_bytes
        self.memory = usage.memory
        if self.first_cpu is None:
            self.first_cpu = usage.cpu_seconds
        self.last_cpu = usage.cpu_seconds

    def summary(self) -> dict[str, Any]:
        if self.first_cpu is None or self.last_cpu is None:
            return {"unavailable": self.failure or "never read"}
        return {
            "peak_mb": round(self.peak_bytes / MIB, 1),
            "end_mb": round(self.last_bytes / MIB, 1),
            "memory": self.memory,
            "cpu_seconds": round(self.last_cpu - self.first_cpu, 2),
        }


@dataclass
class ResourceWatch:
    """Samples every source every ``interval`` seconds between ``start`` and ``stop``."""

    sources: list[Source]
    # A sample reads each broker's and PostgreSQL's memory map (PSS) and the worker's /metrics:
    # about 10% of the load generator's CPU at 0.5 s, on the cores the run measures.
    interval: float = 1.0
    tallies: dict[str, Tally] = field(default_factory=dict)
    _task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.tallies = {source.name: Tally() for source in self.sources}
        await self.sample()
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> dict[str, dict[str, Any]]:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.sample()
        for source in self.sources:
            if isinstance(source, MetricsSource):
                await source.close()
        return {name: tally.summary() for name, tally in self.tallies.items()}

    async def sample(self) -> None:
        readings = await asyncio.gather(
            *(source.read() for source in self.sources), return_exceptions=True
        )
        for source, reading in zip(self.sources, readings, strict=True):
            tally = self.tallies[source.name]
            if isinstance(reading, BaseException):
                if tally.failure is None:
                    log.warning("bench: cannot read %s: %s", source.name, reading)
                tally.failure = f"{type(reading).__name__}: {reading}"
            else:
                tally.add(reading)

    async def _loop(self) -> None:
        next_at = time.monotonic()
        while True:
            next_at += self.interval
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            await self.sample()


def build_sources(metrics_urls: Mapping[str, str], pids: Iterable[tuple[str, int]]) -> list[Source]:
    """The bench's own process, each worker by its /metrics URL, and each named local pid."""
    sources: list[Source] = [ProcessSource("bench", psutil.Process().pid)]
    sources += [MetricsSource(name, url) for name, url in metrics_urls.items()]
    sources += [ProcessSource(name, pid) for name, pid in pids]
    return sources
