"""Typed readers for environment values; each failure names the variable and the reason."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import orjson

import pipeline.settings.variables as v
from pipeline.errors import SettingsError

T = TypeVar("T")
N = TypeVar("N", int, float)
Parser = Callable[[str, str], T]


class Env:
    """Reads typed values from an environment mapping; blank counts as unset."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ

    def raw(self, name: str) -> str | None:
        value = self._environ.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def get(self, name: str, default: T, parse: Parser[T]) -> T:
        value = self.raw(name)
        return default if value is None else parse(name, value)


def _bounded(convert: Callable[[str], N], what: str, low: N, high: N) -> Parser[N]:
    def parse(name: str, value: str) -> N:
        try:
            number = convert(value)
        except ValueError:
            raise SettingsError(name, f"expected {what}, got {value!r}") from None
        if not low <= number <= high:
            raise SettingsError(name, f"must be between {low} and {high}, got {number}")
        return number

    return parse


def int_in(low: int, high: int) -> Parser[int]:
    return _bounded(int, "an integer", low, high)


def float_in(low: float, high: float) -> Parser[float]:
    return _bounded(float, "a number", low, high)


def matching(pattern: re.Pattern[str], what: str) -> Parser[str]:
    def parse(name: str, value: str) -> str:
        if not pattern.fullmatch(value):
            raise SettingsError(name, f"{value!r} is not a valid {what}")
        return value

    return parse


def one_of(choices: frozenset[str]) -> Parser[str]:
    """A choice matched case-insensitively and returned in its canonical spelling ("eddsa" and
    "EDDSA" both give "EdDSA")."""
    canonical = {choice.lower(): choice for choice in choices}

    def parse(name: str, value: str) -> str:
        found = canonical.get(value.lower())
        if found is None:
            raise SettingsError(name, f"must be one of {', '.join(sorted(choices))}, got {value!r}")
        return found

    return parse


def url(schemes: frozenset[str]) -> Parser[str]:
    def parse(name: str, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in schemes:
            raise SettingsError(
                name, f"scheme must be one of {', '.join(sorted(schemes))}, got {parts.scheme!r}"
            )
        try:
            parts.port  # noqa: B018 - urlsplit only validates the port when it is read
        except ValueError:
            raise SettingsError(name, "the port is not a number between 0 and 65535") from None
        if not parts.hostname:
            raise SettingsError(name, "has no host")
        return value

    return parse


def bootstrap_servers(name: str, value: str) -> str:
    servers = [server.strip() for server in value.split(",") if server.strip()]
    if not servers:
        raise SettingsError(name, "needs at least one host:port")
    for server in servers:
        host, sep, port = server.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise SettingsError(name, f"{server!r} is not host:port")
    return ",".join(servers)


def masks(name: str, value: str) -> tuple[tuple[str, str], ...]:
    """A JSON object of mask name -> regular expression, e.g. ``{"ORDER": "ORD-[0-9]{8}"}``."""
    try:
        parsed = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise SettingsError(name, f"expected a JSON object of name -> regex: {exc}") from None
    if not isinstance(parsed, dict):
        raise SettingsError(name, "expected a JSON object of name -> regex")
    found = []
    for mask_name, pattern in parsed.items():
        if not isinstance(pattern, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", mask_name):
            raise SettingsError(name, f"mask {mask_name!r}: names are identifiers, values regexes")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SettingsError(name, f"mask {mask_name!r}: invalid regex: {exc}") from None
        found.append((pattern, mask_name))
    return tuple(found)


def text(name: str, value: str) -> str:
    return value


def path(name: str, value: str) -> Path:
    return Path(value)


def existing_dir(name: str, value: str) -> Path:
    found = Path(value)
    if not found.is_dir():
        raise SettingsError(name, f"{value!r} is not a directory")
    return found


def file_text(name: str, value: str) -> str:
    try:
        return Path(value).read_text(encoding="utf-8")
    except OSError as exc:
        raise SettingsError(name, f"cannot read {value!r}: {exc.strerror}") from None


# Which private keys can sign which algorithm; PyJWT checks the same when signing, but only then.
_EC_CURVES = {"ES256": "secp256r1", "ES384": "secp384r1", "ES512": "secp521r1"}
# PyJWT warns below this (NIST SP 800-131A), and the tests turn warnings into errors.
_MIN_RSA_BITS = 2048


def private_key_for(algorithm: str, public_key: str | None) -> Parser[str]:
    """A PEM private key file that can sign ``algorithm`` tokens and, when ``public_key`` is a
    PEM public key, belongs to it. Returns the file's text.

    A wrong key fails at start-up naming the variable, not as an error from PyJWT (or a token
    every worker refuses) when the first token is signed.
    """

    def parse(name: str, value: str) -> str:
        text = file_text(name, value)
        problem = _private_key_problem(text, algorithm, public_key)
        if problem is not None:
            raise SettingsError(name, problem)
        return text

    return parse


def _private_key_problem(pem: str, algorithm: str, public_pem: str | None) -> str | None:
    # Imported here: only a process that signs needs cryptography at start-up.
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

    try:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    except TypeError:
        return "the key is encrypted; give an unencrypted PEM private key"
    except (ValueError, UnsupportedAlgorithm):
        # cryptography's message can quote the file; ours never does.
        return "is not a PEM private key (PKCS#8 or traditional, unencrypted)"
    if isinstance(key, rsa.RSAPrivateKey):
        kind = "RSA"
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        kind = f"EC {key.curve.name}"
    elif isinstance(key, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey):
        kind = "EdDSA"
    else:
        kind = type(key).__name__.lstrip("_")
    if algorithm.startswith(("RS", "PS")):
        wanted = "RSA"
    elif algorithm in _EC_CURVES:
        wanted = f"EC {_EC_CURVES[algorithm]}"
    else:
        wanted = "EdDSA"
    if kind != wanted:
        return f"holds a key of type {kind}; {algorithm} needs {wanted}"
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size < _MIN_RSA_BITS:
        return f"the RSA key has {key.key_size} bits; at least {_MIN_RSA_BITS} are required"
    if public_pem is not None:
        try:
            public = serialization.load_pem_public_key(public_pem.encode())
        except (ValueError, UnsupportedAlgorithm):
            # Not ours to judge here: the public key's own variable is what verification reads.
            return None
        spki = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        if key.public_key().public_bytes(*spki) != public.public_bytes(*spki):
            return (
                f"is not the private half of {v.JWT_PUBLIC_KEY_FILE}; its tokens would be refused"
            )
    return None
