"""The daily profile: a service judged against the same time of day on earlier days, for a
daily cycle far longer than the level history holds three times."""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from pipeline.analysis.baselines import DailyProfile, LevelHistory, TemplateShares, VolumeBaseline
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.events import WindowReport
from pipeline.analysis.rules import volume_rule
from pipeline.analysis.windows import WindowAccumulator
from tests.unit.analysis.helpers import T0, kinds, window

# Ten-minute windows: a day is 144 windows, a slot of an hour six.
DAY = 144
CONFIG = AnalysisConfig(window_seconds=600, daily_slot_seconds=3600)


def mean(index: int) -> float:
    """A day with a quiet night and a busy afternoon, about 20 lines a window by day."""
    hour = 24.0 * (index % DAY) / DAY
    return 4.0 + 18.0 * 0.5 * (1.0 - math.cos(2.0 * math.pi * (hour - 3.0) / 24.0))


def profile_after(days: int, seed: int = 3) -> DailyProfile:
    profile = DailyProfile(DAY, 6, days=3, span=5)
    rng = np.random.default_rng(seed)
    for index in range(days * DAY):
        profile.add(index, int(rng.poisson(mean(index))), skip=False, alerted=False)
    return profile


def test_the_same_time_on_earlier_days_is_expected_from_the_second_day_on() -> None:
    first = DailyProfile(DAY, 6, days=3, span=5)
    for index in range(DAY - 1):
        first.add(index, 10, skip=False, alerted=False)
    assert first.expected(DAY - 1) is None and first.scan(DAY - 1, 10) is None
    profile = profile_after(2)
    noon = 2 * DAY + DAY // 2
    expected = profile.expected(noon) or 0.0
    assert abs(expected - mean(noon)) < 0.15 * mean(noon)
    # Night and afternoon differ fivefold: the profile follows the day's turns.
    night = profile.expected(2 * DAY + 6) or 0.0
    assert night < 0.4 * expected


def test_a_run_of_windows_far_above_the_usual_is_far_off_while_ordinary_windows_are_not() -> None:
    profile = profile_after(2)
    start = 2 * DAY + DAY // 2
    rng = np.random.default_rng(5)
    for index in range(start, start + 4):
        profile.add(index, int(rng.poisson(mean(index))), skip=False, alerted=False)
    ordinary = profile.scan(start + 4, round(mean(start + 4)))
    assert ordinary is not None and abs(ordinary[0]) < 2.0
    doubled = profile_after(2)
    for index in range(start, start + 4):
        doubled.add(index, round(2 * mean(index)), skip=False, alerted=False)
    z, expected = doubled.scan(start + 4, round(2.5 * mean(start + 4))) or (0.0, 0.0)
    assert z > 5.0 and abs(expected - mean(start + 4)) < 0.15 * mean(start + 4)
    # A day quieter all along (a weekend) moves the expected value within about 120 windows
    # (two hours of one-minute windows).
    weekend = profile_after(2)
    for index in range(2 * DAY, 2 * DAY + 120):
        weekend.add(index, round(0.6 * mean(index)), skip=False, alerted=False)
    assert (weekend.expected(2 * DAY + 120) or 0.0) < 0.85 * mean(2 * DAY + 120)


def test_recurring_and_alerted_windows_do_not_teach_the_profile() -> None:
    profile = profile_after(2)
    clean = profile.state()
    for index in range(2 * DAY, 2 * DAY + 12):
        profile.add(index, 500, skip=True, alerted=False)
    assert profile.state() == clean
    noon = 3 * DAY + DAY // 2
    before = profile_after(3).expected(noon)
    alerted = profile_after(2)
    for index in range(2 * DAY, 3 * DAY):
        busy = 2 * DAY + 60 <= index < 2 * DAY + 84
        count = 200 if busy else round(mean(index))
        alerted.add(index, count, skip=False, alerted=busy)
    assert abs((alerted.expected(noon) or 0.0) - (before or 0.0)) < 0.15 * mean(noon)


def test_the_profile_is_bounded_and_survives_a_snapshot() -> None:
    profile = profile_after(8)
    assert len(profile.cells) <= 4
    assert all(len(cells) == 2 * 24 for cells in profile.cells.values())
    assert len(profile.recent) <= 4
    again = DailyProfile(DAY, 6, days=3, span=5)
    again.load(profile.state())
    assert again.state() == profile.state()
    assert again.scan(8 * DAY, 30) == profile.scan(8 * DAY, 30)


