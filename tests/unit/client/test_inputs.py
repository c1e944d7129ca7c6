"""What `send` accepts: any JSON, one message per line; text that is not JSON names its line."""

import io

import pytest

from pipeline.client.errors import InvalidInput
from pipeline.client.inputs import Message, message_from_argument, messages_from_lines


def test_an_argument_is_one_message_counting_an_arrays_records():
    assert message_from_argument(' {"message": "x"} ') == Message(b'{"message": "x"}', 1)
    assert message_from_argument('[{"message": "a"}, {"message": "b"}]').records == 2


def test_lines_become_messages_and_blank_lines_are_skipped():
    text = b'{"message": "a"}\n\n   \n[{"message": "b"}, {"message": "c"}]\r\n'
    assert messages_from_lines(io.BytesIO(text), "f.jsonl") == [
        Message(b'{"message": "a"}', 1),
        Message(b'[{"message": "b"}, {"message": "c"}]', 2),
    ]


def test_valid_json_that_is_not_a_record_is_sent_as_it_is():
    lines = [b"42\n", b'"text"\n', b"{}\n", b'{"level": "NOPE"}\n', b"[]\n"]
    assert [m.body for m in messages_from_lines(lines, "f")] == [
        b"42",
        b'"text"',
        b"{}",
        b'{"level": "NOPE"}',
        b"[]",
    ]


def test_a_bad_line_is_reported_with_its_number_and_column():
    lines = [b'{"message": "ok"}\n', b"\n", b'  {"message": oops}\n', b"{also bad\n"]
    with pytest.raises(InvalidInput) as caught:
        messages_from_lines(lines, "logs.jsonl")
    assert caught.value.line == 3
    assert str(caught.value).startswith("logs.jsonl:3: invalid JSON: ")
    assert str(caught.value).endswith("at column 15")


def test_text_that_is_not_utf8_is_invalid():
    with pytest.raises(InvalidInput, match=r"^f:1: invalid JSON"):
        messages_from_lines([b'{"message": "\xff"}'], "f")


def test_a_bad_argument_is_reported_with_orjsons_position():
    with pytest.raises(InvalidInput, match=r"^argument: invalid JSON: .* at line 2 column"):
        message_from_argument('{"message":\n nope}')
