"""Stable template ids: a hash of the service and the template text, never creation order."""

from __future__ import annotations

from hashlib import blake2b


def template_id(service: str, template: str) -> str:
    """Return a 16-hex-digit id for ``template`` within ``service``.

    The NUL separator keeps ("a b", "c") and ("a", "b c") apart. 64 bits make a collision among
    the few thousand templates of one service vanishingly unlikely.
    """
    data = f"{service}\x00{template}".encode("utf-8", "surrogatepass")
    return blake2b(data, digest_size=8).hexdigest()
