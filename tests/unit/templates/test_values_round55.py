"""Fifty-fifth round: a method's name in lower camel case after the label that opens a message
names the call that logs, not a value; a call's keyword argument is a value, as a key's is.

NetNewsWire (Swift, ``os.Logger``) writes a type's name and the method that logs
(``MainTimelineModernViewController: displayNameDidChange``, ``#function``), Ratis a member
after its sender's name (``<*>: workerGroup shutdown timeout in <*>`` / ``requestExecutor``),
KOReader a module's handler after a severity (``DEBUG HttpInspector: onLeaveStandby``): two
such names in one place made them values (tokens.names_differ), and every method became
``Controller: <*>``. Mopidy, Atlas and Ranger write a call's arguments by keyword
(``state_changed(old_state=Running, ...)``, ``import(user=alpha, ...)``): the value of the
first argument, glued to the call's name, read as another word. Tekton, ManageIQ, Restic and
others end a head in a value the masks leave as a word (``... for PipelineRun web.service:
<error>``): once such values made the head's free-text template (``... PipelineRun <*>: <*>``),
a message whose value recurred found it only if the value was masked (miner._join_tail keyed
the head by its last token), and the recurring message of an earlier length kept a template of
its own.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.tokens import differ_in_words
from tests.unit.templates.conftest import mine_all


def test_methods_after_a_type_s_label_stay_apart(miners: ServiceMiners) -> None:
    messages = [
        "ListController: displayNameDidChange",
        "ListController: willEnterForeground",
        "ListController: scrollPositionDidChange",
        "ListController: resume",
        "ListController: displayNameDidChange",
        "ListController: avatarDidBecomeAvailable",
    ]
    assert mine_all(miners, messages) == messages


def test_a_member_after_a_sender_s_name_stays_apart(miners: ServiceMiners) -> None:
    messages = [
        "gamma: requestExecutor shutdown timeout in 7ms",
        "alpha: workerGroup shutdown timeout in 12ms",
        "beta: workerGroup shutdown timeout in 40ms",
        "delta: requestExecutor shutdown timeout in 3ms",
        "delta: workerGroup shutdown timeout in 9ms",
        "omega: requestExecutor shutdown timeout in 3ms",
        "zeta: workerGroup shutdown timeout in 9ms",
    ]
    templates = mine_all(miners, messages)
    assert templates[3] == templates[5] == "<*>: requestExecutor shutdown timeout in <*>"
    assert templates[6] == "<*>: workerGroup shutdown timeout in <*>"


def test_a_handler_after_a_severity_and_label_stays_apart(miners: ServiceMiners) -> None:
    messages = [
        "DEBUG Inspector: onLeaveStandby",
        "DEBUG Inspector: onExit",
        "DEBUG Inspector: onResume",
        "DEBUG Inspector: onLeaveStandby",
    ]
    assert mine_all(miners, messages) == messages


def test_a_call_s_keyword_argument_is_a_value(miners: ServiceMiners) -> None:
    assert not differ_in_words("changed(old_state=Running,", "changed(old_state=Pending,")
    messages = [
        "==> import(user=primary_canary, from=orion-3.corp.internal:6443, request=user14/repo16)",
        "==> setProperty(248, node-17.corp, orders)",
        "==> import(user=beta, from=gamma-1.corp.internal:6443, request=user3/repo1)",
        "==> setProperty(12, node-3.corp, billing)",
        "==> import(user=delta, from=gamma-4.corp.internal:6443, request=user1/repo7)",
    ]
    templates = mine_all(miners, messages)
    assert templates[4] == "==> import(user=<*>, from=<*>, request=<*>)"
    assert templates[3] == "==> setProperty(<*>, <*>, <*>)"


def test_another_keyword_or_call_is_another_word() -> None:
    assert differ_in_words("changed(old_state=Running,", "changed(new_state=Running,")
    assert differ_in_words("changed(old_state=Running,", "moved(old_state=Pending,")


def test_plain_words_and_types_after_a_label_still_vary(miners: ServiceMiners) -> None:
    words = ["Worker: started", "Worker: stopped", "Worker: paused", "Worker: resumed"]
    assert set(mine_all(miners, words)) == {"Worker: <*>"}
    types = ["Codec: PingFrame", "Codec: GoAwayFrame", "Codec: DataFrame", "Codec: PingFrame"]
    assert set(mine_all(miners, types)) == {"Codec: <*>"}


def test_a_method_s_name_amid_a_message_still_varies(miners: ServiceMiners) -> None:
    messages = [
        "Registered handler onClick for view",
        "Registered handler onHover for view",
        "Registered handler onScroll for view",
    ]
    assert set(mine_all(miners, messages)) == {"Registered handler <*> for view"}


_RUN = "Failed to delete volume for run"
_NOT_FOUND = (
    "rpc error: code = NotFound desc = container "
    '"c440e04b10cf460c5cbc83627adf298e1c38cd35ab5a8cd17f7e209332767342" not found'
)


def test_a_head_s_value_left_as_a_word_finds_its_free_text(miners: ServiceMiners) -> None:
    messages = [
        f"{_RUN} metrics.service: {_NOT_FOUND}",
        f"{_RUN} staging.service: {_NOT_FOUND}",
        f"{_RUN} frontend.service: context canceled",
        f"{_RUN} vega.service: x509: certificate has expired or is not yet valid",
        f"{_RUN} vega.service: context canceled",
    ]
    assert set(mine_all(miners, messages)) == {f"{_RUN} <*>: <*>"}
    other = _NOT_FOUND.replace("c440e04b10cf", "df0de1b6bcc4")
    again = miners.mine("svc", f"{_RUN} metrics.service: {other}")
    assert (again.template, again.is_new) == (f"{_RUN} <*>: <*>", False)


def test_a_field_after_a_label_or_other_words_stay_apart(miners: ServiceMiners) -> None:
    fields = [
        "Updating peers from new config: alpha: context canceled",
        "Updating peers from new config: beta: unexpected EOF while reading",
        "Updating peers from new config: gamma: connection reset by peer",
        "Updating peers from new config: alpha: unexpected EOF while reading",
        'Updating peers from new config: start: "main" index: 17 table: "orders"',
    ]
    assert mine_all(miners, fields)[4] != "Updating peers from new config: <*>: <*>"
    words = [
        "failed to marshal task alpha from namespace beta: context canceled",
        "failed to marshal task gamma from namespace delta: unexpected EOF while reading",
        "failed to marshal task alpha from namespace gamma: connection reset by peer",
        "failed to marshal pipeline alpha from namespace frontend: connection reset by peer",
    ]
    assert mine_all(miners, words)[3] != "failed to marshal task <*> from namespace <*>: <*>"
