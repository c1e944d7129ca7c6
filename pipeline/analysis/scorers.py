"""Model scorers over per-window feature vectors, shaped like river detectors.

* ``HalfSpaceScorer`` -- river's HalfSpaceTrees on standardised, squashed features, learning
  online from one vector per closed window; it answers 0 until a full reference window has been
  seen.
* ``ForestScorer`` -- a scikit-learn IsolationForest refit periodically on recent windows.  The
  fit is split so the service can run it off the event loop: ``needs_refit()`` and
  ``fit_snapshot()`` hand out the training matrix, ``fit_forest()`` is a pure function that can
  run in an executor, and ``install_model()`` puts the result back.  ``refit_now()`` is the
  synchronous convenience used offline.  Fitted trees are flattened into plain lists because
  calling sklearn's ``score_samples`` on one row costs milliseconds.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from river import anomaly

from pipeline.errors import SnapshotError

FEATURE_NAMES = (
    "log_volume",
    "error_rate",
    "warning_rate",
    "log_distinct_templates",
    "new_templates",
    "new_warning_templates",
    "top_share",
    "js_divergence",
    "rare_ratio",
    "volume_z",
    "error_z",
)


# A standardised feature maps to 0.5 + 0.5 * tanh(z / SQUASH): within the half-space trees'
# unit cube, with room beyond the usual spread. Measured on a two-feature stream (300 normal
# points, river HalfSpaceTrees 10 x 6, window 30): with MinMax scaling normal points scored
# 0.80 (median) / 0.91 (90th percentile) and outliers 0.93-0.98, as their clipped values
# landed in the range's edge leaves; with this squash normal ones score 0.57 / 0.70 and the
# same outliers 0.87-0.99.
SQUASH = 6.0


class FeatureStats:
    """Running mean and variance of each feature (Welford's), exact to restore."""

    __slots__ = ("stats",)

    def __init__(self, stats: dict[str, list[float]] | None = None) -> None:
        # feature -> [count, mean, sum of squared deviations]
        self.stats: dict[str, list[float]] = stats if stats is not None else {}

    def update(self, x: Mapping[str, float]) -> None:
        stats = self.stats
        for name, value in x.items():
            entry = stats.get(name)
            if entry is None:
                entry = stats[name] = [0.0, 0.0, 0.0]
            entry[0] += 1.0
            delta = value - entry[1]
            entry[1] += delta / entry[0]
            entry[2] += delta * (value - entry[1])

    def squash(self, x: Mapping[str, float]) -> dict[str, float]:
        """Each feature standardised by what was seen so far, squashed into (0, 1)."""
        out = {}
        stats = self.stats
        for name, value in x.items():
            entry = stats.get(name)
            if entry is None or entry[0] < 2.0:
                out[name] = 0.5
                continue
            spread = math.sqrt(entry[2] / entry[0])
            z = (value - entry[1]) / max(spread, 1e-6)
            out[name] = 0.5 + 0.5 * math.tanh(z / SQUASH)
        return out

    def copy(self) -> dict[str, list[float]]:
        return {name: list(entry) for name, entry in self.stats.items()}


class HalfSpaceScorer:
    """Online half-space trees; ``score_one`` is in [0, 1], higher is more anomalous.

    Features are standardised by their running mean and spread and squashed into the trees'
    unit cube (``FeatureStats``, ``SQUASH``): a value far beyond anything seen lands apart from
    the edge of the usual range, where a min-max scaler would clip it onto that edge.

    The state is rebuilt rather than stored: river's trees come from the seed, and their masses
    depend only on the points of the last complete tree window and the current one. So the
    scorer keeps those points (raw, as learned) and the feature statistics at the first of
    them; ``restore`` replays them into fresh trees, which then hold exactly the same masses.

    >>> scorer = HalfSpaceScorer(trees=5, height=4, window=10, seed=1)
    >>> for i in range(30):
    ...     scorer.learn_one({"x": float(i % 3)})
    >>> 0.0 <= scorer.score_one({"x": 50.0}) <= 1.0
    True
    >>> copy = HalfSpaceScorer.restore(scorer.state(), trees=5, height=4, window=10, seed=1)
    >>> copy.score_one({"x": 50.0}) == scorer.score_one({"x": 50.0})
    True
    """

    def __init__(self, trees: int, height: int, window: int, seed: int) -> None:
        self.window = window
        self.seen = 0
        # Raw HST scores sit at an arbitrary level; an EWMA of their mean and spread turns
        # them into "how unusual for this service" (0.5 at three spreads above the mean).
        self.mean = 0.0
        self.var = 0.0
        self.features = FeatureStats()
        self._shape = (trees, height, seed)
        # River's trees take about 300 KiB a service (ten trees of 127 nodes, each node a few
        # Python objects); nothing reads them before the first tree window is full. Until then
        # the points are kept squashed, as the trees would have learned them, and learned in
        # order when the trees are built: the same masses, and a flood of short-lived services
        # costs a few KiB each instead.
        self._trees: anomaly.HalfSpaceTrees | None = None
        self._unlearned: list[dict[str, float]] = []
        # Points learned since ``replay_from`` (a tree-window boundary), and the feature
        # statistics just before the first of them.
        self.replay_from = 0
        self.points: list[dict[str, float]] = []
        self.stats_at_start: dict[str, list[float]] = {}
        self._stats_at_window: dict[str, list[float]] = {}

    @property
    def model(self) -> anomaly.HalfSpaceTrees:
        """The trees, built (and fed what they have not learned yet) when first asked for."""
        if self._trees is None:
            trees, height, seed = self._shape
            self._trees = anomaly.HalfSpaceTrees(
                n_trees=trees, height=height, window_size=self.window, seed=seed
            )
            for point in self._unlearned:
                self._trees.learn_one(point)  # type: ignore[no-untyped-call]
            self._unlearned = []
        return self._trees

    @property
    def built(self) -> bool:
        return self._trees is not None

    def _learn(self, x: dict[str, float]) -> None:
        squashed = self.features.squash(x)
        if self._trees is None:
            self._unlearned.append(squashed)
        else:
            self._trees.learn_one(squashed)  # type: ignore[no-untyped-call]
        self.features.update(x)

    def learn_one(self, x: dict[str, float]) -> None:
        if self.seen >= self.window:
            raw = float(self.model.score_one(self.features.squash(x)))  # type: ignore[no-untyped-call]
            delta = raw - self.mean
            self.mean += 0.05 * delta
            self.var += 0.05 * (delta * delta - self.var)
        if self.seen % self.window == 0 and self.seen >= 2 * self.window:
            # A new tree window: the masses now depend on the previous window and this one.
            self.points = self.points[self.window :]
            self.replay_from = self.seen - self.window
            self.stats_at_start = self._stats_at_window
        if self.seen % self.window == 0:
            self._stats_at_window = self.features.copy()
        self._learn(x)
        self.points.append(dict(x))
        self.seen += 1

    def score_one(self, x: dict[str, float]) -> float:
        # Warm-up: before two reference windows the trees' mass profile is meaningless.
        if self.seen < 2 * self.window:
            return 0.0
        raw = float(self.model.score_one(self.features.squash(x)))  # type: ignore[no-untyped-call]
        z = (raw - self.mean) / max(math.sqrt(self.var), 0.02)
        return 1.0 / (1.0 + math.exp(-(z - 3.0)))

    # -- state -----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Plain JSON-able state (no model objects: ``restore`` rebuilds them)."""
        return {
            "seen": self.seen,
            "mean": self.mean,
            "var": self.var,
            "replay_from": self.replay_from,
            "stats_at_start": self.stats_at_start,
            "stats_at_window": self._stats_at_window,
            "features": self.features.stats,
            "points": self.points,
        }

    @classmethod
    def restore(
        cls, state: Mapping[str, Any], trees: int, height: int, window: int, seed: int
    ) -> HalfSpaceScorer:
        scorer = cls(trees, height, window, seed)
        seen, start = int(state["seen"]), int(state["replay_from"])
        points = [{str(k): float(v) for k, v in p.items()} for p in state["points"]]
        if start % window or start + len(points) != seen:
            raise SnapshotError("half-space state: replay points do not match its count")
        if "stats_at_start" in state:
            at_start = _stats(state["stats_at_start"])
            scorer.features = FeatureStats(_stats(at_start))
            for point in points:
                scorer._learn(point)
            scorer.stats_at_start = at_start
            scorer._stats_at_window = _stats(state["stats_at_window"])
        else:
            # A snapshot from the min-max scaler's time: the trees are rebuilt from the replay
            # points alone (close to, not exactly, what they were).
            for point in points:
                scorer._learn(point)
            scorer.stats_at_start = {}
            scorer._stats_at_window = scorer.features.copy()
        scorer.seen, scorer.replay_from, scorer.points = seen, start, points
        scorer.mean, scorer.var = float(state["mean"]), float(state["var"])
        return scorer


def _stats(state: Mapping[str, Any]) -> dict[str, list[float]]:
    return {str(k): [float(n), float(m), float(s)] for k, (n, m, s) in state.items()}


@dataclass(frozen=True, slots=True)
class FlatTree:
    left: list[int]
    right: list[int]
    feature: list[int]
    threshold: list[float]
    # Expected extra path length below each node (from its training sample count).
    depth_bonus: list[float]


@dataclass(frozen=True, slots=True)
class FastForest:
    """A fitted isolation forest flattened for cheap one-row scoring."""

    trees: tuple[FlatTree, ...]
    normaliser: float
    # Mean and spread of the training scores, to calibrate a score into [0, 1].
    train_mean: float
    train_std: float

    def raw_score(self, x: Sequence[float]) -> float:
        """The isolation-forest anomaly score 2^(-E[h(x)]/c(n)), ~0.5 normal, -> 1 outlying."""
        total = 0.0
        for tree in self.trees:
            node = 0
            depth = 0
            left, right, feature, threshold = tree.left, tree.right, tree.feature, tree.threshold
            while left[node] != -1:
                node = left[node] if x[feature[node]] <= threshold[node] else right[node]
                depth += 1
            total += depth + tree.depth_bonus[node]
        return float(2.0 ** (-(total / len(self.trees)) / self.normaliser))

    def score(self, x: Sequence[float]) -> float:
        """Calibrated score in [0, 1]: 0.5 at three training standard deviations."""
        z = (self.raw_score(x) - self.train_mean) / self.train_std
        return 1.0 / (1.0 + math.exp(-(z - 3.0)))


def fit_forest(data: np.ndarray, trees: int, seed: int) -> FastForest:
    """Fit an IsolationForest on ``data`` (rows = windows) and flatten it. Pure; no shared state,
    so it can run in a thread or process executor."""
    from sklearn.ensemble import IsolationForest

    samples = min(256, len(data))
    with warnings.catch_warnings():
        # Constant columns (e.g. no new templates lately) are normal here; sklearn is fine.
        warnings.simplefilter("ignore", category=RuntimeWarning)
        forest = IsolationForest(n_estimators=trees, max_samples=samples, random_state=seed)
        forest.fit(data)
    flat = []
    for estimator, features in zip(forest.estimators_, forest.estimators_features_, strict=True):
        tree = estimator.tree_
        # Leaves have feature -2 in sklearn; index -1 of the lookup maps them to -1.
        lookup = np.append(np.asarray(features, dtype=np.int64), -1)
        flat.append(
            FlatTree(
                left=tree.children_left.tolist(),
                right=tree.children_right.tolist(),
                feature=lookup[np.where(tree.feature >= 0, tree.feature, -1)].tolist(),
                threshold=tree.threshold.tolist(),
                depth_bonus=_path_lengths(tree.n_node_samples).tolist(),
            )
        )
    # Calibrate on (at most) the latest 256 rows: enough for a mean and spread.  sklearn scores
    # them in one vectorised pass; its score is the negated raw score of the flattened trees.
    train = -forest.score_samples(data[-256:])
    mean = float(np.mean(train))
    std = max(float(np.std(train)), 0.01)
    normaliser = float(_path_lengths(np.array([samples]))[0])
    return FastForest(tuple(flat), normaliser, mean, std)


def _path_lengths(counts: np.ndarray) -> np.ndarray:
    """Average path length of an unsuccessful search in a binary search tree of n points, for
    every n in ``counts``."""
    n = counts.astype(np.float64)
    safe = np.maximum(n, 2.0)
    out = 2.0 * (np.log(safe - 1.0) + 0.5772156649) - 2.0 * (safe - 1.0) / safe
    out[n <= 2] = 1.0
    out[n <= 1] = 0.0
    return out


class FeatureRing:
    """The latest ``capacity`` feature vectors, oldest first, in one float64 array that grows
    by doubling up to ``capacity`` and then wraps (a tuple of floats per window costs about
    four times the memory, and services keep hundreds of windows).

    >>> ring = FeatureRing(3)
    >>> for i in range(5):
    ...     ring.append([float(i), 0.0])
    >>> len(ring), ring.last(2).tolist()
    (3, [[3.0, 0.0], [4.0, 0.0]])
    >>> ring.last(2, skip=1).tolist()
    [[2.0, 0.0], [3.0, 0.0]]
    """

    __slots__ = ("_data", "_size", "_start", "capacity")

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._data: np.ndarray | None = None
        self._size = 0
        # Position of the oldest row once the ring wraps.
        self._start = 0

    def __len__(self) -> int:
        return self._size

    def append(self, row: Sequence[float]) -> None:
        data = self._data
        if data is None:
            data = self._data = np.empty((min(self.capacity, 32), len(row)), dtype=np.float64)
        if self._size < len(data):
            data[self._size] = row
            self._size += 1
        elif len(data) < self.capacity:
            grown = np.empty((min(self.capacity, 2 * len(data)), data.shape[1]), dtype=np.float64)
            grown[: len(data)] = data
            grown[self._size] = row
            self._data = grown
            self._size += 1
        else:
            data[self._start] = row
            self._start = (self._start + 1) % len(data)

    def last(self, count: int, skip: int = 0) -> np.ndarray:
        """A copy of (at most) ``count`` rows that precede the latest ``skip``, oldest first."""
        data = self._data
        end = self._size - skip
        begin = max(0, end - count)
        if data is None or end <= begin:
            return np.empty((0, 0 if data is None else data.shape[1]), dtype=np.float64)
        return data[(self._start + np.arange(begin, end)) % len(data)]

    def rows(self) -> list[list[float]]:
        return [[float(v) for v in row] for row in self.last(self._size).tolist()]


class ForestScorer:
    """An isolation forest refit periodically over a ring of recent feature vectors.

    The schedule is a pure function of how many windows the service has closed and its
    ``phase`` (a stable hash of its name), so an offline run and the stream refit at the same
    windows: the first fit once ``min_windows`` exist (delayed by up to half of that by the
    phase, so services that start together do not all fit in one window), then at doubling
    spacing up to ``refit_windows``, and from there every ``refit_windows`` at the service's
    own phase. A fit uses the history up to and including the window that made it due, and its
    model scores every later window: offline ``refit_now()`` installs it at once, the stream
    runs ``fit_forest`` in an executor and the engine holds the service's next window until
    the model is back (``pending``).
    """

    def __init__(
        self,
        trees: int,
        min_windows: int,
        refit_windows: int,
        history: int,
        seed: int,
        phase: int = 0,
    ) -> None:
        self.trees = trees
        self.min_windows = min_windows
        self.refit_windows = refit_windows
        self.seed = seed
        self.phase = phase
        # Fits use the latest ``window`` vectors; the ring keeps more, so the training matrix of
        # the latest fit can be rebuilt exactly on restore while later windows came in.
        self.window = history
        self.history = FeatureRing(history + 2 * refit_windows)
        self.model: FastForest | None = None
        # Windows learned in total, since the last fit started, and the size of that fit.
        self.learned = 0
        self.since_fit = 0
        self.fitted_on = 0
        # A fit was handed out and its model has not been installed yet.
        self.pending = False

    def learn_one(self, x: Sequence[float]) -> None:
        self.history.append(x)
        self.learned += 1
        self.since_fit += 1

    def score_one(self, x: Sequence[float]) -> float:
        return 0.0 if self.model is None else self.model.score(x)

    def needs_refit(self) -> bool:
        if self.pending or len(self.history) < self.min_windows:
            return False
        if self.fitted_on == 0:
            return self.since_fit >= self.min_windows + self.phase % max(1, self.min_windows // 2)
        period = min(self.refit_windows, max(self.min_windows, self.fitted_on))
        if period < self.refit_windows:
            return self.since_fit >= period
        # Steady state: on the service's own phase, so refits spread over the period.
        return (
            self.since_fit >= period // 2 and (self.learned + self.phase) % self.refit_windows == 0
        )

    def fit_snapshot(self) -> np.ndarray:
        """The training matrix for the next fit; marks the fit as pending."""
        data = self.history.last(self.window)
        self.since_fit = 0
        self.fitted_on = len(data)
        self.pending = True
        return data

    def last_training(self) -> np.ndarray:
        """The training matrix of the latest fit (to rebuild its model after a restore)."""
        return self.history.last(self.fitted_on, skip=self.since_fit)

    def install_model(self, model: FastForest | None) -> None:
        """Install a fitted model; None abandons a fit that failed (the old model stays)."""
        if model is not None:
            self.model = model
        self.pending = False

    def refit_now(self) -> None:
        """Synchronous fit, for offline runs."""
        self.install_model(fit_forest(self.fit_snapshot(), self.trees, self.seed))

    def state(self) -> dict[str, Any]:
        """The schedule (the model is rebuilt from ``history``, never stored)."""
        return {
            "learned": self.learned,
            "since_fit": self.since_fit,
            "fitted_on": self.fitted_on,
            "pending": self.pending,
        }

    def load(self, state: Mapping[str, Any]) -> None:
        self.learned = int(state["learned"])
        self.since_fit = int(state["since_fit"])
        self.fitted_on = int(state["fitted_on"])
        self.pending = bool(state["pending"])
