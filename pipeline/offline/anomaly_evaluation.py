"""Scoring detections against labelled incidents (used by the benchmark and the e2e test).

A flagged window matches an incident of the same service when it overlaps the incident
extended by ``grace`` windows (alerts may trail an incident by a window or two).  Recall is per
incident and kind (found by a flag of the same kind).  Precision is per flagged window: overall,
a flag is right if it overlaps any incident of its service; per kind, if it overlaps an incident
of that kind, and "related" precision counts any incident of the service, since one incident
can legitimately show as several kinds.  Delay is in windows from the window holding the
incident start to the first matching flag.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Flag:
    service: str
    kind: str
    start: float


@dataclass(frozen=True, slots=True)
class Truth:
    service: str
    kind: str
    start: float
    end: float


@dataclass(slots=True)
class Score:
    true_flags: int = 0
    # Flags of this kind that overlap an incident of any kind on the same service.
    related_flags: int = 0
    flags: int = 0
    found: int = 0
    incidents: int = 0
    delays: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_flags / self.flags if self.flags else 1.0

    @property
    def related_precision(self) -> float:
        return self.related_flags / self.flags if self.flags else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.incidents if self.incidents else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def median_delay(self) -> float:
        return statistics.median(self.delays) if self.delays else float("nan")

    def add(self, other: Score) -> None:
        self.true_flags += other.true_flags
        self.related_flags += other.related_flags
        self.flags += other.flags
        self.found += other.found
        self.incidents += other.incidents
        self.delays.extend(other.delays)


def evaluate(
    flags: Iterable[Flag], truths: Iterable[Truth], window: int, grace: int = 2
) -> tuple[Score, dict[str, Score], list[Flag], list[Truth]]:
    """Overall score, per-kind scores, false flags and missed incidents."""
    flag_set = sorted(set(flags), key=lambda f: (f.start, f.service, f.kind))
    truth_list = list(truths)
    overall = Score()
    per_kind: dict[str, Score] = {}
    false_flags: list[Flag] = []
    missed: list[Truth] = []

    def covers(t: Truth, f: Flag) -> bool:
        return (
            t.service == f.service
            and f.start + window > t.start
            and f.start < t.end + grace * window
        )

    for f in flag_set:
        score = per_kind.setdefault(f.kind, Score())
        score.flags += 1
        overall.flags += 1
        if any(covers(t, f) for t in truth_list):
            overall.true_flags += 1
            overall.related_flags += 1
            score.related_flags += 1
        else:
            false_flags.append(f)
        if any(t.kind == f.kind and covers(t, f) for t in truth_list):
            score.true_flags += 1
    for t in truth_list:
        score = per_kind.setdefault(t.kind, Score())
        score.incidents += 1
        overall.incidents += 1
        matches = [f for f in flag_set if f.kind == t.kind and covers(t, f)]
        if matches:
            score.found += 1
            overall.found += 1
            first = min(f.start for f in matches)
            delay = max(0.0, (first - (t.start // window) * window) / window)
            score.delays.append(delay)
            overall.delays.append(delay)
        else:
            missed.append(t)
    return overall, per_kind, false_flags, missed
