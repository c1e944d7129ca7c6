"""Error analysis, recommendations and the seed-shaped summary."""

from __future__ import annotations

from pipeline.analysis.recommendations import categorise, recommend
from tests.unit.analysis.helpers import normal_mix, run


def test_categories() -> None:
    assert categorise("Timeout after <*> ms calling provider") == "timeout"
    assert categorise("JWT signature verification failed: key expired") == "auth_token"
    assert categorise("OutOfMemoryError while merging segment <*>") == "out_of_memory"
    assert categorise("Connection refused by smtp relay <*>") == "connection_refused"
    assert categorise("write failed: No space left on device") == "disk_full"
    assert categorise("Rate limit exceeded for client <*>: 429 returned") == "rate_limit"
    assert categorise("User <*> logged in") is None


def test_recommendations_cite_their_templates() -> None:
    recs = recommend(
        [("t1", "Database timeout after <*> ms"), ("t2", "JWT expired for <*>")], ["volume_drop"]
    )
    by_category = {r.category: r for r in recs}
    assert by_category["timeout"].template_ids == ("t1",)
    assert by_category["auth_token"].template_ids == ("t2",)
    assert "volume_drop" in by_category


def test_summary_shape_and_error_analysis() -> None:
    mix = {m: [*normal_mix(200, m), ("dbtimeout", "ERROR", 10)] for m in range(0, 30)}
    engine, _ = run(range(30), override=mix)
    engine.flush()
    summary = engine.summary("api")
    assert summary is not None
    for key in (
        "service",
        "total_logs",
        "error_rate",
        "common_errors",
        "anomalies_detected",
        "recommendations",
        "common_error_details",
        "recommendation_details",
        "time_range",
    ):
        assert key in summary
    assert summary["service"] == "api"
    assert summary["total_logs"] == sum(sum(c for _, _, c in mix[m]) for m in range(30))
    assert 0 < summary["error_rate"] < 100
    top = summary["common_error_details"][0]
    assert top["template_id"] == "dbtimeout" and top["example"].startswith("dbtimeout message")
    assert top["severity"] in ("low", "medium", "high", "critical")
    assert summary["common_errors"][0] == "dbtimeout <*>"
    assert summary["time_range"]["start"].startswith("2026-01-01T00:00")
    assert engine.summary("missing") is None


def test_resolve_templates_folds_merged_siblings() -> None:
    mix = {
        m: [*normal_mix(200, m), ("err-a", "ERROR", 2), ("err-b", "ERROR", 3)] for m in range(20)
    }
    engine, _ = run(range(20), override=mix)
    engine.flush()
    merged = {"err-a": "err-any", "err-b": "err-any"}
    assert engine.resolve_templates("api", lambda tid: merged.get(tid, tid)) == 2
    summary = engine.summary("api")
    assert summary is not None
    top = summary["common_error_details"][0]
    assert top["template_id"] == "err-any" and top["count"] == 5 * 20
