"""Twenty-second round: a value glued by ``:`` to a field's name (SLF4J's ``projectCode:{}``,
``status:{}``) is the field's value, as ``mode=fast`` / ``mode=safe`` is (tokens.differ_in_words);
a Capitalised or UPPER_CASE word in the middle is one call's state after
``min_distinct_states`` (5) of them written alike (miner._words_vary).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.config import MinerConfig
from pipeline.templates.tokens import differ_in_words
from tests.unit.templates.conftest import mine_all


def test_a_value_glued_by_a_colon_to_a_field_name_is_no_word() -> None:
    assert not differ_in_words("code:MsgApp.", "code:MsgReadIndex.")
    assert not differ_in_words("projectCode:tcp4,", "projectCode:udp,")
    assert not differ_in_words(
        "workflowDefinitionCode:net.ErrClosed,", "workflowDefinitionCode:io.EOF,"
    )
    assert not differ_in_words("status:STOPPED", "status:RUNNING")


def test_other_glued_colons_still_differ_in_words() -> None:
    # Another field's name, a call's dotted name, a field in a field, an upper-case label,
    # a hyphenated name (left to the masks), nothing after the colon.
    assert differ_in_words("code:MsgApp.", "state:MsgApp.")
    assert differ_in_words("hs.spotlight:start", "hs.spotlight:stop")
    assert differ_in_words("environment:host.name=a", "environment:java.version=b")
    assert differ_in_words("Error:Foo", "Error:Bar")
    assert differ_in_words("domains:node-D0", "domains:node-D2")
    assert differ_in_words("code:", "code:x")


def test_two_values_glued_to_a_field_name_are_one_event(miners: ServiceMiners) -> None:
    # Two values only, fewer than min_distinct_words: as words they made two templates.
    messages = [
        f"Please delete the workflow definitions in project first! project code:{value}."
        for value in ("MsgApp", "MsgReadIndex", "MsgApp", "MsgReadIndex")
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Please delete the workflow definitions in project first! project code:<*>."
    }
    # Two different fields stay two events.
    other = mine_all(
        miners, ["Deleted the workflow, code:MsgApp", "Deleted the workflow, state:MsgApp"]
    )
    assert other[0] != other[1]


def _state_messages(states: tuple[str, ...]) -> list[str]:
    return [
        f"Status change to {state} failed on ticket change: {n}" for n, state in enumerate(states)
    ]


def test_five_states_in_the_middle_are_one_calls_values(miners: ServiceMiners) -> None:
    # Capitalised words in the middle name events (is_enum) until min_distinct_states (5) of
    # them, written alike, were seen at one place: then they are one call's state.
    states = ("Running", "Pending", "Succeeded", "Failed", "Waiting", "Running")
    templates = mine_all(miners, _state_messages(states))
    assert set(templates) == {"Status change to <*> failed on ticket change: <*>"}


def test_four_states_or_states_of_two_cases_stay_events(miners: ServiceMiners) -> None:
    # In a short message (fewer than five words alike around it: round 45 lets a state amid a
    # longer sentence be a value after three).
    def short(states: tuple[str, ...]) -> list[str]:
        return [f"Status {state} on ticket {n}" for n, state in enumerate(states)]

    assert len(set(mine_all(miners, short(("Running", "Pending", "Succeeded", "Failed"))))) == 4
    # UPPER_CASE beside Capitalised: not the values of one state.
    mixed = ("Running", "PENDING", "Succeeded", "FAILED", "Waiting", "STOPPED")
    assert len(set(mine_all(miners, short(mixed), service="other"))) == 6
    # Another plain word differing beside the state: another event.
    other = [
        f"Status {state} {verb} on ticket"
        for state, verb in zip(
            ("Running", "Pending", "Succeeded", "Failed", "Waiting", "Queued"),
            ("failed", "passed", "failed", "passed", "failed", "passed"),
            strict=True,
        )
    ]
    assert len(set(mine_all(miners, other, service="third"))) == 6


def test_min_distinct_states_zero_keeps_states_as_events() -> None:
    states = ("Running", "Pending", "Succeeded", "Failed", "Waiting", "Queued")
    off = ServiceMiners(MinerConfig(min_distinct_states=0))
    assert len(set(mine_all(off, _state_messages(states)))) == 6


def test_five_upper_case_states_inside_a_message_merge(miners: ServiceMiners) -> None:
    states = ["NEW", "RUNNING", "DONE", "FAILED", "KILLED", "NEW"]
    texts = mine_all(miners, [f"task_1_{i} moved to {s} state" for i, s in enumerate(states)])
    assert set(texts) == {"<*> moved to <*> state"}
