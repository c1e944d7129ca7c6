"""Free text at the end of a message: ``<head>: <anything>``.

Programs end many messages with a value that is free text: an error (``... shutdown: dial tcp
10.0.0.5:443: connect: connection refused`` / ``... shutdown: context canceled``), an exception
message, a reason. Its length varies with the value, so each length made a template, and its
words made siblings. Once a *head* -- the tokens up to a token ending in ``:``, at least two of
them words -- has been seen followed by ``min_distinct_tails`` different tails, the head's
templates become one whose tail is a single variable (a variadic template whose shapes end in a
run of ``<*>``), and later messages with that head and any tail join it.

A sentence is a head too: a word ending in a full stop (``... (association remains live).
<exception text>``, ``Failed to load locale file. <error>``), or a value ending in one
(``failed to read "<*>". <error>``), ends one as a colon does, once two plain words precede
it; tails that all begin alike up to a later colon or full stop (:func:`shared_head`) are
that longer head's, not values recurring after the sentence. So do two words that name a
cause (``... failed with <error>``, ``... due to <reason>``, also ``caused by``, ``because
of``), and a word before an arrow glued to the value (``Server exception
=>java.net.ConnectException: ...``): what follows them is the cause, free text.

The head must hold at least two plain words (``Received disconnect from <*>:``), one of them
not a label itself: a single label (``ciod:``, a component or function name), and a chain of
them (``debug: cache:``, a severity and a facility; a word in brackets, ``[MONITOR] DEBUG:``, a
module's tag and a severity), is often followed by events of its own,
and so is a lower-case name and a label opening the message (``ceph plugin:``, C's ``"%s
plugin: "``, also with labels after it: ``java plugin: jtoc_value:``), the sender's name,
and a head whose every word is followed by a value (``File <*> line <*> (drive <*>):``), a
record of where the event happened, not a sentence.
Tails that all begin with the same token ending in ``:`` belong to the longer head it ends, and
so do tails that begin with values and then agree on such a token (``from: <*> to: ...``).
When the shortest tail is a value and two or more plain words and every other tail begins with
it (``'<*>', need to retry`` / ``'<*>', need to retry (<*>: <*>)``), the words are the event's
own and what follows them an ending some messages add: no free text (round 59).
A token ending in ``;`` with plain words alone after it closes the free text as a quote's close
does (``failed to start: <error>; exiting``, :func:`semicolon_close`, round 60): the error up
to it is the value that recurs, the words after it the message's own ending.
Plain words after a head are a weaker sign of free text than text with values of its own
(``open <*>: no such file``): tails without any value need one more distinct form. And a value
recurs: one of the tails must also have followed another head, or every tail must hold a value
(the miner checks this), else the head is a category label with events after it (libvirt's
``internal error: ...``). One tail that recurs and another do it too when the one that recurs
is an error's text with values of its own (:func:`valued_text`, round 64). So do a tail that
is a single value and one of words with a head of its own, an error's chain of contexts
(:func:`chained_value`, round 92).

A value that recurs is the strongest sign: two tails that each followed two or more heads
make any head before them end in free text, even a single label (``GetUser:``, also as the
first token; :func:`head_ends` with ``labels``). Tails of one length that differ in one
position only, or in two that follow no label, the rest holding words, are values followed by
more of the event (:func:`value_slots`): those positions become variables, not the whole tail;
so are tails of one length that share nothing but separators between their values (``Failed -
tcp <*>``, a format's ``%s - %s %s``), however many positions differ.
Heads that differ only in a value (``warning: atlas:`` / ``warning: <*>:``, also inside a token:
``recv_loop(main):`` / ``recv_loop(<*>):``) are one call, not several (:func:`calls`): after a
single label, a tail that followed only them does not recur.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count, repeat

from pipeline.templates.masking import WILDCARD
from pipeline.templates.tokens import generalise_token

HeadKey = tuple[str, ...]

# Positions where tails of one length may differ and still be one event with values.
MAX_VALUE_SLOTS = 2
# Last characters of a token that may end a head: a colon, or the full stop of a sentence.
_ENDS = frozenset(":.")
_END_CHARS = (":", ".")  # the same, for str.endswith
# A word that ends a sentence: letters, then a full stop (after a closing bracket or quote:
# ``live).``), not a dotted name, path or number (``org.x.``, ``v1.``, ``e.g.``). Since round 48
# also a value the masks took whole, perhaps in its quotes or brackets, then a full stop
# (``for "<*>". <error>``, ``filter/list (<*>). <error>``, ``master <*>. <error>``): the masks
# leave a full stop outside a value only where it ends the sentence, and a sentence that ends
# in its value ends there as one ending in a word does.
_SENTENCE_END = re.compile(r"[(\[\"']?(?:[A-Za-z][a-z]*|<\*>)[)\]\"']?\.")
# A logger's severity written in front of the message (``DEBUG CreDocument: ...``): a label.
SEVERITIES = frozenset(
    [
        "TRACE",
        "DEBUG",
        "INFO",
        "NOTICE",
        "WARN",
        "WARNING",
        "ERROR",
        "ERR",
        "CRIT",
        "CRITICAL",
        "FATAL",
        "ALERT",
        "EMERG",
    ]
)
# Two words that end a head as a colon does: what follows is the cause, free text (``Remote
# connection to [<*>] failed with <error>``, ``Failure to finish process fold due to <reason>``).
_CAUSES = frozenset(
    (first, second)
    for word, second in (("failed", "with"), ("due", "to"), ("caused", "by"), ("because", "of"))
    for first in (word, word.capitalize())
)


def head_ends(tokens: list[str], labels: bool = False) -> list[int]:
    """Positions of tokens that may end a head: ending in ``:`` (or a word ending a sentence in
    ``.``, never a label), after at least one token and before at least one, with at least
    two plain words up to them, one of them no label (``debug: cache:`` is a chain of
    labels, not a sentence). With ``labels``, also
    those with fewer words (a single label such as ``GetUser:``, from the first token on):
    they end a head only before tails that recur after other heads (the miner checks)."""
    return all_head_ends(tokens)[0 if labels else 1]


# The first words of the causes: without one of them in a message, no pair is a cause.
_CAUSE_FIRSTS = frozenset(first for first, _ in _CAUSES)


def _stops(tokens: list[str]) -> list[int]:
    """Positions that may end a head (:func:`all_head_ends`): a token ending in ``:`` or
    ``.``, a cause's second word, a word before an arrow; never the last token."""
    return [
        i
        for i in range(len(tokens) - 1)
        if tokens[i][-1:] in _ENDS
        or (i and (tokens[i - 1], tokens[i]) in _CAUSES)
        or tokens[i + 1][:2] == "=>"
    ]


