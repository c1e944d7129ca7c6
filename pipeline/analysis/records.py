"""The canonical log record and tolerant parsing of what senders actually send.

Event ids depend only on what the sender sent.  The sender's own id -- the first non-null of
``event_id``, ``id``, ``eventId``, then ECS's ``event.id`` (dotted, or ``{"event": {"id": ..}}``)
-- is kept verbatim (a number as its text: ``42`` -> ``"42"``).  Otherwise the id is ``"d-"``
followed by the 32-hex-digit BLAKE2b-128 digest of the record's canonical bytes, then byte 0x1F,
then the record's position in its message as ASCII decimal (0 for a single object).  The canonical
bytes are the decoded JSON object -- every key, aliases not used and unknown fields included --
serialised by orjson with ``OPT_SORT_KEYS``: key order and whitespace of the raw JSON do not
matter, names and values do (``1.0`` and ``1e0`` are one value, ``1`` and ``1.0`` are two).
Nothing the parser derives enters: not the receive time, the clamped time, the default level,
truncation, the text repairs below or the normalisation of other formats.  A redelivered message
therefore yields the same ids (storage is exactly-once) and identical records inside one message
stay distinct; two identical records at the same position of two different messages are the same
event, so a sender that needs them apart must send an id.

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

Other shippers' formats are accepted without configuration: the JSON of python-logging-rabbitmq
(Python's LogRecord: ``msg``, ``levelname``, ``name``, ``created``), Elastic Common Schema
(``log.level``, ``service.name``, ``host.name``, ``trace.id`` dotted or nested) and the
OpenTelemetry log data model (``body``, ``severity_text``/``severity_number``,
``time_unix_nano``, ``resource`` service.name; snake_case, camelCase and OTLP/JSON values).  A
record whose key layout holds such a key (or an object under ``service``, ``host``, ``trace`` or
``log``) is normalised to the seed's field names and parsed by the same code, so every rule above
holds for it; the seed's own layouts never take that path.  docs/anomaly.md has the mapping.
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
    if type(value) is str:
        text = value.strip()
        if not text:
            raise RecordRejected("timestamp", "empty")
        if len(text) > 64:
            raise RecordRejected("timestamp", "too long")
        # The common shape goes straight to the C parser; a digit string (epoch) never has a
        # dash at index 4, and a naive time is UTC.
        if len(text) >= 19 and text[4] == "-":
            try:
                parsed = datetime.fromisoformat(text)
            except ValueError:
                pass
            else:
                return _aware_epoch(parsed)
        try:
            return _from_number(float(text))
        except ValueError:
            pass
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise RecordRejected("timestamp", f"not ISO-8601 or epoch: {text[:40]!r}") from None
        return _aware_epoch(parsed)
    if isinstance(value, bool):
        raise RecordRejected("timestamp", "a boolean is not a time")
    if isinstance(value, int | float):
        return _from_number(float(value))
    if isinstance(value, str):  # a str subclass
        return parse_timestamp(str(value))
    raise RecordRejected("timestamp", f"unsupported type {type(value).__name__}")


def _aware_epoch(parsed: datetime) -> float:
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return _check_range(parsed.timestamp())
    except (OverflowError, ValueError, OSError):
        raise RecordRejected("timestamp", "out of range") from None


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

# --- Other shippers' formats ----------------------------------------------------------------------
# A source is (top-level key, path inside its value); an empty path is the key's own value.  A path
# steps into an object by key, or into an OTLP/JSON attribute list ([{"key", "value"}]) by key.
_Source = tuple[str, tuple[str, ...]]
_SERVICE_SOURCES: tuple[_Source, ...] = (
    ("service_name", ()),
    ("service", ()),
    ("service", ("name",)),  # ECS
    ("service.name", ()),  # ECS, dotted
    ("resource", ("service.name",)),  # OpenTelemetry
    ("resource", ("attributes", "service.name")),  # OTLP/JSON list or SDK object
    ("resource.service.name", ()),
    ("app", ()),
    ("application", ()),
    ("serviceName", ()),
    ("name", ()),  # Python logging's logger name (python-logging-rabbitmq)
)
_MESSAGE_SOURCES: tuple[_Source, ...] = (
    ("message", ()),
    ("msg", ()),
    ("log", ()),
    ("text", ()),
    ("body", ()),  # OpenTelemetry: text, or an OTLP/JSON {"stringValue": ...}
)
_LEVEL_SOURCES: tuple[_Source, ...] = (
    ("log_level", ()),
    ("level", ()),
    ("severity", ()),
    ("levelname", ()),
    ("loglevel", ()),
    ("log.level", ()),  # ECS, dotted
    ("log", ("level",)),  # ECS
    ("severity_text", ()),  # OpenTelemetry
    ("severityText", ()),
)
_SEVERITY_SOURCES: tuple[_Source, ...] = (("severity_number", ()), ("severityNumber", ()))
_TIME_SOURCES: tuple[_Source, ...] = (
    ("timestamp", ()),
    ("@timestamp", ()),
    ("time", ()),
    ("ts", ()),
    ("datetime", ()),
    ("created", ()),  # Python logging: epoch seconds
    ("asctime", ()),  # Python logging: local time without a zone, read as UTC
    ("time_unix_nano", ()),  # OpenTelemetry: nanoseconds, 0 = unset
    ("timeUnixNano", ()),
    ("observed_timestamp", ()),
    ("observed_time_unix_nano", ()),
    ("observedTimeUnixNano", ()),
)
_NANOS = frozenset(
    ("time_unix_nano", "timeUnixNano", "observed_time_unix_nano", "observedTimeUnixNano")
)
_HOST_SOURCES: tuple[_Source, ...] = (
    ("host", ()),
    ("host", ("name",)),  # ECS
    ("host", ("hostname",)),
    ("hostname", ()),
    ("host.name", ()),
    ("host.hostname", ()),
    ("resource", ("host.name",)),
    ("resource", ("attributes", "host.name")),
)
_TRACE_SOURCES: tuple[_Source, ...] = (
    ("trace_id", ()),
    ("traceId", ()),
    ("trace", ()),
    ("trace", ("id",)),  # ECS
    ("trace.id", ()),
)
_ID_SOURCES: tuple[_Source, ...] = (
    ("event_id", ()),
    ("id", ()),
    ("eventId", ()),
    ("event.id", ()),  # ECS, dotted
    ("event", ("id",)),  # ECS
)
# A stack trace carried beside the message: appended to it, as Python's logging.Formatter does.
_STACK_SOURCES: tuple[_Source, ...] = (
    ("exc_info", ()),  # python-logging-rabbitmq: the formatted traceback
    ("exc_text", ()),  # Python logging: the same, cached by an earlier formatter
    ("error", ("stack_trace",)),  # ECS
    ("error.stack_trace", ()),
    ("attributes", ("exception.stacktrace",)),  # OpenTelemetry semantic conventions
    ("stack_info", ()),  # Python logging's stack_info=True: appended after the exception
)
_SOURCES = (
    _SERVICE_SOURCES,
    _MESSAGE_SOURCES,
    _LEVEL_SOURCES,
    _SEVERITY_SOURCES,
    _TIME_SOURCES,
    _HOST_SOURCES,
    _TRACE_SOURCES,
    _ID_SOURCES,
    _STACK_SOURCES,
)
# Seed aliases whose value may instead be an ECS object (``{"service": {"name": ...}}``).
_CONTAINERS = frozenset(("service", "host", "trace", "log"))
# Keys only other formats use: a layout with one of them takes the general path.
_FORMAT_KEYS = frozenset(key for group in _SOURCES for key, _ in group) - _KNOWN
# What the rejection of a missing field names (short: camelCase twins are implied).
_LOOKED_FOR = {
    "service_name": "service_name, service, service.name, resource service.name, app, "
    "application, serviceName, name",
    "message": "message, msg, log, text, body",
    "timestamp": "timestamp, @timestamp, time, ts, datetime, created, asctime, "
    "time_unix_nano, observed_timestamp",
}

# Field layout per key tuple: producers send the same keys over and over, so the alias search
# is done once per layout (bounded) instead of once per record.  A layout of seed aliases is
# parsed by direct lookups; one with another format's key, or with an unused seed alias that may
# hold an object (``service``, ``host``, ``trace``, ``log``), is ``general``: normalised from the
# sources present in it.  An object under a chosen alias of those four is found where the seed
# parser meets a value that is not text, and sends the record down the general path too.
_Plan = tuple[tuple[str | None, ...], bool, bool, tuple[tuple[_Source, ...], ...]]
_PLANS: dict[tuple[Any, ...], _Plan] = {}


def _plan(obj: dict[str, Any]) -> _Plan:
    keys = tuple(obj)
    plan = _PLANS.get(keys)
    if plan is None:
        present = set(keys)
        chosen = tuple(next((k for k in group if k in present), None) for group in _GROUPS)
        general = any(k in _FORMAT_KEYS or (k in _CONTAINERS and k not in chosen) for k in keys)
        sources = tuple(tuple(s for s in group if s[0] in present) for group in _SOURCES)
        plan = (chosen, any(k not in _KNOWN for k in keys), general, sources)
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


# OTLP/JSON AnyValue kinds that hold one scalar (intValue is a decimal string).
_ANY_SCALARS = frozenset(("stringValue", "intValue", "doubleValue", "boolValue", "bytesValue"))


def _any_value(value: Any) -> Any:
    """The scalar inside an OTLP/JSON AnyValue (``{"stringValue": "x"}`` -> ``"x"``), else
    ``value`` itself."""
    if isinstance(value, dict) and len(value) == 1:
        for kind, inner in value.items():
            if kind in _ANY_SCALARS:
                return inner
    return value


def _attribute(items: list[Any], name: str) -> Any:
    """The value of ``name`` in an OTLP/JSON attribute list ``[{"key": .., "value": ..}]``."""
    for item in items:
        if isinstance(item, dict) and item.get("key") == name:
            return item.get("value")
    return None


def _source(obj: dict[str, Any], key: str, path: tuple[str, ...]) -> Any:
    value = obj[key]
    if not path:
        # An ECS object under a seed alias is not that alias's text ({"log": {"level": ..}}).
        return None if key in _CONTAINERS and isinstance(value, dict) else value
    for step in path:
        if isinstance(value, dict):
            value = value.get(step)
        elif isinstance(value, list):
            value = _attribute(value, step)
        else:
            return None
    return _any_value(value)


def _pick(obj: dict[str, Any], sources: tuple[_Source, ...], used: set[str]) -> Any:
    """The first non-null source; a top-level key used as a whole is noted in ``used``."""
    for key, path in sources:
        value = _source(obj, key, path)
        if value is not None:
            if not path:
                used.add(key)
            return value
    return None


# OpenTelemetry severity numbers 1..24, in fours: TRACE, DEBUG, INFO, WARN, ERROR, FATAL.
_SEVERITY_LEVELS = ("DEBUG", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Older Python SDKs write the enum's repr: "<SeverityNumber.WARN: 13>".
_SEVERITY_REPR = re.compile(r"<SeverityNumber\.\w+: (\d+)>")


def _severity(value: object) -> str | None:
    """The level an OpenTelemetry severity number stands for; None if unset (0).  A value that
    is not one is returned as text that no level matches, so the record is rejected for it."""
    if value is None:
        return None
    number: object = value
    if isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        match = _SEVERITY_REPR.fullmatch(text)
        if match is not None:
            text = match.group(1)
        elif text.startswith("SEVERITY_NUMBER_"):  # the enum's name, as protobuf JSON may write
            text = text[16:].rstrip("234")
            return None if text == "UNSPECIFIED" else text
        number = int(text) if text.isdecimal() and len(text) < 4 else value
    if type(number) is int:
        if number == 0:
            return None
        if 1 <= number <= 24:
            return _SEVERITY_LEVELS[(number - 1) // 4]
    return f"severity_number {str(value)[:16]}"


def _unset_nanos(value: object) -> bool:
    """OpenTelemetry's 0 (or "0"): the time is unknown; the next source is used."""
    return value == "0" or (type(value) is int and value == 0)


