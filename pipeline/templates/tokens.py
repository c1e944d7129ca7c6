"""Comparisons of template tokens with message tokens, used to decide how templates grow."""

from __future__ import annotations

import re

from pipeline.templates.masking import UNIT_TOKENS, WILDCARD

KEY = re.compile(r"[A-Za-z_][\w.-]*=")
# A key, possibly in brackets ([key=value], TiKV's and others' fields).
FIELD_KEY = re.compile(r"[\[({]?[A-Za-z_][\w.-]*=")
# A call's first argument given by its keyword (Python's ``state_changed(old_state=Running,``).
KEYWORD_ARGUMENT = re.compile(r"[A-Za-z_][\w.]*\([A-Za-z_]\w*=")
# A key before a value masked in one token and not in the other: ``=`` or ``:`` ends it
# (``(myId:<*>`` / ``(myId:bb4deea``, a value the masks could not tell).
_MASKED_FIELD_KEY = re.compile(r"[\[({]?[A-Za-z_][\w.-]*[=:]")
# A field's name glued by ``:`` to its value (SLF4J's ``projectCode:{}``, ``status:{}``): a
# lower-case word of letters and digits, no dots (``hs.spotlight:start`` is a call's name),
# before a word or dotted name, perhaps closed by punctuation (not ``host.name=x``, a field
# in a field, nor ``node-D0``). Also inside brackets, as FIELD_KEY's ``=`` (``(type:GET):``,
# ``[mode:PENDING]``): the bracket is the message's, the key and its value the same (round 74).
_GLUED_KEY = re.compile(
    r"[\[({]?[a-z][A-Za-z0-9]*:(?=[A-Za-z0-9][\w.]*[)\]]?[.,;:]?$|\[[A-Za-z0-9][\w.]*\][.,;]?$)"
)
_CLOSING = {"[": "]", "(": ")", "{": "}"}
# The key of a key's value, perhaps with an index in brackets (``argv[<*>]=<*>``).
_INDEXED_KEY = re.compile(r"[\[({]?([A-Za-z_][\w.-]*(?:\[[^\]=\s]*\])?)=")
# A key's value masked whole, quoted or not (key=<*>, key="<*>").
_MASKED_VALUES = frozenset((WILDCARD, f'"{WILDCARD}"', f"'{WILDCARD}'"))
# A whole value with and without a full stop after it.
_STOPPED_VALUE = frozenset((WILDCARD, WILDCARD + "."))
# Characters that vary inside values (digits, separators of addresses and numbers).
_VALUE_CHARS = re.compile(r"[0-9.:,;_/\\-]+")
# A URL's scheme as the masks leave it (``https://``, ``unix://``): the address's, not the
# format's.
_SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*://"
# Punctuation that closes a field in a list of them (``mode=fast,``, ``bat=BAT0;``), or the
# list's bracket (``target_state=Ready)``, round 75).
FIELD_CLOSERS = ",;)]}"
_OPENERS = "([{\"'\\"
_CLOSERS = ")]}\"',.;:!?\\"
# A qualified name of three or more labels: a Java logger or class, a reverse-DNS component
# (org.apache.hadoop.Foo, com.apple.icloud.fmfd.heartbeat:), possibly with trailing punctuation.
_QUALIFIED = re.compile(r"[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*){2,}[:;,]?")
# The shared front of two dotted names, up to a dot (com.apple.): kept when they generalise.
_NAMESPACE = re.compile(r"[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+\.")
# A data term printed whole: braces around elements joined by commas with no space, not a
# JSON object (Erlang's ``{error,eacces}``, ``{nodedown,'n@h'}``, ``{a,{b,c}}``).
# A key's value may be one (``Errors={'EXIT',<*>,killed}``).
_TERM = re.compile(r"(?:[A-Za-z_][\w.-]*=)?\{(?!\")\S*,\S*\}")


# A JSON object's string field opening a token, up to the quote that opens its value
# (``{"msg":"``, ``"error":"``).
_JSON_STRING_KEY = re.compile(r'\{?"[A-Za-z_][\w.-]*":"')


