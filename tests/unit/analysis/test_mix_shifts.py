"""pattern_shift on quiet services: a run of a moderately raised template share is tested
against the share it rose from, not against a share that learned the run's own windows."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.rules import share_rise_z, share_z
from tests.unit.analysis.helpers import NORMAL, kinds, run

Mix = list[tuple[str, str, int]]

# 60 lines a minute, ``token`` at 30%; in the shift a tenth of the lines more are ``token``
# (25 of 60, 42%): about two binomial z a window, five only once eight or nine windows are
# pooled (the base share is an estimate too).
QUIET: Mix = [
    ("login", "INFO", 24),
    ("token", "INFO", 18),
    ("cache", "DEBUG", 12),
    ("slow", "WARNING", 5),
    ("badpw", "ERROR", 1),
]
SHIFTED: Mix = [
    ("login", "INFO", 21),
    ("token", "INFO", 25),
    ("cache", "DEBUG", 10),
    ("slow", "WARNING", 3),
    ("badpw", "ERROR", 1),
]
UNANCHORED = AnalysisConfig(shift_anchor_windows=0)


def quiet_with_shift(start: int, end: int, minutes: int) -> dict[int, Mix]:
    return {m: SHIFTED if start <= m < end else QUIET for m in range(minutes)}


def test_a_ten_percent_mix_shift_on_a_quiet_service_is_found_within_ten_windows() -> None:
    _, reports = run(range(90), override=quiet_with_shift(60, 70, 90))
    found = kinds(reports)
    assert set(found) == {"pattern_shift"}
    assert 64 <= min(found["pattern_shift"]) <= 69
    anomaly = next(a for r in reports for a in r.anomalies if a.kind == "pattern_shift")
    assert anomaly.contributing_templates[0].template_id == "token"
    # Explained against the share before the run (30%), not one that learned the run.
    assert anomaly.expected == pytest.approx(30.0)


def test_without_the_anchor_the_shift_teaches_itself_away() -> None:
    # The cause this guards against: the share learns the run's windows (5% a window), so
    # the pooled test never reaches its evidence.
    _, reports = run(range(90), override=quiet_with_shift(60, 70, 90), config=UNANCHORED)
    assert "pattern_shift" not in kinds(reports)


def test_multinomial_noise_on_a_quiet_service_raises_no_pattern_shift() -> None:
    rng = np.random.default_rng(11)
    shares = [share for _, _, share in NORMAL]
    override: dict[int, Mix] = {}
    for minute in range(900):
        counts = rng.multinomial(int(rng.poisson(60)), shares)
        override[minute] = [
            (tid, level, int(c)) for (tid, level, _), c in zip(NORMAL, counts, strict=True)
        ]
    _, reports = run(range(900), override=override)
    assert "pattern_shift" not in kinds(reports)


def test_noise_on_a_service_whose_volume_swings_from_a_few_lines_raises_no_pattern_shift() -> None:
    # A day of one-minute windows from 3 to 60 lines, a rare template at 8%: the shares learn
    # from windows of a few lines at night, and a rare template's few lines come in clumps.
    rng = np.random.default_rng(5)
    mix = [("login", "INFO", 0.45), ("token", "INFO", 0.25), ("cache", "DEBUG", 0.22)]
    mix.append(("rare", "INFO", 0.08))
    override: dict[int, Mix] = {}
    for minute in range(1440):
        level = 3.0 + 57.0 * (0.5 - 0.5 * np.cos(2 * np.pi * minute / 1440))
        counts = rng.multinomial(int(rng.poisson(level)), [share for *_, share in mix])
        override[minute] = [(t, lvl, int(c)) for (t, lvl, _), c in zip(mix, counts, strict=True)]
    _, reports = run(range(1440), override=override)
    assert "pattern_shift" not in kinds(reports)


@pytest.mark.parametrize(
    ("count", "n", "base", "exact"),
    # The exact one-sided binomial tail as a z (scipy: norm.isf(binom.sf(count - 1, n, base))).
    [
        (10, 42, 0.077, 3.066),
        (30, 157, 0.077, 4.506),
        (250, 660, 0.231, 8.467),
        (5, 20, 0.05, 2.798),
    ],
)
def test_a_rise_in_share_is_judged_by_its_binomial_tail(
    count: int, n: int, base: float, exact: float
) -> None:
    assert share_rise_z(count, n, base, 0.0) == pytest.approx(exact, abs=0.25)
    # The normal approximation overstates a rare template's clump.
    if base < 0.1:
        assert share_z(count, n, base) > exact + 0.5


def test_the_base_share_uncertainty_widens_the_test() -> None:
    assert share_rise_z(30, 157, 0.077, 4e-5) < share_rise_z(30, 157, 0.077, 0.0)
    # A fall in share is not a rise: the plain z, below zero.
    assert share_rise_z(5, 157, 0.077, 0.0) < 0.0


def test_a_shift_run_and_its_anchor_survive_a_snapshot() -> None:
    mixes = quiet_with_shift(60, 70, 90)
    _, reports = run(range(90), override=mixes)
    engine, before = run(range(63), override=mixes)
    anchors = dict(engine.services["api"].shift_anchors)
    assert anchors and all(share < 0.31 for share, _, _ in anchors.values())
    restored = AnalysisEngine.restore(engine.snapshot())
    assert restored.services["api"].shift_anchors == anchors
    _, after = run(range(63, 90), engine=restored, override=mixes)
    assert kinds(before + after) == kinds(reports)


def test_a_lasting_mix_is_learned_and_alerts_stop() -> None:
    mixes = {m: SHIFTED if m >= 60 else QUIET for m in range(200)}
    _, reports = run(range(200), override=mixes)
    found = kinds(reports)["pattern_shift"]
    assert min(found) <= 69
    assert max(found) < 110


def test_the_anchor_is_a_setting() -> None:
    config = dataclasses.replace(AnalysisConfig(), shift_anchor_windows=0)
    assert AnalysisConfig().shift_anchor_windows == 16
    assert config.shift_anchor_windows == 0


def test_a_run_just_after_a_jobs_lines_is_not_tested_against_the_diluted_shares() -> None:
    # orders on held-out cycles seed 123: a job's two windows (three quarters of the lines)
    # left the other templates' shares 2 points low; a burst of ``token`` right after, then
    # windows a few points above the usual share, was a pooled shift against that low share.
    rng = np.random.default_rng(2)
    shares = [0.4, 0.3, 0.2, 0.08, 0.02]
    override: dict[int, Mix] = {}
    for minute in range(300):
        counts = rng.multinomial(int(rng.poisson(150)), shares)
        mix = [(tid, level, int(c)) for (tid, level, _), c in zip(NORMAL, counts, strict=True)]
        if minute % 20 in (10, 11):
            mix.append(("export", "INFO", 450))
        override[minute] = mix
    # Right after the job of minutes 250-251: token at 40%, then about 33% for six windows.
    after = (0.4, 0.33, 0.34, 0.33, 0.33, 0.34, 0.33)
    for minute, share in zip(range(254, 261), after, strict=True):
        token = round(150 * share)
        rest = rng.multinomial(150 - token, [0.4 / 0.7, 0.2 / 0.7, 0.08 / 0.7, 0.02 / 0.7])
        override[minute] = [
            ("login", "INFO", int(rest[0])),
            ("token", "INFO", token),
            ("cache", "DEBUG", int(rest[1])),
            ("slow", "WARNING", int(rest[2])),
            ("badpw", "ERROR", int(rest[3])),
        ]
    _, reports = run(range(300), override=override)
    assert "pattern_shift" not in kinds(reports)
