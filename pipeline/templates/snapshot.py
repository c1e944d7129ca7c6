"""Versioned snapshot format of all miner state: orjson of plain data, never pickle.

Layout (version 1)::

    {"format": "pipeline.templates", "version": 1,
     "counters": {"messages": 10, ...},
     "services": [{"service": "api",
                   "templates": [{"id": "...", "text": "...", "count": 3, "variadic": false,
                                  "measured": false,
                                  "shapes": [{"tokens": ["user", "<*>"], "general": [1],
                                              "folded": [], "pins": [[1, "<*>", "root"]],
                                              "seen": 7, "repeats": 2}]}],
                   "aliases": [["old id", "new id"]],
                   "senders": ["Counter:"], "names": ["Type"],
                   "prints_subjects": true, "subject_rests": [["retrying."]],
                   "dotted_tails": [["terminating"]],
                   "notes": {"tails": [[["get:"], [[["i/o", "timeout"], 0],
                                                   [["EOF"], ["get:", "EOF"]]]],
                                       [[5, 0, 61], [[[5, 2, 61], 5]]]],
                             "tail_heads": [[["i/o", "timeout"], [["fetch", "failed:"]]]],
                             "tail_open": [...], "endings": [...],
                             "families": [[[4, "user"], [1], ["user", "<*>", "in"], [["bob"]]],
                                          [[90, "w"], [60], [7, [60]], [["alpha"], ["beta"]]]],
                             "lists": [3], "measures": [0],
                             "groups": [[0, 2], [1]]}}]}

Services and templates are listed least recently used first, so restoring them in order
rebuilds the same LRU order. "variadic", "measured", "folded", "senders" (labels in front
found to be senders' names), "names" (keys found to name events, naming.py), "pins" (masked
tokens whose text every message had alike: position, masked token, text; constants.py) and
"seen" (the messages a shape took past the caches), "prints_subjects" and "subject_rests"
(the service prints objects in front of its messages, and the rests of messages found to
follow such subjects; subjects.py) and "dotted_tails" (short messages seen after dotted names
in front, whose value a plain word does not take; miner.py, round 84) may be absent (read as
false / empty / 0).

"notes" (2026-12-07; absent or any field of it absent: empty) is what the miner learnt beyond
its templates that later decisions depend on, so that a restarted miner decides as the running
one would. A shape is named by its position among all the exported templates' shapes in order;
a shape no longer live by its tokens, or, past ``MAX_NOTE_TOKENS`` (miner.py), as -1 (read back
as its head and tail). A head, tail or text is its tokens or ``[shape, kind, end]``, the piece
of that saved shape's tokens (miner._note_piece: 0 the head up to ``end`` as written, 1 as
keyed, 2 the tokens after it, 3 the tail after it as a value): a note names a head or tail by
the shape it was noted from wherever that shape is saved and still reads so, so the notes grow
with the templates' text, not with the square of a message's length (every word of a long
message may end a head); a text no saved shape names is written out only up to
``MAX_NOTE_TOKENS`` tokens, and a note that needs a longer one is left out. The fields: "tails"
(head -> the tails seen after it, each with its shape), "tail_heads", "tail_open", "endings"
(tail or ending -> the heads it followed; the count of calls is rebuilt from them; the open
heads only of the heads "tails" carries, the others are never rechecked), "families" (a family
of sibling shapes: group key, counted positions, pattern -> the word tuples seen; _words_vary;
the pattern is its tokens or ``[shape, positions it makes variables]``), "lists" and
"measures" (the shape whose skeleton the index holds, for its template: the index's own choice,
which rebuilding from the shapes in LRU order would not make), the span notes ("spans",
"span_anchors", "span_heads", "recurring_spans", "free_spans": free text between a head and a
constant end, written out) and "groups" (the shapes of each group, and the groups, in the order
the running miner searches them). "seen" is kept for every shape that saw a message and
"repeats" (messages a cache answered) where not 0. A field longer than the restoring miner's
bound for it is left out, as the miner would have cleared it, and so is a note naming a shape
out of range.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import orjson

from pipeline.errors import SnapshotError
from pipeline.templates.miner import ServiceMiner
from pipeline.templates.stats import Counters

FORMAT = "pipeline.templates"
VERSION = 1


def dump_state(miners: Iterable[ServiceMiner], counters: Counters) -> bytes:
    state = {
        "format": FORMAT,
        "version": VERSION,
        "counters": counters.freeze().as_dict(),
        "services": [miner.export() for miner in miners],
    }
    return orjson.dumps(state)


Loader = Callable[[ServiceMiner], None]


def load_state(data: bytes) -> tuple[dict[str, int], list[tuple[str, Loader]]]:
    """Decode and validate a snapshot; return counters and one loader per service."""
    try:
        state = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise SnapshotError(f"not a snapshot: {exc}") from exc
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise SnapshotError("not a pipeline.templates snapshot")
    if state.get("version") != VERSION:
        raise SnapshotError(f"unsupported snapshot version {state.get('version')!r}")
    counters = state.get("counters", {})
    services = state.get("services", [])
    if not isinstance(counters, dict) or not isinstance(services, list):
        raise SnapshotError("malformed snapshot")
    loaders: list[tuple[str, Loader]] = []
    for item in services:
        _check_service(item)
        loader = _loader(
            item["templates"],
            item["aliases"],
            item.get("senders", []),
            item.get("names", []),
            (item.get("prints_subjects", False), item.get("subject_rests", [])),
            item.get("dotted_tails", []),
            item.get("notes", {}),
        )
        loaders.append((item["service"], loader))
    return counters, loaders


def _loader(
    templates: list[dict[str, Any]],
    aliases: list[list[str]],
    senders: list[str],
    names: list[str],
    subjects: tuple[bool, list[list[str]]],
    dotted_tails: list[list[str]],
    notes: dict[str, Any],
) -> Loader:
    def load(miner: ServiceMiner) -> None:
        miner.load(templates, aliases, senders, names, subjects, dotted_tails, notes)

    return load


def _check_service(item: Any) -> None:
    if not isinstance(item, dict) or not isinstance(item.get("service"), str):
        raise SnapshotError("malformed service entry")
    templates = item.get("templates")
    aliases = item.get("aliases")
    if not isinstance(templates, list) or not isinstance(aliases, list):
        raise SnapshotError("malformed service entry")
    for hints in (item.get("senders", []), item.get("names", [])):
        if not isinstance(hints, list) or not all(isinstance(s, str) for s in hints):
            raise SnapshotError("malformed service entry")
    if not isinstance(item.get("prints_subjects", False), bool) or not all(
        _is_token_lists(item.get(field, [])) for field in ("subject_rests", "dotted_tails")
    ):
        raise SnapshotError("malformed service entry")
    _check_notes(item.get("notes", {}))
    for template in templates:
        if not (
            isinstance(template, dict)
            and isinstance(template.get("id"), str)
            and isinstance(template.get("text"), str)
            and isinstance(template.get("shapes"), list)
        ):
            raise SnapshotError("malformed template entry")
        if not isinstance(template.get("count", 0), int) or not all(
            isinstance(template.get(flag, False), bool) for flag in ("variadic", "measured")
        ):
            raise SnapshotError("malformed template entry")
        for shape in template["shapes"]:
            if not (
                isinstance(shape, dict)
                and isinstance(shape.get("tokens"), list)
                and all(isinstance(token, str) for token in shape["tokens"])
                and all(isinstance(i, int) for i in shape.get("general", []))
                and all(isinstance(i, int) for i in shape.get("folded", []))
                and isinstance(shape.get("seen", 0), int)
                and isinstance(shape.get("repeats", 0), int)
                and isinstance(shape.get("pins", []), list)
                and all(_is_pin(pin) for pin in shape.get("pins", []))
            ):
                raise SnapshotError("malformed shape entry")
    for pair in aliases:
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)
        ):
            raise SnapshotError("malformed alias entry")


def _is_pin(pin: object) -> bool:
    return (
        isinstance(pin, list)
        and len(pin) == 3
        and isinstance(pin[0], int)
        and isinstance(pin[1], str)
        and isinstance(pin[2], str)
    )


def _is_token_lists(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(tokens, list) and all(isinstance(token, str) for token in tokens)
        for tokens in value
    )


def _is_tokens(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(token, str) for token in value)


def _is_index(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2


def _check_notes(notes: Any) -> None:
    """The learnt notes (ServiceMiner._export_notes): each list of the expected shape, shape
    references in range of nothing here (the miner drops those out of range)."""
    if not isinstance(notes, dict):
        raise SnapshotError("malformed notes")
    for field, value in notes.items():
        if (
            field not in _NOTES
            or not isinstance(value, list)
            or not all(_NOTES[field](entry) for entry in value)
        ):
            raise SnapshotError(f"malformed notes: {field}")


def _is_piece(value: Any) -> bool:
    """A head, tail or text of a note: its tokens, or ``[shape, kind, end]`` naming a piece of
    a saved shape's tokens (miner._note_piece: 0 the head as written, 1 as keyed, 2 the tokens
    after it, 3 the tail after it as a value)."""
    if _is_tokens(value):
        return True
    return (
        isinstance(value, list)
        and len(value) == 3
        and all(_is_index(part) for part in value)
        and value[1] <= 3
    )


def _is_shape_ref(value: Any) -> bool:
    """A saved shape's position, or a shape no longer live: its tokens, or -1 (its head and
    tail)."""
    return _is_index(value) or value == -1 or _is_tokens(value)


def _is_tails(entry: Any) -> bool:
    return (
        _is_pair(entry)
        and _is_piece(entry[0])
        and isinstance(entry[1], list)
        and all(
            _is_pair(seen) and _is_piece(seen[0]) and _is_shape_ref(seen[1]) for seen in entry[1]
        )
    )


def _is_heads(entry: Any) -> bool:
    return (
        _is_pair(entry)
        and _is_piece(entry[0])
        and isinstance(entry[1], list)
        and all(map(_is_piece, entry[1]))
    )


def _is_pattern(value: Any) -> bool:
    """A family's pattern: its tokens, or ``[shape, positions made variables]``."""
    return _is_tokens(value) or (
        _is_pair(value)
        and _is_index(value[0])
        and isinstance(value[1], list)
        and all(map(_is_index, value[1]))
    )


