"""Freshly generated signing keys written as PEM files, for the JWT settings and `token` tests."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from pipeline.settings import variables as s


def new_key(kind: str) -> PrivateKeyTypes:
    """``kind``: rsa (2048 bits), rsa1024, p256, p384, p521, ed25519 or ed448."""
    if kind.startswith("rsa"):
        return rsa.generate_private_key(public_exponent=65537, key_size=int(kind[3:] or 2048))
    curves: dict[str, ec.EllipticCurve] = {
        "p256": ec.SECP256R1(),
        "p384": ec.SECP384R1(),
        "p521": ec.SECP521R1(),
    }
    if kind in curves:
        return ec.generate_private_key(curves[kind])
    return (
        ed25519.Ed25519PrivateKey.generate()
        if kind == "ed25519"
        else ed448.Ed448PrivateKey.generate()
    )


def private_pem(key: PrivateKeyTypes, password: bytes | None = None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password)
        if password is not None
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def public_pem(key: PrivateKeyTypes) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def key_environ(directory: Path, algorithm: str, kind: str) -> dict[str, str]:
    """The JWT variables for ``algorithm`` with a new key pair of ``kind`` in ``directory``."""
    key = new_key(kind)
    private, public = directory / f"{kind}.pem", directory / f"{kind}.pub.pem"
    private.write_bytes(private_pem(key))
    public.write_bytes(public_pem(key))
    return {
        s.JWT_ALGORITHM: algorithm,
        s.JWT_PUBLIC_KEY_FILE: str(public),
        s.JWT_PRIVATE_KEY_FILE: str(private),
    }
