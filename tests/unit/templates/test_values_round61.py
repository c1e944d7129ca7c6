"""Sixty-first round: a sender's name in front of an event whose own sentence ends in a colon,
an error after it, is a value.

Solaar's devices write ``<name>: dim ramp step failed for per-key: <error>``: the device's
name (``kitchen_primary:``) reads as a single label, and the rest of the message recurs after
other names, so each name made a template ``kitchen_primary: <*>`` with the event's words in
its free text. A tail after a label that reads as an event's own message (tails.event_tail)
already made the label a sender's name; it had no colon in it. A tail opening with a head that
is a sentence of its own (tails.sentence_head: four plain words or more up to the head's
colon) now does too, after a label of lower-case parts joined by underscores (a configured
name, miner._snake_name): the event's message, its error after it. An error's chain of
contexts (``dial tcp <*>:``) has few words before its colons and stays free text after the
label; a component's one-word tag written into the format (``entropy:``) stays as written.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all

_NAMES = ["kitchen_primary", "zeus_beta", "gamma_frontend", "backend_atlas", "vega_vega"]
_ERRORS = [
    "Unexpected error",
    "Cannot connect to host 10.127.40.206:8123 ssl:default",
    "[Errno 2] No such file or directory: '/tmp/orders-7/main/nova-50.sock'",
]


def _messages(event: str) -> list[str]:
    return [f"{name}: {event} {error}" for error in _ERRORS for name in _NAMES]


def test_a_name_before_an_event_and_its_error_is_a_value(miners: ServiceMiners) -> None:
    mine_all(miners, _messages("dim ramp step failed for per-key:"))
    last = miners.mine("svc", "cedar_default: dim ramp step failed for per-key: Unexpected error")
    assert last.template == "<*>: dim ramp step failed for per-key: <*>"


def test_each_name_before_the_event_shares_its_template(miners: ServiceMiners) -> None:
    templates = mine_all(miners, _messages("could not apply the lighting profile:"))
    assert set(templates[-len(_NAMES) :]) == {"<*>: could not apply the lighting profile: <*>"}


def test_a_label_before_an_error_chain_stays_a_label(miners: ServiceMiners) -> None:
    mine_all(miners, _messages("dial tcp 10.0.0.1:443:"))
    last = miners.mine("svc", "kitchen_primary: dial tcp 10.0.0.1:443: Unexpected error")
    assert last.template.startswith("kitchen_primary:")


def test_a_component_tag_before_the_event_stays_written(miners: ServiceMiners) -> None:
    messages = [
        f"{tag}: Failed to register activate event: {error}"
        for error in _ERRORS
        for tag in ["entropy", "pmem", "balloon", "rng", "vsock"]
    ]
    mine_all(miners, messages)
    last = miners.mine("svc", "entropy: Failed to register activate event: Unexpected error")
    assert last.template.startswith("entropy:")