def _other_keys(mine: str, theirs: str) -> bool:
    """True if both tokens are keys' values and the keys differ (``idx=<*>`` /
    ``argv[<*>]=<*>``): other fields, not one value."""
    first = _INDEXED_KEY.match(mine)
    if first is None:
        return False
    second = _INDEXED_KEY.match(theirs)
    return second is not None and first.group(1) != second.group(1)


def stop_apart(mine: str, theirs: str) -> bool:
    """True if one token is a whole value and the other the same value ended by a full stop
    (``<*>.`` / ``<*>``): the stop is the format's, a sentence's end that one call writes
    after its value and the other does not, so two calls (round 66)."""
    return {mine, theirs} == _STOPPED_VALUE


def differ_in_words(mine: str, theirs: str) -> bool:
    """True if two different tokens differ in their constant text, not only in values.

    ``Link ok`` / ``Link error`` and ``tty=NODEVssh`` / ``tty=:<*>`` differ in words;
    ``<*>:<*>`` / ``<*>``, ``user=<*>`` / ``user=guest`` (a key whose value is masked
    elsewhere) and ``mode=fast`` / ``mode=safe`` (one key's value) do not. A token with two
    or more variables counts as a value as a whole, but for a key's against a plain word
    (``rtt=<*>..<*>`` / ``stopped``).
    """
    if _quoted_apart(mine, theirs):
        # What is quoted differs ("EBUSY" / "EACCES", 'get' / 'put'): a quoted value.
        return False
    if ("{" in mine or "{" in theirs) and (is_term(mine) or is_term(theirs)):
        # A data term printed whole on either side (``{error,eacces}`` / ``noproc``): a value,
        # as a program writes no event's words as a term.
        return False
    if one_call(mine, theirs):
        # What a call's brackets hold differs (get_state(BAT0) / get_state(wlan0)): its argument;
        # so do values in brackets glued after it (``auth(a)[x.y]`` / ``auth(b)[z.w]``).
        return False
    front = _JSON_STRING_KEY.match(mine)
    if (
        front is not None
        and theirs.startswith(front.group())
        and WILDCARD in mine[front.end() :]
        and WILDCARD in theirs[front.end() :]
    ):
        # A JSON string's masked value after the same key (``{"msg":"https://<*>`` /
        # ``{"msg":"<*>:<*>``): the key is the object's, and the values compare as they
        # would printed bare (an address of another scheme is an address) (round 59).
        return differ_in_words(mine[front.end() :], theirs[front.end() :])
    if stop_apart(mine, theirs):
        # ``<*>.`` / ``<*>``: the full stop is the format's, not one of the value's characters.
        return True
    if WILDCARD not in mine and WILDCARD not in theirs:
        key = FIELD_KEY.match(mine) or KEYWORD_ARGUMENT.match(mine)
        if key is not None and theirs.startswith(key.group()) and len(theirs) > key.end():
            # The value of one key written as two words (mode=fast / mode=safe): a key names
            # what follows it as a value, whether it is a number or a word; so does a call's
            # keyword (changed(old_state=Running, / changed(old_state=Pending,).
            return False
        key = _GLUED_KEY.match(mine)
        if key is not None and theirs.startswith(key.group()) and len(theirs) > key.end():
            # The same for a name glued by ``:`` (projectCode:tcp4 / projectCode:udp).
            return False
        # Units of a measurement vary with its value ("5 KB" / "80 B"): not an event change.
        return not (mine in UNIT_TOKENS and theirs in UNIT_TOKENS)
    if mine.count(WILDCARD) > 1 or theirs.count(WILDCARD) > 1:
        if _other_calls(mine, theirs):
            # Calls of other names (``process(<*>)[<*>][<*>]`` / ``move(<*>)[<*>]``): the
            # name is the event's word, whatever values its brackets hold (round 63).
            return True
        if '":' in mine or '":' in theirs:
            # A JSON object: its keys are the event's words, its values the variables.
            return _VALUE_CHARS.sub("", mine.replace(WILDCARD, "")) != _VALUE_CHARS.sub(
                "", theirs.replace(WILDCARD, "")
            )
        # A key's values (``rtt=<*>..<*>``) against a word without one (``stopped``), or
        # against another key's (``argv[<*>]=<*>`` / ``idx=<*>``): a key is a word of the event.
        if _other_keys(mine, theirs):
            return True
        return (WILDCARD not in mine and KEY.match(theirs) is not None) or (
            WILDCARD not in theirs and KEY.match(mine) is not None
        )
    if (
        "://" in mine
        and "://" in theirs
        and _URL_VALUE.fullmatch(mine)
        and _URL_VALUE.fullmatch(theirs)
    ):
        # Addresses of another scheme (https://<*> / unix://<*>): the scheme is the address's.
        return False
    if _same_identifier_shape(mine, theirs):
        # Names with a number in them (node-17.corp / web-3.corp, invoices-3 / maple-12): the
        # varying word is part of the value.
        return False
    key = _MASKED_FIELD_KEY.match(mine)
    if key is not None and theirs.startswith(key.group()):
        cut = len(key.group())
        # A field in brackets ([err="<*>"], (user=bob)) ends where they close.
        close = _CLOSING.get(mine[0], "")
        values = mine[cut:].rstrip(close), theirs[cut:].rstrip(close)
        if values[0][-1:] == values[1][-1:] == ":":
            # A colon after both values is the message's (``UID=<*>:`` / ``UID=unix://<*>:``),
            # as the mask leaves it (round 70): the values compare without it.
            values = values[0][:-1], values[1][:-1]
        elif (
            values[0][-1:] == values[1][-1:]
            and values[0][-1:] in FIELD_CLOSERS
            and all(WILDCARD in value for value in values)
        ):
            # So is a comma, a semicolon or a bracket after two values the masks took
            # (``URI=<*>,`` / ``URI=unix://<*>,``, ``addr=<*>)`` / ``addr=unix://<*>)``: a
            # field in a list of them, round 85).
            values = values[0][:-1], values[1][:-1]
        if not set(values).isdisjoint(_MASKED_VALUES):
            return False
    return _VALUE_CHARS.sub("", mine.replace(WILDCARD, "")) != _VALUE_CHARS.sub(
        "", theirs.replace(WILDCARD, "")
    )


