"""``serve``: MkDocs serves docs/ while this loop regenerates it on every source change."""

from __future__ import annotations

import errno
import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .cache import CACHE_DIR
from .errors import BuildError, BuildErrors, OutputError
from .exclusive import one_writer
from .patterns import EDITOR_FILE_RE
from .render.jinja_env import TEMPLATE_DIR
from .site_config import check_config, check_nav, docs_pages, serve_copy
from .write import write_atomic

POLL_SECONDS = 0.2
PACKAGE_DIR = Path(__file__).resolve().parent  # the code serve runs: an edit of it needs a new serve
# What a rebuild that stopped says after its problems, as ``generate`` does; the site served stays the last good one.
UNCHANGED = "docs/ was not changed: the site served is the last build that worked."
PARTLY_WRITTEN = "docs/ may be partly written; it is generated again once this is fixed."
# What a save of mkdocs.yml MkDocs could not build with says after its problems: MkDocs never saw it.
CONFIG_NOT_APPLIED = "was not applied: the site served is built with the last one that worked."
CONFIG_APPLIED = "was checked: the site served is built with it."
CODE_EDITED = (
    "build_scripts/ was edited: serve still runs the code it started with, so the pages it builds are not "
    "built by the edit; stop serve (Ctrl-C) and run `make serve` again"
)


def _snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    """Each file under ``folders`` with its stamp. One gone between its listing and its look (the temporary
    file of a ``make build`` in another terminal, a folder ``git checkout`` removes) is only not there, never
    a crash of serve: os.walk passes over a folder it can no longer list, and each file is looked at once.
    Neither __pycache__/ (Python's) nor the files an editor keeps beside a text (``EDITOR_FILE_RE``: its swap
    file, written every few seconds of typing) are an edit."""
    stamps = {}
    for folder in folders:
        for parent, folders_in, names in os.walk(folder):
            if "__pycache__" in folders_in:
                folders_in.remove("__pycache__")
            for name in names:
                if EDITOR_FILE_RE.fullmatch(name):
                    continue
                if (stamp := _stamp(Path(parent, name))) is not None:
                    stamps[Path(parent, name)] = stamp
    return stamps


def _code() -> dict[Path, tuple[int, int]]:
    """The package's modules with their stamps: the code a process runs is the code it started with
    (``cache.package_fingerprint`` reads them once). Its data (crossref_weights.json, the schemas) is read
    by each run."""
    return {path: stamp for path, stamp in _snapshot([PACKAGE_DIR]).items() if path.suffix == ".py"}


def _stamp(path: Path) -> tuple[int, int] | None:
    """When and how long the file at ``path`` (through links, as the loader reads it) is, or None where there
    is no regular file (gone, a pipe, a link to nothing)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size) if stat.S_ISREG(found.st_mode) else None


def address_problem(dev_addr: str) -> str | None:
    """Why the server cannot listen at ``dev_addr`` (host:port, an IP address or localhost, checked by the
    command line), or None, probed as MkDocs' server binds (IPv6 for an IPv6 address, else IPv4). Taken
    (another ``make serve``, say) is said so; an address this machine has not, as the system says it."""
    host, _, port = dev_addr.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server binds
        try:
            probe.bind((host, int(port)))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (
                    f"expected a free address for the server at {dev_addr}, found it in use (another `make serve`?); "
                    "stop that one, or serve elsewhere: make serve ADDR=127.0.0.1:8001"
                )
            return f"expected an address of this machine to serve at {dev_addr}, found {_reason(error)}"
    return None


def _reason(error: Exception) -> str:
    """An OSError's reason as the system words it (Cannot assign requested address), not its repr."""
    return (getattr(error, "strerror", None) or str(error)).strip() or type(error).__name__


def theme_folders(config: dict[str, object], config_file: Path) -> list[Path]:
    """overrides/ (site.css, site.js, main.html), the ``custom_dir`` of ``config`` (``config_file`` as cli read
    it), for MkDocs to watch: it watches no theme by itself, so an edit there was never served. Not
    ``--watch-theme``: MkDocs polls what it watches, and Material's whole package is a quarter of a core,
    all the time."""
    from .site_config import theme_folder

    folder = theme_folder(config, config_file)
    return [folder] if folder is not None else []


def say_not_built(error: BuildError) -> None:
    """What a regeneration that stopped says (the first one too, when serve starts on a broken save): its
    problems, then what is served."""
    from .cli import count_held_warnings, say_problems

    if isinstance(error, BuildErrors):
        say_problems(error, f"; {UNCHANGED}")
        return
    print(error, file=sys.stderr, flush=True)
    partial = isinstance(error, OutputError) and error.partial
    print(PARTLY_WRITTEN if partial else UNCHANGED, file=sys.stderr, flush=True)
    count_held_warnings(error)


def shadow_path() -> Path:
    """The copy of mkdocs.yml this serve hands MkDocs (``serve_copy``): one per process, under .cache/.
    Those of a serve no longer running (killed: it removes its own on the way out) are removed."""
    folder = CACHE_DIR / "serve"
    for left in folder.glob("mkdocs.*.yml"):
        pid = left.name.split(".")[1]
        if pid.isdigit() and not _running(int(pid)):
            left.unlink(missing_ok=True)
    return folder / f"mkdocs.{os.getpid()}.yml"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's: running
        return True
    return True


