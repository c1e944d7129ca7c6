"""The one JSON line of `bench`, computed from counts."""

from typing import Any

import orjson
import pytest

from pipeline.client.bench import BenchPlan, new_run_id, summarize

PLAN = BenchPlan(records=1000, batch=100, services=10)


def _summary(**overrides):
    values: dict[str, Any] = {
        "run_id": "r1",
        "plan": PLAN,
        "sent": 1000,
        "messages": 10,
        "stored": 1000,
        "rows": 1000,
        "seconds": 2.0,
        "publish_seconds": 0.5,
        "timed_out": False,
    }
    values.update(overrides)
    return summarize(**values)


def test_all_stored_once_is_ok():
    summary = _summary()
    line = orjson.loads(summary.to_json())
    assert line == {
        "run_id": "r1",
        "records": 1000,
        "sent": 1000,
        "stored": 1000,
        "duplicates": 0,
        "seconds": 2.0,
        "logs_per_s": 500.0,
        "publish_seconds": 0.5,
        "publish_logs_per_s": 2000.0,
        "messages": 10,
        "batch": 100,
        "services": 10,
        "rate": None,
        "timed_out": False,
        "p50_latency_s": None,
        "p95_latency_s": None,
        "p99_latency_s": None,
        "max_latency_s": None,
        "alerts": None,
        "processes": {},
        "ok": True,
    }
    assert "\n" not in summary.to_json()


def test_duplicates_are_rows_beyond_one_per_sequence_number():
    summary = _summary(rows=1003)
    assert (summary.stored, summary.duplicates, summary.ok) == (1000, 3, False)


def test_missing_records_and_timeout():
    summary = _summary(stored=900, rows=900, seconds=600.0004, timed_out=True)
    assert summary.logs_per_s == pytest.approx(1.5)
    assert summary.seconds == 600.0
    assert summary.timed_out and not summary.ok


def test_a_partial_publish_is_not_ok_even_if_all_sent_are_stored():
    summary = _summary(sent=400, messages=4, stored=400, rows=400, timed_out=True)
    assert not summary.ok


def test_zero_seconds_gives_zero_rates():
    summary = _summary(seconds=0.0, publish_seconds=0.0)
    assert (summary.logs_per_s, summary.publish_logs_per_s) == (0.0, 0.0)


def test_run_ids_are_unique_and_sortable():
    first, second = new_run_id(), new_run_id()
    assert first != second
    assert len(first) == len(second) == 24
    assert first[:15] <= second[:15]
