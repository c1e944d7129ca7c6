"""Twelfth round: a lower-case name and a label opening a message (C's ``"%s plugin: "``) name
the sender, not a sentence whose tail is free text; and an error text of the C library in
brackets (``(No space left on device)``) is one value as it is without them."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tails import head_ends
from tests.unit.templates.conftest import mine_all

# Events of one plugin, each with values of its own: after a sender's name, not free text.
_PLUGIN = [
    "pump plugin: valve_check(name={w}) reached bad state on line {n}",
    "pump plugin: pipe_open({n}) failed: code {n}",
    "pump plugin: tank_fill(name={w},level={n})={n}",
    "pump plugin: Binding socket to device {w}{n}",
]
_WORDS = ["alpha", "beta", "gamma", "delta", "omega"]


def test_events_after_a_plugin_name_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        form.format(w=word, n=turn * 7 + 3) for turn, word in enumerate(_WORDS) for form in _PLUGIN
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == len(_PLUGIN)
    assert "pump plugin: <*>" not in templates


def test_events_after_a_plugin_name_and_a_function_label_stay_apart(
    miners: ServiceMiners,
) -> None:
    forms = [
        "jar plugin: conv_value: lookup of {n} failed.",
        "jar plugin: make_vm: argv[{n}] = {n}",
        "jar plugin: find_ctor: Cannot find the constructor {w}-{n}.",
    ]
    messages = [
        form.format(w=word, n=turn * 5 + 2) for turn, word in enumerate(_WORDS) for form in forms
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == len(forms)


def test_a_plugin_name_and_labels_after_it_end_no_sentence() -> None:
    assert head_ends(["pump", "plugin:", "fill", "failed"]) == []
    assert head_ends(["pump", "plugin:", "fill_tank:", "open_x", "failed."]) == []
    assert head_ends(["pump", "plugin:", "fill_tank:", "open_x", "failed."], labels=True) == [1, 2]
    # Words after the label make a sentence again; so does a capitalised name.
    assert head_ends(["pump", "plugin:", "fill", "tank:", "x"]) == [3]
    assert head_ends(["Pump", "failed:", "x", "y"]) == [1]


def test_free_text_after_a_sentence_still_becomes_one_value(miners: ServiceMiners) -> None:
    tails = ["dial tcp 10.0.0.{n}:443: i/o timeout", "open /tmp/x{n}: bad file", "code {n} seen"]
    messages = [
        "Error during shutdown: " + tail.format(n=turn) for turn in range(3) for tail in tails
    ]
    templates = mine_all(miners, messages)
    assert set(templates[-3:]) == {"Error during shutdown: <*>"}


def test_an_error_text_in_brackets_is_one_value(miners: ServiceMiners) -> None:
    messages = [
        "tsdb writer: send failed with status 3 (File exists)",
        "tsdb writer: send failed with status 4 (No space left on device)",
        "tsdb writer: send failed with status 5 (Connection refused)",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"tsdb writer: send failed with status <*> (<*>)"}


def test_events_after_a_head_of_fields_stay_apart(miners: ServiceMiners) -> None:
    forms = [
        "Conf /etc/pump{n}.conf row {n} (unit {w}-{n}): Bad value to {n} Setting: {n}",
        "Conf /etc/pump{n}.conf row {n} (unit {w}-{n}): skipping older mail Setting -M run {n}",
        "Conf /etc/pump{n}.conf row {n} (unit {w}-{n}): Setting {n} 'run' value: missing quote",
    ]
    messages = [
        form.format(w=word, n=turn * 11 + 4) for turn, word in enumerate(_WORDS) for form in forms
    ]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == len(forms)


def test_a_head_of_fields_after_words_is_still_a_sentence(miners: ServiceMiners) -> None:
    tails = ["dial tcp 10.0.0.{n}:443: i/o timeout", "open /tmp/x{n}: bad file", "code {n} seen"]
    messages = [
        f"Lost peer {turn} in zone {turn}: " + tail.format(n=turn)
        for turn in range(3)
        for tail in tails
    ]
    templates = mine_all(miners, messages)
    assert set(templates[-3:]) == {"Lost peer <*> in zone <*>: <*>"}
