"""Masking of variable parts of log tokens (numbers, addresses, ids, paths ...) as ``<*>``.

Masking works on one whitespace-separated token at a time. Tokens repeat a lot (the constant
words of every template), so the masked form of a token is cached and the combined regex only
runs on tokens not seen recently. All masks therefore describe single tokens; dates written with
spaces (``Fri Jul  1 07:57:30 2005``) are cut out before splitting (see SPANS).

The boundaries follow the conventions of the corrected Loghub annotations: a variable is a whole
sub-token between delimiters such as ``. - : = , ( ) [ ]``, so ``node-12`` becomes ``node-<*>``
and ``blk_123`` becomes ``<*>``; a word with a single trailing digit (``ssh2``, ``tty1``) is a
constant; dates and times are masked field by field (``<*>-<*>-<*> <*>:<*>:<*>``).

Every masked token has exactly one value per ``<*>`` in it, in order; the rest of the package
relies on that to hand out parameters.
"""

from __future__ import annotations

import encodings.aliases
import errno
import hashlib
import re
import signal
from collections.abc import Callable
from itertools import repeat

WILDCARD = "<*>"

_HEX4 = "[0-9a-fA-F]{1,4}"
_UNIT_DURATION = r"(?:ns|us|µs|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?)"
_UNIT_SIZE = r"(?:[kKMGTP]i?[bB]|[kKMGT]|bytes?|B)"
_NO_WORD_BEFORE = r"(?<![A-Za-z0-9_])"
_NO_WORD_AFTER = r"(?![A-Za-z0-9_])"

# Error numbers and signals by name (EACCES, ENOSPC, SIGTERM): values of an error or signal
# placeholder, never the words of an event; the names come from the platform's own tables.
SYMBOL_NAMES = frozenset(errno.errorcode.values()) | {s.name for s in signal.Signals}
_SYMBOLS = "|".join(sorted(SYMBOL_NAMES, key=len, reverse=True))

# Lookaheads that only make masks fail sooner, never change what they match (a unit test
# compares the masks without them): a host name's first label, digits and hyphens included, is
# a run of [\w-] that ends at a dot (a port or address: at a colon or slash), so a long word
# without one (a 64-digit hash) is not tried at every length; an IPv6 address starts with at
# most four hex digits and a colon.
_DOT_AHEAD = r"(?=[\w-]*\.)"
_PORT_AHEAD = r"(?=[\w-]*[:/])"
_IPV6_AHEAD = r"(?=[0-9a-fA-F]{0,4}:)"
FAIL_FAST = (_DOT_AHEAD, _PORT_AHEAD, _IPV6_AHEAD)

