"""`python -m pipeline bench` against our running worker on the real stack."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ..conftest import REPO_ROOT
from .conftest import Stream

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]


def test_bench_stores_every_record_once(stream: Stream):
    stream.start()
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "bench", "--records", "20000", "--timeout", "150"],
        cwd=REPO_ROOT,
        env=stream.env,
        capture_output=True,
        text=True,
        timeout=200,
    )
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout + result.stderr
    report = json.loads(lines[0])
    assert report["sent"] == 20000
    assert report["stored"] == report["sent"]
    assert report["duplicates"] == 0
    assert report["logs_per_s"] > 0
    assert result.returncode == 0, result.stderr
