"""Quoted values: a quoted string that spans several tokens is one value.

Loggers quote values that hold spaces (``err="rpc error: code = Unavailable"``, zap's
``{"error":"i/o timeout"}``, Python's ``'No such file'``). Split on whitespace, such a value
becomes a run of tokens whose length varies with the value, so each length made its own
template. The run is joined into one token (single spaces), which the ``quoted`` mask then
writes as one variable: ``err="<*>"``, ``{"error":"<*>"}``.

A quote opens a value at the start of a token or after ``=``, ``:``, ``(``, ``[``, ``{`` or
``,`` (so the apostrophe of ``can't`` opens nothing), and in a binary string as Erlang and
Elixir print strings (``<<"my db">>``); a pair of quotes inside one token (a
quoted key, ``"error":``) is skipped. The value ends at the first later token holding the same
quote unescaped. The quoted text of a message key (``msg="..."``) and a quote that opens the
message (klog's ``"Failed to stop container" err="..."``, TiKV's ``["Failed to stop"]
[key=value]``) are the event, not values.

Objects printed in angle brackets (Python's ``<Task pending name='t1'>``, Go's ``<User
7:alice>``) span tokens the same way and are joined alike (:func:`join_angled`).
"""

from __future__ import annotations

import re

from pipeline.templates.masking import WILDCARD

QUOTES = "\"'"
# Keys whose value is the message itself in logfmt and JSON lines (logrus, slog, zap, pino).
MESSAGE_KEYS = ("msg=", "message=", '"msg":', '"message":')
_BEFORE_OPENING = "=:([{,"
# A binary string as Erlang and Elixir print one (<<"orders">>): its text is a value.
BINARY_OPENING = '<<"'
# A quoted value longer than this many tokens is not joined (it is probably no value).
MAX_QUOTED_TOKENS = 64


