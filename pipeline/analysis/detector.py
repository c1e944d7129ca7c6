"""Per-service detector: turns each closed window into features, rule candidates, model scores,
anomalies, incident events and insights, and learns from it afterwards."""

from __future__ import annotations

import itertools
import math
import zlib

import numpy as np

from pipeline.analysis.baselines import (
    DailyProfile,
    LevelHistory,
    RateBaseline,
    TemplateShares,
    VolumeBaseline,
    log_dispersion,
)
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.errors import ErrorStats, severity_label
from pipeline.analysis.events import Anomaly, Insight, TemplateRef, WindowReport
from pipeline.analysis.incidents import IncidentTracker
from pipeline.analysis.levels import LEVEL_NAMES, WARNING
from pipeline.analysis.reasons import reason
from pipeline.analysis.rules import (
    RECURRING,
    STEP_ANCHOR_WINDOWS,
    Candidate,
    error_rate_rule,
    new_error_rule,
    pattern_shift_rule,
    share_z,
    shifted_templates,
    traffic_without_job,
    volume_rule,
)
from pipeline.analysis.scorers import FEATURE_NAMES, ForestScorer, HalfSpaceScorer
from pipeline.analysis.windows import WindowAccumulator

# Kinds whose rule evidence must hold for two windows unless it is strong on its own: a
# restart or a single bursty minute should not page anyone.
_PERSISTENT = frozenset({"volume_spike", "volume_drop", "error_rate", "pattern_shift"})
_STRONG = 0.75
_GATE = 0.5
# Evidence the previous window must have had for a non-strong candidate to fire now.
_PERSIST = 0.4
# Windows after a service's last anomaly in which a volume step may be where traffic settled.
_SETTLE_WINDOWS = 5
_VOLUME_KINDS = frozenset(("volume_spike", "volume_drop"))
_NEVER = -(10**9)
# An alerted change that lasts this many windows is learned as the new normal.
_RELEARN_WINDOWS = 30
_DROP = frozenset({"volume_drop"})
_NOTHING: frozenset[str] = frozenset()
# A step run's noise: the window-to-window spread of this many windows before it.
STEP_NOISE_WINDOWS = 30
# A restart's banner: this many INFO/DEBUG templates, each once or twice in the window, that
# the service never logged or not lately (``AnalysisConfig.restart_banner``).
RESTART_BANNER = 3
_BANNER_LINES = 2


