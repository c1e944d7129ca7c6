"""Model scorers over per-window feature vectors, shaped like river detectors.

* ``HalfSpaceScorer`` -- river's HalfSpaceTrees behind a MinMaxScaler, learning online from one
  vector per closed window; it answers 0 until a full reference window has been seen.
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
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from river import anomaly, compose, preprocessing

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


class HalfSpaceScorer:
    """Online half-space trees; ``score_one`` is in [0, 1], higher is more anomalous.

    >>> scorer = HalfSpaceScorer(trees=5, height=4, window=10, seed=1)
    >>> for i in range(30):
    ...     scorer.learn_one({"x": float(i % 3)})
    >>> 0.0 <= scorer.score_one({"x": 50.0}) <= 1.0
    True
    """

    def __init__(self, trees: int, height: int, window: int, seed: int) -> None:
        self.window = window
        self.seen = 0
        # Raw HST scores sit at an arbitrary level; an EWMA of their mean and spread turns
        # them into "how unusual for this service" (0.5 at three spreads above the mean).
        self.mean = 0.0
        self.var = 0.0
        self.model = compose.Pipeline(
            preprocessing.MinMaxScaler(),
            anomaly.HalfSpaceTrees(n_trees=trees, height=height, window_size=window, seed=seed),
        )

    def learn_one(self, x: dict[str, float]) -> None:
        if self.seen >= self.window:
            raw = float(self.model.score_one(x))
            delta = raw - self.mean
            self.mean += 0.05 * delta
            self.var += 0.05 * (delta * delta - self.var)
        self.model.learn_one(x)
        self.seen += 1

    def score_one(self, x: dict[str, float]) -> float:
        # Warm-up: before two reference windows the trees' mass profile is meaningless.
        if self.seen < 2 * self.window:
            return 0.0
        raw = float(self.model.score_one(x))
        z = (raw - self.mean) / max(math.sqrt(self.var), 0.02)
        return 1.0 / (1.0 + math.exp(-(z - 3.0)))


@dataclass(frozen=True, slots=True)
class FlatTree:
    left: list[int]
    right: list[int]
    feature: list[int]
    threshold: list[float]
    # Expected extra path length below each node (from its training sample count).
    depth_bonus: list[float]


def average_path_length(n: float) -> float:
    """Average path length of an unsuccessful search in a binary search tree of n points."""
    if n <= 1:
        return 0.0
    if n == 2:
        return 1.0
    return 2.0 * (math.log(n - 1.0) + 0.5772156649) - 2.0 * (n - 1.0) / n


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
        mapping = [int(f) for f in features]
        flat.append(
            FlatTree(
                left=[int(v) for v in tree.children_left],
                right=[int(v) for v in tree.children_right],
                feature=[mapping[f] if f >= 0 else -1 for f in tree.feature],
                threshold=[float(v) for v in tree.threshold],
                depth_bonus=[average_path_length(float(n)) for n in tree.n_node_samples],
            )
        )
    model = FastForest(tuple(flat), average_path_length(float(samples)), 0.0, 1.0)
    # Calibrate on (at most) the latest 256 rows: enough for a mean and spread, and cheap.
    train = [model.raw_score(row) for row in data[-256:].tolist()]
    mean = float(np.mean(train))
    std = max(float(np.std(train)), 0.01)
    return FastForest(model.trees, model.normaliser, mean, std)


class ForestScorer:
    """Periodically refit isolation forest over a ring of recent feature vectors."""

    def __init__(
        self, trees: int, min_windows: int, refit_windows: int, history: int, seed: int
    ) -> None:
        self.trees = trees
        self.min_windows = min_windows
        self.refit_windows = refit_windows
        self.seed = seed
        self.history: deque[tuple[float, ...]] = deque(maxlen=history)
        self.model: FastForest | None = None
        self.since_fit = 0
        self.fitted_on = 0
        # A snapshot was handed out and its model has not come back yet.
        self.pending = False

    def learn_one(self, x: Sequence[float]) -> None:
        self.history.append(tuple(x))
        self.since_fit += 1

    def score_one(self, x: Sequence[float]) -> float:
        return 0.0 if self.model is None else self.model.score(x)

    def needs_refit(self) -> bool:
        if len(self.history) < self.min_windows:
            return False
        # Fit early (once warm), then double the spacing up to the refit period.
        period = min(self.refit_windows, max(self.min_windows, self.fitted_on))
        if self.pending:
            # A fit that never came back (lost job) is retried after two periods.
            return self.since_fit >= 2 * period
        return self.model is None or self.since_fit >= period

    def fit_snapshot(self) -> np.ndarray:
        """The training matrix for the next fit; marks the refit as started."""
        self.since_fit = 0
        self.fitted_on = len(self.history)
        self.pending = True
        return np.asarray(self.history, dtype=np.float64)

    def install_model(self, model: FastForest) -> None:
        self.model = model
        self.pending = False

    def refit_now(self) -> None:
        """Synchronous fit, for offline runs."""
        self.install_model(fit_forest(self.fit_snapshot(), self.trees, self.seed))
