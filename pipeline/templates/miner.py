"""Online template mining for one service.

The search is Drain's (He et al., ICWS 2017) over pre-masked tokens: messages are grouped by
token count and first token, and a message joins the most similar template of its group if at
least ``similarity_threshold`` of the tokens agree. Two changes make it fit how people annotate
templates:

* Words are not variables by default. When a message differs from its best template in plain
  words (``Link ok`` / ``Link error``), it starts a sibling template. Only once the differing
  position has shown ``min_distinct_words`` distinct values do the siblings merge into one
  template with ``<*>`` there (user names, host names do this quickly; ``ok``/``error`` never
  do). UPPER_CASE and Capitalised words (states, levels, events) never become variables,
  except a Capitalised word that ends the message (``Valid state - Running``) and one word in
  the middle after ``min_distinct_states`` of them written alike. Names as code
  writes them (``io.EOF``, ``hall_lamp``, ``PingFrame``) vary after two values.
* Differences in masked values (``<*>:<*>`` / ``<*>``) generalise at once, keeping shared
  ``key=`` prefixes and brackets (``user=<*>``, ``(<*>)``), and so does a data term printed
  whole (``{error,eacces}``, tokens.is_term) against anything.

A message that finds no template of its length may still join one whose skeleton (runs of
``<*>`` folded into one) is the same: a list of another length (``delete <*> <*>`` /
``delete <*>``). Such a template is variadic and renders each run as one ``<*>``.

A template is identified by its rendered text (rendering.py). Token sequences ("shapes") can
render to the same text, so a template owns one or more shapes; when a shape's text becomes that
of another template they merge, and the old id becomes an alias of the surviving one.
"""

from __future__ import annotations

import gc
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, count
from operator import eq, ne
from typing import Any

from pipeline.templates.config import MinerConfig
from pipeline.templates.constants import (
    KEYED_FACTOR,
    LOCATED_AFTER,
    counts_repeats,
    early,
    first_pins,
    has_digits,
    keep_pins,
    late,
    located,
    pinned,
)
from pipeline.templates.errtexts import VERB_MARKERS
from pipeline.templates.ids import template_id
from pipeline.templates.lists import bracket_runs, has_list, list_skeleton, unbracket
from pipeline.templates.masking import UNIT_TOKENS, WILDCARD, digit_pattern, id_pattern
from pipeline.templates.model import TemplateMatch
from pipeline.templates.naming import NamingKeys
from pipeline.templates.parameters import Values, extract
from pipeline.templates.rendering import render
from pipeline.templates.shapes import (
    RUNS,
    GroupKey,
    Shape,
    Template,
    covers,
    group_key,
    measure_skeleton,
    skeleton,
)
from pipeline.templates.stats import Counters
from pipeline.templates.subjects import SUBJECT, as_subject, split_front
from pipeline.templates.tails import (
    SEVERITIES,
    HeadKey,
    all_head_ends,
    calls,
    chained_value,
    event_tail,
    free_form,
    free_key,
    free_tail_end,
    head_ends,
    head_key,
    headed_events,
    is_label,
    open_ends,
    semicolon_close,
    sentence,
    sentence_head,
    shared_head,
    subject_head,
    tail_stop,
    tails_vary,
    value_slots,
    value_tail,
    valued_text,
)
from pipeline.templates.tokenising import MessageRecipe, Tokeniser, tokens_from_recipe
from pipeline.templates.tokens import (
    FIELD_CLOSERS,
    FIELD_KEY,
    KEYWORD_ARGUMENT,
    argument_rest,
    bare_word,
    call_argument,
    differ_in_words,
    generalise_token,
    instance_of,
    is_enum,
    is_qualified_name,
    is_quoted_word,
    is_subject,
    is_term,
    later_argument,
    masked_url,
    names_differ,
    one_call,
    stop_apart,
)

