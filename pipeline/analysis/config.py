"""One frozen settings object for the analysis core; every default lives here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecordLimits:
    """Size limits applied when a record is parsed (bytes are counted as characters)."""

    max_record_bytes: int = 64 * 1024
    max_message_chars: int = 8 * 1024
    max_field_chars: int = 256
    max_metadata_keys: int = 64


@dataclass(frozen=True, slots=True)
class AnalysisConfig:
    """Settings for windowing, scoring, incidents and state bounds.

    Durations are seconds; counts of windows are named ``*_windows``.
    """

    window_seconds: int = 60
    allowed_lateness_seconds: float = 10.0
    max_future_seconds: float = 300.0
    # A silent service keeps producing empty windows for this long, then goes dormant.
    max_silent_windows: int = 60
    # ... and alerts volume_drop for at most this many of them: the incident stays open, the
    # alert is not repeated every minute.
    silent_alert_windows: int = 3
    # ... only once that drop was alerted: a silence no alert has told of (a quiet service
    # whose empty minutes are each within chance) is still judged by the low run (issue 12).
    silence_needs_alert: bool = True
    max_services: int = 10_000
    max_templates_per_service: int = 5_000

    # Combined score: (1 - model_weight) * rule evidence + model_weight * model score.
    threshold: float = 0.45
    model_weight: float = 0.15

    # Baselines learn during warm-up without alerting.
    warmup_windows: int = 15
    baseline_alpha: float = 0.08
    deviation_alpha: float = 0.05
    share_alpha: float = 0.05
    error_rate_alpha: float = 0.05
    # ... but the error rate is learned over at least this many lines (quiet services).
    error_rate_lines: int = 500

    # Rule reference levels: a robust z of `*_z` gives rule evidence 0.5.
    spike_z: float = 3.5
    drop_z: float = 3.5
    error_z: float = 5.0
    shift_z: float = 5.0
    min_spike_ratio: float = 1.3
    # A spike adds at least this many lines to the expected count. Fewer extra lines are
    # learned as the service's traffic whatever their z: a service that logs a line now and
    # then must not come to expect nothing (its every line then "a spike").
    min_spike_lines: int = 5
    # Lines of templates new since a deploy are discounted from a spike up to this share of
    # the expected volume (a deploy adds some logging; a flood of a new message is a spike).
    max_fresh_share: float = 0.5
    max_drop_ratio: float = 0.75
    min_error_rate_delta: float = 0.02
    min_error_count: int = 3
    # Never-seen errors above this share of a window also count as an error_rate anomaly.
    novel_error_rate_share: float = 0.05
    min_shift_count: int = 8
    min_shift_delta: float = 0.08
    # pattern_shift pools a template's counts over up to this many consecutive elevated windows
    # (a mix shift is subtle per window: it needs more of them than a volume change does)...
    shift_pool_windows: int = 8
    # ... tested against the template's share before the run, for up to this many windows
    # from the run's first (0: against the share as it learns the run's windows, as before
    # 2026-12-06's thirteenth session, when a 10% shift on a quiet service taught itself away
    # before its pooled evidence was in).
    shift_anchor_windows: int = 16
    # ... error_rate and the volume rules over up to this many.
    pool_windows: int = 4
    # A service expecting fewer lines a window than this pools errors over three times as many
    # windows: an error burst there is a few errors spread over minutes.
    quiet_lines: float = 10.0
    # A never-seen WARNING+ template alerts once it has occurred this often within
    # `novel_windows`; after that it is a known template.
    new_error_min_count: int = 2
    # ... and only once the service has logged this many lines (its vocabulary is known).
    vocabulary_lines: int = 1000
    novel_windows: int = 15
    rare_share: float = 0.01
    top_templates: int = 3
    # A closed window's report carries the line counts of at most this many templates.
    report_templates: int = 100
    # A peak level seen in this many earlier, separate runs is a recurring peak (batch job).
    recurring_runs: int = 1
    # A volume excursion that this many earlier, separate excursions of the service's last
    # day matched or beat (as far out, as long) is its ordinary burstiness: more than about
    # two a day would be more false alarms than a trustworthy detector may raise.
    ordinary_runs: int = 3
    # Services with a cycle (12-480 windows, seen three times) that explains at least
    # ``cycle_min_fit`` of their volume's variance (a day of taxi rides, not a few job runs on
    # flat traffic) are also judged against the same phase of their last cycles; a spike or
    # drop within ``cycle_explains_z`` of it is the cycle, and one beyond ``cycle_z`` of it is
    # a spike or drop even where the level alone sees nothing (a holiday on a daily shape).
    cycles: bool = True
    cycle_min_fit: float = 0.8
    cycle_explains_z: float = 2.0
    # How far off its phase a window must be to be a spike or drop by the cycle alone.
    cycle_z: float = 6.0
    history_windows: int = 24 * 60
    # A daily cycle is longer than that history holds three times: services are also judged
    # against the same time of day on their last ``daily_days`` days (volume per slot of
    # ``daily_slot_seconds``), the sum of their last ``daily_span`` windows against what those
    # days expect; one ``daily_z`` off is a spike or drop (bursty low counts, where each window
    # alone is within three z and the level learns the change before a run adds up).
    daily_profile: bool = True
    daily_slot_seconds: int = 30 * 60
    daily_days: int = 3
    daily_span: int = 5
    daily_z: float = 5.0
    # A drop on bursty low counts is within three z in each window (no line against four
    # expected), and the level learns it window by window: a run of windows below the level
    # is also summed against the level from before it (a negative binomial of the run's
    # length), for up to ``low_run_windows`` windows; at most ``low_run_ratio`` of the lines
    # expected and ``low_run_z`` off is a drop.
    low_run_windows: int = 15
    low_run_ratio: float = 0.3
    low_run_z: float = 5.0
    # A partial drop or rise (to half, to 1.7x) on noisy or cycling traffic is only two or three
    # z off in each window and the level learns it within a few: a run that stepped at least
    # ``step_run_ratio`` off the windows before it (below 1 / ratio or above ratio, and at least
    # ``step_run_start_z`` off the level) is summed against those windows, for up to
    # ``step_run_windows`` windows; from its ``step_run_min_windows``-th window, a sum beyond the
    # ratio and ``step_run_z`` off is a spike or drop -- unless ``step_run_ordinary`` earlier
    # runs that lasted as long are in the service's last day (its ordinary burstiness).
    step_run_ratio: float = 1.5
    step_run_start_z: float = 2.0
    step_run_windows: int = 15
    step_run_min_windows: int = 4
    step_run_z: float = 5.0
    step_run_ordinary: int = 2
    # Once the daily profile knows the time of day, a rise is summed against at least what it
    # expects (a drop against at most): a quiet stretch before the day's usual level is no
    # anchor for a step (False: the windows before the step alone, as before 2026-12-05).
    step_run_daily_anchor: bool = True
    # The uncertainty of a step run's anchor (a mean of five windows) is at least a Poisson
    # mean's: a negative over-dispersion estimate (calm low counts) counts as zero (False: it
    # cancelled part of it, as before 2026-12-05).
    step_run_poisson_floor: bool = True
    # A window of a volume excursion (an incident beyond three z) that is within three z but
    # still two z out on the excursion's side does not end it: re-anchoring after the incident
    # must not take the incident's own windows for the level traffic settled at (False: any
    # window within three z ended it, as before 2026-12-05's eighth session).
    excursion_bridge: bool = True
    # A job's lines beyond its usual share (``ServiceDetector._track_shifts``' jobs) are no
    # traffic for what later windows are judged by either: the pooled run of volume z-scores,
    # the low run and the daily profile (what it learns, and the window it tests) take the
    # window without them, and a job's window ends a step run and starts none (False: its
    # whole count, as before 2026-12-05's ninth session, when the window after a job's run
    # was pooled with the job's own z of 10-16).
    job_traffic: bool = True
    # A restart logs its banner: at least ``RESTART_BANNER`` (3) INFO/DEBUG templates once or
    # twice each in one window that the service never logged, or not for ``novel_windows``
    # windows and then below ``rare_share`` of its traffic (the version, the configuration,
    # the port, the database). That window is partial (the process was down for part of it):
    # no ``volume_drop`` and no start of a pooled run; and for ``novel_windows`` windows
    # from it a jump of an INFO/DEBUG template's share is the new version's logging, not a
    # ``pattern_shift`` (False: as before 2026-12-06, when a restart's partial window was
    # pooled with a low one before it, and a second deploy's templates doubling their share
    # were a shift).
    restart_banner: bool = True
    # Until the daily profile can tell (a service's first day), a pair of windows -- one two
    # z off, the next three -- is pooled into a spike or drop (``rules._stouffer``) only when
    # its second window is ``burst_pair_noise_z`` or more log-scale spreads off the level, the
    # spread being the last 30 windows' window-to-window noise (``LevelHistory.noise``, bursts
    # included, which the level's young spread holds back beyond three z); otherwise the second
    # window is judged alone, as persistence asks (0: any pair pooled, as before 2026-12-06's
    # seventeenth session, when bursty traffic's chance pairs were the daily variant's largest
    # class of false flags).
    burst_pair_noise_z: float = 3.5

    # Half-space trees (river): one observation per closed window.
    hst_trees: int = 10
    hst_height: int = 6
    hst_window: int = 30
    # Isolation forest (scikit-learn): refit on recent windows.
    forest_trees: int = 25
    forest_min_windows: int = 30
    forest_refit_windows: int = 240
    forest_history_windows: int = 720
    refit_inline: bool = True
    seed: int = 7

    # Incidents: resolved after this many normal windows; reopened within the cooldown.
    resolve_after_windows: int = 2
    cooldown_windows: int = 5

    # Error analysis bounds.
    max_error_templates: int = 500
    limits: RecordLimits = RecordLimits()

    def __post_init__(self) -> None:
        if self.window_seconds <= 0:
            raise ValueError("window_seconds must be positive")
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError("threshold must be in [0, 1]")
        if self.allowed_lateness_seconds < 0 or self.max_future_seconds < 0:
            raise ValueError("lateness and future tolerance must not be negative")
        if self.max_services < 1:
            raise ValueError("max_services must be at least 1")
