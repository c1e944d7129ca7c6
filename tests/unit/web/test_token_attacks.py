"""Attacks on the bearer-token check through the service's whole web stack: each forgery is a
401 in the envelope with a Bearer challenge, and counted in ``auth_failures_total`` under its
reason (and no other)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from pipeline.app import LogAnalysisApp, create_app
from pipeline.settings import variables as s
from tests.factories import dev_settings
from tests.unit.pipeline.jwt_keys import key_environ
from tests.unit.web.forged_tokens import b64, forgeries, hs256
from tests.unit.web.server import aiohttp_app
from web.auth import MAX_TOKEN_BYTES, issue_token

AUDIENCE, ISSUER = "log-analysis-api", "https://auth.example.test"
REASONS = ("missing", "malformed", "expired", "invalid")
PROTECTED = "/api/v1/services/checkout/nope"  # any path behind the middleware will do


def _claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    return {
        "sub": "mallory",
        "iat": now,
        "exp": now + 600,
        "aud": AUDIENCE,
        "iss": ISSUER,
    } | changes


async def _serve(environ: dict[str, str]) -> AsyncIterator[tuple[LogAnalysisApp, TestClient]]:
    app = create_app(dev_settings({s.JWT_AUDIENCE: AUDIENCE, s.JWT_ISSUER: ISSUER, **environ}))
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        yield app, client


@pytest.fixture
async def hs_service() -> AsyncIterator[tuple[LogAnalysisApp, TestClient]]:
    async for served in _serve({}):
        yield served


@pytest.fixture
async def rs_service(tmp_path: Path) -> AsyncIterator[tuple[LogAnalysisApp, TestClient]]:
    async for served in _serve(key_environ(tmp_path, "RS256", "rsa")):
        yield served


def _failures(app: LogAnalysisApp) -> dict[str, float]:
    return {
        reason: app.registry.get_sample_value("auth_failures_total", {"reason": reason}) or 0.0
        for reason in REASONS
    }


async def _refused_and_counted(
    app: LogAnalysisApp, client: TestClient, token: str, reason: str
) -> None:
    before = _failures(app)
    response = await client.get(PROTECTED, headers={"Authorization": f"Bearer {token}"})
    assert response.status == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    body = await response.json()
    assert body["status_code"] == 401 and body["data"] is None and body["message"]
    after = _failures(app)
    assert {r: after[r] - before[r] for r in REASONS} == {r: float(r == reason) for r in REASONS}


@pytest.mark.parametrize("name", list(forgeries(_claims(), "s" * 48)))
async def test_a_forged_token_is_refused_and_counted_under_its_reason(hs_service, name):
    app, client = hs_service
    token, reason = forgeries(_claims(), app.settings.jwt.secret)[name]
    await _refused_and_counted(app, client, token, reason)


async def test_the_genuine_token_passes(hs_service):
    # The refusals above are the forgeries', not the set-up's.
    app, client = hs_service
    token = issue_token(app.settings.jwt, "ops")
    response = await client.get("/router/", headers={"Authorization": f"Bearer {token}"})
    assert response.status == 200
    assert _failures(app) == dict.fromkeys(REASONS, 0.0)


async def test_an_rs256_service_refuses_hs256_signed_with_its_public_key(rs_service):
    app, client = rs_service
    public = (app.settings.jwt.public_key or "").encode()  # the PEM text, as published
    assert public.startswith(b"-----BEGIN PUBLIC KEY-----")
    await _refused_and_counted(app, client, hs256(_claims(), public), "invalid")
    await _refused_and_counted(app, client, f"{b64({'alg': 'none'})}.{b64(_claims())}.", "invalid")
    genuine = issue_token(app.settings.jwt, "ops")
    response = await client.get("/router/", headers={"Authorization": f"Bearer {genuine}"})
    assert response.status == 200


async def test_a_header_past_the_parsers_limit_is_a_400_before_any_handler(hs_service):
    # aiohttp reads header fields of up to 8190 bytes: a token past MAX_TOKEN_BYTES never
    # reaches the middleware. The parser answers 400 (not a 5xx), nothing is counted, and the
    # server goes on answering.
    app, client = hs_service
    response = await client.get(
        PROTECTED, headers={"Authorization": "Bearer " + "a" * (MAX_TOKEN_BYTES + 1)}
    )
    assert response.status == 400
    assert _failures(app) == dict.fromkeys(REASONS, 0.0)
    assert (await client.get("/health/")).status == 200
