"""The token endpoint's core (web/clients.py, web/rate_limit.py) with an in-memory store, and
the endpoint served in-process (no database)."""

from __future__ import annotations

import asyncio
import base64
import logging
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from pipeline.app import LogAnalysisApp, create_app
from pipeline.errors import SettingsError
from pipeline.settings import variables as v
from storage.clients import ClientCredentials, valid_client_name
from storage.errors import DatabaseUnavailable
from tests.factories import Clock, dev_settings
from tests.unit.web.server import aiohttp_app
from web.auth import TokenVerifier
from web.clients import (
    MAX_BODY_BYTES,
    TOKEN_PATH,
    OAuthError,
    SecretHasher,
    TokenIssuer,
    TokenRequest,
    new_secret,
    parse_basic,
    parse_form,
    parse_token_request,
)
from web.rate_limit import FailureLimiter

FORM = "application/x-www-form-urlencoded"
GRANT = b"grant_type=client_credentials"

# One hasher for the module: each makes a dummy hash (tens of milliseconds).
HASHER = SecretHasher()
SECRET = new_secret()
SECRET_HASH = HASHER.hash(SECRET)


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


class FakeStore:
    def __init__(self, clients: dict[str, ClientCredentials] | None = None) -> None:
        self.clients = clients or {}
        self.touched: list[str] = []
        self.down = False
        self.touch_fails = False

    async def credentials(self, name: str) -> ClientCredentials | None:
        if self.down:
            raise DatabaseUnavailable("connection refused by db.internal:5432")
        return self.clients.get(name)

    async def touch(self, name: str) -> None:
        if self.touch_fails:
            raise DatabaseUnavailable("gone")
        self.touched.append(name)


def store_with(*, revoked: bool = False) -> FakeStore:
    revoked_at = datetime(2026, 1, 1, tzinfo=UTC) if revoked else None
    return FakeStore({"billing": ClientCredentials("billing", SECRET_HASH, revoked_at)})


class SpyHasher(SecretHasher):
    def __init__(self) -> None:
        self._hasher = HASHER._hasher
        self.dummy_hash = HASHER.dummy_hash
        self.verified: list[str] = []

    def verify(self, secret_hash: str, secret: str) -> bool:
        self.verified.append(secret_hash)
        return super().verify(secret_hash, secret)


def issuer(store: FakeStore, limit: int = 3) -> TokenIssuer:
    settings = dev_settings({v.CLIENT_FAILURES_PER_MINUTE: str(limit)})
    return TokenIssuer(store, settings, hasher=SpyHasher())


# -- secrets and hashes ------------------------------------------------------------------------


def test_secrets_are_long_random_and_url_safe():
    made = {new_secret() for _ in range(100)}
    assert len(made) == 100
    assert all(len(s) == 43 and s.replace("-", "").replace("_", "").isalnum() for s in made)


def test_the_hash_is_an_argon2id_phc_string_without_the_secret():
    assert SECRET_HASH.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert SECRET not in SECRET_HASH
    assert HASHER.hash(SECRET) != SECRET_HASH  # salted
    assert HASHER.verify(SECRET_HASH, SECRET)
    assert not HASHER.verify(SECRET_HASH, SECRET + "x")
    assert not HASHER.verify("not a hash", SECRET)


# -- HTTP Basic ---------------------------------------------------------------------------------


def test_basic_credentials_are_decoded_and_form_decoded():
    assert parse_basic(basic("billing", SECRET)) == ("billing", SECRET)
    # RFC 6749 2.3.1: both parts are form-encoded before base64.
    assert parse_basic(basic("a%3Ab", "p+q%2B")) == ("a:b", "p q+")
    assert parse_basic("basic " + base64.b64encode(b"x:y:z").decode()) == ("x", "y:z")


