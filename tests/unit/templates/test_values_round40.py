"""Fortieth round: tails of one length after a head that keep only separators in common
(``Failed - tcp <*>`` / ``Succeeded - udp <*>``, a format's ``%s - %s %s``) are the fields of a
record with a fixed layout: each position that differs becomes a variable and the separators
stay, however many positions differ, where such tails were made one free tail before. Tails
that also share a word, or share no separator, are decided as before.
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.tails import value_slots
from tests.unit.templates.conftest import mine_all


def test_tails_sharing_only_a_separator_are_value_slots() -> None:
    tails: list[tuple[str, ...]] = [
        ("Failed", "-", "tcp", "<*>"),
        ("Succeeded", "-", "udp", "<*>"),
        ("Failed", "-", "udp", "<*>"),
    ]
    assert value_slots(tails) == [0, 2]
    assert value_slots([("a", "->", "b"), ("c", "->", "d")]) == [0, 2]


def test_tails_sharing_a_word_or_no_separator_are_not_separated_fields() -> None:
    # A word in common with three differing positions: no slots, as before.
    assert value_slots([("x", "-", "a", "then", "b"), ("y", "-", "c", "then", "d")]) == []
    # A separator only at an end stands between no two values.
    assert value_slots([("a", "b", "c", "-"), ("d", "e", "f", "-")]) == []
    assert value_slots([("a", "b", "c"), ("d", "e", "f")]) == []


def test_a_record_with_separators_keeps_them_in_its_template() -> None:
    messages = [
        "Processed request: Succeeded - tcp 10.0.0.1:2379",
        "Processed request: Failed - udp 10.0.0.1:2379",
        "Processed request: Failed - tcp https://10.0.0.2:2380/replica",
        "Processed request: Failed - tcp 10.0.0.3:9042",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert texts == ["Processed request: <*> - <*> <*>"] * 4


def test_the_same_fields_without_a_separator_stay_a_free_tail() -> None:
    messages = [
        "Processed request: Succeeded tcp 10.0.0.1:2379",
        "Processed request: Failed udp 10.0.0.1:2379",
        "Processed request: Failed tcp https://10.0.0.2:2380/replica",
        "Processed request: Failed tcp 10.0.0.3:9042",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert texts == ["Processed request: <*>"] * 4
