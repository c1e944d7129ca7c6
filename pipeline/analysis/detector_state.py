"""Snapshot form of a service detector: plain data (JSON-ready) plus the pickled half-space
trees; the isolation forest is rebuilt from its training history instead of being stored."""

from __future__ import annotations

import base64
import pickle
from typing import Any

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.detector import ServiceDetector
from pipeline.analysis.scorers import HalfSpaceScorer, fit_forest
from pipeline.analysis.windows import WindowAccumulator


def dump_detector(det: ServiceDetector) -> dict[str, Any]:
    """Plain (JSON-ready) state of one service's detector."""
    return {
        "closed_until": det.closed_until,
        "closed_windows": det.closed_windows,
        "silent_windows": det.silent_windows,
        "volume": det.volume.state(),
        "error_rate": det.error_rate.state(),
        "shares": det.shares.state(),
        "history": det.history.state(),
        "seen": det.seen,
        "novel": det.novel,
        "templates": det.templates,
        "examples": det.examples,
        "previous_evidence": det.previous_evidence,
        "shift_runs": det.shift_runs,
        "shift_pools": det.shift_pools,
        "volume_run": det.volume_run,
        "error_pool": det.error_pool,
        "stats": det.stats.state(),
        "incidents": det.incidents.state(),
        # HST is pickled (our own state); the forest is rebuilt from its history instead.
        "hst": base64.b64encode(pickle.dumps(det.hst)).decode("ascii"),
        "forest_history": det.forest.history.rows(),
        "forest": det.forest.state(),
        "open": {
            str(i): [
                a.count,
                a.errors,
                a.levels,
                a.template_counts,
                a.template_levels,
                a.template_examples,
                a.first_ts,
                a.last_ts,
            ]
            for i, a in det.open.items()
        },
    }


def load_detector(name: str, config: AnalysisConfig, state: dict[str, Any]) -> ServiceDetector:
    """Rebuild a detector from ``dump_detector`` output."""
    det = ServiceDetector(name, config, int(state["closed_until"]))
    det.closed_windows = int(state["closed_windows"])
    det.silent_windows = int(state["silent_windows"])
    det.volume.load(state["volume"])
    det.error_rate.load(state["error_rate"])
    det.shares.load(state["shares"])
    det.history.load(state["history"])
    det.seen = {str(k): [int(v[0]), int(v[1])] for k, v in state["seen"].items()}
    det.novel = {str(k): [int(v[0]), int(v[1])] for k, v in state["novel"].items()}
    det.templates = dict(state["templates"])
    det.examples = dict(state["examples"])
    det.previous_evidence = {str(k): float(v) for k, v in state["previous_evidence"].items()}
    det.shift_runs = {str(k): [int(v[0]), int(v[1])] for k, v in state["shift_runs"].items()}
    det.volume_run = [float(z) for z in state["volume_run"]]
    det.shift_pools = {
        str(k): [(int(c), int(n)) for c, n in v] for k, v in state["shift_pools"].items()
    }
    det.error_pool = [(int(e), int(n)) for e, n in state["error_pool"]]
    det.stats.load(state["stats"])
    det.incidents.load(state["incidents"])
    # Pickle is acceptable here: the snapshot is our own state, never user input.
    hst = pickle.loads(base64.b64decode(state["hst"]))
    if isinstance(hst, HalfSpaceScorer):
        det.hst = hst
    forest = det.forest
    for vector in state["forest_history"]:
        forest.history.append([float(v) for v in vector])
    forest.load(state["forest"])
    # The model is rebuilt from the training matrix of its fit rather than stored: offline at
    # once, in the stream by the engine's refit jobs (the service waits for it, as it would
    # have for a fit still pending when the snapshot was taken).
    if forest.pending or forest.fitted_on:
        training = forest.last_training()
        if config.refit_inline:
            forest.install_model(fit_forest(training, config.forest_trees, config.seed))
        else:
            forest.pending = True
            det.training = training
    for key, v in state["open"].items():
        acc = WindowAccumulator(int(key))
        acc.count, acc.errors, acc.levels = int(v[0]), int(v[1]), list(v[2])
        acc.template_counts, acc.template_levels, acc.template_examples = v[3], v[4], v[5]
        acc.first_ts, acc.last_ts = float(v[6]), float(v[7])
        det.open[int(key)] = acc
    return det
