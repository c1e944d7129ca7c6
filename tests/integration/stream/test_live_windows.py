"""Live windows against the offline core: same incidents, disorder and skewed clocks harmless."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from typing import Any

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bridges.partitioning import ServicePartitioner
from tests.integration.processes import get_json

from .conftest import Stream, messages
from .scenario import assert_same_incidents, live_incidents, offline_incidents, scenario

pytestmark = [pytest.mark.slow]

HOURS = 3


@pytest.mark.timeout(360)
async def test_a_simulated_scenario_gives_the_incidents_of_analyze(stream: Stream):
    run = scenario(HOURS)
    assert len(run.offline) >= run.truths // 2  # a scenario with incidents to agree on

    stream.start()
    await stream.publish(messages(run.items, 200))
    online = {incident for _, incident in await live_incidents(stream, run)}
    assert_same_incidents(run, online)

    # The live path counted what it found and published an alert per incident; Faust's
    # sensors saw the agents' streams.
    deadline = time.monotonic() + 30
    while True:
        samples = _samples(stream)
        alerts = samples.get(("messages_published_total", stream.env["ALERTS_QUEUE"]), 0.0)
        if alerts >= len(online) or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.5)
    assert alerts >= len(online)
    found = sum(v for (name, _), v in samples.items() if name == "anomalies_detected_total")
    (stored,) = await stream.fetch("SELECT count(*) FROM anomalies")
    assert found >= stored[0] > 0
    for topic in ("KAFKA_LOGS_TOPIC", "KAFKA_INSIGHTS_TOPIC"):
        assert samples[("faust_messages_received_per_topic_total", stream.env[topic])] > 0


@pytest.mark.timeout(360)
async def test_a_subtle_shift_in_the_template_mix_is_found_live_and_explained(stream: Stream):
    # Seed 3 of the subtle variant: two services' mix moves by about 15% for ten minutes, which
    # only the test against the share from before the run finds (without the anchor, offline
    # finds neither), so the anchors must live in the detectors the stream runs.
    run = scenario(HOURS, variant="subtle", seed=3)
    shifts = {i for i in run.offline if i[1] == "pattern_shift"}
    unanchored = offline_incidents(
        replace(run.config, shift_anchor_windows=0), [orjson.dumps(i) for i in run.items]
    )
    assert len(shifts) == 2 and not shifts & unanchored

    stream.start()
    await stream.publish(messages(run.items, 200))
    online = {incident for _, incident in await live_incidents(stream, run)}
    assert_same_incidents(run, online)
    rows = await stream.fetch(
        "SELECT service_name, reason, contributing_templates FROM anomalies "
        "WHERE kind = 'pattern_shift' AND window_start < to_timestamp($1)",
        run.cutoff,
    )
    assert {r["service_name"] for r in rows} == {service for service, _, _ in shifts}
    for row in rows:
        (template,) = orjson.loads(row["contributing_templates"])
        # The explanation names the message whose share rose, and by how much.
        assert f"'{template['template']}' rose to" in row["reason"]
        assert f"of {row['service_name']}'s logs from an expected" in row["reason"]


def _samples(stream: Stream) -> dict[tuple[str, str], float]:
    """(sample name, its first label's value) -> value summed over its other labels."""
    _, text = get_json(f"http://127.0.0.1:{stream.env['WEB_PORT']}/metrics")
    sums: dict[tuple[str, str], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            key = (sample.name, next(iter(sample.labels.values()), ""))
            sums[key] = sums.get(key, 0.0) + sample.value
    return sums


def _steady(service: str, start: float, minutes: int) -> list[dict[str, Any]]:
    return [
        {
            "service": service,
            "level": "WARNING" if i % 10 == 0 else ("ERROR" if i % 15 == 0 else "INFO"),
            "message": f"request {minute * 100 + i} served in {i} ms",
            "timestamp": start + minute * 60 + i + 0.5,
            "metadata": {"run": service, "seq": minute * 100 + i},
        }
        for minute in range(minutes)
        for i in range(60)
    ]


@pytest.mark.timeout(240)
async def test_records_out_of_order_within_the_lateness_give_the_windows_of_in_order(
    stream: Stream,
):
    minutes = 8
    start = (time.time() // 60) * 60 - 30 * 60
    ordered = _steady("in-order", start, minutes)
    shuffled = _steady("shuffled", start, minutes)
    # Each block of eight records reversed: up to seven seconds behind the newest (lateness 10).
    shuffled = [item for i in range(0, len(shuffled), 8) for item in reversed(shuffled[i : i + 8])]
    items = [item for pair in zip(ordered, shuffled, strict=True) for item in pair]
    stream.start()
    await stream.publish(messages(items, 40))
    await stream.wait_for_rows("shuffled", len(shuffled), within=90)
    await stream.wait_for_rows("in-order", len(ordered), within=30)
    query = (
        "SELECT extract(epoch FROM window_start)::float8 AS start, volume, "
        "features->>'error_rate' AS errors, features->>'warning_rate' AS warnings "
        "FROM window_stats WHERE service_name = $1 AND window_start < to_timestamp($2) "
        "ORDER BY window_start"
    )
    end = start + minutes * 60
    await stream.wait_for(
        f"SELECT count(*) FROM window_stats WHERE window_start < to_timestamp({end})",
        2 * minutes,
        within=90,
    )
    in_order = [tuple(r) for r in await stream.fetch(query, "in-order", end)]
    out_of_order = [tuple(r) for r in await stream.fetch(query, "shuffled", end)]
    assert out_of_order == in_order
    assert sum(r[1] for r in in_order) == len(ordered)  # nothing was late


@pytest.mark.timeout(240)
async def test_a_service_whose_clock_runs_ahead_makes_no_other_service_late(stream: Stream):
    partition = ServicePartitioner(int(stream.env["KAFKA_TOPIC_PARTITIONS"]))
    honest = "honest"
    ahead = next(
        name for name in (f"ahead-{i}" for i in range(100)) if partition(name) == partition(honest)
    )
    stream.start(env={"WINDOW_SECONDS": "10", "ALLOWED_LATENESS_SECONDS": "30"})
    now = time.time()
    # Four minutes ahead (under MAX_FUTURE_SECONDS, so not clamped), published first.
    early = [
        {"service": ahead, "level": "INFO", "message": f"tick {i}", "timestamp": now + 240 + i,
         "metadata": {"run": "ahead", "seq": i}}
        for i in range(20)
    ]  # fmt: skip
    honest_items = [
        {"service": honest, "level": "INFO", "message": f"tock {i}", "timestamp": now - 5,
         "metadata": {"run": honest, "seq": i}}
        for i in range(30)
    ]  # fmt: skip
    await stream.publish(messages(early + honest_items, 50))
    await stream.wait_for_rows(honest, len(honest_items), within=60)
    # The honest service's window closes on the partition's clock (window 10 s, lateness 30 s).
    await stream.wait_for(
        f"SELECT coalesce(sum(volume), 0)::int FROM window_stats WHERE service_name = '{honest}'",
        len(honest_items),
        within=90,
    )
