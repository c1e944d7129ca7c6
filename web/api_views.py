"""The ``/api/v1`` views: thin adapters that validate parameters (``web.params``), read
(``storage.api_reads``, and the live windows of the worker that owns a service), and shape
(``web.history``). Every answer is in the seed's envelope (``web.envelope``).

A service's open windows live in the engine of the worker that consumes its partition: requests
about one service are routed there through Faust's router (the detector-state table is keyed and
partitioned like the service's records), so any worker answers with the same data. Lists over
every service add the open windows of the services this worker owns.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import faust
import orjson
from aiohttp import web as aioweb
from faust import web
from faust.exceptions import SameNode
from faust.web.exceptions import ServiceUnavailable

from pipeline.insights.live import LiveWindow
from storage.api_reads import ApiReads, ReadTimedOut
from storage.errors import DatabaseUnavailable
from web import history
from web.envelope import fail, respond
from web.history import Key, SeriesBucket, TemplateInfo
from web.params import (
    AnomaliesQuery,
    InvalidParams,
    LogsQuery,
    ParamError,
    PatternsQuery,
    Problem,
    SeriesQuery,
    ServicesQuery,
    SummaryQuery,
    WindowsQuery,
    check_search,
    decode_cursor,
    encode_cursor,
    like_pattern,
    parse_query,
    utc,
    valid_name,
)

log = logging.getLogger(__name__)

# A log count past this is estimated (counting every row of a busy day costs seconds).
COUNT_CAP = 10_000
# Rounds of following superseded_by to the template a merged one ended in.
_ALIAS_ROUNDS = 8


@dataclass(frozen=True)
class ApiContext:
    reads: ApiReads
    window_seconds: int
    # The live windows of a service this worker owns (None: not here), and those services.
    live_windows: Callable[[str], list[LiveWindow] | None]
    live_services: Callable[[], list[str]]
    # The table whose partitions say which worker owns a service (None: no routing).
    routing_table: Any = None
    now: Callable[[], float] = time.time


Handler = Callable[..., Awaitable[aioweb.StreamResponse]]


def _answers(fun: Handler) -> Handler:
    """Turn the errors a request can meet into envelopes: bad parameters are 422 with each
    field and why; a database that is down or a read that ran too long are 503."""

    @functools.wraps(fun)
    async def wrapper(*args: Any, **kwargs: Any) -> aioweb.StreamResponse:
        try:
            return await fun(*args, **kwargs)
        except InvalidParams as exc:
            return fail(422, "invalid parameters", [p.to_dict() for p in exc.problems])
        except ParamError as exc:
            return fail(422, "invalid parameters", [Problem(exc.field, exc.reason).to_dict()])
        except ReadTimedOut:
            return fail(
                503,
                "the query took too long: narrow the time range or filter by service",
                headers={"Retry-After": "5"},
            )
        except DatabaseUnavailable as exc:
            log.warning("api: database unavailable: %s", exc)
            return fail(503, "the database is unavailable", headers={"Retry-After": "5"})

    return wrapper


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _iso(value: datetime | None) -> str | None:
    if value is None or value.year in (1, 9999) or value in (datetime.min, datetime.max):
        return None
    return history.iso(value)


def _json(text: str | None) -> Any:
    return None if text is None else orjson.loads(text)


def _log_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "event_id": row["event_id"],
        "service_name": row["service_name"],
        "log_level": row["log_level"],
        "timestamp": history.iso(row["ts"]),
        "message": row["message"],
        "template_id": row["template_id"],
        "host": row["host"],
        "trace_id": row["trace_id"],
        "metadata": _json(row["metadata"]) or {},
        "late": row["late"],
        "received_at": _iso(row["received_at"]),
        "clamped": row["clamped"],
        "truncated": row["truncated"],
        "sanitized": row["sanitized"],
    }


def _template_info(row: Mapping[str, Any]) -> TemplateInfo:
    first, last = row["first_seen"], row["last_seen"]
    return TemplateInfo(
        row["service_name"],
        row["template_id"],
        row["template"],
        row["log_level"],
        first if isinstance(first, datetime) else None,
        last if isinstance(last, datetime) else None,
        int(row["occurrences"]),
        row["superseded_by"],
    )


def _series_bucket(row: Mapping[str, Any]) -> SeriesBucket:
    return SeriesBucket(
        row["bucket"].timestamp(),
        int(row["windows"]),
        int(row["volume"]),
        int(row["errors"]),
        row["max_score"],
        int(row["anomalous_windows"]),
        set(row["anomaly_kinds"]),
    )


def _incident(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "incident_id": row["incident_id"],
        "service_name": row["service_name"],
        "kind": row["kind"],
        "status": row["status"],
        "severity": row["severity"],
        "started_at": history.iso(row["started_at"]),
        "last_window_end": history.iso(row["last_window_end"]),
        "opened_at": history.iso(row["opened_at"]),
        "resolved_at": _iso(row["resolved_at"]),
        "windows": row["windows"],
        "peak_score": round(row["peak_score"], 4),
        "revision": row["revision"],
        "last_action": row["last_action"],
        "origin": row["origin"],
        # The explanation of the incident's strongest window.
        "reason": row["reason"],
        "expected": row["expected"],
        "actual": row["actual"],
        "contributing_templates": _json(row["contributing_templates"]) or [],
        "path": f"/api/v1/anomalies/{row['incident_id']}",
    }


def _position(cursor: str | None, with_id: bool = True) -> tuple[datetime | None, str | None]:
    """The (time, id) a page ended at, from its ``next`` cursor; (None, None) without one."""
    if cursor is None:
        return None, None
    position = decode_cursor(cursor, (str, str) if with_id else (str,))
    try:
        moment = utc(datetime.fromisoformat(position[0]))
    except (ValueError, OverflowError):
        raise ParamError("cursor", "not a cursor this API issued") from None
    return moment, position[1] if with_id else None


def _no_parameters(request: aioweb.Request) -> None:
    if request.query:
        raise InvalidParams([Problem(k, "unknown parameter") for k in request.query])


def _page(
    items: list[Any],
    page: int,
    page_size: int,
    total: int,
    estimate: bool = False,
    next_cursor: str | None = None,
) -> dict[str, Any]:
    return {
        "items": items,
        "page": page,
        "page_size": page_size,
        "total": total,
        "total_is_estimate": estimate,
        "next": next_cursor,
    }


class Api:
    """The handlers, bound to what they read."""

    def __init__(self, ctx: ApiContext) -> None:
        self.ctx = ctx
        self.reads = ctx.reads

    def now(self) -> datetime:
        return _dt(self.ctx.now())

    # -- templates ---------------------------------------------------------------------------

    async def templates(self, keys: Iterable[Key]) -> dict[Key, TemplateInfo]:
        """What is stored of these templates and of those they were merged into."""
        found: dict[Key, TemplateInfo] = {}
        wanted = set(keys)
        for _ in range(_ALIAS_ROUNDS):
            wanted -= found.keys()
            if not wanted:
                break
            services, ids = zip(*sorted(wanted), strict=True)
            rows = await self.reads.fetch("templates_by_id", list(services), list(ids))
            for row in rows:
                info = _template_info(row)
                found[(info.service, info.template_id)] = info
            missing = wanted - found.keys()
            wanted = {
                (info.service, info.superseded_by)
                for info in found.values()
                if info.superseded_by and (info.service, info.superseded_by) not in found
            }
            if missing and not wanted:
                break
        return found

    async def template_filter(self, template_id: str, service: str | None) -> list[str]:
        rows = await self.reads.fetch("template_family", template_id, service)
        ids = sorted({row["template_id"] for row in rows})
        return ids or [template_id]

    # -- logs --------------------------------------------------------------------------------

    async def list_logs(self, request: aioweb.Request) -> aioweb.StreamResponse:
        query = parse_query(LogsQuery, request.query)
        start, end = query.window(self.now())
        check_search(query.q, query.service_name, start, end)
        offset = query.offset()
        after_ts, after_id = _position(query.cursor)
        templates = (
            await self.template_filter(query.template_id, query.service_name)
            if query.template_id is not None
            else None
        )
        pattern = None if query.q is None else like_pattern(query.q)
        filters = (start, end, query.service_name, query.log_level, templates, pattern)
        rows = await self.reads.fetch(
            "list_logs", *filters, after_ts, after_id, query.page_size + 1, offset
        )
        more = len(rows) > query.page_size
        rows = rows[: query.page_size]
        counted = await self.reads.fetchval("count_logs", *filters, COUNT_CAP + 1)
        estimate = counted > COUNT_CAP
        total = (
            max(await self.reads.estimate("estimate_logs", *filters), counted)
            if estimate
            else counted
        )
        next_cursor = (
            encode_cursor(rows[-1]["ts"].isoformat(), rows[-1]["event_id"])
            if more and rows
            else None
        )
        page = _page(
            [_log_row(r) for r in rows], query.page, query.page_size, total, estimate, next_cursor
        )
        return respond(page, "Logs retrieved successfully")

    async def get_log(self, request: aioweb.Request, log_id: str) -> aioweb.StreamResponse:
        _no_parameters(request)
        if len(log_id) > 200 or not valid_name(log_id):
            return fail(404, f"no log with id {log_id[:200]!r}")
        row = await self.reads.fetchrow("get_log", log_id)
        if row is None:
            return fail(404, f"no log with id {log_id!r}")
        return respond(_log_row(row), "Log retrieved successfully")

    # -- summary -----------------------------------------------------------------------------

    async def summary(self, request: aioweb.Request) -> aioweb.StreamResponse:
        query = parse_query(SummaryQuery, request.query)
        start, end = query.window(self.now())
        service = query.service_name
        live = self._live(service)
        if service is not None and not await self._known(service, live):
            return fail(404, f"no service named {service!r}")
        totals = await self.reads.fetchrow("window_totals", service, start, end)
        assert totals is not None  # an aggregate always has a row
        newest = totals["newest"]
        extra = history.unstored(
            live or [], None if newest is None else newest.timestamp(), start.timestamp(),
            end.timestamp(),
        )  # fmt: skip
        rows = await self.reads.fetch("template_totals", service, start, end)
        counts: list[tuple[Key, int]] = [
            ((r["service_name"], r["template_id"]), int(r["lines"])) for r in rows
        ]
        live_by_service = self._live_by_service(service, extra)
        for name, windows in live_by_service:
            counts.extend(((name, tid), n) for w in windows for tid, n in w.template_counts)
        templates = await self.templates(key for key, _ in counts)
        final = history.final_ids(templates)
        anomalies = await self.reads.fetchval("count_incidents_opened", service, start, end)
        recs = await self.reads.fetch("recent_recommendations", service, start, end, 20)
        recommendations = [
            item for r in recs for item in (_json(r["recommendations"]) or []) if item
        ]
        parts = history.SummaryParts(
            service,
            int(totals["lines"]),
            int(totals["errors"]),
            history.fold(counts, final),
            templates,
            int(anomalies),
            recommendations,
            [w for _, windows in live_by_service for w in windows],
        )
        data = history.summary(parts) | {
            "time_range": {"start": history.iso(start), "end": history.iso(end)}
        }
        return respond(data, "Log summary retrieved successfully")

    def _live(self, service: str | None) -> list[LiveWindow] | None:
        return None if service is None else self.ctx.live_windows(service)

    async def _known(self, service: str, live: list[LiveWindow] | None) -> bool:
        """Whether a service exists: this worker owns it (``live``), or something is stored.
        A name no service can have (a NUL, too long) is unknown without asking PostgreSQL."""
        if not valid_name(service):
            return False
        return live is not None or bool(await self.reads.fetchval("service_known", service))

    def _live_by_service(
        self, service: str | None, extra: list[LiveWindow]
    ) -> list[tuple[str, list[LiveWindow]]]:
        """The live windows to add: the given service's unstored ones, or for every service the
        open windows of the services this worker owns."""
        if service is not None:
            return [(service, extra)]
        found = []
        for name in self.ctx.live_services():
            windows = [w for w in self.ctx.live_windows(name) or [] if not w.closed]
            if windows:
                found.append((name, windows))
        return found

    # -- services ----------------------------------------------------------------------------

    async def services(self, request: aioweb.Request) -> aioweb.StreamResponse:
        query = parse_query(ServicesQuery, request.query)
        after = None
        offset = query.offset()
        if query.cursor is not None:
            (after,) = decode_cursor(query.cursor, (str,))
        rows = await self.reads.fetch("list_services", after, query.page_size + 1, offset)
        more = len(rows) > query.page_size
        rows = rows[: query.page_size]
        total = await self.reads.fetchval("count_services")
        items = [
            {
                "service_name": r["service_name"],
                "last_window": {
                    "window_start": history.iso(r["window_start"]),
                    "window_end": history.iso(r["window_end"]),
                    "volume": r["volume"],
                    "errors": r["errors"],
                    "error_rate": history.rate_percent(r["errors"], r["volume"]),
                    "score": round(r["score"], 4),
                    "anomaly_kinds": list(r["anomaly_kinds"]),
                },
                "open_incidents": list(r["open_incidents"]),
            }
            for r in rows
        ]
        next_cursor = encode_cursor(rows[-1]["service_name"]) if more and rows else None
        page = _page(items, query.page, query.page_size, int(total), False, next_cursor)
        return respond(page, "Services retrieved successfully")

    async def windows(self, request: aioweb.Request, name: str) -> aioweb.StreamResponse:
        query = parse_query(WindowsQuery, request.query)
        start, end = query.window(self.now())
        offset = query.offset()
        before, _ = _position(query.cursor, with_id=False)
        live = self.ctx.live_windows(name)
        if not await self._known(name, live):
            return fail(404, f"no service named {name!r}")
        rows = await self.reads.fetch(
            "service_windows", name, start, end, before, query.page_size + 1, offset
        )
        more = len(rows) > query.page_size
        rows = rows[: query.page_size]
        first_page = before is None and offset == 0
        extra: list[LiveWindow] = []
        if first_page:
            newest = rows[0]["window_start"].timestamp() if rows else None
            extra = history.unstored(live or [], newest, start.timestamp(), end.timestamp())
        counts = {r["window_start"]: _json(r["template_counts"]) or {} for r in rows}
        keys = {(name, tid) for c in counts.values() for tid in c}
        keys |= {(name, tid) for w in extra for tid, _ in w.template_counts}
        templates = await self.templates(keys)
        names = {k[1]: info.template for k, info in templates.items()}
        items = [history.window_row(w, names, name) for w in reversed(extra)]
        for r in rows:
            top = sorted(counts[r["window_start"]].items(), key=lambda kv: -kv[1])[:5]
            items.append(
                {
                    "service_name": name,
                    "window_start": history.iso(r["window_start"]),
                    "window_end": history.iso(r["window_end"]),
                    "status": "closed",
                    "source": "stored",
                    "volume": r["volume"],
                    "errors": r["errors"],
                    "error_rate": history.rate_percent(r["errors"], r["volume"]),
                    "score": round(r["score"], 4),
                    "anomaly_kinds": list(r["anomaly_kinds"]),
                    "anomalies": _json(r["anomalies"]),
                    "top_templates": [
                        {"template_id": tid, "template": names.get(tid), "count": n}
                        for tid, n in top
                    ],
                }
            )
        total = int(await self.reads.fetchval("count_service_windows", name, start, end))
        total += len(extra) if first_page else 0
        next_cursor = encode_cursor(rows[-1]["window_start"].isoformat()) if more and rows else None
        page = _page(items, query.page, query.page_size, total, False, next_cursor)
        return respond(page, "Windows retrieved successfully")

    async def series(self, request: aioweb.Request, name: str) -> aioweb.StreamResponse:
        query = parse_query(SeriesQuery, request.query)
        start, end = query.window(self.now())
        bucket = query.bucket_seconds(start, end, self.ctx.window_seconds)
        live = self.ctx.live_windows(name)
        if not await self._known(name, live):
            return fail(404, f"no service named {name!r}")
        rows = await self.reads.fetch("service_series", name, start, end, bucket)
        newest = max((r["newest"].timestamp() for r in rows), default=None)
        extra = history.unstored(live or [], newest, start.timestamp(), end.timestamp())
        found = history.series([_series_bucket(r) for r in rows], extra, bucket)
        data = {
            "service_name": name,
            "bucket_seconds": bucket,
            "start_time": history.iso(start),
            "end_time": history.iso(end),
            "items": [history.series_item(b, bucket) for b in found],
        }
        return respond(data, "Series retrieved successfully")

    # -- patterns ----------------------------------------------------------------------------

    async def patterns(self, request: aioweb.Request) -> aioweb.StreamResponse:
        query = parse_query(PatternsQuery, request.query)
        start, end = query.window(self.now())
        service = query.service_name
        offset = query.offset()
        if query.cursor is not None:
            (offset,) = decode_cursor(query.cursor, (int,))
            if offset < 0:
                raise ParamError("cursor", "not a cursor this API issued")
        live = self._live(service)
        if service is not None and not await self._known(service, live):
            return fail(404, f"no service named {service!r}")
        rows = await self.reads.fetch("window_template_counts", service, start, end)
        counted: list[tuple[Key, float, int]] = [
            ((r["service_name"], r["template_id"]), r["window_start"].timestamp(), int(r["lines"]))
            for r in rows
        ]
        newest = max((ts for _, ts, _ in counted), default=None)
        extra = history.unstored(live or [], newest, start.timestamp(), end.timestamp())
        for name, windows in self._live_by_service(service, extra):
            counted.extend(history.live_rows(name, windows))
        templates = await self.templates({key for key, _, _ in counted})
        final = history.final_ids(templates)
        bucket = history.bucket_seconds(start.timestamp(), end.timestamp(), self.ctx.window_seconds)
        found = history.pattern_counts(counted, final, start.timestamp(), end.timestamp(), bucket)
        ranked = sorted(found.items(), key=lambda item: (-item[1].lines, item[0]))
        chosen = ranked[offset : offset + query.page_size]
        keys = [key for key, _ in chosen]
        examples: dict[Key, str] = {}
        if keys:
            services, ids = zip(*keys, strict=True)
            for r in await self.reads.fetch("template_examples", list(services), list(ids), end):
                examples[(r["service_name"], r["template_id"])] = r["message"]
        items = []
        for key, counts in chosen:
            info = templates.get(key)
            first = info.first_seen if info else None
            items.append(
                {
                    "service_name": key[0],
                    "template_id": key[1],
                    "template": info.template if info else None,
                    "level": info.level if info else None,
                    "count": counts.lines,
                    "first_seen": _iso(first),
                    "last_seen": _iso(info.last_seen if info else None),
                    "new": first is not None and start <= first < end,
                    "trend": counts.trend,
                    "bucket_seconds": bucket,
                    "example": examples.get(key),
                }
            )
        more = offset + query.page_size < len(ranked)
        next_cursor = encode_cursor(offset + query.page_size) if more else None
        page = _page(items, query.page, query.page_size, len(ranked), False, next_cursor)
        return respond(page, "Patterns retrieved successfully")

    # -- anomalies ---------------------------------------------------------------------------

    async def anomalies(self, request: aioweb.Request) -> aioweb.StreamResponse:
        query = parse_query(AnomaliesQuery, request.query)
        start, end = query.window(self.now())
        offset = query.offset()
        after_ts, after_id = _position(query.cursor)
        filters = (query.service_name, start, end, query.severity, query.status)
        rows = await self.reads.fetch(
            "list_incidents", *filters, after_ts, after_id, query.page_size + 1, offset
        )
        more = len(rows) > query.page_size
        rows = rows[: query.page_size]
        total = int(await self.reads.fetchval("count_incidents", *filters))
        next_cursor = (
            encode_cursor(rows[-1]["started_at"].isoformat(), rows[-1]["incident_id"])
            if more and rows
            else None
        )
        page = _page(
            [_incident(r) for r in rows], query.page, query.page_size, total, False, next_cursor
        )
        return respond(page, "Anomalies retrieved successfully")

    async def anomaly(self, request: aioweb.Request, incident_id: str) -> aioweb.StreamResponse:
        _no_parameters(request)
        if len(incident_id) > 200 or not valid_name(incident_id):
            return fail(404, "no such incident")
        row = await self.reads.fetchrow("get_incident", incident_id)
        if row is None:
            return fail(404, f"no incident {incident_id!r}")
        windows = await self.reads.fetch("incident_anomalies", incident_id)
        recs = await self.reads.fetch("incident_recommendations", incident_id, row["service_name"])
        revisions = await self.reads.fetch(
            "incident_revisions", incident_id, row["service_name"], row["started_at"],
            row["resolved_at"],
        )  # fmt: skip
        data = _incident(row) | {
            "anomalies": [
                {
                    "window_start": history.iso(w["window_start"]),
                    "window_end": history.iso(w["window_end"]),
                    "kind": w["kind"],
                    "score": round(w["score"], 4),
                    "severity": w["severity"],
                    "expected": w["expected"],
                    "actual": w["actual"],
                    "reason": w["reason"],
                    "contributing_templates": _json(w["contributing_templates"]) or [],
                    "rule_evidence": w["rule_evidence"],
                    "model_score": w["model_score"],
                }
                for w in windows
            ],
            "recommendations": [
                item for r in recs for item in (_json(r["recommendations"]) or []) if item
            ],
            "revisions": [
                {
                    "revision": r["revision"],
                    "action": r["action"],
                    "window_start": history.iso(r["window_start"]),
                    "window_end": history.iso(r["window_end"]),
                    "severity": r["severity"],
                    "windows": r["windows"],
                    "peak_score": r["peak_score"],
                    "escalated": r["escalated"],
                    "alerted": r["alerted"],
                    "reason": r["reason"],
                }
                for r in revisions
            ],
        }
        return respond(data, "Anomaly retrieved successfully")


def register_api_views(app: faust.App, ctx: ApiContext) -> Api:
    api = Api(ctx)
    table = ctx.routing_table

    async def route(view: web.View, request: aioweb.Request, key: str | None) -> Any:
        """The owning worker's answer when another worker owns ``key``; None to answer here
        (this worker owns it, no key, or the owner is not known yet: then without live data)."""
        if table is None or key is None or not valid_name(key):
            return None
        try:
            return await app.router.route_req(table.name, key, view.web, request)  # type: ignore[arg-type]
        except SameNode:
            return None
        except (ServiceUnavailable, KeyError):
            return None

    def page(path: str, handler: Handler, routed_by: str | None = None) -> None:
        answered = _answers(handler)

        async def get(view: web.View, request: aioweb.Request, **match: str) -> Any:
            if routed_by is not None:
                key = match.get(routed_by) or request.query.get(routed_by)
                routed = await route(view, request, key)
                if routed is not None:
                    return routed
            return await answered(request, *match.values())

        get.__name__ = "api_" + path.strip("/").replace("/", "_").replace("{", "").replace("}", "")
        app.page(path)(get)  # type: ignore[arg-type]

    # Registration order matters: /logs/summary before /logs/{id}.
    page("/api/v1/logs/summary", api.summary, routed_by="service_name")
    page("/api/v1/logs/{log_id}", api.get_log)
    page("/api/v1/logs", api.list_logs)
    page("/api/v1/services", api.services)
    page("/api/v1/services/{name}/windows", api.windows, routed_by="name")
    page("/api/v1/services/{name}/series", api.series, routed_by="name")
    page("/api/v1/patterns", api.patterns, routed_by="service_name")
    page("/api/v1/anomalies/{incident_id}", api.anomaly)
    page("/api/v1/anomalies", api.anomalies)
    return api
