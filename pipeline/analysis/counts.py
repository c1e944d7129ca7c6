"""Exact tail tests for counts, as normal quantiles (z-scores) the rules compare with one scale.

Window counts are small and bursty: a normal approximation on a few lines calls a quiet night's
empty minute a five-sigma drop, and Poisson noise underestimates traffic that comes in bursts.
Volumes are tested against a negative binomial (Poisson with over-dispersion), shares against a
binomial, both exactly (regularised incomplete beta functions: about a microsecond each).
"""

from __future__ import annotations

from scipy.special import betainc, ndtri

# The largest |z| reported: beyond it every test has long decided.
Z_LIMIT = 20.0
# Over-dispersion (squared coefficient of variation beyond Poisson noise) is kept in this range:
# at least some burstiness, at most a standard deviation as large as the mean.
MIN_DISPERSION = 0.0025
MAX_DISPERSION = 1.0


def _z_of_tail(tail: float, high: bool) -> float:
    """The z-score whose one-sided tail is ``tail``: positive for a high count, negative for a
    low one, 0 when the count is not in that tail at all."""
    if tail >= 0.5:
        return 0.0
    z = -float(ndtri(max(tail, 1e-300)))
    z = min(z, Z_LIMIT)
    return z if high else -z


def volume_z(count: int, mean: float, dispersion: float) -> float:
    """How unusual ``count`` is for a negative binomial of ``mean`` whose variance is
    ``mean + dispersion * mean**2``: the normal quantile of P(X >= count) for a count above the
    mean (positive), of P(X <= count) below it (negative)."""
    mean = max(mean, 1e-3)
    r = 1.0 / min(max(dispersion, MIN_DISPERSION), MAX_DISPERSION)
    p = r / (r + mean)
    if count > mean:
        # P(X >= count) = I_{1-p}(count, r)
        return _z_of_tail(float(betainc(count, r, 1.0 - p)), high=True)
    # P(X <= count) = I_p(r, count + 1)
    return _z_of_tail(float(betainc(r, count + 1, p)), high=False)


def binomial_z(successes: int, trials: int, p: float) -> float:
    """How unusual ``successes`` of ``trials`` are at probability ``p``: the normal quantile of
    P(X >= successes) when above the expected count (positive), of P(X <= successes) below it
    (negative)."""
    if trials <= 0:
        return 0.0
    p = min(max(p, 1e-9), 1.0 - 1e-9)
    if successes > trials * p:
        # P(X >= k) = I_p(k, n - k + 1)
        return _z_of_tail(float(betainc(successes, trials - successes + 1, p)), high=True)
    if successes >= trials:
        return 0.0
    # P(X <= k) = I_{1-p}(n - k, k + 1)
    return _z_of_tail(float(betainc(trials - successes, successes + 1, 1.0 - p)), high=False)
