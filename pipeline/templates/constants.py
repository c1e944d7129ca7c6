"""Masked text that every message of a template had alike: constant text, not a value.

Masks go by shape, so constant text of some formats looks like a value: FoundationDB's
closing ``/>`` (a path), Fluentd's worker ``#0``, Element's tags ``/VOIP/WebRtcCall``. A
shape remembers, per masked token, the text its first message had there (its *pins*); a
message with other text there unpins that position. Once ``min_constant_messages`` distinct
messages (those the caches did not answer) have kept a pin, the template shows the text
instead of its ``<*>``; a later message that differs turns it back into a variable. A
template with several shapes (lists of several lengths) shows the pins they all hold alike.
Messages the caches answered count too when every pin is a small number (a worker's ``#0``).
A key's value is no pin, but for a snake_case name quoted after a key (``stage="sending"``),
which shows only after ``KEYED_FACTOR`` times as many messages. The file and line of the call
that logged (``(/opt/rt6/lib/RT/Ticket.pm:188)``) is a pin, though a path and a value after a
colon are none elsewhere; repeats count for it, and it shows after ``LOCATED_AFTER`` messages.
"""

from __future__ import annotations

import re

from pipeline.templates.masking import WILDCARD
from pipeline.templates.parameters import Values, restore

# Position -> (masked token, the text its messages had there).
Pins = dict[int, tuple[str, str]]


# Masks that go by shape alone, whose text can be a format's constant. Not: a key's value
# (named after its key), an error text or errno name (the value of an error placeholder),
# dates, addresses and digests.
_SHAPE_MASKS = frozenset(
    {"quoted", "array", "angled", "url", "host", "version", "hex", "path"}
    | {"duration", "size", "bool", "user", "num", "id"}
)
# A value after a key (``ID="<*>"``, ``knownNMs=<*>``, ``AssignedReds:<*>``, ``<*>:<*>``).
_KEYED = re.compile(r"[\w>][=:][\"']?<\*>")
# A name quoted after a key shows after this many times min_constant_messages (late).
KEYED_FACTOR = 3
# A source location shows after this many messages (at most min_constant_messages).
LOCATED_AFTER = 2
# A lower-case name of the code, its words joined by underscores or none.
_CODE_NAME = re.compile(r"[a-z]+(?:_[a-z]+)*")
# A path and a line number: where the call that logged is.
_LOCATION = WILDCARD + ":" + WILDCARD
# No letter: Java's ``/10.0.0.1:7000`` (an address and port printed as a path) is no file.
_NO_LETTER = re.compile(r"[^A-Za-z]*")
# Four digits or more: a line number, port, pid or generated id, even when it repeats.
_LONG_NUMBER = re.compile(r"\d{4}")
# A path in the standard file system hierarchy names a file: a value, even when it repeats.
_FILE_ROOTS = frozenset(
    {"bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc"}
    | {"root", "run", "sbin", "srv", "sys", "tmp", "usr", "var"}
)


def can_be_constant(masked: str, values: Values) -> bool:
    """True if the text of a masked token could be constant text of a format."""
    if _source_location(masked, values):
        return True
    # A null id (``ID="0000000000000000"``, a nil UUID): no generated id, port or line number
    # is all zeros, so when every message has it, it is the format's constant, keyed or not.
    if values and values[0][1][:4] == "0000" and all(_null_id(text) for _, text in values):
        return True
    if _KEYED.search(masked) is not None:
        # A snake_case name quoted after a key (``stage="processing"``,
        # ``error_type="encoder_failed"``) may be a name of the code; it shows late (see late).
        return (
            len(values) == 1
            and values[0][0] == "quoted"
            and _CODE_NAME.fullmatch(values[0][1]) is not None
        )
    for name, text in values:
        if name not in _SHAPE_MASKS or _LONG_NUMBER.search(text) is not None:
            return False
        if name == "path" and text.lstrip("/").split("/", 1)[0] in _FILE_ROOTS:
            return False
    return True


def _source_location(masked: str, values: Values) -> bool:
    """True for a path glued by ``:`` to a number, the file and line of the call that logged
    (Request Tracker's ``(/opt/rt6/lib/RT/Ticket.pm:188)``, ``%(pathname)s:%(lineno)d``): the
    same for every message of the call, so it is constant text when every message has it,
    though paths under the file system's roots and numbers of four digits are values
    elsewhere. A file's path has a letter."""
    return (
        len(values) == 2
        and values[0][0] == "path"
        and values[1][0] == "num"
        and _LOCATION in masked
        and not _NO_LETTER.fullmatch(values[0][1])
    )


