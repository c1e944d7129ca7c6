"""The day arithmetic of the logs table's partitions and retention."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from storage.day_partitions import day_of, partition_name, retention_cutoff

DAY = 86400.0


def epoch(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> float:
    return datetime(year, month, day, hour, minute, tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("ts", "day"),
    [
        (0.0, date(1970, 1, 1)),
        (DAY - 0.001, date(1970, 1, 1)),
        (DAY, date(1970, 1, 2)),
        (-0.5, date(1969, 12, 31)),
        (epoch(2026, 12, 2, 23, 59) + 59, date(2026, 12, 2)),
        (epoch(2028, 2, 29, 12), date(2028, 2, 29)),
    ],
)
def test_day_of_is_the_utc_day(ts: float, day: date) -> None:
    assert day_of(ts) == day


def test_partition_names_sort_like_their_days() -> None:
    days = [date(2026, 12, 2), date(2027, 1, 1), date(2026, 9, 30)]
    assert sorted(map(partition_name, days)) == [partition_name(d) for d in sorted(days)]
    assert partition_name(date(2026, 9, 30)) == "logs_d20260930"


def test_the_cutoff_keeps_whole_days_before_today() -> None:
    now = epoch(2026, 12, 2, 15, 30)
    assert retention_cutoff(now, 30) == epoch(2026, 11, 2)
    assert retention_cutoff(now, 1) == epoch(2026, 12, 1)
    # It moves only at midnight.
    assert retention_cutoff(epoch(2026, 12, 2) + 1, 30) == retention_cutoff(now, 30)
    assert retention_cutoff(epoch(2026, 12, 3), 30) == epoch(2026, 11, 3)
