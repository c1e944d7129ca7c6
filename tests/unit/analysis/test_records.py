from __future__ import annotations

import hashlib
import json
import math
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import errors
from pipeline.analysis.config import RecordLimits
from pipeline.analysis.levels import level_code
from pipeline.analysis.records import (
    LogRecord,
    RecordRejected,
    derive_event_id,
    parse_payload,
    parse_record,
)
from tests.unit.analysis.helpers import strings


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
        # Naive is UTC; fractions of any length; "Z" and "+00:00"; padding around.
        ("2026-01-01T00:00:00.25", 1_767_225_600.25),
        ("2026-01-01T00:00:01.123456789Z", 1_767_225_601.123456),
        (" 2026-01-01T00:00:00.5+00:00 ", 1_767_225_600.5),
        ("2026-01-01T01:00:00.5+01:00", 1_767_225_600.5),
        ("1767225600.5", 1_767_225_600.5),
    ],
)
def test_timestamp_formats(raw: object, expected: float) -> None:
    rec = parse_record({"service": "s", "message": "m", "ts": raw})
    assert math.isclose(rec.timestamp, expected, abs_tol=1e-6)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("2026-13-01T00:00:00Z", "not ISO-8601 or epoch"),
        ("9999-12-31T23:59:59Z", "outside 1970..2200"),
        ("1969-12-31T23:59:59Z", "outside 1970..2200"),
        (True, "a boolean is not a time"),
        ("", "empty"),
    ],
)
def test_bad_timestamps_are_rejected_with_the_reason(raw: object, reason: str) -> None:
    with pytest.raises(errors.RecordRejected, match=reason):
        parse_record({"service": "s", "message": "m", "ts": raw})


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
    # The id is a function of what was sent, key names included: another alias is another record.
    assert parse_record({"app": "s", "msg": "m", "time": 5}).event_id != first


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


# --- RecordRejected lives in pipeline.errors ------------------------------------------------------


def test_record_rejected_is_the_shared_exception() -> None:
    assert RecordRejected is errors.RecordRejected
    with pytest.raises(errors.LogAnalysisError) as exc:
        parse_record({"message": "m", "ts": 1}, position=3)
    assert isinstance(exc.value, RecordRejected)
    assert (exc.value.field, exc.value.position) == ("service_name", 3)


def test_log_record_keeps_positional_construction() -> None:
    # ``sanitized`` is appended with a default: the 11-field positional form still works.
    rec = LogRecord("e", 1.0, "s", "INFO", "m", None, None, None, 20, False, True)
    assert rec.truncated and not rec.sanitized
    assert LogRecord._fields[-3:] == ("clamped", "truncated", "sanitized")


# --- NUL characters and surrogates ----------------------------------------------------------------

BASE: dict[str, Any] = {"service": "s", "message": "m", "ts": 5}


def assert_storable(rec: LogRecord) -> None:
    """What PostgreSQL text/jsonb and orjson accept: no NUL, valid UTF-8."""
    for text in strings(list(rec)):
        assert "\x00" not in text
        text.encode("utf-8")  # raises on surrogates
    orjson.dumps(rec.to_dict())


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("service", "service_name"),
        ("app", "service_name"),
        ("level", "log_level"),
        ("host", "host"),
        ("trace_id", "trace_id"),
        ("event_id", "event_id"),
        ("id", "event_id"),
        ("eventId", "event_id"),
    ],
)
@pytest.mark.parametrize(
    ("bad", "reason"),
    [("\x00", "contains a NUL character"), ("\ud800", "contains a surrogate code point")],
    ids=["nul", "surrogate"],
)
def test_identifiers_with_nul_or_surrogate_are_rejected(
    key: str, field: str, bad: str, reason: str
) -> None:
    obj = {k: v for k, v in BASE.items() if not (key == "app" and k == "service")}
    obj[key] = f"info{bad}x" if key == "level" else f"ab{bad}c"
    with pytest.raises(RecordRejected) as exc:
        parse_record(obj, position=2)
    assert (exc.value.field, exc.value.reason, exc.value.position) == (field, reason, 2)
    # The same through the bytes path (orjson reads the \\u0000 escape as a NUL).
    if bad == "\x00":
        [result] = parse_payload(orjson.dumps(obj))
        assert isinstance(result, RecordRejected)
        assert (result.field, result.reason) == (field, reason)


def test_nul_in_message_is_replaced_and_flagged() -> None:
    rec = parse_record({**BASE, "message": "a\x00b\x00"})
    assert rec.message == "a\ufffdb\ufffd"
    assert rec.sanitized and not rec.truncated and not rec.clamped
    assert_storable(rec)
    # The id is derived from what was sent, not from the repaired text.
    assert rec.event_id != parse_record({**BASE, "message": "a\ufffdb\ufffd"}).event_id
    [from_bytes] = parse_payload(b'{"service":"s","message":"a\\u0000b\\u0000","ts":5}')
    assert from_bytes == rec


