"""Thirty-third round: the index of list templates (``miner._lists``, like the skeleton and
measurement indexes) follows a template that was renamed into a new object or merged into
another, instead of dropping the entry as stale; and when two messages of a list template
differ in a list's length, a bracketed run both have word for word at the same place (a tag,
``[-]``) stays text.
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.lists import unbracket
from tests.unit.templates.conftest import mine_all

PLANTS = [
    "Watering plants from ['fern', 'ivy'] now",
    "Watering plants from ['moss', 'sage'] now",
    "Watering plants from ['fern', 'ivy', 'moss'] now",
]


def test_a_list_joins_its_template_after_the_template_was_renamed() -> None:
    # The second message generalises the first one's template, which is renamed into a new
    # object; the three-item list must still find it through the lists index.
    texts = mine_all(ServiceMiners(MinerConfig()), PLANTS)
    assert texts[0] == texts[1] == texts[2] == "Watering plants from <*> now"


def test_a_later_list_is_mined_as_with_a_fresh_miner() -> None:
    # Without the rename in between, the three-item list joins the two-item one: after it,
    # the same.
    fresh = mine_all(ServiceMiners(MinerConfig()), [PLANTS[0], PLANTS[2]])
    renamed = mine_all(ServiceMiners(MinerConfig()), PLANTS)
    assert fresh[1] == renamed[2] == "Watering plants from <*> now"


def test_a_tag_in_brackets_stays_text() -> None:
    messages = [
        "[-] STALE: keys in queue: ['oak', 'elm']",
        "[-] STALE: keys in queue: ['ash', 'elm', 'fir']",
        "[-] STALE: keys in queue: ['fir', 'yew', 'oak', 'ash']",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"[-] STALE: keys in queue: <*>"}


def test_unbracket_keeps_a_run_the_other_message_has() -> None:
    tokens = ["[-]", "keys:", "['oak',", "'elm']"]
    assert unbracket(tokens, ["[-]", "keys:", "['ash',", "'elm',", "'fir']"]) == {2, 3}
    assert tokens == ["[-]", "keys:", "<*>", "<*>"]
    alone = ["[-]", "keys:", "['oak']"]
    assert unbracket(alone) == {0, 2}
