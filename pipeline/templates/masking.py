"""Masking of variable parts of log tokens (numbers, addresses, ids, paths ...) as ``<*>``.

Masking works on one whitespace-separated token at a time. Tokens repeat a lot (the constant
words of every template), so the masked form of a token is cached and the combined regex only
runs on tokens not seen recently. All masks therefore describe single tokens; a value that spans
spaces (``2015-10-18 18:01:47``) becomes one ``<*>`` per token.

The boundaries follow the conventions of the corrected Loghub annotations: a variable is a whole
sub-token between delimiters such as ``. - : = , ( ) [ ]``, so ``node-12`` becomes ``node-<*>``
and ``blk_123`` becomes ``<*>``; a word with a single trailing digit (``ssh2``, ``tty1``) is a
constant.
"""

from __future__ import annotations

import re
from collections.abc import Callable

WILDCARD = "<*>"

_HEX4 = "[0-9a-fA-F]{1,4}"
_UNIT_DURATION = r"(?:ns|us|µs|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?)"
_UNIT_SIZE = r"(?:[kKMGTP]i?[bB]|[kKMGT]|bytes?|B)"
_NO_WORD_BEFORE = r"(?<![A-Za-z0-9_])"
_NO_WORD_AFTER = r"(?![A-Za-z0-9_])"

# (name, pattern), tried in this order at each position. Earlier masks win where two could
# match at the same place, so specific shapes come before the generic number/id masks.
BUILTIN_MASKS: tuple[tuple[str, str], ...] = (
    # URLs keep their scheme ("hdfs://<*>") and are variables only when they contain a digit;
    # a link without one (http://wiki.apache.org/x) is usually documentation text.
    ("url", r"\b[A-Za-z][A-Za-z0-9+.-]*://(?=[^\s\"'<>()\[\]{}]*\d)[^\s\"'<>()\[\]{}]+"),
    ("email", r"\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"),
    (
        "uuid",
        r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b",
    ),
    (
        "timestamp",
        r"\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
        r"|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b",
    ),
    ("mac", r"\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}\b"),
    (
        "ipv6",
        rf"(?<![\w:])(?:{_HEX4}:){{7}}{_HEX4}(?![\w:])"
        rf"|(?<![\w:])(?:{_HEX4}:){{1,6}}:(?:{_HEX4}(?::{_HEX4})*)?(?![\w:])"
        rf"|(?<![\w:])::(?:{_HEX4}(?::{_HEX4})*)?(?![\w:])",
    ),
    ("ipv4", r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\w)"),
    # Host names with a digit in the first label (ec2-52-80-1-2.compute.amazonaws.com); the
    # digit keeps Java package names (org.apache.x) out.
    # or ending in a common top-level domain (country domains from a short list, so that
    # config keys such as mapred.task.id and file names such as x.py stay).
    (
        "host",
        r"(?<![\w.-])(?:[A-Za-z0-9-]*\d[A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+\.[a-z]{2,}"
        r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:(?:com|net|org|edu|gov|co|ac)\.[a-z]{2}"
        r"|com|net|org|edu|gov|mil|info|biz|local"
        r"|localdomain|internal|lan|de|uk|jp|cn|ru|fr|br|it|nl|au|ca|kr|tw|es|se|ch|be|dk"
        r"|fi|no|cz|hu|gr|pt|ie|nz|za|mx|ar|hk|sg|om))(?![\w-]|\.\w)",
    ),
    ("version", r"(?<![\w.])[vV]\d+(?:\.\d+)+[\w-]*"),
    ("hex", rf"{_NO_WORD_BEFORE}0[xX][0-9a-fA-F]+{_NO_WORD_AFTER}"),
    ("path", r"(?<![\w/.])(?:/[^\s/\"'()\[\]{},;=|:]+)+/?|\b[A-Za-z]:\\[^\s\"'<>|]*"),
    ("duration", rf"{_NO_WORD_BEFORE}-?\d+(?:\.\d+)?{_UNIT_DURATION}{_NO_WORD_AFTER}"),
    ("size", rf"{_NO_WORD_BEFORE}\d+(?:\.\d+)?{_UNIT_SIZE}{_NO_WORD_AFTER}"),
    ("bool", rf"{_NO_WORD_BEFORE}(?i:true|false|null){_NO_WORD_AFTER}"),
    ("user", rf"{_NO_WORD_BEFORE}(?i:root|admin){_NO_WORD_AFTER}"),
    # Numbers, including a sign and dotted parts (3.14, 1.2.3).
    ("num", rf"(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)*{_NO_WORD_AFTER}"),
    # Identifiers that contain digits: blk_123, appattempt_1445_0020, 12ab34, blk_-42.
    ("id", rf"{_NO_WORD_BEFORE}(?:-?\d\w*|[A-Za-z_]\w*?(?:\d|_-\d)\w*)"),
)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
# Dates written with spaces, which the per-token masks cannot see whole: "Fri Jul  1 07:57:30
# 2005" (ctime), "Jul 1 07:57:30" (syslog), "18 Oct 2015 07:57:30". One date is one variable.
SPANS = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}},?\s+\d{{1,2}}:\d{{2}}:\d{{2}}(?:[.,]\d+)?"
    rf"(?:\s+\d{{4}}\b)?"
    rf"|\b(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}(?:\s+\d{{1,2}}:\d{{2}}:\d{{2}})?\b"
)
# Stands for a masked span inside a message while it is split into tokens (a private-use code
# point; occurrences in the input are replaced first).
SPAN_MARK = "\ue000"
_DIGITS = re.compile(r"\d")
_KEY_VALUE = re.compile(r"([A-Za-z_][\w.-]*)=(\S+)")