# A name glued to the bracket that opens its argument: ``set_mode(``, ``probe(a, ``.
_CALLED = re.compile(r"[A-Za-z_][\w.-]*\($")
_ARGUMENT = re.compile(r"[^\s()\[\]{}<>,;:=\"'*]+")


def _shared_ends(mine: str, theirs: str) -> tuple[int, int]:
    """How many characters two tokens share at the front, and after that at the back."""
    shortest = min(len(mine), len(theirs))
    start = 0
    while start < shortest and mine[start] == theirs[start]:
        start += 1
    end = 0
    while end < shortest - start and mine[-1 - end] == theirs[-1 - end]:
        end += 1
    return start, end


def call_argument(mine: str, theirs: str) -> tuple[int, int] | None:
    """Where two tokens differ only in one argument of a call: ``(start, end)`` of it in ``mine``.

    Shell and printf daemons write what they act on as a function's argument, glued to its
    name (``get_state(BAT0).unknown`` / ``get_state(wlan0).unknown``, ``switch(auto,`` /
    ``switch(stop,``): the name is the event, the argument a value. The argument is one word
    without brackets, quotes or separators, closed by ``)`` or ``,``, or an address the masks
    took on both sides (_addresses: ``sendto(<*>:<*>)`` / ``sendto(https://<*>)``, round 86);
    None otherwise.
    """
    if "(" not in mine or mine == theirs:
        return None
    start, end = _shared_ends(mine, theirs)
    opened = mine.rfind("(", 0, start)
    if opened < 0 or _CALLED.search(mine, 0, opened + 1) is None:
        return None
    back = len(mine) - end
    close = back
    while close < len(mine) and mine[close] not in "),":
        close += 1
    if close == len(mine):
        return None
    inner_mine = mine[opened + 1 : close]
    inner_theirs = theirs[opened + 1 : len(theirs) - (len(mine) - close)]
    if _argument(inner_mine) and _argument(inner_theirs):
        return opened + 1, close
    quoted = _addresses(inner_mine, inner_theirs)
    if quoted is None:
        return None
    # The quotes around an address are the format's (``opendir('%s')``): they stay.
    return opened + 1 + quoted, close - quoted


