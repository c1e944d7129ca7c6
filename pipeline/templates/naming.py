"""Keys whose value names the event (``<Event Type="Recovered" ID="7" />``), found from evidence.

A structured logger writes every field as ``key="value"``, the event's name among them, so the
quoted mask makes the name a variable like any other value and events whose keys agree merge.
No key is named in advance: a key names the event when each of its values comes with its own
set of other keys, always the same one, while the key itself comes with several such sets (it
is in many events), and its values recur (a name is logged again, an id is not). One value seen
with two sets of keys (an id, a host, a level shared by several events) rules the key out for
good. Once a key names events, its value stays a word of the template (``Type="Recovered"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.templates.masking import WILDCARD

# A key and its quoted value without spaces, at a token's start: Type="Recovered". The
# quantifiers are possessive: what follows each run (= or a quote) is a character the run
# cannot hold, so giving characters back never matches, and the regex does not try it.
_PAIR = re.compile(r"(?<![^\s\[({,])([A-Za-z_][\w.-]*+)=([\"'])([^\"'\s\\<>=]++)\2")
# Any key of the message, quoted value or not: what the event's fields are.
_KEY = re.compile(r"(?<![^\s\[({,])([A-Za-z_][\w.-]*+)=")
# A key names events only after its values came with this many different sets of keys...
MIN_KEY_SETS = 5
# ... and values were seen again this many times, each with the set it came with before.
MIN_REPEATS = 3
# Bound on the values remembered per key: a key with more is no name (only a hint).
MAX_VALUES = 1024


class NamingKeys:
    """Evidence per key of one service's messages, and the keys found to name events."""

    __slots__ = (
        "_conflicted",
        "_counts",
        "_keyed",
        "_repeats",
        "_sets",
        "_values",
        "names",
        "pairs",
    )

    def __init__(self, names: Iterable[str] = ()) -> None:
        self.names: set[str] = set(names)
        self._values: dict[str, dict[str, tuple[str, ...]]] = {}
        self._sets: dict[str, set[tuple[str, ...]]] = {}
        self._repeats: dict[str, int] = {}
        self._conflicted: set[str] = set()
        # Messages with quoted fields seen, and in how many of them each key was.
        self._keyed = 0
        self._counts: dict[str, int] = {}
        # The quoted fields of the last message named: (the token masked, as written).
        self.pairs: list[tuple[str, str]] = []

    def name(self, message: str, tokens: list[str]) -> list[int]:
        """Note the evidence of ``message``; write the values of naming keys into ``tokens``
        and return their positions."""
        named: list[int] = []
        pairs = _PAIR.findall(message)
        self.pairs = [(f"{k}={q}{WILDCARD}{q}", f"{k}={q}{v}{q}") for k, q, v in pairs]
        if not pairs:
            return named
        keys = tuple(_KEY.findall(message))
        names = self.names
        self._keyed += 1
        for key, quote, value in pairs:
            if key not in names and not self._note(key, value, keys):
                continue
            masked = f"{key}={quote}{WILDCARD}{quote}"
            for index, token in enumerate(tokens):
                if token == masked:
                    tokens[index] = f"{key}={quote}{value}{quote}"
                    named.append(index)
                    break
        return named

    def _note(self, key: str, value: str, keys: tuple[str, ...]) -> bool:
        """Record that ``value`` of ``key`` came with ``keys``; True if the key now names."""
        if key in self._conflicted:
            return False
        count = self._counts[key] = self._counts.get(key, 0) + 1
        if count < self._keyed:
            # Not in every message with fields: an event's name is.
            self._forget(key)
            return False
        values = self._values.setdefault(key, {})
        seen = values.get(value)
        if seen is None:
            if len(values) >= MAX_VALUES:
                self._forget(key)
                return False
            values[value] = keys
            self._sets.setdefault(key, set()).add(keys)
        elif seen != keys:
            # The same value with other fields: a value shared by events, not their name.
            self._forget(key)
            return False
        else:
            self._repeats[key] = self._repeats.get(key, 0) + 1
        if len(self._sets[key]) >= MIN_KEY_SETS and self._repeats.get(key, 0) >= MIN_REPEATS:
            self.names.add(key)
            self._forget(key, conflicted=False)
            return True
        return False

    def _forget(self, key: str, conflicted: bool = True) -> None:
        if conflicted:
            self._conflicted.add(key)
        self._values.pop(key, None)
        self._sets.pop(key, None)
        self._repeats.pop(key, None)
        self._counts.pop(key, None)
