"""Offline command (no Kafka, PostgreSQL or RabbitMQ): ``analyze``.

Runs the pure cores (template miner, then anomaly engine) in event time over a file of JSON
lines. ``analyze_main(argv)`` is wired into ``python -m pipeline analyze``; ``analyze`` is the
same run over any iterable of lines, for the benchmark and the tests.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.events import WindowReport
from pipeline.analysis.records import LogRecord, RecordRejected, parse_record, service_of
from pipeline.collector import fewer_collections
from pipeline.templates import MinerConfig, ServiceMiners

_MINER_DEFAULTS = MinerConfig()


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
    # (window start, service, JSON line) per anomaly, written sorted at the end.
    anomaly_rows: list[tuple[float, str, bytes]] = field(default_factory=list)

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
            append(parse_record(loads(line), with_event_id=False))
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
    workers: int = 1,
    miner_config: MinerConfig = _MINER_DEFAULTS,
) -> AnalyzeResult:
    """Run the core in event time over JSON lines; write one JSON object per anomaly, ordered
    by window start.

    With ``workers > 1`` the services are split between processes (each with its own miner
    and engine, so the per-service results are the same); the parent only routes lines.
    """
    started = time.perf_counter()
    if workers <= 1:
        result = _analyze_lines(lines, config, miner_config, progress)
    else:
        result = _analyze_parallel(lines, config, miner_config, progress, workers)
    result.anomaly_rows.sort(key=lambda row: (row[0], row[1]))
    for _, _, data in result.anomaly_rows:
        out.write(data)
    result.anomalies = len(result.anomaly_rows)
    result.seconds = time.perf_counter() - started
    return result


# Records per batch at most; a batch also ends where a window does (see time_batches).
BATCH_RECORDS = 4096


def _analyze_lines(
    lines: Iterable[bytes],
    config: AnalysisConfig,
    miner_config: MinerConfig,
    progress: bool,
    until: float | None = None,
) -> AnalyzeResult:
    result = AnalyzeResult()
    with fewer_collections():
        records = read_records(lines, result)
        result.records = len(records)
        rows = result.anomaly_rows
        engine, _ = run_records(
            records,
            config,
            functools.partial(_collect, rows),
            until=until,
            progress=progress,
            miner_config=miner_config,
        )
    result.late = engine.late
    result.summaries = engine.summaries()
    return result


def run_records(
    records: list[LogRecord],
    config: AnalysisConfig,
    on_reports: Callable[[list[WindowReport]], object],
    until: float | None = None,
    progress: bool = False,
    miner_config: MinerConfig = _MINER_DEFAULTS,
) -> tuple[AnalysisEngine, ServiceMiners]:
    """Mine and detect over records in time order, in batches (the cores' batch entry
    points); ``on_reports`` gets the reports of the windows as they close. With ``until``,
    every window up to the one holding that time closes at the end (see ``flush``)."""
    miners = ServiceMiners(miner_config)
    engine = AnalysisEngine(config)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(records), unit="rec", file=sys.stderr, mininterval=0.5)
    for batch in time_batches(records, config.window_seconds, config.allowed_lateness_seconds):
        reports = _analyze_batch(batch, miners, engine)
        if reports:
            on_reports(reports)
        if bar is not None:
            bar.update(len(batch))
    if bar is not None:
        bar.close()
    on_reports(engine.flush(until))
    for service in list(engine.services):
        engine.resolve_templates(service, functools.partial(miners.resolve, service))
    return engine, miners


def time_batches(
    records: list[LogRecord], window_seconds: int, lateness: float
) -> Iterator[list[LogRecord]]:
    """Consecutive records (in time order) at most BATCH_RECORDS at a time, cut where a window
    starts and where time passes a window's close (its end plus the lateness).

    So observing a batch at once changes nothing: the windows the batch's first record closes
    are closed before it (:func:`_analyze_batch`), and no other record of the batch closes one.
    """
    start = 0
    size = len(records)

    def key(ts: float) -> tuple[float, float]:
        return ts // window_seconds, (ts - lateness) // window_seconds

    while start < size:
        end = min(start + BATCH_RECORDS, size)
        first = key(records[start].timestamp)
        if key(records[end - 1].timestamp) != first:
            end = start + 1
            while end < size and key(records[end].timestamp) == first:
                end += 1
        yield records[start:end]
        start = end


def _analyze_batch(
    batch: list[LogRecord], miners: ServiceMiners, engine: AnalysisEngine
) -> list[WindowReport]:
    """Mine and observe one batch, service by service (the batch entry points of both cores)."""
    reports = engine.advance(batch[0].timestamp)
    by_service: dict[str, list[LogRecord]] = {}
    for record in batch:
        group = by_service.get(record.service_name)
        if group is None:
            by_service[record.service_name] = [record]
        else:
            group.append(record)
    for service, group in by_service.items():
        messages = [record.message for record in group]
        assigned = miners.assign(service, messages)
        ids = assigned.template_ids
        if assigned.renamed:
            # As the stream does: the rows carry the ids in use at the end of the batch, and
            # what the engine learned under an old id carries over to the new one first.
            resolve = functools.partial(miners.resolve, service)
            for _, old_id in assigned.renamed:
                engine.rename_template(service, old_id, resolve(old_id))
            ids = [resolve(tid) for tid in ids]
        texts = {tid: miners.template_text(service, tid) or "" for tid in set(ids)}
        engine.observe_batch(
            service,
            [record.timestamp for record in group],
            [record.level_code for record in group],
            messages,
            ids,
            texts,
        )
    reports.extend(engine.advance(batch[-1].timestamp))
    return reports


def _shard(
    args: tuple[list[bytes], AnalysisConfig, MinerConfig, float | None],
) -> AnalyzeResult:
    lines, config, miner_config, until = args
    return _analyze_lines(lines, config, miner_config, False, until)


def _end_time(lines: list[bytes], tail: int = 2000) -> float | None:
    """Newest event time among the last lines (the input is in time order), so that every
    shard closes its windows up to the end of the whole file, not just its own."""
    newest = None
    for line in lines[-tail:]:
        try:
            ts = parse_record(orjson.loads(line), with_event_id=False).timestamp
        except (RecordRejected, orjson.JSONDecodeError):
            continue
        newest = ts if newest is None else max(newest, ts)
    return newest


def _analyze_parallel(
    lines: Iterable[bytes],
    config: AnalysisConfig,
    miner_config: MinerConfig,
    progress: bool,
    workers: int,
) -> AnalyzeResult:
    from concurrent.futures import ProcessPoolExecutor

    source: Iterable[bytes] = lines
    if progress:
        from tqdm import tqdm

        source = tqdm(lines, unit="line", file=sys.stderr, mininterval=0.5, desc="routing")
    loads = orjson.loads
    keyed: list[tuple[str, bytes]] = []
    counts: dict[str, int] = {}
    for line in source:
        try:
            service = service_of(loads(line)) or ""
        except orjson.JSONDecodeError:
            service = ""  # counted as invalid by whichever worker gets it
        keyed.append((service, line))
        counts[service] = counts.get(service, 0) + 1
    # Largest services first onto the least loaded shard (greedy balancing).
    loads_by_shard = [0] * workers
    route: dict[str, int] = {}
    for service, count in sorted(counts.items(), key=lambda item: -item[1]):
        shard = loads_by_shard.index(min(loads_by_shard))
        route[service] = shard
        loads_by_shard[shard] += count
    shards: list[list[bytes]] = [[] for _ in range(workers)]
    for service, line in keyed:
        shards[route[service]].append(line)
    until = _end_time([line for _, line in keyed[-2000:]])
    del keyed
    result = AnalyzeResult()
    busy = [shard for shard in shards if shard]
    # The parent works on the first shard itself while children take the others.
    with ProcessPoolExecutor(max(1, len(busy) - 1)) as pool:
        futures = [pool.submit(_shard, (shard, config, miner_config, until)) for shard in busy[1:]]
        parts = [_analyze_lines(busy[0], config, miner_config, False, until)] if busy else []
        parts += [future.result() for future in futures]
    for part in parts:
        result.lines += part.lines
        result.records += part.records
        result.invalid += part.invalid
        result.late += part.late
        result.summaries.extend(part.summaries)
        result.anomaly_rows.extend(part.anomaly_rows)
        for reason, count in part.rejections.items():
            result.rejections[reason] = result.rejections.get(reason, 0) + count
    return result


def _collect(rows: list[tuple[float, str, bytes]], reports: Iterable[WindowReport]) -> None:
    for report in reports:
        for anomaly in report.anomalies:
            rows.append(
                (
                    anomaly.window_start,
                    anomaly.service_name,
                    orjson.dumps(anomaly.to_dict()) + b"\n",
                )
            )


def format_table(summaries: list[dict[str, Any]]) -> str:
    header = f"{'service':<24} {'logs':>9} {'error %':>8} {'anomalies':>9}  top error"
    rows = [header, "-" * len(header)]
    for s in sorted(summaries, key=lambda s: str(s["service"])):
        top = s["common_errors"][0] if s["common_errors"] else "-"
        rows.append(
            f"{s['service'][:24]:<24} {s['total_logs']:>9} {s['error_rate']:>8.2f} "
            f"{s['anomalies_detected']:>9}  {top[:60]}"
        )
    return "\n".join(rows)


def analyze_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="analyze",
        description=(
            "Detect anomalies in JSON-lines log records (any accepted field alias), in event "
            "time, offline. Writes one JSON object per anomaly and prints a per-service summary."
        ),
    )
    parser.add_argument("--input", required=True, type=Path, help="JSON lines of log records")
    parser.add_argument("--output", required=True, type=Path, help="anomalies, JSON lines")
    parser.add_argument("--window", type=int, default=60, help="window length in seconds")
    parser.add_argument("--threshold", type=float, default=None, help="combined-score threshold")
    parser.add_argument("--summary", type=Path, default=None, help="write summaries as JSON")
    parser.add_argument(
        "--workers",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="processes (services are split between them)",
    )
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
        result = analyze(source, out, config, progress=sys.stderr.isatty(), workers=args.workers)
    print(format_table(result.summaries))
    print(
        f"\n{result.lines} lines, {result.records} records, {result.invalid} invalid, "
        f"{result.late} late, {result.anomalies} anomalous windows; "
        f"{result.lines_per_second:,.0f} lines/s"
    )
    if result.rejections:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(result.rejections.items()))
        print(f"invalid lines by field: {reasons}")
    if args.summary is not None:
        args.summary.write_bytes(orjson.dumps(result.summaries, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    raise SystemExit(analyze_main())
