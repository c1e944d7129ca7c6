"""Robust online baselines that give the expected value of a window's volume, error rate and
template shares, and remember recent levels so recurring peaks are not alerts."""

from __future__ import annotations

import itertools
import math
import statistics
from collections import deque
from typing import Any

import numpy as np

from pipeline.analysis.counts import binomial_z, volume_z

# A window after an incident still this share as far out as the excursion went (on its side)
# is the incident going on, not a level traffic settled at.
_EXCURSION_SHARE = 0.6
# A window of an excursion still this far out on its side (though within three z, so it is
# learned) does not end it (``VolumeBaseline(bridge=True)``).
_EXCURSION_BRIDGE_Z = 2.0
# A cycle is looked for between these lengths (windows), in a history holding it three times,
# and refitted this often.
_CYCLE_MIN, _CYCLE_MAX, _CYCLES = 12, 480, 3
_CYCLE_REFIT = 60
# How strong a cycle must be: the autocorrelation at its length, and how far above the
# autocorrelation at half its length (a trend or a level shift correlates at every lag).
_CYCLE_MIN_ACF, _CYCLE_MIN_DIP, _CYCLE_MIN_SMOOTH = 0.6, 0.4, 0.9


class VolumeBaseline:
    """EWMA of log(1 + count) with an EWMA absolute deviation, tested as a negative binomial
    count (``counts.volume_z``: Poisson noise plus the over-dispersion the deviation shows).

    Windows beyond three z are not learned (an incident must not teach itself away) unless the
    new level holds for ``relearn`` windows; changes marked as trusted (a deploy's new templates)
    are learned fast. An excursion that ends at a level of its own -- back across the old level,
    or less than half as far from it as the excursion went -- re-anchors the baseline there once
    two windows agree (``settle``): after an incident traffic often settles somewhere else."""

    __slots__ = (
        "alpha",
        "bridge",
        "dev",
        "dev_alpha",
        "level",
        "min_rise",
        "n",
        "outside",
        "peak",
        "pending",
        "prior",
        "prior_age",
        "relearn",
    )

    def __init__(
        self,
        alpha: float,
        dev_alpha: float,
        relearn: int = 30,
        min_rise: float = 5.0,
        bridge: bool = True,
    ) -> None:
        self.alpha = alpha
        self.dev_alpha = dev_alpha
        self.relearn = relearn
        # A rise of fewer lines than this is always learned (see ``update``).
        self.min_rise = min_rise
        # A bursty window of an excursion, within three z but still ``_EXCURSION_BRIDGE_Z``
        # out on its side, does not end it: the incident going on is not where traffic settled.
        self.bridge = bridge
        self.level = 0.0
        self.dev = 0.0
        self.n = 0
        # Consecutive windows far from the level on one side (signed).
        self.outside = 0
        # The farthest |log level - level| of the current excursion.
        self.peak = 0.0
        # A level the traffic may have settled at (the first window of it), while re-anchoring.
        self.pending: float | None = None
        # The level before the last relearn or re-anchoring, for ``2 * relearn`` windows: an
        # incident that ends after all returns to it at once.
        self.prior: float | None = None
        self.prior_age = 0

    def expected(self) -> float:
        """Expected count of the next window."""
        return math.expm1(self.level)

    def scale(self) -> float:
        # Poisson noise of log(count) is about 1/sqrt(count): a floor for quiet services.
        poisson = 1.0 / math.sqrt(self.expected() + 1.0)
        return max(1.25 * self.dev, poisson, 0.05)

    def dispersion(self) -> float:
        """Squared relative spread beyond Poisson noise: ``phi`` of a negative binomial whose
        variance ``mean + phi * mean**2``, seen through log(1 + count) (about variance /
        (mean + 1)**2), matches the variance the deviation shows."""
        mean = max(self.expected(), 1e-3)
        variance = (1.25 * self.dev) ** 2 * (mean + 1.0) ** 2
        return (variance - mean) / (mean * mean)

    def z(self, count: int) -> float:
        if self.n == 0:
            return 0.0
        return volume_z(count, self.expected(), self.dispersion())

    def settle(self, count: int, after_incident: bool) -> bool:
        """Re-anchor the level at ``count``'s when the traffic settled there (True: this window
        is the new normal). Two windows must agree. ``after_incident``: the service had an
        anomaly within the last windows.

        - Back near the level from before the last re-anchoring or relearn (for
          ``2 * relearn`` windows): the old level again.
        - Right after an incident, a step of at most a halving or a doubling from the level --
          not the incident itself going on (a volume excursion still as far out as half its
          peak, on its side): traffic settled elsewhere, a new normal. A bigger step is news,
          and a volume change nobody was alerted about is not the end of an incident."""
        x = math.log1p(count)
        resid = x - self.level
        far = abs(self.z(count)) > 3.0
        if far and self.prior is not None and abs(x - self.prior) <= 3.0 * self.scale():
            return self._confirm(x, to_prior=True)
        if not after_incident or abs(resid) > math.log(2.0):
            self.pending = None
            return False
        excursion = abs(self.outside) >= 2 and (resid > 0) == (self.outside > 0)
        if excursion and abs(resid) >= _EXCURSION_SHARE * self.peak:
            self.pending = None
            return False
        if not far and self.pending is None:
            return False  # a window near the level does not start a new one
        return self._confirm(x, to_prior=False)

    def _confirm(self, x: float, to_prior: bool) -> bool:
        # The window before moved the same way (bursty traffic: the two need not be close).
        if self.pending is None or (self.pending > self.level) != (x > self.level):
            self.pending = x
            return False
        if to_prior and self.prior is not None:
            self.level, self.prior = self.prior, None
        else:
            settled = 0.5 * (x + self.pending)
            if abs(settled - self.level) < 2.0 * self.scale():
                # Together the two are not far off (the second may be within three z): noise.
                self.pending = None
                return False
            self.prior, self.prior_age = self.level, 0
            self.level = settled
        self.outside, self.peak, self.pending = 0, 0.0, None
        return True

    def update(self, count: int, trusted: bool = False) -> None:
        """Learn one window. ``trusted`` marks a change known to be benign (lines of templates
        new since a deploy): it is learned quickly instead of being resisted."""
        x = math.log1p(count)
        self.n += 1
        if self.n == 1:
            self.level = x
            self.dev = 0.1
            return
        resid = x - self.level
        if trusted:
            self.outside = 0
            self.level += max(self.alpha, 0.1) * resid
            return
        if self.prior is not None:
            self.prior_age += 1
            if self.prior_age > 2 * self.relearn:
                self.prior = None
        z = self.z(count)
        # A few lines more than expected are no incident, however unlikely a Poisson count
        # calls them: held back, a sporadic service's baseline would sink towards zero and
        # make every later line a spike.
        if abs(z) > 3.0 and not 0.0 < count - self.expected() < self.min_rise:
            # Probably an incident: hold the level and the spread, so an incident does not
            # teach itself away; a level held for ``relearn`` windows is the new normal (and the
            # old one is remembered, so the end of a long incident is not a "drop").
            side = 1 if z > 0 else -1
            if self.outside * side > 0:
                self.outside += side
                self.peak = max(self.peak, abs(resid))
            else:
                self.outside, self.peak = side, abs(resid)
            if abs(self.outside) >= self.relearn:
                self.prior, self.prior_age = self.level, 0
                self.level, self.outside, self.peak = x, 0, 0.0
            return
        if not (self.bridge and self.outside * z >= _EXCURSION_BRIDGE_Z * abs(self.outside)):
            self.outside, self.peak = 0, 0.0
        # Faster while young, as the level: a short warm-up must not leave bursty traffic
        # looking calm.
        self.dev += max(self.dev_alpha, 1.0 / self.n) * (abs(resid) - self.dev)
        # Faster while young so a short warm-up still finds the level.
        alpha = max(self.alpha, 1.0 / self.n)
        self.level += alpha * resid

    def state(self) -> list[float | None]:
        return [
            self.level,
            self.dev,
            float(self.n),
            float(self.outside),
            self.prior,
            self.peak,
            self.pending,
            float(self.prior_age),
        ]

    def load(self, state: list[float | None]) -> None:
        # Snapshots before re-anchoring have five fields.
        level, dev, n, outside, prior, peak, pending, age = [*state, 0.0, None, 0.0][:8]
        self.level, self.dev = float(level or 0.0), float(dev or 0.0)
        self.n, self.outside = int(n or 0), int(outside or 0)
        self.prior = prior
        self.peak, self.pending = float(peak or 0.0), pending
        self.prior_age = int(age or 0)


