"""The load stage: read bytes from disk, decode them, and read curated YAML with line numbers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import patterns
from .errors import CurationError, TextError

# A text decoded from GB 18030 is accepted only if it reads as Chinese prose.
_MIN_CJK_SHARE = 0.3


@dataclass(frozen=True, kw_only=True)
class RawText:
    path: Path
    text: str  # decoded, not yet cleaned
    sha256: str  # of the bytes on disk
    encoding: str


def read_text(path: Path) -> RawText:
    """Read a source text as UTF-8 (with or without BOM), or as GBK/GB 18030.

    Raises ``TextError`` located at the first undecodable byte, or at 1:1 for an
    empty file.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TextError(path, 1, 1, f"expected a readable text file, found {exc.strerror}") from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip(b" \t\r\n\xef\xbb\xbf\xe3\x80\x80"):
        raise TextError(path, 1, 1, "expected the text of a document, found an empty file")
    try:
        return RawText(path=path, text=data.decode("utf-8-sig"), sha256=digest, encoding="utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = ""
        if text and _reads_as_chinese(text):
            return RawText(path=path, text=text, sha256=digest, encoding="gb18030")
        line, column = _position_of_byte(data, utf8_error.start)
        bad = data[utf8_error.start : utf8_error.start + 4].hex(" ")
        raise TextError(path, line, column, f"expected UTF-8 (or GBK) text, found undecodable bytes {bad}") from None


def _reads_as_chinese(text: str) -> bool:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible or any(ord(ch) < 32 for ch in text if ch not in "\t\r\n"):
        return False
    cjk = sum(1 for ch in visible if patterns.CJK_RE.match(ch))
    return cjk / len(visible) >= _MIN_CJK_SHARE


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return line, column


# YAML ----------------------------------------------------------------------

LINE_KEY = "__line__"
COLUMN_KEY = "__column__"


# libyaml's parser when PyYAML was built with it (the pinned wheels are), else the pure-Python one.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader that records where each mapping starts."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            mark = key_node.start_mark
            raise CurationError(
                loader.name, mark.line + 1, mark.column + 1, f"expected each key once, found {key!r} again"
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    mapping[COLUMN_KEY] = node.start_mark.column + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    """Parse a curated YAML file; every mapping carries ``__line__`` and ``__column__``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CurationError(path, 1, 1, "expected a curated YAML file, found no such file") from None
    except UnicodeDecodeError as exc:
        line, column = _position_of_byte(path.read_bytes(), exc.start)
        raise CurationError(path, line, column, "expected UTF-8 YAML, found undecodable bytes") from None
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise CurationError(path, line, column, f"expected valid YAML, found {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise CurationError(path, 1, 1, f"expected valid YAML, found {exc}") from None
    finally:
        loader.dispose()


def where(entry: Any) -> tuple[int, int]:
    """The (line, column) a mapping loaded by ``read_yaml`` started at."""
    if isinstance(entry, dict):
        return int(entry.get(LINE_KEY, 1)), int(entry.get(COLUMN_KEY, 1))
    return 1, 1
