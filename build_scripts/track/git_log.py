"""The git history of the source texts: every committed version of each file, read in two git calls.

No git, no repository, or a shallow clone: we return what is there (possibly nothing), quietly.
Nothing here reads the wall clock: versions are named by commit hash and committer date.
Nor does anything here depend on the git configuration of the machine (``log.showRoot``,
``i18n.logOutputEncoding``, ``core.quotePath``), nor on the GIT_DIR a hook sets: the same repository
gives the same history everywhere.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import patterns
from ..errors import SourceError

_TIMEOUT = 60
_NO_BLOB = "0" * 40
# Starts each commit's header line. A subject may hold it too (nothing stops a commit message holding
# control characters), but never at a line's start: the header is one line (``%s`` joins the subject's
# lines), and the file lines of ``--raw`` after it start with ":".
_RECORD = "\x01"


@dataclass(frozen=True, kw_only=True)
class Revision:
    """One commit that changed one source file, and the file's blob at that commit."""

    commit: str
    date: str  # committer date, ISO 8601
    subject: str
    blob: str  # git object id of the file's content at this commit
    age: int  # the commit's place in the log, newest first: a smaller age is a later commit


# What git prints must not depend on the machine's git configuration (the same sources give the same
# docs/ everywhere): file names as they are, not quoted in octal when outside ASCII (core.quotePath).
_CONFIG = ("-c", "core.quotePath=false")


