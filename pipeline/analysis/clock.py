"""Event time of one partition: the time the engine's windows close by.

A record's time point is ``min(event time, receive time)``: a producer whose clock runs ahead
can never push it past the moment the bridge got the record, and a sender replaying old logs
moves it only as fast as its own event times. The partition's ``mark`` is the largest point
seen. While the partition is idle the clock runs on from the mark by the wall-clock time that
has passed since the mark last advanced; it never jumps to the wall clock, so after replaying
logs from hours ago ten idle seconds move it ten seconds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from pipeline.errors import SnapshotError


class PartitionClock:
    """The mark of one partition and the wall-clock time at which it last advanced.

    >>> clock = PartitionClock()
    >>> clock.now(1000.0) is None
    True
    >>> clock.observe(ts=400.0, received_at=990.0, wall_now=1000.0)  # a log ten minutes old
    400.0
    >>> clock.observe(ts=700.0, received_at=500.0, wall_now=1001.0)  # a clock ahead: 500 counts
    500.0
    >>> clock.now(1011.0)  # ten idle seconds
    510.0
    >>> PartitionClock.restore(clock.snapshot()).now(1011.0)
    510.0
    """

    __slots__ = ("advanced_at", "mark")

    def __init__(self) -> None:
        # Both None before the first record, both set after it.
        self.mark: float | None = None
        self.advanced_at: float | None = None

    def observe(self, ts: float, received_at: float, wall_now: float) -> float:
        """Take one record into the mark; returns the mark (for ``AnalysisEngine.observe``)."""
        point = ts if ts < received_at else received_at
        mark = self.mark
        if mark is None or point > mark:
            self.mark = mark = point
            self.advanced_at = wall_now
        return mark

    def now(self, wall_now: float) -> float | None:
        """The partition's event time at ``wall_now``: the mark plus the wall-clock time passed
        since it last advanced (nothing if the wall clock went backwards); None before any
        record. It steps back when a record advances the mark by less than the idle time that
        had passed; the engine's horizon never does."""
        if self.mark is None or self.advanced_at is None:
            return None
        return self.mark + max(0.0, wall_now - self.advanced_at)

    # -- state -----------------------------------------------------------------------------

    def snapshot(self) -> dict[str, float | None]:
        """Plain JSON-able state (restore with ``PartitionClock.restore``)."""
        return {"mark": self.mark, "advanced_at": self.advanced_at}

    @classmethod
    def restore(cls, state: Mapping[str, object]) -> PartitionClock:
        mark = _time(state, "mark")
        advanced_at = _time(state, "advanced_at")
        if (mark is None) != (advanced_at is None):
            raise SnapshotError("clock snapshot: mark and advanced_at must both be set or unset")
        clock = cls()
        clock.mark = mark
        clock.advanced_at = advanced_at
        return clock


def _time(state: Mapping[str, object], key: str) -> float | None:
    if key not in state:
        raise SnapshotError(f"clock snapshot: {key} is missing")
    value = state[key]
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SnapshotError(f"clock snapshot: {key} is not a finite number")
    return float(value)
