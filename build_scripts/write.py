"""The write stage: atomic, lazy writes into docs/.

Nothing is written until every page has been rendered (the orchestrator guarantees
that), each file is replaced atomically, a file whose bytes would not change is not
touched, and files a previous build generated that are no longer produced are removed.
Which files those are is kept in docs/.generated; a file generate did not write is
never removed.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import CurationError, OutputError
from .load import files
from .model import OutputFile
from .patterns import TEMPORARY_FILE_RE


@dataclass(frozen=True, kw_only=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]


_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def write_atomic(path: Path, data: bytes, *, folder_known: bool = False, durable: bool = False) -> None:
    """Write through a temporary file beside ``path``; a refusal names ``path``, not the temporary file.

    The temporary file is made with ``O_EXCL`` under a name of this process's, with the mode ``open()``
    gives (0666 less the umask; ``mkstemp``'s 0600 would hide docs/ from a web server), in one system
    call; a name left by an earlier process falls back to ``mkstemp``'s random names.
    ``folder_known``: the caller has made ``path``'s folder already. ``durable``: the bytes reach the disk
    before the rename (fsync), so that a power cut cannot leave the file empty: for the records staff commit
    (clause_ids.tsv, published_pages.tsv); docs/ is made again by the next build, and skips the cost.
    """
    if not folder_known:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = str(path.parent / f".{path.name}.{os.getpid()}.tmp")
    try:
        try:
            fd = os.open(tmp, _TEMP_FLAGS, 0o666)
        except FileExistsError:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.fchmod(fd, 0o666 & ~_umask())
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a quota: said of the page
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_saved(path: Path) -> str | None:
    """A record file as saved, LF line ends and no BOM (the same record however an editor saved it);
    None when it cannot be read."""
    try:
        return files.read_text(path, encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None


def check_not_looped(docs: Path) -> None:
    """``OutputError`` when docs/ is, or passes through, a symbolic link that leads back to itself: no page can
    be written there (and ``Path.resolve`` of it raised an internal error)."""
    if files.symlink_loop(docs):
        raise OutputError(docs, 1, 1, f"expected a folder to write pages into, found {files.SYMLINK_LOOP}")


def nearest_folder(path: Path) -> Path:
    """``path`` when it is a folder, else the nearest folder above it: where it would be made."""
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def unwritable(folder: Path) -> str | None:
    """Why no file can be made in ``folder`` (or, where it does not exist yet, in the nearest folder above
    it that does, where it would be made): a read-only file system, or a folder this user may not write
    to; None when one can."""
    folder = nearest_folder(folder)
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    try:  # no statvfs on Windows: there a refusal is only "may not write to"
        read_only = hasattr(os, "statvfs") and bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    return "a read-only file system" if read_only else "a folder this user may not write to"


def check_rewritable(path: Path, content: str, what: str) -> bool:
    """Whether a record ``generate`` keeps (source_texts/clause_ids.tsv …) differs from ``content``, read as
    ``read_saved`` does; one that does where no file can be made is refused, before anything is written
    (``what``: what the record is, as the message says it)."""
    if read_saved(path) == content:
        return False
    reason = unwritable(path.parent)
    if reason is not None:
        raise OutputError(path, 1, 1, f"expected a writable {what}, found {reason}")
    return True


def check_record(path: Path, content: str, what: str) -> None:
    """Raise a ``CurationError`` at the first line where the saved record differs from ``content``
    (``check``: a record ``generate`` keeps was not committed with the change that rewrote it);
    ``what``: what its lines hold, as the message says it."""
    expected = content.split("\n")
    found = (read_saved(path) or "").split("\n")
    if found == expected:
        return
    line = next(
        (n for n, (a, b) in enumerate(zip(found, expected, strict=False), start=1) if a != b),
        min(len(found), len(expected)) + 1,
    )
    shown = found[line - 1] if line <= len(found) else "the end of the file"
    wanted = expected[line - 1] if line <= len(expected) else "the end of the file"
    raise CurationError(
        path,
        line,
        1,
        f"expected {wanted!r} ({what} as `make build` records them), found {shown!r}; run `make build` and "
        f"commit {path.name} with the texts",
    )


def write_outputs(docs: Path, outputs: list[OutputFile]) -> WriteReport:
    """Write ``outputs`` under ``docs`` lazily; remove generated files no longer produced.

    Everything that would stop the writing is found before anything is written (``_plan``): a folder
    in the way (docs/ itself, or a folder under it, is a file), something other than a file where a
    page goes (a named pipe, which reading would wait on for ever), a folder no file can be made in; a
    write the system refuses after that (a full disk) is reported as ``OutputError``, ``partial``.
    """
    _check_folders(docs, outputs)
    try:
        plan = _plan(docs, outputs)
    except OSError as exc:
        raise OutputError(
            exc.filename or docs, 1, 1, f"expected a page file or nothing, found {exc.strerror}"
        ) from None
    try:
        return _apply(docs, plan, unchanged=len(outputs) - len(plan.changed))
    except OSError as exc:
        error = OutputError(exc.filename or docs, 1, 1, f"expected a writable file, found {exc.strerror}")
        error.partial = True
        raise error from None


@dataclass(frozen=True, kw_only=True)
class _Plan:
    changed: tuple[tuple[str, bytes], ...]  # (path under docs/, bytes) of each file whose bytes change
    stale: tuple[str, ...]  # files the last generate wrote that this one does not
    manifest: bytes | None  # docs/.generated anew, or None when it stays as it is
    # docs/.generated listing the files about to be made too, written before them (None: none is new), so
    # a run killed meanwhile (kill -9) leaves no file of its own the manifest does not name
    ahead: bytes | None
    leftovers: tuple[Path, ...]  # temporary files of writes a killed run left (``_leftovers``)


def _plan(docs: Path, outputs: list[OutputFile]) -> _Plan:
    """What the write stage will change, read before anything is written; ``OutputError`` for a folder no
    file can be made in, an ``OSError`` for a file that cannot be read where one is to be written."""
    changed = []
    sizes = []  # (old, new) byte counts of each changed file, for the room it needs (``_check_room``)
    for output in outputs:
        data = output.data
        try:
            old = files.read_bytes(docs / output.path)
        except FileNotFoundError:
            old = b""
        else:
            if old == data:
                continue
        changed.append((output.path, data))
        sizes.append((len(old), len(data)))
    wanted = {output.path for output in outputs}
    try:
        saved: bytes | None = files.read_bytes(docs / MANIFEST)
    except OSError:  # none yet, or one that does not read: no file is ours to remove, and it is written anew
        saved = None
    listed = _manifest_paths(saved)
    stale = tuple(path for path in sorted(listed - wanted) if (docs / path).is_file())
    manifest: bytes | None = "".join(f"{path}\n" for path in sorted(wanted)).encode("utf-8")
    if saved == manifest:
        manifest = None
    # None without a manifest (a first build): a run killed then leaves pages the next one, from the same
    # sources, lists; and a refused write names the page then, not docs/.generated
    made = {path for path, _ in changed} - listed
    ahead = "".join(f"{path}\n" for path in sorted(listed | made)).encode("utf-8") if made and saved else None
    touched = [path for path, _ in changed] + list(stale) + ([MANIFEST] if manifest is not None else [])
    # A folder no file can be made in (a read-only mount, another user's) is refused before any is written.
    for folder in sorted({(docs / path).parent for path in touched}):
        reason = unwritable(folder)
        if reason is not None:
            raise OutputError(folder, 1, 1, f"expected a folder generate may write pages into, found {reason}")
    manifests = [(len(saved or b""), len(text)) for text in (ahead, manifest) if text is not None]
    _check_room(docs, [*sizes, *manifests])
    leftovers = _leftovers({docs} | _folders(docs, wanted))
    return _Plan(changed=tuple(changed), stale=stale, manifest=manifest, ahead=ahead, leftovers=leftovers)


def _check_room(docs: Path, sizes: list[tuple[int, int]]) -> None:
    """``OutputError`` when the file system holding docs/ has less room than writing the changed files needs
    (``sizes``: their old and new byte counts, in the order they are written), so that a full disk stops the
    run before any is written rather than part-way. Each is written beside the old one, then replaces it:
    the most it needs at once is what the files before it grew, plus it whole. A quota statvfs does not see
    is still found as the writing goes (``OutputError``, ``partial``)."""
    try:
        found = os.statvfs(nearest_folder(docs))
    except (AttributeError, OSError):  # no statvfs (Windows): the writing finds it
        return
    if not found.f_blocks:  # a file system that reports no size (some FUSE mounts): the writing finds it
        return
    block = found.f_frsize or found.f_bsize or 1
    grown = needed = 0
    for old, new in sizes:
        old_blocks, new_blocks = -(-old // block) * block, -(-new // block) * block  # whole blocks, rounded up
        needed = max(needed, grown + new_blocks)
        grown += new_blocks - old_blocks
    free = found.f_bavail * block
    if needed > free:
        raise OutputError(
            docs,
            1,
            1,
            f"expected {needed // 1024} KiB free for the pages that change, found {free // 1024} KiB free on its file system",
        )


def _check_folders(docs: Path, outputs: list[OutputFile]) -> None:
    folders = {docs} | _folders(docs, [output.path for output in outputs])
    checked: set[Path] = set()  # a folder and every folder above it, found to be folders or not there
    for folder in sorted(folders):
        for candidate in (folder, *folder.parents):
            if candidate in checked:
                break  # and the folders above it too
            if candidate.exists() and not candidate.is_dir():
                raise OutputError(candidate, 1, 1, "expected a folder to write pages into, found a file")
            checked.add(candidate)


def _folders(docs: Path, paths: Iterable[str]) -> set[Path]:
    """The folders under ``docs`` that hold ``paths`` (docs/ paths, ``/`` between their parts), each made
    a ``Path`` once: made for each of 300 files, twice, they took a quarter of an edit build's write stage."""
    return {docs / folder for folder in {posixpath.dirname(path) for path in paths}}


MANIFEST = ".generated"  # the files the last generate wrote; MkDocs ignores dotfiles


def _apply(docs: Path, plan: _Plan, *, unchanged: int) -> WriteReport:
    for leftover in plan.leftovers:
        with contextlib.suppress(OSError):  # one that will not go is no reason to stop: MkDocs skips it
            leftover.unlink(missing_ok=True)
    if plan.ahead is not None:
        write_atomic(docs / MANIFEST, plan.ahead)
    folders: set[Path] = set()  # made already
    for path, data in plan.changed:
        target = docs / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        write_atomic(target, data, folder_known=True)
    # Only files a previous generate wrote are removed: anything else in the folder is not ours.
    for path in plan.stale:
        target = docs / path
        target.unlink()
        _remove_empty_parents(target.parent, docs)
    if plan.manifest is not None:
        write_atomic(docs / MANIFEST, plan.manifest)
    return WriteReport(written=tuple(path for path, _ in plan.changed), unchanged=unchanged, removed=plan.stale)


def _leftovers(folders: set[Path]) -> tuple[Path, ...]:
    """The temporary files in ``folders`` that ``write_atomic`` made in a process that is gone: a run killed
    as it wrote (kill -9). MkDocs skips dotfiles, but they would pile up in docs/. One a live process holds
    is left alone (one more generate, without the lock of ``one_writer``, is writing it)."""
    found = []
    for folder in sorted(folders):
        try:
            names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".tmp")]
        except OSError:  # not made yet
            continue
        for name in names:
            match = TEMPORARY_FILE_RE.fullmatch(name)
            if match and not _alive(int(match.group("pid"))):
                found.append(folder / name)
    return tuple(found)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's process (EPERM), or no pid at all: not ours to judge
        return True
    return True


def _manifest_paths(saved: bytes | None) -> set[str]:
    """The files the last generate wrote, as its manifest lists them (none when it does not read)."""
    try:
        lines = saved.decode("utf-8").splitlines() if saved is not None else []
    except UnicodeDecodeError:
        return set()
    # Never follow a path out of docs/, whatever the manifest says.
    return {line for line in lines if line and not line.startswith("/") and ".." not in line.split("/")}


def _remove_empty_parents(folder: Path, docs: Path) -> None:
    while folder != docs and docs in folder.parents and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
