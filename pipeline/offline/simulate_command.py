"""Offline command: ``simulate``, simulated multi-service logs with labelled incidents.

``simulate_main(argv)`` is wired into ``python -m pipeline simulate``; the generator itself is
:mod:`pipeline.offline.simulator`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.offline.simulator import DEFAULT_HOURS, VARIANTS, SimConfig, write_simulation


def simulate_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="simulate", description="Write simulated logs with labelled incidents."
    )
    parser.add_argument("--out", required=True, type=Path, help="output directory")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--hours", type=float, default=None, help="default: 6, or 72 for the daily variant"
    )
    parser.add_argument(
        "--variant",
        choices=VARIANTS,
        default="standard",
        help="traffic shape (see pipeline/offline/simulator.py)",
    )
    parser.add_argument(
        "--heldout", action="store_true", help="the holdout generator's rates, noise and wording"
    )
    parser.add_argument("--rate-scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.hours is None:
        args.hours = DEFAULT_HOURS.get(args.variant, 6.0)
    if args.hours <= 1.5:
        parser.error("--hours must exceed 1.5 (one hour of warm-up comes first)")
    paths = write_simulation(
        args.out,
        SimConfig(
            seed=args.seed,
            hours=args.hours,
            variant=args.variant,
            rate_scale=args.rate_scale,
            heldout=args.heldout,
        ),
    )
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(simulate_main())
