"""Our detector on real, human-labelled volume series: the Numenta Anomaly Benchmark (NAB).

Each series (Twitter mentions per 5 minutes, New York taxi rides per 30 minutes, requests to an
AWS load balancer per 5 minutes) is replayed as the logs of one service, one window per step:
step i of a series becomes window i, holding that many lines (taxi rides divided by 100, so a
window holds about 170 lines, not 17,000). The lines are a fixed mix of INFO templates with
numbers in them and a small WARNING and ERROR share drawn at random, so only the volume carries
the series' story. Every series of a split runs in one engine, as the services of one worker;
a series that ends before the others goes silent, and what is flagged after its end is listed
apart (a silent service is alerted; that is not a false alarm about the series).

NAB labels each anomaly with a window around it (about a tenth of a series' length over all its
anomalies). A flag inside a labelled window, or up to two windows after it, is true; every other
flag is false. Reported: precision by flagged window, labelled windows found, false-alarm
episodes per 1,000 service-windows (false flags of a service at most three windows apart are one
episode), and the median steps from a labelled anomaly (NAB's point label) to the first flag of
its window (negative: flagged before the labelled point). Beside ours: the plain rule detector
of the simulator benchmark.

The data is not in this repository: clone https://github.com/numenta/NAB (MIT) and pass its
directory with ``--nab`` (or set ``NAB_DIR``).

Run: .venv/bin/python tests/bench/bench_nab.py --nab ~/NAB [--split S] [--verbose] [--set F=V]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pickle
import statistics
import sys
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

# Run as a script: the repository's `tests` package must be importable.
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.analysis.config import AnalysisConfig  # noqa: E402
from pipeline.analysis.records import LogRecord, parse_record  # noqa: E402
from pipeline.offline.anomaly_evaluation import Flag  # noqa: E402
from tests.bench.bench_anomaly import (  # noqa: E402
    configured,
    detect,
    detect_plain,
    episodes,
)

WINDOW = 60
START = datetime(2026, 1, 5, tzinfo=UTC).timestamp()

# Series -> (split, divisor). The tuning series were looked at flag by flag while the
# detectors were changed; of the held-out ones only the summary rows were read.
SERIES: dict[str, tuple[str, int]] = {
    "realKnownCause/nyc_taxi.csv": ("tuning", 100),
    "realTweets/Twitter_volume_AAPL.csv": ("tuning", 1),
    "realTweets/Twitter_volume_AMZN.csv": ("tuning", 1),
    "realTweets/Twitter_volume_CRM.csv": ("tuning", 1),
    "realTweets/Twitter_volume_CVS.csv": ("tuning", 1),
    "realTweets/Twitter_volume_FB.csv": ("tuning", 1),
    "realAWSCloudwatch/elb_request_count_8c0756.csv": ("held-out", 1),
    "realTweets/Twitter_volume_GOOG.csv": ("held-out", 1),
    "realTweets/Twitter_volume_IBM.csv": ("held-out", 1),
    "realTweets/Twitter_volume_KO.csv": ("held-out", 1),
    "realTweets/Twitter_volume_PFE.csv": ("held-out", 1),
    "realTweets/Twitter_volume_UPS.csv": ("held-out", 1),
}

# (level, message with {n} for a number, weight): the same mix for every series.
TEMPLATES = (
    ("INFO", "request {n} served in {n} ms", 40.0),
    ("INFO", "user {n} signed in from 10.0.{n}.{n}", 20.0),
    ("INFO", "cache refreshed with {n} entries", 15.0),
    ("DEBUG", "poll loop tick {n}", 12.0),
    ("INFO", "order {n} accepted", 10.0),
    ("WARNING", "slow response from upstream {n} after {n} ms", 2.0),
    ("ERROR", "payment {n} failed: upstream returned 503", 1.0),
)


@dataclass(slots=True)
class Series:
    name: str
    counts: list[int]
    # Labelled windows as step ranges (inclusive), and the labelled point's step in each: its
    # first, where NAB merged the windows of points close together into one.
    windows: list[tuple[int, int]]
    points: list[int]


@dataclass(slots=True)
class Tally:
    flags: int = 0
    true_flags: int = 0
    found: int = 0
    labelled: int = 0
    windows: int = 0
    episodes: int = 0
    after_end: int = 0
    delays: list[int] = field(default_factory=list)

    def row(self, split: str, name: str) -> str:
        precision = self.true_flags / self.flags if self.flags else 1.0
        recall = self.found / self.labelled if self.labelled else 1.0
        delay = statistics.median(self.delays) if self.delays else float("nan")
        per_1000 = 1000.0 * self.episodes / self.windows if self.windows else 0.0
        return (
            f"{split:<9} {name:<6} {precision:>6.3f} {recall:>6.3f} "
            f"{self.found:>3}/{self.labelled:<3} {delay:>6.1f} {self.flags:>6} "
            f"{per_1000:>6.2f} {self.after_end:>9}"
        )


def _step_of(stamps: list[str], moment: str) -> int:
    """The first step at or after a labelled time."""
    for step, stamp in enumerate(stamps):
        if stamp >= moment:
            return step
    return len(stamps) - 1


def load_series(root: Path, name: str, divisor: int) -> Series:
    with (root / "data" / name).open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    stamps = [row["timestamp"] for row in rows]
    counts = [round(float(row["value"]) / divisor) for row in rows]
    windows_json = json.loads((root / "labels" / "combined_windows.json").read_text())
    points_json = json.loads((root / "labels" / "combined_labels.json").read_text())
    windows = []
    for start, end in windows_json[name]:
        windows.append((_step_of(stamps, start[:19]), _step_of(stamps, end[:19])))
    labelled = sorted(_step_of(stamps, point[:19]) for point in points_json[name])
    # Not paired in order: a window holding two points would give every later window the
    # point before its own, and a delay of thousands of steps.
    points = [
        min((point for point in labelled if lo <= point <= hi), default=(lo + hi) // 2)
        for lo, hi in windows
    ]
    return Series(name.split("/")[-1].removesuffix(".csv"), counts, windows, points)


def replay(series: list[Series]) -> list[LogRecord]:
    """Every series as one service's lines, one window per step, in time order."""
    weights = np.array([w for _, _, w in TEMPLATES])
    weights /= weights.sum()
    records: list[tuple[float, LogRecord]] = []
    for s in series:
        rng = np.random.default_rng(zlib.crc32(s.name.encode()))
        for step, count in enumerate(s.counts):
            if count <= 0:
                continue
            picks = rng.choice(len(TEMPLATES), size=count, p=weights)
            offsets = np.sort(rng.uniform(0.0, WINDOW, size=count))
            numbers = rng.integers(1, 100_000, size=(count, 3))
            base = START + step * WINDOW
            for pick, offset, n in zip(picks, offsets, numbers, strict=True):
                level, text, _ = TEMPLATES[pick]
                message = text.replace("{n}", str(n[0]), 1).replace("{n}", str(n[1]), 1)
                message = message.replace("{n}", str(n[2]))
                ts = base + float(offset)
                obj = {"timestamp": ts, "service": s.name, "level": level, "message": message}
                records.append((ts, parse_record(obj, received_at=ts)))
    records.sort(key=lambda item: item[0])
    return [r for _, r in records]


