import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.analysis.records import parse_record
from pipeline.ingest import wire
from pipeline.ingest.wire import (
    ENVELOPE_BYTES,
    decode_batch,
    encode_record,
    join_records,
    service_key,
)


def _record(**fields):
    base = {"service": "api", "level": "warn", "message": "disk 91% full", "ts": 1_700_000_000}
    return parse_record({**base, **fields}, received_at=1_700_000_100.0)


def test_round_trip_keeps_every_field_and_flag():
    record = _record(host="h1", trace_id="t-1", metadata={"k": [1, 2]}, message="a\x00b")
    assert record.sanitized
    far = parse_record(
        {"service": "api", "message": "m", "ts": 1_900_000_000}, received_at=1_700_000_000.0
    )
    assert far.clamped
    value = join_records([encode_record(record, 5.5), encode_record(far, 6.0)])
    good, bad = decode_batch(value)
    assert bad == []
    assert [w.record for w in good] == [record, far]
    assert [w.received_at for w in good] == [5.5, 6.0]
    assert (
        len(value)
        == ENVELOPE_BYTES
        + sum(len(encode_record(r, t)) for r, t in ((record, 5.5), (far, 6.0)))
        + 1
    )


def test_service_key_is_the_utf8_name():
    assert service_key("café") == "café".encode()


@pytest.mark.parametrize(
    "value",
    [b"not json", b"[1, 2]", b'{"v": 2, "records": []}', b'{"v": 1, "records": {}}'],
)
def test_a_value_that_is_not_a_log_message_is_one_bad_record(value):
    good, bad = decode_batch(value)
    assert good == []
    assert [(b.position, b.raw) for b in bad] == [(-1, value)]


def test_bad_records_are_reported_by_position_and_the_rest_kept():
    fine = encode_record(_record(), 1.0)
    broken = [
        ["id", 1.0, "api", "LOUD", "m", None, None, None, 1.0, 0],
        ["id", 1.0, "api", {"level": "INFO"}, "m", None, None, None, 1.0, 0],  # unhashable
        ["id", "yesterday", "api", "INFO", "m", None, None, None, 1.0, 0],
        ["", 1.0, "api", "INFO", "m", None, None, None, 1.0, 0],
        ["id", 1.0, "api", "INFO", "m", None, None, [], 1.0, 0],
        ["id", 1.0, "api", "INFO", "m", None, None, None, 1.0, 9],
        ["id", 1.0, "api", "INFO", "m", None, None, None, 1.0, True],
        ["id", 1.0, "api", "INFO"],
        "text",
    ]
    value = b'{"v":1,"records":[' + fine + b"," + b",".join(map(orjson.dumps, broken)) + b"]}"
    good, bad = decode_batch(value)
    assert len(good) == 1
    assert [b.position for b in bad] == list(range(1, len(broken) + 1))
    assert all(b.reason for b in bad)
    assert orjson.loads(bad[0].raw) == broken[0]


@given(st.binary(max_size=200))
def test_decoding_arbitrary_bytes_never_raises(value):
    good, bad = decode_batch(value)
    assert good or bad or value.startswith(b"{")


def test_a_message_matches_its_published_schema():
    import json
    from pathlib import Path

    import jsonschema

    schema = json.loads(
        (Path(__file__).resolve().parents[3] / "docs/schemas/logs-topic.schema.json").read_text()
    )
    value = join_records([encode_record(_record(metadata={"a": 1}), 2.0)])
    jsonschema.validate(orjson.loads(value), schema)


_FIELD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "id", "api", "INFO", "warn", "LOUD", "m"]),
    st.just({"k": 1}),
    st.just([]),
)


@given(st.lists(_FIELD_VALUES, min_size=9, max_size=11), st.randoms(use_true_random=False))
def test_the_inline_checks_read_what_the_general_checks_read(fields, rng):
    # Mostly records of the right shape with one field or two off, which take the inline path
    # up to the field that is off.
    item = ["id", 1.5e9, "api", "INFO", "m", None, None, None, 1.6e9, 0]
    for _ in range(rng.randrange(3)):
        item[rng.randrange(len(item))] = fields[rng.randrange(len(fields))]
    if len(fields) != 10 and rng.random() < 0.3:
        item = fields
    good, bad = decode_batch(b'{"v":1,"records":[' + orjson.dumps(item) + b"]}")
    reason = wire._invalid(orjson.loads(orjson.dumps(item)))
    if reason is None:
        assert bad == [] and good == [wire._record(orjson.loads(orjson.dumps(item)))]
    else:
        assert good == [] and [b.reason for b in bad] == [reason]
