"""The canonical log record and tolerant parsing of what senders actually send.

Event ids depend only on what the sender sent.  The sender's own id -- the first non-null of
``event_id``, ``id``, ``eventId`` -- is kept verbatim (a number as its text: ``42`` -> ``"42"``).
Otherwise the id is ``"d-"`` followed by the 32-hex-digit BLAKE2b-128 digest of the record's
canonical bytes, then byte 0x1F, then the record's position in its message as ASCII decimal (0 for a
single object).  The canonical bytes are the decoded JSON object -- every key, aliases not used and
unknown fields included -- serialised by orjson with ``OPT_SORT_KEYS``: key order and whitespace of
the raw JSON do not matter, names and values do (``1.0`` and ``1e0`` are one value, ``1`` and
``1.0`` are two).  Nothing the parser derives enters: not the receive time, the clamped time, the
default level, truncation or the text repairs below.  A redelivered message therefore yields the
same ids (storage is exactly-once) and identical records inside one message stay distinct; two
identical records at the same position of two different messages are the same event, so a sender
that needs them apart must send an id.

Python callers can pass what JSON bytes cannot hold.  Strings with surrogate code points (which
orjson refuses) are hashed as byte 0xFF followed by the same serialisation of a copy in which every
string, keys included, is replaced by its UTF-8 bytes (``surrogatepass``) read as Latin-1: a
deterministic digest that never equals an ordinary record's.  Anything else orjson cannot
serialise (a set, an integer beyond 64 bits, a non-string key, nesting deeper than 254) is
rejected (``metadata`` if it is there, else ``record``): it could not be stored as JSON either.

Text PostgreSQL cannot store: NUL (U+0000) and surrogate code points.  In an identifier (service,
level, host, trace id, the sender's event id) they reject the record (``contains a NUL character``,
``contains a surrogate code point``).  In the message and in metadata (keys and nested values) each
NUL becomes U+FFFD, a surrogate pair the character it encodes, a lone surrogate U+FFFD, and the
record is flagged ``sanitized``; two metadata keys that become equal keep the first.  The common
case costs one search of the record's orjson serialisation (which the id needs anyway): orjson
writes NUL as ``\\u0000`` and refuses surrogates, and only a hit looks at the fields.
"""

from __future__ import annotations

import hashlib
import math
import re
from datetime import UTC, datetime
from typing import Any, NamedTuple

import orjson

from pipeline.analysis.config import RecordLimits
from pipeline.analysis.levels import INFO, LEVEL_NAMES, level_code
from pipeline.errors import RecordRejected

__all__ = [
    "LogRecord",
    "RecordRejected",
    "derive_event_id",
    "iso",
    "parse_payload",
    "parse_record",
    "parse_timestamp",
    "service_of",
]

_ID_KEYS = ("event_id", "id", "eventId")
_TIME_KEYS = ("timestamp", "@timestamp", "time", "ts", "datetime")
_SERVICE_KEYS = ("service_name", "service", "app", "application", "serviceName")
_LEVEL_KEYS = ("log_level", "level", "severity", "levelname", "loglevel")
_MESSAGE_KEYS = ("message", "msg", "log", "text")
_HOST_KEYS = ("host", "hostname")
_TRACE_KEYS = ("trace_id", "traceId", "trace")
_META_KEYS = ("metadata", "meta", "extra")
_KNOWN = frozenset(
    _ID_KEYS
    + _TIME_KEYS
    + _SERVICE_KEYS
    + _LEVEL_KEYS
    + _MESSAGE_KEYS
    + _HOST_KEYS
    + _TRACE_KEYS
    + _META_KEYS
)
# Event times outside this range are certainly wrong units or garbage (1970 .. 2200).
_MIN_TS = 0.0
_MAX_TS = 7_258_118_400.0
_DEFAULT_LIMITS = RecordLimits()


