"""``/openapi.json``: OpenAPI 3.1 built from the models the handlers validate with
(``web.params``) and the response shapes (``web.schemas``), so the document cannot drift from
what the service accepts and answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import faust
from faust import web
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from web import schemas
from web.clients import TOKEN_PATH
from web.params import (
    AnomaliesQuery,
    ApiQuery,
    LogsQuery,
    PatternsQuery,
    SeriesQuery,
    ServicesQuery,
    SummaryQuery,
    WindowsQuery,
)

_REF = "#/components/schemas/{model}"
_PATH_PARAM = {"type": "string", "minLength": 1, "maxLength": 200}


@dataclass(frozen=True)
class Operation:
    path: str
    summary: str
    # None: Prometheus' text format, not JSON.
    response: type[BaseModel] | None
    tag: str
    query: type[ApiQuery] | None = None
    path_params: tuple[tuple[str, str], ...] = ()
    description: str = ""
    secured: bool = True
    errors: tuple[int, ...] = (401, 422, 503)


Env = schemas.Envelope
OPERATIONS: tuple[Operation, ...] = (
    Operation("/", "Name, version and links", Env[schemas.Root], "meta", secured=False, errors=()),
    Operation("/health/", "Liveness", Env[schemas.Health], "health", secured=False, errors=()),
    Operation(
        "/health/ready",
        "Readiness: PostgreSQL, Kafka and RabbitMQ each (503 when one is down)",
        Env[schemas.Readiness],
        "health",
        secured=False,
        errors=(503,),
    ),
    Operation(
        "/metrics",
        "Prometheus metrics (text exposition format)",
        None,
        "meta",
        secured=False,
        errors=(),
    ),
    Operation(
        "/api/v1/logs",
        "List logs, newest first",
        Env[schemas.Page[schemas.LogEntry]],
        "logs",
        LogsQuery,
        description=(
            "`total` is counted up to 10,000 matching logs; past that it is the planner's"
            " estimate and `total_is_estimate` is true. Deep pages: follow `next`."
        ),
    ),
    Operation(
        "/api/v1/logs/summary",
        "Summary of a service (or of every service) over a time range",
        Env[schemas.Summary],
        "logs",
        SummaryQuery,
        description="From the stored window statistics of the range plus the open windows.",
        errors=(401, 404, 422, 503),
    ),
    Operation(
        "/api/v1/logs/{log_id}",
        "One log by its event id",
        Env[schemas.LogEntry],
        "logs",
        path_params=(("log_id", "The log's event id."),),
        errors=(401, 404, 422, 503),
    ),
    Operation(
        "/api/v1/services",
        "Every service with its last closed window and open incidents",
        Env[schemas.Page[schemas.ServiceRow]],
        "services",
        ServicesQuery,
    ),
    Operation(
        "/api/v1/services/{name}/windows",
        "A service's windows, newest first: open ones live, closed ones stored",
        Env[schemas.Page[schemas.WindowRow]],
        "services",
        WindowsQuery,
        path_params=(("name", "The service's name."),),
        errors=(401, 404, 422, 503),
    ),
    Operation(
        "/api/v1/services/{name}/series",
        "A service's lines, errors and anomalies per time bucket, oldest first",
        Env[schemas.Series],
        "services",
        SeriesQuery,
        path_params=(("name", "The service's name."),),
        description=(
            "Buckets are aligned on the Unix epoch and hold the windows starting in the range;"
            " only buckets holding a window are listed. Stored windows are added up in"
            " PostgreSQL, the open ones (and closed ones not stored yet) come live from the"
            " worker that owns the service, and a bucket holding an open window has `open`."
        ),
        errors=(401, 404, 422, 503),
    ),
    Operation(
        "/api/v1/patterns",
        "Templates with their counts, trend, example and whether they are new",
        Env[schemas.Page[schemas.Pattern]],
        "patterns",
        PatternsQuery,
        errors=(401, 404, 422, 503),
    ),
    Operation(
        "/api/v1/anomalies",
        "Incidents overlapping a time range, newest first",
        Env[schemas.Page[schemas.Incident]],
        "anomalies",
        AnomaliesQuery,
    ),
    Operation(
        "/api/v1/anomalies/{incident_id}",
        "One incident with its windows, explanations and recommendations",
        Env[schemas.IncidentDetail],
        "anomalies",
        path_params=(("incident_id", "The incident's id."),),
        errors=(401, 404, 422, 503),
    ),
)


def _query_parameters(model: type[ApiQuery]) -> list[dict[str, Any]]:
    schema = model.model_json_schema(ref_template=_REF)
    parameters = []
    for name, prop in schema["properties"].items():
        prop = dict(prop)
        description = prop.pop("description", None)
        prop.pop("title", None)
        if prop.get("default", 0) is None:
            del prop["default"]
        options = prop.pop("anyOf", None)
        if options is not None:
            # Optional[...] in the model: a query parameter is simply left out instead.
            kept = [o for o in options if o.get("type") != "null"]
            prop = (kept[0] if len(kept) == 1 else {"anyOf": kept}) | prop
        parameter: dict[str, Any] = {"name": name, "in": "query", "required": False}
        if description:
            parameter["description"] = description
        if prop.get("type") == "array":
            parameter |= {"style": "form", "explode": True}
        parameter["schema"] = prop
        parameters.append(parameter)
    return parameters


def _token_operation(refs: dict[Any, Any]) -> dict[str, Any]:
    """POST /api/v1/auth/token, in OAuth's format rather than the envelope."""

    def problem(description: str, **headers: str) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "description": description,
            "content": {
                "application/json": {"schema": refs[(schemas.OAuthProblem, "serialization")]}
            },
        }
        if headers:
            answer["headers"] = {
                name: {"description": text, "required": True, "schema": {"type": "string"}}
                for name, text in headers.items()
            }
        return answer

    return {
        "summary": "A bearer token for a service client (OAuth 2.0 client credentials grant)",
        "description": (
            "RFC 6749 section 4.4. Authenticate with HTTP Basic (client name and secret from"
            " `python -m pipeline clients add`), or with `client_id` and `client_secret` in the"
            " body. Failed attempts are limited per client and per address"
            " (`CLIENT_FAILURES_PER_MINUTE`); past the limit the answer is 429 `slow_down`."
        ),
        "operationId": "post_api_v1_auth_token",
        "tags": ["auth"],
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": refs[(schemas.TokenForm, "validation")]
                }
            },
        },
        "responses": {
            "200": {
                "description": "A token, valid for `expires_in` seconds",
                "content": {
                    "application/json": {"schema": refs[(schemas.OAuthToken, "serialization")]}
                },
            },
            "400": problem("A malformed request, another grant type, or a scope"),
            "401": problem(
                "Client authentication failed (unknown, revoked or wrong secret alike)",
                **{"WWW-Authenticate": "Basic realm"},
            ),
            "408": problem("The body did not arrive in time (`WEB_BODY_TIMEOUT_SECONDS`)"),
            "413": problem("The body is too large"),
            "429": problem("Too many failed attempts", **{"Retry-After": "Seconds to wait"}),
            "503": problem("The client database is unavailable", **{"Retry-After": "Seconds"}),
        },
        "security": [{"basicAuth": []}, {}],
    }


