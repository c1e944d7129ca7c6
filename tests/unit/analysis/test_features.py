"""Window features per service."""

from __future__ import annotations

import math

from tests.unit.analysis.helpers import normal_mix, run


def test_features_of_a_window() -> None:
    mix = {
        m: [("a", "INFO", 60), ("b", "DEBUG", 30), ("w", "WARNING", 6), ("e", "ERROR", 4)]
        for m in range(20)
    }
    mix[20] = [("a", "INFO", 10), ("b", "DEBUG", 10), ("new", "INFO", 70), ("boom", "ERROR", 10)]
    _, reports = run(range(22), override=mix)
    steady = reports[19].features
    assert steady["volume"] == 100 and math.isclose(steady["error_rate"], 0.04)
    assert math.isclose(steady["warning_rate"], 0.06)
    assert math.isclose(steady["info_rate"], 60 / 60) and math.isclose(
        steady["error_per_s"], 4 / 60
    )
    assert steady["distinct_templates"] == 4 and steady["new_templates"] == 0
    assert math.isclose(steady["top_share"], 0.96)  # top three templates
    assert steady["js_divergence"] < 0.01 and steady["rare_ratio"] == 0.0

    changed = reports[20].features
    assert changed["new_info_templates"] == 1 and changed["new_warning_templates"] == 1
    assert changed["js_divergence"] > 0.3
    assert math.isclose(changed["rare_ratio"], 0.8)  # the two never-seen templates


def test_window_score_is_in_range() -> None:
    _, reports = run(range(100), override={m: normal_mix(200, m) for m in range(100)})
    assert all(0.0 <= r.score <= 1.0 for r in reports)
    # Once warm, the models produce their own scores too.
    assert any(r.extra["forest"] > 0 for r in reports[60:])
