"""Comparisons of template tokens with message tokens, used to decide how templates grow."""

from __future__ import annotations

import re

from pipeline.templates.masking import WILDCARD

KEY = re.compile(r"[A-Za-z_][\w.-]*=")
# Characters that vary inside values (digits, separators of addresses and numbers).
_VALUE_CHARS = re.compile(r"[0-9.:,;_/\\-]+")
_OPENERS = "([{\"'"
_CLOSERS = ")]}\"',.;:"


def differ_in_words(mine: str, theirs: str) -> bool:
    """True if two different tokens differ in their constant text, not only in values.

    ``Link ok`` / ``Link error`` and ``tty=NODEVssh`` / ``tty=:<*>`` differ in words;
    ``<*>:<*>`` / ``<*>`` and ``user=<*>`` / ``user=guest`` (a key whose value is masked
    elsewhere) do not. A token with two or more variables counts as a value as a whole.
    """
    if WILDCARD not in mine and WILDCARD not in theirs:
        return True
    if mine.count(WILDCARD) > 1 or theirs.count(WILDCARD) > 1:
        return False
    key = KEY.match(mine)
    if key is not None and theirs.startswith(key.group()):
        cut = len(key.group())
        if WILDCARD in (mine[cut:], theirs[cut:]):
            return False
    return _VALUE_CHARS.sub("", mine.replace(WILDCARD, "")) != _VALUE_CHARS.sub(
        "", theirs.replace(WILDCARD, "")
    )


def generalise_token(mine: str, theirs: str) -> str:
    """The most specific pattern ``prefix<*>suffix`` covering two different tokens.

    A shared ``key=`` prefix and shared enclosing punctuation are kept: ``user=root`` and
    ``user=guest`` give ``user=<*>``; ``()`` and ``(<*>)`` give ``(<*>)``; otherwise ``<*>``.
    """
    if mine == WILDCARD:
        return WILDCARD
    shortest = min(len(mine), len(theirs))
    key = KEY.match(mine)
    if key is not None and theirs.startswith(key.group()):
        start = len(key.group())
    else:
        start = 0
        while start < shortest and mine[start] in _OPENERS and mine[start] == theirs[start]:
            start += 1
    end = 0
    while (
        end < shortest - start and mine[-1 - end] in _CLOSERS and mine[-1 - end] == theirs[-1 - end]
    ):
        end += 1
    return mine[:start] + WILDCARD + (mine[len(mine) - end :] if end else "")


def is_enum(token: str) -> bool:
    """UPPER_CASE words are enumeration constants (states, levels), never variables."""
    word = token.strip("[](){}<>,.;:'\"")
    return len(word) > 1 and word.isupper() and not word.isdigit()


def instance_of(tokens: list[str], pattern: list[str]) -> bool:
    """True if ``tokens`` differ from ``pattern`` only at its <*> or at masked positions."""
    for token, wanted in zip(tokens, pattern, strict=True):
        if (
            token != wanted
            and wanted != WILDCARD
            and not (WILDCARD in token and WILDCARD in wanted)
        ):
            return False
    return True
