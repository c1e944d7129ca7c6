"""Offline command: ``simulate``, simulated multi-service logs with labelled incidents.

``simulate_main(argv)`` is wired into ``python -m pipeline simulate``; the generator itself is
:mod:`pipeline.offline.simulator`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.offline.simulator import SimConfig, write_simulation


def simulate_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="simulate", description="Write simulated logs with labelled incidents."
    )
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hours", type=float, default=6.0)
    parser.add_argument("--variant", choices=("standard", "holdout"), default="standard")
    parser.add_argument("--rate-scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.hours <= 1.5:
        parser.error("--hours must exceed 1.5 (one hour of warm-up comes first)")
    paths = write_simulation(
        args.out,
        SimConfig(
            seed=args.seed, hours=args.hours, variant=args.variant, rate_scale=args.rate_scale
        ),
    )
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(simulate_main())
