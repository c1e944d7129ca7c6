"""Error analysis per service: totals, error rate, the most common error templates and a
severity score for each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.analysis.levels import CRITICAL, ERROR, LEVEL_NAMES, WARNING
from pipeline.analysis.windows import WindowAccumulator

# Base weight of a level in the severity score; frequency adds the rest.
_LEVEL_WEIGHT = {WARNING: 0.25, ERROR: 0.55, CRITICAL: 0.8}


@dataclass(frozen=True, slots=True)
class CommonError:
    template_id: str
    template: str
    level: str
    count: int
    share_of_errors: float
    example: str
    severity_score: float
    severity: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "template_id": self.template_id,
            "template": self.template,
            "level": self.level,
            "count": self.count,
            "share_of_errors": round(self.share_of_errors, 4),
            "example": self.example,
            "severity_score": round(self.severity_score, 3),
            "severity": self.severity,
        }


def severity_label(score: float) -> str:
    if score >= 0.85:
        return "critical"
    if score >= 0.7:
        return "high"
    if score >= 0.55:
        return "medium"
    return "low"


def error_rate_severity(percent: float) -> str:
    """Severity of a service's overall error rate (percent)."""
    if percent >= 15.0:
        return "critical"
    if percent >= 5.0:
        return "high"
    if percent >= 1.0:
        return "medium"
    return "low"


class ErrorStats:
    """Running totals for one service, updated once per closed window (plus late records)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0
        self.levels = [0, 0, 0, 0, 0]
        self.late = 0
        self.first_ts: float | None = None
        self.last_ts: float | None = None
        # template id -> [count, max level, example]
        self.templates: dict[str, list[Any]] = {}

    @property
    def errors(self) -> int:
        return self.levels[ERROR] + self.levels[CRITICAL]

    def error_rate_percent(self) -> float:
        return 100.0 * self.errors / self.total if self.total else 0.0

    def add_time(self, ts: float) -> None:
        if self.first_ts is None or ts < self.first_ts:
            self.first_ts = ts
        if self.last_ts is None or ts > self.last_ts:
            self.last_ts = ts

    def add_late(self, level: int, ts: float) -> None:
        self.total += 1
        self.levels[level] += 1
        self.late += 1
        self.add_time(ts)

    def add_window(self, acc: WindowAccumulator, first_ts: float, last_ts: float) -> None:
        if acc.count == 0:
            return
        self.total += acc.count
        for level, count in enumerate(acc.levels):
            self.levels[level] += count
        self.add_time(first_ts)
        self.add_time(last_ts)
        for tid, level in acc.template_levels.items():
            if level < WARNING:
                continue
            entry = self.templates.get(tid)
            if entry is None:
                self.templates[tid] = [acc.template_counts[tid], level, acc.template_examples[tid]]
            else:
                entry[0] += acc.template_counts[tid]
                entry[1] = max(entry[1], level)
        if len(self.templates) > self.limit:
            for tid in sorted(self.templates, key=lambda t: self.templates[t][0])[
                : len(self.templates) - self.limit
            ]:
                del self.templates[tid]

    def rename(self, old: str, new: str) -> None:
        entry = self.templates.pop(old, None)
        if entry is None:
            return
        target = self.templates.get(new)
        if target is None:
            self.templates[new] = entry
        else:
            target[0] += entry[0]
            target[1] = max(target[1], entry[1])

    def common_errors(self, names: dict[str, str], top: int = 5) -> list[CommonError]:
        """Most frequent ERROR+ templates (WARNING ones when there are no errors)."""
        errors = [t for t, e in self.templates.items() if e[1] >= ERROR]
        if not errors:
            errors = list(self.templates)
        total = sum(self.templates[t][0] for t in errors) or 1
        ranked = sorted(errors, key=lambda t: self.templates[t][0], reverse=True)[:top]
        result = []
        for tid in ranked:
            count, level, example = self.templates[tid]
            share = count / total
            score = min(
                1.0,
                _LEVEL_WEIGHT[level]
                + 0.2 * share
                + 0.1 * min(1.0, self.error_rate_percent() / 10.0),
            )
            result.append(
                CommonError(
                    tid,
                    names.get(tid, example),
                    LEVEL_NAMES[level],
                    count,
                    share,
                    example,
                    score,
                    severity_label(score),
                )
            )
        return result

    def state(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "levels": self.levels,
            "late": self.late,
            "first_ts": self.first_ts,
            "last_ts": self.last_ts,
            "templates": self.templates,
        }

    def load(self, state: dict[str, Any]) -> None:
        self.total = int(state["total"])
        self.levels = [int(v) for v in state["levels"]]
        self.late = int(state["late"])
        self.first_ts = state["first_ts"]
        self.last_ts = state["last_ts"]
        self.templates = {str(k): list(v) for k, v in state["templates"].items()}
