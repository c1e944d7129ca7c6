"""Versioned snapshot format of all miner state: orjson of plain data, never pickle.

Layout (version 1)::

    {"format": "pipeline.templates", "version": 1,
     "counters": {"messages": 10, ...},
     "services": [{"service": "api",
                   "templates": [{"id": "...", "text": "...", "count": 3, "variadic": false,
                                  "measured": false,
                                  "shapes": [{"tokens": ["user", "<*>"], "general": [1],
                                              "folded": [], "pins": [[1, "<*>", "root"]],
                                              "seen": 7}]}],
                   "aliases": [["old id", "new id"]],
                   "senders": ["Counter:"], "names": ["Type"],
                   "prints_subjects": true, "subject_rests": [["retrying."]],
                   "dotted_tails": [["terminating"]]}]}

Services and templates are listed least recently used first, so restoring them in order
rebuilds the same LRU order. "variadic", "measured", "folded", "senders" (labels in front
found to be senders' names), "names" (keys found to name events, naming.py), "pins" (masked
tokens whose text every message had alike: position, masked token, text; constants.py) and
"seen" (the messages a shape took past the caches), "prints_subjects" and "subject_rests"
(the service prints objects in front of its messages, and the rests of messages found to
follow such subjects; subjects.py) and "dotted_tails" (short messages seen after dotted names
in front, whose value a plain word does not take; miner.py, round 84) may be absent (read as
false / empty / 0).
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
) -> Loader:
    def load(miner: ServiceMiner) -> None:
        miner.load(templates, aliases, senders, names, subjects, dotted_tails)

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