def all_head_ends(tokens: list[str]) -> tuple[list[int], list[int]]:
    """:func:`head_ends` with ``labels`` and without, from one pass: the words up to a stop are
    counted alike, and ``labels`` only adds the labels (and a first token) to the ends. A
    cause's two words (``failed with``) and a word before an arrow (``exception =>java...``)
    end a head as a colon does."""
    if _CAUSE_FIRSTS.isdisjoint(tokens) and "=>" not in "".join(tokens):
        # The common case, no cause's first word and no arrow: only a colon or a full stop
        # ends a head (one pass without the pairs; a test compares it with _stops).
        stops = list(compress(count(), map(str.endswith, tokens, repeat(_END_CHARS))))
        if stops and stops[-1] == len(tokens) - 1:
            stops.pop()  # the last token ends no head: nothing follows it
    else:
        stops = _stops(tokens)
    labelled: list[int] = []
    ends: list[int] = []
    if not stops:
        return labelled, ends  # the common case
    words = 0
    sentence = False
    # Two plain words or more, one of them no label, up to the stop at hand: once true, true
    # for every later stop (words are only added), so the words after it are not counted.
    enough = False
    start = 0
    for end in stops:
        if not enough:
            for token in tokens[start : end + 1]:
                if WILDCARD not in token and token.upper() != token.lower():  # _plain_word
                    words += 1
                    # A word in brackets (``[MONITOR]``, a module's tag in front) is a label,
                    # and so is a severity (``DEBUG CreDocument:``).
                    sentence = sentence or (
                        token[-1] != ":"
                        and not (token[0] == "[" and token[-1] == "]")
                        and token not in SEVERITIES
                    )
                    if words >= 2 and sentence:
                        enough = True
                        break
            start = end + 1
        last = tokens[end]
        if last[-1:] not in _ENDS:  # a cause's two words, or before an arrow
            if enough:
                labelled.append(end)
                ends.append(end)
        elif last[-1] == ".":
            if enough and _SENTENCE_END.fullmatch(tokens[end]):
                labelled.append(end)
                ends.append(end)
        else:
            labelled.append(end)
            if enough and not _named_label(tokens, end) and not _fields(tokens, end):
                ends.append(end)
    return labelled, ends


