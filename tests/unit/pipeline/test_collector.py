from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from pipeline import __main__ as entry
from pipeline.collector import THRESHOLDS, collect_less, fewer_collections


@pytest.fixture(autouse=True)
def _restore_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_the_young_generation_waits_for_a_hundred_thousand_allocations() -> None:
    gc.set_threshold(700, 10, 10)
    collect_less()
    assert gc.get_threshold() == THRESHOLDS == (100_000, 50, 100)


def test_a_block_with_fewer_collections_puts_the_thresholds_back() -> None:
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)


def test_a_block_puts_them_back_when_it_raises() -> None:
    gc.set_threshold(700, 10, 10)
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == (700, 10, 10)


def test_every_command_runs_with_the_thresholds_even_one_that_fails_its_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gc.set_threshold(700, 10, 10)
    monkeypatch.setenv("LOG_ANALYSIS_ENV", "production")
    monkeypatch.delenv("JWT_SECRET", raising=False)
    monkeypatch.setenv("ANOMALY_THRESHOLD", "not a number")
    with pytest.raises(SystemExit) as exited:
        entry.main()
    assert exited.value.code == 2
    assert gc.get_threshold() == THRESHOLDS


def test_garbage_in_a_cycle_still_goes_once_the_young_generation_fills() -> None:
    class Node:
        other: object

    collect_less()
    gc.collect()
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    keep: list[list[int]] = [[] for _ in range(THRESHOLDS[0] // 2)]
    assert gone() is not None  # not yet: half the threshold
    keep += [[] for _ in range(THRESHOLDS[0])]
    assert gone() is None
