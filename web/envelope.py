"""The seed's JSON envelope, ``{"data": ..., "status_code": ..., "message": ...}``, for every API
and health response, errors included (they add ``details``: what was wrong, field by field)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import orjson
from aiohttp import web

JSON = "application/json"


def body(data: Any, message: str, status: int = 200) -> dict[str, Any]:
    return {"data": data, "status_code": status, "message": message}


def error_body(
    status: int, message: str, details: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    found: dict[str, Any] = {"data": None, "status_code": status, "message": message}
    if details:
        found["details"] = [dict(d) for d in details]
    return found


def _dumps(value: Any) -> bytes:
    # Timestamps and other non-JSON values never reach here unconverted: orjson raises for them
    # rather than guessing a format.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)


def respond(
    data: Any,
    message: str,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> web.Response:
    return _response(body(data, message, status), status, headers)


def fail(
    status: int,
    message: str,
    details: Sequence[Mapping[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> web.Response:
    return _response(error_body(status, message, details), status, headers)


def _response(
    payload: dict[str, Any], status: int, headers: Mapping[str, str] | None
) -> web.Response:
    return web.Response(body=_dumps(payload), status=status, content_type=JSON, headers=headers)
