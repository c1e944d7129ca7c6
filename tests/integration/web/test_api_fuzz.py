"""Property-based run over /openapi.json (schemathesis): generated and hostile requests to every
operation find no 5xx and no response outside its documented schema, status or content type."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Served

pytestmark = [pytest.mark.slow, pytest.mark.timeout(400)]

ST = Path(sys.executable).with_name("st")


def test_no_generated_request_breaks_the_api(served: Served, tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    result = subprocess.run(
        [
            str(ST), "run", f"{served.base_url}/openapi.json",
            "--header", f"Authorization: Bearer {served.token}",
            "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
            "response_schema_conformance,response_headers_conformance,negative_data_rejection",
            "--phases", "examples,coverage,fuzzing",
            "--max-examples", "40",
            "--workers", "2",
            "--seed", "7",
            "--report", "junit", "--report-junit-path", str(report),
        ],
        capture_output=True,
        text=True,
        timeout=360,
        # schemathesis keeps a cache of what it found in the working directory.
        cwd=tmp_path,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
