"""The GitHub Action (``action.yml``, composite): its declaration, and its script (``action/run.sh``) run as the
runner runs it, with the installed ``newslint`` on PATH."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, write

SCRIPT = ROOT / "action" / "run.sh"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the action's script needs bash")


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_the_action_is_composite_installs_runs_and_uploads_sarif() -> None:
    data = action()
    assert data["runs"]["using"] == "composite"
    steps = data["runs"]["steps"]
    for step in steps:
        if "run" in step:
            assert step["shell"] == "bash", step["name"]  # a composite step's run needs its shell
    install, run = steps[1], steps[2]
    assert "pip install" in install["run"] and "$GITHUB_ACTION_PATH" in install["run"]
    assert run["id"] == "run" and run["run"] == 'bash "$GITHUB_ACTION_PATH/action/run.sh"'
    assert set(run["env"]) == {"INPUT_ARGS", "INPUT_SARIF", "INPUT_SARIF_FILE"}
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["if"].startswith("always()")  # the alerts are uploaded even when findings fail the run
    assert upload["with"]["sarif_file"] == "${{ steps.run.outputs.sarif-file }}"
    assert steps[-1]["run"].rstrip().endswith('exit "$EXIT_CODE"')  # and the job still fails after the upload
    # Every input the steps use is declared; every declared input is used.
    used = set(re.findall(r"inputs\.([a-z-]+)", (ROOT / "action.yml").read_text(encoding="utf-8")))
    assert used == set(data["inputs"])
    assert set(data["outputs"]) == {"exit-code", "sarif-file"}


def run_script(cwd: Path, tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    output = tmp_path / "github-output"
    output.write_text("")
    bin_dir = str(Path(sys.executable).parent)  # where the installed `newslint` script is
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env.update(
        {
            "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
            "GITHUB_ACTIONS": "true",
            "GITHUB_OUTPUT": str(output),
            **{f"INPUT_{k.upper()}": v for k, v in inputs.items()},
        }
    )
    proc = subprocess.run(["bash", str(SCRIPT)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return proc, outputs


@pytest.fixture
def repo(project: Path) -> Path:
    write(project / "content" / "a.md", "# A\n\nWe offer guaranteed returns.\n")
    write(project / "content" / "b*.md", "# B\n\nFine.\n")  # a glob character in a name: never expanded
    write(project / "public" / "a.html", "<p>guaranteed returns</p>\n")
    write(project / ".gitignore", "public/\n")
    return project


def test_the_script_annotates_writes_sarif_and_reports_the_exit_code(repo: Path, tmp_path: Path) -> None:
    proc, outputs = run_script(repo, tmp_path, args=".", sarif="true", sarif_file="out/newslint.sarif")
    assert proc.returncode == 0, proc.stderr  # the upload step must still run; the last step fails the job
    assert outputs == {"exit-code": "1", "sarif-file": "out/newslint.sarif"}
    assert proc.stdout.splitlines() == [
        "::error file=content/a.md,line=3,col=10,endLine=3,endColumn=28,title=t-assured-returns::"
        "Do not promise returns: 'guaranteed returns'"
    ]
    sarif = json.loads((repo / "out" / "newslint.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == ["content/a.md"]


def test_the_script_passes_args_and_can_skip_sarif(repo: Path, tmp_path: Path) -> None:
    # Options over two lines (a YAML block): both read. Without --select, a.md's error would fail the run.
    proc, outputs = run_script(repo, tmp_path, args="content/a.md content/b*.md\n  --select t-hype\n", sarif="false")
    assert proc.returncode == 0, proc.stderr
    assert outputs == {"exit-code": "0", "sarif-file": ""}
    assert proc.stdout == "" and not (repo / "newslint.sarif").exists()


def test_the_script_reports_an_error_as_exit_code_2(repo: Path, tmp_path: Path) -> None:
    proc, outputs = run_script(repo, tmp_path, args="missing.md", sarif="true")
    assert proc.returncode == 0
    assert outputs["exit-code"] == "2"
    assert "newslint: error: missing.md: no such file or folder" in proc.stderr