def bursty_rise(minutes: range) -> dict[int, list[tuple[str, str, int]]]:
    """Two days as usual, then on the third afternoon every other window more than twice the
    usual: each alone is no strong spike and the windows between break any run."""
    rng = np.random.default_rng(8)
    mixes = {}
    for index in minutes:
        count = int(rng.poisson(mean(index)))
        if 2 * DAY + 80 <= index < 2 * DAY + 90 and index % 2 == 0:
            count = round(2.3 * mean(index))
        mixes[index] = [("login", "INFO", count)]
    return mixes


def feed(
    engine: AnalysisEngine, mixes: dict[int, list[tuple[str, str, int]]], windows: range
) -> list[WindowReport]:
    reports: list[WindowReport] = []
    for index in windows:
        # ``window`` spreads a minute's lines over 60 s: minute 10 * index is this window.
        reports.extend(window(engine, "api", 10 * index, mixes[index]))
    return reports


def spikes(reports: list[WindowReport]) -> list[int]:
    return [round(m / 10) for m in kinds(reports).get("volume_spike", [])]


def test_a_bursty_rise_on_a_quiet_service_is_found_against_earlier_days() -> None:
    windows = range(2 * DAY + 110)
    mixes = bursty_rise(windows)
    with_profile = feed(AnalysisEngine(CONFIG), mixes, windows)
    found = spikes(with_profile)
    assert found and all(2 * DAY + 80 <= i <= 2 * DAY + 92 for i in found), found
    off = AnalysisConfig(window_seconds=600, daily_slot_seconds=3600, daily_profile=False)
    without = feed(AnalysisEngine(off), mixes, windows)
    assert not [i for i in spikes(without) if 2 * DAY + 80 <= i <= 2 * DAY + 92]


def test_a_restored_engine_judges_the_next_day_as_the_uninterrupted_one() -> None:
    windows = range(2 * DAY + 110)
    mixes = bursty_rise(windows)
    engine = AnalysisEngine(CONFIG)
    reports = feed(engine, mixes, range(2 * DAY + 40))
    restored = AnalysisEngine.restore(engine.snapshot(), CONFIG)
    daily = restored.services["api"].daily
    assert daily is not None and engine.services["api"].daily is not None
    assert daily.state() == engine.services["api"].daily.state()
    after = feed(restored, mixes, range(2 * DAY + 40, 2 * DAY + 110))
    uninterrupted = feed(AnalysisEngine(CONFIG), mixes, windows)
    assert spikes(reports + after) == spikes(uninterrupted) != []
    assert T0 % 600 == 0


def test_sums_that_far_several_times_a_day_are_the_services_ordinary_burstiness() -> None:
    profile = profile_after(2)
    for last in (2 * DAY + 10, 2 * DAY + 40, 2 * DAY + 70):
        profile._burst(last, 1)
    assert profile.ordinary(2 * DAY + 100, 6.0, runs_needed=3)
    # Drops are another side; the run going on and runs of more than a day ago do not count.
    assert not profile.ordinary(2 * DAY + 100, -6.0, runs_needed=3)
    assert not profile.ordinary(2 * DAY + 72, 6.0, runs_needed=3)
    assert not profile.ordinary(3 * DAY + 20, 6.0, runs_needed=3)


def test_a_jobs_window_is_judged_by_the_profile_without_the_jobs_lines() -> None:
    # The profile learns a job's window without the job's lines (``job_traffic``), and judges
    # it so too: a bursty window of 1.6x the time of day plus 140 lines of the job's message
    # is no spike (the level rule's own evidence, below the gate); summed with the job's
    # lines it was a strong one (evidence 0.8 here, 0.83 on daily seed 12 in the job's second
    # minute).
    start = 2 * DAY + DAY // 2
    profile = profile_after(2)
    rng = np.random.default_rng(5)
    for index in range(start, start + 4):
        profile.add(index, int(rng.poisson(mean(index))), skip=False, alerted=False)
    usual = round(mean(start + 4))
    volume, shares = VolumeBaseline(0.08, 0.05), TemplateShares(0.05, 100)
    for _ in range(60):
        volume.update(usual)
        shares.update({"login": usual}, usual)
    acc = WindowAccumulator(start + 4)
    traffic = round(1.6 * usual)
    for i in range(traffic + 140):
        tid = "login" if i < traffic else "export"
        acc.add(tid, 1, f"{tid} message", T0 + i * 0.1)

    def judged(config: AnalysisConfig) -> tuple[str, float]:
        history = LevelHistory(config.history_windows)
        cand = volume_rule(
            acc, volume, history, shares, set(), [], config, profile, jobs={"export"}
        )
        return (cand.kind, cand.evidence) if cand is not None else ("", 0.0)

    kind, strength = judged(CONFIG)
    assert kind == "" or strength < 0.5
    kind, strength = judged(dataclasses.replace(CONFIG, job_traffic=False))
    assert kind == "volume_spike" and strength >= 0.75  # strong: alerted on its own
