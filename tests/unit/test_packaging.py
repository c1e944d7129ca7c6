"""The wheel carries every package and the SQL, and an installed copy finds its migrations."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("pipeline", "bridges", "storage", "web")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found | {"storage.sql"} == listed
    assert config["package-dir"] == {"storage.sql": "sql"}


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_an_installed_wheel_finds_its_migrations(tmp_path: Path):
    wheels, target, source = tmp_path / "wheels", tmp_path / "site", tmp_path / "source"
    # Built from a copy: an in-tree build leaves build/ and egg-info behind in the checkout.
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", ".stack", "build", "*.egg-info", "*_cache", ".hypothesis", "libs"
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(wheels), str(source)],
        check=True, capture_output=True, timeout=150,
    )  # fmt: skip
    (wheel,) = wheels.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"storage/sql/{path.relative_to(ROOT / 'sql')}" for path in (ROOT / "sql").glob("*/*.sql")
    }
    assert shipped and shipped <= names
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    # Run from elsewhere with the installed copy first on the path: no checkout in sight.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from pipeline.settings import load_settings;"
        "s = load_settings({'LOG_ANALYSIS_ENV': 'development'});"
        "print(s.sql_dir); print(s.data_dir)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=tmp_path, check=True, capture_output=True, text=True, timeout=60,
    ).stdout.split("\n")  # fmt: skip
    sql_dir, data_dir = Path(out[0]), Path(out[1])
    assert sql_dir == target / "storage" / "sql"
    assert (sql_dir / "migrations" / "0001_initial.sql").is_file()
    assert not data_dir.is_relative_to(target)