def _from_nanos(value: object) -> float:
    """Epoch seconds from OpenTelemetry's nanoseconds (a number, or a string in OTLP/JSON)."""
    if isinstance(value, str) and len(value) <= 24 and value.strip().isdecimal():
        value = int(value)
    if type(value) is int:
        return _check_range(value // 1_000_000_000 + (value % 1_000_000_000) / 1e9)
    if isinstance(value, float) and math.isfinite(value):
        return _check_range(value / 1e9)
    raise RecordRejected("timestamp", f"not a nanosecond count: {str(value)[:40]!r}")


class _Fields(NamedTuple):
    """Raw field values as sent, before validation (general path)."""

    service: Any
    message: Any
    level: Any
    timestamp: Any
    nanos: bool
    host: Any
    trace_id: Any
    event_id: Any
    used: set[str]


def _resolve(obj: dict[str, Any], sources: tuple[tuple[_Source, ...], ...]) -> _Fields:
    """Raw fields of a record in any accepted format (see docs/anomaly.md, Records)."""
    service_s, message_s, level_s, severity_s, time_s, host_s, trace_s, id_s, stack_s = sources
    used: set[str] = set()
    message = _pick(obj, message_s, used)
    if type(message) is dict:
        message = _any_value(message)
    if stack_s and isinstance(message, str):
        message = _with_stack(obj, message, stack_s)
    level = _pick(obj, level_s, used)
    if severity_s and (level is None or level_code(level) is None):
        # A known level text wins; else OpenTelemetry's number, unless the text is unstorable
        # (then it is rejected as such) or the number is no level either (the text is named).
        number = _severity(_pick(obj, severity_s, used))
        if (
            number is not None
            and not (isinstance(level, str) and _unstorable(level))
            and (level is None or level_code(number) is not None)
        ):
            level = number
    timestamp, nanos = None, False
    for key, path in time_s:
        value = _source(obj, key, path)
        if value is None or (key in _NANOS and _unset_nanos(value)):
            continue
        used.add(key)
        timestamp, nanos = value, key in _NANOS
        break
    return _Fields(
        _pick(obj, service_s, used),
        message,
        level,
        timestamp,
        nanos,
        _pick(obj, host_s, used),
        _pick(obj, trace_s, used),
        _pick(obj, id_s, used),
        used,
    )


def _with_stack(obj: dict[str, Any], message: str, sources: tuple[_Source, ...]) -> str:
    """``message`` with the format's separate stack trace (and Python's stack_info) appended
    on new lines, unless the message already holds it.  The fields stay in metadata too."""
    exception = stack = None
    for key, path in sources:
        value = _source(obj, key, path)
        if isinstance(value, str) and value.strip():
            if key == "stack_info":
                stack = value
            elif exception is None:
                exception = value
    for part in (exception, stack):
        if part is not None and part not in message:
            message = f"{message}\n{part}"
    return message


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
    _, _, general, sources = _plan(obj)
    value = None if general else _first(obj, _SERVICE_KEYS)
    if general or isinstance(value, dict):
        value = _pick(obj, sources[0], set())
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
    normalised: bool = False,
) -> LogRecord:
    """The seed parser.  Another format (``general``, or an object met where text was expected)
    is handed to ``_parse_general``, which normalises it and comes back with ``normalised``."""
    field_limit = limits.max_field_chars
    chosen, unknown, general, sources = _plan(obj)
    if general:
        return _parse_general(
            obj, sources, position, received_at, max_future, limits, with_event_id
        )
    k_service, k_message, k_level, k_time, k_host, k_trace, k_meta, k_id = chosen
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
    elif raw_service is None:
        raise _missing("service_name")
    elif isinstance(raw_service, dict) and not normalised:  # {"service": {"name": ...}}
        return _parse_general(
            obj, sources, position, received_at, max_future, limits, with_event_id
        )
    else:
        service = _text(raw_service, "service_name", field_limit).strip()
    if not service:
        raise RecordRejected("service_name", "empty")
    if suspect:
        _check_identifier(service, "service_name")

    message = _get(obj, k_message, _MESSAGE_KEYS)
    if message is None:
        raise _missing("message")
    if type(message) is not str:
        if isinstance(message, dict) and not normalised:  # {"log": {"level": ...}}: ECS
            return _parse_general(
                obj, sources, position, received_at, max_future, limits, with_event_id
            )
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
            raise _missing("timestamp")
        ts = received_at
    else:
        ts = parse_timestamp(raw_ts)

    host = trace_id = None
    if k_host is not None:
        raw = _get(obj, k_host, _HOST_KEYS)
        try:
            host = _optional_text(raw, "host", field_limit)
        except RecordRejected:
            if isinstance(raw, dict) and not normalised:  # {"host": {"name": ...}}: ECS
                return _parse_general(
                    obj, sources, position, received_at, max_future, limits, with_event_id
                )
            raise
        if suspect and host:
            _check_identifier(host, "host")
    if k_trace is not None:
        raw = _get(obj, k_trace, _TRACE_KEYS)
        try:
            trace_id = _optional_text(raw, "trace_id", field_limit)
        except RecordRejected:
            if isinstance(raw, dict) and not normalised:  # {"trace": {"id": ...}}: ECS
                return _parse_general(
                    obj, sources, position, received_at, max_future, limits, with_event_id
                )
            raise
        if suspect and trace_id:
            _check_identifier(trace_id, "trace_id")
    metadata = None
    if k_meta is not None or unknown:
        metadata = _metadata(obj, limits, unknown)
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


