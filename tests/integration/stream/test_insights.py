"""Detectors on the live stream: an error burst through RabbitMQ comes out as one alert."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import aio_pika
import jsonschema
import orjson
import pytest

from bridges.queues import declare_queue

from ..conftest import BASE
from .conftest import Stream, messages

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

SCHEMAS = Path(__file__).resolve().parents[3] / "docs" / "schemas"


def _traffic(start: float, minutes: int, burst: range) -> list[dict[str, Any]]:
    """A steady service, 60 lines a minute, with an error burst in the ``burst`` minutes."""
    items: list[dict[str, Any]] = []
    for minute in range(minutes):
        for i in range(60):
            ts = start + minute * 60 + i
            items.append(
                {
                    "service": "checkout",
                    "level": "INFO" if i % 10 else "WARNING",
                    "message": (f"order {minute * 100 + i} placed", f"cart {i} updated")[i % 2],
                    "timestamp": ts,
                    "metadata": {"run": "burst", "seq": minute * 1000 + i},
                }
            )
        # The error is known: once every ten minutes normally, so a burst is an error-rate rise.
        if minute % 10 == 5 or minute in burst:
            items.extend(
                {
                    "service": "checkout",
                    "level": "ERROR",
                    "message": f"payment provider timed out after {5000 + j} ms",
                    "timestamp": start + minute * 60 + j,
                    "metadata": {"run": "burst", "seq": minute * 1000 + 100 + j},
                }
                for j in range(25 if minute in burst else 1)
            )
    return sorted(items, key=lambda item: float(item["timestamp"]))


async def _drain(queue_name: str, wait: float) -> list[dict[str, Any]]:
    connection = await aio_pika.connect_robust(BASE.rabbitmq.url)
    found: list[dict[str, Any]] = []
    try:
        channel = await connection.channel()
        queue = await declare_queue(channel, queue_name)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            message = await queue.get(fail=False)
            if message is None:
                await asyncio.sleep(0.2)
                continue
            found.append(orjson.loads(message.body))
            await message.ack()
    finally:
        await connection.close()
    return found


def _validator(name: str) -> jsonschema.Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


async def test_an_error_burst_gives_one_alert_opened_then_resolved(stream: Stream):
    start = (time.time() // 60) * 60 - 90 * 60
    items = _traffic(start, 80, burst=range(60, 64))
    stream.start()
    await stream.publish(messages(items, 100))
    await stream.wait_for_rows("burst", len(items), within=90)
    alerts: list[dict[str, Any]] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        alerts += await _drain(stream.env["ALERTS_QUEUE"], 2)
        if any(a["status"] == "resolved" for a in alerts):
            break
    validator = _validator("alert")
    for alert in alerts:
        validator.validate(alert)
    error_alerts = [a for a in alerts if a["kind"] in ("error_rate", "new_error_pattern")]
    assert error_alerts, alerts
    ids = {a["alert_id"] for a in error_alerts}
    assert len(ids) == 1, error_alerts
    statuses = [a["status"] for a in error_alerts]
    assert statuses[0] == "open" and statuses[-1] == "resolved"
    opened = error_alerts[0]
    assert "payment provider timed out" in json.dumps(opened["contributing_templates"])
    assert opened["reason"]
    recommendations = await _drain(stream.env["RECOMMENDATION_QUEUE"], 3)
    validator = _validator("recommendation")
    for message in recommendations:
        validator.validate(message)
    assert any(m["type"] == "recommendation" for m in recommendations)
    assert any(m["type"] == "window_summary" for m in recommendations)


async def test_an_error_burst_is_stored_as_one_resolved_incident(stream: Stream):
    start = (time.time() // 60) * 60 - 90 * 60
    items = _traffic(start, 80, burst=range(60, 64))
    stream.start()
    await stream.publish(messages(items, 100))
    await stream.wait_for_rows("burst", len(items), within=90)
    query = (
        "SELECT count(*) FROM incidents WHERE service_name = 'checkout' "
        "AND kind IN ('error_rate', 'new_error_pattern') AND status = 'resolved'"
    )
    await stream.wait_for(query, 1, within=60)
    (incident,) = await stream.fetch(
        "SELECT incident_id, started_at, windows FROM incidents "
        "WHERE kind IN ('error_rate', 'new_error_pattern')"
    )
    assert abs(incident["started_at"].timestamp() - (start + 60 * 60)) <= 60
    # The windows after the incident are stored as the worker goes on (the last by its idle
    # tick), not before the incident's resolution: wait for them (a loaded CI run had 71).
    await stream.wait_for("SELECT count(*) >= 75 FROM window_stats", True, within=60)
    # Nothing was counted twice: the window volumes add up to what was stored.
    (total,) = await stream.fetch("SELECT sum(volume) AS n FROM window_stats")
    assert total["n"] <= len(items)