# (name, pattern), tried in this order at each position. Earlier masks win where two could
# match at the same place, so specific shapes come before the generic number/id masks.
BUILTIN_MASKS: tuple[tuple[str, str], ...] = (
    # A quoted value: after a key (key="v", "key":"v", key='v') other than a message key
    # (msg="...", whose text is the event), or any quoted text with a space in it (a token only
    # holds spaces where tokenising joined a quoted value, see quoting.py), or the text of a
    # binary string as Erlang and Elixir print strings (<<"orders">>), or a list of strings
    # printed in quotes (Python's '%s' of a list: '['a', 'b']'; see quoting.py), or a token
    # that is one quoted text joined so, quotes of its own inside and all (an error's text:
    # '404, message='Not Found', url=URL('http://...')', round 89). The quotes
    # stay: key="<*>", <<"<*>">>, '<*>'.
    (
        "quoted",
        r"(?<![^\s(\[{,=:])(?:'\[[\"'].*?[\"']\]'|\"\[[\"'].*?[\"']\]\")(?![^\s,;:.)\]}])"
        r"|(?<!msg=)(?<!message=)(?<!\"msg\":)(?<!\"message\":)"
        r"(?:(?<=[=:])\"(?:[^\"\\]|\\.)*\"|(?<=[=:])'(?:[^'\\]|\\.)*')"
        r"|(?<=<<)\"(?:[^\"\\]|\\.)*\"(?=>>)"
        r"|(?<![^\s(\[{,])\"(?=[^\"]* )(?:[^\"\\]|\\.)*\""
        r"|^'(?=[^']* ).*'$"
        r"|(?<![^\s(\[{,])'(?=[^']* )(?:[^'\\]|\\.)*'",
    ),
    # A JSON array as a field's value ("peers":["a","b"]): a list, whose length varies with it.
    ("array", r'(?<=":)\[[^\[\]]*\]'),
    # An object in angle brackets with a space in it (<Task pending name='t1'>, <User 7:bob>):
    # a token only holds spaces where tokenising joined one, see quoting.join_angled.
    ("angled", r"<[A-Za-z][^<>\s]* [^<>]*>"),
    # The value of key=value when it looks numeric (retries=3, steps=15##7##2, ip=10.0.0.1), also
    # written in groups of three digits (number=1,234,567, as a number alone is): the key stays
    # and names the value. Other values (class=org.x.Server2) are usually constants.
    # A colon ending the value is the message's, as a full stop is (``from UID=%u: %s``,
    # ``size=%d:``): left out of the value, so it stays in the template (round 70).
    (
        "kv",
        r"(?<![\w.-])[A-Za-z_][\w.-]*=(?:-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w.,]\w|,\d)"
        r"|(?=[-+]?\d|[\w.:/@#+-]*\d\d)[\w./@#+-][\w.:/@#+-]*(?<![.:]))",
    ),
    # URLs keep their scheme ("hdfs://<*>") and are variables only when they contain a digit
    # (an endpoint's name@host address is one value whole: _WHOLE_ADDRESS);
    # a link without one (http://wiki.apache.org/x) is usually documentation text.
    # A URL with an empty host (unix:///run/x.sock, file:///etc/x) names a local file: a value.
    # A colon after it is the message's ("failed to dial https://h:1/x: EOF"), not the URL's.
    (
        "url",
        r"\b[A-Za-z][A-Za-z0-9+.-]*://(?=[^\s\"'<>()\[\]{}]*\d)[^\s\"'<>()\[\]{}]*[^\s\"'<>()\[\]{}:,;.]"
        r"|\b[A-Za-z][A-Za-z0-9+.-]*:///[^\s\"'<>()\[\]{}]*[^\s\"'<>()\[\]{}:,;.]",
    ),
    ("email", r"\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"),
    (
        "uuid",
        r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b",
    ),
    # A content digest names its algorithm, which has a digit (sha256:9f86d0..., md5:...): one
    # value, as the hash alone would be; 32 hex digits or more are no port, time or address.
    ("digest", r"(?<![\w:.-])[A-Za-z]+\d[A-Za-z0-9_+-]*:[0-9a-fA-F]{32,}(?!\w|:\w)"),
    ("mac", r"\b[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}\b"),
    (
        "timestamp",
        r"\b\d{4}[-/]\d{2}[-/]\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"
        # A time or a duration with a fraction finer than milliseconds (00:03:45.0152610,
        # 0:00:08.000000, 00:13:34.4561323ms): a time object's own text (.NET's TimeSpan, Python's
        # timedelta), one value, its unit with it; see _ONE_TIME.
        rf"|(?<![\w:.,/-])\d{{1,2}}:\d{{2}}:\d{{2}}\.\d{{4,}}(?:{_UNIT_DURATION})?(?!\w|:\w|[.,]\d)"
        r"|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b(?!:)",
    ),
    (
        "ipv6",
        rf"{_IPV6_AHEAD}(?:(?<![\w:])::ffff:(?:\d{{1,3}}\.){{3}}\d{{1,3}}(?![\w.])"
        rf"|(?<![\w:])(?:{_HEX4}:){{7}}{_HEX4}(?![\w:])"
        rf"|(?<![\w:])(?:{_HEX4}:){{1,6}}:(?:{_HEX4}(?::{_HEX4})*)?(?![\w:])"
        # A bare "::" (listening on all addresses) is kept as written.
        rf"|(?<![\w:])::{_HEX4}(?::{_HEX4})*(?![\w:]))",
    ),
    ("ipv4", r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\w)"),
    # Host names: a digit in the first label (ec2-52-80-1-2.compute.amazonaws.com; the digit
    # keeps Java packages such as org.apache.x out), or a common top-level domain (country
    # domains from a short list, so that keys such as mapred.task.id and files such as x.py stay).
    (
        "host",
        rf"(?<![\w./-]){_DOT_AHEAD}(?:[A-Za-z0-9-]*\d[A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+\.[a-z]{{2,}}"
        r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:(?:com|net|org|edu|gov|co|ac)\.[a-z]{2}"
        r"|com|net|org|edu|gov|mil|info|biz|local"
        r"|localdomain|internal|lan|de|uk|jp|cn|ru|fr|br|it|nl|au|ca|kr|tw|es|se|ch|be|dk"
        r"|fi|no|cz|hu|gr|pt|ie|nz|za|mx|ar|hk|sg|om))(?![\w-]|\.\w)"
        # A numbered host in a domain of one label (node-7.corp, web-12.lan), its name's words
        # joined by underscores too (issue_subnode-33.corp, as the instance mask allows).
        rf"|(?<![\w./-]){_DOT_AHEAD}[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*-\d+\.[a-z]{{2,}}"
        r"(?![\w/-]|\.\w)"
        # A host name with a digit in front of a port or an address: msra-sa-41:8030,
        # node-7/10.0.0.7.
        rf"|(?<![\w./-]){_PORT_AHEAD}[A-Za-z][A-Za-z0-9-]*\d[A-Za-z0-9-]*(?=:\d{{1,5}}(?![\d:])|/\d{{1,3}}\.)",
    ),
    ("version", r"(?<![\w.])[vV]\d+(?:\.\d+)+[\w-]*"),
    # A full stop after it ends the sentence (`expiration is set to EINVAL.`, `for EAGAIN...`).
    ("symbol", rf"(?<![\w.-])(?=[ES])(?:{_SYMBOLS})(?![\w-]|\.\w)"),
    ("hex", rf"{_NO_WORD_BEFORE}0[xX][0-9a-fA-F]+{_NO_WORD_AFTER}"),
    # A full stop after a path ends the sentence (`Could not delete /x/y.`), as after a URL.
    # A slash with no letter or digit after it is punctuation (FoundationDB's closing `/>`).
    (
        "path",
        r"(?<![\w/.])(?!/[^\w\s]*(?!\S))(?:/[^\s/\"'()\[\]{},;=|:]+)+/?(?<!\.)"
        r"|\b[A-Za-z]:\\[^\s\"'<>|]*"
        # Names joined by slashes with a digit in them, a namespace and a pod or an owner and a
        # repository (kube-system/web-7f9c-x2, user7/repo3): one value, as a path is; not a
        # hex id first (two ids: 3d50acb2/1ef062d), nor a host (db-3.cluster/img).
        r"|(?<![\w/.:@-])(?=[a-z][\w-]*/)(?![0-9a-f]+/)(?=[\w./-]*\d)[a-z][\w-]*(?:/[\w.-]+)+(?<!\.)"
        r"(?![\w/:@-]|\.\w)",
    ),
    # An instance's name, a lower-case word, a hyphen and a number standing alone (worker-3,
    # gateway-12, [replica-2], pod=cedar-5): one value, built by the program and passed whole to
    # the call (a format writes %s, hardly ever worker-%d); a version (fluentd-1.16.2), a name
    # with more parts after the number (pool-1-thread-3) or capitals (UTF-8, SHA-256) stay as
    # the number mask cuts them.
    ("instance", r"(?<![\w./@:#+-])[a-z][a-z_]*[a-z]-\d+(?![\w/@-]|\.[^,;:)\]]|:\w)"),
    ("duration", rf"{_NO_WORD_BEFORE}-?\d+(?:\.\d+)?{_UNIT_DURATION}{_NO_WORD_AFTER}"),
    ("size", rf"{_NO_WORD_BEFORE}\d+(?:\.\d+)?{_UNIT_SIZE}{_NO_WORD_AFTER}"),
    # A null as programs print it: null (Java, JavaScript, JSON), NULL (C, SQL); any other
    # spelling (`Null buf to load.`, `Null sink started`) is the English word opening a
    # sentence or a name, written by the call (see _NULLS). True and False are Python's
    # values, whatever their case.
    ("bool", rf"{_NO_WORD_BEFORE}(?:(?i:true|false)|null|NULL){_NO_WORD_AFTER}"),
    ("user", rf"{_NO_WORD_BEFORE}(?i:root|admin){_NO_WORD_AFTER}"),
    # Numbers, including a sign and dotted parts (3.14, 1.2.3), and numbers written in groups
    # of three digits (1,234,567: Java's MessageFormat, humanised counts), one value; not as a
    # call's arguments (get(5,123)).
    (
        "num",
        r"(?<![\w.,])(?<!\w\()-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w]|,\d)"
        rf"|(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)*{_NO_WORD_AFTER}",
    ),
    # Identifiers that contain digits: blk_123, appattempt_1445_0020, 12ab34, blk_-42.
    ("id", rf"{_NO_WORD_BEFORE}(?:-?\d\w*|[A-Za-z_]\w*?(?:\d|_-\d)\w*)"),
)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
# Dates written with spaces, which the per-token masks cannot see whole: "Fri Jul  1 07:57:30
# 2005" (ctime), "Jul 1 07:57:30" (syslog), "18 Oct 2015 07:57:30". One date is one variable.
SPANS = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}},?\s+\d{{1,2}}:\d{{2}}:\d{{2}}(?:[.,]\d+)?"
    rf"(?:\s+\d{{4}}\b)?"
    rf"|\b(?:{_WEEKDAY},?\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}(?:\s+\d{{1,2}}:\d{{2}}:\d{{2}})?\b"
)
# A span always has a month name as a token of its own; checking the tokens for one is much
# cheaper than searching every message with SPANS.
MONTHS = frozenset(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
)
# Stands for a masked span inside a message while it is split into tokens (a private-use code
# point; occurrences in the input are replaced first).
SPAN_MARK = "\ue000"
_DIGITS = re.compile(r"\d")
_DIGIT_RUNS = re.compile(r"(\d+)")
# The value of key=value that is a time of day or a duration written like one: 00:00:01.
_TIME_VALUE = re.compile(r"\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?")
# A method's name in lower camel case (addS3PathEntityV2): see Masker._mask.
_CAMEL_NAME = re.compile(r"[a-z]{2,}[a-z0-9]*[A-Z][A-Za-z0-9]*")
# A time or duration printed whole by its object: see the timestamp mask.
_ONE_TIME = re.compile(rf"\d{{1,2}}:\d{{2}}:\d{{2}}\.\d{{4,}}(?:{_UNIT_DURATION})?")
# The value of key=value that is a range or a ratio of two numbers: 5..9, 7/32.
_NUMBER_PAIR = re.compile(r"(\d+)(\.\.|/)(\d+)")
_KEY_VALUE = re.compile(r"([A-Za-z_][\w.-]*)=([^\s,;&)\]}\"']+)")

