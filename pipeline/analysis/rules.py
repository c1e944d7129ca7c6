"""Rule-based anomaly kinds. Each rule compares a closed window with the service's baselines
and returns a candidate with its evidence in [0, 1] (0.5 at the configured reference z), the
expected and actual values and the templates that explain it. Rules never decide alone: the
detector gates candidates on persistence and blends evidence with the model score."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.analysis.baselines import LevelHistory, RateBaseline, TemplateShares, VolumeBaseline
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.levels import ERROR, WARNING
from pipeline.analysis.windows import WindowAccumulator


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    evidence: float
    expected: float
    actual: float
    templates: tuple[str, ...]


def evidence(z: float, reference: float) -> float:
    """Map a z-score onto [0, 1] so that z == reference gives 0.5."""
    return min(max(z / (2.0 * reference), 0.0), 1.0)


def volume_rule(
    acc: WindowAccumulator,
    volume: VolumeBaseline,
    history: LevelHistory,
    shares: TemplateShares,
    fresh: set[str],
    config: AnalysisConfig,
) -> Candidate | None:
    """volume_spike / volume_drop against the robust volume baseline."""
    n = acc.count
    z = volume.z(n)
    expected = volume.expected()
    if z > 0:
        # Extra lines from templates new since a deploy are an insight, not a spike.
        fresh_lines = sum(c for t, c in acc.template_counts.items()
                          if t in fresh and acc.template_levels[t] < WARNING)
        known = n - fresh_lines
        z = volume.z(known)
        if z <= 0 or known < expected * config.min_spike_ratio:
            return None
        if history.recurring_runs(known, z) >= config.recurring_runs:
            return None
        excess = sorted(
            acc.template_counts,
            key=lambda t: acc.template_counts[t] - expected * shares.share(t),
            reverse=True,
        )
        return Candidate("volume_spike", evidence(z, config.spike_z), expected, float(n),
                         tuple(excess[:config.top_templates]))
    if z < 0 and n <= expected * config.max_drop_ratio:
        if history.recurring_runs(n, z) >= config.recurring_runs:
            return None
        # Templates that went missing, biggest expected share first.
        missing = sorted(
            shares.shares,
            key=lambda t: expected * shares.share(t) - acc.template_counts.get(t, 0),
            reverse=True,
        )
        return Candidate("volume_drop", evidence(-z, config.drop_z), expected, float(n),
                         tuple(missing[:config.top_templates]))
    return None


def error_rate_rule(
    acc: WindowAccumulator,
    rate: RateBaseline,
    novel: set[str],
    config: AnalysisConfig,
) -> Candidate | None:
    """error_rate: ERROR and CRITICAL share of the window against the baseline rate."""
    n, errors = acc.count, acc.errors
    if n == 0 or errors < config.min_error_count:
        return None
    expected = rate.rate()
    actual = errors / n
    if actual - expected < config.min_error_rate_delta:
        return None
    error_templates = sorted(
        (t for t, lvl in acc.template_levels.items() if lvl >= ERROR),
        key=lambda t: acc.template_counts[t],
        reverse=True,
    )
    # When never-seen templates carry most of the errors, new_error_pattern tells the story.
    novel_errors = sum(acc.template_counts[t] for t in error_templates if t in novel)
    if novel_errors * 2 >= errors:
        return None
    z = rate.z(errors, n)
    return Candidate("error_rate", evidence(z, config.error_z), 100.0 * expected, 100.0 * actual,
                     tuple(error_templates[:config.top_templates]))


def new_error_rule(
    acc: WindowAccumulator,
    alerting: dict[str, int],
    config: AnalysisConfig,
) -> Candidate | None:
    """new_error_pattern: WARNING+ templates never seen for the service that have recurred.

    ``alerting`` maps each such template present in this window to its count so far.
    """
    if not alerting:
        return None
    ranked = sorted(alerting, key=lambda t: acc.template_counts.get(t, 0), reverse=True)
    total = sum(alerting.values())
    top_level = max(acc.template_levels.get(t, WARNING) for t in ranked)
    # Certain by construction; more occurrences and higher levels only raise the severity.
    strength = 0.6 + 0.2 * min(1.0, total / 20.0) + (0.1 if top_level >= ERROR else 0.0)
    return Candidate("new_error_pattern", min(strength, 1.0), 0.0,
                     float(sum(acc.template_counts.get(t, 0) for t in ranked)),
                     tuple(ranked[:config.top_templates]))


def shifted_templates(acc: WindowAccumulator, shares: TemplateShares, config: AnalysisConfig
                      ) -> list[tuple[str, float, float]]:
    """(template, baseline share, window share) for templates whose share jumped."""
    n = acc.count
    found = []
    for tid, count in acc.template_counts.items():
        if count < config.min_shift_count:
            continue
        base = shares.share(tid)
        share = count / n
        if share - base >= config.min_shift_delta and share >= 2.0 * base:
            found.append((tid, base, share))
    return found


def pattern_shift_rule(
    acc: WindowAccumulator,
    shifted: list[tuple[str, float, float]],
    fresh: set[str],
    recurring: set[str],
    config: AnalysisConfig,
) -> Candidate | None:
    """pattern_shift: an established template's share of the window jumps (and it is not a
    template whose share is known to jump periodically, like a batch job's)."""
    n = acc.count
    best_z = 0.0
    best: list[tuple[float, str, float, float]] = []
    for tid, base, share in shifted:
        if tid in fresh or tid in recurring:
            continue
        count = acc.template_counts[tid]
        floor = max(base, 0.01)
        z = (count - n * floor) / math.sqrt(n * floor * (1.0 - floor))
        best.append((z, tid, base, share))
        best_z = max(best_z, z)
    if not best:
        return None
    best.sort(reverse=True)
    _, _, base, share = best[0]
    return Candidate("pattern_shift", evidence(best_z, config.shift_z), 100.0 * base,
                     100.0 * share, tuple(t for _, t, _, _ in best[:config.top_templates]))