def test_unicode_in_basic_credentials_is_utf8():
    assert parse_basic(basic("servicé", "sécret")) == ("servicé", "sécret")
    assert not valid_client_name("servicé")


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ("Basic !!!not-base64", "not base64"),
        ("Basic " + base64.b64encode(b"no-colon-here").decode(), "no ':'"),
        ("Basic " + base64.b64encode(b"\xff\xfe:\xff").decode(), "not base64 of UTF-8"),
        ("Basic c2VydmljZTpzZWNyZXQ", "not base64"),  # padding missing
        ("Basic ünïcödé", "not base64"),
        ("Basic " + base64.b64encode(b":secret").decode(), "empty"),
        ("Basic " + base64.b64encode(b"name:").decode(), "empty"),
        ("Basic " + base64.b64encode(b"a%ff:b").decode(), "percent-encoding"),
        ("Bearer abc", "scheme"),
        ("Basic", "no ':'"),
    ],
)
def test_malformed_basic_credentials_are_invalid_client(header, why):
    with pytest.raises(OAuthError) as caught:
        parse_basic(header)
    assert (caught.value.status, caught.value.error) == (401, "invalid_client")
    assert why in caught.value.description
    assert caught.value.headers["WWW-Authenticate"] == 'Basic realm="log-analysis"'


# -- the form and the grant ------------------------------------------------------------------------


def test_form_parameters_repeated_or_malformed_are_refused():
    assert parse_form(b"grant_type=client_credentials&scope=") == {
        "grant_type": "client_credentials"
    }
    assert parse_form(b"") == {}
    for body in (b"a=1&a=2", b"a=%ff", b"\xff=1", b"novalue", b"&".join([b"x=1"] * 40)):
        with pytest.raises(OAuthError) as caught:
            parse_form(body)
        assert caught.value.error == "invalid_request", body


def test_a_basic_request_is_parsed():
    assert parse_token_request(FORM, GRANT, basic("billing", SECRET), {}) == TokenRequest(
        "billing", SECRET
    )


def test_credentials_in_the_body_are_accepted():
    body = GRANT + b"&client_id=billing&client_secret=" + SECRET.encode()
    assert parse_token_request(FORM, body, None, {}) == TokenRequest("billing", SECRET)


@pytest.mark.parametrize(
    ("content_type", "body", "authorization", "query", "status", "error"),
    [
        ("application/json", GRANT, "auth", {}, 400, "invalid_request"),
        (FORM, b"", "auth", {}, 400, "invalid_request"),
        (FORM, b"grant_type=", "auth", {}, 400, "invalid_request"),
        (FORM, b"grant_type=password", "auth", {}, 400, "unsupported_grant_type"),
        (FORM, GRANT + b"&scope=read", "auth", {}, 400, "invalid_scope"),
        (FORM, GRANT + b"&client_id=billing&client_secret=s", "auth", {}, 400, "invalid_request"),
        (FORM, GRANT + b"&client_id=billing", "auth", {}, 400, "invalid_request"),
        (FORM, GRANT, "auth", {"client_secret": "s"}, 400, "invalid_request"),
        (FORM, GRANT + b"&client_id=billing", None, {}, 401, "invalid_client"),
        (FORM, GRANT + b"&client_secret=s", None, {}, 401, "invalid_client"),
        (FORM, GRANT, None, {}, 401, "invalid_client"),
        (FORM, GRANT, "Bearer x.y.z", {}, 401, "invalid_client"),
    ],
)
def test_bad_token_requests(content_type, body, authorization, query, status, error):
    if authorization == "auth":
        authorization = basic("billing", SECRET)
    with pytest.raises(OAuthError) as caught:
        parse_token_request(content_type, body, authorization, query)
    assert (caught.value.status, caught.value.error) == (status, error)


# -- the rate limiter ----------------------------------------------------------------------------


def test_the_limiter_blocks_after_the_limit_until_the_oldest_failure_is_a_window_old():
    clock = Clock(1000.0)
    limiter = FailureLimiter(limit=3, window_seconds=60, clock=clock)
    for _ in range(2):
        limiter.record_failure("k")
        clock.now += 10
    assert limiter.retry_after("k") is None
    limiter.record_failure("k")  # failures at 1000, 1010, 1020; now 1020
    assert limiter.retry_after("k") == 40
    assert limiter.retry_after("other") is None
    clock.now = 1059.5
    assert limiter.retry_after("k") == 1
    clock.now = 1060.0  # the first failure left the window
    assert limiter.retry_after("k") is None
    clock.now = 2000.0
    assert limiter.retry_after("k") is None
    assert len(limiter) == 0  # expired keys are forgotten


