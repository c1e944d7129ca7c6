"""Fifth round (docs/templates.md): the text of a binary string is a value, words that differ
everywhere but in the first token are no values, and a chain of labels is no head of free
text."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import head_ends
from tests.unit.templates.conftest import mine_all


def test_the_text_of_a_binary_string_is_a_value(miners: ServiceMiners) -> None:
    match = miners.mine("a", 'compaction queued for <<"ledger">>')
    assert match.template == 'compaction queued for <<"<*>">>'
    assert match.parameters == (("quoted", "ledger"),)
    # With spaces in it, the string is still one value.
    match = miners.mine("a", 'compaction queued for <<"ledger copy two">>')
    assert match.template == 'compaction queued for <<"<*>">>'
    # Several in one token, each its own value; bytes (<<1,2>>) and lone quotes as before.
    assert miners.mine("b", 'moved <<"k9">>:<<"cold">> to tier').template == (
        'moved <<"<*>">>:<<"<*>">> to tier'
    )
    assert miners.mine("c", "payload <<104,105>> dropped").template == "payload <*> dropped"
    assert miners.mine("d", 'peer said "ready" twice').template == 'peer said "ready" twice'


def test_words_that_differ_everywhere_but_in_the_first_token_are_no_values(
    miners: ServiceMiners,
) -> None:
    # Calls of one component, each an event of two words and a value: they stay apart, however
    # many of them there are.
    messages = [
        "lanepool queued ticket 17",
        "lanepool dropped lease 4",
        "lanepool renewed token 9",
        "lanepool paused intake 12",
        "lanepool resumed drain 3",
        "lanepool trimmed backlog 8",
        "lanepool queued ticket 21",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[-1] == "lanepool queued ticket <*>"
    assert len(set(templates)) == 6


def test_a_chain_of_labels_is_no_head_of_free_text(miners: ServiceMiners) -> None:
    # A severity and a facility in front of different events with values of their own.
    messages = [
        "trace: sieve: evicted 12 entries in 5 rounds",
        "trace: sieve: loaded /etc/sieve/a.rules with 3 patterns",
        "trace: sieve: warming slot 7 of 9",
        "trace: sieve: evicted 40 entries in 2 rounds",
        "trace: sieve: rejected 10.1.2.3 after 4 probes",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[3] == "trace: sieve: evicted <*> entries in <*> rounds"
    assert len(set(templates)) == 4
    assert head_ends(["trace:", "sieve:", "warming", "slot", "7"]) == []
    # A head with a word of a sentence in it still ends in free text.
    messages = [
        "trace: sieve: reload failed: open /etc/sieve/b.rules: file busy",
        "trace: sieve: reload failed: dial 10.0.0.9:53: refused by peer",
        "trace: sieve: reload failed: read 12 bytes short",
        "trace: sieve: reload failed: quota 7 exceeded for tenant",
    ]
    assert set(mine_all(miners, messages, "b")) == {"trace: sieve: reload failed: <*>"}
    assert head_ends(["trace:", "sieve:", "reload", "failed:", "x"]) == [3]
