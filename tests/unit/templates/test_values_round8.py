"""Eighth round (docs/templates.md): a label in front that is the sender's name, shown by the
same event after several different labels, becomes a variable; such labels are no heads of
free text."""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from tests.unit.templates.conftest import mine_all

# One event logged on behalf of different entities, their type's name in front.
_SENDERS = [
    "Basket: Slot [12] closing now",
    "Invoice: Slot [7] closing now",
    "Basket: Slot [31] closing now",
    "Parcel: Slot [3] closing now",
    "Invoice: Slot [8] closing now",
]


def test_the_same_event_after_several_labels_makes_the_label_a_variable(
    miners: ServiceMiners,
) -> None:
    templates = mine_all(miners, _SENDERS)
    assert templates == ["<*>: Slot [<*>] closing now"] * 5
    # A later sender joins it; the merged siblings' ids are aliases of the survivor.
    match = miners.mine("svc", "Voucher: Slot [44] closing now")
    assert match.template == "<*>: Slot [<*>] closing now"
    assert not match.is_new
    aliases = dict(miners.aliases("svc"))
    assert aliases and set(aliases.values()) == {match.template_id}
    assert all(miners.resolve("svc", old) == match.template_id for old in aliases)


def test_a_sender_template_survives_a_restore(miners: ServiceMiners) -> None:
    mine_all(miners, _SENDERS)
    before = miners.mine("svc", "Voucher: Slot [44] closing now").template_id
    restored = ServiceMiners.restore(miners.snapshot(), MinerConfig())
    match = restored.mine("svc", "Ledger: Slot [2] closing now")
    assert (match.template, match.template_id, match.is_new) == (
        "<*>: Slot [<*>] closing now",
        before,
        False,
    )


def test_errors_after_labels_keep_the_labels(miners: ServiceMiners) -> None:
    # Go's "FetchUser: <error>": the label names the call and the errors are the values. An
    # error is a chain of contexts joined by colons, or a few words without values.
    messages = [
        "FetchUser: open /var/lib/app/7.db: permission denied",
        "SaveOrder: open /var/lib/app/7.db: permission denied",
        "FetchUser: context canceled",
        "SaveOrder: context canceled",
        "FetchUser: unexpected end of stream",
        "DropCache: context canceled",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[2] == templates[4] == "FetchUser: <*>"
    assert templates[1] == templates[3] == "SaveOrder: <*>"


def test_a_senders_label_is_no_head_of_free_text(miners: ServiceMiners) -> None:
    # Once the same event followed both labels, they are senders' names: other events that
    # follow both (one with a colon inside, one of two words) are events, not values.
    messages = [
        "Basket: Slot [12] closing now",
        "Invoice: Slot [7] closing now",
        "Basket: Lost track of peers: [alpha]",
        "Invoice: Lost track of peers: [beta]",
        "Basket: Queue drained",
        "Invoice: Queue drained",
    ]
    templates = mine_all(miners, messages)
    assert templates[4] == "Basket: Queue drained"
    assert templates[2] != templates[4]


def test_senders_names_survive_a_restore(miners: ServiceMiners) -> None:
    # A restarted miner knows the senders it had found, so what follows them is mined as it
    # would have been without the restart, not as free text after a label.
    first = [
        "Basket: Slot [12] closing now",
        "Invoice: Slot [7] closing now",
        "Parcel: Slot [3] closing now",
    ]
    later = [
        "Basket: Queue drained",
        "Basket: Lost track of peers: [alpha]",
        "Basket: context canceled",
        "Invoice: context canceled",
        "Invoice: Queue drained",
        "Basket: disk full",
    ]
    mine_all(miners, first)
    restored = ServiceMiners.restore(miners.snapshot(), MinerConfig())
    after_restore = mine_all(restored, later)
    assert after_restore == mine_all(miners, later)
    assert after_restore[-1] == "Basket: disk full"