def test_the_limiter_keeps_at_most_max_keys_and_limit_times_per_key():
    clock = Clock(1000.0)
    limiter = FailureLimiter(limit=2, window_seconds=60, max_keys=100, clock=clock)
    for index in range(1000):
        limiter.record_failure(("address", f"10.0.{index // 256}.{index % 256}"))
    assert len(limiter) == 100
    for _ in range(1000):
        limiter.record_failure("hot")
    assert len(limiter._failures["hot"]) == 2
    assert limiter.retry_after("hot") == 60
    # The key touched most recently survives the next newcomers.
    for index in range(99):
        limiter.record_failure(f"new-{index}")
    assert limiter.retry_after("hot") == 60


def test_the_limit_is_a_setting():
    assert dev_settings().web.client_failures_per_minute == 10
    assert dev_settings({v.CLIENT_FAILURES_PER_MINUTE: "3"}).web.client_failures_per_minute == 3
    with pytest.raises(SettingsError, match=v.CLIENT_FAILURES_PER_MINUTE):
        dev_settings({v.CLIENT_FAILURES_PER_MINUTE: "0"})


def test_the_web_time_limits_are_settings():
    assert (dev_settings().web.idle_timeout_seconds, dev_settings().web.body_timeout_seconds) == (
        30.0,
        10.0,
    )
    web = dev_settings({v.WEB_IDLE_TIMEOUT_SECONDS: "4", v.WEB_BODY_TIMEOUT_SECONDS: "1.5"}).web
    assert (web.idle_timeout_seconds, web.body_timeout_seconds) == (4.0, 1.5)
    for name in (v.WEB_IDLE_TIMEOUT_SECONDS, v.WEB_BODY_TIMEOUT_SECONDS):
        with pytest.raises(SettingsError, match=name):
            dev_settings({name: "0"})


# -- issuing -------------------------------------------------------------------------------------


async def test_a_good_secret_gets_a_token_the_api_accepts():
    store = store_with()
    answer = await issuer(store).issue(TokenRequest("billing", SECRET), "10.0.0.1")
    assert answer["token_type"] == "Bearer" and answer["expires_in"] == 3600
    claims = TokenVerifier(dev_settings().jwt).verify(answer["access_token"]).claims
    assert claims["sub"] == "billing" and claims["client"] is True
    assert claims["exp"] - claims["iat"] == 3600
    assert store.touched == ["billing"]


async def test_unknown_names_are_verified_against_the_dummy_hash():
    made = issuer(FakeStore())
    for name in ("nobody", "Not A Valid Name"):
        with pytest.raises(OAuthError) as caught:
            await made.issue(TokenRequest(name, SECRET), "10.0.0.1")
        assert caught.value.error == "invalid_client"
    spy = made.hasher
    assert isinstance(spy, SpyHasher)
    assert spy.verified == [spy.dummy_hash, spy.dummy_hash]


@pytest.mark.parametrize(
    ("store", "secret"),
    [
        (store_with(revoked=True), SECRET),
        (store_with(), "wrong"),
        (store_with(), SECRET + "x" * 300),
    ],
    ids=["revoked", "wrong", "too-long"],  # the secret is random: ids alike in every process
)
async def test_revoked_clients_and_wrong_secrets_are_refused_alike(store, secret):
    made = issuer(store)
    with pytest.raises(OAuthError) as caught:
        await made.issue(TokenRequest("billing", secret), "10.0.0.1")
    assert (caught.value.status, caught.value.error) == (401, "invalid_client")
    assert caught.value.description == "client authentication failed"
    assert made.hasher.verified == [SECRET_HASH]  # type: ignore[attr-defined]
    assert store.touched == []


async def test_failures_are_limited_per_client_name():
    made = issuer(store_with(), limit=3)
    for index in range(3):
        with pytest.raises(OAuthError):
            await made.issue(TokenRequest("billing", "wrong"), f"10.0.0.{index}")
    with pytest.raises(OAuthError) as caught:
        await made.issue(TokenRequest("billing", SECRET), "10.9.9.9")
    assert (caught.value.status, caught.value.error) == (429, "slow_down")
    assert 59 <= int(caught.value.headers["Retry-After"]) <= 60
    # Refused without hashing: the limit bounds the work too.
    assert len(made.hasher.verified) == 3  # type: ignore[attr-defined]


