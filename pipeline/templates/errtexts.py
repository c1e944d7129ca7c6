"""The C library's error texts (``strerror``): ``No such file or directory``, ``Permission
denied``, ``connection refused`` in Go's lower case, ``[Errno 2] No such file or directory``
in Python's (an OSError's whole text, its number and the quoted file names after a colon,
``[Errno 2] No such file or directory: '/x'``, is one value). Programs print them for ``%m``
and every error from a system call, so after a head they are the value of an error
placeholder, never the words of an event. A phrase of two or more words is joined into one
token and written ``<*>``, as a date is.

The texts come from the platform (``strerror`` of every ``errno`` code), so they are the ones
the programs on it print.

Any error is free text after the key that names it: ``err=``, ``error=``, ``catch_up_error=``,
``lastErr=`` (Go's and Rust's ``key=%v`` and ``?err`` fields print it unquoted, ``err=Os {
code: 98, ... }``), and ``error:`` or ``err:`` with the value glued to it (Objective-C's and
C's ``error:%@``). Its value runs up to the next ``key=`` field or the end and is one value,
``err=<*>``, whatever its words (:func:`join_error_values`).

An exception printed inside a message, ``java.io.IOException: Broken pipe``, is one value
too, its class and its message (:func:`join_exceptions`).
"""

from __future__ import annotations

import errno
import re
from os import strerror

from pipeline.templates.tokens import FIELD_KEY

# Go's standard library names its errors in the same way (``err.Error()`` of ``io``,
# ``context``, ``os`` and ``net``), and Go programs print them where C ones print strerror.
GO_TEXTS = (
    "context canceled",
    "context deadline exceeded",
    "i/o timeout",
    "unexpected EOF",
    "use of closed network connection",
)
_TEXTS = sorted(
    {
        text
        for text in (strerror(code) for code in errno.errorcode)
        if len(text.split()) >= 2 and not text.startswith("Unknown error")
    }
    | set(GO_TEXTS),
    key=len,
    reverse=True,
)
_GO_LOWER = frozenset(text.lower() for text in GO_TEXTS)
_LEADING = "\"'([{"
# A phrase starts at one of these tokens (as written in lower case, capitalised or in upper
# case: a set lookup per token, no lower-casing); the regex then checks it whole.
FIRST_WORDS = frozenset(
    lead + variant
    for text in _TEXTS
    for word in (text.split()[0],)
    for variant in (word.lower(), word.capitalize(), word.upper())
    for lead in ("", *_LEADING)
)
_PHRASE = re.compile(r"(?i:" + "|".join(re.escape(text) for text in _TEXTS) + r")(?!\w)")
# _PHRASE cut by the phrases' first words (lower case; all ASCII): a phrase can only match where
# the token holds its first word, a space after it, so the regex of the token's word finds
# what _PHRASE finds, trying a few of its 135 alternatives (in the same order) instead of all.
_PHRASES_AFTER = {
    first: re.compile(
        r"(?i:"
        + "|".join(re.escape(text) for text in _TEXTS if text.split()[0].lower() == first)
        + r")(?!\w)"
    )
    for first in {text.split()[0].lower() for text in _TEXTS}
}
# The key of an error (err=, error=, catch_up_error=, lastErr=): its value is free text.
# Objective-C's and C's ``error:%@`` glue the value to ``error:`` as Go's ``err=%v`` does.
_ERROR_KEY = re.compile(
    r"(?:[A-Za-z][\w.-]*[_.-])?(?:err|error)=|[a-z][A-Za-z0-9]*(?:Err|Error)=|(?:err|error):(?=\w)"
)
# A number alone (err=0.25) is masked after its key as any number is (masking's kv).
_NUMBER = re.compile(r"[-+]?\d")


def join_error_texts(raw: list[str]) -> tuple[list[str], set[int]] | None:
    """``raw`` with each error text joined into one token, and those tokens' positions; None
    when there is none (the common case)."""
    firsts = FIRST_WORDS
    found: list[tuple[int, int]] = []
    # A message that opens with such a text says it in its own words ("permission denied
    # for column x"): the event, not the value of a placeholder.
    index = 1
    size = len(raw)
    # The tokens that may open a text, found in one comprehension; the loop visits only them.
    for candidate in [i for i in range(1, size - 1) if raw[i].lstrip(_LEADING) in firsts]:
        if candidate < index:
            continue  # inside a text joined already
        index = candidate
        token = raw[index]
        word = token.lstrip(_LEADING)
        start = len(token) - len(word)
        text = " ".join(raw[index : index + 8])
        match = _PHRASES_AFTER.get(word.lower(), _PHRASE).match(text, start)
        if match is None:
            continue
        last = index + text[: match.end()].count(" ")
        first = index
        if index >= 3 and _ERRNO_NUMBER.fullmatch(raw[index - 1]) and _errno_word(raw[index - 2]):
            # Python's OSError: ``[Errno 2] No such file or directory: '/x'`` is one value,
            # its number and the file it names with it.
            first = index - 2
            if text[match.end() : match.end() + 2] == ": ":
                last = _python_filenames(raw, last)
        elif _tail_after_head(raw, index, last, match.group()) or _predicate(raw, index):
            index = last + 1
            continue
        found.append((first, last))
        index = last + 1
    if not found:
        return None
    joined, positions, _ = _join_runs(raw, found, set())
    return joined, positions


