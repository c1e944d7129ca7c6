"""The insights agent: insights topic -> PostgreSQL (window stats, anomalies, incidents, insights).

Acks only after PostgreSQL committed; every table is keyed by the insight's natural id, so a
replay stores nothing twice, and an incident never moves back to an older revision.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import orjson

from pipeline.agents.stopping import register_batch_agent
from pipeline.metrics import Metrics

log = logging.getLogger(__name__)


class InsightStore(Protocol):
    async def store(self, messages: Sequence[dict[str, Any]]) -> int: ...


def decode_insights(values: Sequence[bytes]) -> tuple[list[dict[str, Any]], int]:
    """The JSON objects among ``values`` and how many were not JSON objects."""
    found: list[dict[str, Any]] = []
    unreadable = 0
    for value in values:
        try:
            item = orjson.loads(value)
        except orjson.JSONDecodeError:
            unreadable += 1
            continue
        if isinstance(item, dict):
            found.append(item)
        else:
            unreadable += 1
    return found, unreadable


def register_insights_agent(
    app: Any,
    topic: Any,
    store: InsightStore,
    metrics: Metrics,
    *,
    batch_messages: int,
    batch_seconds: float,
    on_failure: Callable[[str], None],
    on_skip: Callable[[str], None],
) -> Any:
    async def handle(events: Sequence[Any]) -> None:
        insights, unreadable = decode_insights([event.value for event in events])
        if unreadable:
            # Not ours to store: counted and skipped (the sink refuses bad objects itself).
            log.error("insights: %d unreadable message(s) skipped", unreadable)
            metrics.logs_failed.labels("unreadable_insight").inc(unreadable)
        await store.store(insights)

    return register_batch_agent(
        app,
        topic,
        "insights",
        handle,
        batch_messages=batch_messages,
        batch_seconds=batch_seconds,
        on_failure=on_failure,
        on_skip=on_skip,
    )
