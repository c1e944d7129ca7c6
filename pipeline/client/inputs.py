"""What ``send`` publishes: JSON text from an argument or from JSON-lines input. Pure, no IO.

Only text that is not JSON at all is refused. Valid JSON that is not a good log record (a
number, an object without ``message``) is kept as it is: the service dead-letters it, and
sending it is how one tests that path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import orjson

from pipeline.client.errors import InvalidInput


class Message(NamedTuple):
    """One message to publish: the body exactly as given, and how many records it holds (the
    length of a JSON array, else 1)."""

    body: bytes
    records: int


def _message(text: bytes, source: str, line: int) -> Message:
    try:
        decoded = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        # A file's line number is ours; inside an argument, orjson's line is the useful one.
        where = f"column {exc.colno}" if line else f"line {exc.lineno} column {exc.colno}"
        raise InvalidInput(source, line, f"{exc.msg} at {where}") from None
    return Message(text, len(decoded) if isinstance(decoded, list) else 1)


def message_from_argument(text: str) -> Message:
    """The JSON given on the command line (one object or an array) as one message."""
    try:
        body = text.strip().encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates from a badly encoded argument
        raise InvalidInput("argument", 0, str(exc)) from None
    return _message(body, "argument", 0)


def messages_from_lines(lines: Iterable[bytes], source: str) -> list[Message]:
    """One message per non-blank line (a record or an array of records); all lines are checked
    before anything is returned, so a bad line means nothing is sent."""
    messages: list[Message] = []
    for number, raw in enumerate(lines, start=1):
        text = raw.rstrip()  # leading blanks kept: error columns then match the file
        if text.strip():
            messages.append(_message(text, source, number))
    return messages