# Python's OSError prints as ``[Errno N] strerror`` (``str(e)``), and with a file name as
# ``[Errno N] strerror: 'name'`` or ``... 'name' -> 'other'`` (os.rename): one value, as the
# text alone is.
_ERRNO_NUMBER = re.compile(r"-?\d+\]")
_CLOSING = ")]}.,;:!?"
_FILENAME = re.compile(r"""(['"]).*\1[)\]}.,;:!?]*""")


def _errno_word(token: str) -> bool:
    """True for ``[Errno`` (perhaps after an opening quote or bracket)."""
    return token[-6:] == "[Errno" and token.lstrip(_LEADING) == "Errno"


def _python_filenames(raw: list[str], last: int) -> int:
    """The last token of an OSError text whose error text ends ``raw[last]`` before a colon:
    its quoted file name(s) after the colon with it."""
    size = len(raw)
    if last + 1 >= size or _FILENAME.fullmatch(raw[last + 1]) is None:
        return last
    last += 1
    if last + 2 < size and raw[last + 1] == "->" and _FILENAME.fullmatch(raw[last + 2]):
        last += 2
    return last


# Forms of "to be": an error text after one is what the subject is (``segment path <*> is not
# a directory``), the event's own words, as when it opens the message.
_COPULAS = frozenset({"is", "are", "was", "were"})


def _predicate(raw: list[str], first: int) -> bool:
    """True if the error text at ``first`` follows a form of "to be"."""
    return raw[first - 1] in _COPULAS


def _tail_after_head(raw: list[str], first: int, last: int, text: str) -> bool:
    """True for a Go error that is all the text after a head ending in ``:`` at the end of the
    message (``Sync failed: context canceled``, also closing a quoted ``msg="..."``): there
    it is the free tail of that head (tails.py), which learns from the words of its tails
    which heads end in free text."""
    return (
        text.lower() in _GO_LOWER
        and raw[first - 1].endswith(":")
        and (last == len(raw) - 1 or raw[last].endswith('"'))
    )


def split_error_token(token: str) -> tuple[str, str, str]:
    """(text before, the error text, text after) of a joined error token."""
    start = len(token) - len(token.lstrip(_LEADING))
    if start and token[start - 1 : start + 6] == "[Errno ":
        # Python's OSError (``[Errno 2] ...: 'name'``): the number and file names are its.
        start -= 1
        head = token.index("] ", start) + 2
        match = _PHRASE.match(token, head)
        assert match is not None
        end = match.end()
        if token[end : end + 2] == ": " and token[end + 2 : end + 3] in ("'", '"'):
            # Up to the file name's closing quote; the punctuation after it is the message's.
            end = len(token.rstrip(_CLOSING))
        return token[:start], token[start:end], token[end:]
    match = _PHRASE.match(token, start)
    assert match is not None  # only joined tokens come here
    return token[:start], match.group(), token[match.end() :]


def join_error_values(
    raw: list[str], errors: set[int]
) -> tuple[list[str], set[int], set[int]] | None:
    """``raw`` with the unquoted value of each error key joined into one token, with the
    positions of the error texts found before (``errors``) moved to match, and those of the
    joined tokens; None when there is none.

    The value of ``err=``, ``error=``, ``catch_up_error=`` is whatever the error printed as
    (``err=deadline has elapsed``, ``error=Os { code: 98, ... }``): free text up to the next
    ``key=`` field or the end, one value whatever its words, named after the key. A quoted
    value is joined and masked as every quoted value is (quoting.py), and a number alone as
    every number after a key."""
    found: list[tuple[int, int]] = []
    index = 0  # the first token not joined yet
    size = len(raw)
    # Every error key ends in "r=" or "r:": only tokens holding that are tried, in one pass.
    for candidate in [i for i, token in enumerate(raw) if "r=" in token or "r:" in token]:
        if candidate < index:
            continue  # inside a value joined already
        index = candidate
        token = raw[index]
        match = _ERROR_KEY.match(token)
        if match is None or match.end() == len(token) or token[match.end()] in "\"'":
            continue
        # The value runs up to the token that starts another field (key=..., [key=...).
        last = index
        while last + 1 < size and FIELD_KEY.match(raw[last + 1]) is None:
            last += 1
        if last > index or not _NUMBER.match(token, match.end()):
            found.append((index, last))
        index = last + 1
    if not found:
        return None
    joined, positions, moved = _join_runs(raw, found, errors)
    return joined, moved, positions


