"""Sixty-ninth round: a transition's states and a key's word values in short messages.

A transition written after a label (``Changing state: STOPPED -> Terminating``) has a state
on either side of its arrow: values of one kind, which the format fills in (``state: %s ->
%s``). As UPPER_CASE words they needed min_distinct_upper_states of them before the position
became a variable, and a program often logs two or three, each made a template. Two of them
are now enough (``miner._transition_side``).

A short message whose values are words the masks leave (``opened sensor.gamma_alpha
type=CreateContainer``) differs from the last one in most of its tokens: the first few made
templates of their own, and once one had its values as variables (``opened <*>
type=<*>``) it shared too few equal tokens with the next for the similarity threshold. A
field of the same key now agrees in the key where the template has a variable for its value
(``miner._best_fields``), and templates apart only in one key's word value are folded into
the one whose values became variables (``miner._absorb_keyed``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_states_on_both_sides_of_an_arrow_after_a_label_are_one_event(
    miners: ServiceMiners,
) -> None:
    messages = [
        "Changing state: STOPPED -> Terminating",
        "Changing state: PENDING -> Unknown",
        "Changing state: STOPPED -> Running",
        "Changing state: PENDING -> Ready",
        "Changing state: STOPPED -> Ready",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Changing state: <*> -> <*>"}


def test_the_source_state_after_the_target_became_a_variable(miners: ServiceMiners) -> None:
    # The target varies first (one source state), then a second source state comes.
    messages = [
        "Pipeline moved from state: RUNNING -> Stopped",
        "Pipeline moved from state: RUNNING -> Failed",
        "Pipeline moved from state: RUNNING -> Paused",
        "Pipeline moved from state: QUEUED -> Failed",
        "Pipeline moved from state: QUEUED -> Paused",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Pipeline moved from state: <*> -> <*>"}


def test_a_keys_word_values_in_a_short_message_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "opened sensor.gamma_alpha type=CreateContainer",
        "opened sensor.birch_vega type=ListContainers",
        "opened sensor.hallway_alpha type=PullImage",
        "opened sensor.nova_maple type=StartPodSandbox",
        "opened sensor.nova_maple type=CreateContainer",
        "opened sensor.hallway_alpha type=ListContainers",
        "opened sensor.hallway_beta type=ListContainers",
        "opened sensor.nova_maple type=StartPodSandbox",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"opened <*> type=<*>"}


def test_states_before_an_arrow_without_a_label_stay_words(miners: ServiceMiners) -> None:
    # Guard: only after a label. A word alone before an arrow is as often the format's own
    # name for what follows (``Cache HIT -> ...`` / ``Cache MISS -> ...``): other events.
    messages = [
        "Block cache HIT -> /var/lib/db/a.sst",
        "Block cache MISS -> /var/lib/db/b.sst",
        "Block cache HIT -> /var/lib/db/c.sst",
        "Block cache MISS -> /var/lib/db/d.sst",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[2] == "Block cache HIT -> <*>"
    assert templates[1] == templates[3] == "Block cache MISS -> <*>"


def test_lower_case_words_between_a_label_and_an_arrow_stay_words(
    miners: ServiceMiners,
) -> None:
    # Guard: only constants' words. A lower-case one there may be the format's own name
    # (``revive: candidates -> ...`` / ``revive: survivors -> ...``).
    messages = [
        'Entry revive: candidates -> "/var/lib/db/a.sst"',
        'Entry revive: survivors -> "/var/lib/db/b.sst"',
        'Entry revive: candidates -> "/var/lib/db/c.sst"',
        'Entry revive: survivors -> "/var/lib/db/d.sst"',
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[2]
    assert templates[1] == templates[3]
    assert templates[0] != templates[1]


def test_a_sibling_with_values_in_parts_stays_apart(miners: ServiceMiners) -> None:
    # Guard: besides the key's word value, a sibling may differ only where the template has
    # ``<*>`` whole. A value written in parts (``old=<*>/<*>`` against ``old=<*>``) may be
    # another call's format, as the bat/cfg fields of two calls of one driver are.
    messages = [
        "write_thresholds.no_change: bat=BAT0; cfg=main; old=50; new=60",
        "write_thresholds.no_change: bat=BAT1; cfg=main; old=50/60; new=70/80",
        "write_thresholds.no_change: bat=BAT0; cfg=spare; old=55; new=65",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[2]
    assert templates[1] != templates[0]
