"""Seventy-fifth round: a message that another shape of its group takes as it is, and a
call's keyword argument as a field.

A message apart in a word from the shape sharing most of its tokens made a sibling even when
another shape of the group took it whole (``<*> is Succeeded for '<*>'`` beside ``x is
Terminating for 'y'``): it joins that shape now, which folds the siblings it covers
(``miner._covering``). And a call's first argument given by its keyword
(``state_changed(old_state=Running,``), as the fields after it, agrees with a shape in its
key when both values are words, a field closed by the call's bracket as by a comma
(``miner._best_fields``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_OP = "Auth::securityStatus:"


def test_a_message_another_shape_takes_whole_joins_it(miners: ServiceMiners) -> None:
    # The fourth message shares most tokens with the first (apart in ``busy``), and
    # ``<*> is busy for '<*>'`` takes it as it is: one event, not a new template.
    messages = [
        f"{_OP} fs.ErrPermission is idle for 'sensor.vega_default'",
        f"{_OP} fs.ErrPermission is busy for 'sensor.delta_backend'",
        f"{_OP} io.EOF is busy for 'sensor.orion_gamma'",
        f"{_OP} fs.ErrPermission is busy for 'sensor.gateway_local'",
    ]
    templates = mine_all(miners, messages)
    assert templates[3] == f"{_OP} <*> is busy for '<*>'"
    assert templates[1:] == [templates[3]] * 3


def test_the_covering_shape_takes_in_the_siblings_it_covers(miners: ServiceMiners) -> None:
    # The fields' shape takes the third message whole: it joins it, and the first message's
    # shape, an instance of it, folds into it, so that no sibling with ``oldexp=invoices``
    # keeps messages apart; the words after the colon never became free text (round 75).
    rows = [
        ("cedar", "billing-6702ee8659-46c69", "beta_staging", "storage", "ListContainers"),
        ("delta", "maple-80895e3e71-605dd", "canary_kitchen", "invoices", "PullImage"),
        ("primary", "orders-14d4411040-adaa0", "replica_aurora", "storage", "StartPodSandbox"),
        ("cedar", "orders-095a23f8aa-746d5", "beta_staging", "staging", "ListContainers"),
        ("primary", "maple-80895e3e71-605dd", "canary_kitchen", "default", "ListContainers"),
        ("primary", "billing-ee4b33107a-1cba6", "frontend_local", "invoices", "ListContainers"),
        ("hermes", "billing-ee4b33107a-1cba6", "beta_staging", "invoices", "ListContainers"),
        ("delta", "backup-6182add3c3-58424", "scheduler_delta", "storage", "ListContainers"),
        ("cedar", "orders-095a23f8aa-746d5", "beta_staging", "vega", "ListContainers"),
        ("cedar", "default-3cbf52e850-051c5", "main_garden", "invoices", "ListContainers"),
        ("delta", "hallway-6779975fec-9524c", "kitchen_metrics", "backup", "ListContainers"),
        ("cedar", "orders-90f7369549-78d7c", "replica_aurora", "invoices", "ListContainers"),
        ("cedar", "zeus-cc9b1bba18-89932", "alpha_billing", "storage", "PullImage"),
        ("cedar", "orders-14d4411040-adaa0", "beta_staging", "invoices", "StartPodSandbox"),
    ]
    messages = [
        f"Failed to update local lock expiration: {who} namespace=kube-system/{pod} "
        f"txn=sensor.{txn} oldexp={old} newexp={new}"
        for who, pod, txn, old, new in rows
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Failed to update local lock expiration: <*> namespace=<*> txn=<*> oldexp=<*> newexp=<*>"
    }


def test_a_keyword_argument_of_a_call_is_a_field(miners: ServiceMiners) -> None:
    messages = [
        "Audio event: state_changed(old_state=Succeeded, new_state=Ready, target_state=Ready)",
        "Audio event: state_changed(old_state=Succeeded, new_state=Pending, target_state=Ready)",
        "Audio event: state_changed(old_state=Succeeded, new_state=Failed, target_state=Failed)",
        "Audio event: state_changed(old_state=Running, new_state=Ready, target_state=Ready)",
        "Audio event: state_changed(old_state=Waiting, new_state=Failed, target_state=Unknown)",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Audio event: state_changed(old_state=<*>, new_state=<*>, target_state=<*>)"
    }


def test_words_the_covering_shape_does_not_hold_stay_apart(miners: ServiceMiners) -> None:
    # Guard: only a shape that takes the message as it is joins it. ``idle`` is no
    # value of ``<*> is busy for '<*>'``, and a shape of variables alone (``<*> <*>``)
    # shares no word with a message: the events stay apart until their words vary.
    messages = [
        f"{_OP} fs.ErrPermission is busy for 'sensor.delta_backend'",
        f"{_OP} io.EOF is busy for 'sensor.orion_gamma'",
        f"{_OP} io.EOF is idle for 'sensor.orion_gamma'",
        "alpha beta",
        "gamma delta",
        "alpha beta",
    ]
    templates = mine_all(miners, messages)
    assert templates[1] == f"{_OP} <*> is busy for '<*>'"
    assert templates[2] == f"{_OP} io.EOF is idle for 'sensor.orion_gamma'"
    assert templates[3:] == ["alpha beta", "gamma delta", "alpha beta"]
