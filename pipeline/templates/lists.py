"""Bracketed lists: ``[a]``, ``[a, b]``, ``['x', 'y', 'z']``, Go's ``[a b c]``.

Split on whitespace, a list of words is as many tokens as it has items, so each length made a
template of its own (lists of masked values already fold, see ``shapes.skeleton``). Two
messages whose bracketed runs differ in length while all else agrees are one event with a list
in it: the miner then writes each such run as a variable (``miner._join_bracketed``). A run
starts at a token beginning with ``[`` and ends where its brackets balance. A list written
without brackets (``to delta, frontend, beta items``: lower-case words closed by commas, then
one more) is a run too, from two commas on: one comma is as often a sentence's (``entries,
which exceeds``). A list glued to its name (``paths=["a", "b"]``, ``key([a, b])``,
``names:[a b]``) is a run too: its name and what follows its closing bracket stay, so the run
is written ``paths=<*>``, ``key(<*>)``.
"""

from __future__ import annotations

import re
from itertools import repeat

from pipeline.templates.masking import WILDCARD
from pipeline.templates.shapes import skeleton

# A bracketed run longer than this many tokens is no list we fold.
MAX_LIST_TOKENS = 64
# A list without brackets has at least this many items closed by a comma (``a, b, c``):
# ``entries, which`` is a sentence's.
MIN_COMMA_ITEMS = 2
# An item of a list without brackets: a plain word closed by a comma, and the last item.
_ITEM = re.compile(r"[a-z][\w.-]*,")
_LAST_ITEM = re.compile(r"[a-z][\w.-]*")
# A label in brackets before a colon (``[Flutter]:``, ``[main]:``): a tag, no list of one item.
_LABEL = re.compile(r"\[[A-Za-z][\w.-]*\]:")
# A list glued to its name: the name ends in ``=``, ``(`` or ``:`` right before the bracket.
_GLUED = re.compile(r"[^\[\]\s]+?[=(:](?=\[)")


def bracket_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """(first, last) token positions of each bracketed run (or list without brackets), in
    order."""
    runs: list[tuple[int, int]] = []
    index = 0
    size = len(tokens)
    while index < size:
        token = tokens[index]
        # _GLUED needs a bracket in the token, _comma_run_end a comma closing it (an _ITEM):
        # most tokens have neither and are passed by without a regex.
        if token[:1] != "[" and ("[" not in token or _GLUED.match(token) is None):
            if token[-1:] != ",":
                index += 1
                continue
            end = _comma_run_end(tokens, index)
            if end is not None:
                runs.append((index, end))
                index = end + 1
            else:
                index += 1
            continue
        if _LABEL.fullmatch(tokens[index]):
            index += 1
            continue
        depth = 0
        end = index
        while end < size and end - index < MAX_LIST_TOKENS:
            token = tokens[end]
            depth += token.count("[") - token.count("]")
            if depth <= 0:
                break
            end += 1
        if depth <= 0 and end < size:
            runs.append((index, end))
            index = end + 1
        else:
            index += 1
    return runs


def _comma_run_end(tokens: list[str], index: int) -> int | None:
    """Last position of a list written without brackets that starts at ``index`` (``delta,
    frontend, beta``: words each closed by a comma, then one more word), if one does."""
    end = index
    size = len(tokens)
    while end < size - 1 and end - index < MAX_LIST_TOKENS and _ITEM.fullmatch(tokens[end]):
        end += 1
    if end - index < MIN_COMMA_ITEMS or not _LAST_ITEM.fullmatch(tokens[end]):
        return None
    return end


def has_list(tokens: list[str]) -> bool:
    """True if ``tokens`` may hold a list: a token opens a bracket or closes an item."""
    # The same as any("[" in token or token[-1:] == "," for token in tokens), in C.
    return "[" in "".join(tokens) or any(map(str.endswith, tokens, repeat(",")))


def _glued_ends(tokens: list[str], first: int, last: int) -> tuple[str, str] | None:
    """The name before a run glued to it (``paths=``) and the text after its closing bracket
    (``)``, ``,``), or None for a run standing alone."""
    head = tokens[first]
    if head[:1] == "[" or "[" not in head:
        return None
    tail = tokens[last]
    return head[: head.index("[")], tail[tail.rindex("]") + 1 :]


def list_skeleton(tokens: list[str]) -> tuple[str, ...]:
    """Tokens with each bracketed run written as one ``<*>``, then runs of ``<*>`` folded."""
    runs = bracket_runs(tokens)
    if not runs:
        return tuple(tokens)
    folded: list[str] = []
    previous = 0
    for first, last in runs:
        folded.extend(tokens[previous:first])
        glued = _glued_ends(tokens, first, last)
        folded.append(WILDCARD if glued is None else glued[0] + WILDCARD + glued[1])
        previous = last + 1
    folded.extend(tokens[previous:])
    return skeleton(folded)


def unbracket(tokens: list[str], other: list[str] | None = None) -> set[int]:
    """Write every bracketed run of ``tokens`` as ``<*>`` tokens (in place); return the
    positions that changed. With ``other`` (a message of the same event), a run that
    ``other`` has word for word at the same positions is constant text (a tag, ``[-]``,
    ``[Stream #<*>]``), not the list whose length differs, and stays."""
    changed: set[int] = set()
    for first, last in bracket_runs(tokens):
        if other is not None and other[first : last + 1] == tokens[first : last + 1]:
            continue
        glued = _glued_ends(tokens, first, last)
        for index in range(first, last + 1):
            value = WILDCARD
            if glued is not None:
                if index == first:
                    value = glued[0] + value
                if index == last:
                    value += glued[1]
            if tokens[index] != value:
                tokens[index] = value
                changed.add(index)
    return changed
