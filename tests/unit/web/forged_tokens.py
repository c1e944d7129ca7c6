"""Forged bearer tokens: the attacks on the JWT check that the tests try, some built by hand
because PyJWT refuses to build them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

import jwt


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def hs256(claims: dict[str, Any], key: bytes) -> str:
    """HS256 by hand: PyJWT itself refuses to use a PEM public key as an HMAC secret."""
    signing_input = f"{b64({'alg': 'HS256', 'typ': 'JWT'})}.{b64(claims)}"
    digest = hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{base64.urlsafe_b64encode(digest).decode().rstrip('=')}"


def forgeries(claims: dict[str, Any], secret: str) -> dict[str, tuple[str, str]]:
    """Name -> (token, the ``auth_failures_total`` reason it must be refused with), for a
    service that verifies HS256 with ``secret`` and accepts ``claims``."""
    good = jwt.encode(claims, secret, algorithm="HS256")
    header, payload, signature = good.split(".")
    without = {name: {k: v for k, v in claims.items() if k != name} for name in ("exp", "sub")}
    return {
        "alg none": (f"{b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.", "invalid"),
        "alg none, signed": (f"{b64({'alg': 'none'})}.{payload}.{signature}", "invalid"),
        "expired": (
            jwt.encode(claims | {"exp": int(time.time()) - 3600}, secret, algorithm="HS256"),
            "expired",
        ),
        "wrong audience": (
            jwt.encode(claims | {"aud": "someone-else"}, secret, "HS256"),
            "invalid",
        ),
        "wrong issuer": (
            jwt.encode(claims | {"iss": "https://evil.test"}, secret, "HS256"),
            "invalid",
        ),
        "no exp": (jwt.encode(without["exp"], secret, "HS256"), "invalid"),
        "no sub": (jwt.encode(without["sub"], secret, "HS256"), "invalid"),
        "empty sub": (jwt.encode(claims | {"sub": ""}, secret, "HS256"), "invalid"),
        "sub not a string": (hs256(claims | {"sub": 42}, secret.encode()), "invalid"),
        "tampered payload": (f"{header}.{b64(claims | {'sub': 'admin'})}.{signature}", "invalid"),
        "tampered signature": (f"{header}.{payload}.{signature[:-4]}AAAA", "invalid"),
        "other secret": (jwt.encode(claims, "x" * 48, algorithm="HS256"), "invalid"),
        "HS384 with the secret": (jwt.encode(claims, secret, algorithm="HS384"), "invalid"),
        "long": ("a" * 8000, "invalid"),
    }
