"""A simulated scenario run through the live service and through ``analyze``, compared."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import orjson

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.records import parse_record
from pipeline.offline.analyze_command import analyze
from pipeline.offline.simulator import START, SimConfig, simulate
from pipeline.wiring import analysis_config

from ..conftest import BASE
from .conftest import Stream

Incident = tuple[str, str, float]  # service, kind, start of its first window


@dataclass(frozen=True)
class Scenario:
    items: list[dict[str, Any]]
    config: AnalysisConfig
    # Incidents ``analyze`` finds, and windows the records themselves close: up to five
    # windows before their end (the live service closes the rest on the wall clock).
    offline: set[Incident]
    cutoff: float
    truths: int

    @property
    def windows(self) -> Counter[tuple[str, int]]:
        """Records per (service, window start): what every closed window must hold."""
        width = self.config.window_seconds
        return Counter(
            (record.service_name, int(record.timestamp // width) * width)
            for record in (parse_record(item) for item in self.items)
            if record.timestamp < self.cutoff
        )


def scenario(hours: float, lateness: float | None = None, **sim: Any) -> Scenario:
    """``hours`` of the simulator's logs (``sim``: other :class:`SimConfig` fields)."""
    records, truths, _ = simulate(SimConfig(hours=hours, **sim))
    items = list(records)
    config = replace(analysis_config(BASE.analysis), refit_inline=True)
    if lateness is not None:
        config = replace(config, allowed_lateness_seconds=lateness)
    cutoff = START + hours * 3600 - 5 * config.window_seconds
    incidents = offline_incidents(config, [orjson.dumps(item) for item in items])
    return Scenario(items, config, {i for i in incidents if i[2] < cutoff}, cutoff, len(truths))


def offline_incidents(config: AnalysisConfig, lines: list[bytes]) -> set[Incident]:
    out = io.BytesIO()
    analyze(lines, out, config, workers=1)
    first: dict[str, Incident] = {}
    for line in out.getvalue().splitlines():
        anomaly = orjson.loads(line)
        start = datetime.fromisoformat(anomaly["window_start"]).timestamp()
        known = first.get(anomaly["incident_id"])
        if known is None or start < known[2]:
            first[anomaly["incident_id"]] = (anomaly["service_name"], anomaly["kind"], start)
    return set(first.values())


def unmatched(ours: set[Incident], theirs: set[Incident], width: float) -> list[Incident]:
    """Incidents of ``ours`` with no incident of ``theirs`` of the same service and kind
    starting within one window."""
    return sorted(
        (service, kind, start)
        for service, kind, start in ours
        if not any(s == service and k == kind and abs(t - start) <= width for s, k, t in theirs)
    )


async def live_incidents(stream: Stream, run: Scenario) -> list[tuple[str, Incident]]:
    """Once every record is stored and each service's windows passed the cutoff: the stored
    incidents (id, incident) that started before it."""
    await stream.wait_for_records(run.items, within=240)
    await stream.wait_for(
        f"SELECT bool_and(last >= to_timestamp({run.cutoff})) FROM (SELECT max(window_start) "
        "AS last FROM window_stats GROUP BY service_name) AS s",
        True,
        within=120,
    )
    rows = await stream.fetch(
        "SELECT incident_id, service_name, kind, extract(epoch FROM started_at)::float8 AS start "
        "FROM incidents WHERE started_at < to_timestamp($1)",
        run.cutoff,
    )
    return [(r["incident_id"], (r["service_name"], r["kind"], r["start"])) for r in rows]


def assert_same_incidents(run: Scenario, online: set[Incident], context: str = "") -> None:
    width = float(run.config.window_seconds)
    missed = unmatched(run.offline, online, width)
    assert missed == [], f"missed {missed}, found {sorted(online)}\n{context}"
    extra = unmatched(online, run.offline, width)
    assert extra == [], f"extra {extra}, analyze found {sorted(run.offline)}\n{context}"


async def assert_undisturbed(stream: Stream, run: Scenario) -> None:
    """What a disturbed run must end with: every window holding exactly its records (none
    lost, none counted twice) and the incidents of ``analyze``, each opened once (no new
    alert id)."""
    found = await live_incidents(stream, run)
    rows = await stream.fetch(
        "SELECT service_name, extract(epoch FROM window_start)::bigint AS start, volume "
        "FROM window_stats WHERE window_start < to_timestamp($1) AND volume > 0",
        run.cutoff,
    )
    stored = {(r["service_name"], r["start"]): r["volume"] for r in rows}
    expected = dict(run.windows)
    differ = sorted(
        (key, stored.get(key), expected.get(key))
        for key in stored.keys() | expected.keys()
        if stored.get(key) != expected.get(key)
    )
    # (service, window start, stored volume, records it holds), then the workers' handoffs
    assert not differ, (
        f"{[(s, t - START, got, want) for (s, t), got, want in differ[:20]]}\n{stream.timeline()}"
    )
    online = {incident for _, incident in found}
    assert_same_incidents(run, online, stream.timeline())
    assert len(found) == len(online)