async def test_failures_are_limited_per_address_whatever_the_name():
    made = issuer(store_with(), limit=3)
    for name in ("a", "b", "Junk Name"):
        with pytest.raises(OAuthError):
            await made.issue(TokenRequest(name, "wrong"), "10.0.0.1")
    with pytest.raises(OAuthError) as caught:
        await made.issue(TokenRequest("billing", SECRET), "10.0.0.1")
    assert caught.value.status == 429
    # Another address is not affected, nor is the client itself.
    answer = await made.issue(TokenRequest("billing", SECRET), "10.0.0.2")
    assert answer["token_type"] == "Bearer"
    # Invalid names get no counter of their own.
    assert ("client", "Junk Name") not in made.limiter._failures


async def test_a_database_that_is_down_is_503_without_its_address(caplog):
    store = store_with()
    store.down = True
    with pytest.raises(OAuthError) as caught:
        await issuer(store).issue(TokenRequest("billing", SECRET), "10.0.0.1")
    assert (caught.value.status, caught.value.error) == (503, "temporarily_unavailable")
    assert "db.internal" not in caught.value.description
    assert "db.internal" in caplog.text


async def test_a_failed_last_used_update_still_issues_the_token():
    store = store_with()
    store.touch_fails = True
    answer = await issuer(store).issue(TokenRequest("billing", SECRET), "10.0.0.1")
    assert answer["access_token"]


async def test_an_asymmetric_key_without_its_private_half_is_a_server_error(tmp_path):
    from tests.unit.pipeline.jwt_keys import key_environ

    environ = key_environ(tmp_path, "ES256", "p256")
    del environ[v.JWT_PRIVATE_KEY_FILE]
    made = TokenIssuer(store_with(), dev_settings(environ), hasher=SpyHasher())
    with pytest.raises(OAuthError) as caught:
        await made.issue(TokenRequest("billing", SECRET), "10.0.0.1")
    assert (caught.value.status, caught.value.error) == (500, "server_error")


async def test_an_asymmetric_key_signs_client_tokens(tmp_path):
    from tests.unit.pipeline.jwt_keys import key_environ

    settings = dev_settings(key_environ(tmp_path, "RS256", "rsa"))
    made = TokenIssuer(store_with(), settings, hasher=SpyHasher())
    answer = await made.issue(TokenRequest("billing", SECRET), "10.0.0.1")
    assert TokenVerifier(settings.jwt).verify(answer["access_token"]).subject == "billing"


# -- served --------------------------------------------------------------------------------------


