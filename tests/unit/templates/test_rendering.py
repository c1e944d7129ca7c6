"""Rendering keeps constant text as written; Loghub's correction of constant text is only for
evaluation against its annotations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.templates.rendering import _TOKEN_SPLIT, normalise, normalise_variables, render


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["value", "was", "null"], "value was null"),
        (["<Trace", 'Type="<*>"', "/>"], '<Trace Type="<*>" />'),
        (["socket(2)", "failed:", "<*>"], "socket(2) failed: <*>"),
        (["flag", "true,", "user", "root"], "flag true, user root"),
        (["reading", "/proc/stat"], "reading /proc/stat"),
        (["HBASE-8547", "<*>"], "HBASE-8547 <*>"),
    ],
)
def test_render_keeps_constant_text(tokens: list[str], expected: str) -> None:
    assert render(tokens) == expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["id", "blk_<*>", "done"], "id <*> done"),
        (["at", "<*>.<*>.<*>"], "at <*>"),
        (["at", "<*><*>"], "at <*>"),
        (["node-<*>", "<*>:<*>"], "node-<*> <*>:<*>"),
        (["<memory:<*>,", "vCores:<*>>"], "<memory:<*>, vCores:<*>"),
    ],
)
def test_render_keeps_the_variable_conventions(tokens: list[str], expected: str) -> None:
    assert render(tokens) == expected


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("value was null", "value was <*>"),
        ('<Trace Type="<*>" />', '<Trace Type="<*>" <*>'),
        ("socket(2) failed: <*>", "socket(<*>) failed: <*>"),
        ("flag true, user root", "flag <*>, user <*>"),
        ("reading /proc/stat", "reading <*>"),
        ("HBASE-8547 <*>", "HBASE-<*> <*>"),
    ],
)
def test_loghub_evaluation_still_corrects_constant_text(template: str, expected: str) -> None:
    assert normalise(template) == expected


@pytest.mark.parametrize(
    "template",
    [
        "value  was null ",
        '<Trace Type="<*>" />',
        "socket(2) id blk_<*> at <*>.<*> <*><*>",
        "reading /proc/<*>/stat <*>/<*> took <*>ms",
        "<memory:<*>, vCores:<*>> TRUE",
    ],
)
def test_loghub_correction_of_a_rendered_template_is_the_whole_correction(template: str) -> None:
    """So the Loghub benchmark, correcting our rendered templates, sees what it saw when
    rendering applied the whole correction."""
    assert normalise(normalise_variables(template)) == normalise(template)
    assert normalise_variables(normalise_variables(template)) == normalise_variables(template)


_DELIMITED = st.text(alphabet=" \t,!;:=|\"'[](){}.-+@#$%&/ab9_<*>", max_size=30)


def _glued_sub_tokens(template: str) -> str:
    """The glued-variable rule sub-token by sub-token, as Loghub's correction states it."""
    tokens = _TOKEN_SPLIT.split(" ".join(template.split()))
    return "".join("<*>" if "<*>" in t and "/" not in t else t for t in tokens)


@settings(max_examples=2000, deadline=None)
@given(_DELIMITED)
def test_one_regex_pass_writes_glued_variables_as_the_rule_does(text: str) -> None:
    # _correct writes every glued variable with one regex over the text; the rule is per
    # sub-token (a run between delimiters with a <*> in it and no slash).
    template = text.replace("<>", "<*>")
    folded = _glued_sub_tokens(template)
    while "<*>.<*>" in folded:
        folded = folded.replace("<*>.<*>", "<*>")
    while "<*><*>" in folded:
        folded = folded.replace("<*><*>", "<*>")
    assert normalise_variables(template) == folded
