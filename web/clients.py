"""Service clients: credentials of their own, traded for bearer tokens at
``POST /api/v1/auth/token`` (OAuth 2.0 client credentials grant, RFC 6749 sections 4.4, 2.3.1
and 5).

- Secrets are ``secrets.token_urlsafe(32)`` (256 random bits), shown once by ``clients add`` and
  kept only as argon2id hashes (:class:`SecretHasher`).
- Verification runs in the default executor (the event loop is shared with the agents), a few at
  a time; an unknown name is verified against a dummy hash, so answering takes as long whether
  the name exists or not.
- Errors are in OAuth's format (``{"error", "error_description"}``), not the API's envelope,
  because OAuth client libraries parse them: 400 ``invalid_request``, ``unsupported_grant_type``
  or ``invalid_scope``; 401 ``invalid_client`` with ``WWW-Authenticate: Basic``; 413 for a body
  past :data:`MAX_BODY_BYTES`; 503 ``temporarily_unavailable`` when the database is away.
- Failed client authentications are limited per client name and per remote address
  (``CLIENT_FAILURES_PER_MINUTE`` in any minute, :class:`web.rate_limit.FailureLimiter`). Past
  the limit the answer is 429 with ``Retry-After`` and ``{"error": "slow_down"}`` (the code RFC
  8628 registered for token responses that ask a client to back off), without checking the
  secret, so the limit also bounds the hashing work a caller can ask for. Its cost: someone who
  knows a client's name can keep that client from getting *new* tokens for as long as they keep
  failing (tokens already issued keep working). The remote address is the TCP peer's: behind a
  proxy, the proxy's.
- Every refusal counts in ``auth_failures_total`` with a ``client_*`` reason (``client_request``,
  ``client_unknown``, ``client_revoked``, ``client_secret``, ``client_limited``), beside the
  bearer-token refusals; issued tokens count in ``client_tokens_issued_total``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import secrets
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import faust
import orjson
from aiohttp import web as aioweb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from faust import web

from pipeline.errors import SettingsError, StorageError
from pipeline.metrics import Metrics
from pipeline.settings import Settings
from storage.clients import ClientCredentials, valid_client_name
from storage.errors import DatabaseUnavailable
from web.auth import issue_token
from web.rate_limit import FailureLimiter

log = logging.getLogger(__name__)

TOKEN_PATH = "/api/v1/auth/token"
REALM = "log-analysis"
GRANT_TYPE = "client_credentials"
FORM = "application/x-www-form-urlencoded"
# A token request is a few dozen bytes of form; anything near this is not one.
MAX_BODY_BYTES = 4096
# Longer than any secret we issue (43 characters) by far; longer ones are not hashed at all.
MAX_SECRET_CHARS = 256
_MAX_FORM_FIELDS = 16
# Verifications running at once: each holds ARGON2_MEMORY_KIB of memory and a thread.
MAX_CONCURRENT_VERIFICATIONS = 4

# argon2id at RFC 9106's / OWASP's lower recommendation (19 MiB, 2 passes, 1 lane): about 40 ms
# on one core. The secrets are random, not passwords, so the hash guards against a leaked table
# rather than against guessing; making it slower would mostly make the endpoint easier to load.
ARGON2_TIME_COST = 2
ARGON2_MEMORY_KIB = 19_456
ARGON2_PARALLELISM = 1

_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def new_secret() -> str:
    """A client secret: 32 random bytes, URL-safe base64 (43 characters)."""
    return secrets.token_urlsafe(32)


class SecretHasher:
    """argon2id hashing and verification of client secrets (PHC strings)."""

    def __init__(self) -> None:
        self._hasher = PasswordHasher(
            time_cost=ARGON2_TIME_COST,
            memory_cost=ARGON2_MEMORY_KIB,
            parallelism=ARGON2_PARALLELISM,
        )
        # Made once, up front (tens of milliseconds), so the first unknown name is not slower.
        self.dummy_hash = self.hash(new_secret())

    def hash(self, secret: str) -> str:
        return self._hasher.hash(secret)

    def verify(self, secret_hash: str, secret: str) -> bool:
        """Whether ``secret`` matches; blocking (tens of milliseconds), run it off the loop."""
        try:
            return self._hasher.verify(secret_hash, secret)
        except (VerificationError, InvalidHashError):
            return False


# What the log says for each refusal reason (the metric's label is ``client_<reason>``).
REFUSALS = {"unknown": "unknown client", "revoked": "revoked client", "secret": "wrong secret"}


@dataclass(frozen=True)
class OAuthError(Exception):
    """An error answer of the token endpoint (RFC 6749 section 5.2)."""

    status: int
    error: str
    description: str
    headers: Mapping[str, str] = field(default_factory=dict)

    def response(self) -> aioweb.Response:
        return _json(
            {"error": self.error, "error_description": self.description},
            self.status,
            self.headers,
        )


def invalid_request(description: str) -> OAuthError:
    return OAuthError(400, "invalid_request", description)


def invalid_client(description: str) -> OAuthError:
    return OAuthError(
        401, "invalid_client", description, {"WWW-Authenticate": f'Basic realm="{REALM}"'}
    )


@dataclass(frozen=True)
class TokenRequest:
    """A well-formed client credentials request: who claims to be calling, with what."""

    client_id: str
    secret: str = field(repr=False)


def parse_basic(authorization: str) -> tuple[str, str]:
    """(client_id, secret) of an ``Authorization: Basic`` header (RFC 7617, with RFC 6749's
    form-encoding of both parts); :class:`OAuthError` ``invalid_client`` when malformed."""
    scheme, _, encoded = authorization.strip().partition(" ")
    if scheme.lower() != "basic":
        raise invalid_client("unsupported authentication scheme: use Basic")
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        # ValueError covers non-ASCII header text and bytes that are not UTF-8.
        raise invalid_client("malformed Basic credentials: not base64 of UTF-8 text") from None
    user, colon, password = decoded.partition(":")
    if not colon:
        raise invalid_client("malformed Basic credentials: no ':' between id and secret")
    try:
        client_id = urllib.parse.unquote_plus(user, errors="strict")
        secret = urllib.parse.unquote_plus(password, errors="strict")
    except UnicodeDecodeError:
        raise invalid_client("malformed Basic credentials: bad percent-encoding") from None
    if not client_id or not secret:
        raise invalid_client("malformed Basic credentials: empty client id or secret")
    return client_id, secret


def parse_form(body: bytes) -> dict[str, str]:
    """The parameters of a form body; repeated parameters are refused (RFC 6749 section 3.2),
    empty ones count as absent (section 3.1)."""
    try:
        text = body.decode("utf-8")
        pairs = urllib.parse.parse_qsl(
            text,
            keep_blank_values=True,
            strict_parsing=bool(text),
            errors="strict",
            max_num_fields=_MAX_FORM_FIELDS,
        )
    except ValueError:  # UnicodeDecodeError is one
        raise invalid_request("the body is not a valid form") from None
    form: dict[str, str] = {}
    for name, value in pairs:
        if name in form:
            raise invalid_request(f"parameter {name!r} is repeated")
        form[name] = value
    return {name: value for name, value in form.items() if value}


def parse_token_request(
    content_type: str, body: bytes, authorization: str | None, query: Mapping[str, str]
) -> TokenRequest:
    """Check a token request and find its client credentials; :class:`OAuthError` if wrong."""
    if query:
        raise invalid_request("the token endpoint takes no query parameters (use the body)")
    if content_type.lower() != FORM:
        raise invalid_request(f"the body must be {FORM}")
    form = parse_form(body)
    grant_type = form.get("grant_type")
    if grant_type is None:
        raise invalid_request("grant_type is missing")
    if grant_type != GRANT_TYPE:
        raise OAuthError(
            400, "unsupported_grant_type", f"only grant_type={GRANT_TYPE} is supported"
        )
    if "scope" in form:
        raise OAuthError(400, "invalid_scope", "this API has no scopes: omit scope")
    in_body = "client_id" in form or "client_secret" in form
    if authorization is not None and authorization.strip():
        if in_body:
            raise invalid_request("authenticate with Basic or with the body, not both")
        client_id, secret = parse_basic(authorization)
    elif in_body:
        if "client_id" not in form or "client_secret" not in form:
            raise invalid_client("client_id and client_secret go together")
        client_id, secret = form["client_id"], form["client_secret"]
    else:
        raise invalid_client("client authentication is missing: use HTTP Basic")
    return TokenRequest(client_id, secret)


class ClientLookup(Protocol):
    """What the endpoint reads and writes (:class:`storage.clients.ClientStore`)."""

    async def credentials(self, name: str) -> ClientCredentials | None: ...

    async def touch(self, name: str) -> None: ...


class TokenIssuer:
    """The token endpoint's logic, apart from reading the HTTP request."""

    def __init__(
        self,
        store: ClientLookup,
        settings: Settings,
        hasher: SecretHasher | None = None,
        limiter: FailureLimiter | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self._store = store
        self._metrics = metrics
        self._jwt = settings.jwt
        self.hasher = hasher or SecretHasher()
        self.limiter = limiter or FailureLimiter(settings.web.client_failures_per_minute)
        self.body_timeout_seconds = settings.web.body_timeout_seconds
        self._slots = asyncio.Semaphore(MAX_CONCURRENT_VERIFICATIONS)

    async def _verify(self, secret_hash: str, secret: str) -> bool:
        loop = asyncio.get_running_loop()
        async with self._slots:
            return await loop.run_in_executor(None, self.hasher.verify, secret_hash, secret)

    def count_refusal(self, reason: str) -> None:
        if self._metrics is not None:
            self._metrics.auth_failures.labels(f"client_{reason}").inc()

    def _limited(self, keys: list[tuple[str, str]]) -> OAuthError | None:
        waits = [wait for key in keys if (wait := self.limiter.retry_after(key)) is not None]
        if not waits:
            return None
        wait = max(waits)
        return OAuthError(
            429,
            "slow_down",
            f"too many failed attempts for this client or from this address; retry in {wait} s",
            {"Retry-After": str(wait)},
        )

    async def issue(self, request: TokenRequest, remote: str) -> dict[str, Any]:
        """The token response for ``request``; :class:`OAuthError` when refused."""
        known_name = valid_client_name(request.client_id)
        # Only names that can exist get a counter: anything else would let a caller fill the
        # limiter with junk keys (their failures still count against the address).
        keys = [("address", remote)] + ([("client", request.client_id)] if known_name else [])
        limited = self._limited(keys)
        if limited is not None:
            log.warning(
                "token: refused %s from %s: too many failures",
                request.client_id if known_name else "(invalid client name)",
                remote,
            )
            self.count_refusal("limited")
            raise limited
        # Counted as a failure before the secret is checked, and forgiven if it matches:
        # attempts arriving together then count against each other, so the limit also bounds
        # the hashing work a burst can ask for.
        for key in keys:
            self.limiter.record_failure(key)
        try:
            stored = await self._lookup(request.client_id) if known_name else None
        except OAuthError:
            self._forgive(keys)  # the database was away: not the caller's failure
            raise
        # Unknown clients are checked against the dummy hash, revoked ones against their own:
        # every refusal costs one verification, like a success.
        secret_hash = stored.secret_hash if stored is not None else self.hasher.dummy_hash
        too_long = len(request.secret) > MAX_SECRET_CHARS
        matches = await self._verify(secret_hash, request.secret[:MAX_SECRET_CHARS])
        if stored is None or stored.revoked or too_long or not matches:
            reason = "unknown" if stored is None else "revoked" if stored.revoked else "secret"
            log.warning(
                "token: refused %s from %s: %s",
                request.client_id if known_name else "(invalid client name)",
                remote,
                REFUSALS[reason],
            )
            self.count_refusal(reason)
            # One answer for all three: the caller learns nothing about which names exist.
            raise invalid_client("client authentication failed")
        self._forgive(keys)
        return await self._token_for(stored.name)

    def _forgive(self, keys: list[tuple[str, str]]) -> None:
        for key in keys:
            self.limiter.forgive(key)

    async def _lookup(self, name: str) -> ClientCredentials | None:
        try:
            return await self._store.credentials(name)
        except DatabaseUnavailable as exc:
            log.warning("token: database unavailable: %s", exc)
            raise OAuthError(
                503,
                "temporarily_unavailable",
                "the client database is unavailable; try again later",
                {"Retry-After": "5"},
            ) from exc

    async def _token_for(self, name: str) -> dict[str, Any]:
        ttl = self._jwt.token_ttl_seconds
        try:
            token = issue_token(self._jwt, subject=name, ttl_seconds=ttl, client=True)
        except SettingsError as exc:
            log.error("token: cannot sign tokens: %s", exc)
            raise OAuthError(500, "server_error", "this server cannot issue tokens") from exc
        try:
            await self._store.touch(name)
        except StorageError as exc:
            # Bookkeeping only: the client proved who it is, so it gets its token.
            log.warning("token: could not record the use of client %s: %s", name, exc)
        log.info("token: issued to client %s for %d s", name, ttl)
        if self._metrics is not None:
            self._metrics.client_tokens_issued.inc()
        return {"access_token": token, "token_type": "Bearer", "expires_in": ttl}


async def read_bounded(request: aioweb.Request, limit: int) -> bytes | None:
    """The request body, or None when it is longer than ``limit`` bytes (read no further)."""
    if request.content_length is not None and request.content_length > limit:
        return None
    body = bytearray()
    while len(body) <= limit:
        chunk = await request.content.read(limit + 1 - len(body))
        if not chunk:
            break
        body += chunk
    return None if len(body) > limit else bytes(body)


async def token_response(issuer: TokenIssuer, request: aioweb.Request) -> aioweb.Response:
    try:
        try:
            # A client that sends its body slowly, or half of it, holds a handler until then.
            async with asyncio.timeout(issuer.body_timeout_seconds):
                body = await read_bounded(request, MAX_BODY_BYTES)
        except TimeoutError:
            issuer.count_refusal("request")
            raise OAuthError(
                408,
                "invalid_request",
                f"the body did not arrive within {issuer.body_timeout_seconds:g} s",
            ) from None
        if body is None:
            issuer.count_refusal("request")
            raise OAuthError(413, "invalid_request", f"the body exceeds {MAX_BODY_BYTES} bytes")
        try:
            parsed = parse_token_request(
                request.content_type, body, request.headers.get("Authorization"), request.query
            )
        except OAuthError:
            issuer.count_refusal("request")
            raise
        answer = await issuer.issue(parsed, request.remote or "unknown")
    except OAuthError as exc:
        return exc.response()
    return _json(answer, 200)


def _json(
    payload: Mapping[str, Any], status: int, headers: Mapping[str, str] | None = None
) -> aioweb.Response:
    # Tokens and errors about credentials must not be cached (RFC 6749 section 5.1).
    return aioweb.Response(
        body=orjson.dumps(payload),
        status=status,
        content_type="application/json",
        headers={**_NO_STORE, **(headers or {})},
    )


def register_client_views(
    app: faust.App, store: ClientLookup, settings: Settings, metrics: Metrics | None = None
) -> None:
    """Serve ``POST /api/v1/auth/token`` on ``app`` (public: web/middleware.py lists the path)."""
    issuer = TokenIssuer(store, settings, metrics=metrics)

    @app.page(TOKEN_PATH, name="auth_token")
    class TokenView(web.View):
        """OAuth 2.0 client credentials grant: a client's name and secret for a bearer token."""

        async def post(self, request: web.Request, **kwargs: Any) -> Any:
            return await token_response(issuer, request)  # type: ignore[arg-type]
