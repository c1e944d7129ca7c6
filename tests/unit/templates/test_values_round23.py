"""Twenty-third round: a numbered name in brackets both tokens open alike (``[replica-<*>]`` /
``[scheduler-<*>]``) is a value, as ``maple-<*>`` / ``invoices-<*>`` is
(tokens.differ_in_words); a value in brackets glued by ``:`` to a field's name (SLF4J's
``param:[{}]``) is the field's value, its bracket kept (tokens.generalise_token); the one word
ending a message after a label preceded by a single word (``assertion data: btrfs``,
``RBAC: auth_context: GET``) is the label's value, unless it reads as a verb's participle
(``progress emitter: stopping``) (miner._labelled).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tokens import differ_in_words, generalise_token
from tests.unit.templates.conftest import mine_all


def test_a_numbered_name_in_brackets_is_a_value() -> None:
    assert not differ_in_words("(hallway-<*>)", "(canary-<*>)")
    assert not differ_in_words("[replica-<*>]", "[scheduler-<*>]")
    assert generalise_token("(hallway-<*>)", "(canary-<*>)") == "(<*>)"


def test_other_bracketed_names_still_differ_in_words() -> None:
    # Different brackets, different glue, no number.
    assert differ_in_words("(hallway-<*>)", "[canary-<*>]")
    assert differ_in_words("(hallway-<*>)", "(canary.<*>)")
    assert differ_in_words("(hallway)", "(canary)")


def test_numbered_names_in_brackets_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        f"Ignoring file ({name}) while scanning domain config directory"
        for name in ("hallway-30", "canary-19", "canary-7")
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Ignoring file (<*>) while scanning domain config directory"}


def test_a_bracketed_value_glued_to_a_field_name_is_no_word() -> None:
    assert not differ_in_words("param:[tcp],", "param:[udp],")
    assert not differ_in_words("content:[alpha]", "content:[backup]")
    assert generalise_token("param:[tcp],", "param:[udp],") == "param:[<*>],"
    # Another field's name, or a bracket not closed where the token ends.
    assert differ_in_words("param:[tcp],", "status:[tcp],")
    assert differ_in_words("param:[tcp", "param:[udp")


def test_bracketed_values_glued_to_field_names_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        f"http client execute success request param:[{p}], status code:[{c}], content:[{x}]"
        for p, c, x in (("tcp", "List", "alpha"), ("udp", "Start", "backup"))
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "http client execute success request param:[<*>], status code:[<*>], content:[<*>]"
    }


def test_the_word_after_a_short_label_is_its_value(miners: ServiceMiners) -> None:
    # Two values only, fewer than min_distinct_words: as words they made two templates.
    assert set(mine_all(miners, ["assertion data: devmapper", "assertion data: btrfs"])) == {
        "assertion data: <*>"
    }
    assert set(mine_all(miners, ["RBAC: auth_context: GET", "RBAC: auth_context: PUT"])) == {
        "RBAC: auth_context: <*>"
    }


def test_a_participle_after_a_short_label_is_the_event(miners: ServiceMiners) -> None:
    templates = mine_all(miners, ["progress emitter: stopping", "progress emitter: disabled"])
    assert templates[0] != templates[1]


def test_the_noun_after_a_lone_verb_names_the_event(miners: ServiceMiners) -> None:
    # ``Created project %s`` and ``Created user %s`` are calls of their own: with the noun a
    # variable, the verb would be the only word left of the event.
    nouns = ("project", "user", "role", "domain", "project")
    messages = [f"Created {noun} {n:032x}" for n, noun in enumerate(nouns, start=0x562DB3D6)]
    templates = mine_all(miners, messages)
    assert templates[0] == templates[4] == "Created project <*>"
    assert len(set(templates)) == 4


def test_a_last_word_after_a_lone_label_is_still_a_value(miners: ServiceMiners) -> None:
    templates = mine_all(
        miners, [f"Discriminator: {word}" for word in ("beta", "maple", "gamma", "delta")]
    )
    assert set(templates) == {"Discriminator: <*>"}
