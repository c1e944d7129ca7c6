"""RabbitMQ -> bridge -> Kafka -> ingest agent -> PostgreSQL, on the real stack, with our worker."""

from __future__ import annotations

import asyncio
import signal
from collections import defaultdict

import orjson
import pytest

from pipeline.templates import ServiceMiners

from .conftest import Samples, Stream, messages, records

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]


async def _templates(stream: Stream) -> dict[tuple[str, str], tuple[str, int, str | None]]:
    rows = await stream.fetch(
        "SELECT service_name, template_id, template, occurrences, superseded_by FROM templates"
    )
    return {
        (r["service_name"], r["template_id"]): (r["template"], r["occurrences"], r["superseded_by"])
        for r in rows
    }


def _follow(templates: dict, service: str, template_id: str) -> str:
    seen = set()
    while True:
        superseded = templates[(service, template_id)][2]
        if superseded is None or superseded in seen:
            return template_id
        seen.add(template_id)
        template_id = superseded


async def test_every_record_is_stored_once_with_the_templates_an_offline_miner_finds(
    stream: Stream,
):
    items = records("r1", 3000, services=3)
    stream.env["METRICS_MAX_SERVICE_LABELS"] = "2"
    stream.start()
    await stream.publish(messages(items, 50))
    await stream.wait_for_rows("r1", 3000)
    assert await stream.count("r1") == (3000, 3000)
    await _check_metrics(stream, messages_=60, records_=3000)

    # The same messages mined offline, service by service in publish order (one partition per
    # service keeps that order), give the templates the stream stored.
    offline = ServiceMiners()
    expected: dict[int, tuple[str, str]] = {}
    for item in items:
        match = offline.mine(item["service"], item["message"])
        expected[item["metadata"]["seq"]] = (item["service"], match.template_id)
    templates = await _templates(stream)
    rows = await stream.fetch(
        "SELECT service_name, template_id, (metadata->>'seq')::int AS seq FROM logs"
    )
    for row in rows:
        service, assigned = expected[row["seq"]]
        assert row["service_name"] == service
        assert _follow(templates, service, row["template_id"]) == offline.resolve(service, assigned)
    # Counts are derived from stored rows: they add up per service.
    per_service: dict[str, int] = defaultdict(int)
    for (service, _), (_, occurrences, _) in templates.items():
        per_service[service] += occurrences
    assert dict(per_service) == {"svc-0": 1000, "svc-1": 1000, "svc-2": 1000}
    live = {
        (service, text)
        for (service, _), (text, _, superseded) in templates.items()
        if superseded is None
    }
    assert live == {
        (service, text)
        for service in ("svc-0", "svc-1", "svc-2")
        for text in offline.templates(service).values()
    }


def _samples(stream: Stream) -> Samples:
    return stream.samples()


async def _wait_for_zero_lag(stream: Stream) -> Samples:
    lag: list[float] = []
    for _ in range(60):  # the lag gauge is refreshed every few seconds
        samples = _samples(stream)
        lag = [v for (name, _), v in samples.items() if name == "kafka_consumer_lag"]
        if lag and all(v == 0 for v in lag):
            return samples
        await asyncio.sleep(0.5)
    raise AssertionError(f"consumer lag stayed {lag}")


async def _check_metrics(stream: Stream, messages_: int, records_: int) -> None:
    queue = stream.queue
    samples = await _wait_for_zero_lag(stream)
    assert samples[("messages_consumed_total", (("queue", queue),))] == messages_
    ingested = {labels: v for (name, labels), v in samples.items() if name == "logs_ingested_total"}
    assert sum(ingested.values()) == records_
    # METRICS_MAX_SERVICE_LABELS=2: the third service folds into "other".
    assert {dict(labels)["service"] for labels in ingested} == {"svc-0", "svc-1", "other"}
    assert samples[("logs_processed_total", ())] == records_
    assert samples[("active_consumers", ())] == 1
    assert ("unprocessed_logs", ()) in samples


async def test_a_redelivered_message_adds_no_row_and_no_count(stream: Stream):
    items = records("r2", 400, services=2)
    bodies = messages(items, 20)
    stream.start()
    await stream.publish(bodies)
    await stream.wait_for_rows("r2", 400)
    before = await _templates(stream)
    await asyncio.sleep(5)
    await stream.publish(bodies)  # the same bytes again: no timestamp and future ones among them
    marker = records("r2-marker", 1)
    await stream.publish(messages(marker, 1))
    await stream.wait_for_rows("r2-marker", 1)
    await asyncio.sleep(1)
    assert await stream.count("r2") == (400, 400)
    after = await _templates(stream)
    marker_key = next(key for key in after if key not in before or after[key] != before[key])
    changed = {key for key in after if after[key] != before.get(key)}
    # Only the marker's template moved.
    assert changed == {marker_key}


