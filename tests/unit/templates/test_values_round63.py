"""Sixty-third round: values in brackets glued after a call, and calls of other names.

MINA SSHD writes ``auth(<method>)[<session>] send ...`` (SLF4J's ``auth({})[{}]``): the
session's name, in square brackets glued after the call, is a value as the call's argument
is, but the whole was one token and a name there (``[sensor.main_vega]``,
``[context.Canceled]``) read as a word, so each name made a template of its own. Two calls of
one name whose arguments and bracketed values are each equal or both one value now take one
pattern (tokens.call_values): ``auth(<*>)[<*>]``; so do a call's arguments joined by commas
without a space (``shutdown(<*>,<*>)``). A value with a key in it (``[id=<*>]``) is no such
value.

Calls of other names are other events even when the masks took their values
(``process(<*>)[<*>][<*>]`` / ``move(<*>)[<*>]``): two tokens with several variables each
counted as values, and an event took in another one's template (tokens._other_calls).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tokens import call_values, differ_in_words
from tests.unit.templates.conftest import mine_all

_NAMES = [
    "sensor.main_vega",
    "sensor.hallway_primary",
    "sensor.canary_vega",
    "sensor.worker_storage",
]


def test_a_name_in_brackets_after_a_call_is_a_value(miners: ServiceMiners) -> None:
    messages = [
        f"auth({method})[{name}] send SSH_MSG_USERAUTH_REQUEST for 'none'"
        for method in ("tcp", "udp")
        for name in _NAMES
    ]
    templates = mine_all(miners, messages)
    assert set(templates[-len(_NAMES) :]) == {
        "auth(<*>)[<*>] send SSH_MSG_USERAUTH_REQUEST for 'none'"
    }


def test_an_error_name_in_brackets_after_a_call_is_a_value(miners: ServiceMiners) -> None:
    errors = ["context.Canceled", "io.EOF", "fs.ErrPermission", "context.DeadlineExceeded"]
    messages = [
        f"authenticate(kube-system/{pod})[{error}] no keys"
        for pod in ("billing-912f14c990-230b4", "invoices-3e6e141987-ab62f")
        for error in errors
    ]
    templates = mine_all(miners, messages)
    assert set(templates[-len(errors) :]) == {"authenticate(<*>)[<*>] no keys"}


def test_arguments_joined_by_commas_are_values(miners: ServiceMiners) -> None:
    messages = [
        f"shutdown({handle},{name})"
        for handle, name in [
            ("f1d136adc2eb", "birch"),
            ("2bb6278d7173", "orders"),
            ("954573e4618a", "replica"),
            ("a444b92c84b2", "canary"),
            ("1c2d3e4f5a6b", "birch"),
        ]
    ]
    templates = mine_all(miners, messages)
    assert set(templates[2:]) == {"shutdown(<*>,<*>)"}


def test_calls_of_other_names_stay_apart(miners: ServiceMiners) -> None:
    processes = [
        f"process(orders-{n})[{n * 7}][want-reply-node-{n + 11}.corp] "
        f"unix:///run/worker/gateway.sock => {n * 9137}"
        for n in range(1, 9)
    ]
    moves = [
        f"move(/srv/zeus-{n}/metrics)[95eee560-4885-2122-0aed-529df4cfd4c{n}] "
        f"/etc/local/aurora-{n}/backup.db => {word}"
        for n, word in enumerate(["alpha", "alpha", "default", "zeus", "nova", "alpha"])
    ]
    templates = mine_all(miners, [*processes, *moves, *processes])
    assert not set(templates[: len(processes)]) & set(
        templates[len(processes) : len(processes) + len(moves)]
    )
    assert all(template.startswith("process(") for template in templates[-len(processes) :])
    assert all(
        template.startswith("move(")
        for template in templates[len(processes) : len(processes) + len(moves)]
    )


def test_a_key_in_brackets_is_no_value() -> None:
    # Guard: a key's field in the brackets (``[id=<*>]``) names what it holds, a word of the
    # event, not a value as a bare name there is.
    assert call_values("lock(a)[id=<*>]", "lock(b)[mode]") is None
    assert call_values("lock(a)[id=<*>]", "lock(b)[main]") is None
    assert call_values("lock(a)[sensor.x]", "lock(b)[<*>:<*>]") == "lock(<*>)[<*>]"


def test_calls_of_one_name_only() -> None:
    # Guard: the call's name is the event's word; only what its brackets hold varies.
    assert call_values("auth(tcp)[main]", "login(tcp)[vega]") is None
    assert differ_in_words("auth(tcp)[main]", "login(tcp)[vega]")
    assert call_values("auth(tcp)[main]:", "auth(tcp)[vega]") is None


def test_calls_of_other_names_differ_in_words_only_when_both_closed() -> None:
    # Guard: calls closed in the token, of other names, differ in words whatever their
    # values; a call continued in the next token keeps the rules before (a listed
    # argument, ``cancel_job(<*>[<*>],``).
    assert differ_in_words("process(<*>)[<*>][<*>]", "move(<*>)[<*>]")
    assert not differ_in_words("cancel_job(<*>[<*>],", "reject_jobs(<*>[<*>],")


def test_one_argument_and_no_brackets_is_left_to_call_argument() -> None:
    # Guard: a call of one argument with nothing in brackets after it is call_argument's
    # (one plain word or a value masked whole); a value masked in parts there stays apart.
    assert call_values("request(<*>:<*>)", "request(main)") is None
    assert call_values("request(<*>:<*>),", "request(main),") is None
    assert call_values("request(a,<*>:<*>)", "request(b,main)") == "request(<*>,<*>)"
