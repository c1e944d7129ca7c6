"""Thirteenth round: masked text that every message of a template had alike is constant text
(constants.py), unless it cannot be a format's constant (a key's value, an error text, a long
number, a file of the system's hierarchy); and a slash with no letter or digit after it
(FoundationDB's closing ``/>``) is no path."""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from tests.unit.templates.conftest import assert_matches, mine_all

_USERS = ["alice", "bob", "carol", "dave", "erin", "frank"]


def _worker(worker: str) -> list[str]:
    return [
        f"[debug]: #{worker} sending ping to {user} after {n} ms"
        for n, user in enumerate(_USERS, start=3)
    ]


def test_masked_text_every_message_had_is_shown(miners: ServiceMiners) -> None:
    templates = mine_all(miners, _worker("0"))
    assert set(templates) == {"[debug]: #0 sending ping to <*> after <*> ms"}


def test_masked_text_stays_a_variable_before_enough_messages(miners: ServiceMiners) -> None:
    templates = mine_all(miners, _worker("0")[:4])
    assert set(templates) == {"[debug]: #<*> sending ping to <*> after <*> ms"}


def test_masked_text_that_differs_later_is_a_variable_again(miners: ServiceMiners) -> None:
    messages = [*_worker("0"), "[debug]: #1 sending ping to zoe after 9 ms"]
    shown = miners.mine("svc", messages[0]).template_id
    for message in messages[1:-1]:
        miners.mine("svc", message)
    constant = miners.template_text("svc", shown)
    assert constant == "[debug]: #0 sending ping to <*> after <*> ms"
    last = miners.mine("svc", messages[-1])
    assert last.template == "[debug]: #<*> sending ping to <*> after <*> ms"
    assert last.previous_id is not None
    assert miners.resolve("svc", shown) == last.template_id
    for message in messages:
        assert_matches(last.template, message, miners.config)


def test_messages_differing_only_in_digits_reach_the_pins(miners: ServiceMiners) -> None:
    # The same digit pattern as the messages before: no cache may answer it.
    messages = [f"worker #0 flushed chunk {n} of {n + 1}" for n in range(10, 17)]
    messages.append("worker #5 flushed chunk 98 of 99")
    templates = mine_all(miners, messages)
    assert set(templates) == {"worker #<*> flushed chunk <*> of <*>"}


def test_values_that_cannot_be_constants_stay_variables(miners: ServiceMiners) -> None:
    forms = [
        "Failed to renew lease for [DFSClient_NONMAPREDUCE_1537864556_1] for {n} seconds.",
        "car_id=1 [info] Installed update {w}",
        "Unable to set attribute {w}: Resource temporarily unavailable",
        "[client 10.0.0.{n}] Directory index forbidden by rule: /var/www/html/",
        "ceph plugin: validate({w}) got to illegal state on line 1137",
    ]
    messages = [form.format(n=n, w=word) for form in forms for n, word in enumerate(_USERS)]
    templates = set(mine_all(miners, messages))
    assert templates == {
        "Failed to renew lease for [<*>] for <*> seconds.",
        "car_id=<*> [info] Installed update <*>",
        "Unable to set attribute <*>: <*>",
        "[client <*>] Directory index forbidden by rule: <*>",
        "ceph plugin: validate(<*>) got to illegal state on line <*>",
    }


def test_a_slash_without_letters_is_no_path(miners: ServiceMiners) -> None:
    message = '<Event Type="ReadingDurableState" ID="041bfd538898a4c9" />'
    assert miners.mine("svc", message).template == '<Event Type="<*>" ID="<*>" />'


def test_switched_off_masks_stay_variables() -> None:
    miners = ServiceMiners(MinerConfig(min_constant_messages=0))
    assert set(mine_all(miners, _worker("0"))) == {"[debug]: #<*> sending ping to <*> after <*> ms"}


def test_pins_survive_a_restore(miners: ServiceMiners) -> None:
    messages = _worker("0")
    mine_all(miners, messages[:3])
    restored = ServiceMiners.restore(miners.snapshot(), miners.config)
    for message in messages[3:]:
        last = restored.mine("svc", message)
    assert last.template == "[debug]: #0 sending ping to <*> after <*> ms"
    shown = ServiceMiners.restore(restored.snapshot(), miners.config)
    assert shown.mine("svc", messages[0]).template_id == last.template_id


def test_a_logger_that_quotes_every_value_keeps_the_quotes(miners: ServiceMiners) -> None:
    messages = [
        f'<Event Type="TLogError" ID="{n:016x}" Error="io_error" ErrorDescription="{text}" />'
        for n, text in enumerate(["Disk i/o operation failed", "Timed out", "No space left"])
    ]
    assert set(mine_all(miners, messages)) == {
        '<Event Type="<*>" ID="<*>" Error="<*>" ErrorDescription="<*>" />'
    }


def test_a_logger_that_quotes_as_needed_writes_the_value_bare(miners: ServiceMiners) -> None:
    message = 'level=error msg="flush failed" status=500 err="write: broken pipe"'
    assert (
        miners.mine("svc", message).template == 'level=error msg="flush failed" status=<*> err=<*>'
    )


def test_pins_without_digits_leave_the_digit_recipes_on(miners: ServiceMiners) -> None:
    messages = [f"D/ /VOIP/CallManager: call {n} ended after {n + 7} ms" for n in range(10, 40)]
    templates = mine_all(miners, messages)
    assert set(templates) == {"D/ /VOIP/CallManager: call <*> ended after <*> ms"}
    assert miners.stats.pattern_hits > 0


def test_the_word_after_a_label_that_ends_the_message_is_its_value(
    miners: ServiceMiners,
) -> None:
    messages = [
        f"dpdkevents: Dispatch PORT {port} Link Status: {state}"
        for port, state in [(1, "UP"), (2, "DOWN"), (3, "UP")]
    ]
    assert set(mine_all(miners, messages)) == {"dpdkevents: Dispatch PORT <*> Link Status: <*>"}


def test_code_names_after_a_label_stay_events(miners: ServiceMiners) -> None:
    messages = [
        "Processing the event EventType: TASK_ABORT",
        "Processing the event EventType: JOB_SETUP",
    ]
    assert mine_all(miners, messages) == messages
