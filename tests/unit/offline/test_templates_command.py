from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.offline.templates_command import main, run_templates


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_run_templates_writes_final_templates(tmp_path: Path) -> None:
    source = tmp_path / "in.log"
    source.write_text(
        "worker a started\nworker b started\nworker c started\nLink ok\n", encoding="utf-8"
    )
    output = tmp_path / "out.csv"
    stats = run_templates(source, output)
    rows = read_rows(output)
    assert list(rows[0]) == ["LineId", "EventTemplate", "TemplateId"]
    assert [row["LineId"] for row in rows] == ["1", "2", "3", "4"]
    # The first lines were mined before "worker <*> started" existed; the CSV has the final form.
    assert [row["EventTemplate"] for row in rows] == ["worker <*> started"] * 3 + ["Link ok"]
    assert len({row["TemplateId"] for row in rows[:3]}) == 1
    assert stats.lines == 4
    assert stats.templates == 2


def test_invalid_utf8_and_crlf_are_not_fatal(tmp_path: Path) -> None:
    source = tmp_path / "in.log"
    source.write_bytes(b"caf\xe9 opened 1\r\nbad \xff\xfe bytes\r\n\r\n")
    output = tmp_path / "out.csv"
    stats = run_templates(source, output)
    rows = read_rows(output)
    assert stats.lines == 3
    assert rows[0]["EventTemplate"] == "caf\ufffd opened <*>"
    assert rows[2]["EventTemplate"] == ""


def test_main_reports_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.log"
    source.write_text("x 1\nx 2\n", encoding="utf-8")
    output = tmp_path / "out.csv"
    assert main(["--input", str(source), "--output", str(output)]) == 0
    err = capsys.readouterr().err
    assert "lines: 2" in err
    assert "templates: 1" in err
    assert "lines/s" in err


def test_main_missing_input(tmp_path: Path) -> None:
    assert main(["--input", str(tmp_path / "nope"), "--output", str(tmp_path / "o.csv")]) == 1
