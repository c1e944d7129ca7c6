"""Fifty-seventh round: a value in quotes in one message and without them in another, the
punctuation around alike, was written by another format: another call, not one event's value.

act writes ``Reading workflow '%s'`` in one place and ``Reading workflow %s`` in another;
ManageIQ ``Creating "%s"`` beside ``Creating [%s]``; shadPS4 quotes the values of one call's
fields and not those of another's. A format quotes a value or does not, whatever the value:
once one quoted value had joined a bare one, every value of both calls became one ``<*>`` and
the quotes were lost from the template. Values quoted with either quote character, or with
other punctuation after them, vary as before.

Two smaller parts: a predicate's name as Ruby and Elixir write it (``looks_like_gce?``, Ohai)
is the code's own call, a constant; and a verb's form in ``ing`` between plain words (``error
creating config`` / ``error loading config``, Ghostty) names the action, as round 56's past
forms do, but not at the end of the message, where it is as often a state (``position to
running``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_quoted_values_stay_apart_from_a_bare_value_seen_first(miners: ServiceMiners) -> None:
    messages = [
        'msg="Reading workflow ci-2"',
        "msg=\"Reading workflow 'build'\"",
        "msg=\"Reading workflow 'deploy'\"",
        "msg=\"Reading workflow 'lint'\"",
        'msg="Reading workflow nightly-7"',
        'msg="Reading workflow release"',
    ]
    templates = mine_all(miners, messages)
    assert templates[1:4] == ["msg=\"Reading workflow '<*>'\""] * 3
    assert templates[0] == templates[4] == templates[5] == 'msg="Reading workflow <*>"'


def test_quoted_values_before_a_comma_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "Skipping device sdb-1, already configured",
        "Skipping device 'sdc', already configured",
        "Skipping device 'sdd', already configured",
        "Skipping device 'nvme0n1', already configured",
        "Skipping device sde-2, already configured",
    ]
    templates = mine_all(miners, messages)
    assert templates[1:4] == ["Skipping device '<*>', already configured"] * 3
    assert templates[0] == templates[4] == "Skipping device <*>, already configured"


def test_bare_values_stay_apart_from_quoted_values_seen_first(miners: ServiceMiners) -> None:
    messages = [
        "Reading workflow 'build'",
        "Reading workflow 'deploy'",
        "Reading workflow 'lint'",
        "Reading workflow ci-2",
        "Reading workflow release",
        "Reading workflow 'test'",
    ]
    templates = mine_all(miners, messages)
    assert templates[:3] + templates[5:] == ["Reading workflow '<*>'"] * 4
    assert templates[3:5] == ["Reading workflow <*>"] * 2


def test_values_in_either_quotes_still_vary(miners: ServiceMiners) -> None:
    # Guard: a value in single quotes beside one in double quotes is quoted in both (a repr
    # picks the quote its text allows): one event's value, as before.
    messages = [
        "Reading workflow 'alpha'",
        'Reading workflow "beta"',
        "Reading workflow 'gamma'",
        'Reading workflow "delta"',
    ]
    assert mine_all(miners, messages)[-1] == "Reading workflow <*>"


def test_quoted_values_with_other_punctuation_still_vary(miners: ServiceMiners) -> None:
    # Guard: the punctuation around must be alike; a quoted value closed by a comma beside a
    # bare word without one is not the same place written without quotes.
    messages = [
        "Closed 'alpha', now",
        "Closed beta now",
        "Closed 'gamma', now",
        "Closed delta now",
    ]
    assert mine_all(miners, messages) == ["Closed <*> now"] * 4


def test_quoted_values_alike_still_vary(miners: ServiceMiners) -> None:
    # Guard: values quoted alike are one event's values, as before.
    messages = ["Closed 'alpha' now", "Closed 'beta' now", "Closed 'gamma' now"]
    assert mine_all(miners, messages)[-1] == "Closed '<*>' now"


def test_predicate_names_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "checking looks_like_gce? now",
        "checking has_gce_dmi? now",
        "checking has_gce_system_info? now",
        "checking can_connect? now",
    ]
    assert mine_all(miners, messages) == messages


def test_words_ending_in_a_question_mark_still_vary(miners: ServiceMiners) -> None:
    # Guard: a predicate's name is a snake_case name; one plain word before ``?`` is not.
    messages = ["checking ready? now", "checking done? now", "checking valid? now"]
    assert mine_all(miners, messages)[-1] == "checking <*> now"


def test_snake_case_names_without_a_question_mark_still_vary(miners: ServiceMiners) -> None:
    # Guard: without the ``?`` a snake_case name is a value as code writes it (round 49).
    messages = [
        "checking looks_like_gce now",
        "checking has_gce_dmi now",
        "checking has_gce_system_info now",
    ]
    assert mine_all(miners, messages)[-1] == "checking <*> now"


def test_a_predicate_name_beside_another_word_still_varies(miners: ServiceMiners) -> None:
    # Guard: the name must be a predicate's in both messages.
    messages = [
        "checking looks_like_gce? now",
        "checking alpha now",
        "checking beta now",
        "checking gamma now",
    ]
    assert mine_all(miners, messages) == ["checking <*> now"] * 4


def test_forms_in_ing_amid_plain_words_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "error creating config err=EOF",
        "error loading config err=EOF",
        "error cloning config err=EOF",
        "error parsing config err=EOF",
        "error creating config err=EPIPE",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[4] == "error creating config err=<*>"
    assert len(set(templates)) == 4


def test_forms_in_ing_ending_the_message_still_vary(miners: ServiceMiners) -> None:
    # Guard: at the end such a word is as often a state, a value.
    messages = [
        "Update enumerator position to running",
        "Update enumerator position to stopping",
        "Update enumerator position to starting",
        "Update enumerator position to deactivating",
    ]
    assert mine_all(miners, messages)[-1] == "Update enumerator position to <*>"


def test_a_form_in_ing_beside_a_past_form_still_varies(miners: ServiceMiners) -> None:
    # Guard: both words must be of one form; ``creating`` / ``loaded`` are no rule.
    messages = ["error creating config now", "error loaded config now", "error alpha config now"]
    assert mine_all(miners, messages) == ["error <*> config now"] * 3


def test_forms_in_ing_after_a_label_s_colon_still_vary(miners: ServiceMiners) -> None:
    # Guard: the word before must be a plain lower-case word, not a label.
    messages = [
        "worker state: running now",
        "worker state: stopping now",
        "worker state: starting now",
        "worker state: pending now",
    ]
    assert mine_all(miners, messages)[-1] == "worker state: <*> now"
