"""The NAB replay benchmark on a small made-up series in NAB's layout: labels become step
ranges, a labelled spike is found, an unlabelled one is one false-alarm episode."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.analysis.config import AnalysisConfig
from tests.bench.bench_anomaly import detect
from tests.bench.bench_nab import WINDOW, Tally, load_series, replay, score

NAME = "realTweets/Twitter_volume_TEST.csv"


STAMPS = [f"2015-03-01 {h:02d}:{m:02d}:00" for h in range(24) for m in range(0, 60, 5)]


def nab_dir(
    tmp_path: Path,
    windows_at: tuple[tuple[int, int], ...] = ((245, 255),),
    points_at: tuple[int, ...] = (250,),
) -> Path:
    stamps = STAMPS
    counts = [20 + (i % 3) for i in range(len(stamps))]
    counts[100] = 400  # not labelled
    counts[250] = 400  # labelled
    (tmp_path / "data" / "realTweets").mkdir(parents=True)
    rows = ["timestamp,value", *(f"{s},{c}" for s, c in zip(stamps, counts, strict=True))]
    (tmp_path / "data" / NAME).write_text("\n".join(rows) + "\n")
    (tmp_path / "labels").mkdir()
    windows = {NAME: [[f"{stamps[lo]}.000000", f"{stamps[hi]}.000000"] for lo, hi in windows_at]}
    labels = {NAME: [f"{stamps[point]}.000000" for point in points_at]}
    (tmp_path / "labels" / "combined_windows.json").write_text(json.dumps(windows))
    (tmp_path / "labels" / "combined_labels.json").write_text(json.dumps(labels))
    return tmp_path


def test_a_labelled_spike_is_found_and_an_unlabelled_one_is_one_episode(tmp_path: Path) -> None:
    series = load_series(nab_dir(tmp_path), NAME, 1)
    assert series.windows == [(245, 255)] and series.points == [250]
    records = replay([series])
    assert len(records) == sum(series.counts)
    tally = Tally()
    score(list(detect(records, AnalysisConfig(window_seconds=WINDOW))), [series], tally, False, "t")
    assert (tally.found, tally.labelled) == (1, 1)
    assert tally.delays == [0]
    assert tally.episodes == 1
    assert tally.windows == len(series.counts)


def test_each_window_is_measured_from_its_own_first_point(tmp_path: Path) -> None:
    # NAB merges the windows of points close together: the first window holds two points, so
    # pairing windows and points in order would give the second window the first's second.
    root = nab_dir(tmp_path, ((20, 60), (200, 260)), (50, 30, 240))
    series = load_series(root, NAME, 1)
    assert series.windows == [(20, 60), (200, 260)]
    assert series.points == [30, 240]
    tally = Tally()
    score(
        list(detect(replay([series]), AnalysisConfig(window_seconds=WINDOW))),
        [series],
        tally,
        False,
        "t",
    )
    assert tally.delays == [250 - 240]