async def test_a_killed_worker_loses_nothing_and_keeps_its_template_ids(stream: Stream):
    first = records("r3", 2000, services=4)
    worker = stream.start()
    # A template that only a miner with memory has: "Link <*>" after three distinct words.
    learned = [
        {"service": "net", "message": f"Link {word}", "metadata": {"run": "r3-link", "seq": i}}
        for i, word in enumerate(("up", "down", "flapping"))
    ]
    await stream.publish(messages(learned, 1))
    await stream.wait_for_rows("r3-link", 3)
    # Committed, so a restart does not replay (and relearn) them: only saved state can help.
    await _wait_for_zero_lag(stream)
    await stream.publish(messages(first[:1000], 25))
    await stream.wait_for_rows("r3", 300)
    worker.kill(signal.SIGKILL)
    ids_before = {key: value[0] for key, value in (await _templates(stream)).items()}
    await stream.publish(messages(first[1000:], 25))
    stream.start()
    await stream.wait_for_rows("r3", 2000, within=120)
    assert await stream.count("r3") == (2000, 2000)
    # A template the dead worker stored keeps its id and text: the miner state survived.
    after = await _templates(stream)
    for key, text in ids_before.items():
        assert after[key][0] == text
    # A fresh miner would give "Link dormant" a template of its own; the restored one knows.
    await stream.publish(
        messages(
            [
                {
                    "service": "net",
                    "message": "Link dormant",
                    "metadata": {"run": "r3-dormant", "seq": 0},
                }
            ],
            1,
        )
    )
    await stream.wait_for_rows("r3-dormant", 1)
    after = await _templates(stream)
    (dormant,) = await stream.fetch(
        "SELECT template_id FROM logs WHERE metadata->>'run' = 'r3-dormant'"
    )
    assert after[("net", _follow(after, "net", dormant["template_id"]))][0] == "Link <*>"
    # The same message shapes after the restart map to ids stored before it.
    again = records("r3-again", 40, services=4, start=5000)
    await stream.publish(messages(again, 10))
    await stream.wait_for_rows("r3-again", 40)
    rows = await stream.fetch(
        "SELECT DISTINCT service_name, template_id FROM logs WHERE metadata->>'run' = 'r3-again'"
    )
    for row in rows:
        assert _follow(after, row["service_name"], row["template_id"]) in {
            _follow(after, service, tid) for service, tid in ids_before
        }


async def test_a_rolling_restart_loses_and_duplicates_nothing(stream: Stream):
    items = records("r4", 3000, services=3)
    bodies = messages(items, 20)
    worker = stream.start()
    publishing = asyncio.ensure_future(stream.publish(bodies))
    await stream.wait_for_rows("r4", 500)
    assert not (problem := worker.stop(signal.SIGTERM, wait=40)), problem
    assert worker.process.returncode == 0
    stream.start()
    await publishing
    await stream.wait_for_rows("r4", 3000, within=120)
    assert await stream.count("r4") == (3000, 3000)


async def test_bad_records_are_dead_lettered_and_their_partition_keeps_flowing(stream: Stream):
    await stream.fetch("ALTER TABLE logs ADD CONSTRAINT test_no_poison CHECK (message <> 'POISON')")
    good = records("r5", 6, services=1)
    mixed = [
        good[0],
        {"message": "no service anywhere", "metadata": {"run": "r5", "seq": 100}},
        good[1],
        {"service": "svc-0", "message": "x", "level": "LOUD"},
        {"service": "svc-0", "message": "POISON", "metadata": {"run": "r5-poison", "seq": 0}},
        good[2],
    ]
    stream.start()
    await stream.publish(
        [orjson.dumps(mixed), b"{not json", orjson.dumps(good[3:]), b"\xff\x00binary"]
    )
    await stream.wait_for_rows("r5", 6)
    await stream.wait_for("SELECT count(*) FROM dead_letters", 5)
    letters = await stream.fetch(
        "SELECT stage, field, reason, position, source FROM dead_letters ORDER BY stage, position"
    )
    by_stage = defaultdict(list)
    for letter in letters:
        by_stage[letter["stage"]].append(letter)
    assert [(r["position"], r["field"]) for r in by_stage["bridge"]] == [
        (-1, None),
        (-1, None),
        (1, "service_name"),
        (3, "log_level"),
    ]
    (rejected,) = by_stage["storage"]
    assert "test_no_poison" in rejected["reason"]
    assert await stream.count("r5-poison") == (0, 0)
    # The partition that held the poison record keeps flowing.
    later = records("r5-later", 5, services=1, start=200)
    await stream.publish(messages(later, 5))
    await stream.wait_for_rows("r5-later", 5)


async def test_a_worker_stops_promptly_while_the_database_is_down_and_loses_nothing(
    stream: Stream,
):
    # Nothing listens on port 1: every write fails as a lost connection and is retried.
    down = stream.start(env={"DATABASE_URL": "postgresql://u:p@127.0.0.1:1/none"}, path="/health/")
    items = records("r6", 50, services=2)
    await stream.publish(messages(items, 10))
    await asyncio.sleep(5)  # the bridge has put them in Kafka; the agent retries its batch
    started = asyncio.get_running_loop().time()
    assert not (problem := down.stop(signal.SIGTERM, wait=45)), problem
    assert asyncio.get_running_loop().time() - started < 45
    assert await stream.count("r6") == (0, 0)
    stream.start()
    await stream.wait_for_rows("r6", 50, within=60)
    assert await stream.count("r6") == (50, 50)