def build_spec(version: str) -> dict[str, Any]:
    models: list[type[BaseModel]] = [
        op.response for op in OPERATIONS if op.response is not None
    ] + [schemas.ErrorEnvelope, schemas.OAuthToken, schemas.OAuthProblem]
    refs, top = models_json_schema(
        [(m, "serialization") for m in models] + [(schemas.TokenForm, "validation")],
        ref_template=_REF,
    )
    components = top.get("$defs", {})
    paths: dict[str, Any] = {}
    for op in OPERATIONS:
        parameters = [
            {"name": name, "in": "path", "required": True, "description": text,
             "schema": _PATH_PARAM}
            for name, text in op.path_params
        ]  # fmt: skip
        if op.query is not None:
            parameters += _query_parameters(op.query)
        content = (
            {"text/plain": {"schema": {"type": "string"}}}
            if op.response is None
            else {"application/json": {"schema": refs[(op.response, "serialization")]}}
        )
        responses: dict[str, Any] = {"200": {"description": "OK", "content": content}}
        if op.query is not None:
            # A request line past aiohttp's 8 KiB limit never reaches the API: the HTTP
            # parser refuses it, in plain text.
            responses["400"] = {
                "description": "The HTTP request itself is malformed or too long",
                "content": {"text/plain": {"schema": {"type": "string"}}},
            }
        for status in op.errors:
            responses[str(status)] = {
                "description": _ERRORS[status],
                "content": {
                    "application/json": {"schema": refs[(schemas.ErrorEnvelope, "serialization")]}
                },
            }
        operation: dict[str, Any] = {
            "summary": op.summary,
            "operationId": _operation_id(op.path),
            "tags": [op.tag],
            "parameters": parameters,
            "responses": responses,
        }
        if op.description:
            operation["description"] = op.description
        operation["security"] = [{"bearerAuth": []}] if op.secured else []
        paths[op.path] = {"get": operation}
    paths[TOKEN_PATH] = {"post": _token_operation(refs)}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Log analysis API",
            "version": version,
            "description": (
                "Logs, windowed summaries, services, patterns and anomalies. Every response is"
                " `{data, status_code, message}`; errors add `details` (field and reason)."
                " Time filters: `start_time`/`end_time` (ISO-8601) or `range`; the last hour"
                " without either."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
                "basicAuth": {"type": "http", "scheme": "basic"},
            },
        },
    }


_ERRORS = {
    401: "Missing, expired or invalid bearer token",
    404: "Not found",
    422: "Invalid parameters: `details` names each field and why",
    503: "A dependency is unavailable, or the query ran too long",
}


def _operation_id(path: str) -> str:
    parts = [p.strip("{}") for p in path.strip("/").split("/") if p] or ["root"]
    return "get_" + "_".join(parts).replace("-", "_")


def register_openapi_view(app: faust.App, spec: dict[str, Any]) -> None:
    @app.page("/openapi.json")
    async def openapi(self: web.View, request: web.Request) -> web.Response:
        """The OpenAPI document (public, like the docs that render it)."""
        return self.json(spec)
