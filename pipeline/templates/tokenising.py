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
from pipeline.templates.masking import SPAN_MARK, SPANS, UNIT_TOKENS, WILDCARD, attach_units
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

    __slots__ = ("_config", "_counters", "_mask_token")

    def __init__(self, config: MinerConfig, mask_token: MaskToken, counters: Counters) -> None:
        self._config = config
        self._mask_token = mask_token
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
        spans: list[str] = []
        if SPAN_MARK not in message and SPANS.search(message) is not None:
            message, spans = _cut_spans(message)
        raw = message.split()
        tail: str | None = None
        if len(raw) > config.max_tokens:
            counters.truncated_tokens += 1
            tail = " ".join(raw[config.max_tokens - 1 :])
            raw = raw[: config.max_tokens - 1]
        mask_token = self._mask_token
        tokens: list[str] = []
        values: Values = []
        limit = config.max_token_chars
        for token in raw:
            if len(token) > limit:
                counters.long_tokens += 1
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
        if tail is not None:
            tokens.append(WILDCARD)
            values.append(("truncated", tail))
        if values and not UNIT_TOKENS.isdisjoint(raw):
            attach_units(tokens, values)
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
    """Mask a token holding span marks: the marks become <*>, the rest is masked as usual."""
    parts = token.split(SPAN_MARK)
    masked_parts: list[str] = []
    values: Values = []
    for index, part in enumerate(parts):
        if index:
            values.append(("timestamp", spans.pop(0)))
        masked, found = mask_token(part) if part else ("", ())
        masked_parts.append(masked)
        values.extend(found)
    return WILDCARD.join(masked_parts), tuple(values)
