"""Fifteenth round: the errors of Go's standard library (``context canceled``, ``context
deadline exceeded``, ``i/o timeout``, ``unexpected EOF``, ``use of closed network
connection``) are error texts as the C library's are (errtexts.py): one value wherever a
message carries one, also inside logrus's ``msg="..."`` and without a colon in front. And two
sibling templates where each made a different word a variable are one event with two values
(miner._cross_siblings)."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.errtexts import join_error_texts
from tests.unit.templates.conftest import assert_matches, mine_all

_GO_ERRORS = [
    "context canceled",
    "context deadline exceeded",
    "i/o timeout",
    "unexpected EOF",
    "use of closed network connection",
]


def test_go_errors_are_joined_into_one_token() -> None:
    for text in _GO_ERRORS:
        found = join_error_texts(["Unable", "to", "fetch", "zones", *text.split()])
        assert found is not None, text
        tokens, positions = found
        assert tokens == ["Unable", "to", "fetch", "zones", text]
        assert positions == {4}


def test_a_go_error_after_words_is_a_value(miners: ServiceMiners) -> None:
    messages = [f"Failed to new client with sts token {text}" for text in _GO_ERRORS[:3]]
    assert set(mine_all(miners, messages)) == {"Failed to new client with sts token <*>"}


def test_a_go_error_inside_logrus_msg_is_a_value(miners: ServiceMiners) -> None:
    messages = [
        f'msg="Unable to fetch zones {text}" zone=z{i}' for i, text in enumerate(_GO_ERRORS)
    ]
    templates = set(mine_all(miners, messages))
    assert templates == {'msg="Unable to fetch zones <*>" zone=<*>'}
    for message in messages:
        assert_matches(next(iter(templates)), message, miners.config)


def test_a_go_error_mid_message_is_a_value(miners: ServiceMiners) -> None:
    messages = [
        f"Batch operation failed for zone z{i} (chunk 1/3): {text} - falling back"
        for i, text in enumerate(_GO_ERRORS[1:4])
    ]
    assert set(mine_all(miners, messages)) == {
        "Batch operation failed for zone <*> (chunk <*>/<*>): <*> - falling back"
    }


def test_a_message_opening_with_a_go_error_keeps_its_words() -> None:
    assert join_error_texts(["context", "canceled", "by", "user"]) is None


# Siblings that each made a different word a variable (miner._cross_siblings).
_SERVICES = ["alpha.service", "beta.service", "gamma.service", "local.service"]
_VALUES = ["invoices", "vega", "billing", "orders"]


def _asg(service: str, value: str) -> str:
    return f"The ASG name is specified {service} and the value is {value}"


def test_siblings_with_crossed_variables_are_one_event(miners: ServiceMiners) -> None:
    # The second value comes before the first position is proven variable: its sibling then
    # proves the second position on its own.
    messages = [_asg("alpha.service", "invoices"), _asg("alpha.service", "vega")]
    messages += [_asg(service, "invoices") for service in _SERVICES[1:3]]
    messages += [_asg("alpha.service", value) for value in _VALUES[2:]]
    messages += [_asg("local.service", "orders")]
    templates = mine_all(miners, messages)
    assert set(templates) == {"The ASG name is specified <*> and the value is <*>"}
    for message in messages:
        assert_matches(templates[-1], message, miners.config)


def test_siblings_that_differ_in_a_word_stay_apart(miners: ServiceMiners) -> None:
    # Each has a variable where the other has a word, but one more word differs: two events.
    messages = [f"Replica {name} joined the ring" for name in ("a1x", "b1x", "c1x")]
    messages += [f"Replica a1x left the {word}" for word in ("ring", "pool", "zone")]
    templates = set(mine_all(miners, messages))
    assert "Replica <*> joined the ring" in templates
    assert "Replica <*> left the <*>" not in templates


def test_a_go_error_ending_the_message_after_a_head_is_the_heads_tail() -> None:
    # The head's free tail (tails.py) learns from its words: they stay words there.
    assert join_error_texts(["Sync", "failed:", "context", "canceled"]) is None
    assert join_error_texts(['msg="Sync', "failed:", "context", 'canceled"', "a=b"]) is None
    assert join_error_texts(["Sync", "failed:", "context", "canceled", "-", "retrying"]) == (
        ["Sync", "failed:", "context canceled", "-", "retrying"],
        {2},
    )
