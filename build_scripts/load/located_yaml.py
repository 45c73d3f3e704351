"""Curated YAML read with positions: every mapping, value and list item knows the line and column
it starts at, so each message about a curated file names where the problem stands.

Refused where it stands, as a located ``CurationError``: bytes that are not UTF-8, syntax errors,
characters YAML does not allow or reads as a line break, control and invisible characters in a
value, aliases, nesting deeper than any curated file needs, a key given twice, a value its tag
cannot make (``!!int xyz``). A bare date that is no date (2016-13-40) stays text, for the field that
wants a date to refuse where it stands. A parsed file is kept in .cache/yaml/ under a digest of its
text and of the package's code.
"""

from __future__ import annotations

import contextlib
import errno
import unicodedata
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml

from .. import cache, patterns
from ..clean import split_lines
from ..errors import CurationError
from . import files
from .texts import lfs_pointer, merge_marker, position_of, position_of_undecodable, utf16_without_bom, wide_encoding

LINE_KEY = "__line__"
COLUMN_KEY = "__column__"
POSITIONS_KEY = "__positions__"  # key → (line, column) of its value: a message about a field points at it
KEY_POSITIONS_KEY = "__key_positions__"  # key → (line, column) of the key: a message about the key points at it
# key → the words it was written as, for a key YAML made no text of (~, null, yes, 0x1f, an empty key): a message
# names it as staff wrote it, not as Python shows what YAML made of it (None, True, 31). Only in a mapping with one.
WRITTEN_KEYS_KEY = "__written_keys__"
# The keys the loader adds to every mapping: a file's own key so named is refused, and every other is the file's.
LOADER_KEYS = frozenset((LINE_KEY, COLUMN_KEY, POSITIONS_KEY, KEY_POSITIONS_KEY, WRITTEN_KEYS_KEY))


