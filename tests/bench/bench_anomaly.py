"""Anomaly-detection benchmark: precision, recall, F1 and median delay (windows), overall and
per kind, on simulated scenarios -- tuning seeds and held-out seeds of a different generator
variant -- plus the throughput of the offline ``analyze`` command.

Run: .venv/bin/python tests/bench/bench_anomaly.py [--hours 6] [--quick]
"""

from __future__ import annotations

import argparse
import io
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.analysis.config import AnalysisConfig
from pipeline.analysis.engine import AnalysisEngine
from pipeline.analysis.records import parse_record
from pipeline.offline.analyze_command import analyze
from pipeline.offline.anomaly_evaluation import Flag, Score, Truth, evaluate
from pipeline.offline.simulator import SimConfig, simulate, write_simulation
from pipeline.templates import MinerConfig, ServiceMiners

KINDS = ("volume_spike", "volume_drop", "error_rate", "new_error_pattern", "pattern_shift")
TUNING = [SimConfig(seed=s) for s in (1, 2, 3, 4)]
HOLDOUT = [SimConfig(seed=s, variant="holdout") for s in (101, 102, 103, 104)]


@dataclass(frozen=True, slots=True)
class Mined:
    service: str
    ts: float
    level: int
    message: str
    template_id: str
    template: str
    previous_id: str | None


def mine_scenario(sim: SimConfig, cache: Path | None = None) -> tuple[list[Mined], list[Truth]]:
    """Simulate and template-mine one scenario (optionally cached, to speed up tuning)."""
    path = (
        None
        if cache is None
        else cache / f"{sim.variant}-{sim.seed}-{sim.hours}-{sim.rate_scale}.pkl"
    )
    if path is not None and path.exists():
        loaded: tuple[list[Mined], list[Truth]] = pickle.loads(path.read_bytes())
        return loaded
    records, truths, _ = simulate(sim)
    miners = ServiceMiners(MinerConfig())
    mined = []
    for obj in records:
        rec = parse_record(obj)
        m = miners.mine(rec.service_name, rec.message)
        mined.append(
            Mined(
                rec.service_name,
                rec.timestamp,
                rec.level_code,
                rec.message,
                m.template_id,
                m.template,
                m.previous_id,
            )
        )
    result = mined, [Truth(t.service, t.kind, t.start, t.end) for t in truths]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(result))
    return result


def detect(mined: list[Mined], config: AnalysisConfig) -> list[Flag]:
    engine = AnalysisEngine(config)
    flags: list[Flag] = []
    for m in mined:
        observed = engine.observe_fields(
            m.service, m.ts, m.level, m.message, m.template_id, m.template, m.previous_id
        )
        for report in observed.reports:
            flags.extend(Flag(a.service_name, a.kind, a.window_start) for a in report.anomalies)
    for report in engine.flush():
        flags.extend(Flag(a.service_name, a.kind, a.window_start) for a in report.anomalies)
    return flags


def run_group(
    name: str,
    sims: list[SimConfig],
    config: AnalysisConfig,
    verbose: bool,
    cache: Path | None = None,
) -> tuple[Score, dict[str, Score]]:
    overall = Score()
    per_kind: dict[str, Score] = {k: Score() for k in KINDS}
    for sim in sims:
        mined, truths = mine_scenario(sim, cache)
        flags = detect(mined, config)
        o, pk, false_flags, missed = evaluate(flags, truths, config.window_seconds)
        overall.add(o)
        for kind, score in pk.items():
            per_kind.setdefault(kind, Score()).add(score)
        if verbose:
            for f in false_flags:
                print(f"  [{name} seed {sim.seed}] false flag {f.service} {f.kind} @{f.start:.0f}")
            for t in missed:
                print(f"  [{name} seed {sim.seed}] missed {t.service} {t.kind} @{t.start:.0f}")
    return overall, per_kind


def table(name: str, overall: Score, per_kind: dict[str, Score]) -> str:
    lines = [
        f"{name}",
        f"{'kind':<20} {'prec':>6} {'prec*':>6} {'recall':>6} {'F1':>6} {'delay':>6} "
        f"{'found':>7} {'flags':>6}",
    ]
    for kind, s in [*sorted(per_kind.items()), ("OVERALL", overall)]:
        lines.append(
            f"{kind:<20} {s.precision:>6.3f} {s.related_precision:>6.3f} {s.recall:>6.3f} "
            f"{s.f1:>6.3f} {s.median_delay:>6.1f} {s.found:>3}/{s.incidents:<3} {s.flags:>6}"
        )
    lines.append(
        "prec: flag overlaps an incident of its kind (OVERALL: of any kind); prec*: of any kind\n"
        "on its service; delay: median windows from incident start to the first flag"
    )
    return "\n".join(lines)


def throughput(hours: float) -> list[tuple[int, int, float, float]]:
    """(workers, lines, wall lines/s, lines per CPU-second of this process tree)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_simulation(Path(tmp), SimConfig(seed=1, hours=hours))
        with paths["logs"].open("rb") as fh:
            data = fh.read().splitlines()
    rows = []
    for workers in (1, 2):
        best = 0.0
        cpu_rate = 0.0
        for _ in range(2):
            before = _cpu()
            result = analyze(data, io.BytesIO(), AnalysisConfig(), workers=workers)
            cpu = _cpu() - before
            if result.lines_per_second > best:
                best = result.lines_per_second
                cpu_rate = len(data) / cpu if cpu > 0 else 0.0
        rows.append((workers, len(data), best, cpu_rate))
    return rows


def _cpu() -> float:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one seed per group")
    parser.add_argument("--verbose", action="store_true", help="list false flags and misses")
    parser.add_argument("--no-throughput", action="store_true")
    parser.add_argument("--cache", type=Path, default=None, help="cache mined scenarios here")
    args = parser.parse_args(argv)
    config = AnalysisConfig()
    groups = {
        "tuning seeds (standard generator)": TUNING,
        "held-out seeds (holdout generator variant)": HOLDOUT,
    }
    started = time.perf_counter()
    for name, sims in groups.items():
        overall, per_kind = run_group(
            name, sims[:1] if args.quick else sims, config, args.verbose, args.cache
        )
        print(table(name, overall, per_kind))
        print()
    if not args.no_throughput:
        for workers, lines, rate, cpu_rate in throughput(6.0):
            print(
                f"analyze throughput, {workers} worker(s): {rate:,.0f} lines/s wall, "
                f"{cpu_rate:,.0f} lines per CPU-second, over {lines:,} lines "
                "(parse + mine + detect)"
            )
    print(f"benchmark took {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
