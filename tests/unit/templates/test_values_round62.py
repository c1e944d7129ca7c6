"""Sixty-second round: after a call in front, fields of the same keys are one event.

MINA SSHD writes ``process(<session>) request=<name>, want-reply=<value>``: the call's
argument and every field's value vary, so a new message may share no token whole with the
template made so far (``process(<*>) request=<*>, want-reply=hermes``), and each value of the
last key made a template of its own. After a call in front, a template whose tokens after the
call are ``key=`` fields of the same keys, in the same order, is now the message's
(miner._best_keyed): a field agrees in its key as the call does in its name. Among such
templates the one of the same keys is taken, not another event's fields.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_SESSIONS = ["replica_birch", "billing_staging", "aurora_default", "hallway_billing"]
_NAMES = ["gamma", "hermes", "aurora", "staging"]
_REPLIES = ["hermes", "vega", "main"]


def _messages(last_key: str = "want-reply") -> list[str]:
    return [
        f"process({session}) request={name}, {last_key}={reply}"
        for reply in _REPLIES
        for session, name in zip(_SESSIONS, _NAMES, strict=True)
    ]


def test_fields_of_the_same_keys_after_a_call_share_a_template(miners: ServiceMiners) -> None:
    templates = mine_all(miners, _messages())
    assert set(templates[-len(_SESSIONS) :]) == {"process(<*>) request=<*>, want-reply=<*>"}


def test_a_new_value_of_the_last_key_finds_the_template(miners: ServiceMiners) -> None:
    mine_all(miners, _messages())
    last = miners.mine("svc", "process(orders_main) request=delta, want-reply=orion")
    assert last.template == "process(<*>) request=<*>, want-reply=<*>"


def test_the_template_of_the_same_keys_is_taken_among_others(miners: ServiceMiners) -> None:
    mine_all(miners, _messages())
    mine_all(miners, _messages("want-ack"))
    last = miners.mine("svc", "process(orders_main) request=delta, want-reply=orion")
    assert last.template == "process(<*>) request=<*>, want-reply=<*>"
