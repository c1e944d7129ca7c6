"""Per-service detector: turns each closed window into features, rule candidates, model scores,
anomalies, incident events and insights, and learns from it afterwards."""

from __future__ import annotations

import base64
import math
import pickle
from typing import Any

from pipeline.analysis.baselines import LevelHistory, RateBaseline, TemplateShares, VolumeBaseline
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.errors import ErrorStats, severity_label
from pipeline.analysis.events import Anomaly, Insight, TemplateRef, WindowReport
from pipeline.analysis.incidents import IncidentTracker
from pipeline.analysis.levels import LEVEL_NAMES, WARNING
from pipeline.analysis.rules import (
    Candidate,
    error_rate_rule,
    new_error_rule,
    pattern_shift_rule,
    shifted_templates,
    volume_rule,
)
from pipeline.analysis.scorers import FEATURE_NAMES, ForestScorer, HalfSpaceScorer
from pipeline.analysis.windows import WindowAccumulator

# Kinds whose rule evidence must hold for two windows unless it is strong on its own: a
# restart or a single bursty minute should not page anyone.
_PERSISTENT = frozenset({"volume_spike", "volume_drop", "error_rate", "pattern_shift"})
_STRONG = 0.75
_GATE = 0.5


class ServiceDetector:
    """Everything learned about one service, and the logic run when its window closes."""

    def __init__(self, name: str, config: AnalysisConfig, closed_until: int) -> None:
        self.name = name
        self.config = config
        self.open: dict[int, WindowAccumulator] = {}
        self.closed_until = closed_until
        self.closed_windows = 0
        self.silent_windows = 0
        self.volume = VolumeBaseline(config.baseline_alpha, config.deviation_alpha)
        self.error_rate = RateBaseline(config.error_rate_alpha)
        self.shares = TemplateShares(config.share_alpha, config.max_templates_per_service)
        self.history = LevelHistory(config.history_windows)
        # template id -> [highest level seen, window index first seen]
        self.seen: dict[str, list[int]] = {}
        # WARNING+ templates never seen at that level: template id -> [first index, count]
        self.novel: dict[str, list[int]] = {}
        self.templates: dict[str, str] = {}
        self.examples: dict[str, str] = {}
        self.previous_evidence: dict[str, float] = {}
        # Templates whose share jumped before: template id -> [runs of jumps, last index].
        self.shift_runs: dict[str, list[int]] = {}
        self.stats = ErrorStats(config.max_error_templates)
        self.incidents = IncidentTracker(name, config.resolve_after_windows,
                                         config.cooldown_windows)
        self.hst = HalfSpaceScorer(config.hst_trees, config.hst_height, config.hst_window,
                                   config.seed)
        self.forest = ForestScorer(config.forest_trees, config.forest_min_windows,
                                   config.forest_refit_windows, config.forest_history_windows,
                                   config.seed)

    # -- ingestion -------------------------------------------------------------------------

    def remember_template(self, template_id: str, template: str) -> None:
        templates = self.templates
        if template_id not in templates and len(templates) >= self.config.max_templates_per_service:
            del templates[next(iter(templates))]
        templates[template_id] = template

    def rename(self, old: str, new: str) -> None:
        """The miner generalised ``old`` into ``new``: carry over everything learned."""
        if old == new:
            return
        for acc in self.open.values():
            acc.rename(old, new)
        self.shares.rename(old, new)
        self.stats.rename(old, new)
        entry = self.seen.pop(old, None)
        target = self.seen.get(new)
        known_loud = target is not None and target[0] >= WARNING and new not in self.novel
        if entry is not None:
            self.seen[new] = entry if target is None else [max(entry[0], target[0]),
                                                           min(entry[1], target[1])]
        novel = self.novel.pop(old, None)
        if novel is not None and not known_loud:
            merged = self.novel.setdefault(new, [novel[0], 0])
            merged[0] = min(merged[0], novel[0])
            merged[1] += novel[1]
        example = self.examples.pop(old, None)
        if example is not None:
            self.examples.setdefault(new, example)
        self.templates.pop(old, None)

    # -- window close ----------------------------------------------------------------------

    def close(self, index: int, acc: WindowAccumulator | None) -> WindowReport:
        config = self.config
        width = config.window_seconds
        start = float(index * width)
        end = start + width
        if acc is None:
            acc = WindowAccumulator(index)
        n = acc.count
        warm = self.closed_windows >= config.warmup_windows
        fresh, alerting, new_quiet = self._novelty(index, acc, warm)

        volume_z = self.volume.z(n)
        error_z = self.error_rate.z(acc.errors, n)
        features = self._features(acc, fresh, new_quiet, volume_z, error_z)
        vector = [features[name] for name in FEATURE_NAMES]
        hst_score = self.hst.score_one(features)
        forest_score = self.forest.score_one(vector)
        model = 0.5 * (hst_score + forest_score)

        anomalies: list[Anomaly] = []
        best_evidence = 0.0
        shifted, recurring = self._track_shifts(acc)
        if warm:
            candidates = self._candidates(acc, fresh, alerting, shifted, recurring)
            for cand in candidates:
                best_evidence = max(best_evidence, cand.evidence)
            anomalies = self._gate(candidates, acc, start, end, model)
            self.previous_evidence = {c.kind: c.evidence for c in candidates}
        stamped, events = self.incidents.step(index, start, end, anomalies)
        weight = config.model_weight
        score = max([a.score for a in stamped],
                    default=(1.0 - weight) * best_evidence + weight * model)
        insights = self._insights(new_quiet, acc, start, end) if warm else []
        if n == 0 and self.silent_windows + 1 == config.max_silent_windows:
            # Going dormant: stop emitting empty windows and close what is open.
            events.extend(self.incidents.resolve_all(index))

        self._learn(index, acc, features, vector, volume_z)
        return WindowReport(self.name, start, end, n, score, features, tuple(stamped),
                            tuple(events), tuple(insights),
                            {"hst": hst_score, "forest": forest_score})

    def _novelty(
        self, index: int, acc: WindowAccumulator, warm: bool
    ) -> tuple[set[str], dict[str, int], list[str]]:
        """Update the seen-template registry; return templates still fresh (first seen within
        ``novel_windows``), WARNING+ novel templates that have recurred enough to alert, and
        templates below WARNING first seen in this window."""
        config = self.config
        seen = self.seen
        novel = self.novel
        fresh: set[str] = set()
        alerting: dict[str, int] = {}
        new_quiet: list[str] = []
        for tid, level in acc.template_levels.items():
            entry = seen.get(tid)
            created = entry is None
            if entry is None:
                entry = [level, index]
                if len(seen) >= config.max_templates_per_service:
                    del seen[next(iter(seen))]
                seen[tid] = entry
                if level < WARNING:
                    new_quiet.append(tid)
            if index - entry[1] < config.novel_windows:
                fresh.add(tid)
            if level >= WARNING and warm:
                record = novel.get(tid)
                if record is None and (created or entry[0] < WARNING):
                    record = novel[tid] = [index, 0]
                if record is not None:
                    record[1] += acc.template_counts[tid]
                    if record[1] >= config.new_error_min_count:
                        alerting[tid] = record[1]
            if level > entry[0]:
                entry[0] = level
        for tid in [t for t, r in novel.items() if index - r[0] >= config.novel_windows]:
            del novel[tid]
        return fresh, alerting, new_quiet

    def _features(
        self,
        acc: WindowAccumulator,
        fresh: set[str],
        new_quiet: list[str],
        volume_z: float,
        error_z: float,
    ) -> dict[str, float]:
        n = acc.count
        counts = acc.template_counts
        top = sorted(counts.values(), reverse=True)[: self.config.top_templates]
        rare = 0
        if n:
            rare_share = self.config.rare_share
            rare = sum(c for t, c in counts.items() if self.shares.share(t) < rare_share)
        new_loud = sum(1 for t in fresh if acc.template_levels.get(t, 0) >= WARNING
                       and self.seen[t][1] == acc.index)
        width = float(self.config.window_seconds)
        return {
            "volume": float(n),
            "log_volume": math.log1p(n),
            "error_rate": acc.errors / n if n else 0.0,
            "warning_rate": acc.levels[WARNING] / n if n else 0.0,
            "debug_rate": acc.levels[0] / width,
            "info_rate": acc.levels[1] / width,
            "warning_per_s": acc.levels[2] / width,
            "error_per_s": acc.levels[3] / width,
            "critical_per_s": acc.levels[4] / width,
            "distinct_templates": float(len(counts)),
            "log_distinct_templates": math.log1p(len(counts)),
            "new_templates": float(len(new_quiet) + new_loud),
            "new_info_templates": float(len(new_quiet)),
            "new_warning_templates": float(new_loud),
            "top_share": sum(top) / n if n else 0.0,
            "js_divergence": self.shares.js_divergence(counts, n),
            "rare_ratio": rare / n if n else 0.0,
            "volume_z": max(min(volume_z, 20.0), -20.0),
            "error_z": max(min(error_z, 20.0), -20.0),
        }

    def _track_shifts(self, acc: WindowAccumulator) -> tuple[list[tuple[str, float, float]],
                                                              set[str]]:
        """Templates whose share jumped now, and those among them that jumped in an earlier,
        separate run too (recurring, e.g. a batch job). Tracked during warm-up as well."""
        if not acc.count:
            return [], set()
        config = self.config
        shifted = shifted_templates(acc, self.shares, config)
        recurring = set()
        index = acc.index
        runs_by_template = self.shift_runs
        for tid, _, _ in shifted:
            runs = runs_by_template.get(tid)
            if runs is None:
                if len(runs_by_template) >= config.max_templates_per_service:
                    del runs_by_template[next(iter(runs_by_template))]
                runs = runs_by_template[tid] = [0, -10]
            # Runs before the current one (which started in the previous window if any).
            prior = runs[0] - 1 if runs[1] == index - 1 else runs[0]
            if prior >= config.recurring_runs:
                recurring.add(tid)
            if runs[1] != index - 1:
                runs[0] += 1
            runs[1] = index
        return shifted, recurring

    def _candidates(
        self,
        acc: WindowAccumulator,
        fresh: set[str],
        alerting: dict[str, int],
        shifted: list[tuple[str, float, float]],
        recurring: set[str],
    ) -> list[Candidate]:
        config = self.config
        found = [
            volume_rule(acc, self.volume, self.history, self.shares, fresh, config),
            error_rate_rule(acc, self.error_rate, set(self.novel), config),
            new_error_rule(acc, alerting, config),
        ]
        strong = {c.kind for c in found if c is not None and c.evidence >= _GATE}
        shift = pattern_shift_rule(acc, shifted, fresh, recurring, config)
        if shift is not None:
            top_level = acc.template_levels.get(shift.templates[0], 0)
            explained = strong & {"volume_spike", "volume_drop"} or (
                top_level >= WARNING and strong & {"error_rate", "new_error_pattern"}
            )
            if not explained:
                found.append(shift)
        return [c for c in found if c is not None]

    def _gate(
        self,
        candidates: list[Candidate],
        acc: WindowAccumulator,
        start: float,
        end: float,
        model: float,
    ) -> list[Anomaly]:
        weight = self.config.model_weight
        result = []
        for cand in candidates:
            if cand.evidence < _GATE:
                continue
            if (
                cand.kind in _PERSISTENT
                and cand.evidence < _STRONG
                and self.previous_evidence.get(cand.kind, 0.0) < _GATE
            ):
                continue
            score = (1.0 - weight) * cand.evidence + weight * model
            if score < self.config.threshold:
                continue
            result.append(self._anomaly(cand, acc, start, end, score, model))
        return result

    def _anomaly(
        self,
        cand: Candidate,
        acc: WindowAccumulator,
        start: float,
        end: float,
        score: float,
        model: float,
    ) -> Anomaly:
        refs = tuple(self._ref(t, acc) for t in cand.templates)
        severity = severity_label(score)
        if cand.kind == "new_error_pattern" and any(r.level == "CRITICAL" for r in refs):
            severity = "critical" if severity in ("high", "critical") else "high"
        if cand.kind == "volume_drop" and cand.actual == 0 and severity in ("low", "medium"):
            severity = "high"
        return Anomaly(self.name, start, end, cand.kind, score, severity, cand.expected,
                       cand.actual, _reason(self.name, cand, refs), "", refs, cand.evidence, model)

    def _ref(self, tid: str, acc: WindowAccumulator) -> TemplateRef:
        example = acc.template_examples.get(tid) or self.examples.get(tid, "")
        level = acc.template_levels.get(tid)
        if level is None:
            level = self.seen.get(tid, [1, 0])[0]
        return TemplateRef(tid, self.templates.get(tid, example), acc.template_counts.get(tid, 0),
                           example, LEVEL_NAMES[level])

    def _insights(
        self, new_quiet: list[str], acc: WindowAccumulator, start: float, end: float
    ) -> list[Insight]:
        if not new_quiet:
            return []
        refs = tuple(self._ref(t, acc) for t in new_quiet[:10])
        message = (f"{self.name} started logging {len(new_quiet)} new INFO/DEBUG template(s), "
                   f"e.g. '{refs[0].template}' - typical after a deploy; no action needed "
                   "unless it was unexpected.")
        return [Insight(self.name, start, end, "new_templates", message, refs)]

    def _learn(
        self,
        index: int,
        acc: WindowAccumulator,
        features: dict[str, float],
        vector: list[float],
        volume_z: float,
    ) -> None:
        n = acc.count
        self.history.add(n, volume_z)
        self.volume.update(n)
        self.error_rate.update(acc.errors, n)
        self.shares.update(acc.template_counts, n)
        self.hst.learn_one(features)
        self.forest.learn_one(vector)
        if self.config.refit_inline and self.forest.needs_refit():
            self.forest.refit_now()
        if n:
            self.stats.add_window(acc, acc.first_ts, acc.last_ts)
            examples = self.examples
            for tid, message in acc.template_examples.items():
                if tid not in examples and len(examples) >= self.config.max_templates_per_service:
                    del examples[next(iter(examples))]
                examples[tid] = message
            self.silent_windows = 0
        else:
            self.silent_windows += 1
        self.closed_windows += 1

    # -- snapshot --------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "closed_until": self.closed_until,
            "closed_windows": self.closed_windows,
            "silent_windows": self.silent_windows,
            "volume": self.volume.state(),
            "error_rate": self.error_rate.state(),
            "shares": self.shares.state(),
            "history": self.history.state(),
            "seen": self.seen,
            "novel": self.novel,
            "templates": self.templates,
            "examples": self.examples,
            "previous_evidence": self.previous_evidence,
            "shift_runs": self.shift_runs,
            "stats": self.stats.state(),
            "incidents": self.incidents.state(),
            # HST is pickled (our own state); the forest is rebuilt from its history instead.
            "hst": base64.b64encode(pickle.dumps(self.hst)).decode("ascii"),
            "hst_seen": self.hst.seen,
            "forest_history": [list(v) for v in self.forest.history],
            "open": {
                str(i): [a.count, a.errors, a.levels, a.template_counts, a.template_levels,
                         a.template_examples, a.first_ts, a.last_ts]
                for i, a in self.open.items()
            },
        }

    @classmethod
    def from_state(cls, name: str, config: AnalysisConfig, state: dict[str, Any]
                   ) -> ServiceDetector:
        det = cls(name, config, int(state["closed_until"]))
        det.closed_windows = int(state["closed_windows"])
        det.silent_windows = int(state["silent_windows"])
        det.volume.load(state["volume"])
        det.error_rate.load(state["error_rate"])
        det.shares.load(state["shares"])
        det.history.load(state["history"])
        det.seen = {str(k): [int(v[0]), int(v[1])] for k, v in state["seen"].items()}
        det.novel = {str(k): [int(v[0]), int(v[1])] for k, v in state["novel"].items()}
        det.templates = dict(state["templates"])
        det.examples = dict(state["examples"])
        det.previous_evidence = {str(k): float(v) for k, v in state["previous_evidence"].items()}
        det.shift_runs = {str(k): [int(v[0]), int(v[1])] for k, v in state["shift_runs"].items()}
        det.stats.load(state["stats"])
        det.incidents.load(state["incidents"])
        # Pickle is acceptable here: the snapshot is our own state, never user input.
        hst = pickle.loads(base64.b64decode(state["hst"]))
        if isinstance(hst, HalfSpaceScorer):
            det.hst = hst
        det.forest.history.extend(tuple(v) for v in state["forest_history"])
        if len(det.forest.history) >= config.forest_min_windows:
            det.forest.refit_now()
        for key, v in state["open"].items():
            acc = WindowAccumulator(int(key))
            acc.count, acc.errors, acc.levels = int(v[0]), int(v[1]), list(v[2])
            acc.template_counts, acc.template_levels, acc.template_examples = v[3], v[4], v[5]
            acc.first_ts, acc.last_ts = float(v[6]), float(v[7])
            det.open[int(key)] = acc
        return det


