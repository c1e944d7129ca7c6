"""The simulator's variants make the traffic shapes they promise, with truth that matches."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from typing import Any

import pytest

from pipeline.analysis.records import parse_record
from pipeline.offline.simulator import START, VARIANTS, SimConfig, simulate


def per_minute(records: Any) -> dict[str, Counter[int]]:
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    for obj in records:
        rec = parse_record(obj)
        counts[rec.service_name][int((rec.timestamp - START) // 60)] += 1
    return counts


def test_an_unknown_variant_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown variant"):
        SimConfig(variant="sinus")


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v != "daily"])
def test_every_variant_is_deterministic_for_a_seed(variant: str) -> None:
    def run() -> list[dict[str, Any]]:
        records, _, _ = simulate(SimConfig(seed=5, hours=1.6, variant=variant, rate_scale=0.2))
        return list(records)

    assert run() == run()


def test_cycles_move_every_service_about_thirty_percent_over_hours() -> None:
    records, truths, benign = simulate(SimConfig(seed=3, hours=6, variant="cycles"))
    ramped = {e.service for e in benign if e.kind == "ramp"}
    for service, counts in per_minute(records).items():
        if service in ramped:
            continue
        incidents = [
            (int((t.start - START) // 60), int((t.end - START) // 60))
            for t in truths
            if t.service == service
        ]
        # Thirty-minute means without incidents smooth the noise out; a cycle of 1.5-3 h
        # swings them by about +-30%.
        means = [
            statistics.fmean(counts[m] for m in range(s, s + 30))
            for s in range(0, 360, 30)
            if all(s + 30 <= a or s >= b for a, b in incidents)
        ]
        swing = max(means) / min(means)
        assert 1.45 < swing < 2.2, (service, means)


def test_after_each_new_normal_incident_the_level_settles_elsewhere() -> None:
    records, truths, benign = simulate(SimConfig(seed=4, hours=6, variant="new_normal"))
    counts = per_minute(records)
    settled = {(e.service, e.start) for e in benign if e.kind == "new_level"}
    assert len(settled) == len(truths)
    for truth in truths:
        assert (truth.service, truth.end) in settled
        end = int((truth.end - START) // 60)
        start = int((truth.start - START) // 60)
        before = statistics.median(counts[truth.service][m] for m in range(start - 15, start))
        after = statistics.median(counts[truth.service][m] for m in range(end + 1, end + 16))
        assert not 0.88 < after / before < 1.12, truth


def test_the_subtle_variant_has_only_faint_new_errors_and_mix_shifts() -> None:
    records, truths, _ = simulate(SimConfig(seed=2, hours=6, variant="subtle"))
    assert Counter(t.kind for t in truths) == {"new_error_pattern": 3, "pattern_shift": 3}
    assert all(t.subtle and t.end - t.start == 600 for t in truths)
    levels: Counter[str] = Counter()
    for obj in records:
        rec = parse_record(obj)
        for truth in truths:
            if (
                truth.kind == "new_error_pattern"
                and rec.service_name == truth.service
                and truth.start <= rec.timestamp < truth.end
            ):
                levels["error" if rec.level_code >= 3 else "other"] += 1
    # Ordinary errors (~1%) plus the new one at ~1% of the service's lines.
    assert 0.01 < levels["error"] / sum(levels.values()) < 0.04


def test_daily_traffic_has_quiet_nights_lower_weekends_and_a_series_that_ends() -> None:
    config = SimConfig(seed=1, hours=72, variant="daily", rate_scale=0.3)
    records, truths, benign = simulate(config)
    counts = per_minute(records)
    (ended,) = [e for e in benign if e.kind == "data_end"]
    last = int((ended.start - START) // 60)
    assert sum(counts[ended.service][m] for m in range(last, 72 * 60)) == 0
    assert sum(counts[ended.service][m] for m in range(last - 120, last)) > 0
    for service, by_minute in counts.items():
        # 2026-01-01 is a Thursday: days 0-1 are weekdays, day 2 a Saturday.
        def hours(day: int, first: int, last: int, by_minute: Counter[int] = by_minute) -> float:
            minutes = range(day * 1440 + first * 60, day * 1440 + last * 60)
            return statistics.fmean(by_minute[m] for m in minutes)

        assert hours(1, 1, 5) < 0.5 * hours(1, 12, 18), service
        if service != ended.service:
            assert hours(2, 12, 18) < 0.95 * hours(1, 12, 18), service
    for truth in truths:
        # Incidents come by day, after a first day of history.
        minute = int((truth.start - START) // 60)
        assert minute >= 1440 and 9 * 60 <= minute % 1440 <= 17 * 60, truth


def test_the_held_out_generator_rewords_the_templates_of_any_variant() -> None:
    def words(heldout: bool) -> set[str]:
        records, _, _ = simulate(
            SimConfig(seed=1, hours=1.6, variant="cycles", heldout=heldout, rate_scale=0.2)
        )
        return {w for obj in records for w in str(parse_record(obj).message).split()}

    assert "Account" in words(True) and "Account" not in words(False)
