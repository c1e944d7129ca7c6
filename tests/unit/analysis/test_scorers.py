from __future__ import annotations

import math

import numpy as np
import pytest

from pipeline.analysis.baselines import LevelHistory, RateBaseline, TemplateShares, VolumeBaseline
from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine, RefitJob
from pipeline.analysis.scorers import FeatureRing, ForestScorer, HalfSpaceScorer, fit_forest
from tests.unit.analysis.helpers import normal_mix, run


def test_volume_baseline_expected_and_z() -> None:
    base = VolumeBaseline(alpha=0.1, dev_alpha=0.05)
    for i in range(50):
        base.update(100 + (i % 5))
    assert 95 < base.expected() < 110
    assert base.z(300) > 5 and base.z(20) < -5 and abs(base.z(102)) < 1


def test_volume_baseline_resists_an_incident_but_learns_a_level_shift() -> None:
    base = VolumeBaseline(alpha=0.1, dev_alpha=0.05)
    for _ in range(50):
        base.update(100)
    for _ in range(5):
        base.update(1000)
    assert base.expected() < 200  # five incident windows barely move it
    for _ in range(200):
        base.update(1000)
    assert base.expected() > 800  # a permanent shift is learned


def test_rate_baseline() -> None:
    rate = RateBaseline(alpha=0.05)
    for _ in range(50):
        rate.update(2, 200)
    assert math.isclose(rate.rate(), 0.01, rel_tol=0.05)
    assert rate.z(30, 200) > 5 and rate.z(2, 200) < 1


def test_template_shares_and_js() -> None:
    shares = TemplateShares(alpha=0.05, limit=100)
    for _ in range(30):
        shares.update({"a": 80, "b": 20}, 100)
    assert math.isclose(shares.share("a"), 0.8, rel_tol=0.01)
    assert shares.js_divergence({"a": 80, "b": 20}, 100) < 0.01
    assert shares.js_divergence({"c": 100}, 100) > 0.9
    # A brand-new template gets its real share at once (bias correction).
    shares.update({"a": 40, "b": 10, "c": 50}, 100)
    assert math.isclose(shares.share("c"), 0.5, rel_tol=0.01)


def test_level_history_counts_earlier_runs_only() -> None:
    history = LevelHistory(100)
    for i in range(60):
        history.add(500 if i % 30 in (10, 11) else 100, 8.0 if i % 30 in (10, 11) else 0.0)
    assert history.recurring(500, 8.0, 3.0, runs_needed=1)
    assert not history.recurring(100, -8.0, 3.0, runs_needed=1)


def test_alerted_runs_need_one_more_and_short_troughs_can_be_ignored() -> None:
    history = LevelHistory(100)
    for i in range(40):
        if i in (10, 11):
            history.add(500, 8.0, alerted=True)
        elif i == 20:
            history.add(30, -8.0)
        else:
            history.add(100, 0.0)
    assert not history.recurring(500, 8.0, 3.0, runs_needed=1)  # one alerted run only
    assert history.recurring(30, -8.0, 3.0, runs_needed=1)
    assert not history.recurring(30, -8.0, 3.0, runs_needed=1, min_length=2)


def test_half_space_trees_say_nothing_during_their_two_reference_windows() -> None:
    scorer = HalfSpaceScorer(trees=5, height=4, window=10, seed=1)
    for i in range(19):
        scorer.learn_one({"x": float(i % 3)})
        assert scorer.score_one({"x": 90.0}) == 0.0
    scorer.learn_one({"x": 1.0})
    assert scorer.score_one({"x": 90.0}) > 0.0


def normal_point(rng: np.random.Generator) -> dict[str, float]:
    return {"a": float(rng.normal(10.0, 1.0)), "b": float(rng.normal(0.0, 1.0))}


def test_half_space_scores_are_low_on_the_services_normal_and_high_on_its_outliers() -> None:
    rng = np.random.default_rng(2)
    scorer = HalfSpaceScorer(trees=10, height=6, window=30, seed=7)
    for _ in range(300):
        scorer.learn_one(normal_point(rng))
    normal = [scorer.score_one(normal_point(rng)) for _ in range(300)]
    # Measured: median 0.045, mean 0.085, 90th percentile 0.20.
    assert np.median(normal) < 0.08 and np.mean(normal) < 0.12
    assert np.percentile(normal, 90) < 0.25
    # Far out in either feature, or both (measured 0.84, 0.71, 0.92): every feature counts, and
    # a value far beyond the range seen is not taken for its edge.
    for odd in ({"a": 40.0, "b": 0.0}, {"a": 10.0, "b": 9.0}, {"a": -20.0, "b": -9.0}):
        assert scorer.score_one(odd) > 0.6, odd
    # Four spreads out: in between (measured 0.50).
    assert 0.25 < scorer.score_one({"a": 14.0, "b": 0.0}) < 0.75


