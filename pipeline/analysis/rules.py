"""Rule-based anomaly kinds. Each rule compares a closed window with the service's baselines
and returns a candidate with its evidence in [0, 1] (0.5 at the configured reference z), the
expected and actual values and the templates that explain it. Rules never decide alone: the
detector gates candidates on persistence and blends evidence with the model score."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.analysis.baselines import (
    DailyProfile,
    LevelHistory,
    RateBaseline,
    TemplateShares,
    VolumeBaseline,
)
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.counts import volume_z
from pipeline.analysis.levels import ERROR, WARNING
from pipeline.analysis.windows import WindowAccumulator

# Pseudo-kind: the window's volume matches a recurring peak or trough (never alerted).
RECURRING = "recurring_volume"
# Evidence at the reference z: a weaker drop of the level rule gives way to a low run's.
_GATE_EVIDENCE = 0.5
# A step run's anchor is the mean of this many windows before its first.
STEP_ANCHOR_WINDOWS = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    evidence: float
    expected: float
    actual: float
    templates: tuple[str, ...]
    # The evidence already spans more than one window (no further persistence needed).
    persisted: bool = False
    # A run summed against what it stepped from (``anchored``): its windows, their lines
    # and the anchor's expected lines a window.
    run: tuple[int, int, float] | None = None
    # The run's anchor is what this time of day usually brings (the daily profile), not the
    # windows before the step (``step_run_rule``).
    daily_anchor: bool = False


def evidence(z: float, reference: float) -> float:
    """Map a z-score onto [0, 1] so that z == reference gives 0.5."""
    return min(max(z / (2.0 * reference), 0.0), 1.0)


def volume_rule(
    acc: WindowAccumulator,
    volume: VolumeBaseline,
    history: LevelHistory,
    shares: TemplateShares,
    fresh: set[str],
    run: list[float],
    config: AnalysisConfig,
    daily: DailyProfile | None = None,
    low: tuple[list[int], tuple[float, float] | None] = ([], None),
    jobs: frozenset[str] | set[str] = frozenset(),
    step: tuple[list[int], tuple[float, float, int] | None, bool] = ([], None, False),
) -> Candidate | None:
    """volume_spike / volume_drop against the volume baseline and, for a service with a
    cycle (``LevelHistory.seasonal``), against the same phase of its last cycles too: a
    deviation the cycle explains is no anomaly, and a window ``cycle_z`` off its phase is one
    even if the level alone would not call it. ``low`` is the run of windows below the level
    before this one and the level it began from (``low_run_rule``). With ``daily``, the last
    windows are also compared with the same time of day on earlier days (``_daily_rule``).
    ``jobs``: templates whose share jumps in runs like earlier ones (a job's message): their
    lines beyond their usual share are the job's, not traffic (``_level_rule``). ``step`` is
    the run of windows that stepped off the traffic before this one, what it stepped from and
    whether such runs are ordinary for the service (``step_run_rule``)."""
    cand = _level_rule(acc, volume, history, shares, fresh, run, config, jobs, daily)
    if cand is None or (cand.kind == "volume_drop" and cand.evidence < _GATE_EVIDENCE):
        cand = low_run_rule(acc, *low, volume, shares, config) or cand
    if cand is None or (cand.kind != RECURRING and cand.evidence < _GATE_EVIDENCE):
        usual = None if daily is None else daily.expected(acc.index)
        cand = step_run_rule(acc, *step, volume, shares, fresh, config, usual) or cand
    if daily is not None and (cand is None or cand.kind != RECURRING):
        # The profile learns a job's window without the job's lines: so is it judged.
        traffic = None
        if jobs and config.job_traffic:
            traffic = traffic_without_job(acc, jobs, volume.expected(), shares)
        cand = _daily_rule(acc, daily, history, shares, volume, config, cand, traffic)
    season = history.seasonal(acc.count, config.cycle_min_fit) if config.cycles else None
    if season is None:
        return cand
    z_cycle, expected = season
    if cand is not None and cand.kind == "volume_spike":
        return cand if z_cycle >= config.cycle_explains_z else None
    if cand is not None and cand.kind == "volume_drop":
        return cand if z_cycle <= -config.cycle_explains_z else None
    if cand is not None:
        return cand
    n = acc.count
    if (
        z_cycle >= config.cycle_z
        and n - expected >= config.min_spike_lines
        and n >= expected * config.min_spike_ratio
    ):
        kind, strength = "volume_spike", z_cycle
    elif z_cycle <= -config.cycle_z and n <= expected * config.max_drop_ratio:
        kind, strength = "volume_drop", -z_cycle
    else:
        return None
    listed = _excess if kind == "volume_spike" else _missing
    return Candidate(
        kind,
        evidence(strength, config.cycle_z),
        expected,
        float(n),
        listed(acc, shares, volume.expected(), config.top_templates),
    )


def _level_rule(
    acc: WindowAccumulator,
    volume: VolumeBaseline,
    history: LevelHistory,
    shares: TemplateShares,
    fresh: set[str],
    run: list[float],
    config: AnalysisConfig,
    jobs: frozenset[str] | set[str] = frozenset(),
    daily: DailyProfile | None = None,
) -> Candidate | None:
    """volume_spike / volume_drop against the robust volume baseline.

    ``run`` holds the z-scores of the directly preceding windows that deviated the same way
    (|z| >= 1): combined with this one (Stouffer), a moderate but sustained deviation builds
    evidence with the square root of its duration and counts as persistent. A window whose
    excess is the lines of ``jobs`` templates beyond their usual share is a job's run: no
    spike, and a recurring peak (the daily profile leaves it out). A pair of windows within
    the service's own burstiness is not pooled on its first day (``_burst_pair``)."""
    n = acc.count
    z = volume.z(n)
    expected = volume.expected()
    if z > 0:
        # Extra lines from templates new since a deploy are an insight, not a spike -- up to
        # half the expected volume: a flood of a never-seen message is still a spike.
        fresh_lines = _fresh_lines(acc, fresh)
        # A job's run on quiet traffic can be a spike of the window's own count and yet too
        # faint for ``recurring`` (below ``spike_z``) -- a job's message is no traffic.
        job_lines = job_excess(acc, jobs, expected, shares)
        known = n - min(fresh_lines, int(config.max_fresh_share * expected)) - round(job_lines)
        traffic = n - round(job_lines)
        z = volume.z(known)
        if job_lines >= 1 and volume.z(traffic) <= -config.drop_z:
            # The job ran and the traffic around it did not: a drop under the job's lines
            # (one within chance stays the job's run).
            n, z = traffic, volume.z(traffic)
        elif (
            z <= 0
            or known < expected * config.min_spike_ratio
            or known - expected < config.min_spike_lines
        ):
            return Candidate(RECURRING, 0.0, expected, float(n), ()) if job_lines >= 1 else None
        elif z >= config.spike_z and (
            history.recurring(known, z, config.spike_z, config.recurring_runs)
            or history.periodic(z, config.spike_z)
            or history.ordinary(known, z, config.ordinary_runs)
        ):
            # Not an alert, but it explains a share jump in the same window (batch job).
            return Candidate(RECURRING, 0.0, expected, float(n), ())
        else:
            pooled = False
            if not _burst_pair(acc.index, known, z, run, volume, history, daily, config):
                z, pooled = _stouffer(z, run)
            return Candidate(
                "volume_spike",
                evidence(z, config.spike_z),
                expected,
                float(n),
                _excess(acc, shares, expected, config.top_templates),
                persisted=pooled,
            )
    if z < 0 and n <= expected * config.max_drop_ratio:
        # A restart costs one partial window: troughs must have lasted two to count.
        if -z >= config.drop_z and (
            history.recurring(n, z, config.drop_z, config.recurring_runs, min_length=2)
            or history.ordinary(n, z, config.ordinary_runs)
        ):
            return Candidate(RECURRING, 0.0, expected, float(n), ())
        pooled = False
        if not _burst_pair(acc.index, n, z, run, volume, history, daily, config):
            z, pooled = _stouffer(z, run)
        return Candidate(
            "volume_drop",
            evidence(-z, config.drop_z),
            expected,
            float(n),
            _missing(acc, shares, expected, config.top_templates),
            persisted=pooled,
        )
    return None


def low_run_rule(
    acc: WindowAccumulator,
    run: list[int],
    anchor: tuple[float, float] | None,
    volume: VolumeBaseline,
    shares: TemplateShares,
    config: AnalysisConfig,
) -> Candidate | None:
    """volume_drop for a run of windows below the level (``run``: the counts of the windows
    before this one; ``anchor``: the level's expected count and dispersion when the run
    began), summed with this window against as many windows of the anchor: a sum of
    independent negative binomials of one dispersion ``phi`` is one with ``phi / k``."""
    if anchor is None or not run:
        return None
    mean, dispersion = anchor
    n = acc.count
    # This window must be down itself: the run's sum still tells after traffic came back.
    if n > mean * config.low_run_ratio:
        return None
    k, total, z = anchored(run, n, mean, dispersion)
    if total > k * mean * config.low_run_ratio or z > -config.low_run_z:
        return None
    return Candidate(
        "volume_drop",
        evidence(-z, config.low_run_z),
        mean,
        float(n),
        _missing(acc, shares, volume.expected(), config.top_templates),
        persisted=True,
        run=(k, total, mean),
    )


def anchored(
    run: list[int],
    count: int,
    mean: float,
    dispersion: float,
    anchor_windows: int = 0,
    poisson_floor: bool = True,
) -> tuple[int, int, float]:
    """The windows, lines and z of ``run`` and this window's ``count`` summed against as many
    windows of the anchor (``mean`` lines a window, ``dispersion`` as the level had it when the
    run began), exactly: a sum of ``k`` independent negative binomials of one dispersion
    ``phi`` is one with ``phi / k``. The anchor does not learn the run, so a shift the level
    absorbs within a few windows still adds up here. An anchor that is the mean of only
    ``anchor_windows`` windows is itself that uncertain: its variance, ``(1 / mean + phi) /
    anchor_windows`` relative, is added, so the evidence of a long run stops growing at what
    the anchor can tell. ``poisson_floor``: a dispersion below zero (the window-to-window
    noise of a few lines a window can be calmer than Poisson by chance) counts as zero -- the
    anchor's uncertainty is at least a Poisson mean's, and a negative one must not cancel it
    (before, at 3.8 lines a window, it did: six windows of 53 lines were z 5.1, not 3.4)."""
    k = len(run) + 1
    total = sum(run) + count
    if poisson_floor:
        dispersion = max(dispersion, 0.0)
    phi = dispersion / k
    if anchor_windows:
        phi += (1.0 / max(mean, 1e-3) + dispersion) / anchor_windows
    return k, total, volume_z(total, k * mean, phi)


def step_run_far(
    run: list[int], count: int, anchor: tuple[float, float, int], config: AnalysisConfig
) -> tuple[int, int, float] | None:
    """(windows, lines, z) of a step run (``run``: the counts before this window, ``anchor``:
    the mean and dispersion it began from, and the side) summed with this window's
    ``count`` (``anchored``; the anchor, a mean of ``STEP_ANCHOR_WINDOWS`` windows, is
    uncertain itself) when the run has lasted ``step_run_min_windows`` windows and its sum is
    ``step_run_ratio`` and ``step_run_z`` off the anchor; None otherwise."""
    if len(run) + 1 < config.step_run_min_windows:
        return None
    mean, dispersion, side = anchor
    k, total, z = anchored(
        run, count, mean, dispersion, STEP_ANCHOR_WINDOWS, config.step_run_poisson_floor
    )
    expected = k * mean
    ratio = config.step_run_ratio
    if side > 0 and total >= expected * ratio and z >= config.step_run_z:
        return k, total, z
    if side < 0 and total * ratio <= expected and z <= -config.step_run_z:
        return k, total, z
    return None


def step_run_rule(
    acc: WindowAccumulator,
    run: list[int],
    anchor: tuple[float, float, int] | None,
    ordinary: bool,
    volume: VolumeBaseline,
    shares: TemplateShares,
    fresh: set[str],
    config: AnalysisConfig,
    usual: float | None = None,
) -> Candidate | None:
    """volume_spike / volume_drop for a sustained partial shift: ``run`` holds the counts of
    the windows before this one since traffic stepped off (``anchor``: the mean count and
    the dispersion before the step, and the side), summed with this window against the
    anchor (``step_run_far``). This window must be ``step_run_ratio`` off the anchor itself,
    so the run's sum does not outlast the shift; a burst of two or three windows, or a cycle
    the level lags by a few tens of percent, is no run. ``ordinary``: the service's last day
    holds ``ordinary_runs`` earlier runs as far on this side (its ordinary burstiness, as
    news makes a Twitter volume jump). Lines of templates new since a deploy are not counted
    in a rise, as in the level rule. ``usual``: what the same time on earlier days expects
    (the daily profile), when known; a window within the ratio of it is the day's own turn (a
    quiet service's morning), not a step, and with ``step_run_daily_anchor`` a rise is summed
    against at least that (a drop against at most): a run that climbs out of a lull back to the
    day's usual level is no step either, however long it lasts."""
    if anchor is None or ordinary:
        return None
    mean, dispersion, side = anchor
    n = acc.count
    ratio = config.step_run_ratio
    if usual is not None and usual / ratio < n < usual * ratio:
        return None
    daily_anchor = False
    if usual is not None and config.step_run_daily_anchor:
        # A rise back to what this time of day usually brings (or a fall to it) is the day's
        # turn: the windows before the step were a lull (a peak) of the day.
        daily_anchor = usual > mean if side > 0 else usual < mean
        mean = max(mean, usual) if side > 0 else min(mean, usual)
        anchor = (mean, dispersion, side)
    if side > 0:
        n -= min(_fresh_lines(acc, fresh), int(config.max_fresh_share * mean))
        if n < mean * ratio or n - mean < config.min_spike_lines:
            return None
    elif n * ratio > mean:
        return None
    far = step_run_far(run, n, anchor, config)
    if far is None:
        return None
    k, total, z = far
    kind, listed = ("volume_spike", _excess) if side > 0 else ("volume_drop", _missing)
    return Candidate(
        kind,
        evidence(abs(z), config.step_run_z),
        mean,
        float(n),
        listed(acc, shares, volume.expected(), config.top_templates),
        persisted=True,
        run=(k, total, mean),
        daily_anchor=daily_anchor,
    )


# How far this window must be from the level baseline, on the side of the daily scan.
_DAILY_LEVEL_Z = 1.5


def _daily_rule(
    acc: WindowAccumulator,
    daily: DailyProfile,
    history: LevelHistory,
    shares: TemplateShares,
    volume: VolumeBaseline,
    config: AnalysisConfig,
    cand: Candidate | None,
    count: int | None = None,
) -> Candidate | None:
    """The level rule's candidate, or a spike or drop of the last ``daily_span`` windows
    against the same time on earlier days (``DailyProfile.scan``) when that is stronger. This
    window must be beyond the usual ratios itself, so the sum's tail after an incident is no
    new one. ``count``: the window's traffic (without a job's lines), its count if None."""
    n = acc.count if count is None else count
    scan = daily.scan(acc.index, n)
    if scan is None:
        return cand
    z, expected = scan
    # The level baseline must lean the same way (it follows a day that is quieter all along,
    # a weekend, within a few windows; an incident it learns only bit by bit).
    level_z = volume.z(n)
    if z * level_z <= 0.0 or abs(level_z) < _DAILY_LEVEL_Z:
        return cand
    # Sums that far several times a day are the service's ordinary burstiness (news).
    if daily.ordinary(acc.index, z, config.ordinary_runs) or history.ordinary(
        n, level_z, config.ordinary_runs
    ):
        return cand
    if (
        z >= config.daily_z
        and n >= expected * config.min_spike_ratio
        and n - expected >= config.min_spike_lines
    ):
        kind, listed = "volume_spike", _excess
    elif z <= -config.daily_z and n <= expected * config.max_drop_ratio:
        kind, listed = "volume_drop", _missing
    else:
        return cand
    strength = evidence(abs(z), config.daily_z)
    if cand is not None and cand.evidence >= strength:
        return cand
    return Candidate(
        kind,
        strength,
        expected,
        float(n),
        listed(acc, shares, volume.expected(), config.top_templates),
        persisted=True,
    )


def job_excess(
    acc: WindowAccumulator,
    jobs: frozenset[str] | set[str],
    expected: float,
    shares: TemplateShares,
) -> float:
    """Lines of a job's templates (``jobs``) beyond their usual share of ``expected``: the
    job's run, not traffic."""
    return sum(
        max(acc.template_counts[t] - expected * shares.share(t), 0.0)
        for t in jobs
        if t in acc.template_counts
    )


def traffic_without_job(
    acc: WindowAccumulator,
    jobs: frozenset[str] | set[str],
    expected: float,
    shares: TemplateShares,
) -> int | None:
    """The window's count without a job's run (``job_excess``), or None when no job ran in it
    (under one line beyond the usual shares): what the runs and the daily profile take for
    traffic (``AnalysisConfig.job_traffic``)."""
    job_lines = job_excess(acc, jobs, expected, shares)
    return max(acc.count - round(job_lines), 0) if job_lines >= 1 else None


def _fresh_lines(acc: WindowAccumulator, fresh: set[str]) -> int:
    """Lines of INFO/DEBUG templates new since a deploy (``fresh``) in this window."""
    return sum(
        c for t, c in acc.template_counts.items() if t in fresh and acc.template_levels[t] < WARNING
    )


def _excess(
    acc: WindowAccumulator, shares: TemplateShares, expected: float, limit: int
) -> tuple[str, ...]:
    """The templates with the most lines beyond their share of ``expected``, biggest first."""
    return tuple(
        sorted(
            acc.template_counts,
            key=lambda t: acc.template_counts[t] - expected * shares.share(t),
            reverse=True,
        )[:limit]
    )


def _missing(
    acc: WindowAccumulator, shares: TemplateShares, expected: float, limit: int
) -> tuple[str, ...]:
    """The templates that went missing, biggest expected share first."""
    return tuple(
        sorted(
            shares.shares,
            key=lambda t: expected * shares.share(t) - acc.template_counts.get(t, 0),
            reverse=True,
        )[:limit]
    )


# A window joins a pooled volume run only when it deviates this far by itself: a restart's
# partial window followed by a low but ordinary one is no sustained drop.
_POOL_MIN_Z = 3.0


def _stouffer(z: float, run: list[float]) -> tuple[float, bool]:
    """This window's z, or the combined z of the same-signed run ending here if stronger."""
    if not run or (run[0] > 0) != (z > 0) or abs(z) < _POOL_MIN_Z:
        return z, False
    pooled = (sum(run) + z) / math.sqrt(len(run) + 1)
    if abs(pooled) > abs(z):
        return pooled, True
    return z, False


# The windows whose window-to-window noise judges a pair (``_burst_pair``), as the step run's.
_PAIR_NOISE_WINDOWS = 30


def _burst_pair(
    index: int,
    count: int,
    z: float,
    run: list[float],
    volume: VolumeBaseline,
    history: LevelHistory,
    daily: DailyProfile | None,
    config: AnalysisConfig,
) -> bool:
    """Whether this window and the one before it (``run`` of one window two z off, the same
    way) are a burst of the service's own noise rather than a sustained deviation, while the
    daily profile cannot tell yet (a service's first day): this window within
    ``burst_pair_noise_z`` log-scale spreads of the level, the spread being the
    window-to-window noise of the last windows (``LevelHistory.noise``, bursts included,
    which the level's young spread leaves out beyond three z). Such a pair is not pooled: two
    windows pooled (Stouffer) reach the spike's z more easily than the persistence test for
    two windows does, and on bursty traffic one window two z out before a three-z one is
    chance (the noise is drawn afresh each minute). Once the profile has a day, pairs are
    pooled as before (judged alone there too, such pairs were a labelled anomaly's only flag
    on a real series)."""
    if config.burst_pair_noise_z <= 0.0 or len(run) != 1 or (run[0] > 0) != (z > 0):
        return False
    if daily is not None and daily.scan(index, count) is not None:
        return False
    noise = history.noise(_PAIR_NOISE_WINDOWS)
    if noise <= 0.0:
        return False
    far = abs(math.log1p(count) - math.log1p(volume.expected())) / noise
    return far < config.burst_pair_noise_z


def error_rate_rule(
    acc: WindowAccumulator,
    rate: RateBaseline,
    novel: set[str],
    previous: tuple[int, int],
    config: AnalysisConfig,
) -> Candidate | None:
    """error_rate: ERROR and CRITICAL share of the window against the baseline rate.

    ``previous`` is (errors, lines) summed over the directly preceding windows whose error
    share was already elevated: pooled with this window, a quiet service reaches the minimum
    counts and a sustained moderate rise builds evidence."""
    n, errors = acc.count, acc.errors
    if n == 0:
        return None
    expected = rate.rate()
    actual = errors / n
    if actual - expected < config.min_error_rate_delta:
        return None
    prev_errors, prev_n = previous
    pooled = prev_n > 0
    if errors < config.min_error_count and not (
        pooled and errors + prev_errors >= config.min_error_count
    ):
        return None
    error_templates = sorted(
        (t for t, lvl in acc.template_levels.items() if lvl >= ERROR),
        key=lambda t: acc.template_counts[t],
        reverse=True,
    )
    # When never-seen templates carry the rise, new_error_pattern tells the story -- unless
    # the new errors are a big share of traffic by themselves: then it is both kinds.
    novel_errors = sum(acc.template_counts[t] for t in error_templates if t in novel)
    if (
        novel_errors
        and (errors - novel_errors) / n - expected < config.min_error_rate_delta
        and novel_errors / n < config.novel_error_rate_share
    ):
        return None
    z = rate.z(errors, n)
    persisted = False
    if pooled:
        z_pooled = rate.z(errors + prev_errors, n + prev_n)
        if z_pooled > z:
            z, persisted = z_pooled, True
    return Candidate(
        "error_rate",
        evidence(z, config.error_z),
        100.0 * expected,
        100.0 * actual,
        tuple(error_templates[: config.top_templates]),
        persisted=persisted,
    )


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
    return Candidate(
        "new_error_pattern",
        min(strength, 1.0),
        0.0,
        float(sum(acc.template_counts.get(t, 0) for t in ranked)),
        tuple(ranked[: config.top_templates]),
    )


def share_z(count: int, n: int, base: float, base_variance: float = 0.0) -> float:
    """Binomial z of a template's count against its baseline share (floored at 1%), widened
    by the variance of that share's own estimate when it is given."""
    floor = max(base, 0.01)
    return (count - n * floor) / math.sqrt(n * floor * (1.0 - floor) + n * n * base_variance)


def share_rise_z(count: int, n: int, base: float, base_variance: float) -> float:
    """z of a template's rise in share from ``base``, by the signed root of the binomial
    likelihood ratio: a few lines of a rare template are less surprising than the normal
    approximation says (10 of 42 lines at 7.7% is z 3.9 by it, 3.2 by this, 3.0 exactly),
    widened by the variance of the base's own estimate as ``share_z`` is."""
    p = min(max(base, 0.01), 0.99)
    expected = n * p
    if count <= expected or n <= 0:
        return share_z(count, n, base, base_variance)
    deviance = count * math.log(count / expected)
    if count < n:
        deviance += (n - count) * math.log((n - count) / (n - expected))
    z = math.sqrt(max(2.0 * deviance, 0.0))
    binomial = n * p * (1.0 - p)
    return z * math.sqrt(binomial / (binomial + n * n * base_variance))


def shifted_templates(
    acc: WindowAccumulator,
    shares: TemplateShares,
    config: AnalysisConfig,
    pools: dict[str, tuple[int, int, float, float]] | None = None,
) -> list[tuple[str, float, float]]:
    """(template, baseline share, window share) for templates whose share jumped; a template
    appearing for the first time with a large share counts as a jump from zero. ``pools``
    holds (count, lines, share before the run, that share's variance) of the directly
    preceding windows in which a template was already elevated: a sustained shift whose window
    dips below the jump on a bursty minute is still one while the pooled share is above the
    share it rose from."""
    n = acc.count
    found = []
    for tid, count in acc.template_counts.items():
        if count < config.min_shift_count:
            continue
        age = shares.age(tid)
        if 0 < age < 3:
            continue
        base = shares.share(tid)
        share = count / n
        prev, prev_n, pool_base, _ = (pools or {}).get(tid, (0, 0, base, 0.0))
        pooled = (count + prev) / (n + prev_n)
        if max(share - base, pooled - pool_base) >= config.min_shift_delta:
            found.append((tid, base, share))
    return found


def pattern_shift_rule(
    acc: WindowAccumulator,
    shifted: list[tuple[str, float, float]],
    fresh: set[str],
    recurring: set[str],
    pools: dict[str, tuple[int, int, float, float]],
    config: AnalysisConfig,
) -> Candidate | None:
    """pattern_shift: an established template's share of the window jumps (and it is not a
    template whose share is known to jump periodically, like a batch job's).

    ``pools`` holds (count, lines) summed over the directly preceding windows in which the
    template was already elevated, its share before that run and that share's variance: pooled
    with this window and tested against that share, the evidence of a moderate but sustained
    shift grows with the square root of its duration and counts as persistent."""
    n = acc.count
    best: list[tuple[float, str, float, float, bool]] = []
    for tid, base, share in shifted:
        if tid in fresh or tid in recurring:
            continue
        count = acc.template_counts[tid]
        z = share_z(count, n, base)
        pooled = False
        prev, prev_n, pool_base, variance = pools.get(tid, (0, 0, base, 0.0))
        if prev_n:
            if variance > 0.0:
                # A run tested against the share it rose from (``shift_anchor_windows``).
                z_pooled = share_rise_z(count + prev, n + prev_n, pool_base, variance)
            else:
                z_pooled = share_z(count + prev, n + prev_n, pool_base)
            if z_pooled > z:
                # Explained against the share the run rose from.
                z, pooled, base = z_pooled, True, pool_base
        best.append((z, tid, base, share, pooled))
    if not best:
        return None
    best.sort(reverse=True)
    best_z, _, base, share, pooled = best[0]
    return Candidate(
        "pattern_shift",
        evidence(best_z, config.shift_z),
        100.0 * base,
        100.0 * share,
        tuple(t for _, t, _, _, _ in best[: config.top_templates]),
        persisted=pooled,
    )
