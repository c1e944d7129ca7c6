"""Pairs of raised windows on bursty traffic (``rules._burst_pair``): until the daily profile
can tell (a service's first day), a window two z out followed by one three z out is pooled into
a spike only when the pair is beyond the service's own window-to-window noise."""

from __future__ import annotations

import math

import numpy as np

from pipeline.analysis.baselines import DailyProfile, LevelHistory, VolumeBaseline
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.rules import _burst_pair
from tests.unit.analysis.helpers import kinds, normal_mix, run

ON = AnalysisConfig()
OFF = AnalysisConfig(burst_pair_noise_z=0.0)


def volume_flags(
    seed: int,
    config: AnalysisConfig,
    level: float,
    sigma: float,
    windows: int = 600,
    factors: dict[int, float] | None = None,
) -> dict[str, list[float]]:
    """Log-normal minute-to-minute noise (drawn afresh each minute, as the simulator's) around
    ``level`` lines a window, the windows in ``factors`` set to that multiple of the level."""
    rng = np.random.default_rng(seed)
    counts = rng.poisson(level * np.exp(rng.normal(0.0, sigma, windows)))
    for minute, factor in (factors or {}).items():
        counts[minute] = round(level * factor)
    override = {m: normal_mix(int(c), m) for m, c in enumerate(counts)}
    _, reports = run(range(windows), override=override, config=config)
    found = kinds(reports)
    return {k: found.get(k, []) for k in ("volume_spike", "volume_drop")}


def test_chance_pairs_on_bursty_traffic_raise_no_spike() -> None:
    # 40 lines a minute, a log-normal spread of 0.25: pooled, a pair was a spike (minutes 517
    # and 386 of these seeds; 26 of the third, after the warm-up), judged alone it is none.
    assert volume_flags(4, OFF, 40, 0.25)["volume_spike"] == [517.0]
    assert volume_flags(6, OFF, 40, 0.25)["volume_spike"] == [386.0]
    assert volume_flags(15, OFF, 40, 0.25)["volume_spike"] == [17.0, 26.0]
    assert volume_flags(4, ON, 40, 0.25) == {"volume_spike": [], "volume_drop": []}
    assert volume_flags(6, ON, 40, 0.25) == {"volume_spike": [], "volume_drop": []}
    assert volume_flags(15, ON, 40, 0.25)["volume_spike"] == [17.0]


def test_a_doubling_that_lasts_on_the_same_traffic_is_found_as_before() -> None:
    doubled = {m: 2.0 for m in range(400, 410)}
    found = volume_flags(4, ON, 40, 0.25, factors=doubled)["volume_spike"]
    assert found == [float(m) for m in range(402, 410)]
    assert volume_flags(4, OFF, 40, 0.25, factors=doubled)["volume_spike"] == [*found, 517.0]


def test_a_pair_beyond_the_noise_of_calm_traffic_is_still_pooled() -> None:
    # 50 lines a minute with a spread of 0.12, then 80 and 100 lines: neither window passes the
    # two-window test alone (the first is not far enough), pooled they are a spike -- as on a
    # real series whose only flag in a labelled window was such a pair (NAB's
    # Twitter_volume_AMZN, 78 and 102 tweets where about 52 are usual).
    pair = {300: 1.6, 301: 2.0}
    assert volume_flags(6, ON, 50, 0.12, factors=pair)["volume_spike"] == [301.0]
    assert volume_flags(6, OFF, 50, 0.12, factors=pair)["volume_spike"] == [301.0]


def level_at(count: int, windows: int = 60) -> VolumeBaseline:
    base = VolumeBaseline(alpha=0.08, dev_alpha=0.05)
    for i in range(windows):
        base.update(count + (i % 5) - 2)
    return base


def history_of(counts: list[int]) -> LevelHistory:
    history = LevelHistory(1440)
    for count in counts:
        history.add(count, 0.0)
    return history


def test_a_pair_within_the_windows_own_noise_is_a_burst_beyond_it_is_not() -> None:
    volume = level_at(40)
    bursty = history_of([28, 56] * 20)  # log spread from window to window about 0.48
    calm = history_of([39, 41] * 20)  # about 0.035
    assert 0.4 < bursty.noise(30) < 0.55 and calm.noise(30) < 0.05
    # 75 lines where 40 are expected: 0.62 in log, 1.3 spreads of the bursty noise, 18 of the
    # calm one.
    assert _burst_pair(100, 75, 3.1, [2.2], volume, bursty, None, ON)
    assert not _burst_pair(100, 75, 3.1, [2.2], volume, calm, None, ON)
    # Only a pair: a longer run, a run on the other side or none is pooled as before.
    assert not _burst_pair(100, 75, 3.1, [2.4, 2.2], volume, bursty, None, ON)
    assert not _burst_pair(100, 75, 3.1, [-2.2], volume, bursty, None, ON)
    assert not _burst_pair(100, 75, 3.1, [], volume, bursty, None, ON)
    assert not _burst_pair(100, 75, 3.1, [2.2], volume, bursty, None, OFF)
    # Drops alike: 20 lines where 40 are expected is 1.4 bursty spreads.
    assert _burst_pair(100, 20, -3.1, [-2.2], volume, bursty, None, ON)
    assert not _burst_pair(100, 20, -3.1, [-2.2], volume, calm, None, ON)


# Ten-minute windows: a day is 144 windows, a slot of an hour six.
DAY = 144


def profile(today: list[int]) -> DailyProfile:
    """Two days of 40 lines a window, bursty (a log-normal spread of 0.25), then ``today``'s
    windows."""
    daily = DailyProfile(DAY, 6, days=3, span=5)
    rng = np.random.default_rng(3)
    for index in range(2 * DAY):
        daily.add(
            index, int(rng.poisson(40 * math.exp(rng.normal(0.0, 0.25)))), skip=False, alerted=False
        )
    for offset, count in enumerate(today):
        daily.add(2 * DAY + offset, count, skip=False, alerted=False)
    return daily


def test_once_the_daily_profile_can_tell_a_pair_is_pooled_as_before() -> None:
    volume = level_at(40)
    bursty = history_of([28, 56] * 20)
    # The first day: the profile cannot tell yet, and the pair is a burst.
    first = DailyProfile(DAY, 6, days=3, span=5)
    for index in range(DAY - 1):
        first.add(index, 40, skip=False, alerted=False)
    assert first.scan(DAY - 1, 75) is None
    assert _burst_pair(DAY - 1, 75, 3.1, [2.2], volume, bursty, first, ON)
    # From the second day on, the same pair is pooled (the profile's own test of the last
    # windows runs beside it).
    index = 2 * DAY + 4
    usual = profile([41, 38, 44, 52])
    assert usual.scan(index, 75) is not None
    assert not _burst_pair(index, 75, 3.1, [2.2], volume, bursty, usual, ON)
