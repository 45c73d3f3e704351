"""A file's bytes, read only when it is a regular file.

Opening a named pipe (FIFO) for reading waits until something writes to it, and a device such as
/dev/zero never ends: a build reading either would hang, or fill the memory, without a word. So
each file the build reads (texts, curated YAML, records, mkdocs.yml, the last build's clauses) is
opened without waiting, looked at, and refused with an ``OSError`` whose ``strerror`` says what
stands there, which every reader already reports where the file is.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# O_NOCTTY: a terminal device is not made this process's controlling terminal by being looked at
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, as a message says it: "a folder", "a named pipe (FIFO)" …"""
    return next(
        (name for test, name in _KINDS if test(mode)),
        "a regular file" if stat.S_ISREG(mode) else "a file of an unknown kind",
    )


def read_bytes(path: Path) -> bytes:
    """``path.read_bytes()``, or an ``OSError`` for anything that is not a regular file (followed
    through symbolic links), without waiting for a pipe's writer. What stands there is looked at before it
    is opened (a socket cannot be opened at all), and again once it is (it may have been swapped between)."""
    _refuse_unless_regular(os.stat(path).st_mode, path)
    fd = os.open(path, _FLAGS)
    try:
        _refuse_unless_regular(os.fstat(fd).st_mode, path)
        with os.fdopen(fd, "rb", closefd=False) as handle:  # O_NONBLOCK means nothing to a regular file
            return handle.read()
    finally:
        os.close(fd)


def _refuse_unless_regular(mode: int, path: Path) -> None:
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, f"{kind(mode)}, not a regular file", str(path))


# What a message says stands where a path passes through a link that leads back to itself.
SYMLINK_LOOP = "a symbolic link that leads back to itself"


def symlink_loop(path: Path) -> bool:
    """Whether ``path`` is, or passes through, a symbolic link that leads back to itself (``ln -s a b; ln -s b a``):
    before Python 3.13, ``Path.resolve`` raises a RuntimeError for one (an internal error), and every open fails."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def absent(path: Path) -> bool:
    """Whether nothing at all stands at ``path``: a symbolic link that leads to no file, or back to itself, is
    there (``Path.exists`` says False for both), and reading it says so (``missing``). A curated file taken
    for absent would be left out of the build without a word: every decision of crossrefs.yaml dropped."""
    return not os.path.lexists(path)


def standing(path: Path) -> str:
    """What stands at ``path`` (which is there: ``absent`` says not), as a message says it: "a regular file",
    "a folder", "a symbolic link to gone.txt, which leads to no file" …"""
    try:
        return kind(os.stat(path).st_mode)
    except OSError as error:
        return missing(path, error)


def needed_by_links(what: str, key: str) -> str:
    """The message for a curated file the link stage reads that is not there while documents.yaml names
    documents to link: taken for none, every entry would be dropped without a word."""
    return f"expected {what} of the documents with crossrefs roles in documents.yaml, found no such file (for no entries, write '{key}: []' in it)"


def missing(path: Path, error: OSError) -> str:
    """What a message says stands at ``path`` when opening it raised ``error``: "no such file", a link that
    leads to no file (and where it points), a link that leads back to itself, or what the system says."""
    if error.errno == errno.ELOOP:
        return SYMLINK_LOOP
    if isinstance(error, FileNotFoundError):
        if path.is_symlink():
            return f"a symbolic link to {os.readlink(path)}, which leads to no file"
        return "no such file"
    return error.strerror or str(error)


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """``read_bytes`` decoded; a ``UnicodeDecodeError`` as ``Path.read_text`` raises it."""
    return read_bytes(path).decode(encoding)