# An address the masks took, whole, in parts or with its scheme (``<*>``, ``<*>:<*>``,
# ``https://<*>``, ``unix://<*>``, ``https://<*>:<*>/``).
_MASKED_ADDRESS = re.compile(rf"(?:{_SCHEME})?<\*>(?::<\*>)?/?")


def _addresses(mine: str, theirs: str) -> int | None:
    """If a call's argument is an address the masks took on both sides, in the same quotes or
    none (``sendto(<*>:<*>)`` / ``sendto(https://<*>)``, ``opendir('<*>:<*>')`` /
    ``opendir('unix://<*>')``), how many quote characters open it (0 or 1); None otherwise.
    One value printed in two forms, a host and port or a URL with its scheme, the scheme
    being the value's (round 86)."""
    quoted = 0
    if mine[:1] in ("'", '"') and len(mine) > 1 and len(theirs) > 1:
        if not (mine[-1] == theirs[0] == theirs[-1] == mine[0]):
            return None
        mine, theirs, quoted = mine[1:-1], theirs[1:-1], 1
    if _MASKED_ADDRESS.fullmatch(mine) is None or _MASKED_ADDRESS.fullmatch(theirs) is None:
        return None
    return quoted


def masked_url(token: str) -> bool:
    """True if ``token`` is an address the masks took with its scheme (``unix://<*>``,
    ``https://<*>:<*>/``; rounds 85 and 86)."""
    return "://" in token and _MASKED_ADDRESS.fullmatch(token) is not None


# A call's name, then its arguments closed in the same token, in front of it.
_CALLED_WHOLE = re.compile(r"([A-Za-z_][\w.-]*)\([^()]*\)")
# A call whose arguments are closed, then values in square brackets glued after it
# (SLF4J's ``auth({})[{}]``, ``process({})[{}][{}]``), then closing punctuation or nothing.
_CALL_GROUPS = re.compile(r"([A-Za-z_][\w.-]*)\(([^()\[\]]*)\)((?:\[[^()\[\]]*\])*)([^()\[\]]*)")
_GROUP = re.compile(r"\[([^\]]*)\]")


def _other_calls(mine: str, theirs: str) -> bool:
    """True if both tokens are calls closed in the token (``move(<*>)[<*>]`` /
    ``process(<*>)[<*>][<*>]``), of other names."""
    if ")" not in mine or ")" not in theirs:
        return False
    called = _CALLED_WHOLE.match(mine)
    other = _CALLED_WHOLE.match(theirs)
    return called is not None and other is not None and called.group(1) != other.group(1)


def call_values(mine: str, theirs: str) -> str | None:
    """The pattern of two calls of one name, closed in the token, whose arguments and values
    in square brackets glued after them are each equal or both one value (_bracket_value):
    ``auth(<*>)[<*>]`` for ``auth(tcp)[sensor.main_vega]`` / ``auth(<*>)[io.EOF]``,
    ``shutdown(<*>,<*>)`` for ``shutdown(<*>,birch)`` / ``shutdown(<*>,orders)``; None
    otherwise, and for a call of one argument and no brackets after it (call_argument's).

    A logger writes a method's argument, then the session's or the channel's name in
    brackets (SLF4J's ``auth({})[{}] send ...``), or several arguments joined by commas
    without a space: each holds a value as a call's one argument does (round 63).
    """
    if mine == theirs or ")" not in mine or ("[" not in mine and "," not in mine):
        return None
    a = _CALL_GROUPS.fullmatch(mine)
    b = _CALL_GROUPS.fullmatch(theirs)
    if a is None or b is None or a.group(1) != b.group(1) or a.group(4) != b.group(4):
        return None
    if not a.group(3) and "," not in a.group(2):
        return None
    args_a = a.group(2).split(",")
    args_b = b.group(2).split(",")
    if len(args_a) != len(args_b):
        return None
    values_a = [*args_a, *_GROUP.findall(a.group(3))]
    values_b = [*args_b, *_GROUP.findall(b.group(3))]
    if len(values_a) != len(values_b):
        return None
    parts = []
    for one, two in zip(values_a, values_b, strict=True):
        if one == two:
            parts.append(one)
        elif _bracket_value(one) and _bracket_value(two):
            parts.append(WILDCARD)
        else:
            return None
    count = len(args_a)
    return (
        f"{a.group(1)}({','.join(parts[:count])})"
        + "".join(f"[{part}]" for part in parts[count:])
        + a.group(4)
    )


