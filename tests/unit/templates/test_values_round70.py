"""Seventieth round: a colon after a key's value is the message's, not the value's.

A format that writes a key's value and then a colon (Dovecot's ``Failed to copy mail from
UID=%u: %s - falling back to other means``) printed ``UID=90404:``; the mask of ``key=value``
took the colon into the value, and the template read ``UID=<*> <*>`` where the format has
``UID=<*>: <*>``. A colon ending the value is now left to the message, as a full stop was
(``masking.BUILTIN_MASKS``, ``kv``). A colon inside the value (an address's port, a time's
fields) stays where it was. Two values of one key compare without a colon both have after them
(``tokens.differ_in_words``): ``addr=<*>:`` / ``addr=ed:`` and ``requestURI=<*>:`` /
``requestURI=unix://<*>:`` are one key's values, as they were when the colon went into the
value.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import Masker
from tests.unit.templates.conftest import mine_all


def test_a_colon_after_a_keys_value_stays_in_the_template(miners: ServiceMiners) -> None:
    messages = [
        "Failed to copy mail from UID=90404: tcp6 - falling back to other means",
        "Failed to copy mail from UID=123: Connection refused - falling back to other means",
        "Failed to copy mail from UID=77: zfs - falling back to other means",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Failed to copy mail from UID=<*>: <*> - falling back to other means"}


def test_values_of_one_key_before_a_colon_are_one_event(miners: ServiceMiners) -> None:
    # A word the masks leave (``ed``) or an address masked with its scheme (``unix://<*>``)
    # against a masked value: both followed by the colon, which the mask now leaves.
    messages = [
        "remote requestURI=10.0.0.1:80: the query is slow",
        "remote requestURI=10.0.0.2:81: the query is slow",
        "remote requestURI=unix:///run/a.sock: the query is slow",
        "remote requestURI=10.0.0.3:82: the query is slow",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"remote requestURI=<*>: the query is slow"}
    notes = [
        "dev-27: EFFECTS notification addr=21: sensor.alpha",
        "dev-14: EFFECTS notification addr=40: sensor.alpha",
        "dev-27: EFFECTS notification addr=ed: sensor.beta",
        "dev-36: EFFECTS notification addr=a5: sensor.alpha",
    ]
    templates = mine_all(miners, notes, service="notes")
    assert set(templates) == {"<*>: EFFECTS notification addr=<*>: <*>"}


def test_the_colon_is_cut_from_the_value_by_the_mask_and_its_recipe() -> None:
    masker = Masker()
    assert masker.mask_token("UID=90404:") == ("UID=<*>:", (("UID", "90404"),))
    # The second token of a digit pattern is masked by the recipe of the first.
    assert masker.mask_token("UID=12345:") == ("UID=<*>:", (("UID", "12345"),))
    assert masker.mask_token("(uid=0):") == ("(uid=<*>):", (("uid", "0"),))


def test_a_colon_inside_a_keys_value_stays_in_the_value() -> None:
    # Guard: only a colon ending the value is the message's. An address with its port is one
    # value, the colon before the port its own (``addr=10.0.0.1:8080``), with a colon after it
    # or without.
    masker = Masker()
    assert masker.mask_token("addr=10.0.0.1:8080:") == ("addr=<*>:", (("addr", "10.0.0.1:8080"),))
    assert masker.mask_token("addr=10.0.0.2:8081") == ("addr=<*>", (("addr", "10.0.0.2:8081"),))
    assert masker.mask_token("delay=00:00:01:") == (
        "delay=<*>:<*>:<*>:",
        (("delay", "00"), ("delay", "00"), ("delay", "01")),
    )


def test_an_address_with_its_port_after_a_key_is_one_value_before_a_colon(
    miners: ServiceMiners,
) -> None:
    # Guard, through the miner: the port is no value of its own and no colon of the message.
    messages = [
        "dial failed addr=10.0.0.1:8080: connection refused",
        "dial failed addr=10.0.0.2:9090: connection refused",
        "dial failed addr=10.0.0.3:7070: connection refused",
    ]
    templates = mine_all(miners, messages)
    # What follows the colon may become a free tail (tails.py); the address is one value.
    assert len(set(templates)) == 1
    assert templates[0].startswith("dial failed addr=<*>: ")