_OPEN_WORD = re.compile(r"[A-Za-z]+")


def open_ends(tokens: list[str]) -> list[int]:
    """Positions of plain words (letters only) that may end a head without a colon: two plain
    words or more up to them and a token or more after them (an error of one token, ``Unable to
    show notification Overloaded``, round 52). Such a head ends in free text
    only before two tails that each followed two other heads (ending in ``:``, a sentence, a
    cause or a label; the miner checks): error texts learnt after colons, printed after a
    word (``Request failed %s``). A dash standing alone after two plain words or more ends
    such a head too (Rust's ``"{} - {}"``, ``Error reading subscription - <error>``, round
    93): as after a word, only errors learnt after other heads make its tails one, and a
    name's events after a dash (``Cluster Node [<*>] - Leader is moving ...``, ``Convert
    Geometry Structure - Completed``) stay apart."""
    found: list[int] = []
    words = 0
    for index in range(len(tokens) - 1):
        token = tokens[index]
        if WILDCARD not in token and token.upper() != token.lower():  # _plain_word
            words += 1
            # _OPEN_WORD.fullmatch(token): ASCII letters only (str.isalpha on ASCII is A-Za-z)
            if words >= 2 and token.isalpha() and token.isascii():
                found.append(index)
        elif token == "-" and words >= 2:  # a separator's dash (round 93)
            found.append(index)
    return found


def head_key(tokens: list[str], end: int) -> HeadKey:
    """The head up to ``end``, each token holding a variable or a quoted text written
    ``<*>``: heads that differ only in a value or in how it was masked (``(<*>):`` /
    ``(<*>:<*>):``, ``"a":`` / ``"b":``) share a key."""
    return tuple(map(_key, tokens[: end + 1]))


def free_key(tokens: list[str], end: int) -> tuple[int, str]:
    """Where a head ends and how (its last token, keyed as in :func:`head_key`): the index of
    templates whose tail is free text."""
    return end, _key(tokens[end])


def _key(token: str) -> str:
    """A head token as keyed: ``<*>`` if it holds a variable or a quoted text."""
    if WILDCARD in token:
        return WILDCARD
    if '"' not in token and "'" not in token:
        return token  # the common case: no quote, so no quoted text
    for quote in "\"'":
        first = token.find(quote)
        if first >= 0 and token.find(quote, first + 1) > first:
            return WILDCARD
    return token


def free_tail_end(tokens: list[str], labels: bool = False) -> int | None:
    """The head end of a shape whose tail is all variables (a free-tail shape), if any; with
    ``labels``, a single label may be the head. The tail of a head inside a quoted message
    ends where the quote closes (:func:`free_form`)."""
    if len(tokens) < 2:
        return None
    if tokens[-1] == WILDCARD:
        start = len(tokens) - 1
        while start > 0 and tokens[start - 1] == WILDCARD:
            start -= 1
        end = start - 1
        if end in head_ends(tokens, labels) or (labels and end in open_ends(tokens)):
            return end
    if _SEMICOLON_CLOSED not in tokens and not any(
        map(str.startswith, tokens, repeat(_QUOTED_STARTS))
    ):
        return None  # the common case: no token closing a quoted message as a tail ends it
    for end in head_ends(tokens, labels):
        close = quote_close(tokens, end)
        if (
            close is not None
            and tokens[close] == _closed(tokens[close])
            and all(token == WILDCARD for token in tokens[end + 1 : close])
        ):
            return end
    return None


