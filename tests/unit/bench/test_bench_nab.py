"""The NAB replay benchmark on a small made-up series in NAB's layout: labels become step
ranges, a labelled spike is found, an unlabelled one is one false-alarm episode."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.analysis.config import AnalysisConfig
from tests.bench.bench_anomaly import detect
from tests.bench.bench_nab import WINDOW, Tally, load_series, replay, score

NAME = "realTweets/Twitter_volume_TEST.csv"


def nab_dir(tmp_path: Path) -> Path:
    stamps = [f"2015-03-01 {h:02d}:{m:02d}:00" for h in range(24) for m in range(0, 60, 5)]
    counts = [20 + (i % 3) for i in range(len(stamps))]
    counts[100] = 400  # not labelled
    counts[250] = 400  # labelled
    (tmp_path / "data" / "realTweets").mkdir(parents=True)
    rows = ["timestamp,value", *(f"{s},{c}" for s, c in zip(stamps, counts, strict=True))]
    (tmp_path / "data" / NAME).write_text("\n".join(rows) + "\n")
    (tmp_path / "labels").mkdir()
    windows = {NAME: [[f"{stamps[245]}.000000", f"{stamps[255]}.000000"]]}
    labels = {NAME: [stamps[250]]}
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
