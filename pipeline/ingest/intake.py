"""One RabbitMQ message in: canonical records, encoded for Kafka, and dead letters. Pure.

A message is one JSON record or a JSON array of records. Each record is parsed on its own, so one
bad record never costs its good neighbours; what cannot be accepted becomes a dead letter that
names the field and the reason, keyed by the message's sha256 and the record's position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from pipeline.analysis.config import RecordLimits
from pipeline.analysis.records import parse_record
from pipeline.errors import RecordRejected
from pipeline.ingest.dead_letters import WHOLE_MESSAGE, dead_letter, sha256
from pipeline.ingest.wire import encode_record
from storage.rows import DeadLetterRow

STAGE = "bridge"


@dataclass(frozen=True, slots=True)
class IntakeLimits:
    max_message_bytes: int = 1024 * 1024
    max_future_seconds: float = 300.0
    # The most of a refused payload a dead letter keeps.
    dead_letter_payload_bytes: int = 64 * 1024
    records: RecordLimits = field(default_factory=RecordLimits)


@dataclass(frozen=True, slots=True)
class Accepted:
    """A record ready for Kafka: its service (the message key) and its encoded bytes."""

    service: str
    level: str
    encoded: bytes


@dataclass(slots=True)
class Intake:
    accepted: list[Accepted] = field(default_factory=list)
    dead_letters: list[DeadLetterRow] = field(default_factory=list)


def intake(
    body: bytes,
    *,
    source: str,
    received_at: float,
    limits: IntakeLimits,
    archived: bool = False,
    stage: str = STAGE,
) -> Intake:
    """Split ``body`` into accepted records and dead letters; never raises on content.

    ``archived``: the records come from an archive (``import``), not from a live sender. Their
    time must then be their own: a record without a timestamp is refused rather than given the
    import's time, and one ahead of ``received_at`` by more than the future tolerance is refused
    rather than clamped, so importing the same file again keys every record the same way."""
    result = Intake()
    # Hashed only for a dead letter: most messages have none, and the hash was 1% of a worker.
    digests: list[bytes] = []

    def refuse(position: int, reason: str, field_name: str | None, payload: bytes) -> None:
        if not digests:
            digests.append(sha256(body))
        digest = digests[0]
        result.dead_letters.append(
            dead_letter(
                stage=stage,
                reason=reason,
                field=field_name,
                source=source,
                position=position,
                message_sha256=digest,
                payload=payload,
                received_at=received_at,
                payload_limit=limits.dead_letter_payload_bytes,
            )
        )

    if len(body) > limits.max_message_bytes:
        refuse(WHOLE_MESSAGE, f"message larger than {limits.max_message_bytes} bytes", None, body)
        return result
    try:
        decoded = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        refuse(WHOLE_MESSAGE, f"invalid JSON: {str(exc)[:200]}", None, body)
        return result
    if isinstance(decoded, dict):
        items: list[Any] = [decoded]
    elif isinstance(decoded, list):
        items = decoded
    else:
        refuse(WHOLE_MESSAGE, "expected a JSON object or an array of objects", None, body)
        return result
    max_record = limits.records.max_record_bytes
    for position, item in enumerate(items):
        try:
            record = parse_record(
                item,
                position=position,
                received_at=None if archived else received_at,
                max_future_seconds=limits.max_future_seconds,
                limits=limits.records,
            )
        except RecordRejected as exc:
            refuse(position, exc.reason, exc.field, _raw(item))
            continue
        if archived and record.timestamp > received_at + limits.max_future_seconds:
            refuse(
                position, "in the future (an archive holds past records)", "timestamp", _raw(item)
            )
            continue
        encoded = encode_record(record, received_at)
        if len(encoded) > max_record:
            refuse(position, f"record larger than {max_record} bytes", "record", _raw(item))
            continue
        result.accepted.append(Accepted(record.service_name, record.log_level, encoded))
    return result


def _raw(item: Any) -> bytes:
    """The record as JSON again, for the dead letter (it came from JSON, so this succeeds unless
    a Python caller passed something odd)."""
    try:
        return orjson.dumps(item)
    except TypeError:
        return repr(item).encode("utf-8", "replace")