@pytest.fixture
async def served_app(
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[tuple[FakeStore, TestClient, LogAnalysisApp]]:
    settings = dev_settings({v.CLIENT_FAILURES_PER_MINUTE: "3"})
    store = store_with()
    # The app as the worker builds it, with the fake store in place of PostgreSQL's.
    monkeypatch.setattr("pipeline.app.ClientStore", lambda *args: store)
    app = create_app(settings)
    async with TestClient(TestServer(aiohttp_app(app))) as client:
        yield store, client, app


@pytest.fixture
def served(
    served_app: tuple[FakeStore, TestClient, LogAnalysisApp],
) -> tuple[FakeStore, TestClient]:
    return served_app[0], served_app[1]


async def _post(client: TestClient, body: Any, **headers: str) -> Any:
    return await client.post(TOKEN_PATH, data=body, headers={"Content-Type": FORM, **headers})


async def test_served_token_answers_with_no_store(served, caplog):
    caplog.set_level(logging.DEBUG)
    _, client = served
    response = await _post(client, GRANT, Authorization=basic("billing", SECRET))
    assert response.status == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Pragma"] == "no-cache"
    assert response.content_type == "application/json"
    body = await response.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    api = await client.get("/api/v1/", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert api.status != 401
    assert SECRET not in caplog.text


async def test_served_errors_are_in_oauths_format(served, caplog):
    caplog.set_level(logging.DEBUG)
    _, client = served
    response = await _post(client, GRANT, Authorization=basic("billing", "wrong-" + SECRET))
    assert response.status == 401
    assert response.headers["WWW-Authenticate"] == 'Basic realm="log-analysis"'
    assert response.headers["Cache-Control"] == "no-store"
    assert await response.json() == {
        "error": "invalid_client",
        "error_description": "client authentication failed",
    }
    response = await _post(client, b"grant_type=refresh_token")
    assert response.status == 400
    assert (await response.json())["error"] == "unsupported_grant_type"
    assert SECRET not in caplog.text


async def test_served_bodies_past_the_bound_are_refused(served):
    _, client = served
    big = GRANT + b"&pad=" + b"x" * MAX_BODY_BYTES
    response = await _post(client, big, Authorization=basic("billing", SECRET))
    assert response.status == 413
    assert (await response.json())["error"] == "invalid_request"


async def test_served_limit_answers_429_with_retry_after(served):
    _, client = served
    for _ in range(3):
        response = await _post(client, GRANT, Authorization=basic("billing", "wrong"))
        assert response.status == 401
    response = await _post(client, GRANT, Authorization=basic("billing", SECRET))
    assert response.status == 429
    assert int(response.headers["Retry-After"]) >= 1
    assert (await response.json())["error"] == "slow_down"


async def test_served_body_that_stalls_is_408_in_time_and_counted(monkeypatch):
    monkeypatch.setattr("pipeline.app.ClientStore", lambda *args: store_with())
    app = create_app(dev_settings({v.WEB_BODY_TIMEOUT_SECONDS: "0.5"}))

    async def half_then_nothing() -> AsyncIterator[bytes]:
        yield b"grant_type=client_"
        await asyncio.sleep(30)

    async with TestClient(TestServer(aiohttp_app(app))) as client:
        started = time.monotonic()
        response = await client.post(
            TOKEN_PATH,
            data=half_then_nothing(),
            headers={"Content-Type": FORM, "Authorization": basic("billing", SECRET)},
        )
        assert response.status == 408
        assert 0.5 <= time.monotonic() - started < 5
        assert (await response.json())["error"] == "invalid_request"
    failures = app.registry.get_sample_value("auth_failures_total", {"reason": "client_request"})
    assert failures == 1


async def test_served_endpoint_takes_only_post(served):
    _, client = served
    response = await client.get(TOKEN_PATH)
    assert response.status == 405


async def test_served_refusals_count_as_auth_failures_by_reason(served_app):
    store, client, app = served_app
    store.clients["gone"] = ClientCredentials("gone", SECRET_HASH, datetime(2026, 1, 1, tzinfo=UTC))

    def failures(reason: str) -> float:
        return app.registry.get_sample_value("auth_failures_total", {"reason": reason}) or 0.0

    assert (await _post(client, GRANT, Authorization=basic("billing", SECRET))).status == 200
    assert app.registry.get_sample_value("client_tokens_issued_total") == 1.0
    assert (await _post(client, GRANT, Authorization="Bearer x")).status == 401
    assert (await _post(client, GRANT, Authorization=basic("nobody", SECRET))).status == 401
    assert (await _post(client, GRANT, Authorization=basic("gone", SECRET))).status == 401
    assert (await _post(client, GRANT, Authorization=basic("billing", "wrong"))).status == 401
    assert (await _post(client, GRANT, Authorization=basic("billing", SECRET))).status == 429
    assert {r: failures(f"client_{r}") for r in ("request", "unknown", "revoked", "secret")} == {
        "request": 1.0, "unknown": 1.0, "revoked": 1.0, "secret": 1.0
    }  # fmt: skip
    assert failures("client_limited") == 1.0
    assert app.registry.get_sample_value("client_tokens_issued_total") == 1.0


def test_a_forgiven_failure_no_longer_counts():
    limiter = FailureLimiter(limit=2)
    limiter.record_failure("a")
    limiter.record_failure("a")
    assert limiter.retry_after("a") is not None
    limiter.forgive("a")
    assert limiter.retry_after("a") is None
    limiter.forgive("a")
    assert len(limiter) == 0
    limiter.forgive("never-seen")  # nothing to take back


async def test_attempts_arriving_together_count_against_each_other():
    made = issuer(store_with(), limit=3)
    attempts = [made.issue(TokenRequest("billing", "wrong"), "10.0.0.1") for _ in range(10)]
    outcomes = await asyncio.gather(*attempts, return_exceptions=True)
    statuses = sorted(o.status for o in outcomes if isinstance(o, OAuthError))
    assert statuses == [401] * 3 + [429] * 7
    # Only the first three were hashed: the limit bounds the work of a burst too.
    assert len(made.hasher.verified) == 3  # type: ignore[attr-defined]


async def test_a_success_leaves_no_failure_behind():
    made = issuer(store_with(), limit=2)
    for _ in range(5):
        answer = await made.issue(TokenRequest("billing", SECRET), "10.0.0.1")
        assert answer["token_type"] == "Bearer"
    assert len(made.limiter) == 0
