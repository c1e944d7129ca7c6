"""Twenty-sixth round: an exception printed inside a message, its class (a package path in
lower case and a class name ending in Exception or Error: ``com.example.io.FetchException``)
and its message, is one value: what went wrong, never the event's words. The message runs to
the end, the next ``key=`` field, or a token closed by ``,``, ``.`` or ``;`` (the event's own
words follow); an exception opening the message is left alone (errtexts.join_exceptions).
A method named as Java code names it, ``Class.method`` without brackets, names its event as a
call written whole does (``<== Store.open Error: <*>`` / ``<== Cache.flush() Error: <*>``) where
no word comes before it (miner._other_call).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.errtexts import join_exceptions, split_exception
from pipeline.templates.miner import _other_call
from tests.unit.templates.conftest import mine_all


def test_an_exception_runs_to_the_end() -> None:
    raw = [
        "upload",
        "of",
        "part",
        "3",
        "failed:",
        "com.example.io.FetchException:",
        "peer",
        "went",
        "away:",
        "/10.0.0.7",
    ]
    found = join_exceptions(raw, set(), set())
    assert found is not None
    joined, _, _, positions = found
    assert joined[-1] == "com.example.io.FetchException: peer went away: /10.0.0.7"
    assert positions == {len(joined) - 1}


def test_punctuation_or_a_field_ends_the_message() -> None:
    raw = ["copy", "failed:", "org.acme.StoreError:", "disk", "gone,", "will", "retry", "in", "5s"]
    found = join_exceptions(raw, set(), set())
    assert found is not None
    assert found[0] == [
        "copy",
        "failed:",
        "org.acme.StoreError: disk gone,",
        "will",
        "retry",
        "in",
        "5s",
    ]
    assert split_exception(found[0][2]) == ("", "org.acme.StoreError: disk gone", ",")
    raw = ["call", "done", "cause=org.acme.StoreError:", "disk", "gone", "trace=abc"]
    found = join_exceptions(raw, set(), set())
    assert found is not None
    assert found[0][2:] == ["cause=org.acme.StoreError: disk gone", "trace=abc"]
    assert split_exception(found[0][2])[0] == "cause="


def test_an_exception_opening_the_message_or_a_plain_word_is_left() -> None:
    assert join_exceptions(["org.acme.StoreError:", "disk", "gone"], set(), set()) is None
    assert join_exceptions(["saw", "an", "Error:", "disk", "gone"], set(), set()) is None
    assert join_exceptions(["class", "LoadError", "not", "found"], set(), set()) is None


def test_exceptions_of_any_length_are_one_event(miners: ServiceMiners) -> None:
    messages = [
        "Refreshing catalog 4 failed: org.acme.catalog.StaleIndexException: index 9 is stale",
        "Refreshing catalog 5 failed: java.util.concurrent.TimeoutException",
        "Refreshing catalog 6 failed: com.example.net.PeerError: reset by peer: /10.1.2.3:99",
        "Refreshing catalog 7 failed: org.acme.catalog.StaleIndexException: index 2 is stale",
    ]
    assert set(mine_all(miners, messages)) == {"Refreshing catalog <*> failed: <*>"}


def test_the_words_after_an_exception_stay(miners: ServiceMiners) -> None:
    messages = [
        "Job 12 crashed: com.example.run.WorkerException: lost lease, retrying (1 of 3)",
        "Job 13 crashed: java.lang.IllegalStateException: closed, retrying (2 of 3)",
    ]
    assert set(mine_all(miners, messages)) == {"Job <*> crashed: <*>, retrying (<*> of <*>)"}


def test_the_type_naming_a_trace_stays(miners: ServiceMiners) -> None:
    # multiline.py appends the type of a trace's exception: it names the event, not a value.
    traces = [
        f"Sync {i} failed: org.acme.SyncException: gone {i}\n\tat a.B.c(B.java:{i})"
        f"\nCaused by: org.acme.DiskError: full"
        for i in range(1, 4)
    ]
    assert set(mine_all(miners, traces)) == {"Sync <*> failed: <*> org.acme.DiskError"}


def test_a_method_named_whole_is_a_call() -> None:
    assert _other_call("BlobStore.openChannel", "QueueCache.flush()")
    assert _other_call("BlobStore.openChannel:", "QueueCache.flushAll")
    assert not _other_call("BlobStore.openChannel", "BlobStore.openChannel(x)")
    assert not _other_call("nova.service", "QueueCache.flush()")  # a module's path: a value
    assert not _other_call("Node1.start", "Node2.start")


def test_methods_named_whole_are_events(miners: ServiceMiners) -> None:
    messages = [
        "<== BlobStore.openChannel Error: user4/repo6",
        "<== QueueCache.flush() Error: user3/repo1",
        "<== BlobStore.openChannel Error: user7/repo2",
        "<== QueueCache.flush() Error: user8/repo4",
        "<== PlanIndex.rebuild Error: user1/repo5",
    ]
    assert set(mine_all(miners, messages)) == {
        "<== BlobStore.openChannel Error: <*>",
        "<== QueueCache.flush() Error: <*>",
        "<== PlanIndex.rebuild Error: <*>",
    }