Values = tuple[tuple[str, str], ...]
Masked = tuple[str, Values]


# Masks that need one of these characters are left out of the regex for tokens without them:
# the combined regex is tried at every character, so fewer alternatives make it much faster.
_WIDE_CHARS = frozenset(".:/@\\")
_NARROW_MASKS = frozenset(
    {
        "quoted",
        "angled",
        "symbol",
        "kv",
        "uuid",
        "timestamp",
        "hex",
        "instance",
        "duration",
        "size",
        "bool",
        "user",
        "num",
        "id",
    }
)
# The commonest shapes of variable tokens, recognised whole without the combined regex; each
# alternative gives exactly what the combined regex gives (a unit test checks this).
_OCTETS = r"(?:\d{1,3}\.){3}\d{1,3}"
_SHAPES = re.compile(
    r"(?P<num>-?\d+(?:\.\d+){0,2})(?P<num_tail>[,;)\].]*:?)"
    r"|(?P<id>[A-Za-z]+_-?\d+(?:_[A-Za-z0-9]+)*)"
    rf"|(?P<ipv4>{_OCTETS})(?::(?P<port>\d{{1,5}}))?(?P<ipv4_tail>[,;)\]]*)"
    rf"|(?P<path>/{_OCTETS})(?::(?P<path_port>\d{{1,5}}))?(?P<path_tail>[,;)\]]*)"
)
_SPECIAL_WORDS = {"true": "bool", "false": "bool", "null": "bool", "root": "user", "admin": "user"}
# The spellings of null that are a value: programs print null or NULL (Python's None and Go's
# nil are words to the masks), never Null; the capitalised word is the call's own text (the
# bool mask's regex agrees).
_NULLS = frozenset({"null", "NULL"})