def free_form(head: list[str], tokens: list[str], end: int, closing: bool = True) -> list[str]:
    """The tokens of the free-tail shape for ``tokens`` (a message's or a shape's) after
    ``head``, which ends at ``end``: its tail all variables, up to the token that closes a
    quote the head left open (logrus' ``msg="Failed to sync: <*>" zone=<*>``, a JSON
    ``"msg":"...: <*>","zone":"<*>"}``), which keeps the quote and what follows it. Without
    ``closing``, a semicolon closes nothing: the text after it is the error's (the shapes of
    the template end in free text, :func:`semicolon_close`)."""
    close = quote_close(tokens, end, closing)
    if close is None:
        return [*head, *[WILDCARD] * (len(tokens) - end - 1)]
    return [*head, *[WILDCARD] * (close - end - 1), _closed(tokens[close]), *tokens[close + 1 :]]


def tail_stop(tokens: list[str], end: int, closing: bool = True) -> int:
    """The last token of the free text after a head ending at ``end`` (:func:`free_form`)."""
    close = quote_close(tokens, end, closing)
    return len(tokens) - 1 if close is None else close


# How a free tail's closing token begins (:func:`_closed`).
_CLOSED = f'{WILDCARD}"'
_SEMICOLON_CLOSED = f"{WILDCARD};"
_QUOTED_STARTS = ('"', _CLOSED)  # for str.startswith: token[:1] == '"' or token[:4] == _CLOSED
# A double quote no backslash escapes.
_QUOTE = re.compile(r'(?<!\\)"')


def quote_close(tokens: list[str], end: int, closing: bool = True) -> int | None:
    """The token that closes a double quote the head up to ``end`` left open (a message a
    logger quoted, ``msg="...``); None if the head closes its quotes or nothing closes it.
    Without a quote, the token ending the free text in ``;`` before the message's own ending
    (:func:`semicolon_close`)."""
    head = "".join(tokens[: end + 1])
    if (head.count('"') - head.count('\\"')) % 2 == 0:
        return semicolon_close(tokens, end) if closing else None
    for index in range(end + 1, len(tokens)):
        token = tokens[index]
        if '"' in token and _QUOTE.search(token) is not None:
            return index
    return None


# The message's own ending after a free text and a semicolon: plain words, the last perhaps
# ending in a full stop or an ellipsis (``...: <error>; exiting``, ``; shutting down stratisd...``).
_ENDING_WORD = re.compile(r"[A-Za-z][a-z]*")
_ENDING_LAST = re.compile(r"[A-Za-z][a-z]*(?:\.|\.\.\.)?")


def semicolon_close(tokens: list[str], end: int) -> int | None:
    """The token ending in ``;`` that closes the free text after a head ending at ``end``,
    when plain words alone follow it, the message's own ending (Rust's and C's ``"failed to
    start: {}; exiting"``): the error between the colon and the semicolon is the value. The
    free text is a token at least; None without such a close."""
    size = len(tokens)
    for index in range(size - 2, end, -1):
        token = tokens[index]
        if token[-1:] == ";" and len(token) > 1:
            rest = tokens[index + 1 :]
            if all(_ENDING_WORD.fullmatch(word) for word in rest[:-1]) and _ENDING_LAST.fullmatch(
                rest[-1]
            ):
                return index
            return None
    return None


def value_tail(tokens: list[str], end: int) -> tuple[str, ...]:
    """The tail after a head ending at ``end`` as a value: up to a semicolon's close without
    the semicolon (``channel closed;`` -> ``channel closed``), else all of it. The same error
    after ``...: %s; exiting`` and at the end of another call's message is one value."""
    if tokens[-1][-1:] == ";" or ";" not in "".join(tokens[end + 1 : -1]):
        return tuple(tokens[end + 1 :])
    close = semicolon_close(tokens, end)
    if close is None:
        return tuple(tokens[end + 1 :])
    return (*tokens[end + 1 : close], tokens[close][:-1])


def _closed(token: str) -> str:
    """The token that closes a quoted message as a free tail ends it: the text before its
    quote a variable (``EOF"`` -> ``<*>"``, ``x","zone":"<*>"}`` -> ``<*>","zone":"<*>"}``);
    a semicolon's (:func:`semicolon_close`), ``closed;`` -> ``<*>;``."""
    if token[-1:] == ";" and '"' not in token:
        return token if token == WILDCARD + ";" else WILDCARD + ";"
    found = _QUOTE.search(token)
    if found is None or found.start() == 0:
        return token
    return WILDCARD + token[found.start() :]