def log_dispersion(sigma: float, mean: float) -> float:
    """``phi`` of a negative binomial of ``mean`` whose variance matches a spread ``sigma`` of
    log(1 + count) (about variance / (mean + 1)**2): the over-dispersion beyond Poisson."""
    mean = max(mean, 1e-3)
    variance = sigma * sigma * (mean + 1.0) ** 2
    return (variance - mean) / (mean * mean)


class RateBaseline:
    """Error rate as the ratio of EWMAs of error and total counts (weights windows by volume).

    The rate is estimated over at least ``min_lines`` lines: a service logging a few lines a
    minute would otherwise learn an error burst's first window as its rate (two errors in nine
    lines weigh as much as the 50 lines of twenty quiet windows before them)."""

    __slots__ = ("alpha", "errors", "min_lines", "n", "total")

    def __init__(self, alpha: float, min_lines: int = 500) -> None:
        self.alpha = alpha
        self.min_lines = min_lines
        self.errors = 0.0
        self.total = 0.0
        self.n = 0

    def rate(self) -> float:
        return self.errors / self.total if self.total > 0 else 0.0

    def z(self, errors: int, count: int) -> float:
        if count == 0 or self.n == 0:
            return 0.0
        # A floor on the base rate keeps a service with no errors from alerting on one.
        return binomial_z(errors, count, max(self.rate(), 0.005))

    def update(self, errors: int, count: int) -> None:
        if count == 0:
            return
        if self.n > 0:
            # Winsorise: an error burst teaches the baseline at most a few sigma of it.
            p0 = max(self.rate(), 0.005)
            cap = count * p0 + 3.0 * math.sqrt(count * p0 * (1.0 - p0)) + 1.0
            errors = int(min(errors, cap))
        # A window's weight in the EWMAs: about total / alpha lines are remembered.
        alpha = max(min(self.alpha, self.total / self.min_lines), 1.0 / (self.n + 1))
        self.errors += alpha * (errors - self.errors)
        self.total += alpha * (count - self.total)
        self.n += 1

    def state(self) -> list[float]:
        return [self.errors, self.total, float(self.n)]

    def load(self, state: list[float]) -> None:
        self.errors, self.total, n = state
        self.n = int(n)


