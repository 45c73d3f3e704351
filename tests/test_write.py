"""The write stage: lazy, atomic, readable files; it removes only what it wrote before."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile

import pytest

from build_scripts import write
from build_scripts.errors import OutputError
from build_scripts.load import files
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


@pytest.mark.parametrize("taken", [False, True], ids=["own-name", "name-taken"])
def test_a_refused_write_names_the_page_not_its_temporary_file(tmp_path, monkeypatch, taken):
    """Refused when the temporary file is made: under this process's name, or (a file an earlier
    process left holds that name) under mkstemp's random one."""
    if taken:
        (tmp_path / f".index.md.{os.getpid()}.tmp").write_text("left over", encoding="utf-8")

        def refuse(**kwargs):
            raise PermissionError(13, "Permission denied", str(kwargs["dir"] / ".index.md.x1y2.tmp"))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        real_open = os.open

        def refuse_temporary(path, flags, mode=0o777, **kwargs):
            if str(path).endswith(".tmp"):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, mode, **kwargs)

        monkeypatch.setattr(os, "open", refuse_temporary)
    with pytest.raises(OutputError) as caught:
        write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    assert str(caught.value) == f"{tmp_path / 'index.md'}:1:1: expected a writable file, found Permission denied"


def test_a_name_left_by_an_earlier_process_is_written_around(tmp_path):
    left = tmp_path / f".index.md.{os.getpid()}.tmp"
    left.write_text("left over", encoding="utf-8")
    write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "a\n"
    mode = (tmp_path / "index.md").stat().st_mode
    assert mode & stat.S_IROTH and mode & stat.S_IRGRP  # mkstemp's 0600 widened as open() would make it
    assert left.read_text(encoding="utf-8") == "left over"  # not ours to remove


def test_a_full_disk_names_the_page(tmp_path, monkeypatch):
    def full(source, target):
        raise OSError(28, "No space left on device", source)  # names the temporary file

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError) as caught:
        write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    assert str(caught.value) == f"{tmp_path / 'index.md'}:1:1: expected a writable file, found No space left on device"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no temporary file left


def test_a_manifest_that_does_not_read_is_written_anew(tmp_path, monkeypatch):
    """docs/.generated unreadable (another user's file): it was read inside the writing, where its error
    said 'docs/ may be partly written' and stopped the build; it is read before, as no manifest, and
    written anew (review)."""
    write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    real = files.read_bytes

    def refuse_manifest(path):
        if path.name == MANIFEST:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(files, "read_bytes", refuse_manifest)
    report = write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    assert report.written == () and (tmp_path / MANIFEST).read_text(encoding="utf-8") == "index.md\n"


class Killed(BaseException):
    """The process dying (kill -9, power lost) at a point of the writing: nothing after it runs."""


def test_a_page_written_by_a_run_killed_before_its_manifest_is_still_removed_later(tmp_path, monkeypatch):
    """kill -9 after a run wrote a new page but before it listed it in docs/.generated: the page was no
    file generate had written, so when the sources no longer made it, it stayed, and MkDocs published it."""
    write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])
    real = write.write_atomic

    def killed_after_the_page(path, data, **kwargs):
        real(path, data, **kwargs)
        if path.name == "new.md":
            raise Killed

    monkeypatch.setattr(write, "write_atomic", killed_after_the_page)
    with pytest.raises(Killed):
        write_outputs(
            tmp_path, [OutputFile(path="index.md", content="a\n"), OutputFile(path="tasks/new.md", content="b\n")]
        )
    monkeypatch.undo()
    report = write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")])  # the page is gone from the sources
    assert not (tmp_path / "tasks").exists(), report
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == "index.md\n"


def test_a_temporary_file_of_a_killed_run_is_removed(tmp_path):
    """kill -9 while a file was written leaves its temporary file (``.index.md.<pid>.tmp``); the next run
    removes it once that process is gone (not a name a live process holds: see above)."""
    write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n"), OutputFile(path="tasks/t1.md", content="b\n")])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = [tmp_path / f".index.md.{dead.stdout.strip()}.tmp", tmp_path / "tasks" / f".t1.md.{dead.stdout.strip()}.tmp"]
    for path in left:
        path.write_text("half", encoding="utf-8")
    (tmp_path / ".notes.tmp").write_text("mine", encoding="utf-8")  # no temporary file of generate's
    report = write_outputs(
        tmp_path, [OutputFile(path="index.md", content="a\n"), OutputFile(path="tasks/t1.md", content="b\n")]
    )
    assert report.written == ()
    assert [path for path in left if path.exists()] == []
    assert (tmp_path / ".notes.tmp").exists()


def test_a_disk_too_full_for_the_pages_is_refused_before_any_is_written(tmp_path, monkeypatch):
    """A full disk was found at the first page that did not fit, with pages before it written: docs/ part
    old, part new. The room the changed pages need is checked first (statvfs), so docs/ stays as it was."""
    write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n"), OutputFile(path="tasks/t1.md", content="b\n")])
    real = os.statvfs

    def nearly_full(path):
        found = real(path)
        return os.statvfs_result((found.f_bsize, 4096, 1000, 0, 2, 1000, 900, 900, found.f_flag, found.f_namemax))

    monkeypatch.setattr(os, "statvfs", nearly_full)  # 8 KiB free
    pages = [OutputFile(path="index.md", content="new\n"), OutputFile(path="tasks/t1.md", content="x" * 20_000)]
    with pytest.raises(OutputError) as caught:
        write_outputs(tmp_path, pages)
    assert str(caught.value) == (
        f"{tmp_path}:1:1: expected 20 KiB free for the pages that change, found 8 KiB free on its file system"
    )
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "a\n"  # as it was
    monkeypatch.undo()
    assert write_outputs(tmp_path, pages).written == ("index.md", "tasks/t1.md")  # room enough: written


def test_a_file_system_that_reports_no_size_is_written_to(tmp_path, monkeypatch):
    """Some file systems (FUSE mounts, some network shares) answer statvfs with no blocks at all: read as a
    disk with 0 KiB free, every build there would be refused. Only a size that is reported is checked."""
    real = os.statvfs

    def no_size(path):
        found = real(path)
        return os.statvfs_result((found.f_bsize, 4096, 0, 0, 0, 0, 0, 0, found.f_flag, found.f_namemax))

    monkeypatch.setattr(os, "statvfs", no_size)
    assert write_outputs(tmp_path, [OutputFile(path="index.md", content="a\n")]).written == ("index.md",)
