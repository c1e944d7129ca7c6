"""Offline command: mine the templates of a file of messages, one per line, into a CSV.

This is the only module of the package that does IO; the lead wires :func:`main` into
``python -m pipeline templates``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.templates.config import MinerConfig
from pipeline.templates.service_miners import ServiceMiners
from pipeline.templates.stats import MinerStats

SERVICE = "file"


@dataclass(frozen=True, slots=True)
class RunStats:
    lines: int
    templates: int
    seconds: float
    miner: MinerStats

    @property
    def lines_per_second(self) -> float:
        return self.lines / self.seconds if self.seconds > 0 else 0.0


def run_templates(
    input_path: str | Path,
    output_path: str | Path,
    config: MinerConfig = MinerConfig(),  # noqa: B008 - frozen dataclass
) -> RunStats:
    """Mine ``input_path`` (UTF-8, invalid bytes replaced) and write ``output_path``.

    The CSV has ``LineId,EventTemplate,TemplateId`` with 1-based line ids and each line's
    template in its final form: ids assigned early are resolved through generalisation aliases.
    """
    started = time.perf_counter()
    miners = ServiceMiners(config)
    mine = miners.mine
    ids: list[str] = []
    append = ids.append
    # Text per id at assignment time: the fallback for a template evicted later on.
    seen: dict[str, str] = {}
    with open(input_path, encoding="utf-8", errors="replace", newline="\n") as source:
        for line in source:
            match = mine(SERVICE, line.rstrip("\r\n"))
            append(match.template_id)
            seen[match.template_id] = match.template
    final: dict[str, tuple[str, str]] = {}
    for tid in seen:
        current = miners.resolve(SERVICE, tid)
        text = miners.template_text(SERVICE, current)
        final[tid] = (current, seen[tid]) if text is None else (current, text)
    with open(output_path, "w", encoding="utf-8", newline="") as sink:
        writer = csv.writer(sink, lineterminator="\n")
        writer.writerow(("LineId", "EventTemplate", "TemplateId"))
        writer.writerows(
            (number, final[tid][1], final[tid][0]) for number, tid in enumerate(ids, start=1)
        )
    seconds = time.perf_counter() - started
    templates = len({current for current, _ in final.values()})
    return RunStats(lines=len(ids), templates=templates, seconds=seconds, miner=miners.stats)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="templates", description="Mine log templates from a file, one message per line."
    )
    parser.add_argument("--input", required=True, type=Path, help="messages, one per line")
    parser.add_argument("--output", required=True, type=Path, help="CSV to write")
    args = parser.parse_args(argv)
    try:
        stats = run_templates(args.input, args.output)
    except OSError as exc:
        print(f"templates: {exc}", file=sys.stderr)
        return 1
    print(
        f"lines: {stats.lines}  templates: {stats.templates}  "
        f"lines/s: {stats.lines_per_second:,.0f}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
