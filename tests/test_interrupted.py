"""A build stopped part-way (Ctrl-C, a CI job's SIGTERM) or run twice at once (``make serve`` and
``make build`` in two terminals): no traceback, and docs/ and the records beside the texts whole."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .helpers import ROOT, _env, tiny_source

TEXT = """
一、总则
加强知识产权保护。

完善知识产权制度。
"""


def run_script(script: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``script`` run by a new Python in ``cwd``, Ctrl-C answered as in a terminal (a test run in the
    background inherits SIGINT ignored, and Python then raises no KeyboardInterrupt)."""
    prelude = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**_env(), "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


CTRL_C_AT = {  # Ctrl-C pressed while Python imports the command's modules, or while argparse reads its line
    "loading": """
        class CtrlC:
            def find_spec(self, name, path=None, target=None):
                if name == "build_scripts.errors":
                    os.kill(os.getpid(), signal.SIGINT)
                return None

        sys.meta_path.insert(0, CtrlC())
        """,
    "reading the command line": """
        import argparse

        parse_args = argparse.ArgumentParser.parse_args

        def interrupted(self, *args, **kwargs):
            os.kill(os.getpid(), signal.SIGINT)
            return parse_args(self, *args, **kwargs)

        argparse.ArgumentParser.parse_args = interrupted
        """,
}


@pytest.mark.parametrize("moment", CTRL_C_AT)
def test_ctrl_c_before_the_run_starts_shows_no_traceback(tmp_path, moment):
    tiny_source(tmp_path, TEXT)
    script = "import os, runpy, sys\n" + textwrap.dedent(CTRL_C_AT[moment])
    script += 'sys.argv = ["build_scripts", "generate"]\nrunpy.run_module("build_scripts", run_name="__main__", alter_sys=True)\n'
    proc = run_script(script, tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 130, proc.stderr
    assert not (tmp_path / "docs").exists()
