"""Dead letters on their way to the ``dead_letters`` table, through the dead-letter topic.

The bridge refuses a payload before it reaches the logs topic, so it cannot write PostgreSQL in
the same step; it sends a dead letter to Kafka, and the dead-letter agent stores it. The natural
key (stage, sha256 of the message, position) makes a redelivered message add no second row.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
from typing import Any

import orjson

from storage.rows import DeadLetterRow

VERSION = 1
WHOLE_MESSAGE = -1


def dead_letter(
    *,
    stage: str,
    reason: str,
    field: str | None,
    source: str,
    position: int,
    message_sha256: bytes,
    payload: bytes,
    received_at: float,
    payload_limit: int,
) -> DeadLetterRow:
    """A dead letter keeping at most ``payload_limit`` bytes of ``payload``."""
    return DeadLetterRow(
        stage=stage,
        reason=reason[:1000],
        field=field,
        source=source,
        position=position,
        sha256=message_sha256,
        size=len(payload),
        payload=payload[:payload_limit],
        truncated=len(payload) > payload_limit,
        received_at=received_at,
    )


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def encode(letter: DeadLetterRow) -> bytes:
    return orjson.dumps(
        {
            "v": VERSION,
            "stage": letter.stage,
            "reason": letter.reason,
            "field": letter.field,
            "source": letter.source,
            "position": letter.position,
            "sha256": letter.sha256.hex(),
            "size": letter.size,
            "payload": base64.b64encode(letter.payload).decode("ascii"),
            "truncated": letter.truncated,
            "received_at": letter.received_at,
        }
    )


def decode(value: bytes) -> DeadLetterRow | None:
    """The dead letter in ``value``, or None when it is not one this version wrote."""
    try:
        item: Any = orjson.loads(value)
        if not isinstance(item, dict) or item.get("v") != VERSION:
            return None
        letter = DeadLetterRow(
            stage=_text(item["stage"]),
            reason=_text(item["reason"]),
            field=None if item["field"] is None else _text(item["field"]),
            source=_text(item["source"]),
            position=_integer(item["position"]),
            sha256=bytes.fromhex(_text(item["sha256"])),
            size=_integer(item["size"]),
            payload=base64.b64decode(_text(item["payload"]), validate=True),
            truncated=item["truncated"] is True,
            received_at=_seconds(item["received_at"]),
        )
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, binascii.Error):
        return None
    return letter if len(letter.sha256) == 32 else None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError("expected epoch seconds")
    return float(value)
