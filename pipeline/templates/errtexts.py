"""The C library's error texts (``strerror``): ``No such file or directory``, ``Permission
denied``, ``connection refused`` in Go's lower case, ``[Errno 2] No such file or directory``
in Python's. Programs print them for ``%m`` and every error from a system call, so after a
head they are the value of an error placeholder, never the words of an event. A phrase of two
or more words is joined into one token and written ``<*>``, as a date is.

The texts come from the platform (``strerror`` of every ``errno`` code), so they are the ones
the programs on it print.
"""

from __future__ import annotations

import errno
import re
from os import strerror

_TEXTS = sorted(
    {
        text
        for text in (strerror(code) for code in errno.errorcode)
        if len(text.split()) >= 2 and not text.startswith("Unknown error")
    },
    key=len,
    reverse=True,
)
# A phrase starts at one of these tokens (as written in lower case, capitalised or in upper
# case: a set lookup per token, no lower-casing); the regex then checks it whole.
FIRST_WORDS = frozenset(
    variant
    for text in _TEXTS
    for word in (text.split()[0],)
    for variant in (word.lower(), word.capitalize(), word.upper())
)
_PHRASE = re.compile(r"(?i:" + "|".join(re.escape(text) for text in _TEXTS) + r")(?!\w)")
_LEADING = "\"'([{"


def join_error_texts(raw: list[str]) -> tuple[list[str], set[int]] | None:
    """``raw`` with each error text joined into one token, and those tokens' positions; None
    when there is none (the common case)."""
    firsts = FIRST_WORDS
    found: list[tuple[int, int]] = []
    # A message that opens with such a text says it in its own words ("permission denied
    # for column x"): the event, not the value of a placeholder.
    index = 1
    size = len(raw)
    while index < size - 1:
        if raw[index].lstrip(_LEADING) not in firsts:
            index += 1
            continue
        token = raw[index]
        start = len(token) - len(token.lstrip(_LEADING))
        text = " ".join(raw[index : index + 8])
        match = _PHRASE.match(text, start)
        if match is None:
            index += 1
            continue
        last = index + text[: match.end()].count(" ")
        found.append((index, last))
        index = last + 1
    if not found:
        return None
    joined: list[str] = []
    positions: set[int] = set()
    previous = 0
    for first, last in found:
        joined.extend(raw[previous:first])
        positions.add(len(joined))
        joined.append(" ".join(raw[first : last + 1]))
        previous = last + 1
    joined.extend(raw[previous:])
    return joined, positions


def split_error_token(token: str) -> tuple[str, str, str]:
    """(text before, the error text, text after) of a joined error token."""
    start = len(token) - len(token.lstrip(_LEADING))
    match = _PHRASE.match(token, start)
    assert match is not None  # only joined tokens come here
    return token[:start], match.group(), token[match.end() :]
