"""Seventh round (docs/templates.md): a sentence, ended by a full stop, is a head as a label
ending in a colon is; free text of any length after it is one value."""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from tests.unit.templates.conftest import mine_all


def test_free_text_after_a_sentence_is_one_value(miners: ServiceMiners) -> None:
    # An exception's text after a fixed message, its length varying with the exception.
    messages = [
        "Upload of part 12 aborted (session kept). timed out after 30 s",
        "Upload of part 7 aborted (session kept). peer 10.1.2.3 closed the stream at byte 4096",
        "Upload of part 3 aborted (session kept). io.FooException: quota of 50 GB exceeded",
        "Upload of part 9 aborted (session kept). timed out after 30 s",
        "Upload of part 4 aborted (session kept). checksum 77 did not match",
    ]
    templates = mine_all(miners, messages)
    assert templates == ["Upload of part <*> aborted (session kept). <*>"] * 5
    # A full stop inside a name, a path or a number ends no sentence.
    messages = [
        "loaded plugin org.acme. ready in 4 ms",
        "loaded plugin org.acme. ready in 4 ms with 2 warnings",
        "loaded plugin org.acme. ready in 4 ms, cache 9 MB",
    ]
    assert len(set(mine_all(miners, messages, service="names"))) == 3


def test_tails_that_begin_alike_after_a_sentence_belong_to_the_longer_head(
    miners: ServiceMiners,
) -> None:
    # The same errors after two callers: values that recur. They follow "error:", not the
    # sentence before it, which every message goes on from alike.
    messages = [
        "pump alpha saw a short read. dropping link. error: deadline exceeded",
        "pump gamma saw a short read. dropping link. error: deadline exceeded",
        "pump alpha saw a short read. dropping link. error: broken pipe",
        "pump gamma saw a short read. dropping link. error: broken pipe",
    ]
    templates = mine_all(miners, messages)
    assert set(templates) <= {
        "pump alpha saw a short read. dropping link. error: <*>",
        "pump gamma saw a short read. dropping link. error: <*>",
        "pump <*> saw a short read. dropping link. error: <*>",
    }
