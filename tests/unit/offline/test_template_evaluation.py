from __future__ import annotations

import pytest

from pipeline.offline.template_evaluation import evaluate
from pipeline.templates.rendering import normalise


def test_perfect_parse() -> None:
    truth = ["a <*>", "a <*>", "b"]
    result = evaluate(truth, truth)
    assert (result.ga, result.pa, result.fga, result.fta) == (1.0, 1.0, 1.0, 1.0)


def test_right_groups_wrong_text() -> None:
    truth = ["a <*>", "a <*>", "b"]
    parsed = ["a x", "a x", "b"]
    result = evaluate(truth, parsed)
    assert result.ga == 1.0
    assert result.fga == 1.0
    assert result.pa == pytest.approx(1 / 3)
    # One of two parsed templates is right: precision 1/2, recall 1/2.
    assert result.fta == pytest.approx(0.5)


def test_merged_groups() -> None:
    truth = ["a <*>", "a <*>", "b <*>", "c"]
    parsed = ["<*> <*>", "<*> <*>", "<*> <*>", "c"]
    result = evaluate(truth, parsed)
    assert result.ga == pytest.approx(1 / 4)  # only "c" is grouped right
    # Correct groups 1; parsed groups 2, true groups 3 -> P=1/2, R=1/3.
    assert result.fga == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    assert result.pa == pytest.approx(1 / 4)
    assert result.fta == pytest.approx(result.fga)


def test_split_groups() -> None:
    truth = ["a <*>", "a <*>"]
    parsed = ["a 1", "a 2"]
    result = evaluate(truth, parsed)
    assert result.ga == 0.0
    assert result.fga == 0.0
    assert result.pa == 0.0


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        evaluate(["a"], [])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a  b ", "a b"),
        ("took 42 ms", "took <*> ms"),
        ("read /var/log/x ok", "read <*> ok"),
        ("flag true", "flag <*>"),
        ("id blk_<*> done", "id <*> done"),
        ("<*>.<*>.<*> up", "<*> up"),
        ("<*><*> up", "<*> up"),
        ("<memory:<*>, vCores:<*>>", "<memory:<*>, vCores:<*>"),
        ("node-<*> <*>:<*>", "node-<*> <*>:<*>"),
    ],
)
def test_normalise_follows_loghub(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalised_comparison_is_optional() -> None:
    assert evaluate(["took <*> ms"], ["took 42 ms"], normalised=True).pa == 1.0
    assert evaluate(["took <*> ms"], ["took 42 ms"]).pa == 0.0