# Variables that point git at another repository, work tree or object store than those of the folder
# ``source`` is in (from ``git rev-parse --local-env-vars``, which git clears itself when it enters a
# submodule; the configuration ones are kept: a machine may need its safe.directory). A hook sets some:
# git runs a linked worktree's hooks with GIT_DIR, and ``git -C source_texts`` then took source_texts/
# for the top of the work tree. The history is that of the repository holding ``source``.
_LOCATING_ENV_VARS = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_IMPLICIT_WORK_TREE",
        "GIT_COMMON_DIR",
        "GIT_INDEX_FILE",
        "GIT_PREFIX",
        "GIT_INTERNAL_SUPER_PREFIX",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_SHALLOW_FILE",
        "GIT_GRAFT_FILE",
    }
)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _LOCATING_ENV_VARS}
    env.update(GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    return env


def _run(source: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(
            ["git", *_CONFIG, "-C", str(source), *args],
            input=stdin,
            capture_output=True,
            timeout=_TIMEOUT,
            env=_env(),
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def _git(source: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    proc = _run(source, *args, stdin=stdin)
    return proc.stdout if proc is not None and proc.returncode == 0 else None


def _refused(source: Path, proc: subprocess.CompletedProcess[bytes] | None) -> None:
    """Stop when git refuses the repository holding ``source`` (another user owns it, and no
    safe.directory names it): building on as in a folder without git would publish other pages from the
    same commit (no change log; clause ids pinned without the old texts)."""
    said = proc.stderr.decode("utf-8", errors="replace") if proc is not None else ""
    if "dubious ownership" not in said:
        return
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    refusal = next((line.removeprefix("fatal: ") for line in lines if "dubious ownership" in line), "")
    fix = next((line for line in lines if line.startswith("git config")), "git config --global --add safe.directory …")
    raise SourceError(
        source,
        1,
        1,
        "expected a git repository this user may read (its history gives the change log and keeps clause ids), "
        f"found git refusing it: {refusal}; if it is to be built here, run: {fix}",
    )


_LOG_ARGS = (
    "log",
    "--root",  # the first commit's files too, whatever log.showRoot says
    "--encoding=UTF-8",  # subjects in UTF-8, whatever i18n.logOutputEncoding or i18n.commitEncoding say
    "--no-renames",
    "--raw",
    "--no-abbrev",
    "--relative",
    "--format=" + _RECORD + "%H%x00%cI%x00%s",
    "--",
    ".",
)


class StartedLog:
    """``file_histories`` begun now, read later: git walks the history while the build loads the texts
    (``git log`` takes about 0.02 s on the project's 500 commits, most of it waiting for git)."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self._process: subprocess.Popen[bytes] | None
        try:
            self._process = subprocess.Popen(
                ["git", *_CONFIG, "-C", str(source), *_LOG_ARGS],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=_env(),
            )
        except (OSError, subprocess.SubprocessError):
            self._process = None

    def histories(self) -> dict[str, list[Revision]]:
        """``file_histories(source)``, as git gives it (once: the process is read to its end)."""
        process, self._process = self._process, None
        finished: subprocess.CompletedProcess[bytes] | None = None
        if process is not None:
            with process:
                try:
                    out, err = process.communicate(timeout=_TIMEOUT)
                except subprocess.SubprocessError:
                    process.kill()
                    process.communicate()
                else:
                    finished = subprocess.CompletedProcess(process.args, process.returncode, out, err)
        if finished is None or finished.returncode != 0:
            _refused(self.source, finished)
            return {}
        return _histories(finished.stdout)

    def close(self) -> None:
        """Stop git when the history was not read (the build stopped before it needed it)."""
        process, self._process = self._process, None
        if process is not None:
            with process:
                process.kill()


def file_histories(source: Path) -> dict[str, list[Revision]]:
    """Path relative to ``source`` → its committed versions, oldest first. ``{}`` without git.

    One call: outside a repository, or in one without commits, ``git log`` fails and we return ``{}``;
    in one git refuses to read (``_refused``), it is an error.
    """
    return StartedLog(source).histories()


def _histories(out: bytes) -> dict[str, list[Revision]]:
    """git log's output read line by line: a header line (``_RECORD``, hash, date, subject), then the
    ``--raw`` line of each file the commit changed. A subject is split off at the first two NULs only,
    so whatever it holds (a ``_RECORD`` too) stays its own."""
    histories: dict[str, list[Revision]] = {}
    age, commit, date, subject = -1, "", "", ""
    for line in out.decode("utf-8", errors="replace").split("\n"):
        if line.startswith(_RECORD):
            age += 1
            commit, date, subject = (line[len(_RECORD) :].split("\x00", 2) + ["", ""])[:3]
            subject = shown_subject(subject)
            continue
        if age < 0 or not line.startswith(":") or "\t" not in line:
            continue
        fields, path = line.split("\t", 1)
        blob = fields.split()[3]
        if blob == _NO_BLOB:  # the file was deleted by this commit
            continue
        revision = Revision(commit=commit, date=date, subject=subject, blob=blob, age=age)
        histories.setdefault(path, []).append(revision)
    for revisions in histories.values():
        revisions.reverse()  # git log is newest first
    return histories


def shown_subject(subject: str) -> str:
    """A commit's subject as the change log shows it: without control characters and the invisible format
    marks ``clean`` removes from the texts (a direction override, U+202E, showed the words after it reversed).
    Staff cannot take them out of a commit made, so they are dropped here, not refused."""
    return patterns.CONTROL_CHAR_RE.sub("", patterns.INVISIBLE_FORMAT_RE.sub("", subject))


def read_blobs(source: Path, blobs: set[str], committed: Iterable[str] = ()) -> dict[str, bytes]:
    """The content of each blob, in one ``git cat-file --batch``; missing ones (shallow clone) are left out.
    ``committed``: files under ``source`` read in the same call as the newest commit has them
    (``committed_file``), each under ``HEAD:./<name>``; left out when that commit has none."""
    requests = [*sorted(blobs), *(f"{HEAD_FILE}{name}" for name in committed)]
    if not requests:
        return {}
    out = _git(source, "cat-file", "--batch", stdin="".join(r + "\n" for r in requests).encode("utf-8"))
    if out is None:
        return {}
    contents: dict[str, bytes] = {}
    position = 0
    for request in requests:  # one answer each, in order: "<id> <type> <size>" and the content, or "<name> missing"
        if position >= len(out):
            break
        end = out.index(b"\n", position)
        header = out[position:end].decode("utf-8", errors="replace").split()
        position = end + 1
        if len(header) != 3 or not header[2].isdigit():
            continue  # "<id> missing", "<name> missing"
        size = int(header[2])
        if header[1] == "blob":
            contents[request] = out[position : position + size]
        position += size + 1
    return contents


HEAD_FILE = "HEAD:./"  # a file under ``source`` as the newest commit has it, as git names it


def blob_id(data: bytes) -> str:
    """The git object id the bytes would have, to tell whether the working tree differs from HEAD."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data, usedforsecurity=False).hexdigest()


def committed_file(source: Path, name: str) -> bytes | None:
    """The file ``name`` under ``source`` as the newest commit has it; None without git or without the file."""
    return _git(source, "show", f"{HEAD_FILE}{name}")


def shallow(source: Path) -> bool:
    """Whether the repository holding ``source`` is a shallow clone (its older commits absent); False
    without git. Asked only when the history's answer matters (redirects.yaml's entries)."""
    return _git(source, "rev-parse", "--is-shallow-repository") == b"true\n"
