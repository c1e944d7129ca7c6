"""Online template mining for one service.

The search is Drain's (He et al., ICWS 2017) over pre-masked tokens: messages are grouped by
token count and first token, and a message joins the most similar template of its group if at
least ``similarity_threshold`` of the tokens agree. Two changes make it fit how people annotate
templates:

* Words are not variables by default. When a message differs from its best template in plain
  words (``Link ok`` / ``Link error``), it starts a sibling template. Only once the differing
  position has shown ``min_distinct_words`` distinct values do the siblings merge into one
  template with ``<*>`` there (user names, host names do this quickly; ``ok``/``error`` never
  do). UPPER_CASE words (states, levels) never become variables.
* Differences in masked values (``<*>:<*>`` / ``<*>``) generalise at once, keeping shared
  ``key=`` prefixes and brackets (``user=<*>``, ``(<*>)``).

A template is identified by its rendered text (rendering.py). Token sequences ("shapes") can
render to the same text, so a template owns one or more shapes; when a shape's text becomes that
of another template they merge, and the old id becomes an alias of the surviving one.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from pipeline.templates.config import MinerConfig
from pipeline.templates.ids import template_id
from pipeline.templates.masking import WILDCARD
from pipeline.templates.model import TemplateMatch
from pipeline.templates.parameters import Values, extract
from pipeline.templates.rendering import render
from pipeline.templates.stats import Counters
from pipeline.templates.tokenising import Tokeniser
from pipeline.templates.tokens import differ_in_words, generalise_token, instance_of, is_enum

GroupKey = tuple[int, str]


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

    def __init__(self, tokens: list[str], key: GroupKey, template: Template) -> None:
        self.tokens = tokens
        self.key = key
        self.template = template
        # Positions that became <*> by generalisation (not by masking): their parameter is the
        # whole original token.
        self.general: set[int] = set()
        self.alive = True  # False once evicted or merged away; cached references check it


def group_key(tokens: list[str]) -> GroupKey:
    """Drain's first levels: token count and the first token unless it holds a variable."""
    if not tokens:
        return (0, "")
    first = tokens[0]
    return (len(tokens), WILDCARD if WILDCARD in first else first)


