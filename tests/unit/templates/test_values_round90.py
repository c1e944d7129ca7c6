"""Ninetieth round: a list of another length joins the template whose values it has as words.

A bracketed list whose length varies (Go's ``%v`` of a slice, ``[a b c]``; Java's and Python's
``[a, b]``) joins the template of another length when all else agrees (lists.py,
``miner._join_bracketed``), looked up by the message's list skeleton. Where the template's
other values (``rbd: create <*> size <*> (features: <*> using mon <*>``) had been words when it
was made and became variables since, a message with words there (``gamma.service``,
``orion``) has another skeleton, found nothing, and made a template of its own for each list
length (Ceph CSI, Pinot, Zuul, cloud-init, zun). The message now also joins the template
whose list skeleton is its own but for variables where it has words (``miner._wider_list``),
those words written as variables; and the templates of that event made before, whose list
skeleton has words where the joined one has variables (``... on instance: hermes``), fold into
it (``miner._retire_narrower``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners

_FEATURES = [
    ("backup.service", "f451f03fcf811f60", "cedar_backup", "backup"),
    ("backend.service", "dca969692359b23d", "scheduler_default", "primary"),
    ("main.service", "607af13f5fc80001", "scheduler_default", "zeus"),
    ("local.service", "cc650b018df11e99", "scheduler_alpha alpha_hallway", "metrics"),
    (
        "metrics.service",
        "84f9e593c5ff464a",
        "default_kitchen gateway_local alpha_hallway",
        "backup",
    ),
    (
        "main.service",
        "182840cf60a71f7c",
        "scheduler_alpha orion_nova default_kitchen orion_nova vega_backup",
        "backup",
    ),
    ("invoices.service", "77e1d8323e3c8b1f", "alpha_zeus staging_beta gateway_local", "worker"),
    (
        "gamma.service",
        "b9d9e203c1e0b22c",
        "default_billing orion_nova gateway_local invoices_orders",
        "orion",
    ),
    (
        "metrics.service",
        "a8090fb813cde566",
        "main_kitchen default_kitchen default_kitchen default_billing backup_default",
        "backup",
    ),
    ("atlas.service", "1456f87241965cbf", "scheduler_alpha main_kitchen invoices_orders", "backup"),
    ("local.service", "1469a9f319549f77", "invoices_orders alpha_zeus", "orion"),
    ("canary.service", "6ec6076e7c762a72", "scheduler_alpha gateway_local", "backup"),
    ("main.service", "c816cafed8938141", "primary_scheduler", "vega"),
    (
        "local.service",
        "e07ba94809da483b",
        "scheduler_default default_kitchen scheduler_default",
        "zeus",
    ),
    (
        "replica.service",
        "9988b7f4ba77dbbe",
        "orion_nova billing_orion gateway_local scheduler_default default_kitchen",
        "metrics",
    ),
    ("invoices.service", "b61ebea56dbec2c3", "cedar_backend", "orion"),
    ("invoices.service", "2d39e82c9b0b2507", "orders_alpha", "worker"),
    (
        "main.service",
        "682ec6e12e5bf15d",
        "alpha_zeus cedar_backend gateway_zeus orion_nova nova_birch",
        "zeus",
    ),
    (
        "metrics.service",
        "1b58de1ab917fb16",
        "billing_orion orion_nova gateway_zeus alpha_hallway alpha_hallway",
        "worker",
    ),
    (
        "metrics.service",
        "ac8b0fe423095f30",
        "default_kitchen scheduler_default default_kitchen orion_nova",
        "backup",
    ),
]

_SOCK = "unix:///run/hermes/hallway.sock"
_ADDR = "10.230.42.96:443"
_PARTITIONS = [
    ([_SOCK] * 5, "nova-4", "hermes"),
    ([_SOCK] * 4 + [_ADDR], "nova-10", "hermes"),
    ([_SOCK] * 3 + [_ADDR], "nova-4", "kitchen"),
    ([_ADDR] + [_SOCK] * 3, "nova-4", "primary"),
    ([_SOCK] * 3 + [_ADDR], "nova-9", "hermes"),
    ([_SOCK], "nova-10", "kitchen"),
    ([_SOCK], "nova-4", "hermes"),
    ([_SOCK] * 4, "nova-4", "kitchen"),
    ([_ADDR] * 2 + [_SOCK] * 2, "nova-10", "hermes"),
    ([_ADDR], "nova-4", "primary"),
    ([_SOCK] * 5, "nova-7", "maple"),
]


def _mine_batch(miners: ServiceMiners, messages: list[str]) -> list[str]:
    """Each message's final template text, the messages mined as one batch (as the service
    mines a file; the batch's first lines are made templates before the rest are matched)."""
    ids = miners.assign("svc", messages).template_ids
    return [miners.template_text("svc", miners.resolve("svc", tid)) or "" for tid in ids]


def _features(word: str = "mon") -> list[str]:
    return [
        f"rbd: create {image} size {size} (features: [{features}]) using {word} {mon}"
        for image, size, features, mon in _FEATURES
    ]


def _partitions() -> list[str]:
    return [
        f"Resetting partitions: [{', '.join(items)}] for resource: {resource} on instance: {where}"
        for items, resource, where in _PARTITIONS
    ]


def test_a_list_of_another_length_joins_with_words_where_the_template_has_values(
    miners: ServiceMiners,
) -> None:
    templates = _mine_batch(miners, _features())
    assert set(templates) == {"rbd: create <*> size <*> (features: <*> using mon <*>"}


def test_the_event_made_before_its_values_were_folds_in(miners: ServiceMiners) -> None:
    templates = _mine_batch(miners, _partitions())
    assert set(templates) == {"Resetting partitions: <*> for resource: <*> on instance: <*>"}


def test_other_words_beside_the_list_stay_apart(miners: ServiceMiners) -> None:
    # Another constant word where the template has one (``mon`` / ``pool``) is another
    # event, whatever the list's length; so is another first word.
    messages = _features()
    pools = _features("pool")
    others = [m.replace("rbd: create", "cephfs: create", 1) for m in messages]
    templates = _mine_batch(miners, [*messages, *pools, *others])
    size = len(messages)
    first, second, third = (set(templates[i * size : (i + 1) * size]) for i in range(3))
    assert not first & second
    assert not first & third
    assert not second & third
