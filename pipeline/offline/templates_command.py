"""Offline command: mine the templates of a file of messages, one per line, into a CSV.

Uses the pure miner of :mod:`pipeline.templates` and does the file IO around it; :func:`main`
is wired into ``python -m pipeline templates``.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from pipeline.templates.config import MinerConfig
from pipeline.templates.service_miners import ServiceMiners
from pipeline.templates.stats import MinerStats

SERVICE = "file"
_CHUNK = 65536  # lines per write: one join per chunk, bounded memory for big files
_BATCH = 4096  # lines per call into the miner


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
    ids: list[str] = []
    # Text per id soon after assignment: the fallback for a template evicted later on.
    seen: dict[str, str] = {}
    # Lines are mined in batches, without the parameters the CSV does not hold. A batch creates
    # at most half as many templates as a service keeps, so none of them is evicted before its
    # text is read at the batch's end (the least recently used go first).
    batch_size = max(1, min(_BATCH, config.max_templates_per_service // 2))
    with open(input_path, encoding="utf-8", errors="replace", newline="\n") as source:
        while batch := [line.rstrip("\r\n") for line in islice(source, batch_size)]:
            assigned = miners.assign(SERVICE, batch)
            ids.extend(assigned.template_ids)
            for tid in assigned.template_ids:
                if tid not in seen:
                    seen[tid] = miners.template_text(SERVICE, tid) or ""
    # Each id's final id and text, CSV-encoded once per template rather than once per line.
    final: dict[str, str] = {}
    templates: set[str] = set()
    for tid, text_then in seen.items():
        current = miners.resolve(SERVICE, tid)
        text = miners.template_text(SERVICE, current)
        if text is None:  # evicted (only with tiny bounds): keep what the line was given
            current, text = tid, text_then
        final[tid] = _csv_fields(text, current)
        templates.add(current)
    with open(output_path, "w", encoding="utf-8", newline="") as sink:
        sink.write("LineId,EventTemplate,TemplateId\n")
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            sink.write("".join([f"{n},{final[tid]}" for n, tid in enumerate(chunk, start + 1)]))
    seconds = time.perf_counter() - started
    return RunStats(lines=len(ids), templates=len(templates), seconds=seconds, miner=miners.stats)


def _csv_fields(template: str, tid: str) -> str:
    """``template,id\\n`` with the template quoted as the csv module would."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow((template, tid))
    return buffer.getvalue()


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
