"""A build stopped part-way (Ctrl-C, a CI job's SIGTERM) or run twice at once (``make serve`` and
``make build`` in two terminals): no traceback, and docs/ and the records beside the texts whole."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .helpers import ROOT, _env, run_cli, tiny_source

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


EDITED = TEXT.replace("加强知识产权保护。\n", "加强知识产权保护。\n\n健全知识产权服务体系。\n")

# generate, paused before it writes docs/ until a line comes on stdin: the first of two builds at once
PAUSED_BEFORE_WRITING = """
    import sys

    from build_scripts import cli, pipeline

    write_outputs = pipeline.write_outputs

    def paused(*args, **kwargs):
        print("paused", flush=True)
        sys.stdin.readline()
        return write_outputs(*args, **kwargs)

    pipeline.write_outputs = paused
    sys.exit(cli.main(["generate"]))
"""


def test_a_second_generate_waits_for_the_one_writing_docs(tmp_path):
    """``make serve`` regenerating while ``make build`` runs: the one that started later waits, and reads the
    texts once the other is done, so docs/ ends as the texts are, never part one run's and part the other's."""
    source = tiny_source(tmp_path, TEXT)
    env = {**_env(), "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(PAUSED_BEFORE_WRITING)],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    second = None
    try:
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline() == "paused\n"  # it has read the texts, and will write the old one
        (source / "test-2020-1.txt").write_text(textwrap.dedent(EDITED).lstrip("\n"), encoding="utf-8")
        second = subprocess.Popen(
            [sys.executable, "-m", "build_scripts", "generate"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert second.stderr is not None
        said = second.stderr.readline()  # its first line (or nothing, when it ran through)
        first.stdin.write("\n")
        first.stdin.flush()
        first_out, first_err = first.communicate(timeout=60)
        second_out, second_err = second.communicate(timeout=60)
    finally:
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    assert first.returncode == 0, first_err
    assert second.returncode == 0, said + second_err
    assert said.startswith("waiting: another generate is writing docs"), said + second_err
    assert "1 clause(s) added" in second_out, second_out  # it read the edited text and the first one's output
    again = run_cli("generate", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert ": 0 written," in again.stdout and "clause ids recorded" not in again.stdout, again.stdout


# generate stopped by the signal named in argv[1] as it writes its second file into docs/
STOPPED_WHILE_WRITING = """
    import os, sys

    from build_scripts import cli, write

    write_atomic = write.write_atomic
    calls = []

    def stopped(path, *args, **kwargs):
        calls.extend([path] if "docs" in path.parts else [])  # not .cache/'s
        if len(calls) == 2:
            os.kill(os.getpid(), getattr(signal, sys.argv[1]))
        return write_atomic(path, *args, **kwargs)

    write.write_atomic = stopped
    sys.exit(cli.main(["generate"]))
"""


@pytest.mark.parametrize(("name", "status"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_run_stopped_while_it_writes_finishes_writing_first(tmp_path, name, status):
    """Ctrl-C, a CI job's SIGTERM, or the terminal closed (SIGHUP) while docs/ is written: the run stops once
    docs/ and the records are all written (a moment), never with docs/ part old and part new, nor a
    temporary file left in it."""
    source = tiny_source(tmp_path, TEXT)
    assert run_cli("generate", cwd=tmp_path).returncode == 0
    (source / "test-2020-1.txt").write_text(textwrap.dedent(EDITED).lstrip("\n"), encoding="utf-8")
    proc = run_script(STOPPED_WHILE_WRITING, tmp_path, name)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == status, proc.stderr
    assert not [path for path in (tmp_path / "docs").rglob(".*.tmp")]
    again = run_cli("generate", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert ": 0 written," in again.stdout and "clause ids recorded" not in again.stdout, again.stdout


def test_a_run_started_by_nohup_goes_on_when_the_terminal_closes(tmp_path):
    """``nohup make build``: SIGHUP ignored by whoever started the run stays ignored, as for any command."""
    source = tiny_source(tmp_path, TEXT)
    assert run_cli("generate", cwd=tmp_path).returncode == 0
    (source / "test-2020-1.txt").write_text(textwrap.dedent(EDITED).lstrip("\n"), encoding="utf-8")
    proc = run_script(
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n" + textwrap.dedent(STOPPED_WHILE_WRITING), tmp_path, "SIGHUP"
    )
    assert proc.returncode == 0, proc.stderr
    assert "1 clause(s) added" in proc.stdout, proc.stdout
