"""Ninety-fourth round: a numbered host whose name joins words by underscores.

Kallithea writes ``log.error("skipping incomplete issue pattern %r: it needs (a potentially
empty) %s", ...)`` with a host such as ``issue_subnode-33.corp``: the mask for a numbered host in
a domain of one label (``node-7.corp``, round 4) took letters and digits only in the name, so
the underscore kept it out; the number mask then cut the digits alone and the template read
``issue_subnode-<*>.corp`` (the group right, the value left as words around a number). The
name's words may now be joined by underscores too, as the instance mask allows
(``worker_pool-3``): the host is one value. Names without a number before the domain, files
and keys, stay as they were.
"""

from __future__ import annotations

import pytest

from pipeline.templates import ServiceMiners
from pipeline.templates.masking import Masker


@pytest.fixture(scope="module")
def masker() -> Masker:
    return Masker()


@pytest.mark.parametrize(
    "token",
    ["issue_subnode-33.corp", "primary_mainnode-7.corp", "web_front-12.lan", "a_b-c_d-3.local"],
)
def test_numbered_host_with_underscores_is_one_value(masker: Masker, token: str) -> None:
    assert masker.mask_token(token) == ("<*>", (("host", token),))


def test_the_host_is_the_templates_value(miners: ServiceMiners) -> None:
    messages = [
        f"skipping incomplete issue pattern '{name}': it needs (a potentially empty) "
        f"issue_subnode-{number}.corp"
        for name, number in (("foo", 33), ("bar", 17), ("baz", 1), ("qux", 62))
    ]
    ids = [miners.assign("svc", [message]).template_ids[0] for message in messages]
    texts = {miners.template_text("svc", miners.resolve("svc", tid)) for tid in ids}
    assert texts == {"skipping incomplete issue pattern '<*>': it needs (a potentially empty) <*>"}


@pytest.mark.parametrize(
    "token",
    ["snake_case.conf", "log_file-name.txt", "my_module.py", "__init__.py", "a_b-c.d", "x_y-2.5"],
)
def test_names_without_a_numbered_host_stay(masker: Masker, token: str) -> None:
    # No number before a domain of letters: a file, a key or a version, not this host.
    assert all(name != "host" for name, _ in masker.mask_token(token)[1])
