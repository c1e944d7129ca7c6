"""Forty-third round: a bracketed list glued to its name (``paths=["a", "b"]``,
``key([a, b])``, ``names:[a b]``) is a list like one standing alone: messages whose such lists
differ in length are one event, the run written ``paths=<*>``, ``key(<*>)``, the name and what
follows the closing bracket kept (``lists.bracket_runs``, ``list_skeleton``, ``unbracket``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.lists import bracket_runs, has_list, list_skeleton, unbracket
from tests.unit.templates.conftest import assert_matches, mine_all


def _split(text: str) -> list[str]:
    return text.split()


def test_a_list_glued_to_its_name_is_a_run() -> None:
    tokens = _split("Override primary key([a.corp, b.corp, c.corp]) for catalog table t")
    assert bracket_runs(tokens) == [(2, 4)]
    assert list_skeleton(tokens) == (
        "Override",
        "primary",
        "key(<*>)",
        "for",
        "catalog",
        "table",
        "t",
    )
    assert bracket_runs(_split("paths=[x] ok")) == [(0, 0)]
    assert bracket_runs(_split("process names:[a b c]")) == [(1, 3)]


def test_an_unbracketed_glued_list_keeps_its_name_and_what_follows() -> None:
    tokens = _split("Transforming: LeftKeys=[a, b], LeftRowType=tcp")
    assert unbracket(tokens) == {1, 2}
    assert tokens == ["Transforming:", "LeftKeys=<*>", "<*>,", "LeftRowType=tcp"]
    single = _split("key([a]) for t")
    assert unbracket(single) == {0}
    assert single == ["key(<*>)", "for", "t"]


def test_a_glued_list_of_one_item_is_seen_as_a_list() -> None:
    assert has_list(_split("Override primary key([a.corp]) for t"))


def test_a_bracket_after_a_word_is_no_list() -> None:
    # A unit in brackets glued to a number (``40150ms[sec].``) has no name before it.
    assert bracket_runs(_split("next reload in 40150ms[sec]. Loaded")) == []


def test_glued_lists_of_any_length_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "Override primary key([node-6.corp, node-33.corp, node-56.corp]) for catalog table orders",
        "Override primary key([node-36.corp]) for catalog table orders",
        "Override primary key([node-28.corp, node-64.corp]) for catalog table orders",
        'Loading configs. paths=["40a2e548", "947dae23", "0c52bcb0"]',
        'Loading configs. paths=["a0a38527"]',
        'Loading configs. paths=["5cd4b3cf", "f32e09d8"]',
    ]
    templates = mine_all(miners, messages)
    assert templates == [
        *["Override primary key(<*>) for catalog table orders"] * 3,
        *["Loading configs. paths=<*>"] * 3,
    ]
    for message, template in zip(messages, templates, strict=True):
        assert_matches(template, message, miners.config)
