import hashlib

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.intake import IntakeLimits, intake
from pipeline.ingest.wire import decode_batch, join_records

LIMITS = IntakeLimits(max_message_bytes=4096, dead_letter_payload_bytes=64)


def run(body: bytes, limits: IntakeLimits = LIMITS):
    return intake(body, source="q", received_at=1_700_000_000.0, limits=limits)


def test_one_record_and_an_array():
    single = run(b'{"service": "api", "message": "hi"}')
    assert [a.service for a in single.accepted] == ["api"]
    assert single.dead_letters == []
    many = run(orjson.dumps([{"service": f"s{i}", "message": "m"} for i in range(3)]))
    assert [a.service for a in many.accepted] == ["s0", "s1", "s2"]
    good, _ = decode_batch(join_records([a.encoded for a in many.accepted]))
    assert [w.received_at for w in good] == [1_700_000_000.0] * 3


def test_bad_records_are_dead_lettered_and_their_neighbours_kept():
    body = orjson.dumps(
        [
            {"service": "api", "message": "ok"},
            {"message": "no service"},
            {"service": "api", "message": "fine", "level": "LOUD"},
            7,
            {"service": "api", "message": "also ok"},
        ]
    )
    result = run(body)
    assert len(result.accepted) == 2
    letters = {letter.position: letter for letter in result.dead_letters}
    assert set(letters) == {1, 2, 3}
    assert letters[1].field == "service_name" and "missing" in letters[1].reason
    assert letters[2].field == "log_level"
    assert letters[3].field == "record"
    for letter in letters.values():
        assert letter.stage == "bridge" and letter.source == "q"
        assert letter.sha256 == hashlib.sha256(body).digest()
    assert orjson.loads(letters[1].payload) == {"message": "no service"}


def test_whole_message_refusals_keep_a_truncated_payload():
    big = b'{"service": "api", "message": "' + b"x" * 5000 + b'"}'
    for body, reason in [
        (big, "larger than 4096 bytes"),
        (b"\xff\xfe binary", "invalid JSON"),
        (b'"just a string"', "expected a JSON object or an array"),
        (b"[" * 2000 + b"]" * 2000, "invalid JSON"),
    ]:
        result = run(body)
        assert result.accepted == []
        (letter,) = result.dead_letters
        assert reason in letter.reason
        assert letter.position == -1
        assert letter.size == len(body)
        assert letter.payload == body[:64]
        assert letter.truncated == (len(body) > 64)


def test_a_redelivered_message_gives_the_same_ids_and_dead_letter_keys():
    body = orjson.dumps([{"service": "api", "message": "m"}, {"message": "bad"}])
    first = intake(body, source="q", received_at=1.0e9, limits=LIMITS)
    again = intake(body, source="q", received_at=1.0e9 + 5, limits=LIMITS)
    ids = [decode_batch(join_records([a.encoded]))[0][0].record.event_id for a in first.accepted]
    ids_again = [
        decode_batch(join_records([a.encoded]))[0][0].record.event_id for a in again.accepted
    ]
    assert ids == ids_again
    key = [(d.stage, d.sha256, d.position) for d in first.dead_letters]
    assert key == [(d.stage, d.sha256, d.position) for d in again.dead_letters]


def test_an_empty_array_is_nothing_to_do():
    result = run(b"[]")
    assert result.accepted == [] and result.dead_letters == []


_UNREADABLE = object()


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(
            st.dictionaries(
                st.sampled_from(["service", "message", "level", "ts", "metadata", "x"]),
                st.one_of(
                    st.text(max_size=8), st.integers(-(2**40), 2**40), st.none(), st.booleans()
                ),
            ),
            max_size=6,
        ).map(orjson.dumps),
    )
)
def test_every_record_is_accepted_or_dead_lettered_exactly_once(body):
    result = run(body)
    try:
        decoded = orjson.loads(body)
    except orjson.JSONDecodeError:
        decoded = _UNREADABLE
    if isinstance(decoded, list):
        positions = sorted(letter.position for letter in result.dead_letters)
        assert len(result.accepted) + len(positions) == len(decoded)
        assert len(set(positions)) == len(positions)
    elif isinstance(decoded, dict):
        assert len(result.accepted) + len(result.dead_letters) == 1
    else:
        assert result.accepted == []
        assert [letter.position for letter in result.dead_letters] == [-1]
    assert all(letter.reason for letter in result.dead_letters)