class Masker:
    """Masks one token at a time, with a bounded cache of recently seen tokens."""

    __slots__ = (
        "_cache",
        "_cache_size",
        "_fast",
        "_narrow",
        "_recipes",
        "_special",
        "_wide",
        "cached",
    )

    def __init__(
        self,
        extra_masks: tuple[tuple[str, str], ...] = (),
        disabled: tuple[str, ...] = (),
        cache_size: int = 65536,
    ) -> None:
        masks = [(f"x{i}_{name}", rx) for i, (rx, name) in enumerate(extra_masks)]
        masks += [(name, rx) for name, rx in BUILTIN_MASKS if name not in disabled]
        for group, rx in masks:
            re.compile(rx)  # fail early, naming the bad pattern
            if not re.fullmatch(r"[A-Za-z_]\w*", group):
                raise ValueError(f"mask name must be an identifier: {group!r}")
        narrow = [(g, rx) for g, rx in masks if g.startswith("x") or g in _NARROW_MASKS]
        self._wide = _combine(masks, not extra_masks).sub
        self._narrow = _combine(narrow, not extra_masks).sub
        # Plain words and common shapes skip the combined regex, unless the masks differ from
        # the built-in set (an extra mask could match them too).
        self._fast = not extra_masks and not disabled
        self._special = dict(_SPECIAL_WORDS)
        self._cache: dict[str, Masked] = {}
        self._cache_size = cache_size
        # Digit pattern of a token (see _digit_pattern) -> where its values are: new numbers in a
        # known shape (blk_-1234, 2015-10-18) are masked without the regex. Tokens without digits
        # are their own pattern here (see recipe).
        self._recipes: dict[bytes, Recipe | None] = {}
        # Lookup without masking; stays valid because the cache is cleared, never replaced.
        self.cached = self._cache.get

    def mask_token(self, token: str) -> Masked:
        """Return the token with variables replaced by ``<*>`` and the (name, value) pairs."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        if self._fast and token.isalpha():
            name = self._special.get(token.lower()) if len(token) <= 5 else None
            if name == "bool" and token not in _NULLS and token.lower() == "null":
                name = None
            if name is None and token in SYMBOL_NAMES:
                name = "symbol"
            result: Masked = (token, ()) if name is None else (WILDCARD, ((name, token),))
        elif self._fast and token.isdigit() and token.isascii():
            result = (WILDCARD, (("num", token),))
        elif self._fast and _DIGITS.search(token) is None:
            # Every common shape has a digit, and a token without one has no digit pattern:
            # only the regex is left (a third of the tokens that reach it).
            result = self._mask(token)
        elif self._fast and (shape := _SHAPES.fullmatch(token)) is not None:
            result = _from_shape(shape)
        elif self._fast:
            pattern = _digit_pattern(token)
            recipe = self._recipes.get(pattern) if pattern is not None else None
            if recipe is not None:
                result = _from_recipe(token, recipe)
            else:
                result = self._mask(token)
                if pattern is not None:
                    # A recipe from the second token of a pattern on: one-off tokens make none.
                    recipes = self._recipes
                    if pattern in recipes:
                        recipes[pattern] = _recipe(token, result)
                    else:
                        if len(recipes) >= self._cache_size:
                            recipes.clear()
                        recipes[pattern] = None
        else:
            result = self._mask(token)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()  # cheap bound; the hot tokens come back within a few messages
        self._cache[token] = result
        return result

    def mask_uncached(self, token: str) -> Masked:
        """:meth:`mask_token` without the cache, for one-off tokens such as long ones."""
        return self._mask(token)

    def recipe(self, token: str) -> Recipe | None:
        """How tokens that differ from ``token`` only in the values of their digits are masked.

        None if that could depend on the digits (see _digit_pattern), or if masks other than
        the built-in ones are in use.
        """
        if not self._fast:
            return None
        pattern = digit_pattern(token)  # the token's bytes if it has no digits
        recipes = self._recipes
        found = recipes.get(pattern)
        if found is None and WILDCARD not in token:
            found = _recipe(token, self.mask_token(token))
            if len(recipes) >= self._cache_size:
                recipes.clear()
            recipes[pattern] = found
        return found

    def _mask(self, token: str) -> Masked:
        if self._fast and (field := _QUOTED_FIELD.fullmatch(token)) is not None:
            key = field.group(1)
            if _plain_key(key) and WILDCARD not in token:
                quote = token[len(key) + 1]
                return (f"{key}={quote}{WILDCARD}{quote}", (("quoted", token[len(key) + 2 : -1]),))
        values: list[tuple[str, str]] = []

        def replace(match: re.Match[str]) -> str:
            group = match.lastgroup or ""
            text = match.group()
            if (
                group == "id"
                and text[0].isalpha()
                and (
                    _is_versioned_word(text)
                    or (text[0].isupper() and _is_constant_name(text))
                    or _CODE_NAME.fullmatch(text) is not None
                )
            ):
                return text
            if group == "id" and text[0].isalpha() and _is_standard_name(text):
                return text
            if (
                group == "id"
                and match.string[match.end() : match.end() + 1] == "("
                and _CAMEL_NAME.fullmatch(text)
            ):
                # A name in lower camel case glued to its brackets is a method's (a call,
                # addS3PathEntityV2(...)): code, its digits part of the name.
                return text
            name = group.split("_", 1)[1] if group.startswith("x") and "_" in group else group
            if group == "kv":
                key, value = text.split("=", 1)
                if _TIME_VALUE.fullmatch(value):
                    # A time stays a time after a key (delay=00:00:01): field by field, as
                    # dates and times are written everywhere else; the key names each field.
                    fields = _DIGIT_RUNS.split(value)
                    values.extend((key, field) for field in fields[1::2])
                    return f"{key}={WILDCARD.join(fields[0::2])}"
                pair = _NUMBER_PAIR.fullmatch(value)
                if pair is not None:
                    # Two numbers joined by ``..`` or ``/`` (TigerBeetle's ``op=5..9``, a count
                    # of a total, ``clients=7/32``) are two values, as a format writes them.
                    values.extend(((key, pair[1]), (key, pair[3])))
                    return f"{key}={WILDCARD}{pair[2]}{WILDCARD}"
                values.append((key, value))
                return f"{key}={WILDCARD}"
            if group == "timestamp" and _ONE_TIME.fullmatch(text):
                # A time with a fraction of a second and no date is printed whole by the object
                # it is (a TimeSpan, a timedelta); a format does not write its fields one by one.
                values.append(("timestamp", text))
                return WILDCARD
            if group == "timestamp":
                # Dates and times are written field by field (<*>-<*>-<*> <*>:<*>:<*>) in the
                # Loghub annotations; each field is a value named timestamp.
                fields = _DIGIT_RUNS.split(text)
                values.extend(("timestamp", field) for field in fields[1::2])
                return WILDCARD.join(fields[0::2])
            if group == "quoted":
                values.append((name, text[1:-1]))
                return f"{text[0]}{WILDCARD}{text[0]}"
            if group == "url":
                scheme, rest = text.split("://", 1)
                if _WHOLE_ADDRESS.match(rest):
                    # A local file's URI (file:///etc/x) or an endpoint's address with its
                    # name (pekko://Cluster@10.0.0.1:2552) is an object printed whole.
                    values.append((name, text))
                    return WILDCARD
                port = _LAST_PORT.fullmatch(rest)
                if port is not None:
                    # A URL that ends in its port (http://h:8080, http://h:8080/): the format
                    # wrote the host and the port apart (``http://%s:%d``), two values, the
                    # host whole whatever it holds (round 78).
                    values.append((name, port[1]))
                    values.append(("num", port[2]))
                    return f"{scheme}://{WILDCARD}:{WILDCARD}{port[3]}"
                values.append((name, rest))
                return f"{scheme}://{WILDCARD}"
            values.append((name, text))
            return WILDCARD

        if self._fast:  # the built-in masks: only those that can match in the token
            sub = _builtin_sub(token)
        else:
            sub = self._narrow if _WIDE_CHARS.isdisjoint(token) else self._wide
        if WILDCARD in token:
            # A literal <*> in the input is a value, so that masks and values stay in step.
            parts = token.split(WILDCARD)
            masked_parts = []
            for i, part in enumerate(parts):
                if i:
                    values.append(("literal", WILDCARD))
                masked_parts.append(sub(replace, part))
            masked = WILDCARD.join(masked_parts)
        else:
            masked = sub(replace, token)
        if values and "=" in token:
            values = _name_key_values(token, values)
        return (masked, tuple(values))


# What follows a URL's scheme when the URL is one value, scheme and all: an empty host (a
# local file or socket, file:///etc/x, unix:///run/x.sock), or a name before ``@`` and a host
# with no path after it (an actor system's or a client's endpoint, pekko://Cluster@h:2552).
_WHOLE_ADDRESS = re.compile(r"[^/@]+@[^/@]+$")

# A URL's rest that ends in a port, with at most a slash after it: the host (anything before
# the last colon) and the port, two values (round 78).
_LAST_PORT = re.compile(r"(.+):(\d{1,5})(/?)")


# What a token must hold for a built-in mask to match anywhere in it: a character of each of
# the entry's groups. The combined regex tries every mask at every position of a token, so a
# mask that cannot match is left out of it: a token without a digit, a quote, an equals sign
# or a colon is masked by a regex of at most 9 of the 23 masks, with the same result (a test
# checks each entry against its mask). Masks not listed stay in. A token's kind says which
# groups it holds a character of, in the order of _GROUPS (DIGIT: any digit, as \d matches).
DIGIT = "0"
_GROUPS = ("\"'", "=", ":", ".", "/\\", "@", DIGIT)
_NEEDS: dict[str, tuple[str, ...]] = {
    "quoted": ("\"'",),
    "kv": ("=", DIGIT),
    "url": (":",),
    "email": ("@",),
    "digest": (":", DIGIT),
    "mac": (":",),
    "timestamp": (DIGIT,),
    "ipv6": (":",),
    "ipv4": (".", DIGIT),
    "host": (".", ":", "/\\"),  # any one of them
    "version": (".", DIGIT),
    "hex": (DIGIT,),
    "path": ("/\\",),
    "instance": (DIGIT,),
    "duration": (DIGIT,),
    "size": (DIGIT,),
    "num": (DIGIT,),
    "id": (DIGIT,),
}
_ANY_OF = frozenset({"host"})  # the groups listed are alternatives, not all needed
Kind = tuple[bool, bool, bool, bool, bool, bool, bool]
Sub = Callable[[Callable[[re.Match[str]], str], str], str]
# Kind of token -> the sub of its regex. Like re's own cache of compiled patterns, shared by
# all miners: at most 2**7 kinds, a few tens occur.
_SUBS: dict[Kind, Sub] = {}


def _builtin_sub(token: str) -> Sub:
    """The combined regex of the built-in masks without those that cannot match in ``token``."""
    # Membership tests on the str, in _GROUPS order: much cheaper than a set of its characters.
    kind = (
        '"' in token or "'" in token,
        "=" in token,
        ":" in token,
        "." in token,
        "/" in token or "\\" in token,
        "@" in token,
        _DIGITS.search(token) is not None,
    )
    sub = _SUBS.get(kind)
    if sub is None:
        held = {group for group, present in zip(_GROUPS, kind, strict=True) if present}
        masks = [
            (name, rx)
            for name, rx in BUILTIN_MASKS
            if (any if name in _ANY_OF else all)(g in held for g in _NEEDS.get(name, ()))
        ]
        sub = _SUBS[kind] = _combine(masks, True).sub
    return sub


# key="text" or key='text' (logfmt, FoundationDB's trace events), masked as the combined regex
# masks it without running it: the quoted mask takes the text whole, its first quote or
# backslash ends it, and no mask matches a key of letters and underscores (no digit, dot or
# hyphen) unless it is a symbol, bool or user word; after msg= or message= the text is the
# event (see the quoted mask). A value's name is never changed by key=value text inside the
# quotes, which is shorter than the value. A unit test compares this with the regex.
_QUOTED_FIELD = re.compile(r"([A-Za-z_]+)=(?:\"[^\"\\]*\"|'[^'\\]*')")


def _plain_key(key: str) -> bool:
    return (
        key not in SYMBOL_NAMES
        and key.lower() not in _SPECIAL_WORDS
        and not key.endswith(("msg", "message"))
    )


def _from_shape(match: re.Match[str]) -> Masked:
    """Masked form of a token that matched one of the common _SHAPES."""
    group = match.lastgroup
    if group == "id":
        return (WILDCARD, (("id", match.group()),))
    if group == "num_tail":
        return (WILDCARD + match.group("num_tail"), (("num", match.group("num")),))
    name = "ipv4" if match.group("ipv4") is not None else "path"
    address = match.group(name)
    port = match.group("port" if name == "ipv4" else "path_port")
    tail = match.group(f"{name}_tail")
    if port is None:
        return (WILDCARD + tail, ((name, address),))
    return (f"{WILDCARD}:{WILDCARD}{tail}", ((name, address), ("num", port)))


# Every ASCII digit written 0: tokens that differ only in the values of their digits (not in
# how many there are, or where) are masked alike by the built-in masks. Their only test of a
# digit's value is the 0 of 0x (hex): where a digit comes before x or X, the pattern keeps 0
# apart from the other digits (digit_pattern). Tokens holding a literal <*> have no pattern;
# values named after a key (key=value) are checked when the recipe is made.
ZERO_DIGITS = str.maketrans("123456789", "000000000")
_ZERO_BYTES = bytes.maketrans(b"123456789", b"000000000")
_ONE_BYTES = bytes.maketrans(b"23456789", b"11111111")


def digit_pattern(text: str) -> bytes:
    """``text`` with its digits written 0, or 0 and 1 (not 0) if a digit comes before x or X.

    Two texts with the same pattern differ only in digits, in ways no built-in mask tests. The
    pattern is of the UTF-8 bytes (much cheaper to translate than a str): a digit is one byte
    and never part of another character's bytes.
    """
    encoded = text.encode("utf-8", "surrogatepass")
    pattern = encoded.translate(_ZERO_BYTES)
    if b"0x" in pattern or b"0X" in pattern:
        return encoded.translate(_ONE_BYTES)  # 1-9 written 1: never equal to a pattern of 0s
    return pattern


# A whole token of eight or more lowercase hex characters, at least two of them digits and one a
# letter (a request id, a hash, a commit), is masked as one ``id`` value whatever its letters
# (test_masking checks this on random tokens). In a message's pattern (id_pattern) such a token
# is written as bytes 0xff, which UTF-8 never holds: messages that differ only in such ids, as
# well as in digits, share a pattern. The bytes regex's whitespace is ASCII only, a subset of
# what str.split splits on, so a token found here is a token of the message.
_HEX_ID = re.compile(rb"(?<!\S)(?=[a-f]*0[a-f]*0)(?=0*[a-f])[0a-f]{8,}(?!\S)")


def _hidden(match: re.Match[bytes]) -> bytes:
    return b"\xff" * (match.end() - match.start())


# Bytes 0 and a-f written h, all others a dot: a hex id needs eight h in a row. Most messages
# have no such run, and one translate and a search tell so in a quarter less time than the
# regex, whose lookbehind is tried at every byte.
_HEX_BYTES = bytes(0x68 if byte in b"0abcdef" else 0x2E for byte in range(256))


def id_pattern(pattern: bytes) -> bytes:
    """A message's :func:`digit_pattern` with its hex-id tokens (see _HEX_ID) written 0xff.

    Two messages with the same id pattern are tokenised alike, as with the same digit pattern;
    it costs a regex search, so callers look the digit pattern up first."""
    if b"hhhhhhhh" not in pattern.translate(_HEX_BYTES):
        return pattern
    return _HEX_ID.sub(_hidden, pattern)


# A recipe: the masked token, or None if it keeps digits of its own (ssh2) and is rebuilt from
# each token out of the slices between values; the names of the values and their slices.
Recipe = tuple[str | None, tuple[str, ...], tuple[slice, ...], tuple[slice, ...]]


def _digit_pattern(token: str) -> bytes | None:
    """The key of ``token`` in the recipe cache, or None if it has no digits or no recipe."""
    pattern = digit_pattern(token)
    if (b"0" not in pattern and b"1" not in pattern) or WILDCARD in token:
        return None
    return pattern


def _recipe(token: str, result: Masked) -> Recipe | None:
    """Where the values of ``result`` lie in ``token``, if it is ``token`` with them cut out."""
    masked, values = result
    parts = masked.split(WILDCARD)
    if len(parts) != len(values) + 1:
        return None
    spans = []
    position = 0
    for part, (name, value) in zip(parts, values, strict=False):
        if not token.startswith(part, position):
            return None
        position += len(part)
        if not token.startswith(value, position):
            return None
        spans.append((name, position, position + len(value)))
        position += len(value)
    if token[position:] != parts[-1]:
        return None
    if "=" in token and not _names_fixed(token, spans):
        return None
    own_digits = "0" in masked.translate(ZERO_DIGITS)
    names = tuple(name for name, _, _ in spans)
    ends = [0] + [end for _, _, end in spans]
    starts = [start for _, start, _ in spans] + [None]
    return (
        None if own_digits else masked,
        names,
        tuple(slice(start, end) for _, start, end in spans),
        tuple(map(slice, ends, starts)),
    )


def _names_fixed(token: str, spans: list[tuple[str, int, int]]) -> bool:
    """True if the names of values in a key=value token cannot change with its digits.

    A value is named after a key it follows, and values are renamed by equal text
    (_name_key_values): names must hold no digits, and texts that could become equal must be
    one place in the token.
    """
    places = [(start, end) for _, start, end in spans]
    places += [match.span(2) for match in _KEY_VALUE.finditer(token)]
    seen: dict[str, tuple[int, int]] = {}
    for start, end in places:
        if seen.setdefault(token[start:end].translate(ZERO_DIGITS), (start, end)) != (start, end):
            return False
    return not any("0" in name.translate(ZERO_DIGITS) for name, _, _ in spans)


def _from_recipe(token: str, recipe: Recipe) -> Masked:
    """Mask ``token`` as the token its recipe was made from was masked."""
    masked, names, values, between = recipe
    cut = token.__getitem__
    if masked is None:
        masked = WILDCARD.join(map(cut, between))
    return (masked, tuple(zip(names, map(cut, values), strict=True)))


# No built-in mask starts a match between two ASCII word characters: each begins with a
# character that is no word character, or after one (\b, (?<![\w...]) or _NO_WORD_BEFORE). The
# combined regex is tried at every position of a token, and most positions are inside words,
# so this one test in front skips all the masks there (a unit test compares the masks without
# it). Not with extra masks, which may start anywhere.
NOT_MID_WORD = r"(?!(?<=[A-Za-z0-9_])[A-Za-z0-9_])"


def _combine(masks: list[tuple[str, str]], builtin_only: bool) -> re.Pattern[str]:
    if not masks:
        return re.compile(r"(?!x)x")
    combined = "|".join(f"(?P<{group}>{rx})" for group, rx in masks)
    return re.compile(f"{NOT_MID_WORD}(?:{combined})" if builtin_only else combined)


_SEPARATE_NUMBER = re.compile(r"[_-]\d")
# A function's name as C code writes it, a short number amid its words, two words before it
# and a word last (``input_osc_52_parse``): a name of the code, not an id (``blk_123``,
# ``task_1445_m_000001``, ``broadcast_9_piece0`` end in digits; ``osc_52_x`` is left to the
# shapes of values, _SHAPES, as it was).
_CODE_NAME = re.compile(r"[a-z]+(?:_[a-z]+)+_\d{1,3}(?:_[a-z]{2,})+")


def _is_versioned_word(word: str) -> bool:
    """ssh2, tty1, log4j, jk2_init: one digit glued to a word is part of a name."""
    return len(_DIGITS.findall(word)) < 2 and _SEPARATE_NUMBER.search(word) is None


# A constant as code names it: UPPER_CASE parts joined by underscores (``DHCP4_PACKET_DROP_0005``,
# ``OFPST11_GROUP_DESC``); at least two parts start with two letters.
_CONSTANT_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_NAME_PART = re.compile(r"(?:^|_)[A-Z]{2}")


# Names of standards whose digits are their own (sha256, SHA512, base64, cp1252, utf16): the
# hash algorithms every Python guarantees and its codec table (round 34), letters then two
# digits or more. A word written so is the name the code prints, in any program and language;
# its digit pattern is what counts (sha256 and sha384 alike), so caches keyed by it agree. A
# unit's letters (ms932) are left out: ms500 is more likely a duration.
_STANDARD_SHAPE = re.compile(r"([a-z]{2,})[0-9]{2,}")
_STANDARD_PATTERNS = frozenset(
    digit_pattern(name)
    for name in {n.lower() for n in hashlib.algorithms_guaranteed}
    | set(encodings.aliases.aliases)
    | set(encodings.aliases.aliases.values())
    if (shape := _STANDARD_SHAPE.fullmatch(name)) is not None and shape.group(1) not in ("ms", "us")
)


def _is_standard_name(word: str) -> bool:
    """A hash algorithm or codec named with its digits (``SHA256``, ``base64``): a name."""
    return _STANDARD_SHAPE.fullmatch(word.lower()) is not None and (
        digit_pattern(word.lower()) in _STANDARD_PATTERNS
    )


def _is_constant_name(word: str) -> bool:
    """A message id or enum constant whose digits are its own (``DHCP4_PACKET_DROP_0005``,
    ``TCA_STATS2``): a name of the code, not a value, though it holds numbers."""
    return _CONSTANT_NAME.fullmatch(word) is not None and len(_NAME_PART.findall(word)) >= 2


def _name_key_values(token: str, values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Name a value after its key where the token holds ``key=value`` (``(uid=0)`` -> uid)."""
    keys = {value: key for key, value in _KEY_VALUE.findall(token)}  # (key, value) pairs
    return [(keys.get(value, name), value) for name, value in values]


