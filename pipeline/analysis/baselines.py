"""Robust online baselines that give the expected value of a window's volume, error rate and
template shares, and remember recent levels so recurring peaks are not alerts."""

from __future__ import annotations

import math
from collections import deque
from typing import Any


class VolumeBaseline:
    """EWMA of log(1 + count) with an EWMA absolute deviation. Windows more than three scales
    away are not learned (an incident must not teach itself away) unless the new level holds
    for ``relearn`` windows; changes marked as trusted (a deploy's new templates) are learned
    fast."""

    __slots__ = ("alpha", "dev", "dev_alpha", "level", "n", "outside", "prior", "relearn")

    def __init__(self, alpha: float, dev_alpha: float, relearn: int = 30) -> None:
        self.alpha = alpha
        self.dev_alpha = dev_alpha
        self.relearn = relearn
        self.level = 0.0
        self.dev = 0.0
        self.n = 0
        # Consecutive windows far from the level on one side (signed).
        self.outside = 0
        # The level before the last relearn: a long incident that ends returns to it at once.
        self.prior: float | None = None

    def expected(self) -> float:
        """Expected count of the next window."""
        return math.expm1(self.level)

    def scale(self) -> float:
        # Poisson noise of log(count) is about 1/sqrt(count): a floor for quiet services.
        poisson = 1.0 / math.sqrt(self.expected() + 1.0)
        return max(1.25 * self.dev, poisson, 0.05)

    def z(self, count: int) -> float:
        if self.n == 0:
            return 0.0
        return (math.log1p(count) - self.level) / self.scale()

    def update(self, count: int, trusted: bool = False) -> None:
        """Learn one window. ``trusted`` marks a change known to be benign (lines of templates
        new since a deploy): it is learned quickly instead of being resisted."""
        x = math.log1p(count)
        self.n += 1
        if self.n == 1:
            self.level = x
            self.dev = 0.1
            return
        scale = self.scale()
        resid = x - self.level
        if trusted:
            self.outside = 0
            self.level += max(self.alpha, 0.1) * resid
            return
        if self.prior is not None and abs(x - self.prior) <= 3.0 * scale < abs(resid):
            self.level, self.prior, self.outside = self.prior, None, 0
            return
        if abs(resid) > 3.0 * scale:
            # Probably an incident: hold the level and the spread, so an incident does not
            # teach itself away; a level held for ``relearn`` windows is the new normal (and the
            # old one is remembered, so the end of a long incident is not a "drop").
            side = 1 if resid > 0 else -1
            self.outside = self.outside + side if self.outside * side > 0 else side
            if abs(self.outside) >= self.relearn:
                self.prior, self.level, self.outside = self.level, x, 0
            return
        self.outside = 0
        self.dev += self.dev_alpha * (abs(resid) - self.dev)
        # Faster while young so a short warm-up still finds the level.
        alpha = max(self.alpha, 1.0 / self.n)
        self.level += alpha * resid

    def state(self) -> list[float | None]:
        return [self.level, self.dev, float(self.n), float(self.outside), self.prior]

    def load(self, state: list[float | None]) -> None:
        level, dev, n, outside, prior = state
        self.level, self.dev = float(level or 0.0), float(dev or 0.0)
        self.n, self.outside = int(n or 0), int(outside or 0)
        self.prior = prior


class RateBaseline:
    """Error rate as the ratio of EWMAs of error and total counts (weights windows by volume)."""

    __slots__ = ("alpha", "errors", "n", "total")

    def __init__(self, alpha: float) -> None:
        self.alpha = alpha
        self.errors = 0.0
        self.total = 0.0
        self.n = 0

    def rate(self) -> float:
        return self.errors / self.total if self.total > 0 else 0.0

    def z(self, errors: int, count: int) -> float:
        if count == 0 or self.n == 0:
            return 0.0
        # A floor on the base rate keeps a service with no errors from alerting on one.
        p0 = max(self.rate(), 0.005)
        return (errors - count * p0) / math.sqrt(count * p0 * (1.0 - p0))

    def update(self, errors: int, count: int) -> None:
        if count == 0:
            return
        if self.n > 0:
            # Winsorise: an error burst teaches the baseline at most a few sigma of it.
            p0 = max(self.rate(), 0.005)
            cap = count * p0 + 3.0 * math.sqrt(count * p0 * (1.0 - p0)) + 1.0
            errors = int(min(errors, cap))
        alpha = max(self.alpha, 1.0 / (self.n + 1))
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
    peak or trough that recurs (a periodic batch job) as opposed to noise or a one-off incident.
    """

    __slots__ = ("values",)

    def __init__(self, size: int) -> None:
        self.values: deque[tuple[float, float, bool]] = deque(maxlen=size)

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
        has lasted longer than the longest earlier run is not recurring."""
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

    def state(self) -> list[tuple[float, float, bool]]:
        return list(self.values)

    def load(self, state: list[Any]) -> None:
        self.values.clear()
        self.values.extend((float(a), float(b), bool(c)) for a, b, c in state)
