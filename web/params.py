"""Query parameters of the HTTP API: one pydantic model per endpoint, which both validates a
request and describes the endpoint in ``/openapi.json`` (``web.openapi``), so the documentation
cannot drift from what the handlers accept.

Rules every list endpoint shares: ``start_time``/``end_time`` (ISO-8601; without an offset, UTC)
or ``range``, the last hour without either; ``page`` and ``page_size`` (at most 500, larger is an
error, not clamped); ``cursor``, the ``next`` of a previous page, for deep pages. Unknown
parameters are errors: a misspelt filter silently ignored returns the wrong rows.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import types
import typing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin

import orjson
from multidict import MultiMapping
from pydantic import BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema, field_validator

from pipeline.analysis.levels import LEVEL_NAMES

RANGES: dict[str, timedelta] = {
    "15m": timedelta(minutes=15),
    "1h": timedelta(hours=1),
    "6h": timedelta(hours=6),
    "24h": timedelta(hours=24),
    "7d": timedelta(days=7),
}
DEFAULT_RANGE = "1h"
# The longest explicit range: past the logs' retention there is nothing to read anyway.
MAX_SPAN = timedelta(days=31)
MAX_PAGE_SIZE = 500
# Deeper than this, a page is reached with the cursor (an offset reads and drops every row
# before it).
MAX_OFFSET = 10_000
# A full-text filter reads rows one by one: it needs a bounded range, and past an hour a service.
MAX_Q_SPAN = timedelta(hours=24)
MAX_Q_SPAN_ALL_SERVICES = timedelta(hours=1)
# A series' buckets (seconds each): without one asked, the smallest giving at most
# SERIES_BUCKETS over the range; a range holding more than MAX_SERIES_BUCKETS is refused.
BUCKETS: dict[str, int] = {
    "1m": 60,
    "5m": 300,
    "15m": 900,
    "30m": 1800,
    "1h": 3600,
    "2h": 7200,
    "6h": 21600,
    "12h": 43200,
    "1d": 86400,
}
SERIES_BUCKETS = 120
MAX_SERIES_BUCKETS = 2000

# A date, optionally a time: what datetime.fromisoformat reads, without bare numbers.
ISO_PATTERN = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$"
_ISO = re.compile(ISO_PATTERN)
# Documented as the strings accepted (the OpenAPI "date-time" format would refuse a bare date).
IsoTime = Annotated[datetime | None, WithJsonSchema({"type": "string", "pattern": ISO_PATTERN})]
# Printable, no separators that would make a log line or a URL ambiguous.
_NAME = re.compile(r"^[^\x00-\x1f\x7f]{1,200}$")
ServiceName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00-\x1f\x7f]+$",
        description="A service's name, exactly as its logs carry it.",
    ),
]
TemplateId = Annotated[
    str,
    Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$"),
]


class ParamError(ValueError):
    """A request parameter is wrong: which one, and why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class Problem:
    field: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "reason": self.reason}


class InvalidParams(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.reason}" for p in problems))
        self.problems = problems


class ApiQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class TimeFilter(ApiQuery):
    start_time: IsoTime = Field(
        None, description="Start of the time range (ISO-8601; UTC when no offset is given)."
    )
    end_time: IsoTime = Field(
        None, description="End of the time range, exclusive (ISO-8601); now when omitted."
    )
    range: Literal["15m", "1h", "6h", "24h", "7d"] | None = Field(
        None,
        description="A range ending now, instead of start_time/end_time. Default: 1h.",
    )

    @field_validator("start_time", "end_time", mode="before")
    @classmethod
    def _iso(cls, value: object) -> datetime | None:
        # Only ISO-8601: pydantic alone would also read "0.5" or "1700000000" as Unix time,
        # which a caller who meant a date never intended.
        if value is None:
            return None
        if not isinstance(value, str) or not _ISO.match(value):
            raise ValueError("expected an ISO-8601 date-time, e.g. 2026-12-03T10:00:00Z")
        try:
            return utc(datetime.fromisoformat(value))
        except (ValueError, OverflowError):
            # OverflowError: an offset that moves the time past year 1 or 9999 in UTC.
            raise ValueError("not a valid ISO-8601 date-time within years 1-9999 UTC") from None

    def window(self, now: datetime) -> tuple[datetime, datetime]:
        """The [start, end) this request covers."""
        if self.range is not None:
            if self.start_time is not None or self.end_time is not None:
                raise ParamError("range", "give range or start_time/end_time, not both")
            return now - RANGES[self.range], now
        end = self.end_time or now
        start = self.start_time or end - RANGES[DEFAULT_RANGE]
        if start >= end:
            raise ParamError("start_time", "must be before end_time")
        if end - start > MAX_SPAN:
            raise ParamError("start_time", f"the range may span at most {MAX_SPAN.days} days")
        return start, end


class Paging(ApiQuery):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(
        50, ge=1, le=MAX_PAGE_SIZE, description=f"Items per page, at most {MAX_PAGE_SIZE}."
    )
    cursor: str | None = Field(
        None,
        max_length=512,
        description="The `next` of a previous response: the page after it (ignores `page`).",
    )

    def offset(self) -> int:
        if self.cursor is not None:
            return 0
        offset = (self.page - 1) * self.page_size
        if offset > MAX_OFFSET:
            raise ParamError(
                "page", f"pages beyond the first {MAX_OFFSET} items are read with the cursor"
            )
        return offset


