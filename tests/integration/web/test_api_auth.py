"""Bearer tokens against running workers: what is refused, with a 401 in the envelope and a
WWW-Authenticate challenge, and that the `token` command's tokens are accepted (HS256 and RS256)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import jwt
import pytest

from pipeline.settings import load_settings
from tests.integration.processes import get_json
from tests.integration.stream.conftest import Stream
from tests.unit.pipeline.jwt_keys import key_environ
from tests.unit.web.forged_tokens import forgeries, hs256

from .conftest import Served

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]


def _claims(served: Served, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "sub": "mallory",
        "iat": now,
        "exp": now + 600,
        "aud": served.env["JWT_AUDIENCE"],
        "iss": served.env["JWT_ISSUER"],
    }
    return claims | changes


def _secret(served: Served) -> str:
    return load_settings(served.env).jwt.secret


def _refused(served: Served, header: str | None) -> dict[str, Any]:
    headers = {} if header is None else {"Authorization": header}
    status, body = get_json(f"{served.base_url}/api/v1/services", headers)
    assert status == 401, body
    assert body["status_code"] == 401 and body["data"] is None and body["message"]
    return body


def test_the_token_commands_token_is_accepted(served: Served) -> None:
    token = _token_command(served.env, "api-user")
    status, body = get_json(
        f"{served.base_url}/api/v1/services", {"Authorization": f"Bearer {token}"}
    )
    assert status == 200, body


@pytest.mark.parametrize(
    "header", [None, "", "Bearer", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz", "Bearer a.b"]
)
def test_a_missing_or_malformed_header_is_refused(served: Served, header: str | None) -> None:
    _refused(served, header)


def test_forged_tokens_are_refused(served: Served) -> None:
    secret = _secret(served)
    good = jwt.encode(_claims(served), secret, algorithm="HS256")
    for name, (token, _) in forgeries(_claims(served), secret).items():
        body = _refused(served, f"Bearer {token}")
        assert body["message"], name
    # A header past aiohttp's 8 KiB limit is refused by the HTTP parser itself, before any
    # handler: a 400, not a 5xx.
    status, _ = get_json(f"{served.base_url}/api/v1/services", {"Authorization": "B" * 9000})
    assert status == 400
    # The good one passes: the refusals above are the forgeries', not the setup's.
    status, _ = get_json(f"{served.base_url}/api/v1/services", {"Authorization": f"Bearer {good}"})
    assert status == 200


def _token_command(env: dict[str, str], sub: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "token", "--sub", sub, "--ttl", "300"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


async def test_an_rs256_worker_refuses_hs256_signed_with_its_public_key(
    stream: Stream, tmp_path: Path
) -> None:
    keys = key_environ(tmp_path, "RS256", "rsa")
    stream.env.update(keys)
    stream.start()
    url = f"http://127.0.0.1:{stream.env['WEB_PORT']}/api/v1/services"
    token = _token_command(stream.env, "rs-user")
    assert jwt.get_unverified_header(token)["alg"] == "RS256"
    status, body = get_json(url, {"Authorization": f"Bearer {token}"})
    assert status == 200, body
    # The classic switch: HMAC keyed with the public key the server verifies RS256 with.
    public = Path(keys["JWT_PUBLIC_KEY_FILE"]).read_bytes()  # noqa: ASYNC240 - a small file
    claims = {"sub": "mallory", "exp": int(time.time()) + 600}
    switched = hs256(claims, public)
    status, body = get_json(url, {"Authorization": f"Bearer {switched}"})
    assert status == 401 and body["status_code"] == 401
