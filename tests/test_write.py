"""The write stage: lazy, atomic, readable files; it removes only what it wrote before."""

from __future__ import annotations

import os
import stat
import tempfile

import pytest

from build_scripts.errors import OutputError
from build_scripts.model import OutputFile
from build_scripts.write import MANIFEST, write_outputs


def test_files_generate_did_not_write_are_never_removed(tmp_path):
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "README.md").write_text("mine", encoding="utf-8")
    (docs / "notes" / "mine.txt").write_text("mine", encoding="utf-8")
    report = write_outputs(docs, [OutputFile(path="index.md", content="# a\n")])
    assert report.removed == ()
    assert (docs / "README.md").exists() and (docs / "notes" / "mine.txt").exists()


def test_a_page_no_longer_produced_is_removed_with_its_empty_folder(tmp_path):
    docs = tmp_path / "docs"
    write_outputs(docs, [OutputFile(path="index.md", content="a\n"), OutputFile(path="tasks/t1.md", content="b\n")])
    report = write_outputs(docs, [OutputFile(path="index.md", content="a\n")])
    assert report.removed == ("tasks/t1.md",) and report.written == () and report.unchanged == 1
    assert not (docs / "tasks").exists()
    assert (docs / MANIFEST).read_text(encoding="utf-8") == "index.md\n"


def test_written_files_are_readable_by_others(tmp_path):
    write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    mode = (tmp_path / "index.md").stat().st_mode
    assert mode & stat.S_IROTH and mode & stat.S_IRGRP


def test_a_refused_write_names_the_page_not_its_temporary_file(tmp_path, monkeypatch):
    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied", str(kwargs["dir"] / ".index.md.x1y2.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError) as caught:
        write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    assert str(caught.value) == f"{tmp_path / 'index.md'}:1:1: expected a writable file, found Permission denied"


def test_a_full_disk_names_the_page(tmp_path, monkeypatch):
    def full(source, target):
        raise OSError(28, "No space left on device", source)  # names the temporary file

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError) as caught:
        write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    assert str(caught.value) == f"{tmp_path / 'index.md'}:1:1: expected a writable file, found No space left on device"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no temporary file left
