"""How well the half-space-tree scorer separates gross outliers from normal windows.

The scorer learns windows of two features drawn around a steady level, then scores fresh normal
windows and a few windows far outside them. A scorer worth its place gives every outlier a score
above the normal windows' maximum; the numbers printed say whether ours does (issue 12).

Run: .venv/bin/python tests/bench/bench_hst_separation.py [--learn 400] [--seed 3]
"""

from __future__ import annotations

import argparse
import statistics

import numpy as np

from pipeline.analysis.scorers import HalfSpaceScorer

OUTLIERS = {
    "error_rate 0.5 (25x)": {"volume": 100.0, "error_rate": 0.5},
    "volume 300 (3x)": {"volume": 300.0, "error_rate": 0.02},
    "volume 5 (1/20)": {"volume": 5.0, "error_rate": 0.02},
    "volume 130 + error_rate 0.05": {"volume": 130.0, "error_rate": 0.05},
}


def normal_window(rng: np.random.Generator) -> dict[str, float]:
    return {"volume": float(rng.normal(100, 5)), "error_rate": float(rng.normal(0.02, 0.005))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learn", type=int, default=400)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    scorer = HalfSpaceScorer(trees=10, height=6, window=50, seed=7)
    for _ in range(args.learn):
        scorer.learn_one(normal_window(rng))
    normal = sorted(scorer.score_one(normal_window(rng)) for _ in range(200))
    print(
        f"normal windows: median {statistics.median(normal):.3f}  p95 {normal[189]:.3f}  "
        f"max {normal[-1]:.3f}"
    )
    for name, window in OUTLIERS.items():
        score = scorer.score_one(window)
        verdict = "above every normal window" if score > normal[-1] else "INSIDE the normal range"
        print(f"{name:<30} {score:.3f}  {verdict}")


if __name__ == "__main__":
    main()