def _unescaped(token: str, quote: str, start: int) -> int:
    """Index of the first ``quote`` at or after ``start`` not escaped by a backslash, or -1."""
    index = token.find(quote, start)
    while index >= 0:
        backslashes = 0
        while index - 1 - backslashes >= 0 and token[index - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return index
        index = token.find(quote, index + 1)
    return -1


def opening_quote(token: str) -> str | None:
    """The quote that opens a value in ``token`` without closing in it, if one does. The text
    of a message key (``msg="..."``, ``"message":"..."``) is the event, not a value."""
    # From quote to quote (found by str.find), not character by character.
    position = _next_quote(token, 0)
    while position >= 0:
        if (
            position == 0
            or token[position - 1] in _BEFORE_OPENING
            or (position > 1 and token.startswith(BINARY_OPENING, position - 2))
        ):
            char = token[position]
            close = _unescaped(token, char, position + 1)
            if close < 0:
                return None if token[:position].endswith(MESSAGE_KEYS) else char
            position = _next_quote(token, close + 1)
        else:
            position = _next_quote(token, position + 1)
    return None


def _next_quote(token: str, start: int) -> int:
    """Index of the first quote of either kind at or after ``start``, or -1."""
    double = token.find('"', start)
    single = token.find("'", start)
    if double < 0 or 0 <= single < double:
        return single
    return double


def join_quoted(raw: list[str]) -> list[str] | None:
    """``raw`` with each quoted value that spans tokens joined into one token; None when
    there is none (the common case)."""
    runs: list[tuple[int, int]] = []
    index = 0  # the first token not joined yet
    # Only tokens with a quote can open a value: found in one comprehension, and the list is
    # built only when a value spans tokens.
    for first in [i for i, token in enumerate(raw) if '"' in token or "'" in token]:
        if first < index:
            continue  # inside a value joined already
        token = raw[first]
        end = _list_end(raw, first)
        if end is not None:
            runs.append((first, end))
            index = end + 1
            continue
        quote = opening_quote(token)
        if quote is None or (first == 0 and _quotes_message(token, quote)):
            # A message that starts with a quote quotes itself (klog's "message" key=value
            # ..., TiKV's ["message"] [key=value] ...): its words are the event, not a value.
            continue
        end = _quoted_end(raw, first, quote)
        if end is not None:
            runs.append((first, end))
            index = end + 1
    if not runs:
        return None
    joined: list[str] = []
    index = 0
    for first, end in runs:
        joined.extend(raw[index:first])
        joined.append(" ".join(raw[first : end + 1]))
        index = end + 1
    joined.extend(raw[index:])
    return joined


def _quoted_end(raw: list[str], first: int, quote: str) -> int | None:
    """Index of the token closing the value that ``raw[first]`` opens with ``quote``, if one
    does: the first later token holding the quote, but for a quote that opens a value inside
    the value (at a token's start or after ``= : ( [ { ,``) and the quote that closes that one
    (an error's text in quotes quoting its own values: ``'Cannot connect to host ...
    [Connect call failed ('10.8.7.1', 8123)]'``, ``'404, message='Not Found', url=URL('http://
    ...')'``, round 89). Where the inner quotes leave the value unclosed, the first token
    holding the quote closes it, as before."""
    inner = False
    fallback: int | None = None  # the first later token holding the quote
    for end in range(first + 1, min(len(raw), first + MAX_QUOTED_TOKENS)):
        token = raw[end]
        position = _unescaped(token, quote, 0)
        if position >= 0 and fallback is None:
            fallback = end
        while position >= 0:
            if inner:
                inner = False
            elif position == 0 or token[position - 1] in _BEFORE_OPENING:
                inner = True
            else:
                return end
            position = _unescaped(token, quote, position + 1)
    return fallback


# A list of strings printed in quotes (Python's ``'%s'`` of a list: ``'['a', 'b']'``): the quote
# before the bracket, at a token's start or after ``= : ( [ { ,``, and the list's first item's
# quote. The items' quote pairs would close the outer quote at once, so it opens nothing for
# opening_quote; the value ends where the list's bracket and the same outer quote close. The
# quoted mask writes it ``'<*>'`` however long it is (tokenising's long tokens too), so its
# length does not change the template.
LIST_OPENING = re.compile(r"""(?:^|(?<=[=:(\[{,]))(['"])\[['"]""")


def _list_end(raw: list[str], first: int) -> int | None:
    """Index of the token closing a list of strings in quotes that ``raw[first]`` opens and
    does not close, if one does."""
    token = raw[first]
    # A substring test first: most quoted tokens open no list (a regex search per token).
    if "'[" not in token and '"[' not in token:
        return None
    opening = LIST_OPENING.search(token)
    if opening is None:
        return None
    closing = "]" + opening.group(1)
    if closing in token[opening.end() :]:
        return None  # one token, the quoted mask takes it whole
    for end in range(first + 1, min(len(raw), first + MAX_QUOTED_TOKENS)):
        if closing in raw[end]:
            return end
    return None


def _quotes_message(token: str, quote: str) -> bool:
    """True if the first token of a message opens the quote there, after brackets at most
    (``"Failed to stop``, ``["TiKV has``): the message quotes itself. Not when the quote opens
    a key's value later in the token (``{"error":"i/o``)."""
    text = token.lstrip("[({")
    return text[:1] == quote and _unescaped(text, quote, 1) < 0


# An object written in angle brackets with spaces in it is at most this many tokens.
MAX_ANGLED_TOKENS = 8
_TYPE_NAME = re.compile(r"[A-Za-z][\w.]*")


def join_angled(raw: list[str]) -> list[str] | None:
    """``raw`` with each object written in angle brackets across tokens joined into one
    token; None when there is none.

    Many languages print an object so: Python's ``<Task pending name='t1'>`` and ``<Foo object
    at 0x7f3a>``, Go's ``<User 7:alice>``. Its words are the object's, one value, and their
    number varies with it. Only a bracket opening a token before a letter counts, closed by a
    later token (``a < b``, ``<memory:1024, vCores:1>``, ``<ABORT now>`` and a lone ``<ok>``
    are no objects).
    """
    joined: list[str] = []
    index = 0  # the first token not in joined yet
    # Only a token opening with < can open an object (see _angled_end).
    for first in [i for i, token in enumerate(raw) if token[:1] == "<"]:
        if first < index:
            continue  # inside an object joined already
        end = _angled_end(raw, first)
        if end is not None:
            joined.extend(raw[index:first])
            joined.append(" ".join(raw[first : end + 1]))
            index = end + 1
    if not index:
        return None
    joined.extend(raw[index:])
    return joined


def _angled_end(raw: list[str], index: int) -> int | None:
    """Index of the token closing an object opened at ``index``, if one is."""
    token = raw[index]
    if token[:1] != "<" or not _TYPE_NAME.fullmatch(token, 1) or token.isupper():
        # A type's name opens an object; <memory:1024, ...> is a record of fields and
        # <ABORT code completed> words in upper case, as events and states are written.
        return None
    for end in range(index + 1, min(len(raw), index + MAX_ANGLED_TOKENS)):
        if "<" in raw[end]:
            return None
        if ">" in raw[end]:
            # An element of XML closes itself (<Event Type="x" ID="7" />): a record of
            # attributes, each a field of its own, as <memory:1024, ...> is; objects end in >.
            return None if raw[end].endswith("/>") else end
    return None


# A key's value the logger quoted because it holds spaces, masked whole: err="<*>", [err="<*>"].
# A key's value in double quotes it does not need (no space, quote or separator in it).
_NEEDLESS_QUOTES = re.compile(r'[A-Za-z_][\w.-]*="[\w.:/-]+"')
# A key's bare value at the start of a token (the tokens joined by newlines, one search).
_BARE_VALUE_IN = re.compile(r'^[A-Za-z_][\w.-]*=[^"\'\n]', re.MULTILINE)
# A quoted word that no logger quoting only what needs quotes would quote (logfmt, slog,
# hclog, logrus: ASCII letters, digits and ``-._/@^+`` only), but for a message key's text
# (``msg="done"``); the tokens joined by newlines, one search. Its logger quotes every string,
# Fluentd's ``value="zfs" error_class=EPIPE error="Broken pipe"`` (Ruby's inspect), whatever
# it leaves bare.
_QUOTED_STRING_IN = re.compile(
    r'^(?!(?:msg|message)=)[A-Za-z_][\w.-]*="[A-Za-z0-9_\-./@^+]+"$', re.MULTILINE
)
# A key's value that logrus' text formatter quoted: it holds a character other than letters,
# digits and ``-._/@^+`` (``addr="10.0.0.1:80"``, ``key="sha256:9f86"``).
_LOGRUS_QUOTED = re.compile(r'[\[({]?[A-Za-z_][\w.-]*="[^"]*[^\w\-./@^+"][^"]*"[\])},;]*')
# ... anywhere in a message (a quick test before looking token by token).
_LOGRUS_QUOTED_IN = re.compile(r'\s[\[({]?[A-Za-z_][\w.-]*="[^"\s]*[^\w\-./@^+"\s][^"\s]*"')
_SPACED_VALUE = re.compile(r'([\[({]?[A-Za-z_][\w.-]*=)"<\*>"([\])},;]*)')


def logrus_quoted(message: str) -> bool:
    """True if ``message`` opens with logrus' ``msg="`` and has a key's value that logrus'
    text formatter quoted though it holds no space (see :func:`unquote_spaced_values`)."""
    return message[:5] == 'msg="' and _LOGRUS_QUOTED_IN.search(message) is not None


def unquote_spaced_values(raw: list[str], tokens: list[str]) -> None:
    """Write a key's quoted value that holds spaces as the bare variable (``err=<*>``).

    Loggers of ``key=value`` pairs (logfmt, slog, hclog, logrus, go-kit) quote a value only
    when it needs quotes, so the quotes belong to the value, not to the event: the format
    wrote ``err=%v``. Not where the message quotes itself (klog's ``"msg" key="v"`` quotes
    every string), nor where every key's value is quoted and one needs no quotes
    (FoundationDB's ``ID="041b"``, XML attributes): that logger quotes every value.
    logrus' text formatter (a message opening with ``msg="``) also quotes a value with any
    character other than letters, digits and ``-._/@^+`` (``addr="10.0.0.1:80"``): bare too.
    """
    logrus = raw[0][:5] == 'msg="'
    found = [
        index
        for index, token in enumerate(raw)
        if '="' in token
        and (" " in token or (logrus and index and _LOGRUS_QUOTED.fullmatch(token) is not None))
    ]
    if not found or _quotes_every_value(raw):
        return
    for index in found:
        bare = _SPACED_VALUE.fullmatch(tokens[index])
        if bare is not None:
            tokens[index] = f"{bare.group(1)}{WILDCARD}{bare.group(2)}"


def _quotes_every_value(raw: list[str]) -> bool:
    joined = "\n".join(raw)
    if _QUOTED_STRING_IN.search(joined) is not None:
        return True
    if _BARE_VALUE_IN.search(joined) is not None:
        return False
    return any(_NEEDLESS_QUOTES.fullmatch(token) is not None for token in raw)
