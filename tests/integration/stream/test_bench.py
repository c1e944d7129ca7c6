"""`python -m pipeline bench` against our running worker on the real stack."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ..conftest import REPO_ROOT
from .conftest import Stream

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]


def test_bench_stores_every_record_once(stream: Stream):
    stream.start()
    command = [sys.executable, "-m", "pipeline", "bench", "--records", "20000"]
    command += ["--timeout", "150", "--watch", f"tests={os.getpid()}"]
    result = subprocess.run(
        command, cwd=REPO_ROOT, env=stream.env, capture_output=True, text=True, timeout=200
    )
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout + result.stderr
    report = json.loads(lines[0])
    assert report["sent"] == 20000
    assert report["stored"] == report["sent"]
    assert report["duplicates"] == 0
    assert report["logs_per_s"] > 0
    # Publish to row: ordered percentiles, none longer than the run itself.
    latencies = [report[f"{p}_latency_s"] for p in ("p50", "p95", "p99", "max")]
    assert latencies[0] > 0 and latencies == sorted(latencies), latencies
    assert latencies[-1] <= report["seconds"] + 1
    assert isinstance(report["alerts"], int) and report["alerts"] >= 0
    # The worker through its /metrics (ProcessCollector), the bench and this process by pid.
    processes = report["processes"]
    assert set(processes) == {"bench", "worker", "tests"}, processes
    assert processes["worker"]["peak_mb"] > 50 and processes["worker"]["cpu_seconds"] > 0
    assert processes["worker"]["memory"] == "rss" and processes["tests"]["memory"] == "pss"
    assert processes["bench"]["peak_mb"] > 10 and processes["bench"]["cpu_seconds"] > 0
    assert result.returncode == 0, result.stderr
