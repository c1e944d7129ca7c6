"""Offline commands (no Kafka, PostgreSQL or RabbitMQ): ``analyze`` and ``simulate``.

``main(argv)`` dispatches on the first argument; ``analyze_main`` and ``simulate_main`` are the
single commands, for wiring into ``python -m pipeline analyze|simulate``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.events import WindowReport
from pipeline.analysis.records import LogRecord, RecordRejected, parse_record
from pipeline.analysis.simulate import SimConfig, write_simulation


@dataclass(slots=True)
class AnalyzeResult:
    lines: int = 0
    records: int = 0
    invalid: int = 0
    late: int = 0
    anomalies: int = 0
    seconds: float = 0.0
    rejections: dict[str, int] = field(default_factory=dict)
    summaries: list[dict[str, Any]] = field(default_factory=list)

    @property
    def lines_per_second(self) -> float:
        return self.lines / self.seconds if self.seconds > 0 else 0.0


def read_records(lines: Iterable[bytes], result: AnalyzeResult) -> list[LogRecord]:
    """Parse JSON lines, counting (never raising on) invalid ones; sorted by event time."""
    records: list[LogRecord] = []
    append = records.append
    loads = orjson.loads
    for line in lines:
        result.lines += 1
        if not line.strip():
            result.lines -= 1
            continue
        try:
            append(parse_record(loads(line)))
        except RecordRejected as exc:
            _reject(result, exc.field)
        except orjson.JSONDecodeError:
            _reject(result, "json")
    # Input is expected in timestamp order; sorting an already-sorted list is linear, and a
    # stable sort keeps the file order of equal timestamps.
    records.sort(key=lambda r: r.timestamp)
    return records


def _reject(result: AnalyzeResult, reason: str) -> None:
    result.invalid += 1
    result.rejections[reason] = result.rejections.get(reason, 0) + 1


def analyze(
    lines: Iterable[bytes],
    out: IO[bytes],
    config: AnalysisConfig,
    progress: bool = False,
) -> AnalyzeResult:
    """Run the core in event time over JSON lines; write one JSON object per anomaly."""
    from pipeline.templates import MinerConfig, ServiceMiners

    result = AnalyzeResult()
    started = time.perf_counter()
    records = read_records(lines, result)
    result.records = len(records)
    miners = ServiceMiners(MinerConfig())
    engine = AnalysisEngine(config)
    mine = miners.mine
    observe = engine.observe_fields
    iterator: Iterator[LogRecord] = iter(records)
    if progress:
        from tqdm import tqdm

        iterator = iter(tqdm(records, unit="rec", file=sys.stderr, mininterval=0.5))
    for record in iterator:
        match = mine(record.service_name, record.message)
        observed = observe(record.service_name, record.timestamp, record.level_code,
                           record.message, match.template_id, match.template, match.previous_id)
        if observed.reports:
            result.anomalies += _write(out, observed.reports)
    result.anomalies += _write(out, engine.flush())
    result.late = engine.late
    result.summaries = engine.summaries()
    result.seconds = time.perf_counter() - started
    return result


def _write(out: IO[bytes], reports: Iterable[WindowReport]) -> int:
    written = 0
    for report in reports:
        for anomaly in report.anomalies:
            out.write(orjson.dumps(anomaly.to_dict()) + b"\n")
            written += 1
    return written


def format_table(summaries: list[dict[str, Any]]) -> str:
    header = f"{'service':<24} {'logs':>9} {'error %':>8} {'anomalies':>9}  top error"
    rows = [header, "-" * len(header)]
    for s in sorted(summaries, key=lambda s: str(s["service"])):
        top = s["common_errors"][0] if s["common_errors"] else "-"
        rows.append(f"{s['service'][:24]:<24} {s['total_logs']:>9} {s['error_rate']:>8.2f} "
                    f"{s['anomalies_detected']:>9}  {top[:60]}")
    return "\n".join(rows)


def analyze_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="analyze", description=__doc__)
    parser.add_argument("--input", required=True, type=Path, help="JSON lines of log records")
    parser.add_argument("--output", required=True, type=Path, help="anomalies, JSON lines")
    parser.add_argument("--window", type=int, default=60, help="window length in seconds")
    parser.add_argument("--threshold", type=float, default=None, help="combined-score threshold")
    parser.add_argument("--summary", type=Path, default=None, help="write summaries as JSON")
    args = parser.parse_args(argv)
    try:
        config = AnalysisConfig(window_seconds=args.window)
        if args.threshold is not None:
            config = AnalysisConfig(window_seconds=args.window, threshold=args.threshold)
    except ValueError as exc:
        parser.error(str(exc))
    if not args.input.is_file():
        print(f"analyze: no such file: {args.input}", file=sys.stderr)
        return 2
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.input.open("rb") as source, args.output.open("wb") as out:
        result = analyze(source, out, config, progress=sys.stderr.isatty())
    print(format_table(result.summaries))
    print(f"\n{result.lines} lines, {result.records} records, {result.invalid} invalid, "
          f"{result.late} late, {result.anomalies} anomalous windows; "
          f"{result.lines_per_second:,.0f} lines/s")
    if result.rejections:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(result.rejections.items()))
        print(f"invalid lines by field: {reasons}")
    if args.summary is not None:
        args.summary.write_bytes(orjson.dumps(result.summaries, option=orjson.OPT_INDENT_2))
    return 0


def simulate_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="simulate",
                                     description="Write simulated logs with labelled incidents.")
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hours", type=float, default=6.0)
    parser.add_argument("--variant", choices=("standard", "holdout"), default="standard")
    parser.add_argument("--rate-scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.hours <= 1.5:
        parser.error("--hours must exceed 1.5 (one hour of warm-up comes first)")
    paths = write_simulation(args.out, SimConfig(seed=args.seed, hours=args.hours,
                                                 variant=args.variant,
                                                 rate_scale=args.rate_scale))
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"analyze": analyze_main, "simulate": simulate_main}
    if not argv or argv[0] not in commands:
        print("usage: analyze|simulate [options]", file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
