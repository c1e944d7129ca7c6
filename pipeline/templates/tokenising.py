"""From a raw message to masked tokens and the values behind their ``<*>``.

The steps, in order: cut to ``max_message_chars``; reduce a multi-line message to its first
line and exception type; mask multi-token dates; split on whitespace; join a quoted value
spanning tokens into one, an object in angle brackets, an error text of the C library, and the
value of an error key (``err=deadline has elapsed``);
fold tokens beyond ``max_tokens`` into one trailing ``<*>``; replace tokens longer than
``max_token_chars`` by ``<*>`` (a JSON object only if its masked form is still too long); mask
each token; keep a message code in front as a word; fold unit symbols into the number before
them; give a path back a full stop that ends no sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.templates.config import MinerConfig
from pipeline.templates.errtexts import (
    CHAIN_FIRST_WORDS,
    FIRST_WORDS,
    join_error_texts,
    join_error_values,
    join_exceptions,
    join_go_chain,
    split_chain_closing,
    split_error_token,
    split_error_value,
    split_exception,
)
from pipeline.templates.masking import (
    MONTHS,
    SPAN_MARK,
    SPANS,
    UNIT_TOKENS,
    WILDCARD,
    ZERO_DIGITS,
    Masker,
    digit_pattern,
    name_units,
)
from pipeline.templates.multiline import summarise
from pipeline.templates.quoting import (
    LIST_OPENING,
    join_angled,
    join_quoted,
    logrus_quoted,
    unquote_spaced_values,
)
from pipeline.templates.stats import Counters

# Every word a check of a message's tokens looks for (Tokeniser._tokenise): without one among
# the tokens as split, none of those checks can find anything in them.
_MARKED = MONTHS | FIRST_WORDS | CHAIN_FIRST_WORDS | UNIT_TOKENS

# A message code first (HHH000412:, ORA-00942:, CWWKF0011I:) names the event, as a first word
# does: it stays a word of the template though it holds digits.
_MESSAGE_CODE = re.compile(r"[A-Z]{2,}[-_]?\d{3,}[A-Z]?:")

Values = list[tuple[str, str]]
MaskToken = Callable[[str], tuple[str, tuple[tuple[str, str], ...]]]
# A message pattern gets a recipe when seen this many times (see Tokeniser.tokenise).
RECIPE_AFTER = 5
# How to tokenise messages that differ only in the values of their digits: the tokens ("" where
# a token keeps digits of its own), the slices of the message between the values of each such
# token, and the names and slices of all values.
MessageRecipe = tuple[
    tuple[str, ...],
    tuple[tuple[int, tuple[slice, ...]], ...],
    tuple[str, ...],
    tuple[slice, ...],
]


def normalised_message(message: str, config: MinerConfig) -> str:
    """The text a template describes: what :meth:`Tokeniser.tokenise` sees, spaces folded.

    Every message matches the template it was given in this sense: the template, with each
    ``<*>`` read as "any run of characters, possibly empty", matches the whole of this text.
    """
    message = message[: config.max_message_chars]
    if "\n" in message or "\r" in message:
        message = summarise(message)
    return " ".join(message.split())


# An exception of a namespace in capitals with a message (System.IO.IOException: Disk full).
_SENTENCE_MESSAGE = re.compile(r"[A-Z][\w$]*\.\S*: ")
# The fields of a JSON object after the quoted text that ends in this token: a message key's
# text with spaces in it was split there, and the object's other fields follow it glued
# (``successful","connector_id":"..."`` of ``{"msg":"token exchange successful",...}``).
_JSON_REST = re.compile(r'[^"]*",\s*"[^"\s]+":')


class Tokeniser:
    """Masks messages into tokens; shared by the miners of all services (it holds no state
    other than caches: the masker's per token, and recipes per digit pattern of a message)."""

    __slots__ = (
        "_cached",
        "_config",
        "_counters",
        "_mask_token",
        "_masker",
        "_recipe_chars",
        "_recipes",
        "_recipes_size",
        "_sightings",
    )

    def __init__(self, config: MinerConfig, masker: Masker, counters: Counters) -> None:
        self._config = config
        self._masker = masker
        self._mask_token: MaskToken = masker.mask_token
        self._cached = masker.cached  # the cache's own dict.get: no Python call per hit
        self._counters = counters
        # Digit pattern of a message (masking.digit_pattern) -> its MessageRecipe. Most new
        # messages are known events with new numbers (ids, addresses, times, sizes) and are
        # tokenised from the recipe, without splitting and masking. A message only gets a
        # recipe when masking cannot depend on its digits' values (see masking.Masker.recipe)
        # and its tokens follow from its text alone (no cut, summary, fold or long token), as
        # they then depend on nothing but lengths and characters other than digits. Bounded like
        # the exact-message cache.
        self._recipes: dict[bytes, MessageRecipe | None] = {}
        self._sightings: dict[bytes, int] = {}  # patterns without a recipe yet: times seen
        self._recipes_size = config.max_cached_messages
        self._recipe_chars = config.max_cached_message_chars if config.max_cached_messages else -1

    def tokenise(self, message: str) -> tuple[list[str], Values]:
        if len(message) > self._recipe_chars:
            tokens, values, _ = self._tokenise(message)
            return tokens, values
        tokens, values, _ = self.tokenise_pattern(message, digit_pattern(message))
        return tokens, values

    def tokenise_pattern(
        self, message: str, pattern: bytes
    ) -> tuple[list[str], Values, MessageRecipe | None]:
        """:meth:`tokenise` of a message within the recipe length whose digit pattern the
        caller has computed; also the recipe the tokens came from, if they came from one."""
        recipes = self._recipes
        recipe = recipes.get(pattern)
        if recipe is not None:
            tokens, values = tokens_from_recipe(message, recipe)
            return tokens, values, recipe
        tokens, values, common = self._tokenise(message)
        if (b"0" in pattern or b"1" in pattern or b"\xff" in pattern) and pattern not in recipes:
            # Digits: more messages may come with this pattern. A recipe costs several
            # tokenisings to make, so only patterns seen RECIPE_AFTER times get one.
            sightings = self._sightings
            seen = sightings.pop(pattern, 0) + 1
            if len(sightings) >= self._recipes_size:
                sightings.clear()
            if seen < RECIPE_AFTER:
                sightings[pattern] = seen
            else:
                if len(recipes) >= self._recipes_size:
                    recipes.clear()
                recipes[pattern] = self._recipe(message, tokens, values) if common else None
        return tokens, values, None

    def _tokenise(self, message: str) -> tuple[list[str], Values, bool]:
        """Tokens and values of ``message``, and whether it took the common path."""
        config = self._config
        counters = self._counters
        common = True  # the tokens follow from the message's text alone (see _recipes)
        if len(message) > config.max_message_chars:
            counters.truncated_messages += 1
            message = message[: config.max_message_chars]
            common = False
        summarised = False
        if "\n" in message or "\r" in message:
            counters.multiline_messages += 1
            message = summarise(message)
            common = False
            summarised = True
        raw = split = message.split()
        # Whether a word of the message is one that a check below looks for (a month, the first
        # word of an error text or a chain, a unit): one pass over the tokens as split, which
        # spares the checks of those tokens (raw is split) three of their four passes.
        marked = not _MARKED.isdisjoint(raw)
        spans: list[str] = []
        if marked and not MONTHS.isdisjoint(raw) and SPAN_MARK not in message:
            message, spans = _cut_spans(message)
            raw = message.split()
        quoted_spans = False
        if '"' in message or "'" in message:
            joined = join_quoted(raw)
            if joined is not None:
                # A quoted value with spaces is one token (quoting.py); its tokens no longer
                # follow from splitting alone, so it gets no recipe.
                raw = joined
                common = False
                quoted_spans = True
        if "<" in message:
            angled = join_angled(raw)
            if angled is not None:
                # An object in angle brackets is one value (quoting.py); no recipe, as above.
                raw = angled
                common = False
        errors: set[int] = set()
        if not spans and (marked or raw is not split) and not FIRST_WORDS.isdisjoint(raw):
            found = join_error_texts(raw)
            if found is not None:
                # An error text of the C library is one value (errtexts.py); no recipe.
                raw, errors = found
                common = False
        keyed: set[int] = set()
        if not spans and ("r=" in message or "r:" in message):
            values_found = join_error_values(raw, errors)
            if values_found is not None:
                # The value of an error key is one value, free text (errtexts.py); no recipe.
                raw, errors, keyed = values_found
                common = False
        thrown: set[int] = set()
        if not spans and ("Exception" in message or "Error" in message):
            thrown_found = join_exceptions(raw, errors, keyed, summarised)
            if thrown_found is not None:
                # An exception with its message is one value (errtexts.py); no recipe.
                raw, errors, keyed, thrown = thrown_found
                common = False
        chained = -1
        if not spans and (marked or raw is not split) and not CHAIN_FIRST_WORDS.isdisjoint(raw):
            chain_found = join_go_chain(raw, (errors, keyed, thrown))
            if chain_found is not None:
                # A Go error chain after a word is one value, to the end (errtexts.py).
                raw, chained, (errors, keyed, thrown) = chain_found
                common = False
        tail: str | None = None
        if len(raw) > config.max_tokens:
            counters.truncated_tokens += 1
            tail = " ".join(raw[config.max_tokens - 1 :])
            raw = raw[: config.max_tokens - 1]
            common = False
        if spans or errors or keyed or thrown or chained >= 0:
            tokens, values = self._mask_slowly(raw, spans, errors, keyed, thrown, chained)
            common = common and max(map(len, raw)) <= config.max_token_chars
        elif (
            # No token is longer than the message (joined tokens keep one space of each gap).
            len(message) > config.max_token_chars
            and raw
            and max(map(len, raw)) > config.max_token_chars
        ):
            tokens, values = self._mask_slowly(raw, spans)
            common = False
        else:
            # The common case in one pass of comprehensions: no spans, no overlong tokens.
            cached, mask_token = self._cached, self._mask_token
            pairs = [cached(token) or mask_token(token) for token in raw]
            tokens = [pair[0] for pair in pairs]
            values = [value for pair in pairs if pair[1] for value in pair[1]]
        if raw and raw[0][-1:] == ":" and tokens[0] != raw[0] and _MESSAGE_CODE.fullmatch(raw[0]):
            del values[: tokens[0].count(WILDCARD)]
            tokens[0] = raw[0]
            common = False  # its digits are its own: no recipe (which would fail its check)
        if (quoted_spans and raw[0][:1] != '"') or (
            message[:5] == 'msg="' and logrus_quoted(message)
        ):
            # A key's value in quotes it needed is the bare value (quoting.py); logrus quotes
            # values with more than spaces in them, and its message opens with ``msg="``.
            unquote_spaced_values(raw, tokens)
        if tail is not None:
            tokens.append(WILDCARD)
            values.append(("truncated", tail))
        if values and (marked or raw is not split) and not UNIT_TOKENS.isdisjoint(raw):
            name_units(tokens, values)
        if ". " in message and values:
            _rejoin_inner_stops(tokens, values)
        return tokens, values, common

    def _recipe(self, message: str, tokens: list[str], values: Values) -> MessageRecipe | None:
        """The recipe of a message that took the common path, if its tokens all have one.

        Each value is a slice of the message: a token's values lie where its recipe puts them,
        and the fields of a date span (cut out before splitting, see _cut_spans) where the span
        was; a token keeping digits of its own is rebuilt from the slices between its values.
        """
        if SPAN_MARK in message:
            return None  # as written in the message, not a cut span
        dates: list[tuple[int, int]] = []
        if not MONTHS.isdisjoint(message.split()):
            dates = [match.span() for match in SPANS.finditer(message)]
        pieces = []
        previous = 0
        for start, end in dates:
            pieces.append(message[previous:start])
            previous = end
        pieces.append(message[previous:])
        split = SPAN_MARK.join(pieces).split()
        if len(split) != len(tokens):
            return None
        recipe = self._masker.recipe
        cached, mask_token = self._cached, self._mask_token
        constant: list[str] = []
        rebuilt: list[tuple[int, tuple[slice, ...]]] = []
        slices: list[slice] = []
        position = 0  # in the message
        date = 0  # the next date span
        for index, token in enumerate(split):
            parts = token.split(SPAN_MARK)
            # Only whitespace lies between the previous token and this one.
            start = position = message.find(parts[0], position) if parts[0] else dates[date][0]
            own: list[slice] = []
            keeps_digits = False
            for number, part in enumerate(parts):
                if number:
                    span_start, span_end = dates[date]
                    date += 1
                    if span_start != position:
                        return None
                    for field in message[span_start:span_end].split(":"):
                        own.append(slice(position, position + len(field)))
                        position += len(field) + 1
                    position = span_end
                if not part:
                    continue
                if (
                    "0" not in part.translate(ZERO_DIGITS)
                    and not (cached(part) or mask_token(part))[1]
                ):
                    position += len(part)  # a constant word: nothing to cut
                    continue
                made = recipe(part)
                if made is None or not message.startswith(part, position):
                    return None
                own.extend(slice(position + s.start, position + s.stop) for s in made[2])
                keeps_digits = keeps_digits or made[0] is None
                position += len(part)
            slices.extend(own)
            if keeps_digits:
                constant.append("")
                stops = [s.start for s in own] + [position]
                starts = [start] + [s.stop for s in own]
                rebuilt.append((index, tuple(map(slice, starts, stops))))
            else:
                constant.append(tokens[index])
        if len(slices) != len(values):
            return None
        names = tuple(name for name, _ in values)
        made_recipe = (tuple(constant), tuple(rebuilt), names, tuple(slices))
        if tokens_from_recipe(message, made_recipe) != (tokens, values):
            return None  # not expected; a recipe must give what tokenising gave
        return made_recipe

    def _mask_long(self, token: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """A token over ``max_token_chars``: one ``long`` value, unless it is a JSON object
        whose masked form fits (zap's fields: keys are the event's, values are masked), or
        the rest of one after a quoted text with spaces (slog's JSON ``"msg":"..."``), or a
        list of strings in quotes (``'['a', 'b']'``: ``'<*>'`` as a short one is)."""
        if token[:2] == '{"' or _JSON_REST.match(token) or LIST_OPENING.search(token):
            masked, found = self._masker.mask_uncached(token)
            if len(masked) <= self._config.max_token_chars:
                return masked, found
        self._counters.long_tokens += 1
        return WILDCARD, (("long", token),)

    def _mask_slowly(
        self,
        raw: list[str],
        spans: list[str],
        errors: set[int] | frozenset[int] = frozenset(),
        keyed: set[int] | frozenset[int] = frozenset(),
        thrown: set[int] | frozenset[int] = frozenset(),
        chained: int = -1,
    ) -> tuple[list[str], Values]:
        """Token by token, for messages with spans, joined error texts (at ``errors``, each
        written ``<*>`` with the text around it in its token masked as usual), joined values of
        error keys (at ``keyed``, written ``key=<*>``) or tokens over ``max_token_chars``."""
        mask_token = self._mask_token
        limit = self._config.max_token_chars
        tokens: list[str] = []
        values: Values = []
        for index, token in enumerate(raw):
            if index == chained:
                # A Go error chain (errtexts.join_go_chain); the quote or bracket closing
                # around it (msg="...", "(err %v)") is the message's.
                error, closing = split_chain_closing(token)
                tokens.append(WILDCARD + closing)
                values.append(("errtext", error))
                continue
            if index in thrown:
                key, exception, after = split_exception(token)
                if after == "." and index == len(raw) - 1 and _SENTENCE_MESSAGE.match(exception):
                    # A full stop ending the message after the message of an exception of a
                    # namespace in capitals (.NET's System.IO) is that message's: .NET writes
                    # its exception messages as sentences (``The operation was canceled.``),
                    # Java does not, and a Java format's own ``{}.`` keeps its full stop.
                    exception, after = token[len(key) :], ""
                tokens.append(f"{key}{WILDCARD}{after}")
                values.append((key[:-1] or "exception", exception))
                continue
            if index in keyed:
                key, separator, error = split_error_value(token)
                tokens.append(f"{key}{separator}{WILDCARD}")
                values.append((key, error))
                continue
            if index in errors:
                before, error, after = split_error_token(token)
                front, front_values = mask_token(before) if before else ("", ())
                back, back_values = mask_token(after) if after else ("", ())
                tokens.append(front + WILDCARD + back)
                values.extend(front_values)
                values.append(("errtext", error))
                values.extend(back_values)
                continue
            if len(token) > limit:
                masked, found = self._mask_long(token)
                tokens.append(masked)
                values.extend(found)
                continue
            if spans and SPAN_MARK in token:
                masked, found = _mask_with_spans(token, spans, mask_token)
            else:
                masked, found = mask_token(token)
            tokens.append(masked)
            if found:
                values.extend(found)
        return tokens, values


def _rejoin_inner_stops(tokens: list[str], values: Values) -> None:
    """Give back to a path the full stop after it that ends no sentence.

    The path mask leaves a trailing ``.`` to the message, as the other masks do: it ends the
    sentence (``Could not delete <*>.``). Only the end of the message or a Capitalised word
    shows that, though; before anything else (``allocate /x/part-1. blk_2``) the dot is part of
    the name. Such messages get no recipe (it would cut the value without the dot)."""
    index = 0  # of the first value of the token at hand
    last = len(tokens) - 1
    for position, token in enumerate(tokens):
        count = token.count(WILDCARD)
        index += count
        if (
            position < last
            and count
            and token.endswith("<*>.")
            and not tokens[position + 1][:1].isupper()
            and index <= len(values)
            and values[index - 1][0] == "path"
        ):
            tokens[position] = token[:-1]
            name, text = values[index - 1]
            values[index - 1] = (name, text + ".")


def tokens_from_recipe(message: str, recipe: MessageRecipe) -> tuple[list[str], Values]:
    """Tokens and values of ``message`` made as for the message its recipe was made from."""
    constant, rebuilt, names, slices = recipe
    cut = message.__getitem__
    tokens = list(constant)
    for index, between in rebuilt:
        tokens[index] = WILDCARD.join(map(cut, between))
    return tokens, list(zip(names, map(cut, slices), strict=True))


def _cut_spans(message: str) -> tuple[str, list[str]]:
    """Replace multi-token spans (dates with spaces) by a mark; return them in order."""
    spans: list[str] = []

    def cut(match: re.Match[str]) -> str:
        spans.append(match.group())
        return SPAN_MARK

    return SPANS.sub(cut, message), spans


def _mask_with_spans(
    token: str, spans: list[str], mask_token: MaskToken
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Mask a token holding span marks; the rest of the token is masked as usual.

    A date span is one variable per time field, the words of the date going with the hour:
    ``Fri Jul  1 07:57:30 2005`` becomes ``<*>:<*>:<*>``, as the Loghub annotations write it.
    """
    parts = token.split(SPAN_MARK)
    masked_parts: list[str] = []
    values: Values = []
    for index, part in enumerate(parts):
        if index:
            fields = spans.pop(0).split(":")
            masked_parts.append(":".join([WILDCARD] * len(fields)))
            values.extend(("timestamp", field) for field in fields)
        masked, found = mask_token(part) if part else ("", ())
        masked_parts.append(masked)
        values.extend(found)
    return "".join(masked_parts), tuple(values)