def _join_runs(
    raw: list[str], runs: list[tuple[int, int]], keep: set[int]
) -> tuple[list[str], set[int], set[int]]:
    """``raw`` with each run of tokens (first, last; in order, apart) joined into one token;
    the joined tokens' positions, and where the positions in ``keep`` outside the runs went."""
    joined: list[str] = []
    positions: set[int] = set()
    moved: set[int] = set()
    previous = 0
    for first, last in runs:
        moved.update(len(joined) + i - previous for i in keep if previous <= i < first)
        joined.extend(raw[previous:first])
        positions.add(len(joined))
        joined.append(" ".join(raw[first : last + 1]))
        previous = last + 1
    moved.update(len(joined) + i - previous for i in keep if i >= previous)
    joined.extend(raw[previous:])
    return joined, positions, moved


def split_error_value(token: str) -> tuple[str, str, str]:
    """(key, its ``=`` or ``:``, value) of a token joined by :func:`join_error_values`."""
    match = _ERROR_KEY.match(token)
    assert match is not None  # only joined tokens come here
    end = match.end()
    return token[: end - 1], token[end - 1], token[end:]


# An exception as Java (``Throwable.toString()``) and other languages with packages print it:
# its class, a package path in lower case, or a namespace in capitals as .NET's (round 28:
# ``System.IO.IOException``), and a class name ending in Exception or Error
# (``java.io.IOException``, ``org.apache.cassandra.exceptions.UnavailableException``), after
# a key perhaps (``exception=``), then ``: `` and its message when it has one.
_THROWN = re.compile(
    r"(?:[A-Za-z_][\w.-]*=)?(?:[A-Za-z_][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error):?"
)
_THROWN_KEY = re.compile(r"[A-Za-z_][\w.-]*=")
# Punctuation that closes the exception's message (``..: closed, attempting to retry``).
_MESSAGE_END = ",.;"


# A capitalised label after a sentence's full stop (``exists. Status: 409``): the message goes
# on with a field of its own (.NET's ``RequestFailedException`` prints ``Status:`` so).
_LABEL = re.compile(r"[A-Z][a-z]+:")


def _labelled(raw: list[str], last: int) -> bool:
    """Whether the message's sentence ending ``raw[last]`` is followed by a label of its
    own: a full stop, then a capitalised word and a colon."""
    return raw[last][-1] == "." and _LABEL.fullmatch(raw[last + 1]) is not None


def join_exceptions(
    raw: list[str], errors: set[int], keyed: set[int], summarised: bool = False
) -> tuple[list[str], set[int], set[int], set[int]] | None:
    """``raw`` with each exception printed inside a message (not opening it) joined into one
    token with its message, the positions in ``errors`` and ``keyed`` moved to match, and
    those of the joined tokens; None when there is none.

    An exception is what went wrong, the value of the placeholder it fills, never the
    event's words: its class and message, up to the end of the message, the next ``key=``
    field, or a token ending in ``,``, ``.`` or ``;`` (the event's own words follow:
    ``snapshot failed: java.lang.IllegalStateException: closed, attempting to retry``), but
    not at a full stop before a capitalised label (``exists. Status: 409 (Conflict)``): the
    message goes on with a field of its own.
    Nested messages stay in it (``java.net.ConnectException: Connection refused: /10.0.0.1``).
    The last token of a ``summarised`` trace (multiline.py) is the exception type that names
    its event, left alone."""
    found: list[tuple[int, int]] = []
    index = 1
    size = len(raw)
    end = size - 1 if summarised else size
    for candidate in [i for i in range(1, end) if "Exception" in raw[i] or "Error" in raw[i]]:
        if candidate < index or candidate in errors or candidate in keyed:
            continue
        token = raw[candidate]
        if _THROWN.fullmatch(token.rstrip(_MESSAGE_END)) is None:
            continue
        last = candidate
        if token.endswith(":"):
            while (
                last + 1 < end
                and last + 1 not in keyed
                and FIELD_KEY.match(raw[last + 1]) is None
                and (raw[last][-1] not in _MESSAGE_END or _labelled(raw, last))
            ):
                last += 1
        found.append((candidate, last))
        index = last + 1
    if not found:
        return None
    joined: list[str] = []
    where: dict[int, int] = {}
    positions: set[int] = set()
    previous = 0
    for first, last in found:
        for i in range(previous, first):
            where[i] = len(joined)
            joined.append(raw[i])
        positions.add(len(joined))
        joined.append(" ".join(raw[first : last + 1]))
        previous = last + 1
    for i in range(previous, size):
        where[i] = len(joined)
        joined.append(raw[i])
    return (
        joined,
        {where[i] for i in errors if i in where},
        {where[i] for i in keyed if i in where},
        positions,
    )