class TemplateShares:
    """EWMA share of each template in a service's traffic, bias-corrected by template age so a
    template introduced by a deploy gets its true share at once rather than ramping from 0."""

    __slots__ = ("alpha", "limit", "shares")

    def __init__(self, alpha: float, limit: int) -> None:
        self.alpha = alpha
        self.limit = limit
        # template id -> [ewma share, windows since first seen]
        self.shares: dict[str, list[float]] = {}

    def share(self, template_id: str) -> float:
        entry = self.shares.get(template_id)
        if entry is None:
            return 0.0
        ewma, age = entry
        return float(ewma / (1.0 - (1.0 - self.alpha) ** max(age, 1.0)))

    def age(self, template_id: str) -> float:
        entry = self.shares.get(template_id)
        return 0.0 if entry is None else entry[1]

    def js_divergence(self, counts: dict[str, int], total: int) -> float:
        """Jensen-Shannon divergence (bits, 0..1) of the window against the baseline."""
        if total == 0 or not self.shares:
            return 0.0
        base_total = sum(self.share(t) for t in self.shares) or 1.0
        js = 0.0
        for tid, count in counts.items():
            p = count / total
            q = self.share(tid) / base_total
            m = 0.5 * (p + q)
            js += 0.5 * p * math.log2(p / m)
            if q > 0:
                js += 0.5 * q * math.log2(q / m)
        for tid in self.shares:
            if tid not in counts:
                q = self.share(tid) / base_total
                if q > 0:
                    js += 0.5 * q  # p = 0 there, so m = q/2 and the term is q/2 * log2(2)
        return min(max(js, 0.0), 1.0)

    def update(self, counts: dict[str, int], total: int) -> None:
        if total == 0:
            return
        decay = 1.0 - self.alpha
        shares = self.shares
        for entry in shares.values():
            entry[0] *= decay
            entry[1] += 1.0
        for tid, count in counts.items():
            found = shares.get(tid)
            if found is None:
                shares[tid] = [self.alpha * count / total, 1.0]
            else:
                found[0] += self.alpha * count / total
        if len(shares) > self.limit:
            # Forget the faintest templates first.
            for tid in sorted(shares, key=lambda t: shares[t][0])[: len(shares) - self.limit]:
                del shares[tid]

    def rename(self, old: str, new: str) -> None:
        entry = self.shares.pop(old, None)
        if entry is None:
            return
        target = self.shares.get(new)
        if target is None:
            self.shares[new] = entry
        else:
            target[0] += entry[0]
            target[1] = max(target[1], entry[1])

    def state(self) -> dict[str, list[float]]:
        return self.shares

    def load(self, state: dict[str, Any]) -> None:
        self.shares = {str(k): [float(v[0]), float(v[1])] for k, v in state.items()}


