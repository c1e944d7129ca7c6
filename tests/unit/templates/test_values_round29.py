"""Twenty-ninth round: a reference printed as ``type[name]`` whose type differs from line to
line is one value, its closing bracket with it (``<*>``, not ``<*>]``), when two tokens are
generalised (tokens._closed_inside); round brackets and a bracket opened before the value
are left as they were.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import WILDCARD
from pipeline.templates.tokens import generalise_token
from tests.unit.templates.conftest import mine_all


def test_a_reference_of_another_type_is_one_value() -> None:
    assert generalise_token("widget[blue]", "gadget[small]") == WILDCARD


def test_a_reference_keeps_the_punctuation_after_it() -> None:
    assert generalise_token("widget[blue]:", "gadget[small]:") == f"{WILDCARD}:"


def test_a_bracket_opened_before_the_value_stays() -> None:
    assert generalise_token("[blue]", "[small]") == f"[{WILDCARD}]"
    assert generalise_token("blue]", "small]") == f"{WILDCARD}]"


def test_round_brackets_are_left_alone() -> None:
    assert generalise_token("paint(blue)", "fold(small)") == f"{WILDCARD})"


def test_an_event_about_references_of_several_types_reads_as_written() -> None:
    templates = mine_all(
        ServiceMiners(),
        [
            "NOTE: widget[blue] polished in 4 passes",
            "NOTE: gadget[small] polished in 7 passes",
            "NOTE: sprocket[/opt/gear] polished in 2 passes",
            "NOTE: widget[red] polished in 9 passes",
        ],
    )
    assert set(templates) == {f"NOTE: {WILDCARD} polished in {WILDCARD} passes"}
