"""The explosion benchmark's own logic: its records, its reading of /metrics, its memory halves."""

from __future__ import annotations

import pytest

from pipeline.analysis.records import parse_record
from pipeline.templates import MinerConfig, ServiceMiners
from tests.bench.bench_explosion import Memory, Reading, bounds_env, explosion_records, read_metrics

MIB = 1024 * 1024


def test_every_record_has_a_service_of_its_own_and_parses():
    items = list(explosion_records(1000, mode="services", run_id="r", start=5, now=1.8e9))
    assert len({item["service_name"] for item in items}) == 1000
    assert [item["metadata"] for item in items[:2]] == [
        {"bench_run": "r", "seq": 5},
        {"bench_run": "r", "seq": 6},
    ]
    for item in items:
        parse_record(item, received_at=1.8e9)  # raises if refused


def test_every_record_of_the_templates_mode_is_a_template_of_its_own():
    miners = ServiceMiners(MinerConfig(max_templates_per_service=100_000))
    items = list(explosion_records(5000, mode="templates", run_id="r"))
    assert {item["service_name"] for item in items} == {"x-templates"}
    ids = {miners.mine("x-templates", item["message"]).template_id for item in items}
    assert len(ids) == 5000


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode"):
        list(explosion_records(1, mode="hosts", run_id="r"))


PAGE = """\
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 3.145728e+08
# TYPE logs_processed_total counter
logs_processed_total 1234.0
# TYPE template_miner_bound_hits_total counter
template_miner_bound_hits_total{bound="evicted_services"} 99.0
template_miner_bound_hits_total{bound="truncated_messages"} 3.0
# TYPE detector_evicted_services_total counter
detector_evicted_services_total 98.0
# TYPE logs_ingested_total counter
logs_ingested_total{level="INFO",service="a"} 1.0
logs_ingested_total{level="ERROR",service="a"} 1.0
logs_ingested_total{level="INFO",service="other"} 5.0
# TYPE ingest_stage_seconds_total counter
ingest_stage_seconds_total{stage="mine"} 1.5
"""


def test_a_metrics_page_is_read_with_missing_counters_as_zero():
    reading = read_metrics(PAGE, 12.34)
    assert reading == Reading(
        seconds=12.3,
        rss_bytes=300 * MIB,
        processed=1234,
        evicted_services=99,
        evicted_templates=0,
        detector_evicted=98,
        service_labels=2,
        stage_seconds={"mine": 1.5},
    )


def _at(seconds: float, mib: float) -> Reading:
    return Reading(seconds, int(mib * MIB), 0, 0, 0, 0, 0)


def test_memory_compares_the_peaks_of_the_two_halves_of_the_run():
    during = [_at(1, 300), _at(2, 420), _at(3, 400), _at(4, 410), _at(5, 430), _at(6, 425)]
    memory = Memory.of(_at(0, 180), during)
    assert memory == Memory(180.0, 420.0, 430.0, 425.0)
    assert memory.second_half_growth_mib == 10.0
    with pytest.raises(ValueError):
        Memory.of(_at(0, 180), [])


def test_only_the_bounds_given_are_set():
    assert bounds_env(500, None, 50) == {
        "ANALYSIS_MAX_SERVICES": "500",
        "METRICS_MAX_SERVICE_LABELS": "50",
    }