# Units after a number ("5.2 KB", "30 ms", "2010 bytes") name the value size or duration. The
# unit stays a word of the template, as most annotations write it ("memory <*> MB").
_SIZE_UNITS = ("B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "kB", "byte", "bytes")
_TIME_UNITS = (
    "ns",
    "us",
    "µs",
    "ms",
    "s",
    "sec",
    "secs",
    "second",
    "seconds",
    "min",
    "mins",
    "minute",
    "minutes",
    "h",
    "hr",
    "hrs",
    "hour",
    "hours",
    "day",
    "days",
    "milliseconds",
    "microseconds",
)
_TRAILING = ("", ",", ".", ";", ":", ")", "]")
_UNIT_NAMES = {
    unit + tail: name
    for units, name in ((_SIZE_UNITS, "size"), (_TIME_UNITS, "duration"))
    for unit in units
    for tail in _TRAILING
}
UNIT_TOKENS = frozenset(_UNIT_NAMES)


def name_units(tokens: list[str], values: list[tuple[str, str]]) -> None:
    """Rename ``num`` values followed by a unit token to size or duration, in place.

    ``values`` holds one entry per ``<*>`` in ``tokens``, in order.
    """
    units = [i for i, token in enumerate(tokens) if i and token in _UNIT_NAMES]
    if not units:
        return
    counts = list(map(str.count, tokens, repeat(WILDCARD, len(tokens))))
    for index in units:
        if tokens[index - 1] == WILDCARD:
            cursor = sum(counts[: index - 1])
            name, number = values[cursor]
            if name == "num":
                values[cursor] = (_UNIT_NAMES[tokens[index]], number)
