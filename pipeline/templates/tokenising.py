"""From a raw message to masked tokens and the values behind their ``<*>``.

The steps, in order: cut to ``max_message_chars``; reduce a multi-line message to its first
line and exception type; mask multi-token dates; split on whitespace; fold tokens beyond
``max_tokens`` into one trailing ``<*>``; replace tokens longer than ``max_token_chars`` by
``<*>``; mask each token; fold unit symbols into the number before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.templates.config import MinerConfig
from pipeline.templates.masking import (
    MONTHS,
    SPAN_MARK,
    SPANS,
    UNIT_TOKENS,
    WILDCARD,
    Masker,
    name_units,
)
from pipeline.templates.multiline import summarise
from pipeline.templates.stats import Counters

Values = list[tuple[str, str]]
MaskToken = Callable[[str], tuple[str, tuple[tuple[str, str], ...]]]


def normalised_message(message: str, config: MinerConfig) -> str:
    """The text a template describes: what :meth:`Tokeniser.tokenise` sees, spaces folded.

    Every message matches the template it was given in this sense: the template, with each
    ``<*>`` read as "any run of characters, possibly empty", matches the whole of this text.
    """
    message = message[: config.max_message_chars]
    if "\n" in message or "\r" in message:
        message = summarise(message)
    return " ".join(message.split())


class Tokeniser:
    """Masks messages into tokens; shared by the miners of all services (it holds no state
    other than the masker's token cache)."""

    __slots__ = ("_cached", "_config", "_counters", "_mask_token")

    def __init__(self, config: MinerConfig, masker: Masker, counters: Counters) -> None:
        self._config = config
        self._mask_token: MaskToken = masker.mask_token
        self._cached = masker.cached  # the cache's own dict.get: no Python call per hit
        self._counters = counters

    def tokenise(self, message: str) -> tuple[list[str], Values]:
        config = self._config
        counters = self._counters
        if len(message) > config.max_message_chars:
            counters.truncated_messages += 1
            message = message[: config.max_message_chars]
        if "\n" in message or "\r" in message:
            counters.multiline_messages += 1
            message = summarise(message)
        raw = message.split()
        spans: list[str] = []
        if not MONTHS.isdisjoint(raw) and SPAN_MARK not in message:
            message, spans = _cut_spans(message)
            raw = message.split()
        tail: str | None = None
        if len(raw) > config.max_tokens:
            counters.truncated_tokens += 1
            tail = " ".join(raw[config.max_tokens - 1 :])
            raw = raw[: config.max_tokens - 1]
        if spans or (raw and max(map(len, raw)) > config.max_token_chars):
            tokens, values = self._mask_slowly(raw, spans)
        else:
            # The common case in one pass of comprehensions: no spans, no overlong tokens.
            cached, mask_token = self._cached, self._mask_token
            pairs = [cached(token) or mask_token(token) for token in raw]
            tokens = [pair[0] for pair in pairs]
            values = [value for pair in pairs if pair[1] for value in pair[1]]
        if tail is not None:
            tokens.append(WILDCARD)
            values.append(("truncated", tail))
        if values and not UNIT_TOKENS.isdisjoint(raw):
            name_units(tokens, values)
        return tokens, values

    def _mask_slowly(self, raw: list[str], spans: list[str]) -> tuple[list[str], Values]:
        """Token by token, for messages with spans or tokens over ``max_token_chars``."""
        mask_token = self._mask_token
        limit = self._config.max_token_chars
        tokens: list[str] = []
        values: Values = []
        for token in raw:
            if len(token) > limit:
                self._counters.long_tokens += 1
                tokens.append(WILDCARD)
                values.append(("long", token))
                continue
            if spans and SPAN_MARK in token:
                masked, found = _mask_with_spans(token, spans, mask_token)
            else:
                masked, found = mask_token(token)
            tokens.append(masked)
            if found:
                values.extend(found)
        return tokens, values


def _cut_spans(message: str) -> tuple[str, list[str]]:
    """Replace multi-token spans (dates with spaces) by a mark; return them in order."""
    spans: list[str] = []

    def cut(match: re.Match[str]) -> str:
        spans.append(match.group())
        return SPAN_MARK

    return SPANS.sub(cut, message), spans


def _mask_with_spans(
    token: str, spans: list[str], mask_token: MaskToken
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Mask a token holding span marks; the rest of the token is masked as usual.

    A date span is one variable per time field, the words of the date going with the hour:
    ``Fri Jul  1 07:57:30 2005`` becomes ``<*>:<*>:<*>``, as the Loghub annotations write it.
    """
    parts = token.split(SPAN_MARK)
    masked_parts: list[str] = []
    values: Values = []
    for index, part in enumerate(parts):
        if index:
            fields = spans.pop(0).split(":")
            masked_parts.append(":".join([WILDCARD] * len(fields)))
            values.extend(("timestamp", field) for field in fields)
        masked, found = mask_token(part) if part else ("", ())
        masked_parts.append(masked)
        values.extend(found)
    return "".join(masked_parts), tuple(values)
