"""Query parameters: validation, time ranges, paging, cursors, search bounds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import get_args

import pytest
from multidict import MultiDict

from web.params import (
    BUCKETS,
    AnomaliesQuery,
    InvalidParams,
    LogsQuery,
    ParamError,
    SeriesQuery,
    SummaryQuery,
    check_search,
    decode_cursor,
    encode_cursor,
    like_pattern,
    parse_query,
)

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def logs(**params: str | list[str]) -> LogsQuery:
    pairs = [(k, v) for k, vs in params.items() for v in ([vs] if isinstance(vs, str) else vs)]
    return parse_query(LogsQuery, MultiDict(pairs))


def problems(**params: str | list[str]) -> dict[str, str]:
    with pytest.raises(InvalidParams) as caught:
        logs(**params)
    return {p.field: p.reason for p in caught.value.problems}


def test_the_seeds_example_request_is_valid() -> None:
    query = logs(service_name="auth_service", log_level="ERROR", page="1", page_size="50")
    assert (query.service_name, query.log_level, query.page, query.page_size) == (
        "auth_service", ["ERROR"], 1, 50,
    )  # fmt: skip


def test_levels_repeat_or_take_commas_any_case_and_warn_is_warning() -> None:
    assert logs(log_level=["error", "WARN,critical"]).log_level == ["ERROR", "WARNING", "CRITICAL"]
    assert "log_level" in problems(log_level="LOUD")


def test_a_page_size_over_500_is_an_error_not_clamped() -> None:
    assert "page_size" in problems(page_size="501")
    assert "page_size" in problems(page_size="0")
    assert "page" in problems(page="0")
    assert "page" in problems(page="x")


def test_unknown_or_repeated_single_parameters_are_errors() -> None:
    assert problems(servce_name="a") == {"servce_name": "unknown parameter"}
    assert problems(service_name=["a", "b"]) == {"service_name": "given more than once"}


def test_hostile_values_are_refused_with_the_field() -> None:
    assert "service_name" in problems(service_name="a\x00b")
    assert "service_name" in problems(service_name="x" * 201)
    assert "q" in problems(q="y" * 201)
    assert "start_time" in problems(start_time="yesterday")
    assert "range" in problems(range="2h")
    assert "cursor" in problems(cursor="c" * 600)


def test_time_range_defaults_to_the_last_hour() -> None:
    assert logs().window(NOW) == (NOW - timedelta(hours=1), NOW)
    assert logs(range="7d").window(NOW) == (NOW - timedelta(days=7), NOW)


def test_explicit_times_without_offset_are_utc_and_must_be_ordered() -> None:
    query = logs(start_time="2026-12-01T00:00:00", end_time="2026-12-01T06:00:00+01:00")
    assert query.window(NOW) == (
        datetime(2026, 12, 1, tzinfo=UTC),
        datetime(2026, 12, 1, 5, tzinfo=UTC),
    )
    with pytest.raises(ParamError) as caught:
        logs(start_time="2026-12-02T00:00:00Z", end_time="2026-12-01T00:00:00Z").window(NOW)
    assert caught.value.field == "start_time"


def test_range_with_explicit_times_or_a_span_past_31_days_is_an_error() -> None:
    with pytest.raises(ParamError, match="not both"):
        logs(range="1h", start_time="2026-12-01T00:00:00Z").window(NOW)
    with pytest.raises(ParamError, match="31 days"):
        logs(start_time="2026-10-01T00:00:00Z").window(NOW)


def test_deep_offsets_need_the_cursor() -> None:
    assert logs(page="3", page_size="100").offset() == 200
    with pytest.raises(ParamError, match="cursor"):
        logs(page="202", page_size="50").offset()
    assert logs(page="900", cursor="abc").offset() == 0


def test_search_is_bounded_to_a_day_and_past_an_hour_to_a_service() -> None:
    check_search("x", None, NOW - timedelta(hours=1), NOW)
    check_search("x", "api", NOW - timedelta(hours=24), NOW)
    with pytest.raises(ParamError, match="service_name"):
        check_search("x", None, NOW - timedelta(hours=2), NOW)
    with pytest.raises(ParamError, match="24 h"):
        check_search("x", "api", NOW - timedelta(hours=25), NOW)
    check_search(None, None, NOW - timedelta(days=7), NOW)


def test_a_search_matches_its_text_literally() -> None:
    assert like_pattern("50%_done\\") == "%50\\%\\_done\\\\%"


def test_cursors_round_trip_and_forged_ones_are_refused() -> None:
    cursor = encode_cursor("2026-12-03T11:00:00+00:00", "evt-1")
    assert decode_cursor(cursor, (str, str)) == ["2026-12-03T11:00:00+00:00", "evt-1"]
    for forged in ("!!", "bm90IGpzb24", encode_cursor(1, 2), encode_cursor("a"), "e30"):
        with pytest.raises(ParamError):
            decode_cursor(forged, (str, str))
    with pytest.raises(ParamError):
        decode_cursor(encode_cursor(True), (int,))


def test_anomaly_filters() -> None:
    query = parse_query(
        AnomaliesQuery, MultiDict([("severity", "high,critical"), ("status", "open")])
    )
    assert (query.severity, query.status) == (["high", "critical"], "open")
    with pytest.raises(InvalidParams):
        parse_query(AnomaliesQuery, MultiDict([("status", "closed")]))


def test_summary_takes_no_paging() -> None:
    with pytest.raises(InvalidParams):
        parse_query(SummaryQuery, MultiDict([("page", "1")]))


def series(**params: str) -> SeriesQuery:
    return parse_query(SeriesQuery, MultiDict(params))


def bucket_of(window_seconds: int = 60, **params: str) -> int:
    query = series(**params)
    return query.bucket_seconds(*query.window(NOW), window_seconds)


def test_the_series_buckets_are_the_documented_ones() -> None:
    (names, _none) = get_args(SeriesQuery.model_fields["bucket"].annotation)
    assert list(get_args(names)) == list(BUCKETS)


def test_without_a_bucket_the_smallest_giving_at_most_120_is_chosen() -> None:
    chosen = {r: bucket_of(range=r) for r in ("15m", "1h", "6h", "24h", "7d")}
    assert chosen == {"15m": 60, "1h": 60, "6h": 300, "24h": 900, "7d": 7200}
    # Two hours from a whole minute hold exactly 120 one-minute buckets; a second more, 121.
    assert bucket_of(start_time="2026-12-03T09:00:00Z", end_time="2026-12-03T11:00:00Z") == 60
    assert bucket_of(start_time="2026-12-03T09:00:00Z", end_time="2026-12-03T11:00:01Z") == 300
    # 31 days: 124 buckets of 6 h are too many, 62 of 12 h are not.
    assert bucket_of(start_time="2026-11-02T12:00:00Z") == 43200


def test_an_asked_bucket_is_kept_and_never_smaller_than_a_window() -> None:
    assert bucket_of(range="24h", bucket="1h") == 3600
    assert bucket_of(300, range="1h", bucket="1m") == 300
    # Rounded up to whole windows: a bucket never splits one.
    assert bucket_of(90, range="1h", bucket="5m") == 360
    assert bucket_of(600, range="7d") == 7200


def test_a_range_holding_more_than_2000_buckets_is_refused() -> None:
    assert bucket_of(range="24h", bucket="1m") == 60
    with pytest.raises(ParamError) as caught:
        bucket_of(range="7d", bucket="5m")
    assert caught.value.field == "bucket" and "2016 buckets" in caught.value.reason
    assert "larger bucket" in caught.value.reason


def test_a_series_refuses_unknown_buckets_and_parameters() -> None:
    for params in ({"bucket": "3m"}, {"page": "1"}, {"bucket": "1m", "bucket_size": "1"}):
        with pytest.raises(InvalidParams):
            series(**params)
