"""Snapshot form of a service detector: plain data, JSON-ready, nothing that can execute code
on load. Both models are rebuilt rather than stored: the half-space trees by replaying their
last points into trees grown from the same seed, the isolation forest by refitting the training
matrix of its latest fit (both exact; see ``scorers``)."""

from __future__ import annotations

import base64
from typing import Any

import numpy as np

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.detector import ServiceDetector
from pipeline.analysis.scorers import HalfSpaceScorer, fit_forest
from pipeline.analysis.windows import WindowAccumulator
from pipeline.errors import SnapshotError


def dump_detector(det: ServiceDetector, with_open: bool = True) -> dict[str, Any]:
    """Plain (JSON-ready) state of one service's detector; without its open windows when the
    caller rebuilds those from stored records."""
    state = {
        "closed_until": det.closed_until,
        "closed_windows": det.closed_windows,
        "silent_windows": det.silent_windows,
        "volume": det.volume.state(),
        "error_rate": det.error_rate.state(),
        "shares": det.shares.state(),
        "history": det.history.state(),
        "daily": None if det.daily is None else det.daily.state(),
        "seen": det.seen,
        "novel": det.novel,
        "templates": det.templates,
        "examples": det.examples,
        "previous_evidence": det.previous_evidence,
        "shift_runs": det.shift_runs,
        "shift_pools": det.shift_pools,
        "shift_anchors": det.shift_anchors,
        "last_job_index": det.last_job_index,
        "volume_run": det.volume_run,
        "low_run": det.low_run,
        "low_anchor": None if det.low_anchor is None else list(det.low_anchor),
        "step_run": det.step_run,
        "step_anchor": None if det.step_anchor is None else list(det.step_anchor),
        "step_back": None if det.step_back is None else list(det.step_back),
        "step_reset": det.step_reset,
        "step_lasting": det.step_lasting,
        "restart_index": det.restart_index,
        "last_anomaly_index": det.last_anomaly_index,
        "alert_windows": det.alert_windows,
        "error_pool": det.error_pool,
        "stats": det.stats.state(),
        "incidents": det.incidents.state(),
        "hst": det.hst.state(),
        "forest_history": _matrix(det.forest.history.last(len(det.forest.history))),
        "forest": det.forest.state(),
    }
    if with_open:
        state["open"] = {
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
        }
    return state


def _matrix(data: np.ndarray) -> dict[str, Any]:
    # Base64 of the float64 bytes: a fifth of the size of JSON numbers, and exact.
    return {
        "shape": list(data.shape),
        "f64le": base64.b64encode(data.astype("<f8").tobytes()).decode("ascii"),
    }


def _rows(state: dict[str, Any]) -> np.ndarray:
    rows, width = (int(n) for n in state["shape"])
    data = np.frombuffer(base64.b64decode(state["f64le"], validate=True), dtype="<f8")
    if data.size != rows * width:
        raise SnapshotError("forest history: size does not match its shape")
    return data.reshape(rows, width)


def load_detector(name: str, config: AnalysisConfig, state: dict[str, Any]) -> ServiceDetector:
    """Rebuild a detector from ``dump_detector`` output."""
    det = ServiceDetector(name, config, int(state["closed_until"]))
    det.closed_windows = int(state["closed_windows"])
    det.silent_windows = int(state["silent_windows"])
    det.volume.load(state["volume"])
    det.error_rate.load(state["error_rate"])
    det.shares.load(state["shares"])
    det.history.load(state["history"])
    # Older snapshots have no daily profile: it starts again.
    if det.daily is not None and state.get("daily"):
        det.daily.load(state["daily"])
    # Older snapshots have no last window per template: taken as seen up to the snapshot.
    last = det.closed_until - 1
    det.seen = {
        str(k): [int(v[0]), int(v[1]), int(v[2]) if len(v) >= 3 else max(int(v[1]), last)]
        for k, v in state["seen"].items()
    }
    det.novel = {str(k): [int(v[0]), int(v[1])] for k, v in state["novel"].items()}
    det.templates = dict(state["templates"])
    det.examples = dict(state["examples"])
    det.previous_evidence = {str(k): float(v) for k, v in state["previous_evidence"].items()}
    # Older snapshots have no run lengths: the latest run is taken to start at its last
    # window, and no template is a job's (-1) until its next run has begun.
    det.shift_runs = {
        str(k): [int(v[0]), int(v[1]), int(v[2]), int(v[3])]
        if len(v) >= 4
        else [int(v[0]), int(v[1]), int(v[1]), -1]
        for k, v in state["shift_runs"].items()
    }
    det.volume_run = [float(z) for z in state["volume_run"]]
    # Older snapshots have no low run: it starts again.
    det.low_run = [int(c) for c in state.get("low_run") or []]
    anchor = state.get("low_anchor")
    det.low_anchor = None if not anchor else (float(anchor[0]), float(anchor[1]))
    # ... nor a step run.
    det.step_run = [int(c) for c in state.get("step_run") or []]
    step = state.get("step_anchor")
    det.step_anchor = None if not step else (float(step[0]), float(step[1]), int(step[2]))
    back = state.get("step_back")
    det.step_back = None if not back else (float(back[0]), int(back[1]), int(back[2]))
    det.step_reset = int(state.get("step_reset", det.step_reset))
    det.step_lasting = [int(start) for start in state.get("step_lasting") or []]
    det.restart_index = int(state.get("restart_index", det.restart_index))
    # Older snapshots have neither.
    det.last_anomaly_index = int(state.get("last_anomaly_index", det.last_anomaly_index))
    det.alert_windows = int(state.get("alert_windows", 0))
    det.shift_pools = {
        str(k): [(int(c), int(n)) for c, n in v] for k, v in state["shift_pools"].items()
    }
    det.last_job_index = int(state.get("last_job_index", det.last_job_index))
    # Older snapshots have no anchors: their runs are tested against the shares as they are.
    det.shift_anchors = {
        str(k): (float(v[0]), int(v[1]), float(v[2]))
        for k, v in (state.get("shift_anchors") or {}).items()
    }
    det.error_pool = [(int(e), int(n)) for e, n in state["error_pool"]]
    det.stats.load(state["stats"])
    det.incidents.load(state["incidents"])
    det.hst = HalfSpaceScorer.restore(
        state["hst"], config.hst_trees, config.hst_height, config.hst_window, config.seed
    )
    forest = det.forest
    for vector in _rows(state["forest_history"]):
        forest.history.append(vector)
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
    for key, v in state.get("open", {}).items():
        acc = WindowAccumulator(int(key))
        acc.count, acc.errors, acc.levels = int(v[0]), int(v[1]), list(v[2])
        acc.template_counts, acc.template_levels, acc.template_examples = v[3], v[4], v[5]
        acc.first_ts, acc.last_ts = float(v[6]), float(v[7])
        det.open[int(key)] = acc
    return det