def calls(heads: set[HeadKey]) -> int:
    """How many different calls these heads (of one tail) are, counting up to two.

    A head that another one covers is that call with another value in its head (``warning:
    atlas:`` and ``warning: unix://<*>:`` under ``warning: <*>:``), not another call: the same
    event, not a value that recurs after many calls. So does a head that begins with another
    (round 49): the longer is the same message's head ending at a later colon (``faces:`` and
    ``faces: read tcp <*> read:`` before ``<*> (resolve ambiguous subjects)``), not another call."""
    if len(heads) < 2:
        return len(heads)
    size = min(map(len, heads))
    # Only the head with most variables (the shortest of those) can cover all the others; a
    # longer head is covered by its first tokens.
    top = max(
        (head for head in heads if len(head) == size),
        key=lambda head: (sum(WILDCARD in t for t in head), -sum(map(len, head))),
    )
    return 1 if all(head is top or _covers(top, head[:size]) for head in heads) else 2


def _covers(pattern: HeadKey, head: HeadKey) -> bool:
    """True if ``head`` differs from ``pattern`` only in values where ``pattern`` has them.

    A value inside a token counts as one standing alone: ``recv_loop(<*>):`` covers
    ``recv_loop(backend.service):``, the same call's name with another argument, even where
    generalising the two tokens would give up the name as well (``<*>):``)."""
    return all(
        mine == theirs
        or (
            WILDCARD in mine
            and (generalise_token(mine, theirs) == mine or _token_pattern(mine).fullmatch(theirs))
        )
        for mine, theirs in zip(pattern, head, strict=True)
    )


@lru_cache(maxsize=4096)
def _token_pattern(token: str) -> re.Pattern[str]:
    """A token with variables as a pattern: each ``<*>`` one or more characters."""
    return re.compile(".+".join(map(re.escape, token.split(WILDCARD))))


def tails_vary(tails: list[tuple[str, ...]], needed: int) -> bool:
    """True if these distinct tails of one head show free text (see the module's text)."""
    if len(tails) < needed:
        return False
    firsts = {tail[0] for tail in tails}
    if len(firsts) == 1 and next(iter(firsts)).endswith(":"):
        return False  # all go on alike to a longer head
    if _longer_head(tails) or _event_prefix(tails):
        return False
    with_values = any(WILDCARD in token for tail in tails for token in tail)
    return with_values or len(tails) > needed


def _event_prefix(tails: list[tuple[str, ...]]) -> bool:
    """True if the shortest tail is a value and at least two plain words after it, and every
    other tail begins with it (``'<*>', need to retry`` / ``'<*>', need to retry (<*>: <*>)``):
    the event's own text goes on after its value, and what some messages add after it is an
    ending of their own, not free text after the head (round 59)."""
    first = min(tails, key=len)
    if WILDCARD not in first[0] or sum(map(_plain_word, first[1:])) < 2:
        return False
    size = len(first)
    return all(tail[:size] == first for tail in tails)


def shared_head(tails: list[tuple[str, ...]]) -> bool:
    """True if the tails begin alike up to a token that may end a head (``error:``, ``conn.``):
    the free text, if any, follows that longer head."""
    for index, token in enumerate(tails[0]):
        if any(len(tail) <= index or tail[index] != token for tail in tails):
            return False
        if token[-1:] == ":" or (token[-1:] == "." and _SENTENCE_END.fullmatch(token)):
            return True
    return False


def _longer_head(tails: list[tuple[str, ...]]) -> bool:
    """True if the tails hold a value and then go on alike to a longer head (``from: <*> to:
    ...``): the values before it are slots of the event, not free text."""
    first = min(tails, key=len)
    for index in range(1, len(first) - 1):
        token = first[index - 1]
        if not (WILDCARD in token or any(tail[index - 1] != token for tail in tails)):
            return False  # a word shared by all: the tails are not values up to here
        label = first[index]
        if (
            label.endswith(":")
            and WILDCARD not in label
            and all(len(tail) > index + 1 and tail[index] == label for tail in tails)
        ):
            return True
    return False