def _is_family(entry: Any) -> bool:
    return (
        isinstance(entry, list)
        and len(entry) == 4
        and _is_pair(entry[0])
        and isinstance(entry[0][0], int)
        and isinstance(entry[0][1], str)
        and isinstance(entry[1], list)
        and all(isinstance(i, int) and not isinstance(i, bool) for i in entry[1])
        and _is_pattern(entry[2])
        and _is_token_lists(entry[3])
    )


def _is_group(entry: Any) -> bool:
    return isinstance(entry, list) and all(_is_index(i) for i in entry)


def _is_anchor_seen(entry: Any) -> bool:
    return (
        isinstance(entry, list)
        and len(entry) == 3
        and _is_tokens(entry[0])
        and _is_tokens(entry[1])
        and isinstance(entry[2], list)
        and all(
            _is_pair(seen) and _is_tokens(seen[0]) and _is_shape_ref(seen[1]) for seen in entry[2]
        )
    )


def _is_anchors(entry: Any) -> bool:
    return (
        _is_pair(entry)
        and _is_tokens(entry[0])
        and isinstance(entry[1], list)
        and all(_is_pair(anchor) and _is_token_lists(anchor) for anchor in entry[1])
    )


def _is_span_head(entry: Any) -> bool:
    return _is_pair(entry) and _is_token_lists(entry)


def _is_free_span(entry: Any) -> bool:
    return (
        isinstance(entry, list)
        and len(entry) == 3
        and _is_tokens(entry[0])
        and _is_tokens(entry[1])
        and _is_shape_ref(entry[2])
    )


_NOTES: dict[str, Callable[[Any], bool]] = {
    "spans": _is_anchor_seen,
    "span_anchors": _is_anchors,
    "span_heads": _is_span_head,
    "recurring_spans": _is_tokens,
    "free_spans": _is_free_span,
    "tails": _is_tails,
    "tail_heads": _is_heads,
    "tail_open": _is_heads,
    "endings": _is_heads,
    "families": _is_family,
    "lists": _is_index,
    "measures": _is_index,
    "groups": _is_group,
}
