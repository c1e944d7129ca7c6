"""Online template mining for one service: a Drain-style search over pre-masked tokens.

Messages are masked (masking.py), split on whitespace and grouped by token count and first
token, as in Drain (He et al., ICWS 2017). Inside a group the message joins the most similar
template if enough tokens agree, and that template generalises: the disagreeing positions become
``<*>``. Otherwise the message starts a new template.

A template is identified by its rendered text. Token sequences ("shapes") of different lengths
can render to the same text once glued variables are folded, so a template owns one or more
shapes; when a shape's generalised text equals another template's text the two are merged and the
old id becomes an alias of the surviving one.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable

from pipeline.templates.config import MinerConfig
from pipeline.templates.ids import template_id
from pipeline.templates.masking import (
    SPAN_MARK,
    SPANS,
    WILDCARD,
    Masked,
    refine_unit_names,
)
from pipeline.templates.model import TemplateMatch
from pipeline.templates.multiline import summarise
from pipeline.templates.rendering import render
from pipeline.templates.stats import Counters

Values = list[tuple[str, str]]
_UNIT_WORDS = frozenset(
    "ns us µs ms s sec secs second seconds min mins minute minutes h hr hrs hour hours day days "
    "b kb mb gb tb kib mib gib tib k m g t byte bytes KB MB GB TB KiB MiB GiB TiB B K M G T".split()
)


class Template:
    """One template: its id, text, message count and the shapes that render to it."""

    __slots__ = ("count", "id", "shapes", "text")

    def __init__(self, tid: str, text: str) -> None:
        self.id = tid
        self.text = text
        self.count = 0
        self.shapes: list[Shape] = []


class Shape:
    """A token sequence of one length that messages are matched against."""

    __slots__ = ("alive", "general", "key", "template", "tokens")

    def __init__(self, tokens: list[str], key: tuple[int, str], template: Template) -> None:
        self.tokens = tokens
        self.key = key
        self.template = template
        # Positions that became <*> by generalisation (not by masking): their parameter is the
        # whole original token.
        self.general: set[int] = set()
        self.alive = True


def group_key(tokens: list[str]) -> tuple[int, str]:
    """Drain's first levels: token count and the first token unless it holds a variable."""
    if not tokens:
        return (0, "")
    first = tokens[0]
    return (len(tokens), WILDCARD if WILDCARD in first else first)


