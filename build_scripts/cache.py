"""A content-addressed cache for expensive, pure stages, kept in .cache/ (like __pycache__).

A value is stored under the SHA-256 of everything it is computed from, including the
source code of the stage, so a stale entry can never be read: any change to an input
or to the code gives another key. Deleting .cache/ only costs time.

Two shapes: ``load``/``store`` keep one JSON value per stage, filed under its key (the link
stage's); ``load_entry``/``store_entry`` keep one pickled value per named item of a stage
(a document, a YAML file), each with the key it was computed under. Pickle because the
values are the model's own frozen dataclasses and dates; the files are read only from our
own .cache/, as Python reads its own __pycache__, and one that does not load is a miss.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import pickle
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
import numpy
import yaml

from .write import write_atomic

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache"


def fingerprint(parts: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint(*modules: Path) -> list[bytes]:
    """The bytes of every source file of the given modules or packages."""
    files: list[Path] = []
    for module in modules:
        files.extend(sorted(module.rglob("*.py")) if module.is_dir() else [module])
    return [p.read_bytes() for p in files] + [str(p.name).encode() for p in files]


def runtime_versions() -> list[str]:
    """What the cached values depend on besides the package's source: Python (its ``unicodedata`` cleans
    the texts) and the pinned libraries whose results are kept (PyYAML's parses, numpy's link scores,
    Jinja's compiled templates). Upgrading one of them in requirements.txt reinstalls .venv/ but leaves
    .cache/: without these, a build would read what the old versions computed."""
    return [
        sys.version,
        unicodedata.unidata_version,
        f"PyYAML {yaml.__version__} libyaml {yaml.__with_libyaml__}",
        f"numpy {numpy.__version__}",
        f"Jinja2 {jinja2.__version__}",
    ]


@functools.cache
def package_fingerprint() -> str:
    """The fingerprint of this package's source as this process loaded it (read once: a module edited
    while ``serve`` runs is not the code running, so a new fingerprint would describe other code), and
    of the versions it runs on (``runtime_versions``)."""
    return fingerprint([*code_fingerprint(Path(__file__).resolve().parent), *runtime_versions()])


def load(stage: str, key: str) -> Any | None:
    try:
        return json.loads((CACHE_DIR / stage / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # a damaged entry is a miss
        return None


def store(stage: str, key: str, value: Any) -> None:
    folder = CACHE_DIR / stage
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.json"):  # one entry per stage: the cache never grows
            old.unlink(missing_ok=True)
        write_atomic(folder / f"{key}.json", json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    except OSError:
        pass


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]")


def _entry_path(stage: str, name: str) -> Path:
    return CACHE_DIR / stage / f"{_SAFE_NAME.sub('_', name)}.pickle"


def load_entry(stage: str, name: str, key: str) -> Any | None:
    """The value ``store_entry`` kept for ``name`` if it was computed under ``key``, else None."""
    try:
        data = _entry_path(stage, name).read_bytes()
    except OSError:
        return None
    stored, _, payload = data.partition(b"\n")
    if stored != key.encode("ascii"):
        return None
    try:
        return pickle.loads(payload)  # our own cache folder (see the module's docstring)
    except Exception:  # a truncated or foreign file is a miss, whatever unpickling raises
        return None


def store_entry(stage: str, name: str, key: str, value: Any) -> None:
    """Keep ``value`` as ``name``'s entry, computed under ``key`` (replacing the previous one)."""
    with contextlib.suppress(OSError):  # a cache that cannot be written is no cache
        write_atomic(_entry_path(stage, name), key.encode("ascii") + b"\n" + pickle.dumps(value, protocol=5))
