"""Seventeenth round: a small number that every message of a template had, identical
messages included, is constant text (miner._repeated, constants.counts_repeats); tails that
differ in two values between words keep the rest of the event (tails.value_slots,
miner._merge_slots); an error text after a form of "to be" is the event's words
(errtexts._predicate); a full stop after a key's value ends the sentence (masking's kv)."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.constants import can_be_constant, counts_repeats
from pipeline.templates.errtexts import join_error_texts
from pipeline.templates.masking import Masker
from pipeline.templates.tails import value_slots
from tests.unit.templates.conftest import mine_all


def test_a_worker_number_of_identical_messages_shows(miners: ServiceMiners) -> None:
    templates = mine_all(miners, ["[debug]: #0 generating ping"] * 6)
    assert templates[-1] == "[debug]: #0 generating ping"


def test_identical_messages_show_it_through_assign(miners: ServiceMiners) -> None:
    assigned = miners.assign("svc", ["[info]: #0 buffer queue cleared"] * 6)
    last = miners.resolve("svc", assigned.template_ids[-1])
    assert miners.template_text("svc", last) == "[info]: #0 buffer queue cleared"
    assert all(miners.resolve("svc", tid) == last for tid in assigned.template_ids)


def test_a_null_id_of_identical_messages_shows(miners: ServiceMiners) -> None:
    message = '<Event Type="NoCapacityInWriteOnlySet" ID="0000000000000000" />'
    assert mine_all(miners, [message] * 5)[-1].endswith(' ID="0000000000000000" />')


def test_fewer_identical_messages_than_needed_keep_the_variable(miners: ServiceMiners) -> None:
    templates = mine_all(miners, ["[debug]: #0 generating ping"] * 4)
    assert templates[-1] == "[debug]: #<*> generating ping"


def test_a_repeated_quoted_value_stays_a_variable(miners: ServiceMiners) -> None:
    message = 'No metadata found for "/data/birch" in library 7'
    templates = mine_all(miners, [message] * 8)
    assert templates[-1] == 'No metadata found for "<*>" in library <*>'


def test_only_small_unsigned_numbers_count_repeats() -> None:
    assert counts_repeats({1: ("#<*>", "#0"), 3: ("<*>", "503")})
    assert not counts_repeats({1: ("<*>", "-2")})
    assert not counts_repeats({1: ("<*>", "8080")})
    assert counts_repeats({1: ('ID="<*>"', 'ID="0000000000000000"')})
    assert not counts_repeats({1: ("fluentd-<*>", "fluentd-1.19.0")})
    assert not counts_repeats({1: ("<*>:<*>", "1:2")})


def _switch(old: str, new: str, ratio: str) -> str:
    return f"adaptive search pool: switching mode {old} -> {new} (cpu ratio {ratio})"


def test_tails_differing_in_two_values_keep_the_rest_of_the_event(
    miners: ServiceMiners,
) -> None:
    pairs = [("alpha.service", "vega"), ("beta", "orion"), ("gamma", "hallway"), ("zeus", "nova")]
    messages = [_switch(old, new, f"{n}.5") for n, (old, new) in enumerate(pairs)]
    templates = mine_all(miners, messages)
    assert set(templates) == {"adaptive search pool: switching mode <*> -> <*> (cpu ratio <*>)"}


def test_two_values_after_labels_are_a_record_not_slots() -> None:
    tails: list[tuple[str, ...]] = [
        ("mode", "a", "->", "b", "(cpu", "ratio", "<*>)"),
        ("mode", "c", "->", "d", "(cpu", "ratio", "<*>)"),
    ]
    assert value_slots(tails) == [1, 3]
    fields: list[tuple[str, ...]] = [
        ("Blocking:", "nova", "Max", "queue", "weight:", "zeus"),
        ("Blocking:", "orders", "Max", "queue", "weight:", "kitchen"),
    ]
    assert value_slots(fields) == []
    three: list[tuple[str, ...]] = [("a", "b", "c", "x", "y"), ("d", "e", "f", "x", "y")]
    assert value_slots(three) == []


def test_an_error_text_after_is_is_the_events_words(miners: ServiceMiners) -> None:
    assert join_error_texts(["segment", "path", "<*>", "is", "not", "a", "directory"]) is None
    joined = join_error_texts(["open", "<*>", "failed:", "not", "a", "directory"])
    assert joined is not None and joined[1] == {3}
    messages = [
        f"segment path /data/{a}/x.snap in extracted snapshot /home/{b} is not a directory"
        for a, b in (("a", "b"), ("c", "d"), ("e", "f"))
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"segment path <*> in extracted snapshot <*> is not a directory"}


def test_a_full_stop_after_a_keys_value_ends_the_sentence() -> None:
    masker = Masker()
    assert masker.mask_token("PID=225725957.") == ("PID=<*>.", (("PID", "225725957"),))
    assert masker.mask_token("ratio=1.5") == ("ratio=<*>", (("ratio", "1.5"),))


_NAMES = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi"


def _batch(count: int) -> list[str]:
    return [
        f'Failed to build record batch. error=unexpected {name} error_type="encoder_failed"'
        f' stage="sending"'
        for name in _NAMES.split()[:count]
    ]


def test_a_name_quoted_after_a_key_shows_late(miners: ServiceMiners) -> None:
    variable = 'Failed to build record batch. error=<*> error_type="<*>" stage="<*>"'
    assert mine_all(miners, _batch(10))[-1] == variable
    shown = 'Failed to build record batch. error=<*> error_type="encoder_failed" stage="sending"'
    assert mine_all(miners, _batch(15))[-1] == shown


def test_only_snake_case_names_after_a_key_can_be_pinned() -> None:
    assert can_be_constant('stage="<*>"', [("quoted", "sending")])
    assert can_be_constant('kind="<*>"', [("quoted", "encoder_failed")])
    assert not can_be_constant('pod="<*>"', [("quoted", "web-1")])
    assert not can_be_constant('name="<*>"', [("quoted", "Alice")])
    assert not can_be_constant("retries=<*>", [("kv", "3")])