class ServiceMiner:
    """Miner state of a single service. Not thread-safe; one owner per service."""

    def __init__(
        self,
        service: str,
        config: MinerConfig,
        mask_token: Callable[[str], Masked],
        counters: Counters,
    ) -> None:
        self.service = service
        self._config = config
        self._mask_token = mask_token
        self._counters = counters
        self._groups: dict[tuple[int, str], list[Shape]] = {}
        self.templates: OrderedDict[str, Template] = OrderedDict()  # LRU order, oldest first
        self._by_text: dict[str, Template] = {}
        self.aliases: OrderedDict[str, str] = OrderedDict()
        self._cache: dict[str, tuple[Shape, list[str], Values]] = {}
        # Distinct word tuples seen per family of near-identical shapes (see _words_vary).
        self._families: dict[tuple[object, ...], set[tuple[str, ...]]] = {}
        # Template ids folded into another by the current operation, aliased by _retitle.
        self._absorbed: list[str] = []

    # -- public operations -------------------------------------------------------------

    def mine(self, message: str) -> TemplateMatch:
        counters = self._counters
        counters.messages += 1
        cached = self._cache.get(message)
        if cached is not None and cached[0].alive:
            counters.cache_hits += 1
            shape, tokens, values = cached
            template = shape.template
            template.count += 1
            self.templates.move_to_end(template.id)
            return TemplateMatch(
                template.id, template.text, self._parameters(shape, tokens, values), False, None
            )
        tokens, values = self._tokenise(message)
        shape, is_new, previous_id = self._match(tokens)
        if len(message) <= self._config.max_cached_message_chars:
            if len(self._cache) >= self._config.max_cached_messages:
                self._cache.clear()  # cheap bound: hot messages return within a few lines
            if self._config.max_cached_messages:
                self._cache[message] = (shape, tokens, values)
        template = shape.template
        return TemplateMatch(
            template.id,
            template.text,
            self._parameters(shape, tokens, values),
            is_new,
            previous_id,
        )

    def resolve(self, tid: str) -> str:
        """Follow generalisation and merge aliases to the id in use now."""
        seen = 0
        aliases = self.aliases
        while tid in aliases and seen <= len(aliases):
            tid = aliases[tid]
            seen += 1
        return tid

    def template_text(self, tid: str) -> str | None:
        template = self.templates.get(self.resolve(tid))
        return None if template is None else template.text

    # -- tokenising ------------------------------------------------------------------------

    def _tokenise(self, message: str) -> tuple[list[str], Values]:
        config = self._config
        counters = self._counters
        if len(message) > config.max_message_chars:
            counters.truncated_messages += 1
            message = message[: config.max_message_chars]
        if "\n" in message or "\r" in message:
            counters.multiline_messages += 1
            message = summarise(message)
        spans: list[str] = []
        if SPANS.search(message) is not None:
            message, spans = _cut_spans(message)
        raw = message.split()
        tail: str | None = None
        if len(raw) > config.max_tokens:
            counters.truncated_tokens += 1
            tail = " ".join(raw[config.max_tokens - 1 :])
            raw = raw[: config.max_tokens - 1]
        mask_token = self._mask_token
        tokens: list[str] = []
        values: Values = []
        limit = config.max_token_chars
        for token in raw:
            if len(token) > limit:
                counters.long_tokens += 1
                tokens.append(WILDCARD)
                values.append(("long", token))
                continue
            if spans and SPAN_MARK in token:
                masked, found = _mask_with_spans(token, spans, mask_token)
            else:
                masked, found = mask_token(token)
            tokens.append(masked)
            if found:
                values.extend(found)
        if tail is not None:
            tokens.append(WILDCARD)
            values.append(("truncated", tail))
        if values and not _UNIT_WORDS.isdisjoint(raw):
            refine_unit_names(tokens, values)
        return tokens, values

    # -- clustering ------------------------------------------------------------------------

    def _match(self, tokens: list[str]) -> tuple[Shape, bool, str | None]:
        key = group_key(tokens)
        group = self._groups.get(key)
        best: Shape | None = None
        if group:
            best = self._best(group, tokens)
        if best is None:
            return self._create(tokens, key), True, None
        shape_tokens = best.tokens
        words = [
            index
            for index, (mine, theirs) in enumerate(zip(shape_tokens, tokens, strict=True))
            if mine != theirs and WILDCARD not in mine and WILDCARD not in theirs
        ]
        if words and not self._words_vary(best, tokens, words, key):
            # Differing constant words make a different event ("Link ok" / "Link error"), until
            # the position proves to be a variable by taking many values.
            return self._create(tokens, key), True, None
        template = best.template
        template.count += 1
        self.templates.move_to_end(template.id)
        if shape_tokens == tokens:
            return best, False, None
        changed = False
        for index, (mine, theirs) in enumerate(zip(shape_tokens, tokens, strict=True)):
            if mine != theirs and mine != WILDCARD:
                shape_tokens[index] = WILDCARD
                best.general.add(index)
                changed = True
            elif mine != theirs:
                best.general.add(index)
        if words:
            self._absorb_family(best, words)
            changed = True
        if not changed:
            return best, False, None
        previous_id = self._retitle(best)
        for absorbed in self._absorbed:
            self._add_alias(absorbed, best.template.id)
        self._absorbed.clear()
        return best, False, previous_id

    def _words_vary(
        self, shape: Shape, tokens: list[str], words: list[int], key: tuple[int, str]
    ) -> bool:
        """Record the words seen at ``words``; True once they took enough distinct values."""
        mine = shape.tokens
        if any(_is_enum(mine[i]) or _is_enum(tokens[i]) for i in words):
            return False
        positions = set(words)
        family = (
            key,
            tuple(words),
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
        seen.add(tuple(mine[i] for i in words))
        seen.add(tuple(tokens[i] for i in words))
        return len(seen) >= self._config.min_distinct_words

    def _absorb_family(self, shape: Shape, words: list[int]) -> None:
        """Fold the sibling shapes that differ from ``shape`` only where it now has <*>."""
        merged = shape.tokens
        group = self._groups.get(shape.key, [])
        for other in list(group):
            if other is shape or not _instance_of(other.tokens, merged):
                continue
            for index, token in enumerate(other.tokens):
                if token != merged[index] and merged[index] != WILDCARD:
                    merged[index] = WILDCARD
                    shape.general.add(index)
            self._drop_shape(other)
            absorbed = other.template
            absorbed.shapes.remove(other)
            if not absorbed.shapes and absorbed is not shape.template:
                shape.template.count += absorbed.count
                del self.templates[absorbed.id]
                self._by_text.pop(absorbed.text, None)
                self._absorbed.append(absorbed.id)
                self._counters.merges += 1

    def _best(self, group: list[Shape], tokens: list[str]) -> Shape | None:
        size = len(tokens)
        if size == 0:
            return group[0]
        needed = self._config.similarity_threshold * size
        best: Shape | None = None
        best_score = -1
        for shape in group:
            score = sum(map(str.__eq__, shape.tokens, tokens))
            if score > best_score:
                best, best_score = shape, score
        if best_score >= needed:
            return best
        return None

    def _create(self, tokens: list[str], key: tuple[int, str]) -> Shape:
        text = render(tokens)
        template = self._by_text.get(text)
        if template is None:
            template = self._new_template(text)
        shape = Shape(list(tokens), key, template)
        template.shapes.append(shape)
        template.count += 1
        self.templates.move_to_end(template.id)
        self._groups.setdefault(key, []).append(shape)
        return shape

    def _new_template(self, text: str) -> Template:
        config = self._config
        while len(self.templates) >= config.max_templates_per_service:
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
        group = self._groups.get(shape.key)
        if group is not None:
            group.remove(shape)
            if not group:
                del self._groups[shape.key]

    def _retitle(self, shape: Shape) -> str | None:
        """Re-render a generalised shape; rename or merge its template. Returns the old id."""
        old = shape.template
        text = render(shape.tokens)
        if text == old.text:
            return None
        counters = self._counters
        counters.generalisations += 1
        target = self._by_text.get(text)
        if len(old.shapes) == 1:
            del self.templates[old.id]
            del self._by_text[old.text]
            if target is None:
                target = Template(template_id(self.service, text), text)
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
        # The template has other shapes that still render to the old text: only this shape
        # moves. Its messages so far stay counted under the old id.
        old.shapes.remove(shape)
        if target is None:
            target = self._new_template(text)
        else:
            counters.merges += 1
        target.shapes.append(shape)
        shape.template = target
        target.count += 1
        self.templates.move_to_end(target.id)
        return old.id

    def _add_alias(self, old_id: str, new_id: str) -> None:
        if old_id == new_id:
            return
        aliases = self.aliases
        aliases[old_id] = new_id
        while len(aliases) > self._config.max_aliases_per_service:
            aliases.popitem(last=False)
            self._counters.evicted_aliases += 1

    # -- parameters ------------------------------------------------------------------------

    def _parameters(
        self, shape: Shape, tokens: list[str], values: Values
    ) -> tuple[tuple[str, str], ...]:
        if not shape.general:
            params = values
        else:
            params = []
            cursor = 0
            general = shape.general
            for index, (mine, theirs) in enumerate(zip(shape.tokens, tokens, strict=True)):
                count = theirs.count(WILDCARD) if values else 0
                if index in general and mine != theirs:
                    params.append(("", _restore(theirs, values[cursor : cursor + count])))
                elif count:
                    params.extend(values[cursor : cursor + count])
                cursor += count
        limit = self._config.max_parameters
        if len(params) > limit:
            self._counters.dropped_parameters += len(params) - limit
            params = params[:limit]
        return tuple(params)


def _cut_spans(message: str) -> tuple[str, list[str]]:
    """Replace multi-token spans (dates with spaces) by a mark; return them in order."""
    spans: list[str] = []

    def cut(match: re.Match[str]) -> str:
        spans.append(match.group())
        return SPAN_MARK

    return SPANS.sub(cut, message.replace(SPAN_MARK, " ")), spans


def _mask_with_spans(
    token: str, spans: list[str], mask_token: Callable[[str], Masked]
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Mask a token holding span marks: the marks become <*>, the rest is masked as usual."""
    parts = token.split(SPAN_MARK)
    masked_parts: list[str] = []
    values: list[tuple[str, str]] = []
    for index, part in enumerate(parts):
        if index:
            values.append(("timestamp", spans.pop(0)))
        masked, found = mask_token(part) if part else ("", ())
        masked_parts.append(masked)
        values.extend(found)
    return WILDCARD.join(masked_parts), tuple(values)


def _is_enum(token: str) -> bool:
    """UPPER_CASE words are enumeration constants (states, levels), never variables."""
    word = token.strip("[](){}<>,.;:'\"")
    return len(word) > 1 and word.isupper() and not word.isdigit()


def _instance_of(tokens: list[str], pattern: list[str]) -> bool:
    """True if ``tokens`` differ from ``pattern`` only at its <*> or at masked positions."""
    for token, wanted in zip(tokens, pattern, strict=True):
        if token != wanted and wanted != WILDCARD and not (WILDCARD in token and WILDCARD in wanted):
            return False
    return True


def _restore(masked: str, values: Values) -> str:
    """Put mask values back into a masked token (the inverse of masking)."""
    if not values:
        return masked
    parts = masked.split(WILDCARD)
    out = [parts[0]]
    for (_, value), part in zip(values, parts[1:], strict=False):
        out.append(value)
        out.append(part)
    return "".join(out)


def export_state(miner: ServiceMiner) -> dict[str, object]:
    """Plain-data form of a miner's templates (LRU order) and aliases, for snapshots."""
    return {
        "service": miner.service,
        "templates": [
            {
                "id": template.id,
                "text": template.text,
                "count": template.count,
                "shapes": [
                    {"tokens": shape.tokens, "general": sorted(shape.general)}
                    for shape in template.shapes
                ],
            }
            for template in miner.templates.values()
        ],
        "aliases": [[old, new] for old, new in miner.aliases.items()],
    }


def import_state(miner: ServiceMiner, templates: list[dict[str, object]], aliases: list[list[str]]) -> None:
    """Load templates and aliases produced by :func:`export_state` (already validated)."""
    for item in templates:
        text = str(item["text"])
        template = miner._new_template(text)
        if template.id != item["id"]:
            # Ids are a pure function of service and text; a mismatch means another service name
            # or hash, so keep the stored id to stay compatible with what consumers saw.
            del miner.templates[template.id]
            template.id = str(item["id"])
            miner.templates[template.id] = template
        count = item.get("count", 0)
        template.count = count if isinstance(count, int) else 0
        shapes = item.get("shapes", [])
        assert isinstance(shapes, list)
        for raw in shapes:
            tokens = [str(token) for token in raw["tokens"]]
            shape = Shape(tokens, group_key(tokens), template)
            shape.general = {int(i) for i in raw.get("general", []) if 0 <= int(i) < len(tokens)}
            template.shapes.append(shape)
            miner._groups.setdefault(shape.key, []).append(shape)
    for old, new in aliases:
        miner._add_alias(str(old), str(new))
