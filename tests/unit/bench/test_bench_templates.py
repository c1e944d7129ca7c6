"""The template benchmark corrects every miner's templates on Loghub, and nothing else."""

from __future__ import annotations

from tests.bench.bench_templates import loghub_corrected


def test_loghub_correction_applies_to_parser_output() -> None:
    parsed = ['<Trace Type="<*>" />', "value was null", "socket(2) failed", "took <*> ms"]
    assert loghub_corrected(parsed) == [
        '<Trace Type="<*>" <*>',
        "value was <*>",
        "socket(<*>) failed",
        "took <*> ms",
    ]