class ServiceMiner:
    """Miner state of a single service. Not thread-safe; one owner per service."""

    def __init__(
        self, service: str, config: MinerConfig, tokeniser: Tokeniser, counters: Counters
    ) -> None:
        self.service = service
        self._config = config
        self._tokenise = tokeniser.tokenise
        self._counters = counters
        self._groups: dict[GroupKey, list[Shape]] = {}
        self.templates: OrderedDict[str, Template] = OrderedDict()  # LRU order, oldest first
        self._by_text: dict[str, Template] = {}
        self.aliases: OrderedDict[str, str] = OrderedDict()
        self._cache: dict[str, tuple[Shape, list[str], Values]] = {}
        # Distinct word tuples seen per family of sibling shapes (see _words_vary).
        self._families: dict[tuple[object, ...], set[tuple[str, ...]]] = {}

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
        config = self._config
        if config.max_cached_messages and len(message) <= config.max_cached_message_chars:
            if len(self._cache) >= config.max_cached_messages:
                self._cache.clear()  # cheap bound: hot messages return within a few lines
            self._cache[message] = (shape, tokens, values)
        template = shape.template
        return TemplateMatch(
            template.id, template.text, self._parameters(shape, tokens, values), is_new, previous_id
        )

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

    def _match(self, tokens: list[str]) -> tuple[Shape, bool, str | None]:
        key = group_key(tokens)
        group = self._groups.get(key)
        best = self._best(group, tokens) if group else None
        if best is None:
            return self._create(tokens, key), True, None
        shape_tokens = best.tokens
        template = best.template
        if shape_tokens == tokens:
            template.count += 1
            self.templates.move_to_end(template.id)
            return best, False, None
        words = [
            index
            for index, (mine, theirs) in enumerate(zip(shape_tokens, tokens, strict=True))
            if mine != theirs and mine != WILDCARD and differ_in_words(mine, theirs)
        ]
        if words and not self._words_vary(best, tokens, words, key):
            # A different event ("Link ok" / "Link error") until the position proves variable.
            return self._create(tokens, key), True, None
        template.count += 1
        self.templates.move_to_end(template.id)
        changed = False
        for index, (mine, theirs) in enumerate(zip(shape_tokens, tokens, strict=True)):
            if mine != theirs:
                best.general.add(index)
                if mine != WILDCARD:
                    general = generalise_token(mine, theirs)
                    if general != mine:
                        shape_tokens[index] = general
                        changed = True
        absorbed = self._absorb_family(best) if words else []
        if not changed and not absorbed:
            return best, False, None
        previous_id = self._retitle(best)
        for tid in absorbed:
            self._add_alias(tid, best.template.id)
        return best, False, previous_id

    def _best(self, group: list[Shape], tokens: list[str]) -> Shape | None:
        """The shape sharing most tokens with ``tokens``, if it shares enough."""
        size = len(tokens)
        if size == 0:
            return group[0]
        best = group[0]
        best_score = -1
        for shape in group:
            score = sum(map(str.__eq__, shape.tokens, tokens))
            if score > best_score:
                best, best_score = shape, score
        return best if best_score >= self._config.similarity_threshold * size else None

    def _words_vary(self, shape: Shape, tokens: list[str], words: list[int], key: GroupKey) -> bool:
        """Record the words seen at ``words``; True once they took enough distinct values."""
        mine = shape.tokens
        if any(is_enum(mine[i]) or is_enum(tokens[i]) for i in words):
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
        if len(seen) < self._config.min_distinct_words:
            seen.add(tuple(mine[i] for i in words))
            seen.add(tuple(tokens[i] for i in words))
        return len(seen) >= self._config.min_distinct_words

    def _absorb_family(self, shape: Shape) -> list[str]:
        """Fold sibling shapes that now fit ``shape``; return the ids of emptied templates."""
        merged = shape.tokens
        emptied: list[str] = []
        for other in list(self._groups.get(shape.key, ())):
            if other is shape or not instance_of(other.tokens, merged):
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

    # -- template bookkeeping ----------------------------------------------------------

    def _create(self, tokens: list[str], key: GroupKey) -> Shape:
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
        group = self._groups.get(shape.key)
        if group is not None and shape in group:
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
            self.templates.pop(old.id, None)
            self._by_text.pop(old.text, None)
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
        # Other shapes still render to the old text: only this shape moves, and its messages
        # so far stay counted under the old id.
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
        aliases.move_to_end(old_id)
        while len(aliases) > self._config.max_aliases_per_service:
            aliases.popitem(last=False)
            self._counters.evicted_aliases += 1

    def _parameters(
        self, shape: Shape, tokens: list[str], values: Values
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
                    "shapes": [
                        {"tokens": shape.tokens, "general": sorted(shape.general)}
                        for shape in template.shapes
                    ],
                }
                for template in self.templates.values()
            ],
            "aliases": [[old, new] for old, new in self.aliases.items()],
        }

    def load(self, templates: list[dict[str, Any]], aliases: list[list[str]]) -> None:
        """Add templates and aliases produced by :meth:`export` (validated by the caller)."""
        for item in templates:
            template = self._new_template(item["text"])
            if template.id != item["id"]:
                # Ids are a pure function of service and text, so this only happens if the
                # hashing changed; keep the id consumers have seen.
                del self.templates[template.id]
                template.id = item["id"]
                self.templates[template.id] = template
            template.count = item.get("count", 0)
            for raw in item["shapes"]:
                tokens = list(raw["tokens"])
                shape = Shape(tokens, group_key(tokens), template)
                shape.general = {i for i in raw.get("general", ()) if 0 <= i < len(tokens)}
                template.shapes.append(shape)
                self._groups.setdefault(shape.key, []).append(shape)
        for old, new in aliases:
            self._add_alias(old, new)
