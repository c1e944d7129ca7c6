"""Tumbling event-time windows: index arithmetic and the per-window accumulator."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.analysis.levels import ERROR


def window_index(ts: float, window_seconds: int) -> int:
    """Index of the tumbling window holding ``ts`` (window i covers [i*w, (i+1)*w))."""
    return int(ts // window_seconds)


class WindowAccumulator:
    """Counts for one service in one window; one small update per record, no allocation
    beyond the first sighting of a template in the window."""

    __slots__ = (
        "count",
        "errors",
        "first_ts",
        "index",
        "last_ts",
        "levels",
        "template_counts",
        "template_examples",
        "template_levels",
    )

    def __init__(self, index: int) -> None:
        self.index = index
        self.count = 0
        self.errors = 0
        self.levels = [0, 0, 0, 0, 0]
        self.template_counts: dict[str, int] = {}
        self.template_levels: dict[str, int] = {}
        self.template_examples: dict[str, str] = {}
        self.first_ts = float("inf")
        self.last_ts = float("-inf")

    def add(self, template_id: str, level: int, message: str, ts: float) -> bool:
        """Count one record; True when the template is new in this window."""
        self.count += 1
        if ts < self.first_ts:
            self.first_ts = ts
        if ts > self.last_ts:
            self.last_ts = ts
        self.levels[level] += 1
        if level >= ERROR:
            self.errors += 1
        counts = self.template_counts
        seen = counts.get(template_id)
        if seen is None:
            counts[template_id] = 1
            self.template_levels[template_id] = level
            self.template_examples[template_id] = message
            return True
        counts[template_id] = seen + 1
        if level > self.template_levels[template_id]:
            self.template_levels[template_id] = level
        return False

    def add_many(
        self,
        template_ids: Sequence[str],
        levels: Sequence[int],
        messages: Sequence[str],
        timestamps: Sequence[float],
    ) -> list[str]:
        """:meth:`add` for many records of this window; the templates new in the window."""
        self.count += len(template_ids)
        first, last = min(timestamps), max(timestamps)
        if first < self.first_ts:
            self.first_ts = first
        if last > self.last_ts:
            self.last_ts = last
        tally = self.levels
        errors_before = sum(tally[ERROR:])
        for level in levels:
            tally[level] += 1
        self.errors += sum(tally[ERROR:]) - errors_before
        counts = self.template_counts
        template_levels = self.template_levels
        new: list[str] = []
        for template_id, level, message in zip(template_ids, levels, messages, strict=True):
            seen = counts.get(template_id)
            if seen is None:
                counts[template_id] = 1
                template_levels[template_id] = level
                self.template_examples[template_id] = message
                new.append(template_id)
            else:
                counts[template_id] = seen + 1
                if level > template_levels[template_id]:
                    template_levels[template_id] = level
        return new

    def rename(self, old: str, new: str) -> None:
        """Fold a template that the miner generalised into its new id."""
        count = self.template_counts.pop(old, 0)
        if not count:
            return
        level = self.template_levels.pop(old)
        example = self.template_examples.pop(old)
        self.template_counts[new] = self.template_counts.get(new, 0) + count
        self.template_levels[new] = max(level, self.template_levels.get(new, level))
        self.template_examples.setdefault(new, example)