def test_half_space_scores_map_three_spreads_above_the_mean_to_one_half(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scorer = HalfSpaceScorer(trees=2, height=3, window=10, seed=1)
    for i in range(30):
        scorer.learn_one({"x": float(i % 3)})
    scorer.mean, scorer.var = 0.2, 0.01  # raw scores: mean 0.2, spread 0.1
    raw = {"value": 0.5}
    monkeypatch.setattr(scorer.model, "score_one", lambda x: raw["value"])
    assert math.isclose(scorer.score_one({"x": 0.0}), 0.5)
    raw["value"] = 0.2
    assert math.isclose(scorer.score_one({"x": 0.0}), 1.0 / (1.0 + math.exp(3.0)))
    raw["value"] = 0.8
    assert math.isclose(scorer.score_one({"x": 0.0}), 1.0 / (1.0 + math.exp(-3.0)))


def test_forest_refit_cycle_off_the_loop() -> None:
    scorer = ForestScorer(trees=20, min_windows=30, refit_windows=60, history=100, seed=1)
    rng = np.random.default_rng(0)
    for row in rng.normal(size=(30, 3)):
        scorer.learn_one(row.tolist())
    assert scorer.needs_refit() and scorer.score_one([0.0, 0.0, 0.0]) == 0.0
    data = scorer.fit_snapshot()
    assert not scorer.needs_refit()
    scorer.install_model(fit_forest(data, 20, 1))
    assert scorer.score_one([8.0, 8.0, 8.0]) > scorer.score_one([0.0, 0.0, 0.0])


def test_fast_forest_matches_sklearn() -> None:
    from sklearn.ensemble import IsolationForest

    data = np.random.default_rng(1).normal(size=(200, 4))
    model = fit_forest(data, 30, 3)
    reference = IsolationForest(n_estimators=30, max_samples=200, random_state=3).fit(data)
    ours = [model.raw_score(row) for row in data[:20].tolist()]
    theirs = (-reference.score_samples(data[:20])).tolist()
    assert np.allclose(ours, theirs, atol=1e-9)


def test_engine_hands_out_refits_when_not_inline() -> None:
    engine = AnalysisEngine(AnalysisConfig(refit_inline=False, forest_min_windows=30))
    run(range(60), engine=engine)
    jobs = engine.take_refits()
    assert [j.service for j in jobs] == ["api"] and isinstance(jobs[0], RefitJob)
    assert engine.take_refits() == []
    engine.install_model("api", jobs[0].run())
    assert engine.services["api"].forest.model is not None
    _, reports = run(range(60, 62), engine=engine, override={60: normal_mix(200, 60)})
    assert all(0.0 <= r.score <= 1.0 for r in reports)


def test_forest_schedule_spreads_services_by_phase() -> None:
    def fits(phase: int) -> list[int]:
        scorer = ForestScorer(
            trees=5, min_windows=30, refit_windows=240, history=720, seed=1, phase=phase
        )
        at = []
        for n in range(1, 2000):
            scorer.learn_one([float(n), 1.0])
            if scorer.needs_refit():
                scorer.fit_snapshot()
                scorer.install_model(None)
                at.append(n)
        return at

    first = {fits(phase)[0] for phase in range(40)}
    assert min(first) == 30 and max(first) == 44  # the first fit spread over half a warm-up
    steady = [fits(phase)[-3:] for phase in (0, 97, 1000)]
    for at in steady:
        assert at[1] - at[0] == at[2] - at[1] == 240  # every refit period once in phase
    assert len({at[-1] % 240 for at in steady}) == 3  # ... at each service's own phase


def test_feature_ring_wraps_and_skips() -> None:
    ring = FeatureRing(5)
    for i in range(40):
        ring.append([float(i), -float(i)])
    assert len(ring) == 5
    assert ring.last(3).tolist() == [[37.0, -37.0], [38.0, -38.0], [39.0, -39.0]]
    assert ring.last(10, skip=2)[:, 0].tolist() == [35.0, 36.0, 37.0]
    assert ring.rows()[0] == [35.0, -35.0]
    assert ring.last(1, skip=5).shape == (0, 2)


def test_half_space_trees_restored_from_state_score_exactly_as_the_original() -> None:
    import orjson

    rng = np.random.default_rng(3)
    stream = [
        {"a": float(v[0]), "b": float(v[1]) * 10, "c": float(v[2] > 1.5)}
        for v in rng.normal(size=(260, 3))
    ]
    for cut in (0, 5, 10, 19, 20, 21, 39, 40, 41, 95, 200):
        original = HalfSpaceScorer(trees=6, height=5, window=10, seed=4)
        for x in stream[:cut]:
            original.learn_one(x)
        state = orjson.loads(orjson.dumps(original.state()))  # as it travels
        assert len(state["points"]) <= 20
        copy = HalfSpaceScorer.restore(state, trees=6, height=5, window=10, seed=4)
        for x in stream[cut : cut + 60]:
            assert copy.score_one(x) == original.score_one(x), cut
            original.learn_one(x)
            copy.learn_one(x)
        assert (copy.mean, copy.var, copy.seen) == (original.mean, original.var, original.seen)


def test_a_half_space_state_that_does_not_add_up_is_refused() -> None:
    import pytest

    from pipeline.errors import SnapshotError

    scorer = HalfSpaceScorer(trees=2, height=3, window=10, seed=1)
    for i in range(25):
        scorer.learn_one({"x": float(i)})
    state = scorer.state()
    state["points"] = state["points"][1:]
    with pytest.raises(SnapshotError):
        HalfSpaceScorer.restore(state, trees=2, height=3, window=10, seed=1)


def test_a_half_space_snapshot_from_the_min_max_scaler_still_loads() -> None:
    scorer = HalfSpaceScorer(trees=4, height=4, window=10, seed=2)
    for i in range(45):
        scorer.learn_one({"x": float(i % 4), "y": float(i % 3)})
    state = scorer.state()
    old = {k: v for k, v in state.items() if not k.startswith("stats_") and k != "features"}
    old["range_at_start"] = {"x": [0.0, 3.0], "y": [0.0, 2.0]}
    old["range_at_window"] = {"x": [0.0, 3.0], "y": [0.0, 2.0]}
    copy = HalfSpaceScorer.restore(old, trees=4, height=4, window=10, seed=2)
    assert copy.seen == 45 and copy.points == scorer.points
    # Rebuilt from the replay points alone: ordinary points stay ordinary, an outlier is not.
    assert copy.score_one({"x": 1.0, "y": 1.0}) < 0.5 < copy.score_one({"x": 90.0, "y": 50.0})


def test_fast_forest_is_calibrated_on_its_latest_rows() -> None:
    data = np.random.default_rng(2).normal(size=(400, 3))
    model = fit_forest(data, 20, 5)
    train = [model.raw_score(row) for row in data[-256:].tolist()]
    assert model.train_mean == pytest.approx(float(np.mean(train)), abs=1e-9)
    assert model.train_std == pytest.approx(max(float(np.std(train)), 0.01), abs=1e-9)
    # Three training deviations above the mean is the calibrated midpoint.
    assert model.score([0.0] * 3) < 0.5


def test_half_space_trees_are_built_only_when_first_read_and_score_as_if_built_at_once() -> None:
    lazy = HalfSpaceScorer(trees=10, height=6, window=30, seed=3)
    eager = HalfSpaceScorer(trees=10, height=6, window=30, seed=3)
    assert eager.model is not None  # built now: every point goes straight into its trees
    rng = np.random.default_rng(5)
    points = [{"a": float(v), "b": float(w)} for v, w in rng.normal(10, 2, size=(150, 2))]
    for point in points[:29]:
        lazy.learn_one(point)
        eager.learn_one(point)
    assert not lazy.built  # a service seen for less than a tree window holds no trees
    scores = []
    for point in points[29:]:
        lazy.learn_one(point)
        eager.learn_one(point)
        scores.append((lazy.score_one(point), eager.score_one(point)))
    assert lazy.built
    assert all(a == b for a, b in scores)
    assert sum(a > 0 for a, _ in scores) > 50  # scored, not the warm-up's zeros
    odd = {"a": 40.0, "b": -9.0}
    assert lazy.score_one(odd) == eager.score_one(odd) > 0.6