def _null_id(text: str) -> bool:
    """True for four zeros or more first and nothing else but zeros and dashes (``0000``, a
    nil UUID)."""
    return text[:4] == "0000" and not text.strip("0-")


def first_pins(
    shape_tokens: list[str], general: set[int], tokens: list[str], values: Values
) -> Pins:
    """The pins of a shape's first message: every token masked as it is, with its text."""
    pins: Pins = {}
    cursor = 0
    for index, token in enumerate(tokens):
        count = token.count(WILDCARD)
        if not count:
            continue
        if index not in general and shape_tokens[index] == token:
            own = values[cursor : cursor + count]
            if len(own) == count and can_be_constant(token, own):
                pins[index] = (token, restore(token, own))
        cursor += count
    return pins


def keep_pins(pins: Pins, tokens: list[str], values: Values) -> bool:
    """Drop the pins whose text ``tokens`` (with ``values``) do not repeat; True if any went."""
    offsets: dict[int, int] = {}
    cursor = 0
    last = max(pins)
    for index, token in enumerate(tokens[: last + 1]):
        if index in pins:
            offsets[index] = cursor
        cursor += token.count(WILDCARD)
    dropped = False
    for index, (masked, text) in list(pins.items()):
        start = offsets.get(index)
        if (
            start is None
            or tokens[index] != masked
            or restore(masked, values[start : start + masked.count(WILDCARD)]) != text
        ):
            del pins[index]
            dropped = True
    return dropped


def counts_repeats(pins: Pins) -> bool:
    """True if every pin's value is a small unsigned number (Fluentd's worker ``#0``, a status
    code written in the call), a null id (FoundationDB's ``ID="0000000000000000"``) or a source
    location (``Ticket.pm:188``): then a message a cache answered, one that repeats another,
    counts towards showing them. A repeated quoted text, host, path, version or word is as
    often one value met again (a retried call) as the format's constant."""
    for masked, text in pins.values():
        if _location_pin(masked, text):
            continue  # a source location (see _source_location): its call's every message has it
        before, wildcard, after = masked.partition(WILDCARD)
        if not wildcard or WILDCARD in after:
            return False
        value = text[len(before) : len(text) - len(after)]
        if not (value.isdecimal() and (len(value) < 4 or _null_id(value))):
            return False
    return True


def located(pins: Pins) -> Pins:
    """The pins that are source locations (see _source_location): they show after
    ``LOCATED_AFTER`` messages, before the others, as a call's location is the call's."""
    return {
        index: (masked, text)
        for index, (masked, text) in pins.items()
        if _location_pin(masked, text)
    }


def _location_pin(masked: str, text: str) -> bool:
    """True if a pin is a source location: ``<*>:<*>`` its only variables, a letter in the
    path."""
    before, location, after = masked.partition(_LOCATION)
    if not location or WILDCARD in before + after:
        return False
    return (
        _NO_LETTER.fullmatch(text[len(before) : len(text) - len(after)].rpartition(":")[0]) is None
    )


def late(pins: Pins) -> bool:
    """True if a pin is a name quoted after a key (see can_be_constant): it shows only once
    ``KEYED_FACTOR`` times as many messages had it, as a key's value repeats by chance in a
    small template (``pod="hermes"``, ``Error="io_error"``)."""
    return any(_late(masked, text) for masked, text in pins.values())


def early(pins: Pins) -> Pins:
    """The pins that show after ``min_constant_messages`` (all but the late ones)."""
    return {index: pin for index, pin in pins.items() if not _late(*pin)}


def _late(masked: str, text: str) -> bool:
    return _KEYED.search(masked) is not None and not any(char.isdigit() for char in text)


def has_digits(pins: Pins) -> bool:
    """True if a pin's text holds a digit: only then can messages of one digit pattern (see
    masking.digit_pattern and id_pattern, whose hex ids hold digits) differ there."""
    return any(char.isdigit() for _, text in pins.values() for char in text)


def pinned(tokens: list[str], general: set[int], pins: Pins) -> list[str]:
    """``tokens`` with each pin that still holds (same masked token, not generalised) shown."""
    shown = list(tokens)
    for index, (masked, text) in pins.items():
        if index < len(shown) and shown[index] == masked and index not in general:
            shown[index] = text
    return shown
