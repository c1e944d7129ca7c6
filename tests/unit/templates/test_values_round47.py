"""Forty-seventh round: sibling templates are evidence of a word's values. Templates of one
length that differ in one word amid a sentence (``Replication task <*> completed with status
tcp, (includes entity <*>)`` / ``tcp4,`` / ``udp,``) hold the values that word took; a message
that matches one of them as it is never compares with the others, so the count of distinct
words must not depend on the order in which the event's other positions became variables
(``miner._sibling_words``, ``miner._one_word_apart``). Short messages and a word before a value
(a kind naming it) keep their own counts (``miner._sentence_slot``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_siblings_one_word_apart_merge_once_another_position_varies(
    miners: ServiceMiners,
) -> None:
    # Eureka's order: each status value comes first with an entity that is later a variable
    # in another sibling, and later messages match their own sibling exactly.
    messages = [
        f"Replication task {t} completed with status {s}, (includes entity {e})"
        for t, s, e in [
            ("beta.service", "tcp", "garden_nova"),
            ("maple.service", "tcp4", "canary_aurora"),
            ("cedar.service", "tcp", "kitchen_birch"),
            ("gamma.service", "udp", "canary_aurora"),
            ("maple.service", "tcp", "default_kitchen"),
            ("storage.service", "tcp4", "kitchen_birch"),
            ("backup.service", "tcp", "backup_beta"),
            ("gamma.service", "tcp6", "backup_beta"),
        ]
    ]
    templates = set(mine_all(miners, messages))
    assert len(templates) == 1
    assert "status <*>," in next(iter(templates))


def test_a_sibling_word_counts_towards_a_word_that_varies(miners: ServiceMiners) -> None:
    messages = [
        f"Queue drained with status {s} and retried for entity {e} today"
        for s, e in [
            ("tcp", "garden_nova"),
            ("udp", "canary_aurora"),
            ("tcp", "kitchen_birch"),
            ("tcp", "default_kitchen"),
            ("unix", "backup_beta"),
        ]
    ]
    assert set(mine_all(miners, messages)) == {
        "Queue drained with status <*> and retried for entity <*> today"
    }


def test_a_short_message_keeps_its_words_apart(miners: ServiceMiners) -> None:
    messages = [
        "Drained tcp for garden_nova",
        "Drained udp for canary_aurora",
        "Drained tcp for kitchen_birch",
        "Drained tcp for default_kitchen",
        "Drained unix for backup_beta",
    ]
    templates = set(mine_all(miners, messages))
    assert "Drained udp for canary_aurora" in templates
    assert "Drained unix for backup_beta" in templates


def test_a_kind_before_a_value_stays_a_word(miners: ServiceMiners) -> None:
    messages = [
        f"Could not process {k} {v} as a template today, error={n}"
        for n, (k, v) in enumerate(
            [
                ("guest", "garden_nova"),
                ("expression", "canary_aurora"),
                ("guest", "kitchen_birch"),
                ("guest", "default_kitchen"),
                ("owner", "backup_beta"),
            ]
        )
    ]
    templates = set(mine_all(miners, messages))
    assert len(templates) == 3
    assert "Could not process guest <*> as a template today, error=<*>" in templates