class LevelHistory:
    """Recent log-volumes, their robust z-scores and whether they were alerted, to recognise a
    peak or trough that recurs (a periodic batch job) as opposed to noise or a one-off incident,
    and the service's cycle when it has one (``seasonal``).
    """

    __slots__ = ("cycle", "cycle_fit", "cycle_scale", "refit_in", "values")

    def __init__(self, size: int) -> None:
        self.values: deque[tuple[float, float, bool]] = deque(maxlen=size)
        # The cycle's length in windows (0: none found) and the spread of the volume around
        # the same phase of earlier cycles; refitted every ``_CYCLE_REFIT`` windows asked.
        self.cycle = 0
        self.cycle_scale = 0.0
        # The share of the volume's variance the cycle explains (1 - spread^2 / variance).
        self.cycle_fit = 0.0
        self.refit_in = 0

    def seasonal(self, count: int, min_fit: float) -> tuple[float, float] | None:
        """(z, expected count) of this window against the same phase of the last three cycles
        (their median), when the volume has a strong cycle of 12 to 480 windows that the
        history holds three times over and that explains at least ``min_fit`` of the volume's
        variance; None otherwise. A service whose day is replayed in 48 windows is compared
        with itself at the same point of its cycle, not with a level that cannot follow the
        cycle's turns (job runs on flat traffic are no smooth cycle: see ``_fit``)."""
        n = len(self.values)
        if n < _CYCLES * _CYCLE_MIN:
            return None
        self.refit_in -= 1
        if self.refit_in <= 0:
            self._fit()
            self.refit_in = _CYCLE_REFIT
        period = self.cycle
        if not period or n < _CYCLES * period or self.cycle_fit < min_fit:
            return None
        # The same phase of each earlier cycle, moved by the cycles' trend since (the median
        # change from one cycle to the next, phase by phase, over the last two): a ramp is no
        # departure from the cycle, and a holiday's windows are too few to move a median.
        # Alerted windows are neither a phase's reference nor part of the trend.
        values = self.values
        steps = sorted(
            values[i][0] - values[i - period][0]
            for i in range(n - 2 * period, n)
            if not values[i][2] and not values[i - period][2]
        )
        trend = steps[len(steps) // 2] if len(steps) >= period else 0.0
        refs = sorted(
            values[n - k * period][0] + k * trend
            for k in range(1, _CYCLES + 1)
            if not values[n - k * period][2]
        )
        if not refs:
            return None
        reference = refs[len(refs) // 2]
        expected = math.expm1(reference)
        # Poisson noise of log(count), as the volume baseline's floor.
        scale = max(self.cycle_scale, 1.0 / math.sqrt(expected + 1.0), 0.05)
        return (math.log1p(count) - reference) / scale, expected

    def _fit(self) -> None:
        x = np.fromiter((v[0] for v in self.values), dtype=float, count=len(self.values))
        n = len(x)
        self.cycle, self.cycle_scale, self.cycle_fit = 0, 0.0, 0.0
        centred = x - x.mean()
        variance = float(centred @ centred)
        if variance <= 1e-9:
            return
        spectrum = np.fft.rfft(centred, 2 * n)
        acf = np.fft.irfft(spectrum * np.conj(spectrum))[:n] / variance
        # Unbiased: each lag by the pairs it has.
        acf *= n / np.maximum(n - np.arange(n), 1)
        # A smooth cycle (neighbouring windows alike), as days and weeks are; short job runs
        # on flat traffic are not one (``periodic`` and ``recurring`` know those).
        if acf[1] < _CYCLE_MIN_SMOOTH:
            return
        top = min(_CYCLE_MAX, n // _CYCLES)
        # Every strong peak is a candidate (a day and a week both are); the one that predicts
        # the volume best -- the smallest spread around its phases -- is the cycle.
        for lag in range(_CYCLE_MIN, top):
            a = acf[lag]
            if (
                a >= _CYCLE_MIN_ACF
                and a >= acf[lag - 1]
                and a >= acf[lag + 1]
                and a - acf[lag // 2] >= _CYCLE_MIN_DIP
            ):
                # A multiple of a shorter cycle must predict clearly better to replace it.
                scale = _phase_spread(x, lag)
                if not self.cycle or scale < 0.8 * self.cycle_scale:
                    self.cycle, self.cycle_scale = lag, scale
        if self.cycle:
            self.cycle_fit = max(0.0, 1.0 - self.cycle_scale**2 * n / variance)

    def add(self, count: int, z: float, alerted: bool = False) -> None:
        self.values.append((math.log1p(count), z, alerted))

    def recurring(
        self,
        count: int,
        z: float,
        min_z: float,
        runs_needed: int,
        min_length: int = 1,
        tolerance: float = math.log(1.4),
        separation: int = 5,
    ) -> bool:
        """Whether this window repeats earlier, separate runs of windows about as extreme
        (same direction, themselves alert-worthy -- |z| >= ``min_z`` -- level within
        ``tolerance``, at least ``min_length`` windows long). The run the latest windows belong
        to does not count. ``runs_needed`` quiet runs suffice; runs that were alerted need one
        more (so a repeated real incident is still alerted the second time). An excursion that
        has lasted longer than the longest earlier run is not recurring; a first window less
        extreme than this one does not count in its length: a job of a fixed length that starts
        off a window boundary touches one window more, partly (a two-minute job from 16:09:30
        fills 16:10 and 16:11 and half of 16:09)."""
        x = math.log1p(count)
        high = z > 0

        def similar(item: tuple[float, float, bool]) -> bool:
            level, past_z, _ = item
            if abs(level - x) > tolerance:
                return False
            return past_z >= min_z if high else -past_z >= min_z

        values = list(self.values)
        # How long the current excursion has lasted (any level, same direction).
        excursion = 1
        for _, past_z, _ in reversed(values):
            if (past_z if high else -past_z) < min_z:
                break
            excursion += 1
        if excursion > 1:
            first = values[len(values) - excursion + 1][0]
            if (x - first if high else first - x) > tolerance:
                excursion -= 1
        i = len(values) - 1
        while i >= 0 and similar(values[i]):
            i -= 1
        # Runs just before belong to the same episode (an incident that wavers), not to an
        # earlier occurrence of a pattern.
        i -= separation
        quiet = alerted = 0
        longest = 0
        length = 0
        all_alerted = True
        while i >= -1:
            if i >= 0 and similar(values[i]):
                length += 1
                all_alerted = all_alerted and values[i][2]
            else:
                if length >= min_length:
                    longest = max(longest, length)
                    if all_alerted:
                        alerted += 1
                    else:
                        quiet += 1
                length = 0
                all_alerted = True
            i -= 1
        # Lasting longer than any earlier run is not the recurring pattern any more.
        if excursion > longest:
            return False
        return quiet >= runs_needed or quiet + alerted >= runs_needed + 1

    def ordinary(
        self, count: int, z: float, runs_needed: int, min_z: float = 2.0, separation: int = 5
    ) -> bool:
        """Whether this service's own recent past holds ``runs_needed`` earlier, separate
        excursions (same direction, |z| >= ``min_z``) that peaked at least as far as this
        window's ``z`` and lasted at least as long as the excursion it belongs to so far: on
        heavy-tailed traffic (news-driven, bursty) a burst of this size is what the service
        does several times a day, whatever the fitted spread says. The excursion going on and
        the ``separation`` windows before it do not count; one lasting longer than the earlier
        ones is news again."""
        high = z > 0
        values = list(self.values)
        signed = [past_z if high else -past_z for _, past_z, _ in values]
        x = math.log1p(count)
        i = len(signed) - 1
        while i >= 0 and signed[i] >= min_z:
            i -= 1
        length = len(signed) - i
        i -= separation
        runs = 0
        peak = 0.0
        far = -math.inf
        run = 0
        target = abs(z)
        for j in range(i, -2, -1):
            if j >= 0 and signed[j] >= min_z:
                run += 1
                peak = max(peak, signed[j])
                level = values[j][0]
                far = max(far, level if high else -level)
                continue
            if run >= length and (peak >= target or far >= (x if high else -x)):
                runs += 1
                if runs >= runs_needed:
                    return True
            run, peak, far = 0, 0.0, -math.inf
        return False

    def periodic(self, z: float, min_z: float, min_period: int = 5) -> bool:
        """Whether the excursion this window belongs to started on the beat of earlier ones:
        its distance to the start of the previous excursion (same direction, |z| >= ``min_z``)
        and that excursion's distance to an even earlier one are, within a window, multiples
        (one to three times) of the same beat -- a job run by a scheduler, whatever the level of
        the traffic around it at the time (some runs may have been too faint to count)."""
        high = z > 0

        def beyond(past_z: float) -> bool:
            return past_z >= min_z if high else -past_z >= min_z

        flags = [beyond(past_z) for _, past_z, _ in self.values]
        current = len(flags)
        while current > 0 and flags[current - 1]:
            current -= 1
        starts = [i for i in range(current) if flags[i] and (i == 0 or not flags[i - 1])]
        if len(starts) < 2:
            return False
        # Lasting longer than the earlier runs is not the job any more (an incident that
        # began with it, say).
        longest = max(_run_length(flags, start) for start in starts)
        if len(flags) - current + 1 > longest:
            return False
        period = current - starts[-1]
        if period < min_period:
            return False
        previous = starts[-1]
        for earlier in reversed(starts[:-1]):
            gap = previous - earlier
            beat, span = min(gap, period), max(gap, period)
            if beat >= min_period and any(abs(span - m * beat) <= m for m in (1, 2, 3)):
                return True
            if gap > 3 * period + 3:
                break
        return False

    def noise(self, windows: int) -> float:
        """The spread (sigma) of log volume from one window to the next over the last
        ``windows`` windows, from the root mean square of their changes (a difference of two
        windows has twice a window's variance): the traffic's own noise, bursts included,
        which a cycle's slow turns (that the level lags, and so counts as spread) hardly
        touch. 0 before two windows."""
        values = list(itertools.islice(reversed(self.values), windows))
        steps = [(a[0] - b[0]) ** 2 for a, b in itertools.pairwise(values)]
        return math.sqrt(sum(steps) / (2 * len(steps))) if steps else 0.0

    def state(self) -> list[tuple[float, float, bool]]:
        return list(self.values)

    def load(self, state: list[Any]) -> None:
        self.values.clear()
        self.values.extend((float(a), float(b), bool(c)) for a, b, c in state)
        self.cycle, self.cycle_scale, self.cycle_fit, self.refit_in = 0, 0.0, 0.0, 0


def _phase_spread(x: np.ndarray, period: int) -> float:
    """Robust spread (1.4826 MAD) of the volume around the median of the same phase in the
    ``_CYCLES`` cycles before, over the history after the first ``_CYCLES`` cycles."""
    n = len(x)
    refs = np.median(
        np.stack([x[(_CYCLES - k) * period : n - k * period] for k in range(1, _CYCLES + 1)]),
        axis=0,
    )
    residuals = x[_CYCLES * period :] - refs
    return 1.4826 * float(np.median(np.abs(residuals - np.median(residuals))))


def _run_length(flags: list[bool], start: int) -> int:
    end = start
    while end < len(flags) and flags[end]:
        end += 1
    return end - start


# The daily profile's expected value follows the day's level (a weekend, a ramp) as the ratio
# of two EWMAs over about this many windows: too slow to chase an incident of minutes.
_DAY_RATIO_ALPHA = 1.0 / 120.0
# Its spread is learned slowly (over about 200 windows), each window's square capped at 2.5
# spreads and windows beyond four left out, so an incident below the threshold does not widen it.
_DAY_SPREAD_ALPHA, _DAY_SPREAD_CAP, _DAY_OUTLIER = 0.005, 2.5, 4.0
# Windows learned before the scan's z is trusted.
_DAY_MIN_LEARNED = 60


class DailyProfile:
    """The volume of each slot of the day (``slot_windows`` windows) over the last ``days``
    days, to compare the last ``span`` windows with the same time on earlier days: an expected
    value that does not chase an incident, for a daily cycle far longer than ``LevelHistory``
    holds three times.

    A window's expected count is the median over the earlier days of their slot rate
    (interpolated between slot centres), times the ratio of today's traffic to that reference
    over the last hours (a weekend, a slow change of level). The sum of the last ``span``
    windows is tested against the sum of their expected counts as a negative binomial, its
    over-dispersion learned from this service's own windows (the day-to-day variation of the
    shape, the profile's error and the traffic's burstiness together). From the second day on;
    recurring windows (a batch job's) are left out of everything, alerted ones are summed but
    not learned."""

    __slots__ = (
        "actual",
        "burst_z",
        "bursts",
        "cells",
        "day_windows",
        "days",
        "learned",
        "moments",
        "recent",
        "reference",
        "slot_windows",
        "span",
    )

    def __init__(
        self, day_windows: int, slot_windows: int, days: int, span: int, burst_z: float = 5.0
    ) -> None:
        self.day_windows = day_windows
        self.slot_windows = max(1, slot_windows)
        self.days = days
        self.span = span
        # day number -> [sum, windows] of each slot, flat: the current day and ``days`` before.
        self.cells: dict[int, list[float]] = {}
        # EWMAs of the count and of the reference of the same windows (their ratio: the level).
        self.actual = 0.0
        self.reference = 0.0
        # EWMAs of (sum - expected)^2 - expected and of expected^2 (over-dispersion = ratio).
        self.moments = [0.0, 0.0]
        self.learned = 0
        # (window index, count, expected) of the latest windows that took part.
        self.recent: deque[tuple[int, float, float]] = deque(maxlen=max(span - 1, 0))
        # The last window and side (+1, -1) of each run of sums beyond ``burst_z`` of the last
        # day: a service whose sums go that far several times a day is bursty (news-driven
        # traffic), and that is its ordinary day (``ordinary``).
        self.burst_z = burst_z
        self.bursts: list[tuple[int, int]] = []

    @property
    def slots(self) -> int:
        return max(1, self.day_windows // self.slot_windows)

    def _reference(self, index: int) -> float | None:
        """Median over the earlier days of their slot rate at this time of day."""
        day, minute = divmod(index, self.day_windows)
        position = minute / self.slot_windows - 0.5
        low = math.floor(position)
        frac = position - low
        slots = self.slots
        half = self.slot_windows // 2
        rates = []
        for earlier in range(day - self.days, day):
            pair = []
            for slot in (low, low + 1):
                cell_day, cell_slot = divmod(earlier * slots + slot, slots)
                cells = self.cells.get(cell_day)
                if cells is None or cells[2 * cell_slot + 1] < max(half, 1):
                    break
                pair.append(cells[2 * cell_slot] / cells[2 * cell_slot + 1])
            if len(pair) == 2:
                rates.append(pair[0] * (1.0 - frac) + pair[1] * frac)
        return statistics.median(rates) if rates else None

    def expected(self, index: int) -> float | None:
        """Expected count of window ``index``, None before a day of history."""
        return self._expected(self._reference(index))

    def _expected(self, reference: float | None) -> float | None:
        """The expected count of a window whose slot reference is ``reference``."""
        if reference is None or self.reference <= 0.0:
            return None
        return reference * self.actual / self.reference

    def dispersion(self) -> float:
        num, den = self.moments
        return max(num / den, 0.0) if den > 0.0 else 1.0

    def scan(self, index: int, count: int) -> tuple[float, float] | None:
        """(z of the last ``span`` windows' sum, this window's expected count), or None while
        the profile cannot tell (no earlier day, a gap, its spread not learned yet)."""
        expected = self.expected(index)
        total = self._window_sum(index, count, expected)
        if expected is None or total is None or self.learned < _DAY_MIN_LEARNED:
            return None
        observed, mean = total
        return volume_z(round(observed), mean, self.dispersion()), expected

    def ordinary(self, index: int, z: float, runs_needed: int) -> bool:
        """Whether ``runs_needed`` earlier, separate runs of sums as far out on this side
        (beyond ``burst_z``) fell within the last day: the run going on does not count."""
        side = 1 if z > 0 else -1
        earlier = [
            last
            for last, run_side in self.bursts
            if run_side == side and index - self.day_windows <= last < index - self.span
        ]
        return len(earlier) >= runs_needed

    def _window_sum(
        self, index: int, count: int, expected: float | None
    ) -> tuple[float, float] | None:
        recent = self.recent
        if expected is None or len(recent) < self.span - 1:
            return None
        if recent and recent[0][0] < index - 2 * self.span:
            return None  # a gap (a dormant service): these windows are not one run
        observed = count + sum(c for _, c, _ in recent)
        mean = expected + sum(e for _, _, e in recent)
        return (observed, mean) if mean > 0.0 else None

    def add(self, index: int, count: int, skip: bool, alerted: bool) -> None:
        """Learn window ``index``. ``skip``: a recurring peak or trough (a batch job's run),
        left out of the scans and of the profile, as its minutes are not the slot's traffic;
        ``alerted``: an anomaly of the volume, part of the scans but not learned."""
        if skip:
            return
        reference = self._reference(index)
        expected = self._expected(reference)
        total = self._window_sum(index, count, expected)
        if total is not None and self.learned >= _DAY_MIN_LEARNED:
            z_sum = volume_z(round(total[0]), total[1], self.dispersion())
            if abs(z_sum) >= self.burst_z:
                self._burst(index, 1 if z_sum > 0 else -1)
        if total is not None and not alerted:
            observed, mean = total
            num, den = self.moments
            variance = mean + max(self.dispersion(), 0.0025) * mean * mean
            z = (observed - mean) / math.sqrt(variance)
            if self.learned < _DAY_MIN_LEARNED or abs(z) < _DAY_OUTLIER:
                self.learned += 1
                alpha = max(_DAY_SPREAD_ALPHA, 1.0 / self.learned)
                square = (observed - mean) ** 2
                if self.learned > _DAY_MIN_LEARNED:
                    square = min(square, _DAY_SPREAD_CAP**2 * variance)
                self.moments = [
                    num + alpha * (square - mean - num),
                    den + alpha * (mean * mean - den),
                ]
        if expected is None:
            self.recent.clear()
        else:
            self.recent.append((index, float(count), expected))
        if alerted:
            return
        if reference is not None:
            # Both start at zero: their ratio weighs the first windows as a later one would.
            self.actual += _DAY_RATIO_ALPHA * (count - self.actual)
            self.reference += _DAY_RATIO_ALPHA * (reference - self.reference)
        day, minute = divmod(index, self.day_windows)
        cells = self.cells.get(day)
        if cells is None:
            cells = self.cells[day] = [0.0] * (2 * self.slots)
            for old in sorted(self.cells)[: max(len(self.cells) - self.days - 1, 0)]:
                del self.cells[old]
        slot = min(minute // self.slot_windows, self.slots - 1)
        cells[2 * slot] += count
        cells[2 * slot + 1] += 1

    def _burst(self, index: int, side: int) -> None:
        bursts = [b for b in self.bursts if b[0] >= index - self.day_windows]
        if bursts and bursts[-1][1] == side and index - bursts[-1][0] <= self.span:
            bursts[-1] = (index, side)
        else:
            bursts.append((index, side))
        self.bursts = bursts

    def state(self) -> dict[str, Any]:
        return {
            "bursts": [list(b) for b in self.bursts],
            "cells": {str(day): cells for day, cells in self.cells.items()},
            "level": [self.actual, self.reference],
            "moments": list(self.moments),
            "learned": self.learned,
            "recent": [list(item) for item in self.recent],
        }

    def load(self, state: dict[str, Any]) -> None:
        slots = 2 * self.slots
        self.cells = {
            int(day): [float(v) for v in cells]
            for day, cells in state["cells"].items()
            if len(cells) == slots
        }
        self.actual, self.reference = (float(v) for v in state["level"])
        self.moments = [float(v) for v in state["moments"]]
        self.learned = int(state["learned"])
        self.bursts = [(int(i), int(side)) for i, side in state.get("bursts", [])]
        self.recent.clear()
        self.recent.extend((int(i), float(c), float(e)) for i, c, e in state["recent"])
