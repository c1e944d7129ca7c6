"""The live detectors: one analysis engine per Kafka partition, fed stored rows. Pure.

Services are keyed to partitions by the bridge, so one engine per partition sees all of its
services' records in order, and a partition moving to another worker moves whole services.
Windows close on the partition's own clock (``pipeline.analysis.clock``): the largest
min(event time, receive time) seen, advancing with wall-clock time while the partition is idle.
Only rows PostgreSQL reported as newly inserted are fed, so a redelivered record is never counted
twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.analysis.clock import PartitionClock
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.events import WindowReport
from pipeline.analysis.levels import LEVEL_CODES, WARNING
from pipeline.insights.messages import InsightMessage, from_report, new_pattern
from storage.rows import LogRow, TemplateRow


@dataclass
class _Partition:
    engine: AnalysisEngine
    clock: PartitionClock = field(default_factory=PartitionClock)


class Detectors:
    def __init__(self, config: AnalysisConfig) -> None:
        self._config = config
        self._partitions: dict[int, _Partition] = {}

    @property
    def partitions(self) -> list[int]:
        return sorted(self._partitions)

    def engine(self, partition: int) -> AnalysisEngine | None:
        owned = self._partitions.get(partition)
        return None if owned is None else owned.engine

    def forget(self, partitions: Iterable[int]) -> None:
        """Partitions moved to another worker: their windows go with them."""
        for partition in partitions:
            self._partitions.pop(partition, None)

    def observe(
        self,
        partition: int,
        rows: Sequence[LogRow],
        templates: Sequence[TemplateRow],
        wall_now: float,
    ) -> list[InsightMessage]:
        """Count newly stored rows into their windows; the messages of windows that closed."""
        owned = self._partitions.get(partition)
        if owned is None:
            owned = self._partitions[partition] = _Partition(AnalysisEngine(self._config))
        texts = {(t.service, t.template_id): t.template for t in templates}
        engine, clock = owned.engine, owned.clock
        reports: list[WindowReport] = []
        for row in rows:
            mark = clock.observe(row.ts, row.received_at, wall_now)
            observed = engine.observe_fields(
                row.service,
                row.ts,
                LEVEL_CODES[row.level],
                row.message,
                row.template_id,
                texts.get((row.service, row.template_id), ""),
                mark=mark,
            )
            reports.extend(observed.reports)
        return self._messages(engine, reports)

    def tick(self, wall_now: float, idle: Iterable[int]) -> list[InsightMessage]:
        """Close the windows the clocks of ``idle`` partitions have passed.

        Only partitions with nothing waiting in Kafka are idle: a partition whose records are
        held up (a database outage, a slow consumer) must not have its windows closed by the
        wall clock and its records then counted late."""
        messages: list[InsightMessage] = []
        for partition in idle:
            owned = self._partitions.get(partition)
            if owned is None:
                continue
            now = owned.clock.now(wall_now)
            if now is not None:
                messages.extend(self._messages(owned.engine, owned.engine.tick(now)))
        return messages

    def _messages(
        self, engine: AnalysisEngine, reports: Sequence[WindowReport]
    ) -> list[InsightMessage]:
        messages: list[InsightMessage] = []
        width = self._config.window_seconds
        for report in reports:
            alerting = any(e.action == "opened" or e.escalated for e in report.incident_events)
            recommendations: list[dict[str, object]] = []
            if alerting:
                summary = engine.summary(report.service_name) or {}
                recommendations = list(summary.get("recommendation_details", []))
            messages.extend(from_report(report, width, recommendations))
        return messages


def new_pattern_messages(
    templates: Iterable[TemplateRow], created: set[tuple[str, str]], first_seen: float
) -> list[InsightMessage]:
    """Templates created in this batch whose first record was WARNING or above."""
    return [
        new_pattern(t.service, t.template_id, t.template, t.level, first_seen)
        for t in templates
        if (t.service, t.template_id) in created and LEVEL_CODES.get(t.level, 0) >= WARNING
    ]
