"""Subjects in front of a message: the object an event is about, printed as it prints itself.

Go programs such as rclone write ``fs.Debugf(o, "...")`` as ``<o>: <message>``, where ``o``
prints itself: a file's remote path (one token, see ``tokens.is_subject``) or an Fs's
description of a few words (``S3 bucket backups``, ``Local file system at /srv``). The
text before the first ``": "`` is then a value of any length, and the event is the rest.
It shows as such once the same rest followed several different fronts: a constant sender's
name (collectd's ``ceph plugin:``) is followed by its own events, not by another sender's.
"""

from __future__ import annotations

from pipeline.templates.masking import WILDCARD
from pipeline.templates.parameters import Values, restore

# The subject's variable, as the template shows it: ``<*>: <message>``.
SUBJECT = WILDCARD + ":"
# A front of at most this many tokens, the last ending in ":" (longer ones are sentences).
MAX_FRONT_TOKENS = 6
# A rest of fewer plain words is more often an error's text after a call (``open <*>:
# context canceled``) than an event: those are tails.py's heads and values.
MIN_REST_WORDS = 3


def split_front(tokens: list[str]) -> int:
    """Index of the token that ends a front of two or more tokens (``S3 bucket media:``), or 0.

    The front is the text before the first token ending in ``:``; the rest must read as an
    event's own message: at least ``MIN_REST_WORDS`` plain words.
    """
    for index, token in enumerate(tokens[:MAX_FRONT_TOKENS]):
        if token[-1:] == ":":
            if not index or "=" in token:
                return 0
            words = 0
            for rest in tokens[index + 1 :]:
                if WILDCARD not in rest and rest.upper() != rest.lower():
                    words += 1
                    if words >= MIN_REST_WORDS:
                        return index
            return 0
    return 0


def as_subject(tokens: list[str], values: Values, end: int) -> tuple[list[str], Values]:
    """The tokens with the front up to ``end`` as one value, and that value's text first."""
    front = tokens[: end + 1]
    held = sum(token.count(WILDCARD) for token in front)
    cursor = 0
    words = []
    for token in front:
        count = token.count(WILDCARD)
        words.append(restore(token, values[cursor : cursor + count]))
        cursor += count
    text = " ".join(words)[:-1]
    return [SUBJECT, *tokens[end + 1 :]], [("", text), *values[held:]]
