"""Templates and shapes: the data a miner keeps, and the token-level tests on shapes."""

from __future__ import annotations

import re

from pipeline.templates.constants import Pins
from pipeline.templates.masking import UNIT_TOKENS, WILDCARD

GroupKey = tuple[int, str]


class Template:
    """One template: its id, text, message count and the shapes that render to it."""

    __slots__ = ("count", "id", "measured", "shapes", "text", "variadic")

    def __init__(self, tid: str, text: str, variadic: bool = False, measured: bool = False) -> None:
        self.id = tid
        self.text = text
        self.count = 0
        self.shapes: list[Shape] = []
        # Runs of variables stand for lists of any length ("delete <*>" for 1 or 100 blocks).
        self.variadic = variadic
        # Rendered from the measurement skeleton: a value with its units is one variable.
        self.measured = measured


class Shape:
    """A token sequence of one length that messages are matched against."""

    __slots__ = (
        "alive",
        "folded",
        "general",
        "guarded",
        "key",
        "pins",
        "repeats",
        "seen",
        "template",
        "tokens",
    )

    def __init__(self, tokens: list[str], key: GroupKey, template: Template) -> None:
        self.tokens = tokens
        self.key = key
        self.template = template
        # Positions that became <*> by generalisation (not by masking): their parameter is the
        # whole original token.
        self.general: set[int] = set()
        # Unit positions that vary with the value before them, rendered as part of it.
        self.folded: set[int] = set()
        self.alive = True  # False once evicted or merged away; cached references check it
        # Masked tokens whose text every message so far had alike (constants.py), and how many
        # distinct messages (not answered by a cache) the shape took.
        self.pins: Pins = {}
        self.seen = 0
        # Messages a cache answered that could not count towards showing the pins (see
        # constants.counts_repeats): only to stop counting after min_constant_messages.
        self.repeats = 0
        # A pin holds a digit: messages differing only in digits must reach it (no recipe).
        self.guarded = False


def covers(pattern: str, token: str, generalised: bool) -> bool:
    """True if a template token accepts a (different) message token as it is.

    ``<*>`` accepts anything. A generalised ``prefix<*>suffix`` (``user=<*>``, ``(<*>)``)
    accepts tokens with that prefix and suffix. Tokens masked as they are (``<*>:<*>``,
    ``node-<*>``) accept only themselves, so that ``node-<*>`` against ``node-x`` is a
    difference in words.
    """
    if pattern == WILDCARD:
        return True
    if not generalised:
        return False
    prefix, _, suffix = pattern.partition(WILDCARD)
    if WILDCARD in suffix:
        # Free text closing a quoted message, then fields (tails.free_form): ``<*>","id":"<*>"}``
        # accepts ``EOF","id":"<*>"}``, the masked fields compared as they are.
        quote = token.find('"')
        return not prefix and suffix[:1] == '"' and quote > 0 and token[quote:] == suffix
    return (
        len(token) >= len(prefix) + len(suffix)
        and token.startswith(prefix)
        and token.endswith(suffix)
    )


RUNS = re.compile(r"<\*>(?: <\*>)+")


def skeleton(tokens: list[str]) -> tuple[str, ...]:
    """Tokens with each run of ``<*>`` tokens folded into one."""
    folded: list[str] = []
    for token in tokens:
        if token != WILDCARD or not folded or folded[-1] != WILDCARD:
            folded.append(token)
    return tuple(folded)


_LETTER = re.compile(r"[A-Za-z]")


def measure_skeleton(tokens: list[str]) -> tuple[str, ...]:
    """Tokens with each measurement read as one variable, then runs of ``<*>`` folded.

    A token whose only letters are inside its variables (``<*>:<*>``, ``(<*>``) reads as
    ``<*>``, and a unit after a variable is dropped, so ``<*> bytes sent``, ``<*> bytes (<*>
    KB) sent``, ``lifetime <*>:<*>`` and ``lifetime <*> sec`` measure alike. Tokens with a
    constant word (``user=<*>``, ``node-<*>``) stay as they are.
    """
    folded: list[str] = []
    for token in tokens:
        if WILDCARD in token and _LETTER.search(token.replace(WILDCARD, "")) is None:
            token = WILDCARD
        elif token in UNIT_TOKENS and folded and folded[-1] == WILDCARD:
            continue
        if token != WILDCARD or not folded or folded[-1] != WILDCARD:
            folded.append(token)
    return tuple(folded)


def group_key(tokens: list[str]) -> GroupKey:
    """Drain's first levels: token count and the first token unless it holds a variable."""
    if not tokens:
        return (0, "")
    first = tokens[0]
    return (len(tokens), WILDCARD if WILDCARD in first else first)