class LogsQuery(TimeFilter, Paging):
    service_name: ServiceName | None = None
    log_level: list[str] | None = Field(
        None,
        description="One or several levels: repeat the parameter or separate with commas.",
    )
    template_id: TemplateId | None = Field(
        None, description="Lines of this template (and of the templates it absorbed)."
    )
    q: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description=(
            "Case-insensitive substring of the message; only within a range of at most 24 h,"
            " and past 1 h with a service_name."
        ),
    )

    @field_validator("log_level")
    @classmethod
    def _levels(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else levels(value)


class SummaryQuery(TimeFilter):
    service_name: ServiceName | None = None


class ServicesQuery(Paging):
    pass


class WindowsQuery(TimeFilter, Paging):
    pass


class SeriesQuery(TimeFilter):
    bucket: Literal["1m", "5m", "15m", "30m", "1h", "2h", "6h", "12h", "1d"] | None = Field(
        None,
        description=(
            f"Width of a bucket, rounded up to whole windows. Default: the smallest giving at"
            f" most {SERIES_BUCKETS} buckets over the range; more than {MAX_SERIES_BUCKETS} is"
            " an error."
        ),
    )

    def bucket_seconds(self, start: datetime, end: datetime, window_seconds: int) -> int:
        """The bucket this request is answered in: the one asked or chosen, in whole windows
        (a bucket never splits a window, nor is smaller than one)."""
        if self.bucket is not None:
            chosen = whole_windows(BUCKETS[self.bucket], window_seconds)
        else:
            sizes = [whole_windows(size, window_seconds) for size in BUCKETS.values()]
            chosen = next(
                (size for size in sizes if buckets_over(start, end, size) <= SERIES_BUCKETS),
                sizes[-1],
            )
        count = buckets_over(start, end, chosen)
        if count > MAX_SERIES_BUCKETS:
            raise ParamError(
                "bucket",
                f"this range holds {count} buckets of {chosen} s, more than"
                f" {MAX_SERIES_BUCKETS}: choose a larger bucket or a shorter range",
            )
        return chosen


def whole_windows(seconds: int, window_seconds: int) -> int:
    """``seconds`` rounded up to a whole number of windows, at least one."""
    return max(1, math.ceil(seconds / window_seconds)) * window_seconds


def buckets_over(start: datetime, end: datetime, bucket: int) -> int:
    """How many buckets of ``bucket`` seconds, aligned on the Unix epoch, overlap [start, end)."""
    return math.ceil(end.timestamp() / bucket) - math.floor(start.timestamp() / bucket)


class PatternsQuery(TimeFilter, Paging):
    service_name: ServiceName | None = None


class AnomaliesQuery(TimeFilter, Paging):
    service_name: ServiceName | None = None
    severity: list[Literal["low", "medium", "high", "critical"]] | None = Field(
        None, description="One or several severities: repeat the parameter or use commas."
    )
    status: Literal["open", "resolved"] | None = None


def levels(values: list[str]) -> list[str]:
    found: list[str] = []
    for value in values:
        name = value.strip().upper()
        if name == "WARN":
            name = "WARNING"
        if name not in LEVEL_NAMES:
            raise ValueError(f"{value!r} is not one of {', '.join(LEVEL_NAMES)}")
        if name not in found:
            found.append(name)
    return found


Q = TypeVar("Q", bound=ApiQuery)


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in get_args(annotation))
    return get_origin(annotation) is list


def parse_query(model: type[Q], query: MultiMapping[str]) -> Q:
    """Validate a request's query string against ``model``: list parameters may repeat or hold
    commas; any other parameter given twice is an error (which one would count?)."""
    raw: dict[str, Any] = {}
    problems: list[Problem] = []
    for name in dict.fromkeys(query.keys()):
        values = query.getall(name)
        info = model.model_fields.get(name)
        if info is None:
            problems.append(Problem(name, "unknown parameter"))
            continue
        if _is_list(info.annotation):
            raw[name] = [part for value in values for part in value.split(",") if part.strip()]
        elif len(values) > 1:
            problems.append(Problem(name, "given more than once"))
        else:
            raw[name] = values[0]
    if problems:
        raise InvalidParams(problems)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise InvalidParams(
            [
                Problem(".".join(str(part) for part in error["loc"][:1]) or "query", error["msg"])
                for error in exc.errors(include_url=False)
            ]
        ) from None


def check_search(q: str | None, service: str | None, start: datetime, end: datetime) -> None:
    if q is None:
        return
    if end - start > MAX_Q_SPAN:
        raise ParamError("q", "searches a range of at most 24 h")
    if service is None and end - start > MAX_Q_SPAN_ALL_SERVICES:
        raise ParamError("q", "past 1 h, a search needs a service_name")


def like_pattern(q: str) -> str:
    """An ILIKE pattern matching ``q`` as a plain substring (its % and _ taken literally)."""
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def encode_cursor(*position: Any) -> str:
    """An opaque cursor for the position after the last item of a page."""
    return base64.urlsafe_b64encode(orjson.dumps(list(position))).decode().rstrip("=")


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC (naive times are UTC); OverflowError when UTC leaves years 1-9999."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def decode_cursor(cursor: str, shape: tuple[type, ...]) -> list[Any]:
    """The position a cursor holds; ``ParamError`` for anything this API did not issue."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = orjson.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError, orjson.JSONDecodeError):
        raise ParamError("cursor", "not a cursor this API issued") from None
    if (
        not isinstance(position, list)
        or len(position) != len(shape)
        or not all(
            isinstance(v, t) and not isinstance(v, bool)
            for v, t in zip(position, shape, strict=True)
        )
        # PostgreSQL refuses NUL in text: a cursor holding one was not issued here.
        or any(isinstance(v, str) and "\x00" in v for v in position)
    ):
        raise ParamError("cursor", "not a cursor this API issued")
    return position


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name))