def value_slots(tails: list[tuple[str, ...]]) -> list[int]:
    """The positions where tails of a single length differ, one or two of them, when the rest
    of them agrees and holds at least two plain words: values followed by more of the event
    (``state: <*> for entity <*>``, ``switching mode <*> -> <*> (cpu ratio <*>)``), not free
    text. Empty otherwise."""
    size = len(tails[0])
    if size < 3 or any(len(tail) != size for tail in tails):
        return []
    differing = [i for i in range(size) if len({tail[i] for tail in tails}) > 1]
    if not differing:
        return []
    if _separated(tails[0], differing):
        return differing
    if len(differing) > MAX_VALUE_SLOTS:
        return []
    if len(differing) > 1 and any(i and tails[0][i - 1][-1:] == ":" for i in differing):
        return []  # values of labels (``weight: zeus``): a record, whose other fields vary too
    words = sum(1 for i, token in enumerate(tails[0]) if i not in differing and _plain_word(token))
    return differing if words >= 2 else []


# A separator printed between values: punctuation only, no letter, digit or variable (``-``,
# ``->``, ``|``, ``=>``).
_SEPARATOR = re.compile(r"[^\w\s<>*]{1,2}|->|=>")


def _separated(tail: tuple[str, ...], differing: list[int]) -> bool:
    """True if every position of these tails of one length that does not differ is a
    separator between values, and at least one such stands between two of them (``Failed - tcp
    <*>`` / ``Succeeded - udp <*>``: the format's ``%s - %s %s``): the fields of a record the
    program printed with a fixed layout, not free text, whose length varies. A position that
    holds a variable in every tail is a field as well."""
    fields = [i in differing or WILDCARD in token for i, token in enumerate(tail)]
    return any(not fields[i] for i in range(1, len(tail) - 1)) and all(
        field or _SEPARATOR.fullmatch(token) is not None
        for field, token in zip(fields, tail, strict=True)
    )


# A single label in front of a message: a name and its colon (``Counter:``, ``file.managed:``);
# not a message code (``HHH000412:``), whose digits name the event.
_LABEL = re.compile(r"[A-Za-z][A-Za-z_.-]*:")


# A lower-case label then a lower-case name (``plugin:ceph``, joined so for one match).
_NAMED_LABEL = re.compile(r"[a-z]+:[a-z][a-z0-9_]*")


def _named_label(tokens: list[str], end: int) -> bool:
    """True if the head up to ``end`` is a name and a label opening the message (``ceph
    plugin:``, C's ``"%s plugin: "``), perhaps with more labels after it (``java plugin:
    jtoc_value:``): a sender's name, not a sentence."""
    return _NAMED_LABEL.fullmatch(tokens[1] + tokens[0]) is not None and all(
        map(is_label, tokens[2 : end + 1])
    )


def _fields(tokens: list[str], end: int) -> bool:
    """True if every word of the head up to ``end`` is followed by a value (``File <*> line
    <*> (drive <*>):``): a record of where, not a sentence."""
    return WILDCARD in tokens[end] and all(  # the cheap test first
        WILDCARD in tokens[i + 1] or not _plain_word(tokens[i]) for i in range(end)
    )


def is_label(token: str) -> bool:
    """True for a single label: a name without digits ending in ``:``."""
    return token[-1:] == ":" and _LABEL.fullmatch(token) is not None  # a colon last


def event_tail(tail: list[str] | tuple[str, ...]) -> bool:
    """True if ``tail``, the rest of a message after a label, reads as an event's own message
    rather than an error's text: no token ending in ``:`` (an error is a chain of contexts
    joined by colons: ``open <*>: <*>``, ``dial tcp <*>: connect: <*>``), and values of its
    own among at least two plain words, or four plain words (an error without values is a
    few words: ``context canceled``, ``unexpected EOF``). After different labels, such a
    tail is the event and the label in front the sender's name (``Counter: Shard [<*>]
    shutting down`` / ``Ticket: Shard [<*>] shutting down``)."""
    if any(token[-1:] == ":" for token in tail):
        return False
    words = sum(map(_plain_word, tail))
    return words >= SENTENCE_WORDS or (words >= 2 and any(WILDCARD in token for token in tail))