# Tokens and values are kept as tuples: the collector stops tracking a tuple of strings, while
# each list of a full cache would be walked by every full collection (a fifth of a long
# stream's mining time went to them).
MessageCache = dict[
    str, tuple["ServiceMiner", "Shape", tuple[str, ...], tuple[tuple[str, str], ...]]
]
PatternCache = dict[bytes, tuple["ServiceMiner", "Shape", MessageRecipe]]
_NO_TOKENS: list[str] = []
_NO_VALUES: Values = []
_NO_NAMES: list[int] = []
# A tail that followed this many heads is a value wherever it appears (tails.py).
RECURRING_TAIL_HEADS = 2
# The most tokens of constant text after free text amid a message (_note_spans).
MAX_SPAN_END = 6
# The most tokens a snapshot's notes write out for a head, tail or text that no saved shape
# names (_export_notes): longer ones are left out, so the notes stay linear in the templates.
MAX_NOTE_TOKENS = 24
# How a note names a piece of a saved shape's tokens (_note_piece).
_AS_WRITTEN, _AS_KEY, _AS_REST, _AS_TAIL = 0, 1, 2, 3
# A head (tails.head_key) and the constant tokens ending the message after free text.
Anchor = tuple[HeadKey, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Assigned:
    """What :meth:`ServiceMiner.assign` did with each of its messages."""

    template_ids: list[str]  # per message: the id of its template when it was mined
    created: list[int]  # positions of the messages that created their template
    renamed: list[tuple[int, str]]  # (position, old id) of messages that generalised one


class ServiceMiner:
    """Miner state of a single service. Not thread-safe; one owner per service."""

    def __init__(
        self,
        service: str,
        config: MinerConfig,
        tokeniser: Tokeniser,
        counters: Counters,
        cache: MessageCache | None = None,
        patterns: PatternCache | None = None,
    ) -> None:
        self.service = service
        self._config = config
        self._tokenise = tokeniser.tokenise
        self._tokenise_pattern = tokeniser.tokenise_pattern
        self._counters = counters
        self._groups: dict[GroupKey, list[Shape]] = {}
        # Group keys per token count, as insertion-ordered dicts: iterating a set of strings
        # would make tie-breaks (and so reported aliases) depend on the process's hash seed.
        self._lengths: dict[int, dict[GroupKey, None]] = {}
        self.templates: OrderedDict[str, Template] = OrderedDict()  # LRU order, oldest first
        self._by_text: dict[str, Template] = {}
        self.aliases: OrderedDict[str, str] = OrderedDict()
        # Exact-message cache, shared by the miners of all services so that one bound covers
        # them all; an entry made by another miner is a miss.
        self._cache: MessageCache = {} if cache is None else cache
        # Digit pattern -> the shape its messages join (see _mine_new); shared the same way.
        self._patterns: PatternCache = {} if patterns is None else patterns
        # Distinct word tuples seen per family of sibling shapes (see _words_vary).
        self._families: dict[tuple[object, ...], set[tuple[str, ...]]] = {}
        # Skeleton (runs of <*> folded) -> template, to find lists of another length; and the
        # same for measurement skeletons (see shapes.measure_skeleton).
        self._skeletons: dict[tuple[str, ...], Template] = {}
        self._measures: dict[tuple[str, ...], Template] = {}
        self._lists: dict[tuple[str, ...], Template] = {}
        # (length, first token) of a list skeleton with a variable -> those skeletons, to find
        # the template whose values a message's list skeleton has as words (_wider_list).
        self._list_heads: dict[tuple[int, str], dict[tuple[str, ...], None]] = {}
        self._list_head_count = 0  # entries in _list_heads, bounded as _lists is
        # Head (tails.py) -> the tails seen after it, each with the shape that had it.
        self._tails: dict[HeadKey, dict[tuple[str, ...], Shape]] = {}
        # Tail -> the heads it followed: a value recurs after other heads (the same error
        # after many calls), the rest of an event after a category label does not.
        self._tail_heads: dict[tuple[str, ...], set[HeadKey]] = {}
        # Tail -> how many different calls its heads are, up to two (tails.calls).
        self._tail_calls: dict[tuple[str, ...], int] = {}
        # Tail -> the open heads (tails.open_ends) it followed once it had followed another
        # head: rechecked when it becomes a value, as the heads ending in ``:`` are.
        self._tail_open: dict[tuple[str, ...], set[HeadKey]] = {}
        # Ending after a free text's semicolon (tails.semicolon_close) -> the heads it followed:
        # after several, the error's own text (``; try restarting transaction``), not an event's.
        self._endings: dict[tuple[str, ...], set[HeadKey]] = {}
        # (head end, its last token) -> templates whose tail is free text after such a head:
        # looked up by position and checked token by token, as a head may have generalised.
        self._free: dict[tuple[int, str], list[Template]] = {}
        # Free text between a head and a constant end (_note_spans): (head, end) -> the spans
        # seen between them, each with its shape; span -> the (head, end) pairs it was seen
        # between; and the pairs whose span is a value, with the template that holds them.
        self._spans: dict[Anchor, dict[tuple[str, ...], Shape]] = {}
        self._span_anchors: dict[tuple[str, ...], set[Anchor]] = {}
        # Span -> the first head it followed; the spans seen after two heads (values).
        self._span_heads: dict[tuple[str, ...], HeadKey] = {}
        self._recurring_spans: set[tuple[str, ...]] = set()
        self._free_spans: dict[Anchor, Shape] = {}
        # Labels in front seen before the same event as other labels: senders' names, so no
        # head of free text (tails.event_tail).
        self._senders: set[str] = set()
        # Short messages (or sentences and their errors) seen after two dotted names in front
        # (_sender_varies, round 84): the value in front of them is such a name, not a plain
        # word (_search, _absorb_family). Kept in snapshots, as a restarted miner without it
        # would take a plain word's message into that value's template.
        self._dotted_tails: set[tuple[str, ...]] = set()
        # Rest of a message after a front of several tokens (subjects.py) -> per first word
        # of a front, the shapes its messages joined; and the rests seen after enough
        # fronts: subjects' events.
        self._fronts: dict[tuple[str, ...], dict[str, list[Shape]]] = {}
        self._subject_rests: set[tuple[str, ...]] = set()
        # Set once two subjects of one token led the same message (_sender_varies): this
        # service prints objects in front of its messages, so fronts of words may be some.
        self._prints_subjects = False
        # Keys whose value names the event (naming.py): that value stays a word.
        self._naming = NamingKeys()
        # Shape -> per quoted field (masked token) the value its messages had, None when
        # they differed: a template from before a key was found to name events takes that
        # name if all its messages had it.
        self._named_values: dict[Shape, dict[str, str | None]] = {}
        self._max_parameters = config.max_parameters
        self._threshold = config.similarity_threshold
        self._constant_after = config.min_constant_messages
        # Source locations show sooner (constants.located), never later than the others.
        self._located_after = min(LOCATED_AFTER, config.min_constant_messages)
        # Messages up to this length are cached (-1: none are).
        self._cached_chars = config.max_cached_message_chars if config.max_cached_messages else -1
        self._cached_messages = config.max_cached_messages

    # -- public operations -------------------------------------------------------------

    def mine(self, message: str) -> TemplateMatch:
        counters = self._counters
        counters.messages += 1
        cached = self._cache.get(message)
        is_new, previous_id = False, None
        tokens: Sequence[str]
        values: Sequence[tuple[str, str]]
        if cached is not None and cached[0] is self and cached[1].alive:
            counters.cache_hits += 1
            _, shape, tokens, values = cached
            if shape.pins and shape.seen + shape.repeats < self._constant_after:
                previous_id = self._repeated(shape)
            shape.template.count += 1
            self.templates.move_to_end(shape.template.id)
        else:
            shape, is_new, previous_id, tokens, values = self._mine_new(message, True)
        template = shape.template
        if shape.general or len(values) > self._max_parameters:
            params = self._parameters(shape, tokens, values)
        else:
            params = tuple(values)  # the common case, without a call
        return TemplateMatch(template.id, template.text, params, is_new, previous_id)

    def assign(self, messages: Iterable[str]) -> Assigned:
        """Mine many messages: :meth:`mine` without the parameters, which cost as much again
        as the rest and which a caller counting templates does not need."""
        counters = self._counters
        cache_get = self._cache.get
        patterns_get = self._patterns.get
        move_to_end = self.templates.move_to_end
        longest = self._cached_chars
        after = self._constant_after
        ids: list[str] = []
        append = ids.append
        created: list[int] = []
        renamed: list[tuple[int, str]] = []
        hits = pattern_hits = 0
        for position, message in enumerate(messages):
            # The two caches' hits inline (see mine and _mine_new): most messages are hits.
            known: tuple[Any, ...] | None = cache_get(message)
            if known is not None and known[0] is self and known[1].alive:
                hits += 1
            else:
                pattern = digit_pattern(message) if len(message) <= longest else None
                known = None if pattern is None else patterns_get(pattern)
                if known is None or known[0] is not self or not known[1].alive or known[1].guarded:
                    shape, is_new, previous_id, _, _ = self._mine_new(message, False, pattern)
                    append(shape.template.id)
                    if is_new:
                        created.append(position)
                    elif previous_id is not None:
                        renamed.append((position, previous_id))
                    continue
                pattern_hits += 1
            shape = known[1]
            if shape.pins and shape.seen + shape.repeats < after:
                previous_id = self._repeated(shape)
                if previous_id is not None:
                    renamed.append((position, previous_id))
            template = shape.template
            template.count += 1
            move_to_end(template.id)
            append(template.id)
        counters.messages += len(ids)
        counters.cache_hits += hits
        counters.pattern_hits += pattern_hits
        return Assigned(ids, created, renamed)

    def _match_observed(
        self, message: str, tokens: list[str], values: Values, end: int
    ) -> tuple[Shape, bool, str | None, list[str], Values]:
        """Match a tokenised message (its front, the tokens up to ``end``, apart when ``end``
        is not 0) and let its shape observe its values; the shape, whether it is new, the id it
        replaced, and the tokens and values as matched."""
        if end:
            shape, is_new, previous_id, tokens, values = self._match_front(
                message, tokens, values, end
            )
            named = _NO_NAMES
        else:
            named = self._names(message, tokens)
            shape, is_new, previous_id = self._match(tokens, named)
        if self._naming.pairs:
            self._note_values(shape)
        # A name written back into its token (naming.py) keeps its value among the values.
        pinning = _without_names(tokens, values, named) if named else values
        previous_id = self._observe(shape, tokens, pinning) or previous_id
        return shape, is_new, previous_id, tokens, values

    def _mine_new(
        self, message: str, with_values: bool, pattern: bytes | None = None
    ) -> tuple[Shape, bool, str | None, list[str], Values]:
        """Match a message the exact-message cache does not hold.

        Messages that differ from an earlier one only in their digits' values, where the
        tokeniser has a recipe for them that leaves no digit in any token, give the very tokens
        that message gave, so they are matched as it was (the shape it joined, while alive),
        without tokenising or matching: most messages are known events with new numbers.
        ``pattern``: the message's digit pattern if the caller has it (a pass over the message
        less per new one)."""
        if len(message) > self._cached_chars:
            tokens, values = self._tokenise(message)
            end = split_front(tokens) if self._prints_subjects else 0
            return self._match_observed(message, tokens, values, end)
        if pattern is None:
            pattern = digit_pattern(message)
        patterns = self._patterns
        known = patterns.get(pattern)
        if known is None or known[0] is not self or not known[1].alive or known[1].guarded:
            # Known events with new hex ids: every such message has a digit pattern of its own.
            hidden = id_pattern(pattern)
            if hidden != pattern:
                pattern = hidden
                known = patterns.get(pattern)
        if known is not None and known[0] is self and known[1].alive and not known[1].guarded:
            self._counters.pattern_hits += 1
            shape = known[1]
            previous_id = None
            if shape.pins and shape.seen + shape.repeats < self._constant_after:
                previous_id = self._repeated(shape)
            template = shape.template
            template.count += 1
            self.templates.move_to_end(template.id)
            if with_values:
                tokens, values = tokens_from_recipe(message, known[2])
                return shape, False, previous_id, tokens, values
            return shape, False, previous_id, _NO_TOKENS, _NO_VALUES
        tokens, values, recipe = self._tokenise_pattern(message, pattern)
        end = split_front(tokens) if self._prints_subjects else 0
        shape, is_new, previous_id, tokens, values = self._match_observed(
            message, tokens, values, end
        )
        if end and tokens[0] == SUBJECT:
            recipe = None  # the recipe gives the tokens before the front became a value
        # A shape with a digit in a pin sees every message that differs in digits (and so
        # perhaps there); other pins cannot differ between messages of one digit pattern.
        if recipe is not None and not recipe[1] and not shape.guarded:
            if len(patterns) >= self._cached_messages:
                patterns.clear()  # cheap bound, as for the exact-message cache
            patterns[pattern] = (self, shape, recipe)
        else:
            cache = self._cache
            if len(cache) >= self._cached_messages:
                cache.clear()  # cheap bound: hot messages return within a few lines
            cache[message] = (self, shape, tuple(tokens), tuple(values))
        return shape, is_new, previous_id, tokens, values

    def _observe(self, shape: Shape, tokens: list[str], values: Values) -> str | None:
        """Keep the pins of ``shape`` that this message repeats (constants.py); re-render its
        template when that changes its text. Returns the old id if it was renamed."""
        after = self._constant_after
        if not after:
            return None
        seen = shape.seen
        shape.seen = seen + 1
        if not seen:
            shape.pins = first_pins(shape.tokens, shape.general, tokens, values)
            shape.guarded = has_digits(shape.pins)
            shapes = shape.template.shapes
            if shape.alive and len(shapes) > 1 and sum(other.seen for other in shapes) >= after:
                # A new shape of a template of several that may show pins: the pins they all
                # hold may be fewer.
                return self._rename(shape.template)
            return None
        if not shape.pins:
            return None
        dropped = keep_pins(shape.pins, tokens, values)
        if dropped:
            shape.guarded = has_digits(shape.pins)
        if not shape.alive:
            return None  # merged away
        shapes = shape.template.shapes
        if len(shapes) != 1:
            # Several shapes (lengths of a list or of free text): their messages count
            # together, and a pin shows where every shape holds it alike.
            total = sum(other.seen for other in shapes)
            soon = self._located_after
            if (
                (dropped and total > soon)
                or total == after
                or (total == soon and located(shape.pins))
                or (total == after * KEYED_FACTOR and late(shape.pins))
            ):
                return self._rename(shape.template)
            return None
        soon = self._located_after
        if (
            (dropped and seen >= soon)
            or (seen + 1 == after and shape.pins)
            or (seen + 1 == soon and located(shape.pins))
            or (seen + 1 == after * KEYED_FACTOR and late(shape.pins))
        ):
            return self._rename(shape.template)
        return None

    def _repeated(self, shape: Shape) -> str | None:
        """Count a message a cache answered (it repeats its shape's pins) towards showing them;
        re-render the template when they show now. Returns the old id if it was renamed."""
        if not counts_repeats(shape.pins):
            shape.repeats += 1
            return None
        seen = shape.seen + 1
        shape.seen = seen
        after = self._constant_after
        shapes = shape.template.shapes
        if len(shapes) != 1:
            seen = sum(other.seen for other in shapes)
        if seen == after or (seen == self._located_after and located(shape.pins)):
            return self._rename(shape.template)
        return None

    def _shown(self, shape: Shape) -> list[str]:
        """The tokens a template is rendered from: its pins shown once they held long enough."""
        after = self._constant_after
        if not (shape.pins and after):
            return shape.tokens
        shapes = shape.template.shapes
        if len(shapes) == 1:
            seen = shape.seen
            if seen < after:
                pins = located(shape.pins) if seen >= self._located_after else None
            else:
                pins = shape.pins if seen >= after * KEYED_FACTOR else early(shape.pins)
            return pinned(shape.tokens, shape.general, pins) if pins else shape.tokens
        total = sum(other.seen for other in shapes)
        if total < self._located_after:
            return shape.tokens
        common = {
            index: pin
            for index, pin in shape.pins.items()
            if all(other.pins.get(index) == pin for other in shapes)
        }
        if total < after:
            common = located(common)
        elif total < after * KEYED_FACTOR:
            common = early(common)
        return pinned(shape.tokens, shape.general, common) if common else shape.tokens

    def resolve(self, tid: str) -> str:
        """Follow generalisation and merge aliases to the id in use now."""
        aliases = self.aliases
        for _ in range(len(aliases)):
            if tid not in aliases:
                break
            tid = aliases[tid]
        return tid

    def template_text(self, tid: str) -> str | None:
        template = self.templates.get(self.resolve(tid))
        return None if template is None else template.text

    # -- matching --------------------------------------------------------------------------

    def _names(self, message: str, tokens: list[str]) -> list[int]:
        """Positions of ``tokens`` where a key's value names the event (naming.py)."""
        if '="' not in message and "='" not in message:
            self._naming.pairs = []
            return _NO_NAMES
        naming = self._naming
        known = len(naming.names)
        named = naming.name(message, tokens)
        if not named:
            return named
        if len(naming.names) != known:
            # A key was found to name events: messages cached as joining a template from
            # before, where the name was a variable, must be matched again.
            self._cache.clear()
            self._patterns.clear()
        return named

    def _note_values(self, shape: Shape) -> None:
        """Remember the values of the quoted fields of the message ``shape`` just took."""
        known = self._named_values
        seen = known.get(shape)
        if seen is None:
            if len(known) >= 2 * self._config.max_templates_per_service:
                known.clear()  # bound: only a hint
            seen = known[shape] = {}
        for masked, written in self._naming.pairs:
            if seen.setdefault(masked, written) != written:
                seen[masked] = None

    def _take_name(
        self, shape: Shape, tokens: list[str], named: list[int], diffs: list[int]
    ) -> bool:
        """Give the template of ``shape``, made before a key was found to name events, the name
        ``tokens`` have there if every message it took had that name and the rest fits."""
        seen = self._named_values.get(shape)
        if seen is None or len(shape.template.shapes) != 1:
            return False
        shape_tokens = shape.tokens
        general = shape.general
        rest = []
        for index in diffs:
            if index in named:
                if seen.get(shape_tokens[index]) != tokens[index]:
                    return False
            elif shape_tokens[index] == WILDCARD or covers(
                shape_tokens[index], tokens[index], index in general
            ):
                rest.append(index)
            else:
                return False
        for index in named:
            shape_tokens[index] = tokens[index]
        general.update(rest)
        shape.template.count += 1
        self.templates.move_to_end(shape.template.id)
        return True

    def _match_front(
        self, message: str, tokens: list[str], values: Values, end: int
    ) -> tuple[Shape, bool, str | None, list[str], Values]:
        """Match a message with a front of several tokens before its first ``:`` (subjects.py).

        Once the same rest followed fronts with ``min_distinct_words`` - 1 different first
        words, the front is the subject's value: the message is matched as ``<*>: <rest>``,
        and the templates of the earlier messages with that rest, if nothing else joined
        them, become aliases of it.
        """
        rest = tuple(tokens[end + 1 :])
        front = tuple(tokens[: end + 1])
        # Fronts that share their first word are one label with values in it (``Tablet <*>:``,
        # ``File <*> line <*>:``): only other first words are other subjects.
        first = WILDCARD if WILDCARD in front[0] else front[0]
        rests = self._subject_rests
        if rest not in rests:
            fronts = self._fronts.get(rest)
            if fronts is None:
                if len(self._fronts) >= self._config.max_templates_per_service:
                    self._fronts.clear()  # bound: only a hint
                fronts = self._fronts[rest] = {}
            if first in fronts or len(fronts) + 1 < self._config.min_distinct_words - 1:
                shape, is_new, previous_id = self._match(tokens, self._names(message, tokens))
                fronts.setdefault(first, []).append(shape)
                return shape, is_new, previous_id, tokens, values
            if len(rests) >= self._config.max_templates_per_service:
                rests.clear()
            rests.add(rest)
            earlier = [shape for shapes in fronts.values() for shape in shapes]
            del self._fronts[rest]
            self._tail_heads.pop(rest, None)
            self._tail_calls.pop(rest, None)
            self._tail_open.pop(rest, None)
        else:
            earlier = []
        tokens, values = as_subject(tokens, values, end)
        shape, is_new, previous_id = self._match(tokens, self._names(message, tokens))
        template = shape.template
        for old in earlier:
            if (
                not old.alive
                or old.template is template
                or len(old.template.shapes) != 1
                or tuple(old.tokens[len(old.tokens) - len(rest) :]) != rest
            ):
                continue
            absorbed = old.template
            self._drop_shape(old)
            absorbed.shapes.remove(old)
            self._retire(absorbed, template)
            previous_id = previous_id or absorbed.id
        return shape, is_new, previous_id, tokens, values

    def _match(
        self, tokens: list[str], named: list[int], chosen: Shape | None = None
    ) -> tuple[Shape, bool, str | None]:
        key = group_key(tokens)
        best = self._search(key, tokens) if chosen is None else chosen
        if best is None:
            joined = self._join_list(tokens, key)
            return self._create(tokens, key) if joined is None else joined
        shape_tokens = best.tokens
        template = best.template
        general = best.general
        diffs = list(compress(range(len(tokens)), map(ne, shape_tokens, tokens)))
        if named and not set(named).isdisjoint(diffs):
            if self._take_name(best, tokens, named, diffs):
                return best, False, self._settle(best, [])
            # Another event's name, or a template from before its key was found to name one.
            joined = self._join_list(tokens, key)
            return self._create(tokens, key) if joined is None else joined
        uncovered = [
            i
            for i in diffs
            if (
                shape_tokens[i] != WILDCARD and not covers(shape_tokens[i], tokens[i], i in general)
            )
            # A template's value covers any word, but not the word for no count before a noun.
            or _none_counted(shape_tokens, tokens, i)
        ]
        if uncovered and any(_quoting_differs(shape_tokens[i], tokens[i]) for i in uncovered):
            # A value quoted here and bare there is another call's (_quoting_differs): a shape
            # of the group that quotes it as the message does is the better one, if any.
            other = self._quoted_alike(best, tokens)
            if other is not None:
                return self._match(tokens, named, other)
        if not uncovered:
            # The common case: the template already fits the message.
            template.count += 1
            self.templates.move_to_end(template.id)
            general.update(diffs)
            return best, False, None
        # A quoted word in front differs in a value as any quoted text does, but like another
        # sender's name it counts as a word until min_distinct_words of them (_sender_varies).
        words = [
            i
            for i in uncovered
            if (
                differ_in_words(shape_tokens[i], tokens[i])
                or (i == 0 and is_quoted_word(tokens[0]))
            )
            and (
                _none_counted(shape_tokens, tokens, i)
                or not (
                    _value_for_word(shape_tokens[i], tokens[i])
                    or _value_for_word(tokens[i], shape_tokens[i])
                )
            )
            and not _spaced_key_values(shape_tokens, tokens, i)
            and not (i == 0 and shape_tokens[0] == SUBJECT and is_subject(tokens[0]))
            and not later_argument(shape_tokens, tokens, i)
        ]
        if (
            words
            and uncovered[0] == 0
            and words[0] != 0
            and call_argument(shape_tokens[0], tokens[0]) is not None
        ):
            # A call in front (``warn(scope):``, ``get_state(BAT0)``) differs in its argument
            # only as the same event: with other words differing too, it names another one.
            words.insert(0, 0)
        if words and (
            (words[0] == 0 and not self._sender_varies(words, shape_tokens, tokens[0]))
            or not self._words_vary(best, tokens, words, key)
        ):
            # The first word names the event (Drain's premise), so it never becomes a variable
            # unless it is the only difference and names who logs: a component's dotted name,
            # or a label before an event's own message (a sender's name); other words make
            # a different event ("Link ok" / "Link error") until the position proves variable.
            # Words can also differ because a measurement is written another way at this length
            # ("<*> bytes sent, <*> bytes (<*> KB)" / "<*> bytes (<*> KB) sent, <*> bytes").
            # Another shape of the message's own group may take it whole (_covering); not
            # when ``best`` was found among the shapes led by a variable (a sender's name in
            # front makes a group of its own, whose words are counted there).
            other = self._covering(best, tokens) if best.key == key else None
            if other is not None:
                # ``best`` is then that shape's event too, made apart before it generalised.
                absorbed = self._absorb_family(other)
                previous_id = self._settle(other, absorbed) if absorbed else None
                shape, is_new, renamed = self._match(tokens, named, other)
                return shape, is_new, renamed or previous_id
            joined = self._join_list(tokens, key)
            return self._create(tokens, key) if joined is None else joined
        template.count += 1
        self.templates.move_to_end(template.id)
        general.update(diffs)
        changed = False
        first = shape_tokens[0]
        for index in uncovered:
            if (
                index
                and shape_tokens[index] in UNIT_TOKENS
                and tokens[index] in UNIT_TOKENS
                and shape_tokens[index - 1] == WILDCARD
            ):
                best.folded.add(index)
            pattern = (
                argument_rest(shape_tokens[index], tokens[index])
                if index and index not in words and later_argument(shape_tokens, tokens, index)
                else None
            ) or generalise_token(shape_tokens[index], tokens[index])
            if pattern != shape_tokens[index]:
                shape_tokens[index] = pattern
                changed = True
        if words:
            absorbed = self._absorb_family(self._cross_siblings(best), quoting=True)
            absorbed += self._one_word_apart(best, key)
        elif not changed:
            absorbed = []
        elif uncovered[0]:
            # Positions that became variables on values alone: siblings made earlier where a
            # value there read as words (``team9.<*>`` beside ``team2.proj9``), and that differ
            # from this message there only in values, are the same event.
            absorbed = self._absorb_family(best, (tokens, uncovered), quoting=True)
        elif shape_tokens[0] != first and is_subject(first):
            # The subject in front became a value as a value does (``docs/a-<*>.pdf:`` /
            # ``img/2024/b-<*>:``): siblings led by other subjects, kept apart as words before
            # (``docs/c-<*>.png:``), are the same event.
            absorbed = self._absorb_family(best, subjects=True)
        else:
            absorbed = []
        if changed:
            # Siblings apart from it only in one key's word value (``type=PullImage`` /
            # ``type=CreateContainer``), where this one now has variables, are the same event:
            # made apart only because their first message differed in more places than the
            # similarity threshold allowed, before the values there became variables.
            absorbed += self._absorb_keyed(best)
        if not changed and not absorbed:
            return best, False, None
        previous_id = self._settle(best, absorbed)
        # Its head may now be one seen with other tails.
        merged = self._note_tails(best)
        if merged is None and changed and self._live(best):
            # Its constant end may now be one seen with other spans (a value there became a
            # variable: ``when loading <*> extension``).
            ends = head_ends(best.tokens, labels=True)
            if ends:
                merged = self._note_spans(best, ends[0], uncovered)
        return best, False, previous_id or merged

    def _covering(self, best: Shape, tokens: list[str]) -> Shape | None:
        """Another shape of ``best``'s group that takes ``tokens`` as they are (each differing
        token under its ``<*>``, shapes.covers) and shares enough of them, if any.

        ``best`` shares the most equal tokens, and differs in a word: a sibling made before
        another shape of the event generalised (``<*> is Terminating for '<*>'`` beside
        ``fs.ErrPermission is Succeeded for 'x'``, where ``<*> is Succeeded for '<*>'`` took
        the values). The message is that other shape's event, as it would be without the
        sibling: a new shape would be a template of values that template already varies in
        (round 75)."""
        needed = self._threshold * len(tokens)
        for shape in self._groups.get(best.key, ()):
            if shape is best:
                continue
            general = shape.general
            score = words = 0
            for index, (mine, theirs) in enumerate(zip(shape.tokens, tokens, strict=True)):
                if mine == theirs:
                    score += 1
                    words += mine != WILDCARD
                elif not covers(mine, theirs, index in general):
                    break
            else:
                # A shape of variables alone (``<*> <*>``) shares no word: it takes anything.
                if score >= needed and words:
                    return shape
        return None

    def _quoted_alike(self, best: Shape, tokens: list[str]) -> Shape | None:
        """The best other shape of ``best``'s group that quotes every value as ``tokens``
        do (_quoting_differs), if it shares enough."""
        others = [
            shape
            for shape in self._groups.get(best.key, ())
            if shape is not best and not _quoted_otherwise(shape.tokens, tokens)
        ]
        return self._best(others, tokens) if others else None

    def _search(self, key: GroupKey, tokens: list[str]) -> Shape | None:
        """Best shape for ``tokens``: in its own group, else in the group of its length whose
        first token holds a variable.

        The second look only runs for messages that would otherwise start a template, so that
        a first token that differs only in its value (``user=bob`` / ``user=<*>``) still finds
        its template. Groups of other plain first words need no look: the first word never
        becomes a variable.
        """
        groups = self._groups
        group = groups.get(key)
        if group:
            best = self._best(group, tokens)
            if best is not None:
                if is_label(key[1]):
                    return self._other_sender(key, tokens, best)
                return best
            # A field of the same key agrees in the key (as in _best_keyed): a short message
            # whose values are words the masks leave (``opened sensor.gamma type=create``)
            # shares too few equal tokens with its template (``opened <*> type=<*>``) for the
            # threshold otherwise (round 69).
            best = self._best_fields(group, tokens)
            if best is not None:
                return best
        wild = (key[0], WILDCARD)
        if wild == key:
            if "(" not in tokens[0]:
                return None
            # A call in front whose argument a mask took (``select_battery(<*>):``, a
            # ``false``) is the event a word there began (``select_battery(stop):``), as
            # another word would be (below).
            first = tokens[0]
            candidates = self._led_by(key, lambda other: one_call(first, other))
            # Its own group holds the calls whose other values a mask took too, or whose one
            # argument the masks took in another form (``sendto(<*>:<*>)`` /
            # ``sendto(https://<*>)``, an address with its scheme, round 87).
            candidates.extend(
                shape
                for shape in group or ()
                if shape.tokens[0] != first and one_call(first, shape.tokens[0])
            )
            return self._best(candidates, tokens, 1) if candidates else None
        # A Capitalised word in front (``Initialization is interrupted: <*>``, ``Compiling
        # <*>``) is a sentence's first word, the event's, and never becomes a variable: the
        # templates led by a value the masks took (``<*> is interrupted: <*>``, after ids)
        # are another call's. The look there is for a first token that differs only in its
        # value (``user=bob``); a lower-case word in front may be a name, a value (``orders``).
        group = None if _sentence_word(key[1]) else groups.get(wild)
        if is_label(key[1]) and (
            event_tail(tokens[1:])
            or (_snake_name(key[1]) and sentence_head(tokens[1:]))
            or ("." in key[1] and _short_tail(tokens[1:]))
        ):
            # The same event after another sender's name (tails.event_tail, or its sentence
            # up to a colon and its error, tails.sentence_head; after a dotted name, also a
            # short message, _short_tail) competes with the templates led by a variable.
            group = [*(group or ()), *self._led_by(key, is_label)]
        best = self._best(group, tokens) if group else None
        if best is not None and self._dotted_tails and self._plain_for_dotted(tokens, best.tokens):
            # A short message whose first token varied only as dotted names (``<*>
            # terminating`` from ``web.service`` / ``db.service``) is not a plain word's
            # (``cupsd startup succeeded``, a daemon's own message): that stays apart.
            others = [
                shape for shape in group or () if not self._plain_for_dotted(tokens, shape.tokens)
            ]
            best = self._best(others, tokens) if others else None
        if best is None and is_qualified_name(key[1]):
            best = self._search_components(key, tokens)
        if best is None and _named_subject(key[1]) and _subject_message(key[1], tokens[1:]):
            # A name of lower-case parts joined by ``.``, ``_`` or ``-`` in front of an event's
            # own message (``db-3 is running``, ``web.service resolved to <*>``; after a dotted
            # name also a short one, ``web.service terminating``, _subject_message) is the
            # subject the message is about, a value: the same event after other such names
            # competes.
            candidates = self._led_by(key, _named_subject)
            best = self._best(candidates, tokens) if candidates else None
        if best is None and _package_name(key[1]) and event_tail(tokens[1:]):
            # A package's exported name in front of an event's own message (``context.Canceled
            # file <*> already archived``) is an error's or a type's name, a value
            # (_sender_varies): the same event after other such names competes.
            candidates = self._led_by(key, _package_name)
            best = self._best(candidates, tokens) if candidates else None
        if best is None and _bracketed_word(key[1]) and event_tail(tokens[1:]):
            # A word in brackets in front of an event's own message (a state, a tag) is a
            # value as a quoted word is: the same event after other such words competes.
            candidates = self._led_by(key, _bracketed_word)
            best = self._best(candidates, tokens) if candidates else None
        if best is None and _GLUED_FRONT.fullmatch(key[1]):
            # A value glued in front of the event's first word (``alphaChunk terminator found
            # <*>``, a ``%sChunk``) is a value as a package's name in front is: the same event
            # after other values glued to that word competes (round 91).
            candidates = self._led_by(key, lambda other: _glued_front(tokens, other))
            best = self._best(candidates, tokens) if candidates else None
        if best is None and _capitals(key[1]) and not is_label(key[1]) and event_tail(tokens[1:]):
            # A word of capitals in front of an event's own message (``PUT ignoring request
            # to ...``, ``EEXIST will not be ...``) is a value, a method's or an error's name
            # (_sender_varies): the same event after other such words competes.
            candidates = self._led_by(key, lambda other: _capitals(other) and not is_label(other))
            best = self._best(candidates, tokens) if candidates else None
        if (
            best is None
            and _upper_state(key[1])
            and len(tokens) >= 3
            and _GLUE_WORD.fullmatch(tokens[1])
        ):
            # An UPPER_CASE state in front joined to a value by a short word (``INACTIVE for
            # <*>``) may be a value (_front_state): the same call after other states competes.
            candidates = self._led_by(key, _upper_state)
            best = self._best(candidates, tokens) if candidates else None
        if best is None and is_quoted_word(key[1]):
            # A quoted word in front is a value the format quoted (``'%s' skipped``): the
            # same event after other quoted words competes too, as after other senders.
            candidates = self._led_by(key, is_quoted_word)
            best = self._best(candidates, tokens) if candidates else None
        if best is None and "(" in key[1]:
            # A call in front whose argument is another value (``get_state(BAT0).unknown``)
            # is the same event: the argument varies at once, as a quoted text does.
            # Once varied it leads the group of a variable: ``get_state(<*>).unknown``.
            first = key[1]
            candidates = self._led_by(key, lambda other: one_call(first, other))
            candidates.extend(
                shape
                for shape in group or ()
                if WILDCARD in shape.tokens[0] and covers(shape.tokens[0], first, True)
            )
            best = self._best(candidates, tokens, 1) if candidates else None
            if best is None and candidates:
                best = self._best_keyed(candidates, tokens)
        return best

    def _best_fields(self, group: list[Shape], tokens: list[str]) -> Shape | None:
        """The first shape of ``group`` that covers ``tokens`` whole and shares enough with
        them, a field with a word value counted as shared where the shape has the key's value
        as a variable (``type=<*>`` / ``type=create``, _field_covers); elsewhere the message
        may differ only where the shape has ``<*>`` whole. Only for messages with fields after
        their first token, which _best found no shape for (round 69). A call's keyword argument
        is a field too (``state_changed(old_state=Running,``), and after the first token a
        field of the key with a word for its value where the shape has another word
        (``old_state=Succeeded,``, _word_values) counts as shared, as tokens.differ_in_words
        reads them (round 75)."""
        keys = [_field_key(token) or _keyword_key(token) for token in tokens]
        if not any(keys[1:]):
            return None
        needed = self._threshold * len(tokens)
        for shape in group:
            score = 0
            for index, (token, mine, key) in enumerate(
                zip(tokens, shape.tokens, keys, strict=True)
            ):
                if (
                    token == mine
                    or (key and _field_covers(mine, token, key))
                    or (index and key and _word_values(mine, token, key))
                ):
                    score += 1
                elif mine != WILDCARD:
                    break
            else:
                if score >= needed:
                    return shape
        return None

    def _best_keyed(self, candidates: list[Shape], tokens: list[str]) -> Shape | None:
        """The shape whose ``key=`` fields are all this message's keys, after a call in front.

        ``process(a) request=gamma, want-reply=hermes`` against ``process(<*>) request=<*>,
        want-reply=vega``: a call's argument and its fields' values may all differ, so no
        token is equal; a field of the same key agrees in the key, as the call's name does in
        front (round 62). Every token after the call must be a field, keys in the same order.
        """
        keys = [_field_key(token) for token in tokens[1:]]
        if len(tokens) < 3 or not all(keys):
            return None
        for shape in candidates:
            if [_field_key(token) for token in shape.tokens[1:]] == keys:
                return shape
        return None

    def _other_sender(self, key: GroupKey, tokens: list[str], own: Shape) -> Shape:
        """``own``, the best shape of the sender's own group, unless the same event after
        another sender's name (or a variable) shares more of the message.

        A sender logs many events of one length; values written bare (``[<*>]``) make two of
        its events share half their tokens (``Cart: Rebalance of [<*>] from [<*>] timed out``
        / ``Cart: Rebalance of non-existing shard [<*>] is ignored``), enough to pass the
        threshold, while the event itself after other senders' names shares all but the
        name. The other sender's shape is taken only if it shares more tokens in all, its
        differing first token counted against it: its message at least two tokens closer.
        """
        size = len(tokens)
        score = sum(map(eq, own.tokens, tokens))
        if score > size - 2 or not event_tail(tokens[1:]):
            return own
        candidates = [*(self._groups.get((key[0], WILDCARD)) or ()), *self._led_by(key, is_label)]
        best = own
        for shape in candidates:
            other = sum(map(eq, shape.tokens, tokens))
            if other > score:
                best, score = shape, other
        return best

    def _search_components(self, key: GroupKey, tokens: list[str]) -> Shape | None:
        """Best shape among the groups of this length led by other dotted names.

        ``com.apple.a.b: <event>`` and ``com.apple.c: <event>`` can be one event logged by
        different components; they only meet here, as their first tokens differ.
        """
        candidates = self._led_by(key, is_qualified_name)
        return self._best(candidates, tokens) if candidates else None

    def _led_by(self, key: GroupKey, sender: Callable[[str], bool]) -> list[Shape]:
        """The shapes of the groups of this length led by other first tokens that ``sender``
        takes for who logs (dotted component names, single labels)."""
        groups = self._groups
        return [
            shape
            for other in self._lengths.get(key[0], ())
            if other != key and sender(other[1])
            for shape in groups[other]
        ]

    def _join_list(self, tokens: list[str], key: GroupKey) -> tuple[Shape, bool, str | None] | None:
        """Join a template that differs only in the length of its runs of variables.

        ``delete <*>`` and ``delete <*> <*> <*>`` (one block or three) are one event; Drain
        compares equal lengths only, so such a message finds no template. If its skeleton (runs
        of ``<*>`` tokens folded into one) is that of a template, it joins it as a new shape and
        the template becomes variadic: each run renders as a single ``<*>``.

        Failing that, a template with the same measurement skeleton is joined (``<*> bytes
        sent`` / ``<*> bytes (<*> KB) sent``): the template is then rendered from that skeleton.
        """
        measured = False
        template = None
        if WILDCARD in tokens:
            template = self._known(self._skeletons, skeleton(tokens), skeleton)
        if template is None and has_list(tokens):
            joined = self._join_bracketed(tokens, key)
            if joined is not None:
                return joined
        if template is None:
            measures = measure_skeleton(tokens)
            constants = len(measures) - measures.count(WILDCARD)
            if constants == len(measures) or constants < 2:
                return self._join_tail(tokens, key)
            template = self._known(self._measures, measures, measure_skeleton)
            if template is None or any(
                len(shape.tokens) == len(tokens) and _quoted_otherwise(shape.tokens, tokens)
                for shape in template.shapes
            ):
                # A value quoted in one and bare in the other is another call's.
                return self._join_tail(tokens, key)
            measured = True
        shape = Shape(list(tokens), key, template)
        template.count += 1
        self.templates.move_to_end(template.id)
        self._add_shape(template, shape)
        previous_id = None
        if not template.variadic or (measured and not template.measured):
            template.variadic = True
            template.measured = template.measured or measured
            previous_id = self._rename(template)
        return shape, False, previous_id

    def _add_shape(self, template: Template, shape: Shape) -> None:
        """Another length of a variadic template, within ``max_shapes_per_template``."""
        if len(template.shapes) < self._config.max_shapes_per_template:
            template.shapes.append(shape)
            self._link(shape)
        else:
            # Bounded memory per template: this length gets no shape of its own; the message
            # still belongs to the template (found again by skeleton or head, never cached).
            shape.alive = False
            self._counters.capped_shapes += 1

    def _known(
        self,
        index: dict[tuple[str, ...], Template],
        folded: tuple[str, ...],
        fold: Callable[[list[str]], tuple[str, ...]],
    ) -> Template | None:
        """The live template ``index`` holds for ``folded``, if one of its shapes still folds so."""
        if len(folded) < 2:
            return None
        held = index.get(folded)
        if held is None:
            return None
        template = self._followed(held, folded, fold)
        if template is None:
            del index[folded]  # stale: evicted or emptied since
            return None
        if template is not held:
            index[folded] = template  # its shapes moved with it: the index follows them
        if not any(fold(shape.tokens) == folded for shape in template.shapes):
            del index[folded]  # stale: generalised since
            return None
        return template

    def _join_bracketed(
        self, tokens: list[str], key: GroupKey
    ) -> tuple[Shape, bool, str | None] | None:
        """Join a template that differs only in the length of its bracketed lists (lists.py):
        their runs become variables, in the template's shapes and in this message's."""
        folded = list_skeleton(tokens)
        # Found also once all its lists are values (_list_fold): a message whose list has the
        # length of one of them then compares more words than the search's threshold allows.
        template = self._known(self._lists, folded, _list_fold)
        if template is None:
            wider = self._wider_list(tokens, folded)
            if wider is None:
                return None
            template, tokens, folded = wider
            narrowed = True
        else:
            narrowed = False
        listed = [shape for shape in template.shapes if list_skeleton(shape.tokens) == folded]
        same = [
            other
            for other in (listed or template.shapes)
            if len(other.tokens) == len(tokens) and _list_fold(other.tokens) == folded
        ]
        if same:
            return self._join_fitting(template, tokens, folded, same, not listed)
        reference: list[str] | None = None
        absorbed: list[str] = []
        if narrowed:
            self._retire_narrower(template, folded)
        for shape in template.shapes:
            if list_skeleton(shape.tokens) == folded:
                if reference is None:
                    reference = list(shape.tokens)
                changed = unbracket(shape.tokens, tokens)
                if changed:
                    shape.general.update(changed)
                    if group_key(shape.tokens) != shape.key:
                        self._rekey(shape)
                    # Siblings whose lists of this length differed in words (kept apart as
                    # words, above) are the same event now that its lists are values.
                    absorbed += self._absorb_family(shape, lists=folded)
        mine = list(tokens)
        general = unbracket(mine, reference)
        template.count += 1
        self.templates.move_to_end(template.id)
        known = next((s for s in template.shapes if s.tokens == mine), None)
        if known is None:
            known = Shape(mine, group_key(mine), template)
            known.general.update(general)
            self._add_shape(template, known)
        template.variadic = True
        previous_id = self._rename(template)
        for tid in absorbed:
            self._add_alias(tid, template.id)
        if absorbed:
            # The index may hold a sibling just emptied (the first of the skeleton's).
            self._lists[folded] = template
        self._remember_skeleton(known)
        return known, False, previous_id

    def _wider_list(
        self, tokens: list[str], folded: tuple[str, ...]
    ) -> tuple[Template, list[str], tuple[str, ...]] | None:
        """The template whose list skeleton is ``folded`` but for values where the message has
        words (``rbd: create <*> size <*> (features: <*> using mon <*>`` for ``rbd: create
        gamma.service size <*> (features: [a b]) using mon orion``): its other lengths were
        made variables before this one came (round 90). Returns the template, the message's
        tokens with those words written ``<*>``, and its list skeleton then."""
        candidates = self._list_heads.get((len(folded), folded[0])) if folded else None
        if not candidates:
            return None
        # Each token outside the lists at its place in the skeleton (list_skeleton writes each
        # run as one token); a skeleton that folded runs of variables too is not aligned so.
        sources: list[int | None] = []
        previous = 0
        for first, last in bracket_runs(tokens):
            sources.extend(range(previous, first))
            sources.append(None)
            previous = last + 1
        sources.extend(range(previous, len(tokens)))
        if len(sources) != len(folded):
            return None
        for pattern in candidates:
            if not _skeleton_covers(pattern, folded):
                continue
            template = self._known(self._lists, pattern, _list_fold)
            if template is None:
                continue
            wider = list(tokens)
            for place, source in enumerate(sources):
                if source is not None and pattern[place] == WILDCARD:
                    wider[source] = WILDCARD
            if list_skeleton(wider) == pattern:
                return template, wider, pattern
        return None

    def _retire_narrower(self, template: Template, pattern: tuple[str, ...]) -> None:
        """Fold into ``template`` the templates whose list skeleton is ``pattern`` but for
        words where it has values (made before its values were: ``... on instance: hermes``
        beside ``... on instance: <*>``, round 90): their shapes go, their ids are aliases."""
        for other in list(self._list_heads.get((len(pattern), pattern[0]), ())):
            if not _skeleton_covers(pattern, other):
                continue
            narrower = self._known(self._lists, other, _list_fold)
            if narrower is None or narrower is template:
                continue
            if not all(_list_fold(shape.tokens) == other for shape in narrower.shapes):
                continue
            for shape in narrower.shapes:
                self._drop_shape(shape)
            narrower.shapes.clear()
            self._retire(narrower, template)

    def _join_fitting(
        self,
        template: Template,
        tokens: list[str],
        folded: tuple[str, ...],
        same: list[Shape],
        valued: bool,
    ) -> tuple[Shape, bool, str | None] | None:
        """Join the shape of ``same`` (``template``'s shapes of this length and list skeleton,
        ``folded``) that takes ``tokens`` whole, if one does (``valued``: all its lists are
        values).

        Lists of the same length that differ in words are words that differ, unless the
        shape's lists are values already (``running command: <*> <*> <*> <*>`` for ``[nova
        maple gamma beta]``, round 65): the search compares words, and too many differ.
        """
        fitting = next((other for other in same if _fits(other, tokens)), None)
        if fitting is None:
            if valued:
                # Other words beside its lists: the entry is dropped, as _known drops one
                # whose template holds no list of that skeleton any more (stale).
                del self._lists[folded]
            return None
        template.count += 1
        self.templates.move_to_end(template.id)
        return fitting, False, None

    def _join_tail(self, tokens: list[str], key: GroupKey) -> tuple[Shape, bool, str | None] | None:
        """Join the template of a head ending in free text (tails.py), with a shape of this
        length if it has none yet."""
        if not self._free:
            return None
        ends, strong = all_head_ends(tokens)
        for end in [*ends, *(i for i in open_ends(tokens) if i not in ends)]:
            head = tokens[: end + 1]
            label = end not in strong
            model = None
            found = free_key(tokens, end)
            # A head ending in a value the masks left as a word (``PipelineRun web.service:``)
            # is the head whose value became a variable (``PipelineRun <*>:``), its words
            # before it all alike; not a label after a label (``config: start:``), a field.
            wild: list[Template] = (
                self._free.get((end, WILDCARD), [])
                if found[1] != WILDCARD and end and tokens[end - 1][-1:] != ":"
                else []
            )
            for template in [*self._free.get(found, []), *wild]:
                if self.templates.get(template.id) is not template:
                    continue
                widened = template in wild
                model = next(
                    (
                        s
                        for s in template.shapes
                        if (
                            free_tail_end(s.tokens, labels=True) == end
                            or _arrowed(tokens, s.tokens, end)
                        )
                        and _fits_head(head, s.tokens[: end + 1], label)
                        and (not widened or s.tokens[:end] == head[:end])
                    ),
                    None,
                )
                if model is not None:
                    break
            if model is None:
                continue
            template = model.template
            if not label:
                self._note_value(value_tail(tokens, end), head_key(tokens, end))
            size = len(tokens)
            shape = next(
                (
                    s
                    for s in template.shapes
                    if len(s.tokens) == size and instance_of(tokens, s.tokens)
                ),
                None,
            )
            template.count += 1
            self.templates.move_to_end(template.id)
            if shape is not None:
                return shape, False, None
            # A semicolon closes the free text only where the template's shape closes it too:
            # after a tail run to the end, ``; try restarting transaction`` is the error's.
            closing = model.tokens[-1] != WILDCARD and self._closes(tokens, end)
            form = free_form(model.tokens[: end + 1], tokens, end, closing)
            shape = Shape(form, key, template)
            shape.general.update(range(end + 1, tail_stop(tokens, end, closing) + 1))
            shape.general.update(i for i in range(end + 1, size) if WILDCARD in form[i])
            shape.general.update(model.general & set(range(end + 1)))
            self._add_shape(template, shape)
            return shape, False, None
        return None

    def _note_tails(
        self, shape: Shape, found: tuple[list[int], list[int]] | None = None
    ) -> str | None:
        """Record the tails a new or generalised shape has after each of its heads; make a
        head's templates one with a free tail once it has had ``min_distinct_tails`` of them.
        Returns the id the surviving template had, when templates merged. ``found``: the
        shape's head ends (tails.all_head_ends), if the caller has them."""
        tokens = shape.tokens
        ends, strong = all_head_ends(tokens) if found is None else found
        opened = [i for i in open_ends(tokens) if i not in ends]
        ends = [*ends, *opened]
        if not ends:
            return None
        tails = self._tails
        if len(tails) >= 2 * self._config.max_templates_per_service:
            tails.clear()  # bound: only a hint, rebuilt from new templates
        if len(self._tail_heads) >= 2 * self._config.max_templates_per_service:
            self._tail_heads.clear()
            self._tail_calls.clear()
            self._tail_open.clear()
            self._endings.clear()
        first = min(ends)
        for end in ends:
            label = end not in strong
            if (
                shape.template.variadic
                and free_tail_end(tokens, labels=True) == end
                and (not label or shape.template in self._free.get(free_key(tokens, end), ()))
            ):
                # Free text after this head already (the head may just have generalised):
                # take in the templates the head now covers.
                return self._merge_free([shape], end)
            tail = value_tail(tokens, end)
            if tail in self._subject_rests or (
                self._prints_subjects and end == split_front(tokens)
            ):
                # An event after subjects (_match_front), not a value after heads; in a
                # service that prints subjects, an event's message after a front may be one.
                continue
            head = _head(tokens, end, label)
            if end == first and len(tail) < len(tokens) - end - 1:
                # Noted after the message's first head only: its longer heads are one call.
                self._endings.setdefault(tuple(tokens[end + len(tail) + 1 :]), set()).add(head)
            seen = tails.setdefault(head, {})
            seen[tail] = shape
            if end in opened:
                # A head without a colon learns no values: its templates become one once two
                # of its tails are values learnt after other heads, also later (a tail noted
                # before it followed them is rechecked then); its other tails join then.
                self._tail_open.setdefault(tail, set()).add(head)
                if tail in self._tail_heads and self._recurring(list(seen), head, label):
                    merged = self._merge_head(head, end, label, shape)
                    if merged is not None:
                        return merged
                continue
            heads, recurs_now = self._follow(tail, head)
            if not label and any(index <= end for index in shape.general):
                # A word of the head became a variable: the templates made before, with the
                # words it now covers, count as this head's too.
                covered = self._covered(tokens[: end + 1], end)
                rests = list({tuple(o.tokens[end + 1 :]) for o in covered})
                if tails_vary(rests, self._config.min_distinct_tails) and not _subject_events(
                    rests, tokens[: end + 1]
                ):
                    return self._merge_free([shape, *(o for o in covered if o is not shape)], end)
            if recurs_now:
                # The tail has just become a value: heads it followed before may now hold two.
                self._recheck_followed(tail, head, heads)
            if not (
                self._recurring(list(seen), head, label)
                if label
                else self._free_text(list(seen), head, tokens[: end + 1])
            ):
                continue
            merged = self._merge_head(head, end, label, shape)
            if merged is not None:
                return merged
        return None

    def _note_value(self, tail: tuple[str, ...], head: HeadKey) -> None:
        """Note that ``tail`` followed ``head`` in a message that joined the head's free text
        (_join_tail): it recurs after the heads it follows, also where a head's tail is a value
        already, and heads it followed before are rechecked once it recurs (round 64)."""
        if len(self._tail_heads) >= 2 * self._config.max_templates_per_service:
            return  # bound: _note_tails clears the notes
        if head in self._tail_heads.get(tail, ()):
            return
        heads, recurs_now = self._follow(tail, head)
        if recurs_now:
            self._recheck_followed(tail, head, heads)

    def _follow(self, tail: tuple[str, ...], head: HeadKey) -> tuple[set[HeadKey], bool]:
        """Note that ``tail`` followed ``head``; the heads it has followed, and whether it
        recurs now: after ``RECURRING_TAIL_HEADS`` heads, or as many calls' (tails.calls)
        reached with this head."""
        heads = self._tail_heads.setdefault(tail, set())
        before = self._tail_calls.get(tail, 0)
        if head not in heads:
            heads.add(head)
            self._tail_calls[tail] = calls(heads)
        return heads, len(heads) == RECURRING_TAIL_HEADS or (
            before < RECURRING_TAIL_HEADS <= self._tail_calls[tail]
        )

    def _recheck_followed(self, tail: tuple[str, ...], head: HeadKey, heads: set[HeadKey]) -> None:
        """Recheck the other heads ``tail`` followed, and the heads without a colon it ended,
        now that it recurs (a value): they may hold two such tails."""
        for other_head in [*(heads - {head}), *self._tail_open.get(tail, ())]:
            self._recheck(other_head)

    def _closes(self, tokens: list[str], end: int) -> bool:
        """True if a semicolon closes the free text after the head ending at ``end``
        (tails.semicolon_close) with an ending of the event's own: one that has followed no
        other head, where an error's own text (``Lock wait timeout exceeded; try restarting
        transaction``) ends the messages of many calls."""
        close = semicolon_close(tokens, end)
        if close is None:
            return False
        heads = self._endings.get(tuple(tokens[close + 1 :]), ())
        return len(heads) < RECURRING_TAIL_HEADS

    def _recheck(self, head: HeadKey) -> None:
        """Merge the templates after ``head`` if its tails now recur."""
        seen = self._tails.get(head)
        if not seen or len(seen) < 2:
            return
        end = len(head) - 1
        shape = next(iter(seen.values()))
        if len(shape.tokens) <= end + 1:
            return
        label = end not in head_ends(shape.tokens)
        if not self._recurring(list(seen), head, label):
            return
        self._merge_head(head, end, label, None)

    def _merge_head(self, head: HeadKey, end: int, label: bool, shape: Shape | None) -> str | None:
        """Make the live templates after ``head`` one whose tail is free text (or holds one or
        two variables, see tails.value_slots) if their tails still show it."""
        shapes: list[Shape] = []
        for other in self._tails[head].values():
            if (
                self._live(other)
                and other not in shapes
                and (end in head_ends(other.tokens, labels=True) or end in open_ends(other.tokens))
                and _head(other.tokens, end, label) == head
            ):
                shapes.append(other)
        live = list({value_tail(other.tokens, end) for other in shapes})
        if not live or not (
            self._recurring(live, head, label)
            or (
                not label
                and (tails_vary(live, self._config.min_distinct_tails) or chained_value(live))
            )
        ):
            return None
        slots = value_slots(live)
        if slots:
            if shape not in shapes:
                return None
            return self._merge_slots(shape, [end + 1 + slot for slot in slots])
        return self._merge_free(shapes, end)

    def _merge_slots(self, shape: Shape, indexes: list[int]) -> str | None:
        """Make ``indexes`` of ``shape`` variables and take in the siblings it then covers.
        Returns the id its template had, if that changed."""
        for index in indexes:
            shape.tokens[index] = WILDCARD
            shape.general.add(index)
        return self._settle(shape, self._absorb_family(shape))

    def _settle(self, shape: Shape, absorbed: list[str]) -> str | None:
        """After ``shape``'s tokens changed and it took in the templates ``absorbed``: index it
        under its new key, retitle its template, alias the absorbed ids to it. Returns the id
        its template had, if that changed."""
        if group_key(shape.tokens) != shape.key:
            self._rekey(shape)
        previous_id = self._retitle(shape)
        for tid in absorbed:
            self._add_alias(tid, shape.template.id)
        self._remember_skeleton(shape)
        return previous_id

    def _recurring(self, tails: list[tuple[str, ...]], head: HeadKey, label: bool = False) -> bool:
        """True if two of these tails each followed several heads: values (the same errors
        after many calls), even when this head has had only these two. After a single label,
        heads that differ only in a value count as one call (tails.calls): the same event
        after ``warning: atlas:`` and ``warning: <*>:`` is no value. After a sentence
        (``head`` ending in a full stop), tails that begin alike up to a longer head
        (tails.shared_head) are that head's. After a label opening the message alone (a
        component's tag, ``faces:``), the tails that read as an event's own message
        (tails.event_tail) and followed no other head must not outnumber those values: the
        component's own events, a few of which other components print too (round 49); so do
        the tails that begin with a sentence's head another of them shares, a value of their own
        after it (tails.headed_events: ``Failed to register queue event: <*>``, round 54)."""
        if head[-1][-1:] == "." and shared_head(tails):
            return False
        if _stopped_pair(tails):
            # Two tails apart only in a full stop after a value (``<*>.`` / ``<*>``): two
            # calls' formats, each with its value, not free text (round 66).
            return False
        if label:
            if head[0] in self._senders or _quoting_splits(tails):
                # A sender's label, or a quoted value and text out of quotes after the label
                # (``: '<*>'`` / ``: (not provided)``): two calls, not one value (round 77).
                return False
            if head[-1][-1:] not in ":.":
                # A head ending in a word (tails.open_ends; also a label's cause or arrow):
                # two of its tails must be values learnt after other heads, ending in ``:``.
                known = self._tail_heads
                return sum(len(known.get(tail, ())) >= RECURRING_TAIL_HEADS for tail in tails) >= 2
            found = self._tail_calls
            recurring = [found.get(tail, 0) >= RECURRING_TAIL_HEADS for tail in tails]
            values = sum(recurring)
            if values < 2 or len(head) > 1:
                return values >= 2
            # A tag in front of every message of a component (``faces: found no samples``,
            # ``faces: loading <*>``, ``nsfw: loading <*>``): its events outnumber the values.
            headed = headed_events(tails)
            events = sum(
                1
                for tail, value in zip(tails, recurring, strict=True)
                if not value and (event_tail(tail) or tail in headed)
            )
            return events <= values
        recurrent = [tail for tail in tails if self._recurs(tail)]
        if len(recurrent) != 1:
            return len(recurrent) >= 2
        # One text that recurs and another after a head ending in a colon (keyed ``<*>`` when
        # the colon follows a value, ``'<*>':``), not a subject's name (``S3 bucket backups:``,
        # its events after it): free text when the one that recurs is an error's text with
        # values of its own (round 64, tails.valued_text).
        return (
            len(tails) >= 2
            and (head[-1][-1:] == ":" or head[-1] == WILDCARD)
            and not subject_head(head)
            and valued_text(recurrent[0])
        )

    def _recurs(self, tail: tuple[str, ...]) -> bool:
        """True if ``tail`` followed several heads, as a value does. A sentence of its own
        (tails.sentence) must have followed several calls (tails.calls): after heads of one
        call that differ in a value, it is that call's event, as the same message printed by
        ``TRACE: Plugin Mono:`` and ``TRACE: Plugin Go:`` once ``TRACE: Plugin <*>:`` covers
        both (``Could not shell_out "<*>". Skipping plugin``, ``No data to collect.
        Skipping...``); short errors after one call's heads (``TRACK Error at <*>:
        Not_found``) still recur (round 51)."""
        return len(self._tail_heads.get(tail, ())) >= RECURRING_TAIL_HEADS and (
            self._tail_calls.get(tail, 0) >= RECURRING_TAIL_HEADS or not sentence(tail)
        )

    def _free_text(self, tails: list[tuple[str, ...]], head: HeadKey, written: list[str]) -> bool:
        """True if these distinct tails of one head (``written`` as in the new shape) are the
        values of free text."""
        if self._recurring(tails, head) or chained_value(tails):
            return True
        # Different texts after a category label (libvirt's "internal error: ...") are
        # different events: a value recurs after other heads, or holds values of its own
        # every time.
        return tails_vary(tails, self._config.min_distinct_tails) and (
            any(map(self._recurs, tails))
            or (
                all(any(WILDCARD in token for token in tail) for tail in tails)
                and not _subject_events(tails, written, every=True)
            )
        )

    def _remember_free(self, key: tuple[int, str], template: Template) -> None:
        if sum(map(len, self._free.values())) >= 2 * self._config.max_templates_per_service:
            # Bound: keep the live ones (evicted and merged templates drop out).
            self._free = {
                k: live
                for k, found in self._free.items()
                if (live := [t for t in found if self.templates.get(t.id) is t])
            }
        found = self._free.setdefault(key, [])
        if template not in found:
            found.append(template)

    def _covered(self, head: list[str], end: int) -> list[Shape]:
        """Live shapes with a tail after a head, ending at ``end``, that ``head`` covers."""
        label = end not in head_ends([*head, WILDCARD])
        return [
            shape
            for group in self._groups.values()
            for shape in group
            if len(shape.tokens) > end + 1
            and shape.tokens[end][-1:] == ":"
            and self.templates.get(shape.template.id) is shape.template
            and _fits_head(shape.tokens[: end + 1], head, label)
            and end in head_ends(shape.tokens, labels=True)
        ]

    def _merge_free(self, shapes: list[Shape], end: int) -> str | None:
        """Make ``shapes`` -- and every other live shape their merged head covers -- one
        template whose tail after ``end`` is a variable. Returns the survivor's old id if
        anything changed."""
        survivor = shapes[0].template
        merged = list(shapes[0].tokens[: end + 1])
        for shape in shapes[1:]:
            for index in range(end + 1):
                if merged[index] != shape.tokens[index] and merged[index] != WILDCARD:
                    merged[index] = generalise_token(merged[index], shape.tokens[index])
        taken = set(map(id, shapes))
        for shape in self._covered(merged, end):
            if id(shape) not in taken:
                shapes.append(shape)
                taken.add(id(shape))
        # A semicolon closes the free text only if it closes every tail (tails.semicolon_close):
        # an ending that some of them lack is the error's text.
        closing = all(self._closes(s.tokens, end) for s in shapes)
        forms = [free_form(merged, s.tokens, end, closing) for s in shapes]
        if all(
            s.template is survivor
            and s.tokens == form
            and free_tail_end(s.tokens, labels=True) == end
            for s, form in zip(shapes, forms, strict=True)
        ):
            return None  # nothing to take in
        by_length: dict[tuple[str, ...], Shape] = {}
        for shape, form in zip(shapes, forms, strict=True):
            size = len(shape.tokens)
            old = shape.template
            general = {i for i in range(end + 1) if merged[i] != shape.tokens[i]}
            general.update(range(end + 1, tail_stop(shape.tokens, end, closing) + 1))
            general.update(i for i in range(end + 1, size) if form[i] != shape.tokens[i])
            kept = by_length.get(tuple(form))
            if kept is not None:
                kept.general.update(shape.general | general)
                self._drop_shape(shape)
                old.shapes.remove(shape)
            else:
                shape.tokens[:] = form
                shape.general.update(general)
                if group_key(shape.tokens) != shape.key:
                    self._rekey(shape)
                by_length[tuple(form)] = shape
                if old is not survivor:
                    old.shapes.remove(shape)
                    survivor.shapes.append(shape)
                    shape.template = survivor
            if old is not survivor and not old.shapes:
                self._retire(old, survivor)
        # The head's own shape first: the template is rendered from it.
        first = by_length[tuple(forms[0])]
        survivor.shapes.remove(first)
        survivor.shapes.insert(0, first)
        survivor.variadic = True
        self._remember_free(free_key(first.tokens, end), survivor)
        old_id = survivor.id
        self._rename(survivor)
        return old_id

    def _rename(self, template: Template) -> str | None:
        """Re-render a whole template (all its shapes); rename or merge it. Returns the old id."""
        first = template.shapes[0]
        text = self._render(first, template)
        if text == template.text:
            return None
        old_id = template.id
        del self.templates[old_id]
        self._by_text.pop(template.text, None)
        target = self._by_text.get(text)
        if target is None:
            template.id = template_id(self.service, text)
            template.text = text
            self.aliases.pop(template.id, None)
            self.templates[template.id] = template
            self._by_text[text] = template
            self._counters.generalisations += 1
        else:
            for shape in template.shapes:
                shape.template = target
                target.shapes.append(shape)
            target.count += template.count
            target.variadic = target.variadic or template.variadic
            target.measured = target.measured or template.measured
            self.templates.move_to_end(target.id)
            self._counters.merges += 1
            template = target
        self._add_alias(old_id, template.id)
        return old_id

    def _remember_skeleton(self, shape: Shape) -> None:
        tokens = shape.tokens
        bound = 2 * self._config.max_templates_per_service
        if WILDCARD in tokens:
            folded = skeleton(tokens)
            if len(folded) >= 2:
                if len(self._skeletons) >= bound:
                    self._skeletons.clear()  # bound: entries are hints, validated on use
                self._skeletons[folded] = shape.template
        # "<*>" holds no space, so it is in the joined text only where it is in a token.
        if WILDCARD in " ".join(tokens):
            measures = measure_skeleton(tokens)
            if len(self._measures) >= bound:
                self._measures.clear()
            self._measures.setdefault(measures, shape.template)
        if has_list(tokens):
            lists = list_skeleton(tokens)
            if lists != tuple(tokens):
                if len(self._lists) >= bound:
                    self._lists.clear()
                self._lists.setdefault(lists, shape.template)
                if WILDCARD in lists[1:]:
                    heads = self._list_heads.setdefault((len(lists), lists[0]), {})
                    if lists not in heads:
                        if self._list_head_count >= bound:
                            # bound: entries are hints, validated on use (_known)
                            self._list_heads.clear()
                            self._list_head_count = 0
                            heads = self._list_heads.setdefault((len(lists), lists[0]), {})
                        heads[lists] = None
                        self._list_head_count += 1

    def _render(self, shape: Shape, template: Template) -> str:
        """``template``'s text from ``shape``: its tokens with the pins shown (``_shown``)."""
        tokens = self._shown(shape)
        if template.measured:
            return RUNS.sub(WILDCARD, render(list(measure_skeleton(tokens))))
        text = render(tokens, shape.folded)
        return RUNS.sub(WILDCARD, text) if template.variadic else text

    def _rekey(self, shape: Shape) -> None:
        """Move a shape whose first token generalised to the group of its new key."""
        self._unlink(shape)
        shape.key = group_key(shape.tokens)
        self._link(shape)

    def _link(self, shape: Shape) -> None:
        group = self._groups.get(shape.key)
        if group is None:
            group = self._groups[shape.key] = []
            self._lengths.setdefault(shape.key[0], {})[shape.key] = None
        group.append(shape)

    def _unlink(self, shape: Shape) -> None:
        group = self._groups.get(shape.key)
        if group is not None and shape in group:
            group.remove(shape)
            if not group:
                del self._groups[shape.key]
                keys = self._lengths[shape.key[0]]
                keys.pop(shape.key, None)
                if not keys:
                    del self._lengths[shape.key[0]]

    def _best(self, group: list[Shape], tokens: list[str], agreeing: int = 0) -> Shape | None:
        """The shape sharing most tokens with ``tokens``, if it shares enough (counting
        ``agreeing`` more that differ only in a value)."""
        size = len(tokens)
        if size == 0:
            return group[0]
        needed = self._threshold * size - agreeing
        if len(group) == 1:  # the common case, without the loop
            best = group[0]
            return best if sum(map(eq, best.tokens, tokens)) >= needed else None
        best = group[0]
        best_score = -1
        for shape in group:
            # operator.eq: a builtin function, where str.__eq__ is a slot wrapper (2.5x slower).
            score = sum(map(eq, shape.tokens, tokens))
            if score > best_score:
                best, best_score = shape, score
                if score == size:
                    break  # every token equal: no later shape scores more
        return best if best_score >= needed else None

    def _sender_varies(self, words: list[int], mine: list[str], theirs: str) -> bool:
        """True if only the first token differs in words and both name who logs: dotted
        component names, quoted words (tokens.is_quoted_word), or single labels before an
        event's own message (tails.event_tail, or a sentence up to a colon with its error
        after it, tails.sentence_head: ``kitchen_primary: dim ramp step failed for per-key:
        <*>``, round 61), which are remembered as senders' names."""
        if len(words) != 1:
            return False
        if is_qualified_name(mine[0]) and is_qualified_name(theirs):
            return True
        if is_quoted_word(mine[0]) and is_quoted_word(theirs):
            return True
        if _package_name(mine[0]) and _package_name(theirs) and event_tail(mine[1:]):
            # A package's exported name in front (Go's ``context.Canceled``, ``os.ErrNotExist``)
            # before an event's own message: an error's or a type's name the format prints
            # first, a value (round 58).
            return True
        if _bracketed_word(mine[0]) and _bracketed_word(theirs) and event_tail(mine[1:]):
            return True
        if _glued_front(mine, theirs):
            # A value glued to the event's first word (``novaException in serial callback``,
            # ``%sException``): the same word after another value (round 91).
            return True
        if is_subject(mine[0]) and is_subject(theirs):
            self._prints_subjects = True
            return True
        if _named_subject(mine[0]) and _named_subject(theirs):
            if event_tail(mine[1:]):
                return True
            if "." in theirs and _subject_message(mine[0], mine[1:]):
                # A dotted name before a short message (``web.service terminating``) or a
                # sentence and its error (_subject_message, past its event_tail): its value
                # stands for such names only (_search, _absorb_family).
                tails = self._dotted_tails
                if len(tails) >= self._config.max_templates_per_service:
                    tails.clear()  # bound: only a hint
                tails.add(tuple(mine[1:]))
                return True
        if _front_state(mine, theirs):
            # An UPPER_CASE state in front, a short lower-case word joining it to a value
            # (``INACTIVE for <*>`` / ``NOT_READY for <*>``): ``%s for %s``, the state printed
            # first among the call's values, as _amid_values takes it inside (round 82).
            return True
        if (
            _capitals(mine[0])
            and _capitals(theirs)
            and not is_label(mine[0])
            and event_tail(mine[1:])
        ):
            # A word of capitals in front of an event's own message (``PUT ignoring request
            # ...``): a method's or an error's name, a value; not a code with digits in it
            # (``ARJUNA044004:``), nor a label (a sender's name, below).
            return True
        if not (
            is_label(mine[0])
            and is_label(theirs)
            and (
                event_tail(mine[1:])
                or (_snake_name(mine[0]) and _snake_name(theirs) and sentence_head(mine[1:]))
                or ("." in mine[0] and "." in theirs and _short_tail(mine[1:]))
            )
        ):
            # A dotted name in front (a logger's, a unit's, a host's: ``consul.fsm:``,
            # ``web.service:``), never a C function's, is a sender's also before a short
            # message (``<*> discarded``, ``new StreamingReader``, _short_tail), which
            # event_tail leaves to the labels of one event (``tty_clear_line: <*>, <*> at
            # <*>`` / ``tty_clear_area:``, functions' names that C programs write) (round 51).
            return False
        senders = self._senders
        if len(senders) >= self._config.max_templates_per_service:
            senders.clear()  # bound: only a hint
        senders.update((mine[0], theirs))
        return True

    def _words_vary(self, shape: Shape, tokens: list[str], words: list[int], key: GroupKey) -> bool:
        """Record the words seen at ``words``; True once they took enough distinct values."""
        mine = shape.tokens
        # A Capitalised or UPPER_CASE word that ends the message is a state reported last
        # (``Valid state - Running``, ``returned FAILED``); elsewhere such words name events,
        # and so does an UPPER_CASE word at the end beside a word in another case (``Unexpected
        # SIV`` / ``Unexpected length``): the values of one state are written alike.
        # A first token gets here only as a sender's name (_sender_varies): no state. A
        # label's value (_labelled) is a value whatever its case. One such word elsewhere,
        # with only labels' values differing beside it, written alike in both (``state was:
        # Failed,`` / ``Succeeded,``), is one call's state after min_distinct_states of them
        # (min_distinct_upper_states when UPPER_CASE).
        if any(
            _other_call(mine[i], tokens[i])
            and (_bare_call(mine[i], tokens[i]) or not any(map(_has_letters, mine[:i])))
            for i in words
        ):
            return False
        if any(_method_after_label(mine, tokens, i) for i in words):
            # A method's name after the label opening the message is the call that logs.
            return False
        if any(_quoting_differs(mine[i], tokens[i]) for i in words):
            # A value quoted in one message and bare in the other: another format, another
            # call (``Reading workflow 'ci'`` / ``Reading workflow <*>``).
            return False
        if any(_stops_differ(mine[i], tokens[i]) for i in words):
            # A word ended by a sentence's stop in one message and by another or none in the
            # other (``nothing to copy.`` / ``nothing to do!`` / ``nothing to remove``): a
            # format writes its own stop after its value every time; another call (round 78).
            return False
        if any(_PREDICATE.fullmatch(mine[i]) and _PREDICATE.fullmatch(tokens[i]) for i in words):
            # A predicate's name in both (``looks_like_gce?`` / ``has_gce_dmi?``): the code's
            # own call, written into the format, one call each.
            return False
        if len(words) == 1 and _participles(mine, tokens, words[0]):
            # One verb's past form differing amid plain words is another action: another
            # event, however many of them (round 56); so is its form in ``ing`` (round 57).
            return False
        last = len(tokens) - 1
        # The word after a noun naming its kind (``type``, ``code``, ``status``, ...) is its
        # value as a label's is (_kind_named): formats write ``of type %s``, ``with status
        # %s``, and two kinds are as many as a program may have.
        # So are the states on either side of an arrow after a label (_transition_side): a
        # transition's source and target, ``state: %s -> %s``.
        transitions = [i for i in words if _transition_side(mine, tokens, i)]
        labelled = [
            i
            for i in words
            if i in transitions
            or _labelled(mine, tokens, i)
            or _kind_named(mine, tokens, i)
            or _kind_of(mine, tokens, i)
            or _key_listed(mine, tokens, i)
            or _glued_kind(mine[i], tokens[i])
        ]
        enums = [
            i
            for i in words
            if i
            and i not in labelled
            and (is_enum(mine[i]) or is_enum(tokens[i]))
            and (i != last or _upper(mine[i]) != _upper(tokens[i]))
        ]
        states = 0
        if enums:
            if (
                not self._config.min_distinct_states
                or len(enums) != 1
                or any(i not in labelled for i in words if i != enums[0])
                or not _states(mine[enums[0]], tokens[enums[0]])
            ):
                return False
            # UPPER_CASE states (an enum's name, a method: ``GET`` / ``PUT``) are values after
            # fewer of them than Capitalised words, more often nouns of the format (round 42).
            states = (
                self._config.min_distinct_upper_states
                if _upper(mine[enums[0]])
                else self._config.min_distinct_states
            )
            if not states:
                return False
        # Several words differing at once are more often another event than one value: each
        # further position needs two more distinct values. Names as code writes them
        # (``io.EOF``, ``PingFrame``) are values, not event words: they add no such cost, and
        # where only they differ, two of them are enough; but not a label opening the message
        # (``obs_encoder_set_audio:`` / ``obs_encoder_get_frame_size:``): a function's or a
        # module's name that C programs write into the format, a sender's name only after
        # as many of them as of plain words (round 49).
        plain = sum(
            1
            for i in words
            if not names_differ(mine[i], tokens[i]) or (i == 0 and is_label(mine[0]))
        )
        positions = set(words)
        if (plain > 1 or (plain and last not in positions and mine[0].isalpha())) and not any(
            index not in positions and _has_letters(token)
            for index, token in enumerate(mine[1:], start=1)
        ):
            # Words differing everywhere but in the first token leave no event words: the
            # calls of one component (``pool <*> <*> <*>``), not one event's values. So does
            # one word after a lone verb with a value after it (``Created project <*>`` /
            # ``Created user <*>``): the noun names the call's object, one call per noun.
            return False
        if plain > 1 and _calls_before_tail(mine, tokens, words):
            return False
        if any(_verb_after_marker(mine, tokens, i) for i in words) and (
            plain > 1 or _object_in_words(mine, tokens, words)
        ):
            # Several words differing, one of them the verb after ``to`` or ``not`` (``failed
            # to get refresh token`` / ``failed to verify ID token``): another action, another
            # event; a value is no verb. So is the verb alone where the template has values
            # after it that the message writes in plain words (``failed to reap <*> <*>: <*>``
            # / ``failed to create CDC streamer: <*>``, round 81).
            return False
        needed = self._config.min_distinct_words + 2 * max(plain - 1, 0) - (0 if plain else 1)
        if (
            words == [0]
            and _named_subject(mine[0])
            and not is_qualified_name(mine[0])
            and not event_tail(mine[1:])
        ):
            # A dotted name before a short message or a sentence and its error
            # (_subject_message) is a value after as many of them as a plain word needs, not
            # two names' (names_differ): such a message says less of its own (``rpc.statd
            # startup succeeded`` / ``rpc.idmapd``, two daemons' messages).
            needed = max(needed, self._config.min_distinct_words)
        if (
            len(labelled) == 1
            and words == labelled
            and "_" not in mine[words[0]] + tokens[words[0]]
        ) or words == transitions:
            # The one word after a label, ending the message or closed by a comma before the
            # next label (``Link Status: UP`` / ``DOWN``, ``reason: HEAD, message: ...``), is
            # the label's value: two of them are enough.
            needed = 2
        if (
            len(words) == 1
            and words[0]
            and _BRACKETED_VALUE.fullmatch(mine[words[0]])
            and _BRACKETED_VALUE.fullmatch(tokens[words[0]])
            and (words[0] != last or WILDCARD not in mine[words[0] - 1])
        ):
            # One word in square brackets of its own inside the message, the one word that
            # differs (``Alert for Event [tcp]`` / ``[unix]``, ``options [toml]``), is written
            # where a format puts a value (Ruby's ``[#{x}]``, SLF4J's ``[{}]``): two of them are
            # enough, as for a label's value (round 46). Not a word ending the message right
            # after a value (``closed by <*> [preauth]``): a tag appended to the message.
            needed = min(needed, 2)
        if len(words) == 1 and words[0] > 1 and _amid_values(mine, tokens, words[0]):
            # A state where the format prints a value among its values, right after one at the
            # end (``- <*> POST`` / ``HEAD``) or between two joined by short words (``<*> is
            # Succeeded for '<*>'`` / ``Terminating``), is the call's value: two of them are
            # enough, as for a label's value, whatever min_distinct_states asks (round 76).
            needed = min(needed, 2)
            states = 0
        if states and not (
            _BRACKETED_STATE.fullmatch(mine[enums[0]])
            and _BRACKETED_STATE.fullmatch(tokens[enums[0]])
        ):
            # A state in brackets of its own inside the message (``committer [Ready] finished``,
            # ``status [Waiting],``) is written where a value goes (SLF4J's ``[{}]``): no more
            # of them needed than of other words.
            needed = max(needed, states)
        if (
            states
            and not _upper(mine[enums[0]])
            and all(
                _has_letters(token) and WILDCARD not in token
                for token in mine[enums[0] + 1 : enums[0] + 2]
            )
            and sum(
                1
                for index, token in enumerate(mine)
                if index not in positions and WILDCARD not in token and _has_letters(token)
            )
            >= _STATE_CONTEXT
        ):
            # A Capitalised state amid at least _STATE_CONTEXT words written alike, a word after
            # it (``Invalid task state Running provided for detection, ignoring`` / ``Succeeded``):
            # the sentence around it fixes the event, the state is its value after as few of them
            # as other words need (round 45). Not before a value (``cover image for Chapter <*>``
            # / ``Series <*>``: a kind naming the value), nor UPPER_CASE (``LEADING
            # (my state)``: states written as code's constants often name events).
            needed = min(needed, self._config.min_distinct_words)
        counted = words
        if states:
            # A state is counted in one family whatever the labels' values beside it, those
            # that differ here and those that differed before (``replies to STOPPED ...
            # state: READY`` / ``replies to FAILED ... state: <*>``): the state's values, not
            # the pairs of the state and a label's value (round 42).
            counted = enums
            positions.update(_label_values(mine, tokens))
        family = (
            key if counted[0] else (key[0], WILDCARD),
            tuple(counted),
            tuple(
                WILDCARD if index in positions or WILDCARD in token else token
                for index, token in enumerate(mine)
            ),
        )
        seen = self._families.get(family)
        if seen is None:
            if len(self._families) >= self._config.max_templates_per_service:
                self._families.clear()  # bound: only a hint, rebuilt from new messages
            seen = self._families[family] = set()
        if len(seen) < needed:
            seen.add(tuple(mine[i] for i in counted))
            seen.add(tuple(tokens[i] for i in counted))
            if (
                len(seen) < needed
                and len(counted) == 1
                and counted[0]
                and not states
                and _sentence_slot(mine, counted[0], family[2])
            ):
                self._sibling_words(shape, key, counted[0], tokens[counted[0]], family[2], seen)
        return len(seen) >= needed

    def _one_word_apart(self, shape: Shape, key: GroupKey) -> list[str]:
        """After a word of ``shape`` became a variable, siblings of its group that now differ
        from it in one word only, amid a sentence (_sentence_slot), are asked whether that word
        varies (_words_vary, which also counts the words the other siblings hold there); if it
        does, the position is a variable and they are taken in; return the emptied templates'
        ids (round 47). A message that matches a sibling as it is never compares with
        ``shape``: without this, the order in which the positions of one event became
        variables decided whether its siblings ever merged (Eureka's ``completed with status
        tcp, (includes entity <*>)`` / ``tcp4,`` / ``udp,``, each status first seen beside an
        entity that became a variable in another sibling)."""
        absorbed: list[str] = []
        mine = shape.tokens
        for other in list(self._groups.get(key, ())):
            if other is shape or other.template is shape.template:
                continue
            theirs = other.tokens
            apart = [
                index
                for index, token in enumerate(mine)
                if token != theirs[index]
                and not covers(token, theirs[index], index in shape.general)
            ]
            if len(apart) != 1:
                continue
            index = apart[0]
            if (
                not index
                or WILDCARD in mine[index]
                or WILDCARD in theirs[index]
                or not differ_in_words(mine[index], theirs[index])
                or not _sentence_slot(mine, index)
            ):
                continue
            tokens = list(mine)
            tokens[index] = theirs[index]
            if self._words_vary(shape, tokens, [index], key):
                mine[index] = generalise_token(mine[index], theirs[index])
                shape.general.add(index)
                absorbed += self._absorb_family(shape)
        return absorbed

    def _sibling_words(
        self,
        shape: Shape,
        key: GroupKey,
        index: int,
        word: str,
        pattern: tuple[str, ...],
        seen: set[tuple[str, ...]],
    ) -> None:
        """Add to ``seen`` the words that the other shapes of the group hold at ``index`` where
        they agree with ``pattern`` (the family's tokens) everywhere else, words differing from
        ``word`` as words, alike in case as states go and no other call: the values the
        position took in messages that compared with another sibling, or before another
        position of the event became a variable (round 47)."""
        for other in self._groups.get(key, ()):
            if other is shape:
                continue
            theirs = other.tokens
            value = theirs[index]
            if (
                WILDCARD not in value
                and all(p in (WILDCARD, t) for p, t in zip(pattern, theirs, strict=True))
                and differ_in_words(word, value)
                and is_enum(word) == is_enum(value)
                and not _other_call(word, value)
            ):
                seen.add((value,))

    def _cross_siblings(self, shape: Shape) -> Shape:
        """``shape`` with the words a sibling made variables made variables too: two templates
        of one length that agree but where each has a variable the other has a word in
        (``specified <*> and the value is invoices`` / ``specified alpha.service and the value
        is <*>``) are one event with two values, each position proven by its own words. A
        variable in punctuation of its own (``<*>.``, ``'<*>'``) crosses a word written in it
        (``json.``), and positions after a head ending in ``:`` cross too (round 41): a word on
        each side of such a head that the other template already holds as a variable is a
        value there as well (``TRACE: package[jq] <*> ...`` / ``TRACE: <*> delta ...``),
        except a tail of one token after a head, whose values tails.py decides."""
        mine = shape.tokens
        size = shape.key[0]
        for key in list(self._lengths.get(size, ())):
            for other in self._groups[key]:
                crossed = _crossed(mine, other.tokens) if other is not shape else None
                if crossed:
                    for index in crossed:
                        mine[index] = other.tokens[index]
                        shape.general.add(index)
                    return shape
        return shape

    def _absorb_family(
        self,
        shape: Shape,
        values: tuple[list[str], list[int]] | None = None,
        subjects: bool = False,
        lists: tuple[str, ...] | None = None,
        among: list[Shape] | None = None,
        quoting: bool = False,
    ) -> list[str]:
        """Fold sibling shapes that now fit ``shape``; return the ids of emptied templates.
        With ``values`` (a message's tokens and positions), only siblings that differ from
        the message there only in values; with ``subjects``, only siblings led by a subject
        (tokens.is_subject); with ``lists``, only siblings of that list skeleton
        (lists.list_skeleton); with ``among``, only those shapes; with ``quoting``, no sibling
        that quotes a value ``shape`` writes bare, or the reverse, after no label: another
        call's (_quoted_unlabelled, round 83)."""
        merged = shape.tokens
        emptied: list[str] = []
        size = shape.key[0]
        siblings = (
            [other for key in list(self._lengths.get(size, ())) for other in self._groups[key]]
            if among is None
            else among
        )
        for other in siblings:
            if (
                other is shape
                or not instance_of(other.tokens, merged)
                or (subjects and not is_subject(other.tokens[0]))
                or (values is not None and not _values_alike(other.tokens, *values))
                or (lists is not None and list_skeleton(other.tokens) != lists)
                or (quoting and _quoted_unlabelled(other.tokens, merged))
                or (self._dotted_tails and self._plain_for_dotted(other.tokens, merged))
            ):
                continue
            for index, token in enumerate(other.tokens):
                if token != merged[index]:
                    shape.general.add(index)
                    if merged[index] != WILDCARD:
                        merged[index] = generalise_token(merged[index], token)
            self._drop_shape(other)
            absorbed = other.template
            absorbed.shapes.remove(other)
            if not absorbed.shapes and absorbed is not shape.template:
                shape.template.count += absorbed.count
                del self.templates[absorbed.id]
                self._by_text.pop(absorbed.text, None)
                emptied.append(absorbed.id)
                self._counters.merges += 1
        return emptied

    def _plain_for_dotted(self, tokens: list[str], merged: list[str]) -> bool:
        """True if ``tokens`` is led by a word without a dot where ``merged`` holds the
        value of dotted names before a short message (_dotted_tails, round 84): a plain
        word's own message (``sysinfo updated``), not that value's (_search)."""
        first = tokens[0]
        return (
            merged[0] == WILDCARD
            and "." not in first
            and WILDCARD not in first
            and tuple(merged[1:]) in self._dotted_tails
        )

    def _absorb_keyed(self, shape: Shape) -> list[str]:
        """Fold the shapes of ``shape``'s group that fit it but for the word values of keys
        (_keyed_apart); return the ids of emptied templates. Compared as a message would be,
        such a value is no word (``differ_in_words``: ``mode=fast`` / ``mode=safe``), so the
        two are one event met in another order (round 69)."""
        merged = shape.tokens
        group = self._groups.get(shape.key, ())
        apart = [
            other for other in group if other is not shape and _keyed_apart(other.tokens, merged)
        ]
        if not apart:
            return []
        for other in apart:
            for index, token in enumerate(other.tokens):
                if token != merged[index] and merged[index] != WILDCARD:
                    merged[index] = generalise_token(merged[index], token)
                    shape.general.add(index)
        return self._absorb_family(shape, among=apart)

    # -- template bookkeeping ----------------------------------------------------------

    def _live(self, shape: Shape) -> bool:
        """Whether ``shape`` is in use and its template still the service's (not merged away
        or evicted): indexes hold shapes that may no longer be."""
        return shape.alive and self.templates.get(shape.template.id) is shape.template

    def _retire(self, old: Template, into: Template) -> None:
        """``old`` gave its last shape to ``into``: its lines count there, its id is an alias."""
        into.count += old.count
        del self.templates[old.id]
        self._by_text.pop(old.text, None)
        self._add_alias(old.id, into.id)
        self._counters.merges += 1

    def _create(self, tokens: list[str], key: GroupKey) -> tuple[Shape, bool, str | None]:
        """A new shape; its template is new unless another shape already renders the same."""
        found = all_head_ends(tokens)
        if self._free_spans and found[0]:
            joined = self._join_span(tokens, key, found[0][0])
            if joined is not None:
                return joined
        text = render(tokens)
        template = self._by_text.get(text)
        created = template is None
        if template is None:
            template = self._new_template(text)
        shape = Shape(list(tokens), key, template)
        template.shapes.append(shape)
        template.count += 1
        self.templates.move_to_end(template.id)
        self._link(shape)
        self._remember_skeleton(shape)
        merged = self._note_tails(shape, found)
        if merged is None and created and found[0]:
            merged = self._note_spans(shape, found[0][0])
        if merged is not None:
            # The new template became part of the head's free-tail template at once.
            return shape, False, None if merged == template.id and created else merged
        return shape, created, None

    def _anchors(self, tokens: list[str], end: int) -> list[tuple[Anchor, int]]:
        """Longest end first, the (head, end) pairs around a span of free text after the
        head ending at ``end`` (the first of tails.head_ends with labels), each with the span's
        length."""
        size = len(tokens)
        longest = min(MAX_SPAN_END, size - end - 2)
        # The ends with a word in them: those reaching back to the last word, at least.
        shortest = next(
            (
                length
                for length in range(1, longest + 1)
                if WILDCARD not in tokens[size - length] and _has_letters(tokens[size - length])
            ),
            longest + 1,
        )
        if shortest > longest:
            return []
        head = head_key(tokens, end)
        return [
            ((head, tuple(tokens[size - length :])), size - length - end - 1)
            for length in range(longest, max(shortest, 2) - 1, -1)
        ]

    def _note_spans(self, shape: Shape, end: int, changed: list[int] | None = None) -> str | None:
        """Free text amid a message: an error printed with more of the format after it
        (``faces: %s (resolve ambiguous subjects)``). Record the spans between the head and
        each constant end of a new template (two to ``MAX_SPAN_END`` tokens, a word among
        them); once a pair of head and end has had spans of two lengths or more, not all
        beginning with the same word (more of the format), each a value (holding one) or
        recurring (seen after two heads), one of them recurring and an error's text (not plain
        words: ``found no``), its templates become one whose span is a variable.

        ``changed``: the positions of a generalised shape that just became variables. Only
        its longest end that begins with a plain word (:func:`_plain_word`) is looked at, if
        it holds one of them (a shorter one would take in words of the format with the value
        before them, ``in <*> (exif gps-info)``), and a recurring span must show a chain of
        contexts (:func:`_chained`)."""
        anchors = self._anchors(shape.tokens, end)
        if changed is not None:
            size = len(shape.tokens)
            anchors = [(anchor, length) for anchor, length in anchors if _plain_word(anchor[1][0])][
                :1
            ]
            if not anchors or all(index < size - len(anchors[0][0][1]) for index in changed):
                return None
        if not anchors:
            return None
        spans = self._spans
        if len(spans) >= 2 * self._config.max_templates_per_service:
            spans.clear()  # bound: only a hint, rebuilt from new templates
            self._span_anchors.clear()
            self._span_heads.clear()
            self._recurring_spans.clear()
        tokens = shape.tokens
        heads = self._span_heads
        recurring = self._recurring_spans
        due: list[Anchor] = []
        for anchor, length in anchors:
            span = tuple(tokens[end + 1 : end + 1 + length])
            spans.setdefault(anchor, {})[span] = shape
            seen = self._span_anchors.setdefault(span, set())
            seen.add(anchor)
            first = heads.setdefault(span, anchor[0])
            if first != anchor[0] and length >= 2 and span not in recurring:
                # The span has just become a value: the ends it came before may now vary.
                recurring.add(span)
                due.extend(other for other in seen if other[0] != anchor[0])
        chained = changed is not None
        for anchor, _ in anchors:
            if self._spans_vary(anchor, chained):
                return self._merge_span(anchor, end)
        for anchor in due:
            if self._spans_vary(anchor, chained):
                return self._merge_span(anchor, len(anchor[0]) - 1)  # the head's own end
        return None

    def _spans_vary(self, anchor: Anchor, chained: bool = False) -> bool:
        seen = self._spans.get(anchor)
        if seen is None or len(seen) < 2 or anchor in self._free_spans:
            return False
        spans = [span for span, shape in seen.items() if self._live(shape)]
        if len({len(span) for span in spans}) < 2:
            return False
        firsts = {span[0] for span in spans}
        if len(firsts) < 2 and WILDCARD not in firsts:
            return False  # spans that begin with the same word: more of the format
        # Spans of two tokens or more seen after two heads.
        recurring = [span in self._recurring_spans for span in spans]
        error = _chained if chained else _error_text
        evidence = any(again and error(span) for span, again in zip(spans, recurring, strict=True))
        return evidence and all(
            again or any(WILDCARD in token for token in span)
            for span, again in zip(spans, recurring, strict=True)
        )

    def _merge_span(self, anchor: Anchor, end: int) -> str | None:
        """Make the templates of the spans between ``anchor``'s head and end one whose span
        is a variable. Returns the survivor's old id."""
        head, rest = anchor
        shapes: list[Shape] = []
        for shape in self._spans[anchor].values():
            if (
                self._live(shape)
                and shape not in shapes
                and tuple(shape.tokens[len(shape.tokens) - len(rest) :]) == rest
                and head_key(shape.tokens, end) == head
            ):
                shapes.append(shape)
        if len(shapes) < 2:
            return None
        survivor = shapes[0].template
        by_form: dict[tuple[str, ...], Shape] = {}
        for shape in shapes:
            size = len(shape.tokens)
            stop = size - len(rest)
            form = [*shape.tokens[: end + 1], *[WILDCARD] * (stop - end - 1), *rest]
            old = shape.template
            kept = by_form.get(tuple(form))
            if kept is not None:
                kept.general.update(shape.general)
                self._drop_shape(shape)
                old.shapes.remove(shape)
            else:
                shape.tokens[:] = form
                shape.general.update(range(end + 1, stop))
                by_form[tuple(form)] = shape
                if old is not survivor:
                    old.shapes.remove(shape)
                    survivor.shapes.append(shape)
                    shape.template = survivor
                self._remember_skeleton(shape)
            if old is not survivor and not old.shapes:
                self._retire(old, survivor)
        survivor.variadic = True
        if len(self._free_spans) >= self._config.max_templates_per_service:
            self._free_spans.clear()  # bound: merged templates are found by shape
        self._free_spans[anchor] = by_form[tuple(shapes[0].tokens)]
        old_id = survivor.id
        self._rename(survivor)
        return old_id

    def _join_span(
        self, tokens: list[str], key: GroupKey, end: int
    ) -> tuple[Shape, bool, str | None] | None:
        """Join the template of a head and end with free text between them (_note_spans):
        ``end`` is the first of the message's head ends (tails.head_ends with labels)."""
        for anchor, length in self._anchors(tokens, end):
            model = self._free_spans.get(anchor)
            if model is None:
                continue
            if not self._live(model):
                continue
            template = model.template
            stop = end + 1 + length
            form = [*tokens[: end + 1], *[WILDCARD] * length, *tokens[stop:]]
            template.count += 1
            self.templates.move_to_end(template.id)
            for shape in template.shapes:
                if len(shape.tokens) == len(form) and instance_of(form, shape.tokens):
                    return shape, False, None
            shape = Shape(form, key, template)
            shape.general.update(range(end + 1, stop))
            self._add_shape(template, shape)
            return shape, False, None
        return None

    def _new_template(self, text: str) -> Template:
        while len(self.templates) >= self._config.max_templates_per_service:
            self._evict_oldest()
        tid = template_id(self.service, text)
        template = Template(tid, text)
        self.templates[tid] = template
        self._by_text[text] = template
        self.aliases.pop(tid, None)  # the id is live again, not an alias
        self._counters.templates_created += 1
        return template

    def _evict_oldest(self) -> None:
        _, template = self.templates.popitem(last=False)
        self._by_text.pop(template.text, None)
        for shape in template.shapes:
            self._drop_shape(shape)
        self._counters.evicted_templates += 1

    def _drop_shape(self, shape: Shape) -> None:
        shape.alive = False
        self._unlink(shape)

    def _retitle(self, shape: Shape) -> str | None:
        """Re-render a generalised shape; rename or merge its template. Returns the old id."""
        old = shape.template
        text = self._render(shape, old)
        if text == old.text:
            return None
        counters = self._counters
        counters.generalisations += 1
        target = self._by_text.get(text)
        if len(old.shapes) == 1:
            self.templates.pop(old.id, None)
            self._by_text.pop(old.text, None)
            if target is None:
                target = Template(template_id(self.service, text), text, old.variadic, old.measured)
                self.aliases.pop(target.id, None)
                self._by_text[text] = target
            else:
                counters.merges += 1
            target.count += old.count
            target.shapes.append(shape)
            shape.template = target
            self.templates[target.id] = target
            self.templates.move_to_end(target.id)
            self._add_alias(old.id, target.id)
            return old.id
        # Other shapes still render to the old text: only this shape moves, its messages so far
        # stay counted under the old id, and the old id stays live (so it is no alias).
        old.shapes.remove(shape)
        if target is None:
            target = self._new_template(text)
            target.variadic = old.variadic
            target.measured = old.measured
        else:
            counters.merges += 1
        target.shapes.append(shape)
        shape.template = target
        target.count += 1
        self.templates.move_to_end(target.id)
        self._remember_skeleton(shape)
        return None

    def _add_alias(self, old_id: str, new_id: str) -> None:
        if old_id == new_id:
            return
        aliases = self.aliases
        aliases[old_id] = new_id
        aliases.move_to_end(old_id)
        while len(aliases) > self._config.max_aliases_per_service:
            aliases.popitem(last=False)
            self._counters.evicted_aliases += 1

    def _parameters(
        self, shape: Shape, tokens: Sequence[str], values: Sequence[tuple[str, str]]
    ) -> tuple[tuple[str, str], ...]:
        params = extract(shape.tokens, shape.general, tokens, values)
        limit = self._config.max_parameters
        if len(params) > limit:
            self._counters.dropped_parameters += len(params) - limit
            params = params[:limit]
        return tuple(params)

    # -- snapshots -------------------------------------------------------------------------

    def export(self) -> dict[str, Any]:
        """Plain data of templates (LRU order, oldest first) and aliases, for snapshots."""
        return {
            "service": self.service,
            "templates": [
                {
                    "id": template.id,
                    "text": template.text,
                    "count": template.count,
                    "variadic": template.variadic,
                    "measured": template.measured,
                    "shapes": [_export_shape(shape) for shape in template.shapes],
                }
                for template in self.templates.values()
            ],
            "notes": self._export_notes(),
            "aliases": [[old, new] for old, new in self.aliases.items()],
            # Kept so a restarted miner groups new lines led by them as before.
            "senders": sorted(self._senders),
            "names": sorted(self._naming.names),
            # Kept so that a restarted miner takes such messages as subjects' events at once.
            "prints_subjects": self._prints_subjects,
            "subject_rests": sorted(list(rest) for rest in self._subject_rests),
            "dotted_tails": sorted(list(tail) for tail in self._dotted_tails),
        }

    def _export_notes(self) -> dict[str, Any]:
        """:meth:`_noted`, with the collector paused: it builds plain lists only, which a
        collection cannot free, and the notes of a large miner are enough of them to set off
        full collections over the miner's millions of tuples (the stream's large-state miner:
        a snapshot in 0.5 s instead of 0.2 s)."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._noted()
        finally:
            if enabled:
                gc.enable()

    def _noted(self) -> dict[str, Any]:
        """What the miner learnt beyond its templates that later decisions depend on (the
        restart check, 2026-12-07), linear in the templates' text: a head or tail is named by
        the saved shape it was noted from and the end of its head, ``[shape, kind, end]``
        (:func:`_note_piece`), wherever that shape still reads so; else it is written out up
        to ``MAX_NOTE_TOKENS`` tokens, and a note that needs a longer one is left out (written
        out, the heads of a long message grow with the square of its length). Shapes are
        referred to by their position among the exported templates' shapes (in order); a shape
        no longer live, by its tokens (up to the same bound) or as ``-1``, read back as its
        head and tail."""
        limit = MAX_NOTE_TOKENS
        refs: dict[int, int] = {}
        for template in self.templates.values():
            for shape in template.shapes:
                refs[id(shape)] = len(refs)
        # Heads and tails as named by their shapes below, for the notes keyed by them; only when
        # there are such notes (the open heads' are taken from the tails' own, below).
        naming = bool(self._tail_heads or self._endings)
        named: dict[tuple[str, ...], list[Any]] = {}
        # Tail -> the open heads it followed (_tail_open), of the heads noted here with it: a
        # head whose tails are not noted is not rechecked (_recheck), so no other is carried.
        open_notes = self._tail_open
        opened: dict[tuple[str, ...], tuple[list[Any], list[list[Any]]]] = {}

        tails: list[Any] = []
        for head, seen in self._tails.items():
            end = len(head) - 1
            head_ref: list[Any] | None = None
            entries: list[Any] = []
            written: list[tuple[tuple[str, ...], list[Any]]] = []
            for tail, shape in seen.items():
                index = refs.get(id(shape))
                tokens = shape.tokens
                tail_ref: list[Any] | None
                if index is None or len(tokens) <= end + 1:
                    if len(tail) <= limit:
                        tail_ref = list(tail)
                        written.append((tail, tail_ref))
                        entries.append([tail_ref, short_tokens(tokens) or -1])
                    continue
                if head_ref is None:
                    head_ref = _piece_ref(tokens, index, end, head, (_AS_WRITTEN, _AS_KEY))
                tail_ref = _piece_ref(tokens, index, end, tail, (_AS_REST, _AS_TAIL))
                if tail_ref is None:
                    if len(tail) > limit:
                        continue
                    tail_ref = list(tail)
                elif naming:
                    named[tail] = tail_ref
                written.append((tail, tail_ref))
                entries.append([tail_ref, index])
            if head_ref is None:
                if len(head) > limit:
                    continue
                head_ref = list(head)
            elif naming:
                named[head] = head_ref
            tails.append([head_ref, entries])
            for tail, tail_ref in written:
                heads = open_notes.get(tail)
                if heads is not None and head in heads:
                    opened.setdefault(tail, (tail_ref, []))[1].append(head_ref)

        def heads_of(notes: dict[tuple[str, ...], set[HeadKey]], ends: bool = False) -> list[Any]:
            # Tails and endings -> heads: bounded as the miner bounds them (_note_tails).
            entries: list[Any] = []
            for key, heads in notes.items():
                key_ref: list[Any] | None = None if ends else named.get(key)
                if key_ref is None:
                    if len(key) > limit:
                        continue
                    key_ref = list(key)
                found = [
                    named.get(head) or (list(head) if len(head) <= limit else None)
                    for head in heads
                ]
                if any(found):
                    entries.append([key_ref, sorted(filter(None, found), key=_piece_order)])
            return entries

        def index_of(
            index: dict[tuple[str, ...], Template], fold: Callable[[list[str]], tuple[str, ...]]
        ) -> list[int]:
            entries: list[int] = []
            for folded, template in index.items():
                shape = self._known_shape(template, folded, fold)
                if shape is not None:
                    entries.append(refs[id(shape)])
            return entries

        def families() -> list[Any]:
            entries: list[Any] = []
            for family, seen in self._families.items():
                key, counted, pattern = _parts(family)
                if len(counted) > limit:
                    continue
                written: list[Any] | None = list(pattern) if len(pattern) <= limit else None
                if written is None:
                    written = self._pattern_ref(key, pattern, refs)
                if written is not None:
                    entries.append([list(key), list(counted), written, sorted(map(list, seen))])
            return entries

        def fits(*parts: tuple[str, ...]) -> bool:
            return all(len(part) <= limit for part in parts)

        def spans() -> list[Any]:
            entries: list[Any] = []
            for (head, end), seen in self._spans.items():
                if fits(head):
                    written = []
                    for span, shape in seen.items():
                        ref = refs.get(id(shape), short_tokens(shape.tokens))
                        if fits(span) and ref is not None:
                            written.append([list(span), ref])
                    entries.append([list(head), list(end), written])
            return entries

        notes: dict[str, Any] = {
            "tails": tails,
            "tail_heads": heads_of(self._tail_heads),
            "tail_open": [
                [tail_ref, sorted(heads, key=_piece_order)] for tail_ref, heads in opened.values()
            ],
            "endings": heads_of(self._endings, ends=True),
            "families": families(),
            "lists": index_of(self._lists, _list_fold),
            "measures": index_of(self._measures, measure_skeleton),
            "spans": spans(),
            "span_anchors": [
                [list(span), sorted([list(head), list(end)] for head, end in anchors)]
                for span, anchors in self._span_anchors.items()
                if fits(span, *(head for head, _ in anchors))
            ],
            "span_heads": [
                [list(span), list(head)]
                for span, head in self._span_heads.items()
                if fits(span, head)
            ],
            "recurring_spans": sorted(list(span) for span in self._recurring_spans if fits(span)),
            "free_spans": [
                [list(head), list(end), ref]
                for (head, end), shape in self._free_spans.items()
                if fits(head)
                and (ref := refs.get(id(shape), short_tokens(shape.tokens))) is not None
            ],
            "groups": [
                [refs[id(shape)] for shape in group if id(shape) in refs]
                for group in self._groups.values()
            ],
        }
        return {field: value for field, value in notes.items() if value}

    def _pattern_ref(
        self, key: tuple[Any, ...], pattern: tuple[str, ...], refs: dict[int, int]
    ) -> list[Any] | None:
        """A family's pattern (_words_vary) named by a saved shape of its group that reads so
        but for variables: ``[shape, positions the pattern makes variables]``; else none."""
        group = self._groups.get((key[0], key[1]))
        if group is None and pattern and pattern[0] != WILDCARD:
            group = self._groups.get((len(pattern), pattern[0]))
        for shape in group or ():
            index = refs.get(id(shape))
            tokens = shape.tokens
            if index is None or len(tokens) != len(pattern):
                continue
            wild = list(compress(count(), map(ne, pattern, tokens)))
            if all(pattern[i] == WILDCARD for i in wild):
                return [index, wild]
        return None

    def _known_shape(
        self,
        template: Template,
        folded: tuple[str, ...],
        fold: Callable[[list[str]], tuple[str, ...]],
    ) -> Shape | None:
        """The live shape that folds to ``folded`` in the template an index holds for it (or in
        the live template its shapes moved to), as :meth:`_known` finds it; changes nothing.
        A snapshot names an index's entry by this shape."""
        live = self._followed(template, folded, fold)
        if live is None:
            return None
        return next((shape for shape in live.shapes if fold(shape.tokens) == folded), None)

    def _followed(
        self,
        template: Template,
        folded: tuple[str, ...],
        fold: Callable[[list[str]], tuple[str, ...]],
    ) -> Template | None:
        """``template`` if it is live; else the live template its shapes that fold to
        ``folded`` moved to (it was renamed into a new object or merged into another:
        _retitle, _rename); None when none is left."""
        if self.templates.get(template.id) is template:
            return template
        return next(
            (
                shape.template
                for shape in template.shapes
                if self._live(shape) and fold(shape.tokens) == folded
            ),
            None,
        )

    def _load_notes(self, notes: dict[str, Any], loaded: list[Template]) -> None:
        """Install :meth:`_export_notes` output (validated by the caller) over the indexes
        rebuilt from the templates; a field larger than this miner's bound is left out, as the
        miner would have cleared it, and so is a note naming a shape out of range."""
        shapes = [shape for template in loaded for shape in template.shapes]
        bound = 2 * self._config.max_templates_per_service
        spare = Template("", "")

        def piece(ref: list[Any]) -> tuple[str, ...] | None:
            """A head, tail or text: its tokens, or [shape, kind, end] (_note_piece)."""
            if not ref or isinstance(ref[0], str):
                return tuple(ref)
            index, kind, end = ref
            if not 0 <= index < len(shapes) or end + 1 >= len(shapes[index].tokens):
                return None
            return _note_piece(shapes[index].tokens, kind, end)

        def shape_of(
            ref: int | list[str], head: tuple[str, ...], tail: tuple[str, ...]
        ) -> Shape | None:
            if isinstance(ref, int) and ref >= 0:
                return shapes[ref] if ref < len(shapes) else None
            # No longer live: its tokens, or (a long one, -1) its head and tail (_recheck).
            tokens = list(ref) if isinstance(ref, list) else [*head, *tail]
            gone = Shape(tokens, group_key(tokens), spare)
            gone.alive = False  # merged away or evicted: its tokens only (_recheck)
            return gone

        def heads(refs: list[list[Any]]) -> set[HeadKey]:
            return {head for head in map(piece, refs) if head is not None}

        tails = notes.get("tails", [])
        if len(tails) <= bound:
            for head_ref, seen in tails:
                head = piece(head_ref)
                if head is None:
                    continue
                entries = self._tails.setdefault(head, {})
                for tail_ref, ref in seen:
                    tail = piece(tail_ref)
                    shape = None if tail is None else shape_of(ref, head, tail)
                    if tail is not None and shape is not None:
                        entries[tail] = shape
        heads_notes = notes.get("tail_heads", [])
        if len(heads_notes) <= bound:
            for tail_ref, head_refs in heads_notes:
                tail = piece(tail_ref)
                if tail is not None:
                    followed = self._tail_heads[tail] = heads(head_refs)
                    self._tail_calls[tail] = calls(followed)
            for field, index in (("tail_open", self._tail_open), ("endings", self._endings)):
                for key_ref, head_refs in notes.get(field, []):
                    key = piece(key_ref)
                    if key is not None:
                        index[key] = heads(head_refs)
        families: list[Any] = notes.get("families", [])
        if len(families) <= self._config.max_templates_per_service:
            for key, counted, written, seen in families:
                if written and isinstance(written[0], int):
                    index, wild = written
                    if not 0 <= index < len(shapes):
                        continue
                    tokens = list(shapes[index].tokens)
                    for i in wild:
                        if 0 <= i < len(tokens):
                            tokens[i] = WILDCARD
                    written = tokens
                family = ((key[0], key[1]), tuple(counted), tuple(written))
                self._families[family] = set(map(tuple, seen))
        for field, fold in (("lists", _list_fold), ("measures", measure_skeleton)):
            index_notes: list[int] | None = notes.get(field)
            if index_notes is not None and len(index_notes) <= bound:
                rebuilt = {
                    fold(shapes[index].tokens): shapes[index].template
                    for index in index_notes
                    if index < len(shapes)
                }
                if field == "lists":
                    self._lists = rebuilt
                else:
                    self._measures = rebuilt
        spans: list[Any] = notes.get("spans", [])
        if len(spans) <= bound:
            for head, end, seen in spans:
                entries = self._spans.setdefault((tuple(head), tuple(end)), {})
                for span, ref in seen:
                    shape = shape_of(ref, tuple(head), tuple(span))
                    if shape is not None:
                        entries[tuple(span)] = shape
            for span, anchors in notes.get("span_anchors", []):
                self._span_anchors[tuple(span)] = {(tuple(h), tuple(e)) for h, e in anchors}
            for span, head in notes.get("span_heads", []):
                self._span_heads[tuple(span)] = tuple(head)
            self._recurring_spans.update(map(tuple, notes.get("recurring_spans", [])))
        free_spans: list[Any] = notes.get("free_spans", [])
        if len(free_spans) <= self._config.max_templates_per_service:
            for head, end, ref in free_spans:
                shape = shape_of(ref, tuple(head), tuple(end))
                if shape is not None:
                    self._free_spans[(tuple(head), tuple(end))] = shape
        groups = notes.get("groups")
        if groups is not None:
            self._reorder_groups(groups, shapes)

    def _reorder_groups(self, groups: list[list[int]], shapes: list[Shape]) -> None:
        """Put the shapes of each group, and the groups, in the order the running miner had
        them (ties in the search go to the first)."""
        linked = {id(shape) for group in self._groups.values() for shape in group}
        ordered: dict[GroupKey, list[Shape]] = {}
        placed: set[int] = set()
        for refs in groups:
            for index in refs:
                if 0 <= index < len(shapes):
                    shape = shapes[index]
                    if id(shape) in linked and id(shape) not in placed:
                        placed.add(id(shape))
                        ordered.setdefault(shape.key, []).append(shape)
        for key, group in self._groups.items():
            ordered.setdefault(key, []).extend(s for s in group if id(s) not in placed)
        self._groups = ordered
        self._lengths = {}
        for key in ordered:
            self._lengths.setdefault(key[0], {})[key] = None

    def load(
        self,
        templates: list[dict[str, Any]],
        aliases: list[list[str]],
        senders: Iterable[str] = (),
        names: Iterable[str] = (),
        subjects: tuple[bool, Iterable[list[str]]] = (False, ()),
        dotted_tails: Iterable[list[str]] = (),
        notes: dict[str, Any] | None = None,
    ) -> None:
        """Add templates, aliases, senders' names, subjects' events (whether the service
        prints subjects, and the rests found after them) and the short messages seen after
        dotted names produced by :meth:`export` (validated by the caller)."""
        self._senders.update(senders)
        self._dotted_tails.update(tuple(tail) for tail in dotted_tails)
        self._naming.names.update(names)
        self._prints_subjects = self._prints_subjects or subjects[0]
        self._subject_rests.update(tuple(rest) for rest in subjects[1])
        loaded: list[Template] = []
        for item in templates:
            template = self._new_template(item["text"])
            loaded.append(template)
            if template.id != item["id"]:
                # Ids are a pure function of service and text, so this only happens if the
                # hashing changed; keep the id consumers have seen.
                del self.templates[template.id]
                template.id = item["id"]
                self.templates[template.id] = template
            template.count = item.get("count", 0)
            template.variadic = bool(item.get("variadic", False))
            template.measured = bool(item.get("measured", False))
            for raw in item["shapes"]:
                tokens = list(raw["tokens"])
                shape = Shape(tokens, group_key(tokens), template)
                shape.general = {i for i in raw.get("general", ()) if 0 <= i < len(tokens)}
                shape.folded = {i for i in raw.get("folded", ()) if 0 < i < len(tokens)}
                shape.pins = {
                    i: (masked, text)
                    for i, masked, text in raw.get("pins", ())
                    if 0 <= i < len(tokens) and WILDCARD in masked
                }
                shape.seen = max(0, raw.get("seen", 0))
                shape.repeats = max(0, raw.get("repeats", 0))
                shape.guarded = has_digits(shape.pins)
                template.shapes.append(shape)
                self._link(shape)
                self._remember_skeleton(shape)
                end = free_tail_end(tokens, labels=True) if template.variadic else None
                if end is not None:
                    self._remember_free(free_key(tokens, end), template)
        for old, new in aliases:
            self._add_alias(old, new)
        if notes:
            enabled = gc.isenabled()
            gc.disable()  # as in _export_notes: the notes are plain tuples, sets and dicts
            try:
                self._load_notes(notes, loaded)
            finally:
                if enabled:
                    gc.enable()
        for template in loaded:
            if self.templates.get(template.id) is template:  # not evicted while loading
                self._rerender_restored(template)

    def _rerender_restored(self, template: Template) -> None:
        """Give a restored template the text the current rendering gives it, keeping its id.

        Snapshots written before rendering kept constant text (until 2026-12-04 a constant
        ``root=`` or ``/>`` was rendered ``<*>``) hold texts we no longer render. The id stays
        the one consumers have seen, and lines that render to the new text join this template
        instead of starting another. A later rename aliases the id as usual."""
        if not template.shapes:
            return
        first = template.shapes[0]
        text = self._render(first, template)
        if text == template.text or text in self._by_text:
            return
        self._by_text.pop(template.text, None)
        template.text = text
        self._by_text[text] = template


def _error_text(span: tuple[str, ...]) -> bool:
    """Whether ``span`` reads as an error's text: a value in it, or a chain of contexts
    joined by colons (``etcdserver: request timed out``), not plain words (``found no``)."""
    return any(WILDCARD in token or token[-1:] == ":" for token in span)


def _plain_word(token: str) -> bool:
    """A word of the format's own, not a context's label: letters, no variable, no colon at
    its end (``when``, ``in``; not ``read:``)."""
    return WILDCARD not in token and token[-1:] != ":" and _has_letters(token)


def _chained(span: tuple[str, ...]) -> bool:
    """Whether ``span`` reads as an error's chain of contexts joined by colons (``open <*>:
    <*>``, ``dial tcp <*>:<*>: connect: <*>``), not words around a value (``Record <*>``)."""
    return any(token[-1:] == ":" for token in span[:-1])


def _sentence_slot(mine: list[str], index: int, pattern: tuple[str, ...] | None = None) -> bool:
    """True if the word at ``index`` stands amid a sentence: at least _SENTENCE_CONTEXT other
    tokens with letters and no variable (in ``pattern``, the family's tokens, if given), and a
    word after it, not a value (``process guest <*> as a template``: a kind naming the value;
    round 47). A short message's words name its event (``Instance <*> started.`` /
    ``stopped.``)."""
    context = pattern if pattern is not None else mine
    return sum(
        1
        for position, token in enumerate(context)
        if position != index and WILDCARD not in token and _has_letters(token)
    ) >= _SENTENCE_CONTEXT and all(
        _has_letters(token) and WILDCARD not in token for token in mine[index + 1 : index + 2]
    )


def _states(mine: str, theirs: str) -> bool:
    """True if two words are states written alike: both UPPER_CASE or both Capitalised
    (``Failed,`` / ``Succeeded,``, ``RUNNING`` / ``STOPPED``), not one of each."""
    return is_enum(mine) and is_enum(theirs) and _upper(mine) == _upper(theirs)


# A name of lower-case parts joined by ``.``, ``_`` or ``-`` (``db-3``, ``web.service``,
# ``cache_sync``): what a message in front of its verb is about, not a word of the sentence.
_NAMED_SUBJECT = re.compile(r"[a-z][a-z0-9]*(?:[._-][a-z0-9]+)+")
# A label of lower-case parts joined by underscores (``kitchen_primary:``, round 61).
_SNAKE_LABEL = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+:")


def _short_tail(tail: list[str]) -> bool:
    """True if ``tail``, the rest of a message after a label, may be a short event's message
    (``<*> discarded``, ``new StreamingReader``): a plain word in it, no token ending in ``:``
    (not an error's chain of contexts, see tails.event_tail)."""
    return not any(token[-1:] == ":" for token in tail) and any(
        WILDCARD not in token and token.upper() != token.lower() for token in tail
    )


def _snake_name(token: str) -> bool:
    """True for a label of lower-case parts joined by ``_`` (``kitchen_primary:``,
    _SNAKE_LABEL): a configured name, not a component's tag (``entropy:``, ``virtio-mem:``)."""
    return _SNAKE_LABEL.fullmatch(token) is not None


def _named_subject(token: str) -> bool:
    """True for a name of lower-case parts joined by ``.``, ``_`` or ``-`` (_NAMED_SUBJECT)."""
    return _NAMED_SUBJECT.fullmatch(token) is not None


def _subject_message(name: str, tail: list[str]) -> bool:
    """True if ``tail``, the rest of a message after a named subject in front (_named_subject),
    is the event's own message: tails.event_tail's, or after a dotted name also a short one
    (_short_tail: ``web.service terminating``, ``sensor.door No UUID found!``) or a sentence up
    to a colon with its error after it (tails.sentence_head: ``db.service Invalid id on system
    state change: <*>``), as after a label (_sender_varies, rounds 51 and 61). A dotted name
    is a unit's, a logger's or an entity's, which no sentence's word is; a name joined by
    ``_`` or ``-`` alone may be a C function's (``talloc_zero failed.`` / ``pack_buffer
    failed.``), the event's (round 84)."""
    return event_tail(tail) or ("." in name and (_short_tail(tail) or sentence_head(tail)))


# One word in brackets in front of a message (``[PENDING]``, ``[eth0]``).
_BRACKETED_WORD = re.compile(r"\[[A-Za-z][\w.-]*\]")
# The words written alike around a Capitalised state that make it a value sooner (round 45).
_STATE_CONTEXT = 5
# The words written alike around one word that the words of sibling templates at its place
# count for (round 47): a sentence, not a short message whose words name its event.
_SENTENCE_CONTEXT = 4
# One word in brackets of its own, perhaps closed by punctuation (``[Ready]``, ``[Waiting],``).
_BRACKETED_STATE = re.compile(r"\[[A-Za-z]\w*\][,.;]?")
# One word in square brackets inside a message, perhaps after a label and closed by punctuation
# (``[tcp]``, ``status:[btrfs]:``): where a format writes a value (round 46).
_BRACKETED_VALUE = re.compile(r"(?:[A-Za-z][\w.-]*[:=])?\[[A-Za-z][\w.-]*\][,.;:]?")
# A label naming the value after it: a word (dotted or not) ending in ":".
_LABEL = re.compile(r"[A-Za-z][\w.-]*:")
# A lower-case word (``json``, ``tcp6``), perhaps closed by punctuation: a key's value when it
# has no digits.
_LOWER_WORD = re.compile(r"[a-z][a-z0-9]*[)\],;]?")
_CLOSERS = frozenset(")],;")


def _without_names(tokens: list[str], values: Values, named: list[int]) -> Values:
    """``values`` without those of the tokens a naming key wrote back (naming.py: one value
    each), so that the rest line up with the variables of ``tokens``."""
    kept: Values = []
    cursor = 0
    for index, token in enumerate(tokens):
        if index in named:
            cursor += 1
            continue
        count = token.count(WILDCARD)
        kept.extend(values[cursor : cursor + count])
        cursor += count
    kept.extend(values[cursor:])
    return kept


def _values_alike(mine: list[str], theirs: list[str], positions: list[int]) -> bool:
    """True if both hold values at ``positions`` and differ there only in values. A data
    term printed whole in ``theirs`` (tokens.is_term) is a value, and so is any word ``mine``
    has beside it (``reason timeout`` / ``reason {error,eacces}``)."""
    return all(
        (is_term(theirs[i]) or (WILDCARD in mine[i] and WILDCARD in theirs[i]))
        and not differ_in_words(mine[i], theirs[i])
        for i in positions
    )


def _bracketed_word(token: str) -> bool:
    """True for one word in brackets (``[PENDING]``, ``[eth0]``): in front of an event's own
    message, a state or tag the format inserted, a value as a quoted word is."""
    return _BRACKETED_WORD.fullmatch(token) is not None


# A word ending as a verb's participle does (``stopping``, ``disabled``).
_VERB_FORM = re.compile(r"(?:ing|ed)$")


def _assigned(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if both messages have one word at ``index`` after a spaced ``=`` that ends the
    message (``Path to client certificate = PUT``, round 42) or is closed inside it by the same
    comma or full stop (``found for type = tcp4. This may be ...`` / ``udp.``, ``mode = fast,
    retries ...``, round 80): formats write ``key = %s, ...`` as they write ``key: %s, ...``,
    and the word assigned is the key's value, as after a label ending in ``:`` closed the same
    way (rounds 71, 76); two of them are enough."""
    if index < 2 or not mine[index - 1] == "=" == theirs[index - 1]:
        return False
    if index == len(mine) - 1:
        return True
    end = mine[index][-1:]
    return end in (",", ".") and theirs[index][-1:] == end


def _labelled(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if both messages have one word at ``index`` after a label ending in ``:`` that ends
    the message or is closed by a comma before the next label or a key's field (``Link Status:
    UP`` / ``DOWN``, ``reason: HEAD, message: ...``, ``notification: READY, error=<*>.``, round
    71), or by a full stop before the next sentence (``state: ACTIVE. Ignoring ...``, round
    76): the label's value, whatever its case. So is one word after a spaced ``=`` that ends
    the message or is closed by a comma or a full stop (_assigned: rounds 42, 80)."""
    if _assigned(mine, theirs, index):
        return True
    if index < 2 or _LABEL.fullmatch(mine[index - 1]) is None:
        return False
    if index == len(mine) - 1:
        # After a label of two words only (``assertion data: btrfs``, ``RBAC: auth_context:
        # GET``) a verb's form (``progress emitter: stopping`` / ``disabled``) is the event.
        return index > 2 or not (_VERB_FORM.search(mine[index]) or _VERB_FORM.search(theirs[index]))
    follower = mine[index + 1]
    if (
        # Closed by a full stop before the next sentence, the same Capitalised word in both
        # (``is at state: ACTIVE. Ignoring the ...``, ``existing CA: overlayfs. Generating
        # new CA ...``): formats write ``%s: %s. Next sentence`` (round 76).
        mine[index][-1:] == "." == theirs[index][-1:]
        and follower[:1].isupper()
        and follower[1:].islower()
        and follower == theirs[index + 1]
    ):
        return True
    # The next label may be a key's field (``notification: READY, error=<*>.``): formats
    # write ``%s: %s, key=%s`` as they write ``%s: %s, key: %s``; the key is the format's
    # text, the same key in both messages (round 71), a key as the tokens know one
    # (_field_key: with a value after the ``=``, round 72).
    if mine[index][-1:] != "," or theirs[index][-1:] != ",":
        return False
    if _LABEL.fullmatch(follower) is not None:
        return True
    key = _field_key(follower)
    return bool(key) and theirs[index + 1].startswith(key)


# Nouns naming the kind of the value written right after them (``of type %s``, ``exited with
# code %s``, ``to mode %s``, ``with reason %s``, ``with status %s``, ``in state %s``,
# ``sending command %s``), lower case as a sentence writes them (round 68: ``type``; round 72:
# ``code``, ``mode``, ``reason``; round 73: ``status``, ``state``, ``command``), each followed
# by a value in the formats of fourteen systems of the tuning data or more, and by no word that
# tells two of one system's events apart but a past form (_OUTCOME_NOUNS). Not the nouns of
# what a program handles (``message``, ``attempt``, ``volume``, ``port``...): tried in round
# 74, thirty-nine of them gained and lost about alike, and a list kept for its gains on the
# tuning data would be a list fitted to it.
_KIND_NOUNS = frozenset(("type", "code", "mode", "reason", "status", "state", "command"))

# Nouns after which a verb's past form reports how the thing went (``cluster status success``
# / ``failed``, ``command succeeded``): the event's own word, not the noun's value. Not the
# other kind nouns: a past form after them is the value (``with reason suspended``, ``status
# code stopped``), and a state is as often named by one (``current state exited`` / ``dead``).
_OUTCOME_NOUNS = frozenset(("status", "command"))


def _kind_named(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if both messages have the same noun of _KIND_NOUNS right before ``index`` (``event
    of type btrfs`` / ``overlayfs``, ``with code zfs`` / ``btrfs``, ``to mode PAUSED`` /
    ``DEGRADED``, ``in state Waiting`` / ``Succeeded``): the word after it is the noun's
    value, as a label's is, whatever its case, and two of them are enough (_words_vary).
    Formats write the kind they report there. The cost: two events whose messages differ only
    in a word of the format after the noun (``type mismatch`` / ``type overflow``) become one;
    no such pair in the tuning data or Loghub but a past form after an outcome's noun
    (_outcome_word)."""
    noun = mine[index - 1] if index >= 1 else ""
    return (
        noun in _KIND_NOUNS
        and noun == theirs[index - 1]
        and not (noun in _OUTCOME_NOUNS and _outcome_word(mine[index], theirs[index]))
    )


def _outcome_word(mine: str, theirs: str) -> bool:
    """True if either word is a verb's past form (``success`` / ``failed``): after a noun of
    _OUTCOME_NOUNS it tells how the thing went, one call per outcome (round 73)."""
    return any(_PARTICIPLE.fullmatch(word) for word in (mine, theirs))


def _kind_of(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if both messages have ``a``, the same noun of _KIND_NOUNS and ``of`` right before
    ``index`` (``expected to have a status of running`` / ``stopped``): ``a status of %s`` names
    one status by its value as ``with status %s`` does (_kind_named), and two of them are
    enough. Only after the indefinite article: after ``the`` (``the status of the job``) or
    none (``Invalid type of attr mapping`` / ``LDAP mapping``, two calls) what follows ``of``
    is the thing the kind belongs to, the format's own noun (round 80)."""
    return (
        index >= 3
        and mine[index - 3] == "a" == theirs[index - 3]
        and mine[index - 2] in _KIND_NOUNS
        and mine[index - 2] == theirs[index - 2]
        and mine[index - 1] == "of" == theirs[index - 1]
    )


def _key_listed(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if both messages have one word at ``index`` closed by a comma after a key, in a
    list of keys and values whose item before is a key and a variable closed by a comma
    (``for host <*>, role <*>, roleCommand git, and ...`` / ``tar,``): the format writes its
    items alike, ``role %s, roleCommand %s,``, and the word is the key's value as the variable
    before is its key's; two of them are enough. Keys are plain words, the same in both
    messages (round 80)."""
    return (
        index >= 3
        and mine[index][-1:] == "," == theirs[index][-1:]
        and mine[index - 1] == theirs[index - 1]
        and mine[index - 1].isalpha()
        and mine[index - 2] == theirs[index - 2]
        and mine[index - 2][-1:] == ","
        and WILDCARD in mine[index - 2]
        and mine[index - 3] == theirs[index - 3]
        and mine[index - 3].isalpha()
    )


# A kind noun glued by a colon to the value it names, after an opening bracket or quote at most
# (``(type:GET):``, ``command:ssh-keygen``, ``type:EACCES"``).
_GLUED_KIND = re.compile(r"[(\[{\"']?(?:" + "|".join(sorted(_KIND_NOUNS)) + r"):(?=[^\s:])")


def _glued_kind(mine: str, theirs: str) -> bool:
    """True if both tokens open with the same kind noun of _KIND_NOUNS glued to a value by a
    colon (``command:ssh-keygen`` / ``command:unpigz``): formats write ``command:%s`` as they
    write ``with command %s``, the noun's value whatever it holds, two of them enough
    (_kind_named). Any glued key's plain word is a value already (tokens.differ_in_words); this
    reaches the values it does not take, with a hyphen or a quote in them."""
    match = _GLUED_KIND.match(mine)
    return match is not None and theirs.startswith(match.group())


# Arrows that write a transition between two states (``STOPPED -> RUNNING``).
_ARROWS = frozenset(("->", "=>"))


def _transition_side(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if ``index`` is a side of a transition written after a label (``Changing state:
    STOPPED -> Terminating`` / ``PENDING -> Unknown``): a label ending in ``:`` (not the first
    token, a sender's name there), one token, an arrow and one token, each side in both
    messages a constant's word (``is_enum``: ``STOPPED``, ``Pending``) or a variable already.
    The states a transition goes from and to are values of one kind, which the format fills
    in (``state: %s -> %s``): the label's values whatever their case, and two of them are
    enough (_words_vary). Only after a label: a word alone before an arrow is as often the
    format's own name for what follows (``detach -> <*>`` / ``activate -> <*>``, ``Response
    -> <*>``), another event; and only constants' words: a lower-case one there may be the
    format's (``revive: candidates -> <*>``) (round 69)."""
    start = index if index + 1 < len(mine) and mine[index + 1] in _ARROWS else index - 2
    if start < 2 or start + 2 >= len(mine) or start + 2 < index:
        return False
    return (
        _LABEL.fullmatch(mine[start - 1]) is not None
        and theirs[start - 1] == mine[start - 1]
        and mine[start + 1] in _ARROWS
        and theirs[start + 1] == mine[start + 1]
        and all(_state_or_value(mine[k]) and _state_or_value(theirs[k]) for k in (start, start + 2))
    )


def _state_or_value(token: str) -> bool:
    """True for a constant's word (``STOPPED``, ``Pending``) or a variable."""
    return WILDCARD in token or is_enum(token)


def _label_values(mine: list[str], theirs: list[str]) -> list[int]:
    """Positions of the labels' values in both messages, equal or not (``_labelled``)."""
    return [
        index
        for index in range(2, len(mine))
        if (mine[index - 1][-1:] == ":" or mine[index - 1] == "=")
        and _labelled(mine, theirs, index)
    ]


def _export_shape(shape: Shape) -> dict[str, Any]:
    data: dict[str, Any] = {
        "tokens": shape.tokens,
        "general": sorted(shape.general),
        "folded": sorted(shape.folded),
    }
    if shape.seen:  # whether it saw a message decides its first pins (_observe)
        data["seen"] = shape.seen
    if shape.repeats:
        data["repeats"] = shape.repeats
    if shape.pins:
        data["pins"] = [[i, masked, text] for i, (masked, text) in sorted(shape.pins.items())]
    return data


def _parts(family: tuple[object, ...]) -> tuple[tuple[Any, ...], ...]:
    """A family's key (_words_vary) as its three tuples, to export."""
    return tuple(part for part in family if isinstance(part, tuple))


def _piece_order(piece: list[Any]) -> tuple[bool, list[Any]]:
    """Order of a note's pieces in a snapshot (token lists, then shape references)."""
    return (isinstance(piece[0], int), piece)


def _note_piece(tokens: list[str], kind: int, end: int) -> tuple[str, ...]:
    """The piece of a shape's tokens a snapshot's note names by ``[shape, kind, end]``: the
    head up to ``end`` as written (a label's, _head) or as keyed (tails.head_key), or the
    tokens after it, all of them or as a value (tails.value_tail)."""
    if kind == _AS_WRITTEN:
        return tuple(tokens[: end + 1])
    if kind == _AS_KEY:
        return head_key(tokens, end)
    if kind == _AS_REST:
        return tuple(tokens[end + 1 :])
    return value_tail(tokens, end)


def _piece_ref(
    tokens: list[str], index: int, end: int, piece: tuple[str, ...], kinds: tuple[int, int]
) -> list[int] | None:
    """``[index, kind, end]`` if the shape ``index`` of these tokens reads ``piece`` so (the
    cheaper kind first); else none."""
    for kind in kinds:
        if kind == _AS_KEY and any(
            piece[i] != WILDCARD for i in compress(count(), map(ne, tokens[: end + 1], piece))
        ):
            continue  # a word apart, not a value (tails._key): no need to key the head
        if _note_piece(tokens, kind, end) == piece:
            return [index, kind, end]
    return None


def short_tokens(tokens: list[str]) -> list[str] | None:
    """A shape's tokens as a note writes them out: up to ``MAX_NOTE_TOKENS`` of them."""
    return list(tokens) if len(tokens) <= MAX_NOTE_TOKENS else None


def _head(tokens: list[str], end: int, label: bool) -> HeadKey:
    """A head as keyed: a single label as written, as labels that differ only in a value
    (``Load[<*>]:`` / ``Save[<*>]:``) name different calls."""
    return tuple(tokens[: end + 1]) if label else head_key(tokens, end)


def _subject_events(tails: list[tuple[str, ...]], head: list[str], every: bool = False) -> bool:
    """True if these tails after ``head`` are events of a subject, not the values of free
    text: the head is a short name and its colon (tails.subject_head), more than half of the
    tails (with ``every``, all of them) read as an event's own message (tails.event_tail), and
    they are of several lengths (tails of one length are one event's values, value_slots)."""
    return (
        subject_head(head)
        and (all(map(event_tail, tails)) if every else 2 * sum(map(event_tail, tails)) > len(tails))
        and len({len(tail) for tail in tails}) > 1
    )


def _crossed(mine: list[str], theirs: list[str]) -> list[int]:
    """The positions where ``theirs`` has a variable and ``mine`` a word, if the two differ
    only where one has a variable and the other a word (never the first token nor a last
    token right after a head ending in ``:``; the variable bare or in punctuation the word
    is written in, _word_under), each has such a variable,
    and they agree in at least three tokens of five; else none."""
    found: list[int] = []
    mine_general = False
    differing = 0
    for index, (my, their) in enumerate(zip(mine, theirs, strict=True)):
        if my == their:
            continue
        differing += 1
        if not index or differing > 2 * len(mine) // 5:
            return []
        if index == len(mine) - 1 and mine[index - 1][-1:] == ":":
            return []  # a tail of one token after a head: tails.py decides it
        if WILDCARD in my and _word_under(my, their):
            mine_general = True
        elif WILDCARD in their and _word_under(their, my):
            found.append(index)
        else:
            return []  # two words, or two variables: another event or another shape
    return found if mine_general else []


def _word_under(pattern: str, token: str) -> bool:
    """True if ``pattern`` is a variable, bare or in punctuation of its own (``<*>.``,
    ``'<*>'``, ``(<*>),``), and ``token`` a word written in that same punctuation
    (``json.``, ``'tcp4'``): the word is the variable's value where a sentence's period or a
    value's quotes are glued to it, as a bare ``<*>`` covers a bare word."""
    if WILDCARD in token or not _has_letters(token):
        return False
    if pattern == WILDCARD:
        return True
    prefix, found, suffix = pattern.partition(WILDCARD)
    return (
        bool(found)
        and WILDCARD not in suffix
        and not any(c.isalnum() for c in prefix + suffix)
        and covers(pattern, token, True)
        and _has_letters(token[len(prefix) : len(token) - len(suffix)])
    )


def _calls_before_tail(mine: list[str], tokens: list[str], words: list[int]) -> bool:
    """True if the words differ only in a head ending in ``:`` (tails.head_ends) after which
    both messages go on alike (``Failed to get cloud config: <error>`` / ``Failed to read
    workspace members: <error>``): the same value after different calls, not values of one."""
    return any(words[-1] <= end and mine[end + 1 :] == tokens[end + 1 :] for end in head_ends(mine))


_CALL_HEAD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)*\(")
_DIGITS = re.compile(r"[0-9]+")


def _other_call(mine: str, theirs: str) -> bool:
    """True if both tokens are calls written whole, a code name glued to its brackets, of two
    different names (``==> RangerMDCFilter.doFilter()`` / ``<== getAllRoles():``): where no
    word comes before it (the caller checks), a trace of entering or leaving a method names
    the method, one event per method, whatever the values in the brackets. Names differing
    only in their digits (``node1(a)`` / ``node2(b)``) are numbered values. A method named
    whole without brackets (``HdfsResourceMgr.testConnection``) is such a name too (round 26);
    with and without its brackets it is one name."""
    head, other = _call_name(mine), _call_name(theirs)
    return (
        head is not None
        and other is not None
        and _DIGITS.sub("", head.group().rstrip("(")) != _DIGITS.sub("", other.group().rstrip("("))
    )


# A method named without its brackets as Java code names it, ``Class.method``: a capitalised
# class, a dot, a method in lower camel case (``HdfsResourceMgr.testConnection``).
_METHOD_NAME = re.compile(r"[A-Z][A-Za-z0-9_$]*\.[a-z][A-Za-z0-9_$]*(?=:?$)")


def _call_name(token: str) -> re.Match[str] | None:
    """The code name of a call written whole (``Store.open(x)``, ``recv():``) or of a method
    named whole (``Store.open``), None for anything else."""
    if token.rstrip(":")[-1:] == ")":
        return _CALL_HEAD.match(token)
    return _METHOD_NAME.match(token)


def _bare_call(mine: str, theirs: str) -> bool:
    """True if both tokens end in a call without arguments (``recv()`` / ``getsockname()``),
    neither a module's dotted path in lower case (``Exit nova.service()`` / ``Exit
    cinder.volume()``: Python's modules, values)."""
    return all(
        token.rstrip(":").endswith("()") and not ("." in token and token.islower())
        for token in (mine, theirs)
    )


def _has_letters(token: str) -> bool:
    """True if ``token`` has a letter outside its variables."""
    return any(map(str.isalpha, token.replace(WILDCARD, "")))  # no Python frame per char


def _value_for_word(word: str, token: str) -> bool:
    """True if ``token`` is a value masked whole (``<*>``, ``<*>.``) where the other has a word
    in the same punctuation (``dabbefb.``): the word is a value that happens to be written
    without digits, whichever of the two came first."""
    return (
        _has_letters(word)
        and not _has_letters(token)
        and covers(token, word, True)
        and not _quoting_differs(word, token)
    )


# The word a sentence writes for a count of zero before its noun (``with no files`` where the
# other branch writes ``with 3 files``): a program prints it from a call of its own, not as
# the number's value (round 67).
_NO_COUNT = "no"
# A plain lower-case word of letters: the noun after a count.
_NOUN = re.compile(r"[a-z]+")


def _none_counted(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if one message has the word for no count at ``index`` and the other a value masked
    whole, both before the same lower-case word (the noun counted): two calls, one for none
    and one for a number (``Building with no files in`` / ``Building with <*> files in``).
    A ``no`` closing the message or its clause (``enabled: no``, ``cache no,``) is a value."""
    # Called for every position where a message differs from its template: the cheap
    # comparison first.
    word, other = mine[index], theirs[index]
    if word != _NO_COUNT:
        word, other = other, word
    return (
        word == _NO_COUNT
        and other == WILDCARD
        and index + 1 < len(mine)
        and mine[index + 1] == theirs[index + 1]
        and _NOUN.fullmatch(mine[index + 1]) is not None
    )


def _spaced_key_values(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if both messages have a lower-case word at ``index`` after a key whose ``=`` is
    written apart (``format = json`` / ``format = yaml``), the word ending the message or
    closed by punctuation (``(mode = fast)``): the key's value, as ``mode=fast`` / ``mode=safe``
    is (tokens.differ_in_words). A word that more words follow may begin free text."""
    return (
        index >= 2
        and mine[index - 1][-1:] == "="
        and (index == len(mine) - 1 or mine[index][-1] in _CLOSERS)
        and _LOWER_WORD.fullmatch(mine[index]) is not None
        and _LOWER_WORD.fullmatch(theirs[index]) is not None
    )


# A name in lower camel case, as a method's or a member's is written (``displayNameDidChange``).
_LOWER_CAMEL = re.compile(r"[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+")


def _method_after_label(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if both messages open with a label (a type's or a sender's name, ``<*>:``, perhaps
    after a severity) and differ after it, at ``index``, in a name in lower camel case
    (``Controller: displayNameDidChange`` / ``willEnterForeground``, ``<*>: workerGroup
    shutdown`` / ``requestExecutor shutdown``, ``DEBUG Inspector: onExit``): the method or
    the member that logs, which its code writes into the format (Swift's ``#function``), one
    call each; a plain lower-case word there beside such a name (``resume``) is one too. A
    value printed there is written another way. A tag in square brackets is such a label
    (``[macos] warningsUpdate Exception`` / ``pauseUpdate``, round 58)."""
    if index not in (1, 2) or (index == 2 and mine[0] not in SEVERITIES):
        return False
    if not (
        all(token[-1:] == ":" for token in (mine[index - 1], theirs[index - 1]))
        or (_bracketed_word(mine[index - 1]) and _bracketed_word(theirs[index - 1]))
    ):
        return False
    pair = (mine[index], theirs[index])
    named = [_LOWER_CAMEL.fullmatch(token) is not None for token in pair]
    return any(named) and all(
        name or (token.isalpha() and token.islower())
        for name, token in zip(named, pair, strict=True)
    )


def _participles(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if the one word that differs, at ``index``, is a verb's past form in both messages
    (``Triggering track playback started event`` / ``resumed``, ``Host <*> variables updated`` /
    ``replaced``) after a plain lower-case word, and before one or at the end: the action
    names the event, one call each. Not after a label's colon (``Task failed: closed``) nor
    first: a value or a sender's name is written there. So is its form in ``ing`` in both
    (``error creating config`` / ``loading``), but only before a plain word (round 57): at
    the end it is as often a state (``position to running`` / ``deactivating``)."""
    pair = (mine[index], theirs[index])
    if index == 0 or not (
        all(_PARTICIPLE.fullmatch(token) for token in pair)
        or (index < len(mine) - 1 and all(_GERUND.fullmatch(token) for token in pair))
    ):
        return False
    around = mine[index - 1 : index] + mine[index + 1 : index + 2]
    return all(_PLAIN_LOWER.fullmatch(token) for token in around)


# A short lower-case word between a state and a value (``is``, ``for``, ``to``): the format's
# own glue around a value it prints, not a noun naming an event (round 76).
_GLUE_WORD = re.compile(r"[a-z]{1,4}")


def _value_token(token: str) -> bool:
    """True if ``token`` is written as a value: a variable already, a word in quotes
    (``'sensor.vega'``), or a name as code writes it (``net.Dial``, Go's ``fs.ErrPermission``)."""
    return (
        WILDCARD in token
        or is_quoted_word(token)
        or is_qualified_name(token)
        or _package_name(token)
    )


def _stops_differ(mine: str, theirs: str) -> bool:
    """True if two words end in different sentence stops (``copy.`` / ``do!`` / ``remove``):
    the stop is the format's, which writes the same one after its value every time."""
    stop, other = mine[-1:], theirs[-1:]
    stop = stop if stop in ".!?" else ""
    other = other if other in ".!?" else ""
    return (
        stop != other
        and mine[: len(mine) - len(stop)].isalpha()
        and theirs[: len(theirs) - len(other)].isalpha()
    )


def _quoting_splits(tails: list[tuple[str, ...]]) -> bool:
    """True if one tail is a single value in quotes (``: '<*>'``) and another is text out of
    quotes (``: (not provided)``): a format that quotes the value it prints after the label
    quotes it every time, so the text out of quotes is another call's, however many labels
    each followed (round 77)."""
    quotes = {
        tail[0][0]
        for tail in tails
        if len(tail) == 1 and len(tail[0]) > 2 and tail[0][0] in "'\"" and tail[0][-1] == tail[0][0]
    }
    return bool(quotes) and any(tail[0][:1] not in quotes for tail in tails if tail)


def _amid_values(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if the one word that differs, at ``index``, is a state in both messages written
    alike, bare (``POST`` / ``HEAD``, ``Succeeded`` / ``Terminating``, no punctuation), and
    stands where a format prints a value among its values: ending the message right after a
    value (``Failed to parse response - <*> POST``), or inside it with a short lower-case word
    and a value on either side (``<*> is Succeeded for '<*>'``): ``%s %s``, ``%s is %s for
    '%s'`` (round 76). A state word the format holds names its event among the sentence's own
    words (``Binding parameter #<*> as CLOB``: ``as`` between; ``onDestroy Fragment <*>``: no
    glue word), and a lower-case word after a value at the end is as often the event's verb
    (``Jail '<*>' started``, ``Share group <*>: deleting``): neither is taken."""
    word = mine[index]
    if not (word.isalnum() and theirs[index].isalnum() and _states(word, theirs[index])):
        return False
    if index == len(mine) - 1:
        return _value_token(mine[index - 1])
    return all(
        0 <= index + 2 * step < len(mine)
        and _GLUE_WORD.fullmatch(mine[index + step]) is not None
        and _value_token(mine[index + 2 * step])
        for step in (-1, 1)
    )


def _upper_state(token: str) -> bool:
    """True for a bare UPPER_CASE word, parts joined by ``_`` (``RUNNING``, ``NOT_READY``)."""
    return token.replace("_", "").isalnum() and _upper(token) and is_enum(token)


def _front_state(mine: list[str], theirs: str) -> bool:
    """True if the first word, bare, is an UPPER_CASE state in both messages (``RUNNING`` /
    ``NOT_READY``) and the template goes on with a short lower-case word and a value
    (``INACTIVE for <*>``): a format's ``%s for %s``, the state one of its values (round 82).
    Not Capitalised words (``Waiting for <*>`` / ``Looking for <*>``: a sentence's verb)."""
    word = mine[0]
    return (
        len(mine) >= 3
        and _upper_state(word)
        and _upper_state(theirs)
        and _GLUE_WORD.fullmatch(mine[1]) is not None
        and _value_token(mine[2])
    )


def _quoting_differs(mine: str, theirs: str) -> bool:
    """True if one token is a value in quotes and the other the same without them, the
    punctuation around alike (``'ci'"`` / ``<*>"``, ``"<*>",`` / ``<*>,``)."""
    if "'" not in mine + theirs and '"' not in mine + theirs:
        return False
    for quoted, bare in ((mine, theirs), (theirs, mine)):
        match = _QUOTED_VALUE.fullmatch(quoted)
        if match is None:
            continue
        front, back = match.group(1), match.group(4)
        if (
            len(bare) > len(front) + len(back)
            and bare.startswith(front)
            and bare.endswith(back)
            and not any(quote in bare[len(front) : len(bare) - len(back)] for quote in "'\"")
        ):
            return True
    return False


def _quoted_otherwise(mine: list[str], theirs: list[str]) -> bool:
    """True if, among the tokens where two messages of one length differ, one quotes a value
    the other writes bare (_quoting_differs), or ends a value with a full stop the other
    does not write (tokens.stop_apart, round 66): another format, another call."""
    return any(
        _quoting_differs(a, b) or stop_apart(a, b)
        for a, b in zip(mine, theirs, strict=True)
        if a != b
    )


def _quoted_unlabelled(mine: list[str], theirs: list[str]) -> bool:
    """True if, where two shapes of one length differ, one quotes a value the other writes
    bare (_quoting_differs) after no label: not after a token ending in ``:`` in either
    (``leader_uuid: "<*>"`` / ``index: <*>``), where a dump quotes a field's value by its
    type (protobuf's text, YAML), not the format (round 83)."""
    return any(
        a != b
        and _quoting_differs(a, b)
        and not (index and (mine[index - 1][-1:] == ":" or theirs[index - 1][-1:] == ":"))
        for index, (a, b) in enumerate(zip(mine, theirs, strict=True))
    )


def _stopped_pair(tails: list[tuple[str, ...]]) -> bool:
    """True if there are two tails of one length that differ only where one ends a value
    with a full stop and the other does not (tokens.stop_apart)."""
    if len(tails) != 2 or len(tails[0]) != len(tails[1]):
        return False
    apart = [(a, b) for a, b in zip(*tails, strict=True) if a != b]
    return bool(apart) and all(stop_apart(a, b) for a, b in apart)


# A package's exported name as Go code writes it: a lower-case package, a dot, a Capitalised
# name (``context.Canceled``, ``os.ErrNotExist``).
_PACKAGE_NAME = re.compile(r"[a-z][a-z0-9]*\.[A-Z][A-Za-z0-9]*")


# A lower-case value glued in front of a Capitalised word (``novaException``, ``alphaChunk``,
# ``orders_frontendWait``): a format's ``%sException``, the word the event's.
_GLUED_FRONT = re.compile(r"[a-z][a-z0-9_.-]*[a-z0-9]([A-Z][a-z]+)")


def _glued_front(mine: list[str], theirs: str) -> bool:
    """True if the first token of ``mine`` and ``theirs`` are two values glued in
    front of the same Capitalised word (_GLUED_FRONT) and that word with the rest of ``mine``
    reads as an event's own message (tails.event_tail: ``Exception in serial callback``, not
    ``Table failed``, where ``createTable`` / ``getTable`` are two calls' names) (round 91)."""
    own = _GLUED_FRONT.fullmatch(mine[0])
    if own is None:
        return False
    other = _GLUED_FRONT.fullmatch(theirs)
    return (
        other is not None
        and other.group(1) == own.group(1)
        and other.group() != own.group()
        and event_tail([own.group(1), *mine[1:]])
    )


def _package_name(token: str) -> bool:
    """True for a package's exported name (_PACKAGE_NAME)."""
    return _PACKAGE_NAME.fullmatch(token) is not None


# A predicate method's name: a snake_case name ending in ``?`` (Ruby's, Elixir's convention).
_PREDICATE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+\?")


# A value in quotes with the punctuation around it: ``'ci'"``, ``("<*>"),``.
_QUOTED_VALUE = re.compile(r"""([(\[{]?)(['"])([^'"\s]+)\2([)\]}"',.;:]*)""")


# A verb's past form, as a lower-case word (``started``, ``unmodified``), its form in ``ing``
# (``creating``), and a plain word.
_PARTICIPLE = re.compile(r"[a-z]{2,}ed")
_GERUND = re.compile(r"[a-z]{2,}ing")
_PLAIN_LOWER = re.compile(r"[a-z]+")


def _upper(token: str) -> bool:
    """True for an UPPER_CASE word, punctuation around it aside."""
    return bare_word(token).isupper()


def _list_fold(tokens: list[str]) -> tuple[str, ...]:
    """``tokens``' list skeleton, also once their lists are variables (a shape's ``[a b]``
    written ``<*> <*>``: lists.list_skeleton leaves tokens without a list unfolded)."""
    return skeleton(list(list_skeleton(tokens)))


def _skeleton_covers(wide: tuple[str, ...], narrow: tuple[str, ...]) -> bool:
    """True if the list skeleton ``wide`` is ``narrow`` but for values where ``narrow`` has
    words (both of one length, from one entry of ``_list_heads``; round 90)."""
    return wide != narrow and all(w in (n, WILDCARD) for w, n in zip(wide, narrow, strict=True))


def _fits(shape: Shape, tokens: list[str]) -> bool:
    """True if ``shape`` differs from ``tokens`` only in their bracketed lists, where it
    takes their tokens as they are (``<*> <*>`` for ``[nova maple]``, shapes.covers)."""
    listed = {index for first, last in bracket_runs(tokens) for index in range(first, last + 1)}
    general = shape.general
    return all(
        mine == theirs or (index in listed and covers(mine, theirs, index in general))
        for index, (mine, theirs) in enumerate(zip(shape.tokens, tokens, strict=True))
    )


# A Capitalised word of letters only, as a sentence opens (``Initialization``, ``Compiling``).
_SENTENCE_WORD = re.compile(r"[A-Z][a-z]+")


def _sentence_word(token: str) -> bool:
    """True for a Capitalised word of letters only (_SENTENCE_WORD)."""
    return _SENTENCE_WORD.fullmatch(token) is not None


def _capitals(token: str) -> bool:
    """True for a word of capital letters only, punctuation around it aside (``PUT``,
    ``EEXIST:``), not a code with digits in it (``ARJUNA044004:``)."""
    word = bare_word(token)
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _field_key(token: str) -> str:
    """The key of a ``key=value`` field (``want-reply=``), or ``""`` for any other token."""
    key = FIELD_KEY.match(token)
    return key.group() if key is not None and len(token) > key.end() else ""


def _keyword_key(token: str) -> str:
    """A call's first argument given by its keyword, up to its ``=`` (``state_changed(old_state=``
    of ``state_changed(old_state=Running,``), or ``""``."""
    key = KEYWORD_ARGUMENT.match(token)
    return key.group() if key is not None and len(token) > key.end() else ""


def _word_values(pattern: str, token: str, key: str) -> bool:
    """True if ``pattern`` and ``token`` are both ``key`` with a plain word for its value
    (_FIELD_WORD), closed alike (``old_state=Running,`` / ``old_state=Pending,``): a key names
    what follows it as a value (tokens.differ_in_words), word or not (round 75)."""
    if not pattern.startswith(key):
        return False
    (a, closer), (b, other) = _field_value(pattern, key), _field_value(token, key)
    return (
        closer == other
        and _FIELD_WORD.fullmatch(a) is not None
        and _FIELD_WORD.fullmatch(b) is not None
    )


def _keyed_apart(tokens: list[str], pattern: list[str]) -> bool:
    """True if ``tokens`` are ``pattern``'s but for one or more ``key=value`` fields after the
    first token where both write the same key with a plain word value, unquoted and with no
    variable (``type=PullImage`` / ``type=CreateContainer``): elsewhere they differ only where
    ``pattern`` has ``<*>``. A key names what follows it as a value (``differ_in_words``);
    a quoted value may name the event (naming.py: ``Type="Recovered"``), and the first token
    names the event (Drain's premise), so neither is taken (round 69)."""
    keyed = [
        index
        for index in range(1, len(tokens))
        if tokens[index] != pattern[index] and _word_field(tokens[index], pattern[index])
    ]
    # Elsewhere equal, or ``<*>`` whole in ``pattern``: a value in parts (``old=<*>/<*>``
    # against ``old=<*>``) may be another call's format.
    return bool(keyed) and all(
        token == wanted or wanted == WILDCARD or index in keyed
        for index, (token, wanted) in enumerate(zip(tokens, pattern, strict=True))
    )


# A field's value that is one plain word or name (``PullImage``, ``power-saver``, ``db.main``).
_FIELD_WORD = re.compile(r"[A-Za-z][\w.-]*")


def _field_value(token: str, key: str) -> tuple[str, str]:
    """The value of ``token``'s field of ``key`` and the punctuation closing it, if any."""
    value = token[len(key) :]
    if value[-1:] and value[-1] in FIELD_CLOSERS:
        return value[:-1], value[-1]
    return value, ""


def _word_field(mine: str, theirs: str) -> bool:
    """True if both are fields of one key with plain word values (_FIELD_WORD), closed
    alike."""
    key = _field_key(mine)
    if not key or key != _field_key(theirs) or not key[:1].isalpha():
        return False
    return _word_values(mine, theirs, key)


def _field_covers(pattern: str, token: str, key: str) -> bool:
    """True if ``pattern`` is ``key`` with a variable for its value (``type=<*>``,
    ``mode=<*>,``) and ``token`` the same key with a plain word there (``type=create``,
    _FIELD_WORD), closed alike."""
    if not pattern.startswith(key):
        return False
    (a, closer), (b, other) = _field_value(pattern, key), _field_value(token, key)
    if closer != other:
        return False
    if a == WILDCARD and _FIELD_WORD.fullmatch(b) is not None:
        return True
    # An address the masks took with its scheme against the key's variable or another
    # scheme's (``URI=<*>,`` / ``URI=unix://<*>,``, ``node=https://<*>`` / ``node=<*>``):
    # one key's value printed in another form, the scheme being the value's, not the
    # format's (round 85). Other values in parts (``old=<*>/<*>``) may be another call's
    # format and stay apart (round 69).
    return a != b and (a == WILDCARD or masked_url(a)) and (b == WILDCARD or masked_url(b))


def _fits_head(head: list[str], pattern: list[str], label: bool) -> bool:
    """True if ``head`` is one of ``pattern``'s; a single label only if it is the same."""
    return head == pattern if label else instance_of(head, pattern)


def _arrowed(tokens: list[str], shape: list[str], end: int) -> bool:
    """True if the message's tail after ``end`` opens with an arrow glued to its value
    (``exception =>java...``) and the shape's tail is all variables: the arrow went into the
    free tail, so the shape's own tokens no longer show where its head ends."""
    return (
        tokens[end + 1][:2] == "=>"
        and len(shape) > end + 1
        and all(t == WILDCARD for t in shape[end + 1 :])
    )


def _object_in_words(mine: list[str], theirs: list[str], words: list[int]) -> bool:
    """True if one word differs, at ``words[0]``, and after it a variable of the template holds
    a plain word of the message, letters only but for a closing ``:``, ``,`` or ``.``
    (``failed to reap <*> <*>: <*>`` / ``failed to create CDC streamer: <*>``): the template's
    values there are one call's object (a hash, a path), the message names its own object in
    the format's words; with the verb before it differing (_verb_after_marker) the message is
    another call, as where several words differ (round 81)."""
    return len(words) == 1 and any(
        WILDCARD in mine[j] and theirs[j].rstrip(":,.").isalpha()
        for j in range(words[0] + 1, len(mine))
    )


def _verb_after_marker(mine: list[str], theirs: list[str], index: int) -> bool:
    """True if the differing words at ``index`` are plain lower-case words after a word that
    puts a verb after it (``to get`` / ``to verify``): the event's own verbs."""
    return (
        index > 0
        and mine[index - 1].lower() in VERB_MARKERS
        and mine[index].isalpha()
        and mine[index].islower()
        and theirs[index].isalpha()
        and theirs[index].islower()
    )
