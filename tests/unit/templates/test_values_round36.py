"""Thirty-sixth round: Python's OSError as it prints (``str(e)``), ``[Errno 111] Connection
refused`` and ``[Errno 2] No such file or directory: '/x'`` (``... 'a' -> 'b'`` for a rename),
is one value, its number and the file names with its error text; the punctuation after the
last file name's quote stays the message's, and a message opening with one is left alone.
"""

from __future__ import annotations

from pipeline.templates import MinerConfig, ServiceMiners
from pipeline.templates.errtexts import join_error_texts, split_error_token
from tests.unit.templates.conftest import mine_all


def test_oserror_texts_join_one_template() -> None:
    messages = [
        "pond refresh failed: [Errno 111] Connection refused",
        "pond refresh failed: [Errno 13] Permission denied",
        "pond refresh failed: [Errno 110] Connection timed out",
        "pond refresh failed: [Errno 104] Connection reset by peer",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"pond refresh failed: <*>"}


def test_the_file_name_is_the_errors() -> None:
    messages = [
        "pond refresh failed: [Errno 111] Connection refused",
        "pond refresh failed: [Errno 2] No such file or directory: '/srv/pond/a.idx'",
        "pond refresh failed: [Errno 13] Permission denied: '/srv/pond/b.idx'",
        "pond refresh failed: [Errno 110] Connection timed out",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"pond refresh failed: <*>"}


def test_split_error_token_of_an_oserror() -> None:
    assert split_error_token("([Errno 2] No such file or directory: '/a').") == (
        "(",
        "[Errno 2] No such file or directory: '/a'",
        ").",
    )
    assert split_error_token("[Errno 111] Connection refused,") == (
        "",
        "[Errno 111] Connection refused",
        ",",
    )


def test_the_closing_bracket_stays_with_the_message() -> None:
    messages = [
        "pond skipped ([Errno 2] No such file or directory: '/srv/pond/a.idx'). Retrying",
        "pond skipped ([Errno 111] Connection refused). Retrying",
        "pond skipped ([Errno 13] Permission denied: '/srv/pond/c.idx'). Retrying",
    ]
    texts = mine_all(ServiceMiners(MinerConfig()), messages)
    assert set(texts) == {"pond skipped (<*>). Retrying"}


def test_a_rename_names_two_files() -> None:
    raw = "move failed: [Errno 18] Invalid cross-device link: '/a' -> '/b', giving up".split()  # noqa: SIM905
    found = join_error_texts(raw)
    assert found is not None
    joined, positions = found
    assert joined == [
        "move",
        "failed:",
        "[Errno 18] Invalid cross-device link: '/a' -> '/b',",
        "giving",
        "up",
    ]
    assert positions == {2}
    assert split_error_token(joined[2])[1:] == (
        "[Errno 18] Invalid cross-device link: '/a' -> '/b'",
        ",",
    )


def test_an_unquoted_word_after_the_text_is_not_a_file_name() -> None:
    raw = "pond failed: [Errno 13] Permission denied: retrying later".split()  # noqa: SIM905
    found = join_error_texts(raw)
    assert found is not None
    assert found[0] == ["pond", "failed:", "[Errno 13] Permission denied:", "retrying", "later"]


def test_a_message_opening_with_an_oserror_keeps_its_number() -> None:
    raw = "[Errno 2] No such file or directory: '/x'".split()  # noqa: SIM905
    found = join_error_texts(raw)
    assert found is not None
    assert found[0][:2] == ["[Errno", "2]"]
