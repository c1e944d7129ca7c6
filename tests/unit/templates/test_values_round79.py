"""Seventy-ninth round: a capitalised ``Null`` is a word, not a null value.

SOFAJRaft logs ``Null buf to load.``, Flume ``Null sink {} started.``, Gobblin ``Null broker.
Will not track data lineage``, Syncope ``Null any passed, ignoring``: the English word opening
a sentence or a name. The ``bool`` mask took ``null`` in any case, so these lines were mined as
``<*> buf to load.``. Programs print their null as ``null`` (Java, JavaScript, JSON) or ``NULL``
(C, SQL), others as ``None`` or ``nil``; none as ``Null``. The mask now takes ``null`` and
``NULL`` only (``masking._NULLS`` in the fast path); ``true`` and ``false`` stay values in
any case (Python prints ``True`` and ``False``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import Masker
from tests.unit.templates.conftest import mine_all


def test_a_capitalised_null_is_a_word() -> None:
    masker = Masker()
    assert masker.mask_token("Null") == ("Null", ())
    # Through the regex too, with punctuation after it, and any spelling but null and NULL.
    assert masker.mask_token("Null,") == ("Null,", ())
    assert masker.mask_token("NuLL") == ("NuLL", ())


def test_a_null_opening_a_sentence_stays_in_the_template(miners: ServiceMiners) -> None:
    messages = [
        "Null buf to load.",
        "Null buf to load.",
        "Null sink kitchen_alpha started.",
        "Null sink backup_gamma started.",
        "Null sink replica_delta started.",
        "Null buf to load.",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Null buf to load.", "Null sink <*> started."}


def test_nulls_and_booleans_as_programs_print_them_stay_values() -> None:
    # Guard: passes before and after the round.
    masker = Masker()
    for token in ("null", "NULL", "true", "false", "True", "False", "TRUE", "null,", "NULL)"):
        masked, values = masker.mask_token(token)
        assert "<*>" in masked and values and values[0][0] == "bool", token


def test_one_calls_null_and_other_values_still_join(miners: ServiceMiners) -> None:
    # Guard, passes before and after the round: a value printed as null or NULL, or Python's
    # True and False, is one of the call's values and joins with the others.
    messages = [
        "Resolved parent of job-11 to null",
        "Resolved parent of job-12 to NULL",
        "Resolved parent of job-13 to scheduler",
        "Resolved parent of job-14 to null",
        "Retry enabled for job-15: True",
        "Retry enabled for job-16: False",
        "Retry enabled for job-17: True",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Resolved parent of <*> to <*>", "Retry enabled for <*>: <*>"}


def test_the_word_null_keeps_its_call_apart(miners: ServiceMiners) -> None:
    # What must stay apart stays apart: the word Null opening one call's message keeps it
    # apart from another call's value after the same words.
    messages = [
        "Null parent for job-15, skipping",
        "Resolved parent for job-11, skipping",
        "Null parent for job-16, skipping",
        "Resolved parent for job-12, skipping",
        "Null parent for job-17, skipping",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Null parent for <*>, skipping", "Resolved parent for <*>, skipping"}