def test_nul_in_metadata_keys_and_nested_values_is_replaced() -> None:
    sent = {
        **BASE,
        "metadata": {"k\x00": ["v\x00", {"deep\x00": "x\x00y"}], "plain": 1},
        "extra\x00field": "z\x00",  # unknown top-level field: goes to metadata
    }
    [rec] = parse_payload(orjson.dumps(sent))
    assert not isinstance(rec, RecordRejected)
    assert rec.metadata == {
        "k\ufffd": ["v\ufffd", {"deep\ufffd": "x\ufffdy"}],
        "plain": 1,
        "extra\ufffdfield": "z\ufffd",
    }
    assert rec.sanitized and rec.message == "m"
    assert_storable(rec)


def test_metadata_keys_that_collide_after_repair_keep_the_first() -> None:
    rec = parse_record({**BASE, "metadata": {"a\x00": 1, "a\ufffd": 2}})
    assert rec.metadata == {"a\ufffd": 1} and rec.sanitized


def test_escaped_backslash_u0000_text_is_not_a_nul() -> None:
    # orjson writes a backslash as \\, so this text serialises to \\u0000: a false hit of
    # the screen that must leave the record untouched.
    text = "C:\\u0000\\dir"
    rec = parse_record({**BASE, "message": text, "metadata": {text: text}})
    assert rec.message == text and rec.metadata == {text: text}
    assert not rec.sanitized
    [from_bytes] = parse_payload(orjson.dumps({**BASE, "message": text}))
    assert not isinstance(from_bytes, RecordRejected)
    assert from_bytes.message == text and not from_bytes.sanitized


def test_clean_records_are_not_flagged() -> None:
    rec = parse_record({**BASE, "message": "ünïcode 😀 \ufffd", "metadata": {"a": ["b"]}})
    assert not rec.sanitized and rec.message == "ünïcode 😀 \ufffd"


def test_surrogates_in_message_and_metadata_are_repaired() -> None:
    # Possible only from Python callers (a stdlib json.loads of a str payload, for instance).
    sent = json.loads('{"service": "s", "message": "a\\ud800b\\ud83d\\ude00", "ts": 5}')
    assert sent["message"] == "a\ud800b\U0001f600"  # json pairs escapes; the lone one stays
    rec = parse_record(sent)
    assert rec.message == "a\ufffdb\U0001f600" and rec.sanitized
    assert_storable(rec)
    # A pair held as two code points becomes the character it encodes.
    pair = parse_record({**BASE, "message": "x\ud83d\ude00", "metadata": {"k\udc00": ["\ud800"]}})
    assert pair.message == "x\U0001f600"
    assert pair.metadata == {"k\ufffd": ["\ufffd"]} and pair.sanitized
    assert_storable(pair)


def test_surrogate_records_get_distinct_deterministic_ids() -> None:
    lone = {**BASE, "message": "a\ud800"}
    first = parse_record(lone, position=1).event_id
    assert first == parse_record(dict(lone), position=1).event_id
    assert first == derive_event_id(lone, 1)
    # Not the id of the repaired text, nor of the other surrogate, nor of another position.
    assert first != parse_record({**BASE, "message": "a\ufffd"}, position=1).event_id
    assert first != parse_record({**BASE, "message": "a\udc00"}, position=1).event_id
    assert first != parse_record(lone, position=2).event_id
    # A pair as two code points and the real character were sent differently.
    as_pair = parse_record({**BASE, "message": "\ud83d\ude00"}).event_id
    assert as_pair != parse_record({**BASE, "message": "\U0001f600"}).event_id
    # A surrogate in an unused alias is not stored, but still part of what was sent.
    unused = parse_record({**BASE, "app": "\ud800"})
    assert not unused.sanitized and unused.event_id != parse_record(BASE).event_id


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"metadata": {"a": {1, 2}}}, "metadata"),
        ({"metadata": {"n": 2**70}}, "metadata"),
        ({"metadata": {"k": {1: "non-string key"}}}, "metadata"),
        ({"x": object()}, "metadata"),
        ({"app": {1, 2}}, "record"),  # an unused alias: not stored, but not JSON
        ({"metadata": {"a": "\ud800", "b": {1}}}, "metadata"),
    ],
)
def test_values_orjson_cannot_serialise_are_rejected(extra: dict[str, Any], field: str) -> None:
    for obj in ({**BASE, **extra}, {**BASE, **extra, "id": "sent"}):
        with pytest.raises(RecordRejected) as exc:
            parse_record(obj)
        assert exc.value.field == field
        assert "serialisable" in exc.value.reason or "nested" in exc.value.reason


def test_nesting_orjson_cannot_write_is_rejected_not_crashed() -> None:
    # orjson reads 1024 levels but writes at most 254: such a record could never be stored.
    depth = 600
    data = b'{"service":"s","message":"m","ts":5,"metadata":{"d":' + b"[" * depth
    data += b'"\\u0000"' + b"]" * depth + b"}}"
    [result] = parse_payload(data)
    assert isinstance(result, RecordRejected) and result.field == "metadata"
    ok = b'{"service":"s","message":"m","ts":5,"metadata":{"d":' + b"[" * 100
    ok += b'"\\u0000"' + b"]" * 100 + b"}}"
    [rec] = parse_payload(ok)
    assert not isinstance(rec, RecordRejected) and rec.sanitized


