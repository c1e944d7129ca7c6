"""Thirty-fifth round: a Go error chain (``dial tcp ADDR: connect: ...``, ``open /PATH:
...``, ``rpc error: code = ... desc = ...``) printed after a word without a colon is one value
to the end of the message; a closing quote or bracket the chain did not open stays the
message's, and a verb with a word rather than a path or an address stays the event's words.
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.errtexts import join_go_chain, split_chain_closing
from tests.unit.templates.conftest import mine_all


def test_chains_of_different_words_join_one_template() -> None:
    messages = [
        "lease renewal for quokka dial tcp 10.1.2.3:7001: connect: connection refused",
        "lease renewal for wombat open /var/lib/pond/lease.db: permission denied",
        "lease renewal for numbat rpc error: code = Unavailable desc = transport is closing",
        "lease renewal for possum read tcp 10.0.0.9:4410->10.0.0.2:7001: read: i/o timeout",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"lease renewal for <*> <*>"}


def test_the_closing_bracket_stays_with_the_message() -> None:
    messages = [
        "pond sync skipped (cause dial tcp 10.4.4.4:80: connect: no route to host)",
        "pond sync skipped (cause open /srv/pond/a.idx: no such file or directory)",
        "pond sync skipped (cause rpc error: code = NotFound desc = pond gone)",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"pond sync skipped (cause <*>)"}


def test_split_chain_closing() -> None:
    assert split_chain_closing('open /a: denied"') == ("open /a: denied", '"')
    assert split_chain_closing("open /a (x): denied)") == ("open /a (x): denied", ")")
    assert split_chain_closing("open /a: denied") == ("open /a: denied", "")


def test_a_verb_with_a_word_is_the_event() -> None:
    raw = "Failed to remove space: quota exceeded by tenant".split()  # noqa: SIM905
    assert join_go_chain(raw, (set(),)) is None
    raw = "sync failed: dial tcp 10.1.1.1:80: connect: refused".split()  # noqa: SIM905
    assert join_go_chain(raw, (set(),)) is None  # after a colon: the head's free tail
    raw = "sync of pond dial tcp 10.1.1.1:80: connect: refused".split()  # noqa: SIM905
    found = join_go_chain(raw, (set(),))
    assert found is not None and found[0][3:] == ["dial tcp 10.1.1.1:80: connect: refused"]


def test_a_verb_after_to_or_cannot_is_the_event() -> None:
    raw = "Failed to open /srv/x.db: Permission denied".split()  # noqa: SIM905
    assert join_go_chain(raw, (set(),)) is None
    raw = "cannot stat /srv/x.db: Permission denied".split()  # noqa: SIM905
    assert join_go_chain(raw, (set(),)) is None


def test_one_value_after_a_heads_colon_leaves_the_chain_to_the_tail() -> None:
    raw = "request failed, status: 503 open /srv/x.db: Permission denied".split()  # noqa: SIM905
    assert join_go_chain(raw, (set(),)) is None


def test_an_operation_on_a_word_is_no_path_error() -> None:
    raw = "quota check for tenant remove space: quota exceeded".split()  # noqa: SIM905
    assert join_go_chain(raw, (set(),)) is None
    raw = "quota check for tenant dial tcp backend: unreachable".split()  # noqa: SIM905
    assert join_go_chain(raw, (set(),)) is None