def apply_config(docs: Path, config_file: Path, shadow: Path) -> None:
    """A save of ``config_file`` checked as ``build`` checks it (``check_config``, and its nav against docs/),
    then copied to ``shadow``, which MkDocs reads and watches, if that changes it; a broken save raises
    ``BuildError`` and ``shadow`` stays the last good one: MkDocs never sees it, so it never stops on it
    (a traceback, and every page hanging until the fix)."""
    _, text = check_config(docs, config_file)
    check_nav(config_file, text, docs_pages(docs))
    copy = serve_copy(config_file, text).encode("utf-8")
    if _read_bytes(shadow) != copy:
        write_atomic(shadow, copy)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def say_config_not_applied(error: BuildError, config_file: Path) -> None:
    """What a save of mkdocs.yml that does not check says: its problems, then that MkDocs goes on without it."""
    from .cli import say_problems

    if isinstance(error, BuildErrors):
        say_problems(error, f"; {config_file} {CONFIG_NOT_APPLIED}")
        return
    print(error, file=sys.stderr, flush=True)
    print(f"{config_file} {CONFIG_NOT_APPLIED}", file=sys.stderr, flush=True)


def serve(
    source: Path,
    docs: Path,
    *,
    dev_addr: str,
    config_text: str,
    config_file: Path | None = None,
    watch: Sequence[Path] = (),
) -> int:
    """Regenerate on every change while MkDocs serves (and MkDocs watch ``watch`` besides docs/: the theme's
    folder, ``theme_folders``); the exit status is MkDocs' when it stops by itself (0 when stopped by Ctrl-C,
    SIGTERM or SIGHUP). MkDocs reads a copy of ``config_file`` (``apply_config``), renewed on each save that
    checks, so that a broken save is said, located, and the last good site stays served; the first copy is of
    ``config_text``, the text the command line checked (``site_config.check_config``)."""
    from .cli import count_warnings, internal_error, say_waiting, say_warnings
    from .pipeline import generate, record_notes
    from .track.clause_ids import FILE_NAME as CLAUSE_IDS_FILE
    from .track.published import FILE_NAME as PUBLISHED_FILE

    config_file = config_file or Path("mkdocs.yml")
    shadow, config_stamp = shadow_path(), _stamp(config_file)  # stamped first: a save from now is looked at
    write_atomic(shadow, serve_copy(config_file, config_text).encode("utf-8"))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            dev_addr,
            "--livereload",
            *[option for folder in watch for option in ("-w", str(folder))],
            "-f",
            str(shadow),
        ],
    )
    watched = [source, TEMPLATE_DIR]
    state, code = _snapshot(watched), _code()
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            if (edited := _code()) != code:  # said, not rebuilt for: it would build the same
                code = edited
                print(CODE_EDITED, file=sys.stderr, flush=True)
            if (saved := _stamp(config_file)) != config_stamp:
                config_stamp = saved
                try:
                    apply_config(docs, config_file, shadow)
                    print(f"{config_file} {CONFIG_APPLIED}", flush=True)
                except BuildError as error:
                    say_config_not_applied(error, config_file)
                except Exception as exc:  # a bug (or a plugin's) this save meets: said, and serve goes on
                    if os.environ.get("BUILD_DEBUG"):
                        raise
                    print(internal_error(exc), file=sys.stderr, flush=True)
                    print(f"{config_file} {CONFIG_NOT_APPLIED}", file=sys.stderr, flush=True)
            current = _snapshot(watched)
            if current == state:
                continue
            state = current
            try:
                with one_writer(docs, lambda: say_waiting(docs)):  # a `make build` writing docs/ meanwhile
                    result = generate(source, docs)
                written = len(result.report.written) if result.report else 0
                say_warnings(result.warnings)
                print(f"regenerated: {written} file(s) written; {result.since_last_build}", flush=True)
                for note in record_notes(result, source):
                    print(note, flush=True)
                count_warnings(result.warnings)
                # generate's own writes to source_texts/ are no edit to rebuild for (only those
                # files: an edit saved meanwhile still counts)
                for wrote, name in ((result.ids_recorded, CLAUSE_IDS_FILE), (result.pages_recorded, PUBLISHED_FILE)):
                    # gone again meanwhile: the next look sees it
                    if wrote and (stamp := _stamp(source / name)) is not None:
                        state[source / name] = stamp
            except BuildError as error:
                say_not_built(error)
            except Exception as exc:  # a bug one save meets: said as generate says it, and serve goes on
                if os.environ.get("BUILD_DEBUG"):
                    raise
                print(internal_error(exc), file=sys.stderr, flush=True)
                print(PARTLY_WRITTEN, file=sys.stderr, flush=True)  # where it stopped is not known
    except KeyboardInterrupt:  # Ctrl-C (MkDocs gets it too), SIGTERM or SIGHUP (cli.Terminated): stopped by us
        stopped_by_itself = None
    else:
        stopped_by_itself = server.poll()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shadow.unlink(missing_ok=True)
    if stopped_by_itself:
        print(f"mkdocs serve stopped (exit status {stopped_by_itself})", file=sys.stderr)
        return stopped_by_itself
    return 0