Values = tuple[tuple[str, str], ...]
Masked = tuple[str, Values]


class Masker:
    """Masks one token at a time, with a bounded cache of recently seen tokens."""

    __slots__ = ("_cache", "_cache_size", "_pattern", "_sub")

    def __init__(
        self,
        extra_masks: tuple[tuple[str, str], ...] = (),
        disabled: tuple[str, ...] = (),
        cache_size: int = 65536,
    ) -> None:
        masks = [(f"x{i}_{name}", rx) for i, (rx, name) in enumerate(extra_masks)]
        masks += [(name, rx) for name, rx in BUILTIN_MASKS if name not in disabled]
        for group, rx in masks:
            re.compile(rx)  # fail early, naming the bad pattern
            if not re.fullmatch(r"[A-Za-z_]\w*", group):
                raise ValueError(f"mask name must be an identifier: {group!r}")
        combined = "|".join(f"(?P<{group}>{rx})" for group, rx in masks)
        self._pattern = re.compile(combined) if masks else re.compile(r"(?!x)x")
        self._sub: Callable[..., str] = self._pattern.sub
        self._cache: dict[str, Masked] = {}
        self._cache_size = cache_size

    def mask_token(self, token: str) -> Masked:
        """Return the token with variables replaced by ``<*>`` and the (name, value) pairs."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        values: list[tuple[str, str]] = []

        def replace(match: re.Match[str]) -> str:
            group = match.lastgroup or ""
            text = match.group()
            if group == "id" and text[0].isalpha() and _is_versioned_word(text):
                return text
            name = group.split("_", 1)[1] if group.startswith("x") and "_" in group else group
            if group == "url":
                scheme, rest = text.split("://", 1)
                values.append((name, rest))
                return f"{scheme}://{WILDCARD}"
            values.append((name, text))
            return WILDCARD

        if WILDCARD in token:
            # A literal <*> in the input is a value, so that masks and values stay in step.
            parts = token.split(WILDCARD)
            masked_parts = []
            for i, part in enumerate(parts):
                if i:
                    values.append(("literal", WILDCARD))
                masked_parts.append(self._sub(replace, part))
            masked = WILDCARD.join(masked_parts)
        else:
            masked = self._sub(replace, token)
        if values and "=" in token:
            values = _name_key_values(token, values)
        result: Masked = (masked, tuple(values))
        if len(self._cache) >= self._cache_size:
            self._cache.clear()  # cheap bound; the hot tokens come back within a few messages
        self._cache[token] = result
        return result


_SEPARATE_NUMBER = re.compile(r"[_-]\d")


def _is_versioned_word(word: str) -> bool:
    """ssh2, tty1, log4j, jk2_init: one digit glued to a word is part of a name."""
    return len(_DIGITS.findall(word)) < 2 and _SEPARATE_NUMBER.search(word) is None


def _name_key_values(token: str, values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Name a value after its key when the token is ``key=value`` and the value is one mask."""
    match = _KEY_VALUE.fullmatch(token)
    if match is not None and len(values) == 1 and values[0][1] == match.group(2):
        return [(match.group(1), values[0][1])]
    return values


# Unit symbols written after a number ("5.2 KB", "30 ms") are part of the value, as the Loghub
# annotations write them ("size <*>,"); spelled-out units ("2010 bytes") stay words.
_SIZE_SYMBOLS = ("B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "kB")
_TIME_SYMBOLS = ("ns", "us", "µs", "ms", "s", "sec", "secs", "min", "mins", "h", "hr", "hrs")
_SIZE_WORDS = ("byte", "bytes")
_TIME_WORDS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days")
_TRAILING = ("", ",", ".", ";", ":", ")", "]")
_UNIT_NAMES = {
    unit + tail: (name, symbol)
    for units, name, symbol in (
        (_SIZE_SYMBOLS, "size", True),
        (_TIME_SYMBOLS, "duration", True),
        (_SIZE_WORDS, "size", False),
        (_TIME_WORDS, "duration", False),
    )
    for unit in units
    for tail in _TRAILING
}
UNIT_TOKENS = frozenset(_UNIT_NAMES)


def attach_units(tokens: list[str], values: list[tuple[str, str]]) -> None:
    """Fold unit symbols into the number before them and name the value size or duration.

    ``values`` holds one entry per ``<*>`` in ``tokens``, in order; both are updated in place.
    """
    cursor = 0
    index = 0
    while index < len(tokens) - 1:
        token = tokens[index]
        count = token.count(WILDCARD)
        if token == WILDCARD and values[cursor][0] == "num":
            unit = tokens[index + 1]
            found = _UNIT_NAMES.get(unit)
            if found is not None:
                name, symbol = found
                number = values[cursor][1]
                if symbol:
                    bare = unit.rstrip(",.;:)]")
                    values[cursor] = (name, f"{number} {bare}")
                    tokens[index] = WILDCARD + unit[len(bare) :]
                    del tokens[index + 1]
                else:
                    values[cursor] = (name, number)
        cursor += count
        index += 1
