"""Eighty-fifth round: one key's value the masks took in another form is one value.

virt-manager logs ``Generate URI=%s, auto=%s``, dovecot ``dict created (uri=%s, base_dir=%s)``,
rqlite ``this node (ID=%s, addr=%s) is now Leader``: the value is sometimes a host and port
(masked ``<*>``), sometimes a local socket's URI (masked ``unix://<*>``, its scheme kept). A
key's value masked whole against the same key's value masked in parts was already no
difference in words (tokens.differ_in_words: ``user=<*>`` / ``user=guest``), but not when the
field is closed by the comma or bracket of the list it is in (``URI=<*>,`` / ``URI=unix://<*>,``),
so each form made a template of its own. The closing punctuation now compares apart from the
values when both hold a mask's ``<*>``; and a field whose value the masks took in parts counts
as shared against the key's variable when a message finds too few equal tokens
(miner._field_covers, as a plain word does since round 69).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.miner import _field_covers
from pipeline.templates.tokens import differ_in_words
from tests.unit.templates.conftest import mine_all


def test_an_address_field_in_a_list_is_one_value_whatever_its_form(
    miners: ServiceMiners,
) -> None:
    messages = [
        "dict created (uri=10.214.166.115:6443, base_dir=/data/15936f51d734/atlas)",
        "dict created (uri=canary-8.corp.internal:3000, base_dir=/data/ab12/beta)",
        "dict created (uri=unix:///run/aurora/aurora.sock, base_dir=/data/15936f51d734/atlas)",
        "this node (ID=sha256:e58eaf8dd27306ecd4, addr=10.83.200.176:8123) is now Leader",
        "this node (ID=sha256:33443b402a3bacc08a, addr=10.54.177.191:2380) is now Leader",
        "this node (ID=sha256:0a8ba4324da4, addr=unix:///run/metrics/gw.sock) is now Leader",
    ]
    templates = mine_all(miners, messages)
    assert templates[2] == "dict created (uri=<*>, base_dir=<*>)"
    assert templates[5] == "this node (ID=<*>, addr=<*>) is now Leader"


def test_a_short_message_takes_an_address_field_in_another_form(
    miners: ServiceMiners,
) -> None:
    messages = [
        "Generate URI=10.252.187.95:8080, auto=primary.service",
        "Generate URI=10.54.177.191:2380, auto=hermes.service",
        "Generate URI=canary-8.corp.internal:3000, auto=local.service",
        "Generate URI=unix:///run/worker/orion.sock, auto=replica.service",
        "Generate URI=unix:///run/nova/beta.sock, auto=hermes.service",
    ]
    templates = mine_all(miners, messages)
    assert templates[-2:] == ["Generate URI=<*>, auto=<*>"] * 2


def test_other_keys_and_other_words_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "Generate URI=10.252.187.95:8080, auto=primary.service",
        "Generate URI=10.54.177.191:2380, auto=hermes.service",
        "Generate URI=canary-8.corp.internal:3000, auto=local.service",
        "Generate path=unix:///run/worker/orion.sock, auto=replica.service",
        "Generate path=unix:///run/nova/beta.sock, auto=hermes.service",
        "connect (uri=10.214.166.115:6443, mode=<fast>) opened",
        "connect (uri=10.214.166.116:6443, mode=<fast>) opened",
        "connect (uri=unix:///run/aurora/aurora.sock, mode=<fast>) closed",
    ]
    templates = mine_all(miners, messages)
    assert templates[2] == "Generate URI=<*>, auto=<*>"
    assert templates[3].startswith("Generate path=")
    assert templates[4].startswith("Generate path=")
    assert templates[6].endswith(" opened")
    assert templates[7].endswith(" closed")


def test_the_closing_punctuation_compares_apart_from_masked_values() -> None:
    assert not differ_in_words("URI=<*>,", "URI=unix://<*>,")
    assert not differ_in_words("addr=<*>)", "addr=unix://<*>)")
    assert not differ_in_words("(uri=<*>,", "(uri=unix://<*>,")
    # Another key, or the field closed otherwise, stays a difference.
    assert differ_in_words("URI=<*>,", "path=unix://<*>,")
    assert differ_in_words("URI=<*>,", "URI=<*>)")
    assert _field_covers("URI=<*>,", "URI=unix://<*>,", "URI=")
    assert _field_covers("URI=unix://<*>,", "URI=https://<*>:<*>,", "URI=")
    # Other values in parts may be another call's format (round 69's guard).
    assert not _field_covers("old=<*>;", "old=<*>/<*>;", "old=")
    assert not _field_covers("URI=<*>,", "URI=unix://<*>;", "URI=")
    assert not _field_covers("URI=<*>,", 'URI="<*>",', "URI=")
