"""`python -m fieldguide` checks the data without MkDocs, for editors and other generators."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import FIXTURES, ROOT


def run(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-m", "fieldguide", *args], env=env, capture_output=True, text=True, timeout=60)


def test_valid_data_prints_every_comparison_as_text():
    result = run(str(FIXTURES / "valid.yml"))
    assert result.returncode == 0, result.stderr
    assert "Topic       | Data scientist" in result.stdout
    assert "Python or R | Python or R for analysis." in result.stdout
    assert result.stdout.rstrip().endswith("the data is valid.")


def test_the_real_data_file_is_checked_by_default():
    result = run()
    assert result.returncode == 0, result.stderr
    assert "Responsibilities" in result.stdout and "the data is valid." in result.stdout


def test_bad_data_exits_non_zero_with_one_line_per_problem(tmp_path):
    bad = tmp_path / "roles.yml"
    for beside in ("pay-extract.csv", "pay-areas.csv"):  # the files the data is checked against
        (tmp_path / beside).write_bytes((FIXTURES / beside).read_bytes())
    text = (FIXTURES / "valid.yml").read_text(encoding="utf-8")
    bad.write_text(text.replace("title: Deployment", "title: 7").replace("soc: 15-2051", "soc: 7"), encoding="utf-8")
    result = run(str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{bad}:") for line in lines)
    assert "Traceback" not in result.stderr


def test_check_prints_only_the_summary():
    result = run("--check", str(FIXTURES / "valid.yml"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [result.stdout.strip()]
    assert result.stdout.strip().endswith("the data is valid.")
