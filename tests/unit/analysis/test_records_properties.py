"""Properties of the record parser: what it accepts can be stored, and derived ids depend only on
what the sender sent."""

from __future__ import annotations

import random
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.analysis.records import (
    LogRecord,
    RecordRejected,
    derive_event_id,
    parse_payload,
    parse_record,
)
from tests.unit.analysis.helpers import strings

# Text biased towards the troublemakers: NUL, lone and paired surrogates, a backslash-u0000 sent
# as text, the replacement character itself, and ordinary non-ASCII.
awkward_chars = st.sampled_from(
    [
        "a",
        "Z",
        " ",
        "\x00",
        "\ud800",
        "\udfff",
        "\ud83d",
        "\ude00",
        "\\",
        "u0000",
        "\ufffd",
        "é",
        "😀",
    ]
)
awkward_text = st.lists(awkward_chars | st.characters(), max_size=12).map("".join)
json_text = st.text(max_size=12)  # no surrogates: what orjson can decode from bytes

# The stdlib-json range of values a Python caller may pass (no sets or objects).
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**64 - 1)
    | st.floats(allow_nan=False)
    | awkward_text,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(awkward_text, children, max_size=3)
    ),
    max_leaves=10,
)
records = st.fixed_dictionaries(
    {"service": awkward_text, "message": awkward_text, "ts": st.integers(0, 2_000_000_000)},
    optional={
        "level": st.sampled_from(["info", "WARN", "error\x00", 3]),
        "host": awkward_text,
        "trace_id": awkward_text,
        "metadata": st.dictionaries(awkward_text, values, max_size=4),
        "other": values,  # an unknown field: goes to metadata
    },
)
# Records as they arrive in bytes: JSON text only (no surrogates), no sender id, often no timestamp.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | json_text,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(json_text, children, max_size=3)
    ),
    max_leaves=10,
)
json_records = st.fixed_dictionaries(
    {"service": st.sampled_from(["api", "auth", "db\x00"]), "message": json_text},
    optional={
        "ts": st.integers(0, 2_000_000_000) | st.just("2100-01-01T00:00:00Z"),
        "level": st.sampled_from(["info", "ERROR", 4, None]),
        "host": json_text | st.none(),
        "metadata": st.dictionaries(json_text, json_values, max_size=3),
        "other": json_values,
    },
)


def unstorable(text: str) -> bool:
    return "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@settings(max_examples=400, deadline=None)
@given(records, st.integers(0, 5))
def test_accepted_records_are_storable_and_flagged_when_repaired(
    obj: dict[str, Any], position: int
) -> None:
    try:
        rec = parse_record(obj, position=position, received_at=2_000_000_000.0)
    except RecordRejected as exc:
        assert exc.field and exc.reason and exc.position == position
        sent = {
            "service_name": obj["service"],
            "log_level": obj.get("level"),
            "host": obj.get("host"),
            "trace_id": obj.get("trace_id"),
        }
        if exc.reason == "contains a NUL character":
            assert "\x00" in sent[exc.field]
        elif exc.reason == "contains a surrogate code point":
            assert unstorable(sent[exc.field])
        return
    for text in strings(list(rec)):
        assert "\x00" not in text
        text.encode("utf-8")  # no surrogates: PostgreSQL and orjson take it
    orjson.dumps(rec.to_dict())
    # Identifiers are kept as sent, never repaired.
    assert rec.service_name == obj["service"].strip()
    assert (rec.host, rec.trace_id) == (obj.get("host"), obj.get("trace_id"))
    sent_metadata = dict(obj.get("metadata") or {})
    if "other" in obj:
        sent_metadata.setdefault("other", obj["other"])
    repaired = unstorable(obj["message"]) or any(unstorable(t) for t in strings(sent_metadata))
    assert rec.sanitized == repaired
    if not rec.sanitized:
        assert rec.message == obj["message"]
        assert rec.metadata == (sent_metadata or None)
    assert rec.event_id == derive_event_id(obj, position)


@settings(max_examples=300, deadline=None)
@given(json_records, st.integers(0, 20), st.randoms(use_true_random=False))
def test_derived_ids_depend_only_on_what_was_sent(
    obj: dict[str, Any], position: int, rnd: random.Random
) -> None:
    try:
        first = parse_record(obj, position=position, received_at=1_000_000_000.0)
    except RecordRejected:
        return
    assert first.event_id.startswith("d-") and len(first.event_id) == 34
    # Another receive time (so another default or clamped time): the same id.
    again = parse_record(obj, position=position, received_at=1_999_999_999.0)
    assert again.event_id == first.event_id
    # Another key order, and the bytes path with whitespace: the same id.
    items = list(obj.items())
    rnd.shuffle(items)
    assert parse_record(dict(items), position=position, received_at=0.0).event_id == first.event_id
    raw = orjson.dumps([{}] * position + [dict(items)], option=orjson.OPT_INDENT_2)
    from_bytes = parse_payload(raw, received_at=1_234_567_890.0)[position]
    assert isinstance(from_bytes, LogRecord) and from_bytes.event_id == first.event_id
    # Another position: another id.
    assert parse_record(obj, position=position + 1, received_at=1.0).event_id != first.event_id
