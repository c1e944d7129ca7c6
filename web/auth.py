"""Bearer-token (JWT) verification for the HTTP API."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jwt

from pipeline.errors import AuthError
from pipeline.settings import JwtSettings

# A token is a few hundred bytes; refusing absurd headers early keeps a hostile client from making
# us base64-decode and parse megabytes on every request.
MAX_TOKEN_BYTES = 8192


@dataclass(frozen=True)
class Principal:
    subject: str
    claims: Mapping[str, Any]


class TokenVerifier:
    def __init__(self, settings: JwtSettings) -> None:
        self._settings = settings
        # Pinning the algorithm list is what stops "alg: none" and HS/RS confusion attacks.
        self._algorithms = [settings.algorithm]

    def verify_header(self, authorization: str | None) -> Principal:
        if not authorization:
            raise AuthError("missing", "missing Authorization header")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError("malformed", "expected 'Authorization: Bearer <token>'")
        return self.verify(token.strip())

    def verify(self, token: str) -> Principal:
        if len(token) > MAX_TOKEN_BYTES:
            raise AuthError("malformed", "token too large")
        options = {"require": ["exp", "sub"]}
        try:
            claims = jwt.decode(
                token,
                self._settings.verification_key,
                algorithms=self._algorithms,
                audience=self._settings.audience,
                issuer=self._settings.issuer,
                leeway=self._settings.leeway_seconds,
                options=options,  # type: ignore[arg-type]
            )
        except jwt.ExpiredSignatureError:
            raise AuthError("expired", "token expired") from None
        except jwt.InvalidTokenError as exc:
            raise AuthError("invalid", f"invalid token: {exc}") from None
        subject = claims.get("sub")
        if not isinstance(subject, str) or not subject:
            raise AuthError("invalid", "invalid token: 'sub' must be a non-empty string")
        return Principal(subject=subject, claims=claims)


def issue_token(
    settings: JwtSettings, subject: str, ttl_seconds: int | None = None, **claims: Any
) -> str:
    """A token for ``subject`` that :class:`TokenVerifier` accepts, valid for ``ttl_seconds``
    (default ``settings.token_ttl_seconds``); for operators (``python -m pipeline token``) and
    tests, the service itself never issues tokens.

    Signed with ``settings.signing_key``: the HMAC secret, or the private key for RS/ES/PS/EdDSA,
    whose absence raises :class:`SettingsError` naming JWT_PRIVATE_KEY_FILE.
    """
    key = settings.signing_key
    now = int(time.time())
    ttl = settings.token_ttl_seconds if ttl_seconds is None else ttl_seconds
    payload: dict[str, Any] = {"sub": subject, "iat": now, "exp": now + ttl, **claims}
    if settings.audience:
        payload.setdefault("aud", settings.audience)
    if settings.issuer:
        payload.setdefault("iss", settings.issuer)
    return jwt.encode(payload, key, algorithm=settings.algorithm)
