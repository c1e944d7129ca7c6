"""The values behind each ``<*>`` of a template for one message."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat

from pipeline.templates.masking import WILDCARD
from pipeline.templates.tokens import KEY

Values = list[tuple[str, str]]


def extract(
    template: list[str], general: set[int], tokens: Sequence[str], values: Sequence[tuple[str, str]]
) -> Sequence[tuple[str, str]]:
    """(name, value) pairs in message order.

    ``values`` holds one pair per ``<*>`` in the masked ``tokens``. At a position the template
    generalised (``general``), the whole original token is one value, named after its key for
    ``key=<*>`` and "" otherwise; elsewhere the mask values pass through with their names.
    """
    if not general:
        return values
    if not values:
        return [
            _general_value(template[i], tokens[i])
            for i in sorted(general)
            if template[i] != tokens[i]
        ]
    counts = list(map(str.count, tokens, repeat(WILDCARD, len(tokens))))
    params: Values = []
    cursor = 0
    done = 0  # tokens whose values are already in params
    for index in sorted(general):
        before = sum(counts[done:index])
        if before:
            params.extend(values[cursor : cursor + before])
            cursor += before
        count = counts[index]
        if template[index] != tokens[index]:
            own = values[cursor : cursor + count]
            params.append(_general_value(template[index], restore(tokens[index], own)))
        elif count:
            params.extend(values[cursor : cursor + count])
        cursor += count
        done = index + 1
    params.extend(values[cursor:])
    return params


def _general_value(pattern: str, text: str) -> tuple[str, str]:
    """Name and value of ``text`` at a generalised position with pattern ``prefix<*>suffix``."""
    prefix, _, suffix = pattern.partition(WILDCARD)
    if WILDCARD in suffix or not text.startswith(prefix) or not text.endswith(suffix):
        return ("", text)
    value = text[len(prefix) : len(text) - len(suffix)]
    key = KEY.fullmatch(prefix)
    return (prefix[:-1] if key is not None else "", value)


def restore(masked: str, values: Sequence[tuple[str, str]]) -> str:
    """Put mask values back into a masked token (the inverse of masking)."""
    if not values:
        return masked
    parts = masked.split(WILDCARD)
    out = [parts[0]]
    for (_, value), part in zip(values, parts[1:], strict=False):
        out.append(value)
        out.append(part)
    return "".join(out)
