"""What the bench reads about processes: the worker's process series, local pids with their
children, peaks over a run, and sources that fail."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import psutil
import pytest
from prometheus_client import CollectorRegistry, ProcessCollector, generate_latest

from pipeline.client.resources import (
    ProcessSource,
    ResourceWatch,
    Tally,
    Usage,
    build_sources,
    parse_process_metrics,
)


def test_the_process_series_of_a_prometheus_page_are_read():
    registry = CollectorRegistry()
    ProcessCollector(registry=registry)
    usage = parse_process_metrics(generate_latest(registry).decode())
    assert usage.memory_bytes > 10 * 1024 * 1024 and usage.cpu_seconds > 0
    assert usage.memory == "rss"


def test_a_page_without_them_is_an_error():
    with pytest.raises(ValueError, match="process_resident_memory_bytes"):
        parse_process_metrics("# HELP x y\n# TYPE x counter\nx_total 1\n")


def test_a_tally_keeps_the_peak_and_the_cpu_spent_since_the_first_reading():
    tally = Tally()
    for rss, cpu in ((100, 5.0), (300, 6.0), (200, 7.5)):
        tally.add(Usage(rss * 1024 * 1024, cpu))
    assert tally.summary() == {
        "peak_mb": 300.0, "end_mb": 200.0, "memory": "rss", "cpu_seconds": 2.5
    }  # fmt: skip


def test_a_pid_counts_its_children():
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "x = b'x' * (64 << 20); print(flush=True); import time; time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        child.stdout.readline()  # the child's 64 MiB are written
        alone = ProcessSource("child", child.pid)._read()
        assert alone.memory == "pss" and alone.memory_bytes > 64 << 20
        family = ProcessSource("family", os.getpid())._read()
        this_one = psutil.Process().memory_full_info().pss
        assert family.memory_bytes - this_one >= 64 << 20
    finally:
        child.kill()
        child.wait()


async def test_a_source_that_fails_is_reported_not_raised():
    gone = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    await gone.wait()
    watch = ResourceWatch(
        build_sources({"worker": "http://127.0.0.1:9/metrics"}, [("gone", gone.pid)]),
        interval=0.05,
    )
    await watch.start()
    result = await watch.stop()
    assert set(result) == {"bench", "worker", "gone"}
    assert "ClientConnectorError" in result["worker"]["unavailable"]
    assert "NoSuchProcess" in result["gone"]["unavailable"]
    assert result["bench"]["peak_mb"] > 10
