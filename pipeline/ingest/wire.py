"""Kafka log messages: many canonical records of one service, keyed by the service name.

A message is ``{"v": 1, "records": [record, ...]}`` where each record is the array
``[event_id, ts, service, level, message, host, trace_id, metadata, received_at, flags]``: epoch
seconds as numbers, ``flags`` a bit set (1 clamped, 2 truncated, 4 sanitized). Arrays rather than
objects keep a 300-byte record about a quarter smaller. The key is the service name in UTF-8, the
same bytes for every producer, so the default partitioner sends a service to one partition and
tables keyed the same way are co-partitioned with the topic.

Anyone with write access can produce to the topic, so :func:`decode_batch` checks every field and
returns the records it could not read separately, never raising on content.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

import orjson

from pipeline.analysis.levels import LEVEL_CODES
from pipeline.analysis.records import LogRecord

VERSION = 1
CLAMPED, TRUNCATED, SANITIZED = 1, 2, 4
_FIELDS = 10
_HEAD = b'{"v":1,"records":['
_TAIL = b"]}"
# Bytes a message adds around its records: the head, the tail and one comma per record.
ENVELOPE_BYTES = len(_HEAD) + len(_TAIL)


class WireRecord(NamedTuple):
    """A canonical record as it travels: the record and when the bridge received it."""

    record: LogRecord
    received_at: float


@dataclass(frozen=True, slots=True)
class BadWireRecord:
    """A record in a Kafka message that could not be read; ``raw`` is its JSON."""

    position: int
    reason: str
    raw: bytes


def service_key(service: str) -> bytes:
    return service.encode("utf-8")


def encode_record(record: LogRecord, received_at: float) -> bytes:
    flags = (
        (CLAMPED if record.clamped else 0)
        | (TRUNCATED if record.truncated else 0)
        | (SANITIZED if record.sanitized else 0)
    )
    return orjson.dumps(
        [
            record.event_id,
            record.timestamp,
            record.service_name,
            record.log_level,
            record.message,
            record.host,
            record.trace_id,
            record.metadata,
            received_at,
            flags,
        ]
    )


def join_records(encoded: list[bytes]) -> bytes:
    """One Kafka message value from records already encoded by :func:`encode_record`."""
    return _HEAD + b",".join(encoded) + _TAIL


def decode_batch(value: bytes) -> tuple[list[WireRecord], list[BadWireRecord]]:
    """The readable records of a message and the unreadable ones.

    A value that is not a message of this version at all comes back as one bad record at
    position -1.
    """
    try:
        message = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        return [], [BadWireRecord(-1, f"not JSON: {str(exc)[:120]}", value)]
    if not isinstance(message, dict) or message.get("v") != VERSION:
        return [], [BadWireRecord(-1, f"not a version {VERSION} log message", value)]
    items = message.get("records")
    if not isinstance(items, list):
        return [], [BadWireRecord(-1, "records is not a list", value)]
    good: list[WireRecord] = []
    bad: list[BadWireRecord] = []
    append = good.append
    codes = LEVEL_CODES
    for position, item in enumerate(items):
        # The shape every record the bridge writes has, checked inline (a third of the cost of
        # the checks one by one); anything else is read by the general checks below.
        if type(item) is list and len(item) == _FIELDS:
            event_id, ts, service, level, text, host, trace_id, metadata, received_at, flags = item
            if (
                type(event_id) is str
                and event_id
                and type(service) is str
                and service
                and type(level) is str
                and type(text) is str
                and (host is None or type(host) is str)
                and (trace_id is None or type(trace_id) is str)
                and (metadata is None or type(metadata) is dict)
                and type(ts) is float
                and ts - ts == 0.0  # finite: inf - inf and nan - nan are nan
                and type(received_at) is float
                and received_at - received_at == 0.0
                and type(flags) is int
                and 0 <= flags < 8
            ):
                code = codes.get(level)
                if code is not None:
                    append(_wire(item, ts, code, received_at, flags))
                    continue
        reason = _invalid(item)
        if reason is None:
            good.append(_record(item))
        else:
            bad.append(BadWireRecord(position, reason, _dump(item)))
    return good, bad


def _record(item: list[Any]) -> WireRecord:
    """The record of an item :func:`_invalid` passed (its times may be integers)."""
    return _wire(item, float(item[1]), LEVEL_CODES[item[3]], float(item[8]), item[9])


def _wire(item: list[Any], ts: float, code: int, received_at: float, flags: int) -> WireRecord:
    return WireRecord(
        LogRecord(
            item[0],
            ts,
            item[2],
            item[3],
            item[4],
            item[5],
            item[6],
            item[7],
            code,
            flags & CLAMPED != 0,
            flags & TRUNCATED != 0,
            flags & SANITIZED != 0,
        ),
        received_at,
    )


def _invalid(item: Any) -> str | None:
    if not isinstance(item, list) or len(item) != _FIELDS:
        return f"a record is an array of {_FIELDS} fields"
    event_id, ts, service, level, text, host, trace_id, metadata, received_at, flags = item
    if not isinstance(event_id, str) or not event_id:
        return "event_id: expected non-empty text"
    if not isinstance(service, str) or not service:
        return "service: expected non-empty text"
    if not isinstance(level, str) or level not in LEVEL_CODES:
        return f"level: unknown level {str(level)[:32]!r}"
    if not isinstance(text, str):
        return "message: expected text"
    for name, value in (("host", host), ("trace_id", trace_id)):
        if value is not None and not isinstance(value, str):
            return f"{name}: expected text or null"
    if metadata is not None and not isinstance(metadata, dict):
        return "metadata: expected an object or null"
    for name, number in (("ts", ts), ("received_at", received_at)):
        if not _finite(number):
            return f"{name}: expected epoch seconds"
    if not isinstance(flags, int) or isinstance(flags, bool) or not 0 <= flags < 8:
        return "flags: expected an integer from 0 to 7"
    return None


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _dump(item: Any) -> bytes:
    try:
        return orjson.dumps(item)
    except TypeError:
        return repr(item).encode("utf-8", "replace")