def _missing(field: str) -> RecordRejected:
    return RecordRejected(field, f"missing (looked for {_LOOKED_FOR[field]})")


def _metadata(obj: dict[str, Any], limits: RecordLimits, unknown: bool) -> dict[str, Any] | None:
    """``unknown``: ``obj`` has top-level keys the parser does not know (its layout's plan)."""
    raw = _first(obj, _META_KEYS)
    if raw is not None and not isinstance(raw, dict):
        raise RecordRejected("metadata", f"expected an object, got {type(raw).__name__}")
    metadata: dict[str, Any] | None = dict(raw) if raw else None
    # Unknown top-level fields are kept as metadata rather than silently dropped.
    if unknown:
        metadata = metadata or {}
        for key, value in obj.items():
            if key not in _KNOWN:
                metadata.setdefault(str(key), value)
    if metadata is not None and len(metadata) > limits.max_metadata_keys:
        raise RecordRejected("metadata", f"more than {limits.max_metadata_keys} keys")
    return metadata


def _parse_general(
    obj: dict[str, Any],
    sources: tuple[tuple[_Source, ...], ...],
    position: int,
    received_at: float | None,
    max_future: float,
    limits: RecordLimits,
    with_event_id: bool,
) -> LogRecord:
    """A record in another shipper's format: its fields are found (``_resolve``), written under
    the seed's names and parsed by the seed parser, so every rule (limits, NUL and surrogate
    checks, clamping) is the seed's.  The event id is the sender's, or derived from ``obj`` as
    sent -- never from the normalised copy."""
    found = _resolve(obj, sources)
    seed: dict[str, Any] = {}
    if found.service is not None:
        seed["service_name"] = found.service
    if found.message is not None:
        seed["message"] = found.message
    if found.level is not None:
        seed["log_level"] = found.level
    if found.timestamp is not None:
        seed["timestamp"] = _from_nanos(found.timestamp) if found.nanos else found.timestamp
    if found.host is not None:
        seed["host"] = found.host
    if found.trace_id is not None:
        seed["trace_id"] = found.trace_id
    if found.event_id is not None:
        seed["event_id"] = found.event_id
    metadata = _general_metadata(obj, found.used)
    if metadata is not None:
        seed["metadata"] = metadata
    record = _parse(seed, position, received_at, max_future, limits, False, normalised=True)
    # What was sent must be JSON, as on the seed path; its canonical bytes give the derived id.
    derive = with_event_id and found.event_id is None
    try:
        canonical = orjson.dumps(obj, option=_SORTED if derive else 0)
    except TypeError:  # orjson.JSONEncodeError: surrogates, or not JSON at all (rejected here)
        canonical = _canonical_fallback(obj)
    return record._replace(event_id=_digest(canonical, position)) if derive else record


