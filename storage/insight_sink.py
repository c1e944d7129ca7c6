"""Writes the insights topic's messages to PostgreSQL so that each finding is stored exactly once.

One :meth:`InsightSink.store` is one transaction of at most four statements, each over the whole
batch (arrays through ``unnest``, see ``sql/queries/insights.sql``):

1. every message goes to ``insights``, keyed by its natural id (``ON CONFLICT (id) DO NOTHING``);
   the ids that insert returns are the new messages;
2. of the new messages only: ``window_summary`` to ``window_stats`` (key: service, window
   start), ``anomaly`` to ``anomalies`` (key: incident id, window start, kind), both
   ``ON CONFLICT DO NOTHING``;
3. ``incident`` events of new messages to ``incidents`` (key: incident id), applied only when
   later than the stored event in (revision, action), with opened < updated < resolved. The
   revision is the index of the window whose closing produced the event, so a replayed or late
   older event never moves an incident back (an "updated" arriving after the "resolved" of a
   later window does not reopen it), and when one window both updates and resolves an
   incident (it went dormant) the resolution wins whichever arrives first. A reopening within
   the cooldown is an "updated" of a later window, so it does reopen the incident.

Because ``insights`` records which messages were applied, in the same transaction, storing a
batch again changes nothing at all. Other types (recommendation, insight, new_pattern, and types
this code does not know yet) are stored in ``insights`` only.

Failures (see :mod:`storage.retry`), as in :mod:`storage.log_sink`: a lost database is waited
out, retrying the whole transaction until it commits or ``should_stop()`` says the service is
stopping. A message that cannot be stored is a bug or hostile input; it is logged at ERROR,
reported to the observer, and the rest of the batch is stored. Messages are checked first (the
envelope, the fields of the three stored types, and that orjson can write them); what
PostgreSQL still refuses (SQLSTATE class 22, 23 or 54, e.g. a NUL character or an id too long
for its index) is found by splitting the batch in halves, each in a savepoint, down to single
messages. No dead letter is written: the message stays on the insights topic, and the log line
names its id.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import orjson

from .database import Database, is_closed
from .log_sink import NullObserver, StoreObserver
from .queries import load_queries
from .retry import Backoff, ErrorKind, classify, error_code, error_message, retry

__all__ = ["INCIDENT_ACTIONS", "InsightSink", "InvalidInsight", "ParsedInsight", "parse_insight"]

log = logging.getLogger(__name__)

# The events of one incident in one window, earliest first: the later wins on equal revisions.
INCIDENT_ACTIONS = ("opened", "updated", "resolved")

# A btree entry holds at most about 2,700 bytes; ids are far shorter in practice.
_MAX_ID_BYTES = 1024
_INT32 = 2**31 - 1
# Anomaly fields with a column of their own; any others are kept in ``details``.
_ANOMALY_COLUMNS = frozenset(
    {
        "service_name",
        "window_start",
        "window_end",
        "kind",
        "score",
        "severity",
        "expected",
        "actual",
        "contributing_templates",
        "reason",
        "incident_id",
        "rule_evidence",
        "model_score",
    }
)


class InvalidInsight(ValueError):
    """A message that cannot be stored, and why; ``code`` is a short label for metrics."""

    def __init__(self, reason: str, code: str = "InvalidInsight") -> None:
        super().__init__(reason)
        self.code = code


@dataclass(frozen=True, slots=True)
class ParsedInsight:
    """One message as rows, each a tuple in the column order of its query in insights.sql."""

    id: str
    insight: tuple[Any, ...]
    window: tuple[Any, ...] | None = None
    anomaly: tuple[Any, ...] | None = None
    incident: tuple[Any, ...] | None = None

    @property
    def incident_order(self) -> tuple[int, int]:
        """(revision, action rank) of the incident event; later wins."""
        assert self.incident is not None
        return self.incident[9], INCIDENT_ACTIONS.index(self.incident[10])


@dataclass(frozen=True, slots=True)
class _Refusal:
    label: str
    reason: str
    code: str


@dataclass(frozen=True, slots=True)
class _Outcome:
    new: int
    refused: list[_Refusal]


class InsightSink:
    """Stores decoded insights-topic messages for the insights agent; see the module docstring.

    ``should_stop`` is polled between retries; when true, a call that cannot commit raises
    :class:`storage.errors.StoreAborted`. ``statement_timeout`` bounds each statement (seconds).
    ``origin`` marks new anomalies and incidents: ``live``, or ``replay`` for a backfill's.
    """

    def __init__(
        self,
        database: Database,
        sql_dir: Path,
        *,
        should_stop: Callable[[], bool],
        observer: StoreObserver | None = None,
        backoff: Backoff | None = None,
        statement_timeout: float = 60.0,
        origin: str = "live",
    ) -> None:
        self._database = database
        self._queries = load_queries(sql_dir, "insights")
        self._origin = origin
        self._should_stop = should_stop
        self._observer: StoreObserver = observer or NullObserver()
        self._backoff = backoff or Backoff()
        self._timeout = statement_timeout

    async def store(self, messages: Sequence[dict[str, Any]]) -> int:
        """Store ``messages`` (decoded insights-topic bodies); return how many were new.

        A message repeated in the batch (same id) is stored once, as its first occurrence.
        Messages refused are logged and reported with ``observer.on_rejected`` on every call
        that meets them; the others are stored.
        """
        parsed: dict[str, ParsedInsight] = {}
        refused: list[_Refusal] = []
        for message in messages:
            try:
                insight = parse_insight(message)
            except InvalidInsight as exc:
                refused.append(_Refusal(_label(message), str(exc), exc.code))
            else:
                parsed.setdefault(insight.id, insight)
        batch = list(parsed.values())
        outcome = _Outcome(0, [])
        if batch:
            outcome = await retry(
                lambda: self._store_once(batch),
                what=f"storing {len(batch)} insight(s)",
                should_stop=self._should_stop,
                backoff=self._backoff,
                on_retry=self._observer.on_retry,
            )
        for refusal in [*refused, *outcome.refused]:
            log.error("insight %s not stored: %s", refusal.label, refusal.reason)
            self._observer.on_rejected(refusal.code)
        return outcome.new

    async def _store_once(self, batch: list[ParsedInsight]) -> _Outcome:
        refused: list[_Refusal] = []
        async with self._database.session(self._timeout) as connection, connection.transaction():
            new = await self._write(connection, batch, refused)
        return _Outcome(new, refused)

    async def _write(
        self, connection: asyncpg.Connection, part: list[ParsedInsight], refused: list[_Refusal]
    ) -> int:
        """Write ``part`` in a savepoint; on a data error, each half in its own, recursively."""
        failure: Exception
        try:
            async with connection.transaction():
                return await self._write_rows(connection, part)
        except Exception as exc:
            # A closed connection is not the messages' fault, whatever error reported it.
            if classify(exc) is not ErrorKind.DATA or is_closed(connection):
                raise
            failure = exc  # split outside the except block, so later errors do not chain to it
        if len(part) == 1:
            refused.append(
                _Refusal(_label(part[0].id), error_message(failure), error_code(failure))
            )
            return 0
        middle = len(part) // 2
        first = await self._write(connection, part[:middle], refused)
        return first + await self._write(connection, part[middle:], refused)

    async def _write_rows(self, connection: asyncpg.Connection, part: list[ParsedInsight]) -> int:
        queries, timeout = self._queries, self._timeout
        inserted = await connection.fetch(
            queries["insert_insights"], *_columns(i.insight for i in part), timeout=timeout
        )
        new_ids = {record["id"] for record in inserted}
        new = [insight for insight in part if insight.id in new_ids]
        windows = [i.window for i in new if i.window is not None]
        if windows:
            await connection.execute(
                queries["insert_window_stats"], *_columns(windows), timeout=timeout
            )
        anomalies = [i.anomaly for i in new if i.anomaly is not None]
        if anomalies:
            await connection.execute(
                queries["insert_anomalies"],
                *_columns(anomalies),
                self._origin,
                timeout=timeout,
            )
        incidents = _latest_incidents(i for i in new if i.incident is not None)
        if incidents:
            await connection.execute(
                queries["upsert_incidents"],
                *_columns(incidents),
                self._origin,
                timeout=timeout,
            )
        return len(new_ids)


def _columns(rows: Iterable[tuple[Any, ...]]) -> list[list[Any]]:
    """Rows turned into one list per column, the arguments of an ``unnest`` query."""
    return [list(column) for column in zip(*rows, strict=True)]


def _latest_incidents(insights: Iterable[ParsedInsight]) -> list[tuple[Any, ...]]:
    """The latest event of each incident: one statement may touch a row only once."""
    latest: dict[str, ParsedInsight] = {}
    for insight in insights:
        assert insight.incident is not None
        key = insight.incident[0]
        kept = latest.get(key)
        if kept is None or insight.incident_order > kept.incident_order:
            latest[key] = insight
    return [insight.incident for insight in latest.values() if insight.incident is not None]


def _label(message: object) -> str:
    """How a log line names a message: its id, shortened, or what it is when it has none."""
    ident = message.get("id") if isinstance(message, dict) else message
    if isinstance(ident, str):
        return repr(ident[:200])
    return f"without an id ({type(message).__name__})"


# -- parsing ---------------------------------------------------------------------------------


def parse_insight(message: dict[str, Any]) -> ParsedInsight:
    """The rows one message becomes, or :class:`InvalidInsight` saying why it cannot be stored.

    Pure. Checks the envelope of every message and the ``data`` of the types stored in their
    own table; other types need only a valid envelope.
    """
    if not isinstance(message, dict):
        raise InvalidInsight(f"a message is a JSON object, not {type(message).__name__}")
    try:
        body = orjson.dumps(message).decode()
    except orjson.JSONEncodeError as exc:  # orjson raises TypeError itself under this name
        raise InvalidInsight(f"not storable as JSON: {exc}", "JSONEncodeError") from None
    ident = _text(message, "id")
    if len(ident.encode()) > _MAX_ID_BYTES:
        raise InvalidInsight(f"id is longer than {_MAX_ID_BYTES} bytes")
    kind = _text(message, "type")
    service = _text(message, "service_name")
    start = _time(message, "window_start")
    end = _time(message, "window_end")
    data = message.get("data")
    if not isinstance(data, dict):
        raise InvalidInsight("data is not a JSON object")
    insight = (ident, kind, service, start, end, body)
    if kind == "window_summary":
        return ParsedInsight(ident, insight, window=_window_row(service, start, end, data))
    if kind == "anomaly":
        return ParsedInsight(ident, insight, anomaly=_anomaly_row(service, start, end, data))
    if kind == "incident":
        return ParsedInsight(ident, insight, incident=_incident_row(service, start, end, data))
    return ParsedInsight(ident, insight)


def _window_row(
    service: str, start: datetime, end: datetime, data: dict[str, Any]
) -> tuple[Any, ...]:
    features = data.get("features", {})
    if not isinstance(features, dict):
        raise InvalidInsight("data.features is not a JSON object")
    kinds = data.get("anomalies", [])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise InvalidInsight("data.anomalies is not a list of strings")
    volume = _integer(data, "volume", "data.")
    score = _number(data, "score", "data.")
    # Summaries from before migration 0006 have neither.
    errors = _integer(data, "errors", "data.") if "errors" in data else 0
    counts = data.get("template_counts", {})
    if not isinstance(counts, dict) or not all(
        isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in counts.values()
    ):
        raise InvalidInsight("data.template_counts is not an object of line counts")
    return (
        service, start, end, volume, score, _dumps(features), _dumps(kinds), errors,
        _dumps(counts),
    )  # fmt: skip


def _anomaly_row(
    service: str, start: datetime, end: datetime, data: dict[str, Any]
) -> tuple[Any, ...]:
    templates = data.get("contributing_templates", [])
    if not isinstance(templates, list):
        raise InvalidInsight("data.contributing_templates is not a list")
    reason = data.get("reason")
    if not isinstance(reason, str):
        raise InvalidInsight("data.reason is not a string")
    details = {key: value for key, value in data.items() if key not in _ANOMALY_COLUMNS}
    return (
        _text(data, "incident_id", "data."),
        start,
        _text(data, "kind", "data."),
        service,
        end,
        _number(data, "score", "data."),
        _text(data, "severity", "data."),
        _optional_number(data, "expected"),
        _optional_number(data, "actual"),
        reason,
        _dumps(templates),
        _optional_number(data, "rule_evidence"),
        _optional_number(data, "model_score"),
        _dumps(details),
    )


def _incident_row(
    service: str, start: datetime, end: datetime, data: dict[str, Any]
) -> tuple[Any, ...]:
    action = _text(data, "action", "data.")
    if action not in INCIDENT_ACTIONS:
        raise InvalidInsight(f"data.action is not one of {', '.join(INCIDENT_ACTIONS)}")
    started = _time(data, "started_at", "data.")
    try:
        # The end of the first anomalous window: every window of a service is as long as this.
        opened = started + (end - start)
    except OverflowError:
        raise InvalidInsight("data.started_at is out of range") from None
    resolved = action == "resolved"
    return (
        _text(data, "incident_id", "data."),
        service,
        _text(data, "kind", "data."),
        "resolved" if resolved else "open",
        _text(data, "severity", "data."),
        started,
        _time(data, "last_window_end", "data."),
        _integer(data, "windows", "data."),
        _number(data, "peak_score", "data."),
        _integer(data, "revision", "data."),
        action,
        opened,
        end if resolved else None,
        _dumps(data),
    )


def _text(mapping: dict[str, Any], key: str, where: str = "") -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value:
        raise InvalidInsight(f"{where}{key} is not a non-empty string")
    return value


def _time(mapping: dict[str, Any], key: str, where: str = "") -> datetime:
    value = mapping.get(key)
    moment: datetime | None = None
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
            offset = moment.utcoffset()
            moment = None if offset is None else moment.astimezone(UTC)
        except (ValueError, OverflowError):
            moment = None
    if moment is None:
        raise InvalidInsight(f"{where}{key} is not an ISO-8601 time with a UTC offset")
    return moment


def _integer(mapping: dict[str, Any], key: str, where: str) -> int:
    value = mapping.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _INT32:
        raise InvalidInsight(f"{where}{key} is not an integer from 0 to {_INT32}")
    return value


def _number(mapping: dict[str, Any], key: str, where: str) -> float:
    value = mapping.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInsight(f"{where}{key} is not a finite number")
    return float(value)


def _optional_number(data: dict[str, Any], key: str) -> float | None:
    return None if data.get(key) is None else _number(data, key, "data.")


def _dumps(value: object) -> str:
    return orjson.dumps(value).decode()