class LogRecord(NamedTuple):
    """One canonical log record (a NamedTuple: immutable and cheap on the hot path)."""

    event_id: str
    timestamp: float
    service_name: str
    log_level: str
    message: str
    host: str | None = None
    trace_id: str | None = None
    metadata: dict[str, Any] | None = None
    level_code: int = INFO
    # True when the event time was too far in the future and replaced by the ingest time.
    clamped: bool = False
    truncated: bool = False
    # True when NULs or surrogates in the message or metadata were replaced (module docstring).
    sanitized: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form with an ISO-8601 UTC timestamp."""
        return {
            "event_id": self.event_id,
            "timestamp": iso(self.timestamp),
            "service_name": self.service_name,
            "log_level": self.log_level,
            "message": self.message,
            "host": self.host,
            "trace_id": self.trace_id,
            "metadata": self.metadata,
            "clamped": self.clamped,
        }


def iso(ts: float) -> str:
    """Epoch seconds as ISO-8601 UTC with a ``Z`` suffix."""
    text = datetime.fromtimestamp(ts, UTC).isoformat()
    return text.replace("+00:00", "Z")


def parse_timestamp(value: object) -> float:
    """Epoch seconds from ISO-8601 text or epoch seconds/milliseconds/microseconds."""
    if isinstance(value, bool):
        raise RecordRejected("timestamp", "a boolean is not a time")
    if isinstance(value, int | float):
        return _from_number(float(value))
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise RecordRejected("timestamp", "empty")
        if len(text) > 64:
            raise RecordRejected("timestamp", "too long")
        if len(text) >= 19 and text[4] == "-":
            fast = _fast_iso(text)
            if fast is not None:
                return _check_range(fast)
        try:
            return _from_number(float(text))
        except ValueError:
            pass
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise RecordRejected("timestamp", f"not ISO-8601 or epoch: {text[:40]!r}") from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        try:
            return _check_range(parsed.timestamp())
        except (OverflowError, ValueError, OSError):
            raise RecordRejected("timestamp", "out of range") from None
    raise RecordRejected("timestamp", f"unsupported type {type(value).__name__}")


# Epoch of "YYYY-MM-DDTHH:MM:SS" prefixes: records of one second share it (bounded).
_SECONDS: dict[str, float] = {}


def _fast_iso(text: str) -> float | None:
    """UTC ISO-8601 with an optional fraction, via a per-second cache; None if not that shape."""
    rest = text[19:]
    if rest.endswith("Z"):
        rest = rest[:-1]
    elif rest.endswith("+00:00"):
        rest = rest[:-6]
    if rest and not (rest[0] == "." and rest[1:].isdigit()):
        return None
    head = text[:19]
    base = _SECONDS.get(head)
    if base is None:
        try:
            base = datetime.fromisoformat(head).replace(tzinfo=UTC).timestamp()
        except (ValueError, OverflowError, OSError):
            return None
        if len(_SECONDS) >= 100_000:
            _SECONDS.clear()
        _SECONDS[head] = base
    return base + float(rest) if rest else base


def _from_number(number: float) -> float:
    if not math.isfinite(number):
        raise RecordRejected("timestamp", "not a finite number")
    # Magnitude decides the unit: seconds until year 5138, then ms, then us.
    if number > 1e14:
        number /= 1e6
    elif number > 1e11:
        number /= 1e3
    return _check_range(number)


def _check_range(ts: float) -> float:
    if not _MIN_TS <= ts <= _MAX_TS:
        raise RecordRejected("timestamp", "outside 1970..2200")
    return ts


_GROUPS = (
    _SERVICE_KEYS,
    _MESSAGE_KEYS,
    _LEVEL_KEYS,
    _TIME_KEYS,
    _HOST_KEYS,
    _TRACE_KEYS,
    _META_KEYS,
    _ID_KEYS,
)
# Field layout per key tuple: producers send the same keys over and over, so the alias search
# is done once per layout (bounded) instead of once per record.
_PLANS: dict[tuple[Any, ...], tuple[tuple[str | None, ...], bool]] = {}


def _plan(obj: dict[str, Any]) -> tuple[tuple[str | None, ...], bool]:
    keys = tuple(obj)
    plan = _PLANS.get(keys)
    if plan is None:
        present = set(keys)
        chosen = tuple(next((k for k in group if k in present), None) for group in _GROUPS)
        plan = (chosen, any(k not in _KNOWN for k in keys))
        if len(_PLANS) < 4096:
            _PLANS[keys] = plan
    return plan


def _get(obj: dict[str, Any], key: str | None, group: tuple[str, ...]) -> Any:
    if key is None:
        return None
    value = obj[key]
    # An alias present but null: fall back to the other spellings.
    return value if value is not None else _first(obj, group)


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value is not None:
            return value
    return None


def _text(value: object, field: str, limit: int) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        text = str(value)
    else:
        raise RecordRejected(field, f"expected text, got {type(value).__name__}")
    if len(text) > limit:
        raise RecordRejected(field, f"longer than {limit} characters")
    return text


def _optional_text(value: object, field: str, limit: int) -> str | None:
    return None if value is None else _text(value, field, limit)


_SORTED = orjson.OPT_SORT_KEYS
# Membership of an int is a memchr: most records have no backslash and skip the substring search.
_BACKSLASH = ord("\\")
# orjson refuses 255 levels of nesting; the copies below stop there too (no RecursionError), and
# walk the containers orjson walks: dicts and lists (subclasses too) and exact tuples.
_MAX_DEPTH = 254


def derive_event_id(obj: dict[str, Any], position: int) -> str:
    """The documented derived id of a decoded record (see the module docstring)."""
    try:
        canonical = orjson.dumps(obj, option=_SORTED)
    except TypeError:  # orjson.JSONEncodeError: surrogates, or not JSON at all
        canonical = _canonical_fallback(obj)
    return _digest(canonical, position)


def _digest(canonical: bytes, position: int) -> str:
    digest = hashlib.blake2b(canonical, digest_size=16)
    digest.update(b"\x1f%d" % position)
    return "d-" + digest.hexdigest()


def _canonical_fallback(obj: dict[str, Any]) -> bytes:
    """Canonical bytes of a record orjson refuses: 0xFF + the serialisation of a copy whose
    strings are their UTF-8 (surrogatepass) bytes read as Latin-1; rejects what is not JSON."""
    try:
        return b"\xff" + orjson.dumps(_latin1_copy(obj, 0), option=_SORTED)
    except TypeError as exc:
        raise RecordRejected("record", f"not serialisable as JSON: {exc}") from None


def _latin1_copy(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("latin-1")
    if depth > _MAX_DEPTH:
        raise RecordRejected("record", "nested too deeply")
    if isinstance(value, dict):
        return {
            (_latin1_copy(k, depth) if isinstance(k, str) else k): _latin1_copy(v, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list) or type(value) is tuple:
        return [_latin1_copy(v, depth + 1) for v in value]
    return value


# Surrogate code points: UTF-8, so orjson and PostgreSQL, cannot encode them (a Python str holds
# even a pair as two code points).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unstorable(text: str) -> bool:
    """True if ``text`` holds a NUL or a surrogate (PostgreSQL and orjson refuse both)."""
    return "\x00" in text or (not text.isascii() and _SURROGATE.search(text) is not None)


def _check_identifier(text: str, field: str) -> None:
    if "\x00" in text:
        raise RecordRejected(field, "contains a NUL character")
    if not text.isascii() and _SURROGATE.search(text) is not None:
        raise RecordRejected(field, "contains a surrogate code point")


def _repair_text(text: str) -> str:
    """NUL -> U+FFFD; a surrogate pair -> the character it encodes; a lone surrogate -> U+FFFD."""
    text = text.replace("\x00", "\ufffd")
    if not text.isascii() and _SURROGATE.search(text) is not None:
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def _repair(value: Any, depth: int, changed: list[bool]) -> Any:
    """``value`` with every string (dict keys included) repaired; sets ``changed[0]``."""
    if isinstance(value, str):
        if _unstorable(value):
            changed[0] = True
            return _repair_text(value)
        return value
    if depth > _MAX_DEPTH:
        raise RecordRejected("metadata", "nested too deeply")
    if isinstance(value, dict):
        repaired: dict[Any, Any] = {}
        for key, item in value.items():
            # Two keys that become equal keep the first (as unknown top-level fields do).
            repaired.setdefault(
                _repair(key, depth, changed) if isinstance(key, str) else key,
                _repair(item, depth + 1, changed),
            )
        return repaired
    if isinstance(value, list) or type(value) is tuple:
        return [_repair(item, depth + 1, changed) for item in value]
    return value


def _repair_metadata(metadata: dict[str, Any], serialisable: bool) -> tuple[dict[str, Any], bool]:
    """Metadata with NULs and surrogates repaired, and whether anything changed.

    ``serialisable`` says orjson already took the whole record; if not, the repaired metadata
    must pass orjson or the record is rejected (``metadata``)."""
    changed = [False]
    repaired: dict[str, Any] = _repair(metadata, 0, changed)
    if not serialisable:
        try:
            orjson.dumps(repaired)
        except TypeError as exc:
            raise RecordRejected("metadata", f"not serialisable as JSON: {exc}") from None
    return (repaired, True) if changed[0] else (metadata, False)


def service_of(obj: object) -> str | None:
    """The service name of a decoded record, if it has a usable one (for routing)."""
    if not isinstance(obj, dict):
        return None
    value = _first(obj, _SERVICE_KEYS)
    return value.strip() if isinstance(value, str) else None


def parse_record(
    obj: object,
    *,
    position: int = 0,
    received_at: float | None = None,
    max_future_seconds: float = 300.0,
    limits: RecordLimits = _DEFAULT_LIMITS,
    with_event_id: bool = True,
) -> LogRecord:
    """Build a canonical record from a decoded JSON object, raising only ``RecordRejected``.

    ``received_at`` is the ingest time: a missing timestamp takes it, and an event time more
    than ``max_future_seconds`` ahead of it is clamped to it and flagged.  Offline (None) there
    is no ingest clock, so nothing is clamped and a missing timestamp is rejected.  The ingest
    time never enters the derived event id, which depends on ``obj`` and ``position`` only.
    ``with_event_id=False`` skips deriving ids (offline analysis never stores records).
    """
    if not isinstance(obj, dict):
        raise RecordRejected("record", f"expected an object, got {type(obj).__name__}", position)
    try:
        return _parse(obj, position, received_at, max_future_seconds, limits, with_event_id)
    except RecordRejected as exc:
        exc.position = position
        raise


def _parse(
    obj: dict[str, Any],
    position: int,
    received_at: float | None,
    max_future: float,
    limits: RecordLimits,
    with_event_id: bool = True,
) -> LogRecord:
    field_limit = limits.max_field_chars
    (k_service, k_message, k_level, k_time, k_host, k_trace, k_meta, k_id), unknown = _plan(obj)
    raw_id = _get(obj, k_id, _ID_KEYS)
    derive = with_event_id and raw_id is None
    # One serialisation screens every field for NUL (written as \u0000) and surrogates (refused);
    # sorted, it is also the canonical form the derived id needs.  A backslash-u0000 sent as text
    # (\\u0000) is a false hit: the field checks below then find nothing.
    try:
        serialised: bytes | None = orjson.dumps(obj, option=_SORTED if derive else 0)
    except TypeError:  # orjson.JSONEncodeError: surrogates, or not JSON at all
        serialised = None
    suspect = serialised is None or (_BACKSLASH in serialised and b"\\u0000" in serialised)

    raw_service = _get(obj, k_service, _SERVICE_KEYS)
    if type(raw_service) is str and 0 < len(raw_service) <= field_limit:
        service = raw_service.strip()
    else:
        service = _text(raw_service, "service_name", field_limit).strip()
    if not service:
        raise RecordRejected("service_name", "missing or empty")
    if suspect:
        _check_identifier(service, "service_name")

    message = _get(obj, k_message, _MESSAGE_KEYS)
    if message is None:
        raise RecordRejected("message", "missing")
    if type(message) is not str:
        raise RecordRejected("message", f"expected text, got {type(message).__name__}")
    truncated = sanitized = False
    # A long stack trace is still a log: keep its head rather than lose the event.
    if len(message) > limits.max_message_chars:
        message = message[: limits.max_message_chars]
        truncated = True
    if suspect and _unstorable(message):
        message = _repair_text(message)
        sanitized = True

    raw_level = _get(obj, k_level, _LEVEL_KEYS)
    if raw_level is None:
        code = INFO
    else:
        if suspect and isinstance(raw_level, str):
            _check_identifier(raw_level, "log_level")
        found = level_code(raw_level)
        if found is None:
            raise RecordRejected("log_level", f"unknown level {str(raw_level)[:32]!r}")
        code = found

    raw_ts = _get(obj, k_time, _TIME_KEYS)
    if raw_ts is None:
        if received_at is None:
            raise RecordRejected("timestamp", "missing")
        ts = received_at
    else:
        ts = parse_timestamp(raw_ts)

    host = trace_id = None
    if k_host is not None:
        host = _optional_text(_get(obj, k_host, _HOST_KEYS), "host", field_limit)
        if suspect and host:
            _check_identifier(host, "host")
    if k_trace is not None:
        trace_id = _optional_text(_get(obj, k_trace, _TRACE_KEYS), "trace_id", field_limit)
        if suspect and trace_id:
            _check_identifier(trace_id, "trace_id")
    metadata = None
    if k_meta is not None or unknown:
        metadata = _metadata(obj, limits)
        if suspect and metadata:
            metadata, changed = _repair_metadata(metadata, serialised is not None)
            sanitized = sanitized or changed
    level = LEVEL_NAMES[code]

    if serialised is None:
        # Surrogates (canonical bytes of their own) or not JSON (rejected here).
        serialised = _canonical_fallback(obj)
    if raw_id is not None:
        event_id = _text(raw_id, "event_id", field_limit)
        if not event_id:
            raise RecordRejected("event_id", "empty")
        if suspect:
            _check_identifier(event_id, "event_id")
    elif derive:
        event_id = _digest(serialised, position)
    else:
        event_id = ""

    clamped = False
    if received_at is not None and ts > received_at + max_future:
        ts = received_at
        clamped = True
    return LogRecord(
        event_id,
        ts,
        service,
        level,
        message,
        host,
        trace_id,
        metadata,
        code,
        clamped,
        truncated,
        sanitized,
    )


def _metadata(obj: dict[str, Any], limits: RecordLimits) -> dict[str, Any] | None:
    raw = _first(obj, _META_KEYS)
    if raw is not None and not isinstance(raw, dict):
        raise RecordRejected("metadata", f"expected an object, got {type(raw).__name__}")
    metadata: dict[str, Any] | None = dict(raw) if raw else None
    # Unknown top-level fields are kept as metadata rather than silently dropped.
    if any(key not in _KNOWN for key in obj):
        metadata = metadata or {}
        for key, value in obj.items():
            if key not in _KNOWN:
                metadata.setdefault(str(key), value)
    if metadata is not None and len(metadata) > limits.max_metadata_keys:
        raise RecordRejected("metadata", f"more than {limits.max_metadata_keys} keys")
    return metadata


def parse_payload(
    data: bytes | str,
    *,
    received_at: float | None = None,
    max_future_seconds: float = 300.0,
    limits: RecordLimits = _DEFAULT_LIMITS,
    max_items: int = 10_000,
) -> list[LogRecord | RecordRejected]:
    """Parse raw JSON bytes holding one object or a list of objects.

    Each list element gets its own result, so one bad element does not sink the others; the
    element's index is its ``position`` for the derived event id.
    """
    if len(data) > limits.max_record_bytes * max(1, min(max_items, 1000)):
        return [RecordRejected("payload", "larger than the payload limit")]
    try:
        decoded = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        return [RecordRejected("payload", f"invalid JSON: {str(exc)[:80]}")]
    items = decoded if isinstance(decoded, list) else [decoded]
    if len(items) > max_items:
        return [RecordRejected("payload", f"more than {max_items} records")]
    # Records average at most the per-record limit (checked without re-encoding each one).
    if len(data) > limits.max_record_bytes * max(len(items), 1):
        return [RecordRejected("record", f"larger than {limits.max_record_bytes} bytes")]
    results: list[LogRecord | RecordRejected] = []
    for position, item in enumerate(items):
        try:
            results.append(
                parse_record(
                    item,
                    position=position,
                    received_at=received_at,
                    max_future_seconds=max_future_seconds,
                    limits=limits,
                )
            )
        except RecordRejected as exc:
            results.append(exc)
    return results
