"""`python -m pipeline token`: the printed token is one the service's own verifier accepts."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import jwt
import pytest
from click.testing import CliRunner, Result

from pipeline.commands import token_command
from pipeline.settings import Settings
from pipeline.settings import variables as s
from tests.factories import dev_settings
from tests.unit.pipeline.jwt_keys import key_environ
from web.auth import TokenVerifier

REPO_ROOT = Path(__file__).resolve().parents[3]


def _run(settings: Settings, *args: str) -> Result:
    return CliRunner().invoke(token_command(settings), list(args))


def _verified(settings: Settings, result: Result) -> dict[str, object]:
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert "\n" not in token
    principal = TokenVerifier(settings.jwt).verify(token)
    return dict(principal.claims)


def test_hs256_token_verifies_and_lives_as_long_as_the_setting_says():
    settings = dev_settings()
    claims = _verified(settings, _run(settings, "--sub", "alice"))
    assert claims["sub"] == "alice"
    assert claims["exp"] == claims["iat"] + 3600  # type: ignore[operator]
    shorter = dev_settings({s.JWT_TOKEN_TTL_SECONDS: "600"})
    claims = _verified(shorter, _run(shorter, "--sub", "alice"))
    assert claims["exp"] == claims["iat"] + 600  # type: ignore[operator]


def test_ttl_option_overrides_the_setting():
    settings = dev_settings({s.JWT_TOKEN_TTL_SECONDS: "600"})
    claims = _verified(settings, _run(settings, "--sub", "bob", "--ttl", "86400"))
    assert claims["exp"] == claims["iat"] + 86_400  # type: ignore[operator]


def test_the_shortest_ttl_is_one_second():
    token = _run(dev_settings(), "--sub", "carol", "--ttl", "1").stdout.strip()
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 1


def test_audience_and_issuer_are_claimed_when_configured():
    settings = dev_settings({s.JWT_AUDIENCE: "log-analysis", s.JWT_ISSUER: "ops-laptop"})
    claims = _verified(settings, _run(settings, "--sub", "dave"))
    assert (claims["aud"], claims["iss"]) == ("log-analysis", "ops-laptop")


@pytest.mark.parametrize(
    ("algorithm", "kind"),
    [("RS256", "rsa"), ("PS384", "rsa"), ("ES256", "p256"), ("EdDSA", "ed25519")],
)
def test_asymmetric_token_verifies_with_the_public_key(tmp_path, algorithm, kind):
    settings = dev_settings(key_environ(tmp_path, algorithm, kind))
    result = _run(settings, "--sub", "svc-backfill", "--ttl", "120")
    claims = _verified(settings, result)
    assert claims["sub"] == "svc-backfill"
    assert claims["exp"] == claims["iat"] + 120  # type: ignore[operator]
    assert jwt.get_unverified_header(result.stdout.strip())["alg"] == algorithm


def test_without_a_private_key_an_asymmetric_algorithm_cannot_sign(tmp_path: Path):
    environ = key_environ(tmp_path, "ES256", "p256")
    del environ[s.JWT_PRIVATE_KEY_FILE]
    result = _run(dev_settings(environ), "--sub", "alice")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "JWT_PRIVATE_KEY_FILE: is required to sign ES256 tokens" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Missing option '--sub'"),
        (["--sub", ""], "must not be empty"),
        (["--sub", "   "], "must not be empty"),
        (["--sub", "alice\nadmin"], "must be printable"),
        (["--sub", "tab\there"], "must be printable"),
        (["--sub", "esc\x1b[31m"], "must be printable"),
        (["--sub", "x" * 201], "at most 200 characters"),
        (["--sub", "alice", "--ttl", "0"], "not in the range 1<=x<=86400"),
        (["--sub", "alice", "--ttl", "86401"], "not in the range 1<=x<=86400"),
        (["--sub", "alice", "--ttl", "-5"], "not in the range 1<=x<=86400"),
        (["--sub", "alice", "--ttl", "1h"], "'1h' is not a valid integer"),
    ],
)
def test_bad_subjects_and_ttls_are_refused(args: list[str], message: str):
    result = _run(dev_settings(), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr


def test_the_longest_and_non_ascii_subjects_are_accepted():
    settings = dev_settings()
    for subject in ("x" * 200, "zoë@example.org", "CN=ops, O=Example"):
        assert _verified(settings, _run(settings, "--sub", subject))["sub"] == subject


def _main(environ: Mapping[str, str], state: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "token", *args],
        cwd=REPO_ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            s.ENVIRONMENT: "development",
            s.DATA_DIR: str(state),
            **environ,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_entry_point_prints_only_the_token_and_exits_2_without_a_key(tmp_path: Path):
    environ = key_environ(tmp_path, "EdDSA", "ed25519")
    done = _main(environ, tmp_path / "state", "--sub", "ops")
    assert done.returncode == 0, done.stderr
    TokenVerifier(dev_settings(environ).jwt).verify(done.stdout.strip())
    del environ[s.JWT_PRIVATE_KEY_FILE]
    refused = _main(environ, tmp_path / "state", "--sub", "ops")
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "JWT_PRIVATE_KEY_FILE" in refused.stderr
