"""Resumes a stream partition Faust left paused after a rebalance.

Faust pauses every assigned partition while it rebalances and recovers its tables, and resumes
them when recovery completes (``faust.tables.recovery``). When a newer rebalance has begun by
then, both ``Recovery.on_rebalance`` and ``on_recovery_completed`` return early ("rebalance
again", "Recovery rebalancing again") and rely on the newer generation to resume; if that
generation's own recovery never starts, a partition stays paused with nobody to resume it. Its
records wait in Kafka and the worker looks healthy. We saw this about once in ten runs of two
workers joining close together (docs/stream.md); it looks like faust-streaming#629.

The watchdog looks every few seconds. A partition of a stream topic (not a changelog) that is
assigned to this worker and paused while Faust is neither rebalancing nor recovering, for
``grace_seconds`` in a row, is resumed, logged at ERROR and counted
(``partitions_resumed_total{topic}``). Legitimate pauses only last while a rebalance or a
recovery runs, which the watchdog waits out, so on a healthy worker it never acts. The
bookkeeping is :class:`StallWatch`, without Faust; :func:`register_partition_watchdog` reads
Faust's consumer (its ``_paused_partitions``: Faust has no public reader of it).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pipeline.metrics import Metrics

log = logging.getLogger(__name__)

Partition = TypeVar("Partition", bound=Hashable)

CHECK_SECONDS = 5.0
GRACE_SECONDS = 30.0


@dataclass
class StallWatch(Generic[Partition]):
    """Since when each partition has been paused with Faust quiet; which are overdue."""

    grace_seconds: float = GRACE_SECONDS
    _since: dict[Partition, float] = field(default_factory=dict)

    def check(self, now: float, paused: Iterable[Partition], quiet: bool) -> set[Partition]:
        """The partitions paused for ``grace_seconds`` of quiet up to ``now``: to resume.
        A rebalance or a recovery (``quiet`` false) starts every count again."""
        if not quiet:
            self._since.clear()
            return set()
        still = set(paused)
        self._since = {tp: since for tp, since in self._since.items() if tp in still}
        for tp in still:
            self._since.setdefault(tp, now)
        due = {tp for tp, since in self._since.items() if now - since >= self.grace_seconds}
        for tp in due:
            del self._since[tp]
        return due


def stuck_partitions(app: Any) -> tuple[set[Any], bool]:
    """(stream partitions assigned and paused, whether Faust is quiet: not rebalancing and not
    recovering) of a running Faust app."""
    consumer = app.consumer
    quiet = not app.rebalancing and not app.in_recovery
    assignment = consumer.assignment()
    paused = {
        tp
        for tp in consumer._paused_partitions
        if tp in assignment and not consumer._is_changelog_tp(tp)
    }
    return paused, quiet


def register_partition_watchdog(
    app: Any,
    metrics: Metrics,
    *,
    grace_seconds: float = GRACE_SECONDS,
    every_seconds: float = CHECK_SECONDS,
    clock: Callable[[], float] = time.monotonic,
) -> Callable[[], None]:
    """Checks every ``every_seconds`` on ``app``'s timer; returns the check (for tests)."""
    watch: StallWatch[Any] = StallWatch(grace_seconds)

    def check() -> None:
        try:
            paused, quiet = stuck_partitions(app)
        except Exception as exc:  # the consumer not started or stopping: look next time
            log.debug("partition watchdog: skipped: %r", exc)
            return
        due = watch.check(clock(), paused, quiet)
        if not due:
            return
        log.error(
            "partition watchdog: %s paused for %.0f s with no rebalance or recovery running; "
            "resuming (faust-streaming#629)",
            ", ".join(sorted(f"{tp.topic}[{tp.partition}]" for tp in due)),
            grace_seconds,
        )
        app.consumer.resume_partitions(due)
        for tp in due:
            metrics.partitions_resumed.labels(tp.topic).inc()

    async def tick() -> None:
        check()

    app.timer(every_seconds)(tick)
    return check