def _general_metadata(obj: dict[str, Any], used: set[str]) -> Any:
    """The metadata object merged with every top-level field no canonical field took as a whole:
    unknown fields as on the seed path, another format's keys left unused (``asctime`` beside
    ``created``), objects a field was read from (an ECS ``service``, OpenTelemetry's
    ``resource``) whole, with OTLP/JSON attribute lists as plain objects.  Seed aliases are
    dropped as on the seed path.  A metadata value that is not an object is returned as it is,
    for the seed parser to reject."""
    raw = _first(obj, _META_KEYS)
    if raw is not None and not isinstance(raw, dict):
        return raw
    metadata: dict[str, Any] | None = dict(raw) if raw else None
    for key, value in obj.items():
        if key in used or (key in _KNOWN and not (key in _CONTAINERS and isinstance(value, dict))):
            continue
        if metadata is None:
            metadata = {}
        metadata.setdefault(str(key), _otlp_plain(key, value))
    return metadata


def _otlp_plain(key: object, value: Any) -> Any:
    """OpenTelemetry's ``attributes`` and ``resource.attributes`` as objects when sent as
    OTLP/JSON lists; anything else as it is."""
    if key == "attributes":
        return _attribute_object(value)
    if key == "resource" and isinstance(value, dict) and isinstance(value.get("attributes"), list):
        return {**value, "attributes": _attribute_object(value["attributes"])}
    return value


def _attribute_object(value: Any) -> Any:
    """``[{"key": k, "value": {"stringValue": v}}, ..]`` -> ``{k: v, ..}`` (the first of equal
    keys kept); a list of another shape is returned unchanged."""
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and isinstance(item.get("key"), str) for item in value
    ):
        return value
    plain: dict[str, Any] = {}
    for item in value:
        plain.setdefault(item["key"], _any_value(item.get("value")))
    return plain


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
