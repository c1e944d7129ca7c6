"""Alias folding, summaries, pattern trends, series buckets and the join of stored and live
windows."""

from __future__ import annotations

from datetime import UTC, datetime

from pipeline.insights.live import LiveWindow
from web import history
from web.history import SeriesBucket, SummaryParts, TemplateInfo


def info(
    tid: str, level: str = "INFO", merged: str | None = None, svc: str = "api"
) -> TemplateInfo:
    seen = datetime(2026, 12, 3, tzinfo=UTC)
    return TemplateInfo("api", tid, f"text of {tid}", level, seen, seen, 1, merged)


def test_merged_templates_follow_their_chain_to_the_last_id() -> None:
    templates = {
        ("api", t.template_id): t for t in (info("a", merged="b"), info("b", merged="c"), info("c"))
    }
    final = history.final_ids(templates)
    assert final == {("api", "a"): "c", ("api", "b"): "c", ("api", "c"): "c"}
    folded = history.fold([(("api", "a"), 2), (("api", "c"), 3), (("api", "x"), 1)], final)
    assert folded == {("api", "c"): 5, ("api", "x"): 1}


def test_a_cycle_stops_where_it_closes() -> None:
    templates = {("api", "a"): info("a", merged="b"), ("api", "b"): info("b", merged="a")}
    assert history.final_ids(templates)[("api", "a")] in {"a", "b"}


def window(start: float, volume: int = 10, errors: int = 0, closed: bool = True) -> LiveWindow:
    return LiveWindow(start, start + 60, volume, errors, (("t", volume),), closed)


def test_live_windows_fill_in_after_the_newest_stored_one_only() -> None:
    live = [window(60), window(120), window(180, closed=False)]
    assert [w.start for w in history.unstored(live, 60.0, 0, 1000)] == [120, 180]
    assert [w.start for w in history.unstored(live, None, 0, 150)] == [60, 120]
    assert history.unstored(live, 180.0, 0, 1000) == []


def test_summary_has_the_seeds_shape_and_counts_live_windows() -> None:
    templates = {("api", "e1"): info("e1", "ERROR"), ("api", "ok"): info("ok")}
    parts = SummaryParts(
        "api",
        lines=90,
        errors=9,
        template_lines={("api", "e1"): 9, ("api", "ok"): 81},
        templates=templates,
        anomalies=2,
        recommendations=[{"recommendation": "Increase pool"}, {"recommendation": "Increase pool"}],
        live=[window(600, volume=10, errors=1, closed=False)],
    )
    found = history.summary(parts)
    assert found["total_logs"] == 100 and found["error_rate"] == 10.0
    assert found["common_errors"] == ["text of e1"]
    assert found["recommendations"] == ["Increase pool"]
    assert (found["anomalies_detected"], found["open_windows"]) == (2, 1)
    assert set(found) >= {"service", "total_logs", "error_rate", "common_errors",
                          "anomalies_detected", "recommendations"}  # fmt: skip


def test_an_empty_range_has_a_zero_error_rate() -> None:
    parts = SummaryParts("api", 0, 0, {}, {}, 0, [])
    assert history.summary(parts)["error_rate"] == 0.0


def test_pattern_trends_put_each_window_in_its_bucket_under_the_final_id() -> None:
    rows = [
        (("api", "a"), 0.0, 2),
        (("api", "b"), 60.0, 3),
        (("api", "b"), 3540.0, 4),
        (("api", "b"), 3600.0, 100),  # outside [0, 3600)
    ]
    found = history.pattern_counts(rows, {("api", "a"): "b"}, 0.0, 3600.0, 60)
    counts = found[("api", "b")]
    assert counts.lines == 9 and len(counts.trend) == 60
    assert (counts.trend[0], counts.trend[1], counts.trend[59]) == (2, 3, 4)
    assert (counts.first_window, counts.last_window) == (0.0, 3540.0)


def test_a_trend_has_at_most_sixty_buckets_of_whole_windows() -> None:
    assert history.bucket_seconds(0, 3600, 60) == 60
    assert history.bucket_seconds(0, 7 * 86400, 60) == 10080
    assert history.bucket_seconds(0, 900, 60) == 60


def scored(
    start: float, volume: int, errors: int, score: float | None, *kinds: str, closed: bool = True
) -> LiveWindow:
    return LiveWindow(start, start + 60, volume, errors, (), closed, score, kinds)


def test_live_windows_fold_into_their_buckets_and_an_open_one_marks_its_bucket() -> None:
    stored = [
        SeriesBucket(0.0, 5, 50, 1, 0.4, 1, {"volume_spike"}),
        SeriesBucket(300.0, 5, 50, 0, 0.2),
    ]
    live = [
        scored(540, 10, 2, 0.9, "error_rate", "volume_spike"),  # into the stored 300 s bucket
        scored(600, 7, 7, None, closed=False),  # a new bucket, still open
        scored(660, 3, 0, None, closed=False),
    ]
    found = history.series(stored, live, 300)
    assert [b.start for b in found] == [0.0, 300.0, 600.0]
    middle, last = found[1], found[2]
    assert (middle.windows, middle.volume, middle.errors, middle.max_score) == (6, 60, 2, 0.9)
    assert (middle.anomalous_windows, middle.anomaly_kinds, middle.open) == (
        1, {"error_rate", "volume_spike"}, False,
    )  # fmt: skip
    assert (last.windows, last.volume, last.errors, last.max_score, last.open) == (
        2, 10, 7, None, True,
    )  # fmt: skip
    # The stored buckets given are left as they were.
    assert stored[1].windows == 5 and stored[1].anomaly_kinds == set()


def test_a_lower_live_score_does_not_lower_the_buckets_highest() -> None:
    (found,) = history.series([SeriesBucket(0.0, 1, 1, 0, 0.7)], [scored(60, 1, 0, 0.1)], 300)
    assert found.max_score == 0.7


def test_a_series_item_has_the_buckets_bounds_and_rate_in_percent() -> None:
    bucket = SeriesBucket(3600.0, 4, 200, 3, 0.123456, 1, {"volume_spike", "error_rate"}, True)
    assert history.series_item(bucket, 300) == {
        "bucket_start": "1970-01-01T01:00:00Z",
        "bucket_end": "1970-01-01T01:05:00Z",
        "windows": 4,
        "volume": 200,
        "errors": 3,
        "error_rate": 1.5,
        "max_score": 0.1235,
        "anomalous_windows": 1,
        "anomaly_kinds": ["error_rate", "volume_spike"],
        "open": True,
    }
    empty = history.series_item(SeriesBucket(0.0, 1, 0, 0), 60)
    assert (empty["error_rate"], empty["max_score"]) == (0.0, None)


def test_times_are_written_in_utc_with_a_z_even_at_the_edges_of_the_calendar() -> None:
    assert history.iso(0.0) == "1970-01-01T00:00:00Z"
    last = datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    assert history.iso(last) == "9999-12-31T23:59:59.999999Z"
    assert (
        history.iso(datetime(2026, 12, 3, 12, 0, 0, 5, tzinfo=UTC)) == "2026-12-03T12:00:00.000005Z"
    )
