"""``python -m build_scripts build`` run directly, as staff do outside make."""

from __future__ import annotations

import os
import subprocess
import sys

from .helpers import ROOT, mkdocs_config, tiny_source

TEXT = """
一、总则
加强知识产权保护。
"""
# Material for MkDocs' end-of-life banner, printed on every MkDocs run unless NO_MKDOCS_2_WARNING is set.
BANNER = ("Material for MkDocs reaches end of life", "NO_MKDOCS_2_WARNING")


def test_build_without_the_makefiles_environment_prints_no_end_of_life_banner(tmp_path):
    tiny_source(tmp_path, TEXT)
    config = mkdocs_config(tmp_path / "docs", tmp_path / "site")
    env = {name: value for name, value in os.environ.items() if name != "NO_MKDOCS_2_WARNING"}
    proc = subprocess.run(
        [sys.executable, "-m", "build_scripts", "build", "--source", "source_texts", "--docs", "docs"]
        + ["--config-file", str(config)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert (tmp_path / "site/index.html").is_file()
    assert not [words for words in BANNER if words in proc.stdout + proc.stderr], proc.stderr
