"""Eighty-ninth round: a quoted value whose text quotes values of its own is one value.

Python's ``'%s'`` of an exception's text, where the text quotes values itself: aiohttp's
``'Cannot connect to host 10.0.0.1:8123 ssl:default [Connect call failed ('10.0.0.2', 8123)]'``
and ``'404, message='Not Found', url=URL('http://10.0.0.3/api/x')'`` (Subiquity, patroni,
mlflow, ckan, myhoard; Chef's ``"python -c "import sys""`` too). Tokenising joined a quoted
value only up to the first later token holding its quote, here the inner one
(``('10.0.0.2',``), and the quoted mask took the text up to the first inner quote: the rest of
the text stayed in the template, one template an error's form. The value now ends at the
quote that closes it: a quote that opens a value inside (at a token's start or after
``= : ( [ { ,``) and the quote that closes that one are passed over (quoting._quoted_end),
and a token that is a whole text in single quotes joined so is masked whole (``'<*>'``).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.quoting import join_quoted
from tests.unit.templates.conftest import mine_all

_CONNECT = (
    "'Cannot connect to host 10.128.33.19:8123 ssl:default "
    "[Connect call failed ('10.84.70.101', 8123)]'"
)
_NOT_FOUND = "'404, message='Not Found', url=URL('http://10.238.201.165/api/cedar')'"


def test_the_quoted_value_ends_at_its_own_closing_quote() -> None:
    raw = f"failed to revoke magic-token: {_CONNECT} now".split()
    assert join_quoted(raw) == ["failed", "to", "revoke", "magic-token:", _CONNECT, "now"]
    raw = f"failed to revoke magic-token: {_NOT_FOUND}".split()
    assert join_quoted(raw) == ["failed", "to", "revoke", "magic-token:", _NOT_FOUND]


def test_an_error_text_quoting_its_own_values_is_one_value(miners: ServiceMiners) -> None:
    messages = [
        f"failed to revoke magic-token: {_CONNECT}",
        "failed to revoke magic-token: 'timed out'",
        f"failed to revoke magic-token: {_NOT_FOUND}",
        "failed to revoke magic-token: '[Errno 111] Connection refused'",
        f"failed to revoke magic-token: {_CONNECT.replace('10.84', '10.9')}",
    ]
    assert set(mine_all(miners, messages)) == {"failed to revoke magic-token: '<*>'"}


def test_a_lone_error_text_quoting_its_own_values_is_masked_whole(
    miners: ServiceMiners,
) -> None:
    assert mine_all(miners, [f"show_non_reportable_error {_NOT_FOUND}"]) == [
        "show_non_reportable_error '<*>'"
    ]


def test_two_quoted_values_and_other_events_stay_apart(miners: ServiceMiners) -> None:
    # Two quoted values side by side stay two: the first closes at its own quote.
    raw = ["copy", "'alpha", "beta'", "to", "'gamma", "delta'", "done"]
    assert join_quoted(raw) == ["copy", "'alpha beta'", "to", "'gamma delta'", "done"]
    messages = [
        f"failed to revoke magic-token: {_CONNECT}",
        "failed to revoke magic-token: 'timed out'",
        f"failed to rotate magic-token: {_NOT_FOUND}",
        "failed to rotate magic-token: '[Errno 111] Connection refused'",
        f"failed to revoke magic-token: {_CONNECT} after 3 attempts",
        "failed to revoke magic-token: 'timed out' after 5 attempts",
    ]
    templates = mine_all(miners, messages)
    # Another word in front is another event, whatever the quoted text holds.
    assert not set(templates[0:2]) & set(templates[2:4])
    # Words after the quoted value are the event's.
    assert not set(templates[0:2]) & set(templates[4:6])