def split_exception(token: str) -> tuple[str, str, str]:
    """(its key and ``=`` or nothing, the exception, the punctuation after it) of a token
    joined by :func:`join_exceptions`."""
    key = _THROWN_KEY.match(token)
    start = key.end() if key is not None else 0
    body = token[start:].rstrip(_MESSAGE_END + ":")
    return token[:start], body, token[start + len(body) :]


# The first words of Go's wrapped standard-library errors: ``*net.OpError`` (``dial tcp
# 10.0.0.7:5432: connect: connection refused``, ``read tcp a->b: read: ...``), ``*fs.PathError``
# (``open /etc/x: permission denied``) and gRPC's ``status.Error`` (``rpc error: code = ...``).
# Their formats are the libraries' own (``Op Net Addr: Err``, ``Op Path: Err``), so every Go
# program that prints such an error prints its first words so.
CHAIN_FIRST_WORDS = frozenset(
    [
        "dial",
        "read",
        "write",
        "listen",
        "accept",
        "open",
        "mkdir",
        "stat",
        "lstat",
        "remove",
        "rename",
        "readlink",
        "chmod",
        "chown",
        "unlinkat",
        "rpc",
    ]
)
_CHAIN = re.compile(
    r"(?:rpc error: code = \S+ desc = |(?:dial|read|write|listen|accept) (?:tcp|udp|unix)[46]? "
    r"[^\s:]*[\d/]\S*: |(?:open|mkdir|stat|lstat|remove|rename|readlink|chmod|chown|unlinkat) "
    r"/\S*: )"
)


# Words that put a verb after them ("to open", "cannot stat"): the operation is then the
# sentence's own predicate (C's ``Failed to open %s: %m``), not the first word of an error.
VERB_MARKERS = frozenset({"to", "not", "cannot", "can't", "couldn't", "won't", "didn't"})


def join_go_chain(
    raw: list[str], sets: tuple[set[int], ...]
) -> tuple[list[str], int, tuple[set[int], ...]] | None:
    """``raw`` with a Go error chain printed after a word, without a colon, up to the end of
    the message (or the token closing a quoted ``msg="..."``) joined into one token; its
    position, and ``sets`` of positions moved to match (those inside the chain dropped); None
    when there is none.

    ``failed to sync %s %v`` prints ``failed to sync x dial tcp 10.0.0.7:5432: connect:
    connection refused``: no colon tells the error from the event's words, but the chain's
    opening (the library's format, :data:`_CHAIN`) does, and Go prints the error last. After a
    head ending in ``:`` the chain stays words, for the head's free tail (tails.py); after a
    form of "to be" it is the event's own words (:func:`_predicate`)."""
    size = len(raw)
    for index in [i for i in range(1, size - 1) if raw[i] in CHAIN_FIRST_WORDS]:
        before = raw[index - 1]
        if before.endswith(":") or not before[-1:].isalnum() or before in _COPULAS:
            continue
        if before.lower() in VERB_MARKERS:
            continue  # "Failed to open %s: %m", "cannot stat %s: %m": the event's own verb
        if index >= 2 and raw[index - 2].endswith(":"):
            continue  # one value after a head's colon: the head's free tail (tails.py)
        if _CHAIN.match(" ".join(raw[index : index + 8])) is None:
            continue
        last = size - 1
        for end in range(index, size):
            if raw[end].endswith('"'):
                last = end
                break
        if last - index < 2:
            return None
        width = last - index
        moved = tuple(
            {p if p < index else p - width for p in positions if not index <= p <= last}
            for positions in sets
        )
        joined = [*raw[:index], " ".join(raw[index : last + 1]), *raw[last + 1 :]]
        return joined, index, moved
    return None


_OPENERS = {")": "(", "]": "[", "}": "{"}


def split_chain_closing(token: str) -> tuple[str, str]:
    """(the error, the closing quotes and brackets after it) of a token joined by
    :func:`join_go_chain`: a closer the error did not open (``...: connection refused)`` in
    ``(err %v)``, the ``"`` ending ``msg="..."``) is the message's."""
    body = token
    while body and body[-1] in "\")]}'":
        last = body[-1]
        opener = _OPENERS.get(last)
        if opener is None:
            if body.count(last) % 2 == 0:
                break
        elif body.count(last) <= body.count(opener):
            break
        body = body[:-1]
    return body, token[len(body) :]
