from __future__ import annotations

import math

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.analysis.config import RecordLimits
from pipeline.analysis.levels import level_code
from pipeline.analysis.records import RecordRejected, parse_payload, parse_record


def test_canonical_fields_and_aliases() -> None:
    rec = parse_record(
        {
            "app": "auth",
            "severity": "warn",
            "msg": "hi",
            "@timestamp": "2026-01-01T00:00:00Z",
            "hostname": "h1",
            "traceId": "t",
        }
    )
    assert (rec.service_name, rec.log_level, rec.message, rec.host, rec.trace_id) == (
        "auth",
        "WARNING",
        "hi",
        "h1",
        "t",
    )
    assert rec.timestamp == 1_767_225_600.0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1_767_225_600, 1_767_225_600.0),
        (1_767_225_600_123, 1_767_225_600.123),
        ("1767225600", 1_767_225_600.0),
        ("2026-01-01T00:00:00+01:00", 1_767_222_000.0),
        ("2026-01-01 00:00:00", 1_767_225_600.0),
    ],
)
def test_timestamp_formats(raw: object, expected: float) -> None:
    rec = parse_record({"service": "s", "message": "m", "ts": raw})
    assert math.isclose(rec.timestamp, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("WARN", "WARNING"),
        ("fatal", "CRITICAL"),
        ("CRIT", "CRITICAL"),
        ("err", "ERROR"),
        (3, "ERROR"),
        (4, "WARNING"),
        (0, "CRITICAL"),
        (7, "DEBUG"),
        (40, "ERROR"),
        ("notice", "INFO"),
        ("trace", "DEBUG"),
    ],
)
def test_level_normalisation(raw: object, expected: str) -> None:
    assert (
        parse_record({"service": "s", "message": "m", "ts": 1, "level": raw}).log_level == expected
    )


def test_unknown_level_and_missing_fields_are_named() -> None:
    with pytest.raises(RecordRejected) as exc:
        parse_record({"service": "s", "message": "m", "ts": 1, "level": "loud"})
    assert exc.value.field == "log_level"
    with pytest.raises(RecordRejected) as exc:
        parse_record({"message": "m", "ts": 1})
    assert exc.value.field == "service_name"
    with pytest.raises(RecordRejected) as exc:
        parse_record({"service": "s", "ts": 1})
    assert exc.value.field == "message"
    with pytest.raises(RecordRejected) as exc:
        parse_record({"service": "s", "message": "m"})
    assert exc.value.field == "timestamp"
    assert level_code(True) is None


def test_event_id_sender_or_derived() -> None:
    base = {"service": "s", "message": "m", "ts": 5}
    assert parse_record({**base, "id": 42}).event_id == "42"
    first = parse_record(base).event_id
    assert first == parse_record(dict(base)).event_id  # deterministic
    assert first.startswith("d-")
    assert parse_record(base, position=1).event_id != first  # position matters
    assert parse_record({**base, "message": "n"}).event_id != first
    # The alias spelling does not change the id, the content does.
    assert parse_record({"app": "s", "msg": "m", "time": 5}).event_id == first


def test_limits_reject_and_truncate() -> None:
    limits = RecordLimits(max_message_chars=10, max_field_chars=5, max_metadata_keys=1)
    rec = parse_record({"service": "s", "message": "x" * 50, "ts": 1}, limits=limits)
    assert rec.truncated and len(rec.message) == 10
    with pytest.raises(RecordRejected) as exc:
        parse_record({"service": "long-name", "message": "m", "ts": 1}, limits=limits)
    assert exc.value.field == "service_name"
    with pytest.raises(RecordRejected) as exc:
        parse_record(
            {"service": "s", "message": "m", "ts": 1, "metadata": {"a": 1, "b": 2}}, limits=limits
        )
    assert exc.value.field == "metadata"


def test_future_timestamps_are_clamped_and_flagged() -> None:
    rec = parse_record({"service": "s", "message": "m", "ts": 10_000}, received_at=1_000.0)
    assert rec.clamped and rec.timestamp == 1_000.0
    ok = parse_record({"service": "s", "message": "m", "ts": 1_200}, received_at=1_000.0)
    assert not ok.clamped and ok.timestamp == 1_200


def test_payload_list_positions_and_partial_failure() -> None:
    data = orjson.dumps(
        [
            {"service": "s", "message": "m", "ts": 1},
            {"service": "s", "ts": 1},
            {"service": "s", "message": "m", "ts": 1},
        ]
    )
    results = parse_payload(data)
    assert isinstance(results[1], RecordRejected) and results[1].position == 1
    first, third = results[0], results[2]
    assert not isinstance(first, RecordRejected) and not isinstance(third, RecordRejected)
    assert first.event_id != third.event_id
    assert isinstance(parse_payload(b"{not json")[0], RecordRejected)
    single = parse_payload(b'{"service": "s", "message": "m", "ts": 1}')[0]
    assert not isinstance(single, RecordRejected) and single.event_id == first.event_id


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(
    [
        "service",
        "app",
        "level",
        "severity",
        "msg",
        "message",
        "ts",
        "time",
        "@timestamp",
        "id",
        "event_id",
        "metadata",
        "host",
        "trace_id",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, json_values, max_size=8) | json_values)
def test_parser_never_raises_anything_but_rejection(obj: object) -> None:
    try:
        rec = parse_record(obj, received_at=1_000_000.0)
    except RecordRejected as exc:
        assert exc.field and exc.reason
    else:
        assert rec.service_name and isinstance(rec.timestamp, float)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_payload_never_raises_on_garbage_bytes(data: bytes) -> None:
    for item in parse_payload(data):
        assert item is not None


def test_oversized_record_is_rejected() -> None:
    limits = RecordLimits(max_record_bytes=100)
    big = orjson.dumps({"service": "s", "message": "x" * 200, "ts": 1})
    result = parse_payload(big, limits=limits)
    assert isinstance(result[0], RecordRejected) and result[0].field == "record"
