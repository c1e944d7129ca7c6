"""Exact count tests: the values of a negative binomial and a binomial tail, as z-scores."""

from __future__ import annotations

import math

import pytest
from scipy import stats

from pipeline.analysis.counts import Z_LIMIT, binomial_z, volume_z


@pytest.mark.parametrize(
    ("count", "mean", "dispersion"),
    [(0, 3.0, 0.01), (10, 3.0, 0.01), (250, 200.0, 0.0036), (150, 200.0, 0.0036), (5, 0.2, 0.05)],
)
def test_volume_z_is_the_normal_quantile_of_the_negative_binomial_tail(
    count: int, mean: float, dispersion: float
) -> None:
    r = 1.0 / dispersion
    p = r / (r + mean)
    if count > mean:
        expected = -stats.norm.ppf(stats.nbinom.sf(count - 1, r, p))
    else:
        expected = stats.norm.ppf(stats.nbinom.cdf(count, r, p))
    assert math.isclose(volume_z(count, mean, dispersion), expected, rel_tol=1e-9)


def test_an_empty_minute_of_a_quiet_service_is_no_drop() -> None:
    # Three lines a minute on average: an empty minute happens one minute in twenty.
    assert -1.8 < volume_z(0, 3.0, 0.01) < -1.5
    # Two hundred a minute: an empty one is far out, but capped.
    assert volume_z(0, 200.0, 0.01) < -10
    assert volume_z(0, 1e6, 0.0025) == -Z_LIMIT


def test_burstiness_weakens_the_evidence_of_the_same_count() -> None:
    calm = volume_z(300, 200.0, 0.0025)
    bursty = volume_z(300, 200.0, 0.09)
    assert calm > 4.5 and 1.0 < bursty < 2.0


def test_a_count_near_its_mean_scores_zero() -> None:
    assert volume_z(200, 200.0, 0.01) == 0.0
    assert volume_z(199, 200.0, 0.01) == 0.0


@pytest.mark.parametrize(
    ("k", "n", "p"), [(3, 20, 0.01), (0, 100, 0.05), (30, 100, 0.05), (1, 1000, 0.01)]
)
def test_binomial_z_is_the_normal_quantile_of_the_binomial_tail(k: int, n: int, p: float) -> None:
    if k > n * p:
        expected = -stats.norm.ppf(stats.binom.sf(k - 1, n, p))
    else:
        expected = stats.norm.ppf(stats.binom.cdf(k, n, p))
    assert math.isclose(binomial_z(k, n, p), expected, rel_tol=1e-9)


def test_three_errors_in_twenty_lines_are_less_than_the_normal_approximation_says() -> None:
    normal = (3 - 20 * 0.01) / math.sqrt(20 * 0.01 * 0.99)
    assert normal > 6
    assert 2.9 < binomial_z(3, 20, 0.01) < 3.3
    assert binomial_z(0, 0, 0.5) == 0.0
