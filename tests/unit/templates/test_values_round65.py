"""Sixty-fifth round: lists of strings in quotes, a sentence's first word in front, and lists
whose items became values.

Python's ``'%s'`` of a list writes ``'['a', 'b']'``: the items' quote pairs closed the outer
quote at once, so the value was never joined and each length of the list, each word in it,
made a template of its own. The quote before the bracket now opens a value that ends where
the list's bracket and the same quote close (quoting.join_quoted), and the quoted mask writes
it ``'<*>'``, however long (tokenising's long tokens too).

A Capitalised word in front (``Initialization is interrupted: <*>``) no longer looks among
the templates led by a value the masks took (``<*> is interrupted: <*>``): a sentence's first
word is the event's. A lower-case word in front may be a name, a value, and still looks.

A list of the length of a template's list that became values takes that template, though its
words differ from the template's in more places than the search allows; siblings whose
lists of one length differed in words are taken in when the lists become values.
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.miner import _fits
from pipeline.templates.quoting import join_quoted
from pipeline.templates.shapes import Shape, Template
from tests.unit.templates.conftest import mine_all

_ITEMS = ("alpha", "beta", "gamma", "delta", "omega")


def _python_list(size: int, start: int = 0) -> str:
    items = [_ITEMS[(start + n) % len(_ITEMS)] for n in range(size)]
    return "[" + ", ".join(f"'{item}'" for item in items) + "]"


def test_a_list_in_quotes_is_one_value(miners: ServiceMiners) -> None:
    messages = [f"Plugin search paths: '{_python_list(size, size)}'" for size in (1, 3, 2, 4)]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Plugin search paths: '<*>'"}


def test_a_list_in_quotes_closed_by_punctuation(miners: ServiceMiners) -> None:
    messages = [
        f"Removed cached entries: '{_python_list(size, size)}', took: {size}.5s"
        for size in (1, 3, 2)
    ]
    messages += [f"cache drop_keys('{_python_list(size)}') failed" for size in (2, 4, 1)]
    templates = mine_all(miners, messages)
    assert set(templates[:3]) == {"Removed cached entries: '<*>', took: <*>"}
    assert set(templates[3:]) == {"cache drop_keys('<*>') failed"}


def test_a_long_list_in_quotes_keeps_its_quotes(miners: ServiceMiners) -> None:
    digests = ", ".join(f"'sha256:{n:064x}'" for n in range(6))  # over max_token_chars
    messages = [
        f"Queued task with args '{_python_list(2)}' now",
        f"Queued task with args '[{digests}]' now",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"Queued task with args '<*>' now"}


def test_a_quote_inside_a_word_opens_no_list() -> None:
    assert join_quoted(["found", "o'['a',", "'b']'", "here"]) is None


def test_a_sentence_word_in_front_is_no_value(miners: ServiceMiners) -> None:
    messages = [f"{n:016x} is interrupted: worker{n}" for n in range(40, 44)]
    messages += ["Initialization is interrupted: worker7"]
    templates = mine_all(miners, messages)
    assert templates[0] == "<*> is interrupted: <*>"
    assert templates[-1] != templates[0]


def test_a_lower_case_word_in_front_may_be_a_value(miners: ServiceMiners) -> None:
    messages = [f"{n:016x} is interrupted: worker{n}" for n in range(40, 44)]
    messages += ["orders is interrupted: worker7"]
    templates = mine_all(miners, messages)
    assert templates[-1] == templates[0] == "<*> is interrupted: <*>"


def test_a_list_whose_items_became_values_takes_its_length(miners: ServiceMiners) -> None:
    messages = [
        "running command: app-3 [nova nova nova maple]",
        "running command: app-4 [nova nova frontend staging]",  # words differ: a sibling
        "running command: app-5 [maple]",  # another length: the lists are values
        "running command: app-6 [frontend frontend billing hermes]",
        "running command: app-7 [gateway staging]",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"running command: <*>"}


def test_a_fitting_shape_differs_only_in_lists() -> None:
    template = Template("t", "")
    shape = Shape(["running", "command:", "<*>", "<*>", "<*>"], (5, "running"), template)
    assert _fits(shape, ["running", "command:", "<*>", "[nova", "maple]"])
    # A word outside the lists that the shape holds a variable for is another event's.
    assert not _fits(shape, ["running", "command:", "deploy", "[nova", "maple]"])


def test_a_long_list_whose_items_became_values_takes_its_length(miners: ServiceMiners) -> None:
    messages = [
        "running command: app-3 [nova nova nova maple beta]",
        "running command: app-5 [maple]",  # another length: the lists are values
        "running command: app-6 [frontend frontend billing hermes gamma]",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {"running command: <*>"}
