"""A content-addressed cache for expensive, pure stages, kept in .cache/ (like __pycache__).

A value is stored under the SHA-256 of everything it is computed from, including the
source code of the stage, so a stale entry can never be read: any change to an input
or to the code gives another key. Deleting .cache/ only costs time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .write import write_atomic

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache"


def fingerprint(parts: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint(*modules: Path) -> list[bytes]:
    """The bytes of every source file of the given modules or packages."""
    files: list[Path] = []
    for module in modules:
        files.extend(sorted(module.rglob("*.py")) if module.is_dir() else [module])
    return [p.read_bytes() for p in files] + [str(p.name).encode() for p in files]


def load(stage: str, key: str) -> Any | None:
    try:
        return json.loads((CACHE_DIR / stage / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
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