class ServiceDetector:
    """Everything learned about one service, and the logic run when its window closes."""

    def __init__(self, name: str, config: AnalysisConfig, closed_until: int) -> None:
        self.name = name
        self.config = config
        self.open: dict[int, WindowAccumulator] = {}
        self.closed_until = closed_until
        self.closed_windows = 0
        self.silent_windows = 0
        self.volume = VolumeBaseline(
            config.baseline_alpha,
            config.deviation_alpha,
            min_rise=config.min_spike_lines,
            bridge=config.excursion_bridge,
        )
        self.error_rate = RateBaseline(config.error_rate_alpha, config.error_rate_lines)
        self.shares = TemplateShares(config.share_alpha, config.max_templates_per_service)
        self.history = LevelHistory(config.history_windows)
        # The same time of day on earlier days (None: off).
        self.daily = (
            DailyProfile(
                max(1, 86_400 // config.window_seconds),
                config.daily_slot_seconds // config.window_seconds,
                config.daily_days,
                config.daily_span,
                config.daily_z,
            )
            if config.daily_profile
            else None
        )
        # template id -> [highest level seen, window index first seen, window index last seen]
        self.seen: dict[str, list[int]] = {}
        # WARNING+ templates never seen at that level: template id -> [first index, count]
        self.novel: dict[str, list[int]] = {}
        self.templates: dict[str, str] = {}
        self.examples: dict[str, str] = {}
        self.previous_evidence: dict[str, float] = {}
        # Templates elevated in the latest consecutive windows: id -> [(count, lines), ...]
        # (at most `shift_pool_windows`), pooled by pattern_shift.
        self.shift_pools: dict[str, list[tuple[int, int]]] = {}
        # Of those, the share each had before its run, the run's first window and the variance
        # of that share's estimate: a run is tested against the share it rose from, not one
        # that learned the run's own windows.
        self.shift_anchors: dict[str, tuple[float, int, float]] = {}
        # The last window with a job's lines (``_track_shifts``' jobs): the mix learned the
        # job's share there, so the other templates' shares sit low for a while after it.
        self.last_job_index = -(10**9)
        # (errors, lines) of the latest consecutive windows with an elevated error share.
        self.error_pool: list[tuple[int, int]] = []
        # z-scores of the latest consecutive windows whose volume deviated the same way.
        self.volume_run: list[float] = []
        # Counts of the latest consecutive windows below the level (at most
        # `low_run_windows`), and the level's expected count and dispersion before them.
        self.low_run: list[int] = []
        self.low_anchor: tuple[float, float] | None = None
        # Counts of the latest consecutive windows on one side since traffic stepped off (at
        # most `step_run_windows`), and the anchor: the mean count of the windows before the
        # step, their window-to-window dispersion and the side (-1, 1).
        self.step_run: list[int] = []
        self.step_anchor: tuple[float, float, int] | None = None
        # The anchor mean and side of the latest step run that lasted `step_run_min_windows`,
        # and the window it ended in.
        self.step_back: tuple[float, int, int] | None = None
        # The first windows of the last day's step runs that lasted `step_run_min_windows`:
        # `step_run_ordinary` of them make the next one the service's ordinary burstiness.
        self.step_lasting: list[int] = []
        # The latest window that ended a step run without a verdict (a recurring peak, a
        # deploy's lines): no run starts while it is among the anchor's windows.
        self.step_reset = _NEVER
        # The latest window that held a restart's banner (``restart_banner``).
        self.restart_index = _NEVER
        # Templates whose share jumped before: template id -> [runs of jumps, last index,
        # first index of the latest run, windows of the longest run before it].
        self.shift_runs: dict[str, list[int]] = {}
        # The last window with an anomaly of any kind (traffic may settle elsewhere after it).
        self.last_anomaly_index = _NEVER
        # Consecutive windows with an anomaly up to the latest.
        self.alert_windows = 0
        # This window's volume matched a recurring peak or trough (set per window).
        self.recurring_volume = False
        self.stats = ErrorStats(config.max_error_templates)
        self.incidents = IncidentTracker(
            name, config.resolve_after_windows, config.cooldown_windows
        )
        self.hst = HalfSpaceScorer(
            config.hst_trees, config.hst_height, config.hst_window, config.seed
        )
        # The forest's training matrix, set when a fit is due and not run inline.
        self.training: np.ndarray | None = None
        self.forest = ForestScorer(
            config.forest_trees,
            config.forest_min_windows,
            config.forest_refit_windows,
            config.forest_history_windows,
            config.seed,
            phase=zlib.crc32(name.encode("utf-8", "surrogatepass")),
        )

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
            self.seen[new] = (
                entry
                if target is None
                else [
                    max(entry[0], target[0]),
                    min(entry[1], target[1]),
                    max(entry[-1], target[-1]),
                ]
            )
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
        fresh, alerting, new_quiet, banner = self._novelty(index, acc, warm)
        if banner:
            self.restart_index = index

        after_incident = index - self.last_anomaly_index <= _SETTLE_WINDOWS
        if self.volume.settle(n, after_incident):
            # The traffic settled at a level of its own after an incident: the new normal.
            self.volume_run, self.low_run, self.low_anchor = [], [], None
            self.step_run, self.step_anchor = [], None
        # The first window of a step right after an incident may be where traffic settles:
        # its volume is not alerted until the next window tells (settle needs two).
        settling = after_incident and self.volume.pending is not None
        volume_z = self.volume.z(n)
        error_z = self.error_rate.z(acc.errors, n)
        features = self._features(acc, fresh, new_quiet, volume_z, error_z)
        vector = [features[name] for name in FEATURE_NAMES]
        hst_score = self.hst.score_one(features)
        forest_score = self.forest.score_one(vector)
        model = 0.5 * (hst_score + forest_score)

        anomalies: list[Anomaly] = []
        best_evidence = 0.0
        shifted, recurring, jobs = self._track_shifts(acc)
        if warm:
            candidates = self._candidates(acc, fresh, alerting, shifted, recurring, jobs)
            for cand in candidates:
                best_evidence = max(best_evidence, cand.evidence)
            anomalies = self._gate(candidates, acc, start, end, model)
            if settling:
                anomalies = [a for a in anomalies if a.kind not in _VOLUME_KINDS]
            if banner:
                # A restart's window is partial (the process was down for part of it): its
                # drop is not alerted, though a drop in the next window still persists it.
                anomalies = [a for a in anomalies if a.kind != "volume_drop"]
            self.previous_evidence = {c.kind: c.evidence for c in candidates}
        # A service silent for a while has said so (its volume_drop incident is open): further
        # silent windows keep that incident open without repeating the alert.
        silenced = n == 0 and self.silent_windows >= config.silent_alert_windows
        if silenced and config.silence_needs_alert:
            # Only a silence that was alerted is held; before, the low run's drop on a quiet
            # service's empty minutes (each within chance) was dropped from the fourth on.
            drop = self.incidents.incidents.get("volume_drop")
            silenced = drop is not None and drop.resolved_index is None
        if silenced:
            anomalies = [a for a in anomalies if a.kind != "volume_drop"]
        stamped, events = self.incidents.step(
            index, start, end, anomalies, held=_DROP if silenced else _NOTHING
        )
        if stamped or silenced:
            self.last_anomaly_index = index
        weight = config.model_weight
        score = max(
            [a.score for a in stamped], default=(1.0 - weight) * best_evidence + weight * model
        )
        insights = self._insights(new_quiet, acc, start, end) if warm else []
        if n == 0 and self.silent_windows + 1 == config.max_silent_windows:
            # Going dormant: stop emitting empty windows and close what is open.
            events.extend(self.incidents.resolve_all(index))

        alerted = any(a.kind in ("volume_spike", "volume_drop") for a in stamped)
        self.alert_windows = self.alert_windows + 1 if stamped else 0
        self._learn(index, acc, fresh, features, vector, volume_z, alerted, jobs)
        return WindowReport(
            self.name,
            start,
            end,
            n,
            score,
            features,
            tuple(stamped),
            tuple(events),
            tuple(insights),
            {"hst": hst_score, "forest": forest_score},
            acc.errors,
            _top_counts(acc.template_counts, config.report_templates),
        )

    def _novelty(
        self, index: int, acc: WindowAccumulator, warm: bool
    ) -> tuple[set[str], dict[str, int], list[str], bool]:
        """Update the seen-template registry; return templates still fresh (first seen within
        ``novel_windows``), WARNING+ novel templates that have recurred enough to alert,
        templates below WARNING first seen in this window, and whether the window holds a
        restart's banner (``restart_banner``): ``RESTART_BANNER`` INFO/DEBUG templates, each
        at most ``_BANNER_LINES`` times, never seen or not within ``novel_windows`` and rare
        (below ``rare_share``) -- what a process logs once as it starts."""
        config = self.config
        seen = self.seen
        novel = self.novel
        fresh: set[str] = set()
        alerting: dict[str, int] = {}
        new_quiet: list[str] = []
        present: list[str] = []
        # A quiet service needs more time before its rare templates have all shown up once.
        learned = warm and self.stats.total >= config.vocabulary_lines
        banner = 0
        watch = warm and config.restart_banner
        for tid, level in acc.template_levels.items():
            entry = seen.get(tid)
            created = entry is None
            if (
                watch
                and level < WARNING
                and acc.template_counts[tid] <= _BANNER_LINES
                and (
                    entry is None
                    or (
                        index - entry[-1] >= config.novel_windows
                        and self.shares.share(tid) < config.rare_share
                    )
                )
            ):
                banner += 1
            if entry is None:
                entry = [level, index, index]
                if len(seen) >= config.max_templates_per_service:
                    del seen[next(iter(seen))]
                seen[tid] = entry
                if level < WARNING:
                    new_quiet.append(tid)
            if index - entry[1] < config.novel_windows:
                fresh.add(tid)
            if level >= WARNING and learned:
                record = novel.get(tid)
                if record is None and (created or entry[0] < WARNING):
                    record = novel[tid] = [index, 0]
                if record is not None:
                    record[1] += acc.template_counts[tid]
                    present.append(tid)
                    if record[1] >= config.new_error_min_count:
                        alerting[tid] = record[1]
            if level > entry[0]:
                entry[0] = level
            entry[-1] = index
        for tid in [t for t, r in novel.items() if index - r[0] >= config.novel_windows]:
            del novel[tid]
        # The miner may keep variants of one new error apart until it generalises them (one
        # template per variant, each seen once): together they are still a new pattern.
        if present and sum(r[1] for r in novel.values()) >= config.new_error_min_count:
            for tid in present:
                alerting.setdefault(tid, novel[tid][1])
        return fresh, alerting, new_quiet, banner >= RESTART_BANNER

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
        new_loud = sum(
            1
            for t in fresh
            if acc.template_levels.get(t, 0) >= WARNING and self.seen[t][1] == acc.index
        )
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

    def _track_shifts(
        self, acc: WindowAccumulator
    ) -> tuple[list[tuple[str, float, float]], set[str], set[str]]:
        """Templates whose share jumped now; those among them that jumped in an earlier,
        separate run too (recurring, e.g. a batch job); and those of the recurring whose run
        has not outlasted the longest earlier one (a job's run, not a job stuck in a loop).
        Tracked during warm-up as well."""
        # The first windows of a service have no baseline: every template "jumps".
        if not acc.count or self.closed_windows < 3:
            return [], set(), set()
        config = self.config
        pools = self._pooled()
        shifted = shifted_templates(acc, self.shares, config, pools)
        recurring = set()
        jobs = set()
        index = acc.index
        runs_by_template = self.shift_runs
        for tid, base, _ in shifted:
            # Only alert-worthy jumps make a template "recurring", not binomial noise.
            if share_z(acc.template_counts[tid], acc.count, base) < config.shift_z:
                continue
            runs = runs_by_template.get(tid)
            if runs is None:
                if len(runs_by_template) >= config.max_templates_per_service:
                    del runs_by_template[next(iter(runs_by_template))]
                runs = runs_by_template[tid] = [0, -10, index, 0]
            going_on = runs[1] == index - 1
            if not going_on:
                # The run before ends: the longest so far, then a new one starts here.
                runs[3] = max(runs[3], runs[1] - runs[2] + 1)
                runs[2] = index
            again, job = _recurring_run(runs, index, config.recurring_runs)
            if again:
                recurring.add(tid)
            if job:
                jobs.add(tid)
            if not going_on:
                runs[0] += 1
            runs[1] = index
        # A job's window too faint to count as a jump (the first or last minute of a run,
        # fewer than ``min_shift_count`` lines) is the job's all the same.
        for tid, count in acc.template_counts.items():
            runs = runs_by_template.get(tid)
            if runs is None or runs[1] == index:
                continue
            if (
                _recurring_run(runs, index, config.recurring_runs)[1]
                and share_z(count, acc.count, self.shares.share(tid)) >= config.shift_z
            ):
                jobs.add(tid)
        return shifted, recurring, jobs

    def _candidates(
        self,
        acc: WindowAccumulator,
        fresh: set[str],
        alerting: dict[str, int],
        shifted: list[tuple[str, float, float]],
        recurring: set[str],
        jobs: set[str],
    ) -> list[Candidate]:
        config = self.config
        found = [
            volume_rule(
                acc,
                self.volume,
                self.history,
                self.shares,
                fresh,
                self.volume_run,
                config,
                self.daily,
                (self.low_run, self.low_anchor),
                jobs,
                (self.step_run, self.step_anchor, self._step_ordinary(acc.index)),
            ),
            error_rate_rule(
                acc,
                self.error_rate,
                set(self.novel),
                (sum(e for e, _ in self.error_pool), sum(n for _, n in self.error_pool)),
                config,
            ),
            new_error_rule(acc, alerting, config),
        ]
        strong = {
            c.kind for c in found if c is not None and (c.evidence >= _GATE or c.kind == RECURRING)
        }
        # A recurring peak (a batch job) is no start of a sustained deviation to pool.
        self.recurring_volume = RECURRING in strong
        pools = self._pooled()
        settling = fresh
        if acc.index - self.restart_index < config.novel_windows:
            # Since a restart, a jump of an INFO/DEBUG template's share is the new version's
            # logging (a deploy's templates, logged more), learned as fresh ones are.
            settling = fresh | {t for t, _, _ in shifted if acc.template_levels[t] < WARNING}
        shift = pattern_shift_rule(acc, shifted, settling, recurring, pools, config)
        if shift is not None:
            top_level = acc.template_levels.get(shift.templates[0], 0)
            explained = strong & {"volume_drop", RECURRING} or (
                top_level >= WARNING and strong & {"error_rate", "new_error_pattern"}
            )
            if not explained:
                found.append(shift)
        return [c for c in found if c is not None and c.kind != RECURRING]

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
            strong = cand.evidence >= _STRONG
            if cand.kind == "volume_drop":
                # A restart costs a window, partly or wholly silent: a drop must last two.
                strong = False
            if (
                cand.kind in _PERSISTENT
                and not strong
                and not cand.persisted
                and self.previous_evidence.get(cand.kind, 0.0) < _PERSIST
            ):
                continue
            # The models raise a finding's score (and severity), never veto it: as a veto they
            # cost the subtle variant incidents whose windows look ordinary to them.
            score = max(cand.evidence, (1.0 - weight) * cand.evidence + weight * model)
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
        return Anomaly(
            self.name,
            start,
            end,
            cand.kind,
            score,
            severity,
            cand.expected,
            cand.actual,
            reason(self.name, cand, refs),
            "",
            refs,
            cand.evidence,
            model,
        )

    def _ref(self, tid: str, acc: WindowAccumulator) -> TemplateRef:
        example = acc.template_examples.get(tid) or self.examples.get(tid, "")
        level = acc.template_levels.get(tid)
        if level is None:
            level = self.seen.get(tid, [1, 0])[0]
        return TemplateRef(
            tid,
            self.templates.get(tid, example),
            acc.template_counts.get(tid, 0),
            example,
            LEVEL_NAMES[level],
        )

    def _insights(
        self, new_quiet: list[str], acc: WindowAccumulator, start: float, end: float
    ) -> list[Insight]:
        if not new_quiet:
            return []
        refs = tuple(self._ref(t, acc) for t in new_quiet[:10])
        message = (
            f"{self.name} started logging {len(new_quiet)} new INFO/DEBUG template(s), "
            f"e.g. '{refs[0].template}' - typical after a deploy; no action needed "
            "unless it was unexpected."
        )
        return [Insight(self.name, start, end, "new_templates", message, refs)]

    def _pool_errors(self, errors: int, n: int, limit: int) -> list[tuple[int, int]]:
        """The error pool after this window: a run goes on while its pooled error share stays
        elevated. A quiet service logs a few lines a minute, so an error burst there leaves
        windows with no error (or no line) between its errors; judged one by one they would
        break the run and no window would ever hold enough errors to count."""
        pool = [*self.error_pool, (errors, n)]
        pooled_errors = sum(e for e, _ in pool)
        pooled_n = sum(c for _, c in pool)
        if errors == 0 and not self.error_pool:
            return []
        share = pooled_errors / pooled_n if pooled_n else 0.0
        if share - self.error_rate.rate() < self.config.min_error_rate_delta / 2:
            return []
        return pool[-limit:]

    def _track_low(self, n: int, volume_z: float, recurring: bool) -> None:
        """Extend or end the run of windows below the level (before the level learns this
        one): it starts at a step down -- a window clearly low (z <= -1) at most
        ``low_run_ratio`` of both the level and the last windows' mean (a level lagging a steep
        cycle can be half off; the windows just before a decline are not) -- and goes on while
        windows stay within ``max_drop_ratio`` of the level it started from. A recurring
        trough starts none."""
        config = self.config
        anchor = self.low_anchor
        expected = self.volume.expected()
        if recurring:
            self.low_run, self.low_anchor = [], None
        elif (
            anchor is not None
            and n <= anchor[0] * config.max_drop_ratio
            and len(self.low_run) < config.low_run_windows
        ):
            self.low_run.append(n)
        elif (
            volume_z <= -1.0
            and self.volume.n > 0
            and n <= expected * config.low_run_ratio
            and n <= self._recent_mean() * config.low_run_ratio
        ):
            self.low_run = [n]
            self.low_anchor = (expected, self.volume.dispersion())
        else:
            self.low_run, self.low_anchor = [], None

    def _track_step(self, index: int, n: int, volume_z: float, reset: bool) -> None:
        """Extend or end the run of windows that stepped off the traffic on one side (before
        the level learns this one). It starts at a step: a window at least
        ``step_run_start_z`` off the level and ``step_run_ratio`` off the mean of the last
        ``STEP_ANCHOR_WINDOWS`` windows before it within three z of the level (``_usual_mean``),
        which is the run's anchor (the level lags a cycle's turn by a few tens of percent; the
        windows just before the step do not), with the window-to-window noise of the
        ``STEP_NOISE_WINDOWS`` before it as its dispersion (the level's spread counts the
        cycle it lags as noise). It goes on while windows stay beyond ``max_drop_ratio``
        (below) or ``min_spike_ratio`` (above) of the anchor, for at most ``step_run_windows``
        windows. ``reset`` (a recurring peak or trough, or a window the level trusts: a
        deploy's new lines) ends it, and no run starts while such a window is among the
        anchor's, nor within ``_SETTLE_WINDOWS`` of the service's last anomaly (traffic
        settling at a level of its own after an incident is no new one). Within
        ``step_run_windows`` windows of a run of at least ``step_run_min_windows`` windows on
        the other side, that run's anchor is the anchor when it is nearer the window: traffic
        stepping back to where it was before an excursion is its end, not a step."""
        config = self.config
        anchor = self.step_anchor
        run = self.step_run
        if (
            not reset
            and anchor is not None
            and len(run) < config.step_run_windows
            and (
                n <= anchor[0] * config.max_drop_ratio
                if anchor[2] < 0
                else n >= anchor[0] * config.min_spike_ratio
            )
        ):
            self._mark_lasting(index)
            run.append(n)
            return
        if anchor is not None and len(run) >= config.step_run_min_windows:
            self.step_back = (anchor[0], anchor[2], index)
        self.step_run, self.step_anchor = [], None
        if reset:
            self.step_reset = index
        # The anchor must not hold a job's run or a deploy's first lines.
        if reset or index - self.step_reset <= STEP_ANCHOR_WINDOWS:
            return
        # Nor during the warm-up, or right after an incident, where traffic often settles at
        # a level of its own (``VolumeBaseline.settle``).
        if self.closed_windows < config.warmup_windows:
            return
        if index - self.last_anomaly_index <= _SETTLE_WINDOWS:
            return
        if abs(volume_z) < config.step_run_start_z:
            return
        side = 1 if volume_z > 0 else -1
        anchor_mean = self._usual_mean(STEP_ANCHOR_WINDOWS, STEP_NOISE_WINDOWS)
        back = self.step_back
        if back is not None and back[1] == -side and index - back[2] <= config.step_run_windows:
            # Soon after a run on the other side, the windows before the step may still be
            # that excursion: traffic back where it was before it is no step.
            anchor_mean = max(anchor_mean, back[0]) if side > 0 else min(anchor_mean, back[0])
        ratio = config.step_run_ratio
        if not (n >= ratio * anchor_mean if side > 0 else n * ratio <= anchor_mean):
            return
        noise = log_dispersion(self.history.noise(STEP_NOISE_WINDOWS), anchor_mean)
        self.step_run = [n]
        self.step_anchor = (anchor_mean, noise, side)

    def _mark_lasting(self, index: int) -> None:
        """Remember the step run's first window once it has lasted ``step_run_min_windows``
        windows (``step_lasting``, the last day's)."""
        start = index - len(self.step_run)
        lasting = self.step_lasting
        if len(self.step_run) + 1 < self.config.step_run_min_windows or (
            lasting and lasting[-1] == start
        ):
            return
        horizon = index - self.config.history_windows
        self.step_lasting = [*(s for s in lasting if s > horizon), start]

    def _step_ordinary(self, index: int) -> bool:
        """Whether the step run going on is ordinary for the service: its last day holds
        ``step_run_ordinary`` earlier runs that lasted as long, on either side (news makes a
        Twitter volume double or halve for an hour several times a day)."""
        if self.step_anchor is None:
            return False
        start = index - len(self.step_run)
        horizon = index - self.config.history_windows
        earlier = sum(1 for s in self.step_lasting if horizon < s < start)
        return earlier >= self.config.step_run_ordinary

    def _usual_mean(self, windows: int, within: int) -> float:
        """Mean count of the last ``windows`` of the last ``within`` closed windows that were
        within three z of the level (those it learns: a run that starts late, or a window
        after a far one, is not anchored on the excursion itself); 0 before any."""
        recent = itertools.islice(reversed(self.history.values), within)
        usual = list(itertools.islice((x for x, z, _ in recent if abs(z) < 3.0), windows))
        return sum(math.expm1(x) for x in usual) / len(usual) if usual else 0.0

    def _recent_mean(self, windows: int = 3) -> float:
        """Mean count of the last ``windows`` closed windows (0 before any)."""
        recent = list(itertools.islice(reversed(self.history.values), windows))
        return sum(math.expm1(x) for x, _, _ in recent) / len(recent) if recent else 0.0

    def _learn(
        self,
        index: int,
        acc: WindowAccumulator,
        fresh: set[str],
        features: dict[str, float],
        vector: list[float],
        volume_z: float,
        alerted: bool,
        jobs: set[str],
    ) -> None:
        n = acc.count
        self._pool_shifts(acc, jobs)
        limit = self.config.pool_windows
        quiet = self.volume.expected() < self.config.quiet_lines
        self.error_pool = self._pool_errors(acc.errors, n, 3 * limit if quiet else limit)
        # Extra lines from templates new since a deploy are learned quickly, not resisted --
        # from their second window on, so a one-off burst of a new template (a batch job's
        # first run) is not taken for a deploy. Not during the warm-up, where every template is
        # new and the spread of the traffic is still to be learned.
        warm = self.closed_windows >= self.config.warmup_windows
        fresh_lines = (
            sum(
                c
                for t, c in acc.template_counts.items()
                if t in fresh and acc.template_levels[t] < WARNING and self.seen[t][1] < index
            )
            if warm
            else 0
        )
        allowance = int(self.config.max_fresh_share * self.volume.expected())
        trusted = fresh_lines > 0 and self.volume.z(n - min(fresh_lines, allowance)) < 2.0
        run = self.volume_run
        # A job's lines beyond its usual share are the job's run, not traffic (the level rule
        # judges the window without them): the runs and the daily profile take the traffic.
        # A job's window ends a step run and starts none, as a recurring peak does: the
        # traffic around a job is no anchor, nor a step from one.
        traffic, traffic_z, job = n, volume_z, False
        if jobs and self.config.job_traffic:
            without = traffic_without_job(acc, jobs, self.volume.expected(), self.shares)
            if without is not None:
                traffic, traffic_z, job = without, self.volume.z(without), True
        self._track_low(traffic, traffic_z, self.recurring_volume)
        # A deploy's new lines are no step either: the level learns them at once.
        self._track_step(index, traffic, traffic_z, self.recurring_volume or trusted or job)
        if self.daily is not None:
            self.daily.add(index, traffic, self.recurring_volume, alerted)
        if self.recurring_volume:
            self.volume_run, self.recurring_volume = [], False
        elif self.restart_index == index:
            # A restart's partial window is no part of a sustained run.
            self.volume_run = []
        elif abs(traffic_z) >= 2.0 and (not run or (run[0] > 0) == (traffic_z > 0)):
            self.volume_run = [*run, traffic_z][-limit:]
        else:
            self.volume_run = [traffic_z] if abs(traffic_z) >= 2.0 else []
        self.history.add(n, volume_z, alerted)
        self.volume.update(n, trusted)
        self.error_rate.update(acc.errors, n)
        # The mix is not learned while an incident is alerted (a shift must not teach itself
        # away, and the mix coming back after an error burst or a shift must not look like a
        # shift) unless it lasts: then it is the mix.
        if not 0 < self.alert_windows < _RELEARN_WINDOWS:
            self.shares.update(acc.template_counts, n)
        self.hst.learn_one(features)
        self.forest.learn_one(vector)
        if self.forest.needs_refit():
            if self.config.refit_inline:
                self.forest.refit_now()
            else:
                # Handed to the engine, which holds this service's next window until it is in.
                self.training = self.forest.fit_snapshot()
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

    def _pooled(self) -> dict[str, tuple[int, int, float, float]]:
        """(count, lines, share to test against, its variance) of each template's pool."""
        anchors = self.shift_anchors
        pooled = {}
        for tid, pool in self.shift_pools.items():
            anchor = anchors.get(tid)
            base, variance = (
                (self.shares.share(tid), 0.0) if anchor is None else (anchor[0], anchor[2])
            )
            pooled[tid] = (sum(c for c, _ in pool), sum(n for _, n in pool), base, variance)
        return pooled

    def _pool_shifts(self, acc: WindowAccumulator, jobs: set[str]) -> None:
        """Keep the counts of templates whose share is elevated window after window (before
        the shares learn this window), and the share each run rose from."""
        if jobs:
            self.last_job_index = acc.index
        n = acc.count
        if n == 0:
            self.shift_pools, self.shift_anchors = {}, {}
            return
        config = self.config
        half = config.min_shift_delta / 2
        limit = config.shift_pool_windows
        index = acc.index
        # Since a restart, the new version's INFO/DEBUG logging is learned as it comes
        # (``_candidates``' settling): no anchor holds those shares where they were. Nor, for
        # a while after a job's run, the shares the job's lines diluted (a run starting there
        # would be tested against a share that sits low until the mix has learned it back).
        settling = index - self.restart_index < config.novel_windows
        diluted = index - self.last_job_index <= config.shift_pool_windows
        pools: dict[str, list[tuple[int, int]]] = {}
        anchors: dict[str, tuple[float, int, float]] = {}
        # The shares are means over windows (``share_alpha``) of a few dozen lines each: an
        # estimate about as uncertain as a window of alpha / (2 - alpha) times the lines.
        alpha = config.share_alpha
        lines = max(self.volume.expected(), 1.0) * (2.0 - alpha) / alpha
        for tid, count in acc.template_counts.items():
            share = self.shares.share(tid)
            anchor = self.shift_anchors.get(tid) if tid in self.shift_pools else None
            if anchor is not None and index - anchor[1] >= config.shift_anchor_windows:
                # A run this long is the mix now: judged by what the shares learned.
                anchor = None
            if settling and acc.template_levels[tid] < WARNING:
                anchor = None
            base = share if anchor is None else anchor[0]
            if count / n - base >= half:
                pools[tid] = [*self.shift_pools.get(tid, []), (count, n)][-limit:]
                if anchor is not None:
                    anchors[tid] = anchor
                elif (
                    # A young template's share is still settling: no anchor for its runs yet.
                    config.shift_anchor_windows > 0
                    and self.shares.age(tid) >= config.warmup_windows
                    and not (settling and acc.template_levels[tid] < WARNING)
                    and not diluted
                ):
                    anchors[tid] = (share, index, share * (1.0 - share) / lines)
        self.shift_pools, self.shift_anchors = pools, anchors


def _top_counts(counts: dict[str, int], limit: int) -> tuple[tuple[str, int], ...]:
    if len(counts) <= limit:
        return tuple(sorted(counts.items(), key=lambda item: -item[1]))
    return tuple(sorted(counts.items(), key=lambda item: -item[1])[:limit])


def _recurring_run(runs: list[int], index: int, needed: int) -> tuple[bool, bool]:
    """Whether a template's jump in window ``index`` repeats ``needed`` earlier, separate runs
    (``ServiceDetector.shift_runs``), and whether it is a job's run too: not longer than the
    longest of them by more than a window (a job's run may touch one more, off the boundary).
    A jump after a gap starts a run of its own."""
    going_on = runs[1] == index - 1
    # Runs before the current one (which started in the previous window if any).
    prior, length = (runs[0] - 1, index - runs[2] + 1) if going_on else (runs[0], 1)
    again = prior >= needed
    return again, again and length <= runs[3] + 1