def one_call(mine: str, theirs: str) -> bool:
    """True if two tokens are one call whose values differ: its one argument (call_argument)
    or its arguments and values in brackets glued after it (call_values)."""
    return call_argument(mine, theirs) is not None or call_values(mine, theirs) is not None


def _bracket_value(text: str) -> bool:
    """True if ``text``, held in a call's brackets, is one value: one argument (_argument),
    or a value the masks took in parts (``<*>:<*>``, ``https://<*>``), no key in it."""
    return _argument(text) or (WILDCARD in text and "=" not in text and " " not in text)


def _argument(text: str) -> bool:
    """True if ``text`` is one argument of a call: one plain word, or a value a mask took
    whole (``request(<*>)`` / ``request(adac3eb)``: the name stays, round 37)."""
    return text == WILDCARD or _ARGUMENT.fullmatch(text) is not None


# A later argument of a call: one word, then the comma or bracket that ends it (``auto,``,
# ``BAT0).done``).
_LATER_ARGUMENT = re.compile(r"([^\s()\[\]{}<>,;:=\"'*]+)([,)].*)")


def later_argument(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if the tokens at ``index`` are two arguments of a call a token before opened
    (``switch(auto, 44).ok`` / ``switch(auto, 7).ok``; ``write(a, BAT0).done`` /
    ``write(a, BAT1).done``): one word each, the same punctuation after them."""
    if argument_rest(mine[index], theirs[index]) is None:
        return False
    depth = 0
    for token in reversed(mine[:index]):
        for at in range(len(token) - 1, -1, -1):
            char = token[at]
            if char == ")":
                depth += 1
            elif char == "(":
                if depth == 0:
                    return _CALLED.search(token, 0, at + 1) is not None
                depth -= 1
    return False


def argument_rest(mine: str, theirs: str) -> str | None:
    """``<*>`` and the punctuation after two arguments (``<*>).done``), or None."""
    a = _LATER_ARGUMENT.fullmatch(mine)
    b = _LATER_ARGUMENT.fullmatch(theirs)
    if a is None or b is None or a.group(2) != b.group(2):
        return None
    return WILDCARD + a.group(2)


def _quoted_apart(mine: str, theirs: str) -> bool:
    """True if two tokens differ only inside a pair of quotes they share (``"a"`` / ``"b"``,
    ``x='a',`` / ``x='bc',``); the quoted texts may be empty."""
    if not ('"' in mine or "'" in mine):
        return False
    start, end = _shared_ends(mine, theirs)
    # The shared front must end with an opening quote and the shared back start with it; back
    # up over characters both quoted texts begin or end with.
    front = mine[:start]
    back = mine[len(mine) - end :] if end else ""
    for quote in "\"'":
        opened = front.rfind(quote)
        closed = back.find(quote)
        if opened < 0 or closed < 0:
            continue
        inner_mine = mine[opened + 1 : len(mine) - end + closed]
        inner_theirs = theirs[opened + 1 : len(theirs) - end + closed]
        if (
            quote not in inner_mine
            and quote not in inner_theirs
            and opened == front.rfind(quote, 0)
        ):
            at = opened - 1 if opened and mine[opened - 1] == "\\" else opened
            # An escaped quote (\"...\", inside a message a logger quoted) is a quote too.
            before = mine[at - 1] if at else ""
            if not before or before in _OPENERS or before in "=:, ":
                return True
    return False


_LETTERS = re.compile(r"[A-Za-z]+")
# A word glued to the value it names: a key's ``=``, a call's ``(``, a label's ``:``.
_NAMED_VALUE = re.compile(r"[A-Za-z_][(=:]")
_URL_VALUE = re.compile(rf"[(\[{{\"']?{_SCHEME}<\*>(?::<\*>/?)?[)\]}}\"',.;:]*")


def _same_identifier_shape(mine: str, theirs: str) -> bool:
    """True if both tokens are one word glued to one masked number by the same punctuation
    (``maple-<*>`` / ``invoices-<*>``, ``node-<*>.corp`` / ``web-<*>.corp``)."""
    if mine.count(WILDCARD) != 1 or theirs.count(WILDCARD) != 1:
        return False
    shape = _LETTERS.sub("a", mine)
    if shape != _LETTERS.sub("a", theirs):
        return False
    if shape[:1] in _CLOSING and shape[1:2] == "a":
        # The name in brackets both tokens open alike ([replica-<*>] / [scheduler-<*>],
        # (hallway-<*>) / (canary-<*>)): a value in brackets.
        shape = shape[1:]
    if not shape.startswith("a"):
        return False
    return shape.startswith(("a-", "a_")) and shape[2:5] == WILDCARD


def generalise_token(mine: str, theirs: str) -> str:
    """The most specific pattern ``prefix<*>suffix`` covering two different tokens.

    A shared prefix up to a ``:`` or ``=``, or else a shared namespace of dotted names, and
    shared enclosing punctuation are kept: ``user=root`` / ``user=guest`` give ``user=<*>``,
    ``env:a.b=1`` / ``env:c=2`` give ``env:<*>``, ``com.apple.x.y:`` / ``com.apple.z:`` give
    ``com.apple.<*>:``, ``()`` / ``(<*>)`` give ``(<*>)``; otherwise ``<*>``. Tokens holding
    several quoted texts with the same text around them keep it, each differing quoted text
    written ``<*>`` (``'a'/'b'`` / ``'c'/'d'`` give ``'<*>'/'<*>'``).
    """
    if mine == WILDCARD:
        return WILDCARD
    if ("{" in mine or "{" in theirs) and (is_term(mine) or is_term(theirs)):
        # A data term is one value, its braces too (``{error,eacces}`` / ``{timeout,x}``),
        # after the key they share (``Errors=<*>``).
        key = KEY.match(mine)
        front = key.group() if key is not None and theirs.startswith(key.group()) else ""
        end = 0
        shortest = min(len(mine), len(theirs))
        while end < shortest and mine[-1 - end] in ",.;:" and mine[-1 - end] == theirs[-1 - end]:
            end += 1
        return front + WILDCARD + (mine[len(mine) - end :] if end else "")
    quoted = _quoted_values(mine, theirs)
    if quoted is not None:
        return quoted
    argument = call_argument(mine, theirs)
    if argument is not None:
        return mine[: argument[0]] + WILDCARD + mine[argument[1] :]
    called = call_values(mine, theirs)
    if called is not None:
        return called
    at = _at_parts(mine, theirs)
    if at is not None:
        return at
    shortest = min(len(mine), len(theirs))
    same = 0
    while same < shortest and mine[same] == theirs[same]:
        same += 1
    common = mine[:same]
    cut = max(common.rfind(":"), common.rfind("=")) + 1
    scheme = common.find("://") + 3
    if scheme > 2 and _URL_VALUE.fullmatch(mine) and _URL_VALUE.fullmatch(theirs):
        # One scheme's URLs, one with its port apart and one without (``http://<*>:<*>`` /
        # ``http://<*>``, a host printed sometimes with a port of its own): one URL, as a
        # reader reads it, its scheme kept (round 78).
        cut = scheme
    if not cut:
        namespace = _NAMESPACE.match(common)
        if namespace is not None:
            cut = namespace.end()
    if cut and WILDCARD not in common[:cut]:
        start = cut
        # ... and a quote or bracket opening the value: key="<*>", "key":"<*>", key:[<*>].
        while start < shortest and mine[start] in "\"'[" and mine[start] == theirs[start]:
            start += 1
    else:
        start = 0
        while start < shortest and mine[start] in _OPENERS and mine[start] == theirs[start]:
            start += 1
    end = 0
    while (
        end < shortest - start and mine[-1 - end] in _CLOSERS and mine[-1 - end] == theirs[-1 - end]
    ):
        end += 1
    end = _closed_inside(mine, theirs, start, end)
    return mine[:start] + WILDCARD + (mine[len(mine) - end :] if end else "")


def _at_parts(mine: str, theirs: str) -> str | None:
    """Two values joined by one ``@`` in both tokens (``<*>@<*>`` for ``gateway_default@<*>`` /
    ``cedar_staging@<*>``, a name and a version, a client and its host): a format writes
    ``%s@%s``, each side generalised on its own; a side alike in both stays (``Server@<*>``).
    An email address with its domain is masked whole before (masking's email)."""
    if mine.count("@") != 1 or theirs.count("@") != 1:
        return None
    left, right = mine.split("@")
    their_left, their_right = theirs.split("@")
    if not (left and right and their_left and their_right):
        return None
    front = left if left == their_left else generalise_token(left, their_left)
    back = right if right == their_right else generalise_token(right, their_right)
    return f"{front}@{back}"


def _closed_inside(mine: str, theirs: str, start: int, end: int) -> int:
    """``end`` less the ``]`` it keeps whose ``[`` is inside the value of both tokens:
    ``package[curl]`` / ``mount[/data]`` give ``<*>``, not ``<*>]`` (a reference printed as
    ``type[name]``, its type differing, is one value), ``service[db]:`` / ``user[ann]:`` give
    ``<*>:``. Round brackets are left alone (tried: nothing gained)."""
    if not end:
        return end
    taken = []
    for token in (mine, theirs):
        depth = 0
        for char in token[start : len(token) - end]:
            if char == "[":
                depth += 1
            elif char == "]" and depth:
                depth -= 1
        last = 0
        for index, char in enumerate(token[len(token) - end :]):
            if char == "]" and depth:
                depth -= 1
                last = index + 1
            elif char in ")]}":
                break
        taken.append(last)
    return end - taken[0] if taken[0] == taken[1] else end


def _quoted_values(mine: str, theirs: str) -> str | None:
    """``mine`` with each quoted text that differs from ``theirs`` written ``<*>``, when both
    hold two or more quoted texts with the same text around them (``'a'/'b'`` / ``'c'/'b'``
    give ``'<*>'/'b'``): each is a value of its own. None otherwise."""
    for quote in "'\"":
        count = mine.count(quote)
        if count >= 4 and count % 2 == 0 and theirs.count(quote) == count:
            parts, others = mine.split(quote), theirs.split(quote)
            if parts[0::2] != others[0::2]:
                return None
            return quote.join(
                part if index % 2 == 0 or part == other else WILDCARD
                for index, (part, other) in enumerate(zip(parts, others, strict=True))
            )
    return None


def is_term(token: str) -> bool:
    """True if ``token``, without the punctuation after it, is a data term printed whole
    (``{error,eacces}``, ``{shutdown,killed}:{'EXIT',<*>}``), not a JSON object."""
    return "{" in token and _TERM.fullmatch(token.rstrip(",.;:")) is not None


def bare_word(token: str) -> str:
    """``token`` without the brackets, quotes and punctuation around it."""
    return token.strip("[](){}<>,.;:!?'\"")


def is_enum(token: str) -> bool:
    """UPPER_CASE and Capitalised words are constants (states, levels, events), not variables.

    ``RUNNING``/``FAILED``, ``Paused``/``Resumed``, ``Up``/``Down`` name different events;
    variables that are words (user and host names) are lower case in practice.
    """
    word = bare_word(token)
    if len(word) < 2:
        return False
    return (word.isupper() and not word.isdigit()) or (word.istitle() and word.isalpha())


def instance_of(tokens: list[str], pattern: list[str]) -> bool:
    """True if ``tokens`` differ from ``pattern`` only where it has variables.

    A pattern token covers a token it equals, any token if it is ``<*>``, a token its
    ``prefix<*>suffix`` generalisation leaves unchanged (``user=<*>`` covers ``user=bob``), and
    another masked token (``<*>:<*>`` and ``<*>`` are both values).
    """
    for token, wanted in zip(tokens, pattern, strict=True):
        if token == wanted or wanted == WILDCARD or WILDCARD not in wanted:
            if token != wanted and wanted != WILDCARD:
                return False
            continue
        if WILDCARD in token:
            if '":' in wanted and differ_in_words(wanted, token):
                return False  # JSON objects with other keys
            if _other_calls(wanted, token):
                return False  # calls of other names, values in both (round 63)
            if _other_keys(wanted, token) or (
                wanted.count(WILDCARD) > 1
                and _INDEXED_KEY.match(token) is not None
                and _INDEXED_KEY.match(wanted) is None
            ):
                # Another key's value (``idx=<*>`` / ``argv[<*>]=<*>``), or a key's value where
                # the pattern has a value written in parts (``<*>-<*>-<*>``, ``<*>:<*>``, a
                # name or an address masked whole): the key is a word of the event, not part
                # of a value (round 51).
                return False
            if token == WILDCARD and _NAMED_VALUE.search(wanted):
                # A variable where the pattern names its value (``<*>`` / ``err=<*>``,
                # ``release(<*>):``, ``key:<*>``) is more general than the pattern, not its
                # instance: taken in, it would make the pattern's name a variable too.
                return False
            continue
        if generalise_token(wanted, token) == wanted:
            continue
        return False
    return True


def is_qualified_name(token: str) -> bool:
    """True for a dotted name of three or more labels (``org.apache.Foo``, ``com.apple.x:``).

    Such a first token names the component that logs rather than the event, so unlike a first
    word it may turn out to be a variable.
    """
    return _QUALIFIED.fullmatch(token) is not None


# An object printed in front of a message, then ": " (rclone's ``photos/img-0042.jpg: retrying``,
# Go's ``fs.Debugf(o, ...)``): a path, or a word with a value in it, ending in a colon.
_SUBJECT = re.compile(r"[^\s:\"'=<>()\[\]{}]*(?:/|<\*>)[^\s\"'=()\[\]{}]*:")


def is_subject(token: str) -> bool:
    """True for a first token that prints an object before the message: text with a slash or
    a value in it, ending in ``:`` (``docs/a-<*>.pdf:``, ``worker-<*>:``). Not a call with its
    argument (``GetBranch[<*>]:``, ``hook(<*>):``): that names the event.

    Such a token says what the event is about, not which event it is, as a component's dotted
    name says who logs: the same message after ``min_distinct_words`` of them makes it a
    variable. A constant label (``ceph plugin:``, ``iclouddrive:``) holds neither.
    """
    return _SUBJECT.fullmatch(token) is not None


# One word in quotes, possibly before a colon or comma ('main', "sensor.door":).
_QUOTED_WORD = re.compile(r"""(["'])[^\s"'<>]+\1[:,]?""")


def is_quoted_word(token: str) -> bool:
    """True for one word in quotes (``'main'``, ``"sensor.door"``).

    Formats quote what they insert (Python's ``%r`` and ``'%s'``, PostgreSQL's ``"%s"``), so
    such a first token is a value, as a component's dotted name is: the same event after
    ``min_distinct_words`` of them makes it a variable (two are no evidence yet: ``'get' got
    an unexpected keyword`` and ``'put' got ...`` may be two calls). A message that is one
    quoted text (klog's ``"Starting kubelet"``) has a space in it and is not such a word.
    """
    return _QUOTED_WORD.fullmatch(token) is not None


# A name as code writes it: words joined by dots or underscores (io.EOF, hall_lamp,
# sensor.door), or camel case (PingFrame, triggeredBy).
_IDENTIFIER = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+|[A-Z]?[a-z]+(?:[A-Z][a-z0-9]+)+"
)


def names_differ(mine: str, theirs: str) -> bool:
    """True if two different words in one place are both names as code writes them.

    A format's ``%s`` of an error, type, entity or unit prints such names (``io.EOF`` /
    ``net.ErrClosed``, ``sensor.hall_lamp`` / ``sensor.door``, ``PingFrame`` /
    ``GoAwayFrame``); the words of a sentence are plain, so two of them already vary.
    """
    if WILDCARD in mine or WILDCARD in theirs:
        return False
    a, b = bare_word(mine), bare_word(theirs)
    if a.isupper() or b.isupper() or not (_IDENTIFIER.fullmatch(a) and _IDENTIFIER.fullmatch(b)):
        return False  # UPPER_CASE names states and events (is_enum)
    if mine.replace(a, "", 1) != theirs.replace(b, "", 1):
        return False  # other punctuation around them: another place in the sentence
    # One type in two modules (raftpb.Snapshot / snappb.Snapshot) names two constants; a shared
    # lower-case suffix (db.service / web.service) is a kind of name, as an extension is.
    last = a.rsplit(".", 1)[-1]
    return last != b.rsplit(".", 1)[-1] or not last[:1].isupper()
