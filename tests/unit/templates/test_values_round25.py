"""Twenty-fifth round: a data term printed whole, braces around elements joined by commas
(Erlang's ``{error,eacces}``, ``{badarg,{x,y}}``, perhaps after a key: ``Errors={...}``), is a
value, and so is the word beside it in the same place (``reason timeout``): no program writes
an event's words as a term (tokens.is_term). A name of lower-case parts joined by ``.``, ``_``
or ``-`` in front of an event's own message (``db-3 is running``, ``web.service resolved to
<*>``) is the subject the message is about, a value like a sender's name: the same event
after other such names is searched for, and two of them, names as code writes them, make it
``<*>`` (miner._named_subject).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.miner import _named_subject
from pipeline.templates.tokens import differ_in_words, generalise_token, is_term
from tests.unit.templates.conftest import mine_all


def test_terms() -> None:
    assert is_term("{error,eacces}")
    assert is_term("{badarg,{gen_tcp,send,[sock]}},")
    assert is_term("Errors={'EXIT',<*>,killed}")
    assert not is_term('{"code":7,"msg":"x"}')  # a JSON object: its keys are words
    assert not is_term("{placeholder}")
    assert not is_term("{a, b}")


def test_a_term_is_a_value_beside_a_word() -> None:
    assert not differ_in_words("timeout", "{error,eacces}")
    assert not differ_in_words("{badarg,x}", "closed")
    assert generalise_token("closed,", "{error,eacces},") == "<*>,"
    assert generalise_token("{error,eacces}", "{badarg,{x,y}}") == "<*>"
    assert generalise_token("Errors={a,b}", "Errors={c,d}") == "Errors=<*>"


def _reasons(reasons: tuple[str, ...]) -> list[str]:
    return [
        f"Stopping table worker {n}, owner <0.{n}.0> ended with reason {reason}"
        for n, reason in enumerate(reasons, start=11)
    ]


def test_reasons_printed_as_terms_are_one_event(miners: ServiceMiners) -> None:
    # Two plain words are not yet a value; a term beside one makes the place one.
    templates = mine_all(miners, _reasons(("closed", "{error,eacces}", "closed")))
    assert set(templates) == {"Stopping table worker <*>, owner <*> ended with reason <*>"}


def test_a_term_folds_the_words_seen_before_it(miners: ServiceMiners) -> None:
    # ``enoent`` made a sibling of ``closed``; the term shows the place holds values.
    templates = mine_all(miners, _reasons(("closed", "enoent", "{badarg,{sock,send}}", "enoent")))
    assert set(templates) == {"Stopping table worker <*>, owner <*> ended with reason <*>"}


def test_a_term_after_a_key_keeps_the_key(miners: ServiceMiners) -> None:
    messages = [
        "compaction of shard 7 done, Kept=12, Failed={'EXIT',<0.9.0>,shutdown}",
        "compaction of shard 8 done, Kept=30, Failed={timeout,{server,call}}",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"compaction of shard <*> done, Kept=<*>, Failed=<*>"}


def test_named_subjects() -> None:
    assert _named_subject("web.service")
    assert _named_subject("db-3")
    assert _named_subject("cache_sync")
    assert not _named_subject("starting")  # a plain word: perhaps the event's verb
    assert not _named_subject("Web.service")
    assert not _named_subject("hdfs.server:")


def test_subjects_named_in_front_are_values(miners: ServiceMiners) -> None:
    messages = [
        f"{name} is refreshing the cached index of the store"
        for name in ("mail_relay", "cache_sync", "edge_proxy", "db.main")
    ]
    templates = mine_all(miners, messages)
    assert templates[3] == "<*> is refreshing the cached index of the store"
    assert len(set(templates)) == 1


def test_names_before_a_few_words_stay_events(miners: ServiceMiners) -> None:
    # Not an event's own message after them (tails.event_tail): the name may be the event.
    messages = [f"{name} stalled" for name in ("mail_relay", "cache_sync", "edge_proxy")]
    assert len(set(mine_all(miners, messages))) == 3


def test_plain_first_words_still_name_events(miners: ServiceMiners) -> None:
    messages = [
        f"{verb} the cached index of the store for tenant {n}"
        for n, verb in enumerate(("rebuilding", "pruning", "checking", "loading"))
    ]
    assert len(set(mine_all(miners, messages))) == 4