# libyaml's parser when PyYAML was built with it (the pinned wheels are), else the pure-Python one.
# The checker cannot follow a base class chosen at run time; both loaders share SafeLoader's API.
if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe loader that records where each mapping starts."""


_NODES = {yaml.ScalarNode: "a scalar", yaml.SequenceNode: "a sequence", yaml.MappingNode: "a mapping"}


def _tagged_as(loader: _LineLoader, node: yaml.Node, kind: type[yaml.Node]) -> None:
    """Refuse a node tagged as a node of another kind (``!!seq {b: 1}``, ``!!map [1]``), at the node: its
    items were read as the other kind's, an internal error (AttributeError) or a TypeError's words."""
    if not isinstance(node, kind):
        mark = node.start_mark
        raise CurationError(
            loader.name, mark.line + 1, mark.column + 1, f"expected a value its tag allows, found {_NODES[type(node)]}"
        )


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Hashable, Any]:
    _tagged_as(loader, node, yaml.MappingNode)
    loader.flatten_mapping(node)
    mapping: dict[Hashable, Any] = {}  # keys are whatever YAML gives: str, int, date, ...
    positions: dict[Hashable, tuple[int, int]] = {}
    key_positions: dict[Hashable, tuple[int, int]] = {}
    written: dict[Hashable, str] = {}
    for key_node, value_node in node.value:
        key = _construct_value(loader, key_node)
        mark = key_node.start_mark
        if not isinstance(key, Hashable):
            raise CurationError(loader.name, mark.line + 1, mark.column + 1, f"expected a plain key, found {key!r}")
        if key in LOADER_KEYS:  # it would be overwritten below, and passed over as the loader's
            raise CurationError(
                loader.name,
                mark.line + 1,
                mark.column + 1,
                f"expected a key of the file's own, found {key!r}, a name the build keeps for itself",
            )
        if key in mapping:
            shown = f"'{key_node.value}'" if isinstance(key_node, yaml.ScalarNode) else repr(key)
            raise CurationError(
                loader.name, mark.line + 1, mark.column + 1, f"expected each key once, found {shown} again"
            )
        mapping[key] = _construct_value(loader, value_node)
        positions[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        key_positions[key] = (mark.line + 1, mark.column + 1)
        if not isinstance(key, str) and isinstance(key_node, yaml.ScalarNode):
            written[key] = key_node.value
    mapping[LINE_KEY] = node.start_mark.line + 1
    mapping[COLUMN_KEY] = node.start_mark.column + 1
    mapping[POSITIONS_KEY] = positions
    mapping[KEY_POSITIONS_KEY] = key_positions
    if written:
        mapping[WRITTEN_KEYS_KEY] = written
    return mapping


def _construct_value(loader: _LineLoader, node: yaml.Node) -> Any:
    """A value, or a located error for one its tag cannot make (``!!int xyz``, ``!!float x``, ``{[1]: 2}``;
    ``!!bool maybe`` and ``!!int ''``, whose word PyYAML looks up in vain or indexes: said as the word)."""
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        mark = node.start_mark
        found = repr(node.value) if isinstance(exc, LookupError) and isinstance(node, yaml.ScalarNode) else exc
        raise CurationError(
            loader.name, mark.line + 1, mark.column + 1, f"expected a value its tag allows, found {found}"
        ) from None
    if isinstance(value, str):
        _check_characters(loader, node, value)
    return value


def _check_characters(loader: _LineLoader, node: yaml.Node, value: str) -> None:
    """YAML refuses a raw NUL or ESC but makes one of "\\0" or "\\e": damage in a text, so here too; and an
    invisible joiner or direction override, which clean removes from a text, is no part of a curated value
    (a name with one is not the name in the text; an override shows the rest of a title backwards); nor is a
    private-use character, refused in a text too (no reader's font shows it as the one who typed it saw it)."""
    checks = (
        (patterns.CONTROL_CHAR_RE, "control"),
        (patterns.YAML_INVISIBLE_RE, "invisible"),
        (patterns.PRIVATE_USE_CHAR_RE, "private-use"),
    )
    lookalike = patterns.HANZI_LOOKALIKE_RE.search(value)
    hanzi = unicodedata.normalize("NFKC", lookalike.group()) if lookalike else ""
    if lookalike and hanzi != lookalike.group():  # a text gives it as the hanzi: a name holding it is never found
        mark = node.start_mark
        code, meant = f"U+{ord(lookalike.group()):04X}", f"U+{ord(hanzi):04X}"
        raise CurationError(
            loader.name,
            mark.line + 1,
            mark.column + 1,
            f"expected text, found {code} ({lookalike.group()}), which is {hanzi} ({meant}) to Unicode: type {hanzi}",
        )
    for pattern, what in checks:
        found = pattern.search(value)
        if found is not None:
            mark = node.start_mark
            code = f"U+{ord(found.group()):04X}"
            raise CurationError(
                loader.name, mark.line + 1, mark.column + 1, f"expected text, found the {what} character {code}"
            )


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class Items(list[Any]):
    """A YAML sequence that remembers where each item starts: a scalar item cannot carry its line as a
    mapping does, and a message about it (``- 5`` where a mapping was expected) must point at it."""

    positions: tuple[tuple[int, int], ...] = ()


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> Items:
    _tagged_as(loader, node, yaml.SequenceNode)
    items = Items(_construct_value(loader, child) for child in node.value)
    items.positions = tuple((child.start_mark.line + 1, child.start_mark.column + 1) for child in node.value)
    return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    """A date such as 2016-13-40 is resolved as a timestamp but is no date: it stays the text it is, and
    the field that wants a date refuses it where it stands (``curated.Fields.date``). One wrong value is
    not a file that does not read, which would hide the problems of every text the file lists."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, AttributeError):  # AttributeError: tagged !!timestamp, a word no date pattern reads (x)
        return node.value


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_yaml(path: Path) -> Any:
    """Parse a curated YAML file; every mapping carries ``__line__`` and ``__column__``, and
    ``__positions__``: where each of its values starts."""
    try:
        text = files.read_text(path, encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise CurationError(path, 1, 1, f"expected a curated YAML file, found {files.missing(path, exc)}") from None
    except OSError as exc:
        what = "curated YAML file" if exc.errno == errno.ELOOP else "readable curated YAML file"
        raise CurationError(path, 1, 1, f"expected a {what}, found {files.missing(path, exc)}") from None
    except UnicodeDecodeError as exc:
        data = files.read_bytes(path)
        wide = wide_encoding(data) or ("UTF-16" if utf16_without_bom(data) else None)
        if wide:
            raise CurationError(path, 1, 1, f"expected UTF-8 YAML, found {wide}; save it as UTF-8") from None
        line, column = position_of_undecodable(data, exc)
        found = "undecodable bytes"
        with contextlib.suppress(UnicodeDecodeError):  # an editor's 简体中文 default: say so, and the way out
            data.decode("gb18030")
            found = "bytes that read as GBK (GB 18030) text; save it as UTF-8"
        raise CurationError(path, line, column, f"expected UTF-8 YAML, found {found}") from None
    key = cache.fingerprint([cache.package_fingerprint(), text])
    parsed = cache.load_entry("yaml", path.name, key)
    if parsed is None:
        parsed = _parse_yaml(path, text)
        cache.store_entry("yaml", path.name, key, parsed)
    return parsed


def read_committed_yaml(path: Path, text: str) -> Any | None:
    """A curated file as a commit has it (``text``), read by the rules of ``read_yaml`` (a bare date no
    calendar has stays text; nesting, aliases and YAML errors refused), for what an older version says;
    None where those rules refuse it: a version in git is history, not a file to report on. A version
    as the file stands now is taken from what ``read_yaml`` kept of it in .cache/, not parsed again."""
    parsed = cache.load_entry("yaml", path.name, cache.fingerprint([cache.package_fingerprint(), text]))
    if parsed is not None:
        return parsed
    try:
        return _parse_yaml(path, text)
    except CurationError:
        return None


# libyaml's syntax problems staff meet, in a reader's words: (said where the construct it is about starts, the words)
_SYNTAX_IN_WORDS = {
    "did not find expected key": (
        False,
        "expected a 'key: value' line indented as the keys above it, found a line YAML cannot read as one (indented "
        "otherwise than its neighbours, or text after a closing quote)",
    ),
    "did not find expected '-' indicator": (
        False,
        "expected a '- ' item indented as the items above it, found a line without '- ' (indent a field of the item "
        "above as its other fields)",
    ),
    "mapping values are not allowed in this context": (
        False,
        "expected no ': ' here, found one (a value holding ': ' goes in quotes; or a line above lacks its ':')",
    ),
    "could not find expected ':'": (True, "expected a 'key: value' line, found a line without ': '"),
    "did not find expected ',' or '}'": (True, "expected the { opened here to be closed with }, found none"),
    "did not find expected ',' or ']'": (True, "expected the [ opened here to be closed with ], found none"),
    "did not find expected node content": (
        False,
        "expected a value here, found none (an empty item between commas, a stray ] or }, or a [ or { left open)",
    ),
    "found character that cannot start any token": (
        False,
        "expected a value, found a character YAML reserves at the start of one (such as @, ` or %): put the value in "
        "quotes",
    ),
}


def _parse_yaml(path: Path, text: str) -> Any:
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        _check_lfs_pointer(path, text)
        _check_merge_markers(path, text)
        _check_hidden_breaks(path, text)
        _check_nesting(path, text)
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        if (exc.context or "").startswith("while scanning a quoted scalar") and exc.context_mark is not None:
            # said where the quote opens, not at the file's end, where YAML looked for its close (session 40's
            # robustness review: an unclosed " at crossrefs.yaml:19 was said at 55:1, "unexpected end of stream")
            line, column = _mark_position(exc.context_mark)
            raise CurationError(
                path, line, column, "expected a quoted value to end with its quote, found none before the file ends"
            ) from None
        mark = exc.problem_mark or exc.context_mark
        line, column = _mark_position(mark)
        problem = (exc.problem or "a syntax error").removeprefix("found ")
        lines = split_lines(text)  # as YAML counts them: a lone CR ends one too
        if 0 < line <= len(lines) and lines[line - 1][column - 1 : column] == "\t":  # libyaml names no character
            raise CurationError(path, line, column, "expected spaces (YAML allows no tab there), found a tab") from None
        if problem == "but found another document":  # a --- after the first document (PyYAML says "but found")
            expected = "a single YAML document in the file (no --- after the first)"
            raise CurationError(path, line, column, f"expected {expected}, found another") from None
        said = _SYNTAX_IN_WORDS.get(exc.problem or "")
        if said is not None:  # libyaml's words pasted after "found" read as no sentence (review of session 42)
            at_context, words = said
            if at_context and exc.context_mark is not None:  # where the line or the bracket in question starts
                line, column = _mark_position(exc.context_mark)
            raise CurationError(path, line, column, words) from None
        raise CurationError(path, line, column, f"expected valid YAML, found {problem}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, other controls)
        at = exc.position
        if _SafeLoader is not yaml.SafeLoader:  # libyaml counts the bytes of the UTF-8 it was given
            at = len(text.encode("utf-8")[:at].decode("utf-8", errors="ignore"))
        line, column = position_of(text, at)
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise CurationError(
            path, line, column, f"expected YAML text, found the character {code}, which YAML does not allow"
        ) from None
    except yaml.YAMLError as exc:
        raise CurationError(path, 1, 1, f"expected valid YAML, found {exc}") from None
    except (ValueError, TypeError, LookupError) as exc:  # outside any mapping (a top-level list or scalar)
        raise CurationError(path, 1, 1, f"expected valid YAML values, found {exc}") from None
    finally:
        loader.dispose()


def _check_lfs_pointer(path: Path, text: str) -> None:
    """Refuse the pointer Git LFS leaves in place of a file a clone did not fetch, as a text's is refused: YAML
    read it as a line of text ('expected a mapping …, found text')."""
    pointer = lfs_pointer(text, "the file", "the file")
    if pointer is not None:
        raise CurationError(path, 1, 1, f"expected YAML, found {pointer}")


def _check_merge_markers(path: Path, text: str) -> None:
    """Refuse the first marker git leaves where a merge did not resolve, where it stands: YAML read it as a
    key without its colon on a later line, or as a document's end, and named no marker."""
    marker = merge_marker(text)
    if marker is not None:
        line, column, found = marker
        raise CurationError(path, line, column, f"expected YAML, found {found}")


def _check_hidden_breaks(path: Path, text: str) -> None:
    """Refuse a line break only YAML sees, where it stands as an editor counts lines (LF, CRLF, CR)."""
    found = patterns.YAML_HIDDEN_BREAK_RE.search(text)
    if found is not None:
        line, column = position_of(text, found.start())
        raise CurationError(
            path,
            line,
            column,
            f"expected YAML text, found the character U+{ord(found.group()):04X}, which YAML reads as a line break",
        )


# Curated files nest a few levels; the composer recurses per level (libyaml's can crash the process).
_MAX_NESTING = 50


def _check_nesting(path: Path, text: str) -> None:
    """Refuse absurdly deep nesting, and aliases, from the event stream, before the composer sees them.

    Curated files never need an alias, and aliases of aliases expand without bound wherever the value
    is walked (a message showing it, a cache entry holding it)."""
    depth = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent):  # *name repeats a value: nine nested ones make 10⁹ copies
            line, column = _mark_position(event.start_mark)
            raise CurationError(
                path, line, column, f"expected plain values, found the alias *{event.anchor}: write the value out"
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_NESTING:
                line, column = _mark_position(event.start_mark)
                raise CurationError(path, line, column, f"expected at most {_MAX_NESTING} nested levels, found more")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Mark(Protocol):  # PyYAML's Mark, or libyaml's
    line: int
    column: int


def _mark_position(mark: _Mark | None) -> tuple[int, int]:
    """1-based (line, column) of a YAML mark (0-based), or 1:1 without one."""
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def where_value(entry: Any, key: Hashable) -> tuple[int, int]:
    """Where the value of ``key`` in a mapping loaded by ``read_yaml`` starts (else the mapping's start)."""
    return _recorded(entry, POSITIONS_KEY, key)


def where_key(entry: Any, key: Hashable) -> tuple[int, int]:
    """Where ``key`` itself stands in a mapping loaded by ``read_yaml`` (else the mapping's start)."""
    return _recorded(entry, KEY_POSITIONS_KEY, key)


def _recorded(entry: Any, record: str, key: Hashable) -> tuple[int, int]:
    """The (line, column) the loader's ``record`` of a mapping (value or key positions) keeps for ``key``."""
    positions = entry.get(record) if isinstance(entry, dict) else None
    if isinstance(positions, dict) and key in positions:
        line, column = positions[key]
        return int(line), int(column)
    return where(entry)


def written_key(entry: Any, key: Hashable) -> str:
    """A key of a mapping loaded by ``read_yaml`` as staff wrote it: ``~`` for the None YAML made of it, ``yes``
    for its True, "" for an empty key (``? `` with nothing after it)."""
    written = entry.get(WRITTEN_KEYS_KEY) if isinstance(entry, dict) else None
    if isinstance(written, dict) and key in written:
        return str(written[key])
    return str(key)


def value_positions(entry: Any) -> tuple[tuple[str, int, int], ...]:
    """(key, line, column) of each value of a mapping loaded by ``read_yaml``, for what is made of it and
    outlives it (``DocumentMeta``): a later stage's message about one of the values points at it."""
    positions = entry.get(POSITIONS_KEY) if isinstance(entry, dict) else None
    if not isinstance(positions, dict):
        return ()
    return tuple((str(key), int(line), int(column)) for key, (line, column) in positions.items())


def where(entry: Any, within: Any = None, number: int = 0) -> tuple[int, int]:
    """The (line, column) a mapping loaded by ``read_yaml`` started at; for any other value, where
    item ``number`` of the sequence ``within`` starts, when it is given."""
    if isinstance(entry, dict):
        return int(entry.get(LINE_KEY, 1)), int(entry.get(COLUMN_KEY, 1))
    if isinstance(within, Items) and 0 <= number < len(within.positions):
        return within.positions[number]
    return 1, 1