# --- Event ids: only what the sender sent ---------------------------------------------------------


def expected_id(obj: dict[str, Any], position: int) -> str:
    """The documented rule, computed independently of the parser."""
    canonical = orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)
    return (
        "d-"
        + hashlib.blake2b(canonical + b"\x1f" + str(position).encode(), digest_size=16).hexdigest()
    )


def test_derived_id_is_the_documented_digest() -> None:
    obj = {"service": "s", "message": "m", "ts": 5, "metadata": {"b": 1, "a": [1.5, None]}}
    assert parse_record(obj, position=7).event_id == expected_id(obj, 7)
    assert derive_event_id(obj, 7) == expected_id(obj, 7)
    assert parse_record(obj).event_id == expected_id(obj, 0)


def test_missing_timestamp_id_does_not_depend_on_receive_time() -> None:
    obj = {"service": "s", "message": "m"}
    first = parse_record(obj, received_at=1_000.0)
    again = parse_record(obj, received_at=2_000.0)
    assert (first.timestamp, again.timestamp) == (1_000.0, 2_000.0)
    assert first.event_id == again.event_id == expected_id(obj, 0)
    data = orjson.dumps([obj, obj])
    one = parse_payload(data, received_at=1_000.0)
    two = parse_payload(data, received_at=9_999.0)
    assert [r.event_id for r in one if isinstance(r, LogRecord)] == [
        r.event_id for r in two if isinstance(r, LogRecord)
    ]


def test_clamped_timestamp_id_does_not_depend_on_receive_time() -> None:
    obj = {"service": "s", "message": "m", "ts": 7_000_000_000}  # year 2191: far future
    first = parse_record(obj, received_at=1_000.0)
    again = parse_record(obj, received_at=2_000.0, max_future_seconds=10.0)
    assert first.clamped and again.clamped and first.timestamp != again.timestamp
    assert first.event_id == again.event_id == parse_record(obj).event_id


def test_parser_choices_do_not_enter_the_id() -> None:
    obj = {"service": "s", "message": "x" * 50, "ts": 5}
    short = parse_record(obj, limits=RecordLimits(max_message_chars=10))
    assert short.truncated and short.event_id == parse_record(obj).event_id
    # A missing level defaults to INFO, but a sent "INFO" is a different record.
    assert parse_record(obj).log_level == "INFO"
    assert parse_record({**obj, "level": "INFO"}).event_id != parse_record(obj).event_id


def test_key_order_and_whitespace_do_not_change_the_id() -> None:
    compact = b'{"service":"s","message":"m","ts":5,"metadata":{"a":1,"b":[1,2]}}'
    spaced = (
        b'{ "metadata" : { "b" : [ 1 , 2 ] , "a" : 1 } ,\n'
        b' "ts" : 5 , "message":"m",\t"service":"s" }'
    )
    one, two = parse_payload(compact)[0], parse_payload(spaced)[0]
    assert isinstance(one, LogRecord) and isinstance(two, LogRecord)
    assert one.event_id == two.event_id
    # The same records inside a list, at position 1.
    three = parse_payload(b"[{}, " + spaced + b"]")[1]
    assert (
        isinstance(three, LogRecord)
        and three.event_id == parse_record(orjson.loads(compact), position=1).event_id
    )


def test_position_changes_the_id() -> None:
    ids = {parse_record(BASE, position=p).event_id for p in range(50)}
    assert len(ids) == 50


@pytest.mark.parametrize(
    "change",
    [
        {"service": "t"},
        {"message": "m2"},
        {"message": "m "},
        {"ts": 6},
        {"ts": 5.0},
        {"ts": "1970-01-01T00:00:05Z"},
        {"level": "info"},
        {"level": "INFO"},
        {"host": "h"},
        {"host": None},
        {"trace_id": "t"},
        {"metadata": {"a": 1}},
        {"metadata": {}},
        {"unknown": 1},
        {"app": "s"},
        {"id": None},
    ],
)
def test_a_change_in_any_field_changes_the_id(change: dict[str, Any]) -> None:
    base = {**BASE, "metadata": {"a": 2}}
    assert parse_record({**base, **change}).event_id != parse_record(base).event_id


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ({"event_id": "  Evt-1/Ä "}, "  Evt-1/Ä "),
        ({"id": 42}, "42"),
        ({"eventId": "d-not-ours"}, "d-not-ours"),
        ({"event_id": None, "id": "second"}, "second"),
    ],
)
def test_sender_id_is_kept_verbatim(sent: dict[str, Any], kept: str) -> None:
    rec = parse_record({**BASE, **sent}, position=3, received_at=1_000.0)
    assert rec.event_id == kept
    # Nothing else in the record changes it.
    assert parse_record({**BASE, **sent, "message": "other"}, position=9).event_id == kept
