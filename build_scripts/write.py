"""The write stage: atomic, lazy writes into docs/.

Nothing is written until every page has been rendered (the orchestrator guarantees
that), each file is replaced atomically, a file whose bytes would not change is not
touched, and files a previous build generated that are no longer produced are removed.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError
from .model import OutputFile


@dataclass(frozen=True, kw_only=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(docs: Path, outputs: list[OutputFile]) -> WriteReport:
    """Write ``outputs`` under ``docs`` lazily; remove generated files no longer produced.

    A folder that is in the way (docs/ itself, or a folder under it, is a file) is reported
    before anything is written; a write the system refuses is reported as ``OutputError``.
    """
    _check_folders(docs, outputs)
    try:
        return _write_outputs(docs, outputs)
    except OSError as exc:
        error = OutputError(exc.filename or docs, 1, 1, f"expected a writable file, found {exc.strerror}")
        error.partial = True
        raise error from None


def _check_folders(docs: Path, outputs: list[OutputFile]) -> None:
    folders = {docs} | {(docs / output.path).parent for output in outputs}
    for folder in sorted(folders):
        for candidate in (folder, *folder.parents):
            if candidate.exists() and not candidate.is_dir():
                raise OutputError(candidate, 1, 1, "expected a folder to write pages into, found a file")


def _write_outputs(docs: Path, outputs: list[OutputFile]) -> WriteReport:
    written: list[str] = []
    unchanged = 0
    wanted = set()
    for output in outputs:
        target = docs / output.path
        wanted.add(target.resolve())
        data = output.content.encode("utf-8")
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except FileNotFoundError:
            pass
        write_atomic(target, data)
        written.append(output.path)
    removed = []
    if docs.exists():
        for existing in sorted(docs.rglob("*")):
            if existing.is_file() and existing.resolve() not in wanted:
                existing.unlink()
                removed.append(existing.relative_to(docs).as_posix())
        for directory in sorted((d for d in docs.rglob("*") if d.is_dir()), reverse=True):
            if not any(directory.iterdir()):
                directory.rmdir()
    return WriteReport(written=tuple(written), unchanged=unchanged, removed=tuple(removed))
