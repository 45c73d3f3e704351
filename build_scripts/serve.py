"""``serve``: MkDocs serves docs/ while this loop regenerates it on every source change."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from pathlib import Path

from .errors import BuildError, BuildErrors
from .render import TEMPLATE_DIR

POLL_SECONDS = 0.2


def _snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    return {path: _stamp(path) for folder in folders for path in folder.rglob("*") if path.is_file()}


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size)


def serve(source: Path, docs: Path, *, dev_addr: str, config_file: Path | None = None) -> int:
    from .pipeline import generate
    from .track.clause_ids import FILE_NAME as CLAUSE_IDS_FILE
    from .track.published import FILE_NAME as PUBLISHED_FILE

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            dev_addr,
            "--livereload",
            *(["-f", str(config_file)] if config_file else []),
        ],
    )
    watched = [source, TEMPLATE_DIR]
    state = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            current = _snapshot(watched)
            if current == state:
                continue
            state = current
            try:
                result = generate(source, docs)
                written = len(result.report.written) if result.report else 0
                print(f"regenerated: {written} file(s) written", flush=True)
                # generate's own writes to source_texts/ are no edit to rebuild for (only those
                # files: an edit saved meanwhile still counts)
                for wrote, name in ((result.ids_recorded, CLAUSE_IDS_FILE), (result.pages_recorded, PUBLISHED_FILE)):
                    if wrote:
                        with contextlib.suppress(OSError):  # gone again meanwhile: the next look sees it
                            state[source / name] = _stamp(source / name)
            except BuildErrors as errors:
                for error in errors.errors:
                    print(error, file=sys.stderr, flush=True)
            except BuildError as error:
                print(error, file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0
