"""Twenty-fourth round: a call written whole, a code name glued to its brackets, names its
event where no word comes before it (``==> RangerMDCFilter.doFilter()`` / ``<==
getAllRoles()``, Java's entry and exit traces) or where it has no arguments (``recv() failed``
/ ``getsockname() failed``); a module's dotted path in lower case (``Exit nova.service()``)
and names differing only in digits stay values (miner._other_call, miner._bare_call). One
Capitalised state in brackets of its own inside the message (``committer [Ready] finished``)
needs no more distinct values than another word (miner._BRACKETED_STATE).
"""

from __future__ import annotations

from pipeline.templates import ServiceMiners
from pipeline.templates.miner import _bare_call, _other_call
from tests.unit.templates.conftest import mine_all


def test_calls_of_two_names_differ() -> None:
    assert _other_call("RangerMDCFilter.doFilter()", "getAllRoles()")
    assert _other_call("GdsREST.addDatasetInProject(replica)", "toRetrieverOptions(primary)")
    assert _other_call("RangerActionMatcher.isMatched(udp):", "getRole(name=a):")


def test_one_call_or_numbered_names_do_not() -> None:
    assert not _other_call("isMatched(udp)", "isMatched(tcp)")
    assert not _other_call("node1(a)", "node2(b)")
    assert not _other_call("OFFLINE(inactive) ticket", "ONLINE(inactive) ticket")
    assert not _other_call("worker-1(a)", "backend-2(b)")


def test_bare_calls() -> None:
    assert _bare_call("recv()", "getsockname()")
    assert not _bare_call("nova.service()", "cinder.volume()")
    assert not _bare_call("recv(3)", "getsockname()")


def test_entry_traces_of_methods_are_events(miners: ServiceMiners) -> None:
    messages = [
        "==> GdsREST.addDatasetInProject(replica)",
        "==> RangerAbstractGeolocationProvider.enrich(local)",
        "==> toRetrieverOptions(primary)",
        "==> toRetrieverOptions(secondary)",
        "<== getAllRoles()",
        "<== RangerMDCFilter.doFilter()",
    ]
    templates = mine_all(miners, messages)
    assert templates[0] == "==> GdsREST.addDatasetInProject(replica)"
    assert templates[1] == "==> RangerAbstractGeolocationProvider.enrich(local)"
    assert templates[4] == "<== getAllRoles()"
    assert templates[5] == "<== RangerMDCFilter.doFilter()"
    assert len(set(templates)) >= 5


def test_bare_calls_after_words_are_events(miners: ServiceMiners) -> None:
    messages = [
        f"Error invoking master coprocessor {name}()"
        for name in ("preMasterStoreFlush", "postMasterStoreFlush", "preMasterStoreFlush")
    ]
    templates = mine_all(miners, messages)
    assert set(templates) == {
        "Error invoking master coprocessor preMasterStoreFlush()",
        "Error invoking master coprocessor postMasterStoreFlush()",
    }


def test_module_paths_and_called_values_after_words_stay_values(miners: ServiceMiners) -> None:
    messages = [f"Exit {name}()" for name in ("nova.service", "cinder.volume", "glance.api")]
    templates = mine_all(miners, messages)
    assert len(set(templates)) == 1
    assert "nova" not in templates[0]


def test_a_state_in_brackets_is_a_value(miners: ServiceMiners) -> None:
    states = ("Unknown", "Succeeded", "Waiting", "Unknown")
    messages = [
        f"Roll Key failed with status [{state}], error response: [boom]" for state in states
    ]
    templates = mine_all(miners, messages)
    assert set(templates[1:]) == {"Roll Key failed with status [<*>], error response: [boom]"}


def test_a_state_without_brackets_still_needs_more_values(miners: ServiceMiners) -> None:
    states = ("Unknown", "Succeeded", "Waiting", "Unknown")
    # A short message: amid five words alike or more a state is a value after three (round 45).
    # (``phase``, not ``status`` as before round 73: the word after ``status`` is its value.)
    messages = [f"Key phase {state} after call" for state in states]
    templates = mine_all(miners, messages)
    assert "Key phase Succeeded after call" in templates