def sentence_head(tail: list[str] | tuple[str, ...]) -> bool:
    """True if ``tail`` opens with a head that is a sentence of its own (:func:`sentence`:
    ``dim ramp step failed for per-key: <*>``): the event's own message with its error after
    it, as :func:`event_tail`'s is without one; an error's chain of contexts has few words
    before its colons (``open <*>:``, ``dial tcp <*>:``) (round 61)."""
    ends = head_ends(list(tail))
    return bool(ends) and sentence(tail[: ends[0] + 1])


def headed_events(tails: list[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The tails that begin with a sentence of their own up to a colon (``Failed to register
    queue event:``, :func:`sentence`) that another of ``tails`` begins with too, a different
    text after it: after a label, the component's events, each with a value of its own
    (``entropy: Failed to register queue event: channel closed`` / ``... event: <*> (os error
    <*>)``), as :func:`event_tail`'s are; an error's chain of contexts has few words before
    its colons (``open <*>:``, ``dial tcp <*>:``)."""
    heads: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for tail in tails:
        ends = head_ends(list(tail))
        if ends and sentence(tail[: ends[0] + 1]):
            heads.setdefault(tail[: ends[0] + 1], []).append(tail)
    return {tail for found in heads.values() if len(found) >= 2 for tail in found}


# Plain words at least in a tail that reads as a sentence of its own (event_tail, sentence).
SENTENCE_WORDS = 4


def sentence(tail: list[str] | tuple[str, ...]) -> bool:
    """True if ``tail`` holds ``SENTENCE_WORDS`` plain words or more (``No data to collect.
    Skipping...``): a message of its own, not a short error's text (``Not_found``,
    ``Unix.Unix_error(Unix.ENOENT, "open", "<*>")``)."""
    return sum(map(_plain_word, tail)) >= SENTENCE_WORDS


# Plain words at most in a subject's name before its colon (``Plugin Network:``).
MAX_SUBJECT_WORDS = 3


def subject_head(head: tuple[str, ...] | list[str]) -> bool:
    """True if ``head`` ends in a short name and its colon after the labels in front of it
    (``TRACE: Plugin Network:``, ``Cache sync:``, ``Motion search job <*>:``): a component or
    subject prefixing its events' messages, not a sentence whose value follows (``Failed to
    apply build using <*> directory:``)."""
    if head[-1][-1:] != ":":
        return False
    start = len(head) - 1
    while start and head[start - 1][-1:] != ":":
        start -= 1
    return sum(map(_plain_word, head[start:])) <= MAX_SUBJECT_WORDS


def valued_text(tail: tuple[str, ...]) -> bool:
    """True if ``tail`` is a text with values of its own that reads as one error's text
    (``Cannot connect to host <*>:<*> ssl:default ...``), which recurring after other heads
    makes a value wherever it follows (round 64): it opens with a plain word ending in a letter
    and holds at least two, and no head of its own (no token ending in ``:``) nor a key's field
    (``err=<*>``): ``<*>, can't stop it`` and ``tar, pid <*>`` are values and the event's own
    ending, ``Email Link for <*>: <*>`` an event with a head of its own."""
    return (
        _plain_word(tail[0])
        and tail[0][-1].isalpha()
        and any(WILDCARD in token for token in tail)
        and sum(map(_plain_word, tail)) >= 2
        and not any(token[-1] == ":" or "=" in token for token in tail)
    )


def chained_value(tails: list[tuple[str, ...]]) -> bool:
    """True if one of these tails of a head is a single value and another is an error's chain
    of contexts (``<*>`` / ``Invalid config for [kitchen]: required key not provided``): a
    token ending in ``:`` inside it, not its last, and two plain words or more, the first of
    them its first token. The head's slot already holds a value, and a text of words that
    carries a head of its own is the same value's longer form, free text (round 92); a tail
    opening with the value (``<*>. Total so far: <*>``) is the event's own text after it."""
    return (WILDCARD,) in tails and any(
        len(tail) >= 3
        and _plain_word(tail[0])
        and any(token[-1] == ":" for token in tail[:-1])
        and sum(map(_plain_word, tail)) >= 2
        for tail in tails
    )


def _plain_word(token: str) -> bool:
    """A word of the event: letters in it, no variable."""
    return WILDCARD not in token and token.upper() != token.lower()