def _reason(service: str, cand: Candidate, refs: tuple[TemplateRef, ...]) -> str:
    """One sentence a person can act on."""
    top = f"'{refs[0].template}'" if refs else "no single template"
    if cand.kind == "volume_spike":
        ratio = cand.actual / max(cand.expected, 1.0)
        return (f"{service} logged {cand.actual:.0f} lines, {ratio:.1f}x the expected "
                f"{cand.expected:.0f}, mostly {top}; check for a traffic surge, retry storm "
                "or logging loop.")
    if cand.kind == "volume_drop":
        pct = 100.0 * cand.actual / max(cand.expected, 1.0)
        return (f"{service} logged {cand.actual:.0f} lines, {pct:.0f}% of the expected "
                f"{cand.expected:.0f} (missing e.g. {top}); check that the service, its "
                "upstream traffic and its log shipper are up.")
    if cand.kind == "error_rate":
        return (f"Errors were {cand.actual:.1f}% of {service}'s logs against an expected "
                f"{cand.expected:.1f}%, led by {top}; investigate that failure first.")
    if cand.kind == "new_error_pattern":
        level = refs[0].level if refs else "WARNING"
        return (f"{service} started logging a never-seen {level} {top} "
                f"({cand.actual:.0f} times); check the latest deploy, config change or "
                "dependency behind it.")
    return (f"{top} rose to {cand.actual:.0f}% of {service}'s logs from an expected "
            f"{cand.expected:.0f}%; find what now drives this message.")

