"""``python -m build_scripts build`` run directly, as staff do outside make."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

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


FIFO = object()  # a named pipe stands at mkdocs.yml


@pytest.mark.parametrize(
    ("config", "found"),
    [
        ("- a\n- b\n", "found a list"),  # was an internal error: AttributeError: 'list' object has no attribute 'get'
        ("docs\n", "found the text 'docs'"),  # … 'str' object has no attribute 'get'
        ("docs_dir: [a, b]\n", "found docs_dir ['a', 'b']"),  # was compared with the folder named "['a', 'b']"
        ("site_name: x\nnav: [\n", "3:1: expected a MkDocs configuration in valid YAML, found '<stream end>'"),
        (None, "found no such file"),  # generate wrote docs/, then MkDocs refused the config
        (FIFO, "found a named pipe (FIFO), not a regular file"),  # reading it waited for a writer for ever
    ],
    ids=["list", "text", "docs_dir a list", "bad YAML", "missing", "named pipe"],
)
def test_a_config_mkdocs_cannot_use_is_refused_before_anything_is_written(tmp_path, config, found):
    tiny_source(tmp_path, TEXT)
    if config is FIFO:
        os.mkfifo(tmp_path / "mkdocs.yml")
    elif config is not None:
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "build_scripts", "build", "--source", "source_texts", "--docs", "docs"]
        + ["--config-file", "mkdocs.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("mkdocs.yml:") and ": expected a MkDocs configuration" in proc.stderr, proc.stderr
    assert found in proc.stderr.splitlines()[0], proc.stderr
    assert not (tmp_path / "docs").exists()


def test_a_reader_of_the_output_that_leaves_early_gets_no_internal_error(tmp_path):
    """generate | head: stdout closed before generate said what it wrote was 'internal error:
    BrokenPipeError', exit 3 (robustness hunt). The pages are written; nothing more is said."""
    tiny_source(tmp_path, TEXT)
    proc = subprocess.Popen(
        [sys.executable, "-m", "build_scripts", "generate", "--source", "source_texts", "--docs", "docs"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # buffered, as stdout to a pipe is: the lines then leave at exit, where the pipe's end showed as exit 120
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "PYTHONPATH": str(ROOT)}
        | {"NO_MKDOCS_2_WARNING": "1"},
    )
    proc.stdout.close()  # the reader leaves before the first line
    with proc.stderr:
        stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=600) == 141 and stderr == "", stderr
    assert (tmp_path / "docs/index.md").is_file()
