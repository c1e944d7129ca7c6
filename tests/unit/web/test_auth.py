import base64
import time

import jwt
import orjson
import pytest

from pipeline.errors import AuthError
from pipeline.settings import JwtSettings
from web.auth import MAX_TOKEN_BYTES, TokenVerifier, issue_token

SECRET = "s" * 48
SETTINGS = JwtSettings(secret=SECRET, audience="log-analysis", issuer="gateway")


def _verifier() -> TokenVerifier:
    return TokenVerifier(SETTINGS)


def test_issued_token_verifies():
    principal = _verifier().verify_header(f"Bearer {issue_token(SETTINGS, 'alice', role='ops')}")
    assert principal.subject == "alice"
    assert principal.claims["role"] == "ops"


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        (None, "missing"),
        ("", "missing"),
        ("Basic dXNlcjpwYXNz", "malformed"),
        ("Bearer ", "malformed"),
        ("Bearer not-a-jwt", "invalid"),
        ("Bearer " + "a" * (MAX_TOKEN_BYTES + 1), "malformed"),
    ],
)
def test_bad_headers(header, reason):
    with pytest.raises(AuthError) as caught:
        _verifier().verify_header(header)
    assert caught.value.reason == reason


def _claims(**extra):
    now = int(time.time())
    return {"sub": "bob", "exp": now + 60, "aud": "log-analysis", "iss": "gateway", **extra}


def test_wrong_secret_is_rejected():
    token = jwt.encode(_claims(), "x" * 48, algorithm="HS256")
    with pytest.raises(AuthError, match="Signature verification failed"):
        _verifier().verify(token)


def test_expired_token_is_rejected():
    token = jwt.encode(_claims(exp=int(time.time()) - 3600), SECRET, algorithm="HS256")
    with pytest.raises(AuthError) as caught:
        _verifier().verify(token)
    assert caught.value.reason == "expired"


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "someone-else"},
        {"iss": "evil"},
        {"sub": ""},
    ],
)
def test_wrong_claims_are_rejected(claims):
    token = jwt.encode(_claims(**claims), SECRET, algorithm="HS256")
    with pytest.raises(AuthError):
        _verifier().verify(token)


def test_missing_exp_is_rejected():
    claims = _claims()
    del claims["exp"]
    with pytest.raises(AuthError, match="exp"):
        _verifier().verify(jwt.encode(claims, SECRET, algorithm="HS256"))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_alg_none_is_rejected():
    header = _b64(orjson.dumps({"alg": "none", "typ": "JWT"}))
    payload = _b64(orjson.dumps(_claims()))
    with pytest.raises(AuthError):
        _verifier().verify(f"{header}.{payload}.")


def test_a_token_signed_with_another_algorithm_is_rejected():
    long_secret = SECRET * 2  # long enough for HS512, so only the algorithm differs
    verifier = TokenVerifier(JwtSettings(secret=long_secret, audience="log-analysis"))
    token = jwt.encode(_claims(), long_secret, algorithm="HS512")
    with pytest.raises(AuthError, match="alg"):
        verifier.verify(token)
