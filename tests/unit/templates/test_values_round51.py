"""Fifty-first round: a key's value is no instance of a value of another shape; dotted names in
front are senders' names before short messages; a sentence after one call's heads is its event.

tmux (C, ``log_debug("%s: ...", __func__)``) writes a number or a function's name in front
(``467: idx=920227617``, ``input_osc_52_parse: <uuid>``): a name with a number among its
words was masked as an id, and a key's value (``idx=<*>``) counted as an instance of any other
value (``<*>-<*>-<*>``, ``argv[<*>]=<*>``), so every two-token message of a variable label
became ``<*>: <*>``. A unit's name in front (``hermes.service: 24 discarded``) varied as a
sender's only before an event_tail. Ohai writes ``TRACE: Plugin Mono: ...``: the same sentence
after plugins whose names became one variable counted as a value recurring after two heads.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import WILDCARD, Masker
from pipeline.templates.tokens import differ_in_words, instance_of
from tests.unit.templates.conftest import mine_all


def test_a_c_functions_name_with_a_number_among_its_words_is_no_id() -> None:
    masker = Masker()
    assert masker.mask_token("input_osc_52_parse:") == ("input_osc_52_parse:", ())
    assert masker.mask_token("input_osc_52_parse") == ("input_osc_52_parse", ())


def test_ids_with_numbers_stay_ids() -> None:
    masker = Masker()
    for token in ("blk_123", "task_1445_m_000001", "broadcast_9_piece0", "osc_52_parse"):
        assert masker.mask_token(token) == (WILDCARD, (("id", token),)), token


def test_a_keys_value_is_no_instance_of_a_value_of_another_shape() -> None:
    assert not instance_of([f"{WILDCARD}:", f"idx={WILDCARD}"], [f"{WILDCARD}:", "<*>-<*>-<*>"])
    assert not instance_of(
        [f"{WILDCARD}:", f"idx={WILDCARD}"], [f"{WILDCARD}:", f"argv[{WILDCARD}]={WILDCARD}"]
    )
    assert differ_in_words(f"argv[{WILDCARD}]={WILDCARD}", f"idx={WILDCARD}")


def test_a_keys_value_is_still_an_instance_of_a_variable_or_its_own_key() -> None:
    assert instance_of([f"{WILDCARD}:", f"idx={WILDCARD}"], [f"{WILDCARD}:", WILDCARD])
    assert instance_of([f"idx={WILDCARD}"], [f"idx={WILDCARD}"])
    assert instance_of([f"idx={WILDCARD}"], [f'{WILDCARD}"'])  # a key that varied (round 51)
    assert not differ_in_words(f"rtt={WILDCARD}..{WILDCARD}", f"rtt={WILDCARD}/{WILDCARD}")


def test_a_number_in_front_of_a_keys_value_stays_its_event(miners: ServiceMiners) -> None:
    messages = [
        "467: idx=920227617",
        "780: idx=127987199",
        "574: idx=796017324",
        "user15/repo4: argv[7]=51",
        "input_osc_52_parse: 7f3ca1e1-9088-1cc8-023a-db7b52973400",
        "568: idx=118351227",
        "user13/repo21: argv[8]=25",
        "kube-system/delta-342ecd926d-c5aef: redrawPending6f428e8c-b00f-142e-98c0-7ba816ac476a2",
        "kube-system/backend-26c0245ba9-73286: redrawRunning0eded212-3ab4-0ed8-3dc5-3fab3a40da1",
        "294: idx=989182768",
    ]
    found = mine_all(miners, messages)
    assert found[0] == found[5] == found[-1] == "<*>: idx=<*>"
    assert found[4] == "input_osc_52_parse: <*>"
    assert "<*>: idx=<*>" not in (found[3], found[6], found[7], found[8])


def test_a_units_name_in_front_of_a_short_message_is_a_senders(miners: ServiceMiners) -> None:
    messages = [
        "metrics.service: 24 discarded",
        "hermes.service: 34 discarded",
        "gateway.service: 43 discarded",
        "canary.service: 97 discarded",
        "billing.service: 43 discarded",
        "hermes.service: 73 discarded",
    ]
    found = mine_all(miners, messages)
    assert set(found) == {"<*>: <*> discarded"}


def test_functions_names_in_front_of_a_short_message_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "tty_clear_pane_line: 1, 80 at 0,12",
        "tty_clear_line: 2, 80 at 0,13",
        "tty_clear_area: 3, 80 at 0,14",
        "tty_clear_pane_line: 4, 80 at 0,15",
        "tty_clear_line: 5, 80 at 0,16",
        "tty_clear_area: 6, 80 at 0,17",
    ]
    found = mine_all(miners, messages)
    assert len(set(found)) == 3


def test_a_sentence_after_one_calls_heads_is_its_event(miners: ServiceMiners) -> None:
    messages = [
        "TRACE: Plugin Libvirt: Node is not a virtualization host. Skipping...",
        "TRACE: Plugin Openstack: has_openstack_virtualization? == true",
        'TRACE: Plugin Mono: Could not shell_out "mono -V". Skipping plugin',
        "TRACE: Plugin Libvirt: Can't load gem ruby-libvirt.",
        'TRACE: Plugin Go: Could not shell_out "go version". Skipping plugin',
        'TRACE: Plugin Lua: Could not shell_out "lua -v". Skipping plugin',
        "TRACE: Plugin atlas_garden: No data to collect. Skipping...",
        "TRACE: Plugin canary_aurora: No data to collect. Skipping...",
        "TRACE: Plugin Libvirt: Node is not a virtualization host. Skipping...",
        "TRACE: Plugin Openstack: has_openstack_virtualization? == false",
    ]
    found = mine_all(miners, messages)
    assert "TRACE: Plugin <*>: <*>" not in found
    assert found[0] == found[8]
    assert found[0] != found[6]


def test_short_errors_after_one_calls_heads_still_recur(miners: ServiceMiners) -> None:
    messages = [
        'TRACK Error at 195904199: Unix.Unix_error(Unix.ENOENT, "open", "/tmp/beta-58.log")',
        'TRACK Error at 193153749: Unix.Unix_error(Unix.ENOENT, "open", "/tmp/beta-58.log")',
        'TRACK Error at 589003024: Invalid_argument("atlas")',
        "TRACK Error at 412833222: Not_found",
        "TRACK Error at 654508474: Not_found",
        'TRACK Error at 39088566: Invalid_argument("atlas")',
        "TRACK Error at 618962217: Failure(2)",
        "TRACK Error at 497698738: End_of_file",
    ]
    found = mine_all(miners, messages)
    assert found[-1] == "TRACK Error at <*>: <*>"
