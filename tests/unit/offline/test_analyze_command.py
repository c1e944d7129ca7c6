"""End to end: ``simulate`` then ``analyze`` on the written files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import orjson
import pytest

from pipeline.offline.analyze_command import analyze_main
from pipeline.offline.anomaly_evaluation import Flag, Truth, evaluate
from pipeline.offline.dispatch import main
from pipeline.offline.simulate_command import simulate_main
from tests.unit.analysis.helpers import REQUIRED_ANOMALY_FIELDS


def _ts(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


@pytest.mark.timeout(90)
def test_analyze_finds_every_injected_incident_and_ignores_the_deploy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert simulate_main(["--out", str(tmp_path), "--seed", "1", "--hours", "4"]) == 0
    logs = tmp_path / "logs.jsonl"
    # A few invalid lines must be counted, never fatal.
    with logs.open("ab") as fh:
        fh.write(b'not json\n{"service": "x"}\n\n')
    out = tmp_path / "anomalies.jsonl"
    assert analyze_main(["--input", str(logs), "--output", str(out), "--window", "60"]) == 0
    printed = capsys.readouterr().out
    assert "2 invalid" in printed and "auth" in printed

    anomalies = _jsonl(out)
    truths = [
        Truth(str(t["service"]), str(t["kind"]), _ts(str(t["start"])), _ts(str(t["end"])))
        for t in _jsonl(tmp_path / "truth.jsonl")
    ]
    flags = [
        Flag(str(a["service_name"]), str(a["kind"]), _ts(str(a["window_start"]))) for a in anomalies
    ]
    overall, _, false_flags, missed = evaluate(flags, truths, 60)
    assert truths and not missed
    assert overall.precision >= 0.9, false_flags
    # Nothing fires on a benign deploy (new INFO templates, a restart).
    for event in _jsonl(tmp_path / "benign.jsonl"):
        if event["kind"] != "deploy":
            continue
        start, end = _ts(str(event["start"])), _ts(str(event["end"]))
        near = [
            f for f in flags if f.service == event["service"] and start - 60 <= f.start < end + 600
        ]
        assert near == [], near
    first = anomalies[0]
    assert set(first) >= REQUIRED_ANOMALY_FIELDS


def test_main_dispatch_and_errors(tmp_path: Path) -> None:
    assert main([]) == 2
    assert (
        main(
            [
                "analyze",
                "--input",
                str(tmp_path / "missing.jsonl"),
                "--output",
                str(tmp_path / "o.jsonl"),
            ]
        )
        == 2
    )


def _two_services_one_goes_silent() -> list[bytes]:
    lines = []
    for minute in range(40):
        for i in range(60):
            ts = 1_767_225_600 + minute * 60 + i
            lines.append(orjson.dumps({"ts": ts, "service": "a", "msg": f"served {i} ok"}))
            if minute < 30:
                lines.append(orjson.dumps({"ts": ts, "service": "b", "msg": f"did {i} jobs"}))
    return lines


@pytest.mark.parametrize("workers", [1, 2])
def test_silent_service_drop_is_seen_with_any_worker_count(workers: int) -> None:
    import io

    from pipeline.analysis.config import AnalysisConfig
    from pipeline.offline.analyze_command import analyze

    out = io.BytesIO()
    result = analyze(_two_services_one_goes_silent(), out, AnalysisConfig(), workers=workers)
    drops = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert result.records == 40 * 60 + 30 * 60
    assert [(d["service_name"], d["kind"], d["window_start"]) for d in drops][:1] == [
        ("b", "volume_drop", "2026-01-01T00:31:00Z")
    ]