def score(flags: list[Flag], series: list[Series], tally: Tally, verbose: bool, who: str) -> None:
    def step_of(flag: Flag) -> int:
        return int((flag.start - START) // WINDOW)

    by_service: dict[str, set[int]] = defaultdict(set)
    for flag in flags:
        by_service[flag.service].add(step_of(flag))
    for s in series:
        steps = sorted(by_service.get(s.name, set()))
        end = len(s.counts)
        tally.windows += end
        tally.labelled += len(s.windows)
        false_steps = set()
        for step in steps:
            if step >= end:
                tally.after_end += 1
                continue
            tally.flags += 1
            if any(lo <= step <= hi + 2 for lo, hi in s.windows):
                tally.true_flags += 1
            else:
                false_steps.add(step)
        for (lo, hi), point in zip(s.windows, s.points, strict=True):
            inside = [step for step in steps if lo <= step <= hi]
            if inside:
                tally.found += 1
                tally.delays.append(inside[0] - point)
            elif verbose:
                print(f"  [{who}] {s.name}: missed the window {lo}-{hi} (point {point})")
        false_flags = [f for f in flags if f.service == s.name and step_of(f) in false_steps]
        tally.episodes += episodes(false_flags, WINDOW)
        if verbose:
            for f in sorted(false_flags, key=step_of):
                print(f"  [{who}] {s.name}: false flag at step {step_of(f)} ({f.kind})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nab", type=Path, default=os.environ.get("NAB_DIR"))
    parser.add_argument("--split", choices=("tuning", "held-out", "both"), default="both")
    parser.add_argument("--verbose", action="store_true", help="list false alarms and misses")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain rules")
    parser.add_argument("--cache", type=Path, default=None, help="keep replayed records here")
    parser.add_argument(
        "--set", action="append", default=[], metavar="FIELD=VALUE", help="an AnalysisConfig field"
    )
    args = parser.parse_args(argv)
    if args.nab is None or not (args.nab / "labels" / "combined_windows.json").exists():
        parser.error("--nab DIR (or NAB_DIR): a clone of https://github.com/numenta/NAB")
    started = time.perf_counter()
    config = configured(parser, args.set, AnalysisConfig(window_seconds=WINDOW))
    splits = ("tuning", "held-out") if args.split == "both" else (args.split,)
    print(
        f"{'split':<9} {'who':<6} {'prec':>6} {'recall':>6} {'found':>7} {'delay':>6} "
        f"{'flags':>6} {'ep/1k':>6} {'after end':>9}"
    )
    for split in splits:
        series = [load_series(args.nab, name, d) for name, (s, d) in SERIES.items() if s == split]
        cached = None if args.cache is None else args.cache / f"nab-{split}.pkl"
        if cached is not None and cached.exists():
            records = pickle.loads(cached.read_bytes())
        else:
            records = replay(series)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_bytes(pickle.dumps(records))
        ours, plain = Tally(), Tally()
        score(list(detect(records, config)), series, ours, args.verbose, "ours")
        print(ours.row(split, "ours"), flush=True)
        if not args.no_plain:
            score(detect_plain(records, WINDOW), series, plain, False, "plain")
            print(plain.row(split, "plain"), flush=True)
        print(f"  ({len(series)} series, {len(records):,} lines)")
    print(
        "prec: flagged windows inside a labelled window (2 windows' grace); recall: labelled "
        "windows with a flag; delay: median steps\nfrom the labelled point to the first flag in "
        "its window; ep/1k: false-alarm episodes per 1,000 windows; after end: flags\nafter a "
        "series ended (its service went silent). Tuning series were looked at while tuning; "
        "held-out ones were not."
    )
    print(f"benchmark took {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
