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


@pytest.mark.parametrize("behind_first", [True, False])
def test_services_saved_at_different_horizons_refill_and_close_their_open_windows(
    behind_first: bool,
) -> None:
    """A killed worker's last saves reached the changelog for some services only: ``a`` comes
    back past window 5, ``b`` with windows 5 and 6 still open. ``b``'s stored records refill
    both (not late, though below the horizon ``a`` brought), and ``resume`` closes window 5 with
    all of them, as the worker that was killed had."""
    config = AnalysisConfig(window_seconds=60, allowed_lateness_seconds=0)
    t0 = 1_767_225_600.0

    def minute(engine: AnalysisEngine, m: int, advance: bool = True, only: str = "") -> None:
        for service in [only] if only else ["a", "b"]:
            for i in range(10 + m):
                engine.observe_fields(service, t0 + 60 * m + i, 1, "m", "t", "m", advance=advance)

    first = AnalysisEngine(config)
    for m in range(6):
        minute(first, m)
    behind = first.dump_service("b")
    closing = first.observe_fields("a", t0 + 6 * 60 + 30, 1, "m", "t", "m").reports
    assert sorted((r.service_name, r.volume) for r in closing) == [("a", 15), ("b", 15)]
    ahead = first.dump_service("a")
    assert behind is not None and ahead is not None

    restored = AnalysisEngine(config)
    for state in [behind, ahead] if behind_first else [ahead, behind]:
        restored.load_service(state)
    assert restored.horizon == first.horizon and restored.behind
    minute(restored, 5, advance=False, only="b")
    assert restored.late == 0
    reports = restored.resume()
    assert [(r.service_name, r.window_start - t0, r.volume) for r in reports] == [("b", 300, 15)]
    assert not restored.behind


def test_a_service_saved_before_any_window_closed_leaves_nothing_to_close() -> None:
    # Saved with no horizon yet (its records moved no time). Loading it must not leave the
    # engine behind for ever: the detectors resume while it is.
    first = AnalysisEngine(AnalysisConfig(window_seconds=60, allowed_lateness_seconds=30))
    first.observe_fields("a", 1_767_225_600.0, 1, "m", "t", "m", advance=False)
    assert first.horizon is None
    state = first.dump_service("a")
    assert state is not None
    restored = AnalysisEngine(first.config)
    restored.load_service(state)
    assert restored.resume() == [] and not restored.behind
