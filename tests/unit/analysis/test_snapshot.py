from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

import orjson
import pytest

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.errors import SnapshotError
from tests.unit.analysis.helpers import kinds, normal_mix, run


def old_errors(minute: int) -> list[tuple[str, str, int]]:
    return [*normal_mix(200, minute), (f"err{minute % 20}", "ERROR", 1)]


def test_restore_keeps_baselines_and_known_templates() -> None:
    # Twenty rare error templates become known over the first 80 minutes.
    history = {m: old_errors(m) for m in range(80)}
    engine, _ = run(range(80), override=history)
    data = engine.snapshot()
    restored = AnalysisEngine.restore(data)
    assert restored.services["api"].volume.state() == engine.services["api"].volume.state()
    # After the restart the old templates appear again: no new_error_pattern, nothing at all.
    later = {m: [*old_errors(m), (f"err{m % 20}", "ERROR", 1)] for m in range(80, 110)}
    _, reports = run(range(80, 110), engine=restored, override=later)
    assert kinds(reports) == {}
    # ... while a genuinely new error is still caught.
    new = {m: [*normal_mix(200, m), ("brand-new", "ERROR", 3)] for m in range(110, 113)}
    _, reports = run(range(110, 115), engine=restored, override=new)
    assert "new_error_pattern" in kinds(reports)


def test_restore_continues_open_windows_and_incidents() -> None:
    burst = {m: [*normal_mix(200, m), ("badpw", "ERROR", 40)] for m in range(60, 70)}
    engine, before = run(range(65), override=burst)
    restored = AnalysisEngine.restore(engine.snapshot())
    _, after = run(range(65, 80), engine=restored, override=burst)
    ids = {a.incident_id for r in before + after for a in r.anomalies}
    assert len(ids) == 1
    actions = [e.action for r in after for e in r.incident_events]
    assert "opened" not in actions and "resolved" in actions


def test_snapshot_is_versioned() -> None:
    data = AnalysisEngine().snapshot()
    with pytest.raises(SnapshotError):
        AnalysisEngine.restore(b"nope")
    with pytest.raises(SnapshotError):
        AnalysisEngine.restore(data[:3] + bytes([99]) + data[4:])
    with pytest.raises(SnapshotError):
        AnalysisEngine.restore(data, AnalysisConfig(window_seconds=30))
    assert AnalysisEngine.restore(data).services == {}


def _reframed(data: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    state = orjson.loads(zlib.decompress(data[4:]))
    change(state)
    return data[:4] + zlib.compress(orjson.dumps(state))


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.pop("late"),
        lambda s: s.update(horizon="soon"),
        lambda s: s.update(max_ts=[1]),
        lambda s: s.update(services=[]),
        lambda s: next(iter(s["services"].values())).pop("volume"),
        lambda s: next(iter(s["services"].values())).update(closed_until={"a": 1}),
        lambda s: next(iter(s["services"].values()))["shift_runs"].update(t=[1]),
    ],
)
def test_a_malformed_snapshot_raises_snapshot_error_only(
    change: Callable[[dict[str, Any]], None],
) -> None:
    engine, _ = run(range(30))
    data = engine.snapshot()
    assert AnalysisEngine.restore(data).services.keys() == {"api"}
    with pytest.raises(SnapshotError, match="corrupt snapshot"):
        AnalysisEngine.restore(_reframed(data, change))
