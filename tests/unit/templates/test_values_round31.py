"""Thirty-first round: heads that differ only in a value inside a token (``pump_loop(<*>):``
and ``pump_loop(cellar.unit):``) are one call, as heads differing in a whole-token value are;
so a tail that followed both has not recurred after different calls, and the events after
that label keep their own templates instead of joining one free tail.
"""

from __future__ import annotations

import random

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import calls
from tests.unit.templates.conftest import mine_all


def test_a_value_inside_a_head_token_is_the_same_call() -> None:
    assert calls({("pump_loop(<*>):",), ("pump_loop(cellar.unit):",)}) == 1
    assert calls({("Valve", "<*>/open:"), ("Valve", "east/open:")}) == 1


def test_other_calls_stay_other_calls() -> None:
    # Another name before the bracket, or other text around the value: another call.
    assert calls({("pump_loop(<*>):",), ("fan_loop(cellar.unit):",)}) == 2
    assert calls({("pump_loop(<*>):",), ("pump_loop(cellar.unit)::",)}) == 2


def test_events_after_a_label_with_an_argument_stay_apart() -> None:
    rng = random.Random(7)
    names = ["kiosk-4", "kiosk-9", "cellar.unit", "attic.unit", "kiosk-12"]
    messages = []
    kinds = []
    for _ in range(60):
        name = rng.choice(names)
        roll = rng.random()
        if roll < 0.6:
            messages.append(f'pump_loop({name}): pressure = "{rng.getrandbits(64):016x}"')
            kinds.append("pressure")
        elif roll < 0.8:
            messages.append(f"pump_loop({name}): drain valve shut {rng.randint(1, 999)}")
            kinds.append("drain")
        else:
            messages.append(f"pump_loop({name}): seal {rng.randint(1, 99)} was replaced")
            kinds.append("seal")
    templates = mine_all(ServiceMiners(), messages)
    by_kind: dict[str, set[str]] = {}
    for kind, template in zip(kinds, templates, strict=True):
        by_kind.setdefault(kind, set()).add(template)
    # No template holds lines of two kinds of event.
    for kind, mine in by_kind.items():
        for other, theirs in by_kind.items():
            if other != kind:
                assert not mine & theirs, (kind, other, mine & theirs)
