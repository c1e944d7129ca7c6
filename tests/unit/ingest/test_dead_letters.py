import orjson
import pytest

from pipeline.ingest import dead_letters
from pipeline.ingest.dead_letters import decode, encode


def letter(**overrides):
    fields = dict(
        stage="bridge",
        reason="log_level: unknown level 'LOUD'",
        field="log_level",
        source="log_analysis_queue",
        position=3,
        message_sha256=dead_letters.sha256(b"the message"),
        payload=b"\x00\xffbinary and long" * 10,
        received_at=1_700_000_000.25,
        payload_limit=32,
    )
    return dead_letters.dead_letter(**{**fields, **overrides})


def test_round_trip_through_the_topic():
    original = letter()
    assert original.size == 170 and len(original.payload) == 32 and original.truncated
    assert decode(encode(original)) == original


def test_reasons_are_capped():
    assert len(letter(reason="x" * 5000).reason) == 1000


@pytest.mark.parametrize(
    "value",
    [
        b"not json",
        b"{}",
        orjson.dumps({"v": 2}),
        encode(letter()).replace(b'"position":3', b'"position":"3"'),
        encode(letter()).replace(b'"payload":"', b'"payload":"!!'),
        encode(letter()).replace(b'"sha256":"', b'"sha256":"00'),
    ],
)
def test_anything_else_is_not_a_dead_letter(value):
    assert decode(value) is None


def test_a_dead_letter_matches_its_published_schema():
    import json
    from pathlib import Path

    import jsonschema

    path = Path(__file__).resolve().parents[3] / "docs/schemas/dead-letter-topic.schema.json"
    jsonschema.validate(orjson.loads(encode(letter())), json.loads(path.read_text()))
