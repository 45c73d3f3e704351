"""mkdocs.yml, checked as MkDocs will read it before anything is built or served with it.

``check_config``: the file reads as YAML, names the docs/ generate writes, and MkDocs' own validation of it
(its keys, the theme and its folder, the plugins and their options; strict: a warning is a problem) finds
nothing. ``check_nav``: each page its nav names is in docs/. Every problem is located at the key or entry
it is about (``mkdocs.yml:42:7: expected …, found …``), all of a file's together, never a traceback.

``serve_copy``: the text serve hands MkDocs (a copy kept under .cache/, so that a broken save of mkdocs.yml
never reaches MkDocs' own watcher), with each path MkDocs reads relative to the config's folder made
absolute.
"""

from __future__ import annotations

import io
import json
import logging
import posixpath
import re
import tempfile
from collections.abc import Collection, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .errors import BuildErrors, SourceError
from .load import files
from .write import check_not_looped

# Paths MkDocs reads relative to the config's folder: top-level ones, top-level lists of them, the theme's.
CONFIG_PATHS = ("docs_dir", "site_dir", "INHERIT")
CONFIG_PATH_LISTS = ("watch", "hooks")
THEME_PATHS = ("custom_dir",)
DEFAULT_PATHS = {"docs_dir": "docs", "site_dir": "site"}  # what MkDocs takes when the key is not there
PLAIN_TEXT = "tag:yaml.org,2002:str"  # a scalar with no tag of its own (!ENV, !relative): a path as written


def refuse(config_file: Path, line: int, column: int, found: str, what: str = "(docs_dir: …)") -> SourceError:
    return SourceError(config_file, line, column, f"expected a MkDocs configuration {what}, found {found}")


def check_config(docs: Path, config_file: Path) -> tuple[dict[str, object], str]:
    """MkDocs builds the docs_dir its config names: --docs must be that folder, or the site would be stale.
    A config MkDocs cannot use is refused here, before generate writes docs/ for a build that cannot run,
    and before serve hands it to MkDocs. The config, read (each value its text), and its text."""
    try:
        text = files.read_text(config_file)
    except OSError as exc:
        raise refuse(config_file, 1, 1, files.missing(config_file, exc)) from None
    except UnicodeDecodeError:
        raise refuse(config_file, 1, 1, "no UTF-8 text") from None
    try:  # BaseLoader: every value text, and the tags of MkDocs' loader (!ENV, !!python/name:) taken as text
        config = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "a syntax error"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise refuse(config_file, line, column, problem.split("found ", 1)[-1], "in valid YAML") from None
    if not isinstance(config, dict):
        found = (
            f"the text {config!r}" if isinstance(config, str) else "a list" if isinstance(config, list) else "nothing"
        )
        raise refuse(config_file, 1, 1, found)
    docs_dir = config.get("docs_dir", "docs")
    if not isinstance(docs_dir, str):
        raise refuse(config_file, 1, 1, f"docs_dir {docs_dir!r}")
    check_not_looped(docs)
    if files.symlink_loop(config_file.parent / docs_dir):
        raise refuse(config_file, 1, 1, f"docs_dir {docs_dir!r}, {files.SYMLINK_LOOP}")
    configured = (config_file.parent / docs_dir).resolve()
    if docs.resolve() != configured:
        raise SourceError(
            config_file,
            1,
            1,
            f"expected --docs to be the docs_dir MkDocs builds ({configured}), found {docs.resolve()}",
        )
    if problems := _mkdocs_problems(config_file, text, docs):
        raise BuildErrors(problems)
    if problems := theme_template_problems(config, config_file):
        raise BuildErrors(problems)
    return config, text


def theme_folder(config: dict[str, object], config_file: Path) -> Path | None:
    """The theme's ``custom_dir`` (overrides/) of ``config`` (``config_file`` as read), when it is a folder."""
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    folder = config_file.parent / custom_dir if isinstance(custom_dir, str) else None
    return folder if folder is not None and folder.is_dir() else None


def theme_template_problems(config: dict[str, object], config_file: Path) -> list[SourceError]:
    """Each template of the theme's ``custom_dir`` (overrides/) that Jinja cannot read, at the line it names: MkDocs
    stopped on one with a 40-line traceback, after generate had rewritten docs/ (session 40's robustness review).
    Only its syntax: what a template asks of MkDocs' context is known when MkDocs renders it (cli.mkdocs_build)."""
    import jinja2

    folder = theme_folder(config, config_file)
    if folder is None:
        return []
    environment = jinja2.Environment(extensions=["jinja2.ext.i18n"])  # as MkDocs' theme (its {% trans %})
    problems = []
    for path in sorted(folder.rglob("*.html")):
        try:
            environment.parse(files.read_text(path))
        except UnicodeDecodeError:
            problems.append(SourceError(path, 1, 1, "expected a theme template in UTF-8, found other bytes"))
        except OSError as exc:
            problems.append(SourceError(path, 1, 1, f"expected a theme template, found {files.missing(path, exc)}"))
        except jinja2.TemplateSyntaxError as exc:
            problems.append(
                SourceError(path, exc.lineno or 1, 1, f"expected a theme template Jinja can read, found: {exc.message}")
            )
    return problems


def _mkdocs_problems(config_file: Path, text: str, docs: Path) -> list[SourceError]:
    """What MkDocs' validation of the config finds, each at the key it names (it stops at the first setting
    it refuses). docs/ not yet there (a first build) is none: generate writes it."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import ConfigurationError

    mkdocs_log = logging.getLogger("mkdocs")  # what it logs meanwhile comes back as its errors and warnings
    quiet = logging.NullHandler()
    mkdocs_log.addHandler(quiet)
    try:
        stream = io.StringIO(text)
        stream.name = str(config_file)  # where MkDocs finds an INHERIT'ed file
        config = MkDocsConfig(config_file_path=str(config_file))
        try:
            config.load_file(stream)
        except ConfigurationError as exc:  # YAML BaseLoader reads but MkDocs' loader does not (an unknown tag)
            cause = exc.__cause__ or exc.__context__
            mark = getattr(cause, "problem_mark", None)
            problem = getattr(cause, "problem", None) or str(exc).splitlines()[0]
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            return [refuse(config_file, line, column, problem, "MkDocs can read")]
        with tempfile.TemporaryDirectory() as stand_in:
            if not docs.is_dir():  # MkDocs stops at a docs_dir not there, before the settings after it
                config["docs_dir"] = stand_in
            errors, warnings = config.validate()
    finally:
        mkdocs_log.removeHandler(quiet)
    refused = [*errors, *warnings]
    root = yaml.compose(text, Loader=yaml.BaseLoader) if refused else None  # composed only to locate a problem
    problems = []
    for name, problem in refused:  # strict (the build's --strict): a warning stops it too
        said = str(problem).strip().splitlines() or [""]
        # an extension that does not load: MkDocs adds the traceback of Markdown's error; its last line says it
        found = said[0] if len(said) == 1 else f"{said[0]} ({said[-1].strip()})"
        line, column = _locate(root, name, str(problem))
        problems.append(
            SourceError(config_file, line, column, f"expected a value MkDocs accepts for '{name}', found: {found}")
        )
    return problems


def _top_level(root: yaml.Node | None) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    """The top-level keys of a composed config with their values."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode):
                yield key, value


def _locate(root: yaml.Node | None, name: str, problem: str) -> tuple[int, int]:
    """Where a problem MkDocs found with top-level key ``name`` is: the deepest key or list item under it that
    the problem names (``Plugin 'material/search' option 'x'``: x; ``The path set in custom_dir …``:
    custom_dir; ``Failed to load extension 'x'``: the item x), else the key itself."""
    found = [(key, value) for key, value in _top_level(root) if key.value == name]
    if not found:
        return 1, 1
    (best, value), best_depth = found[-1], 0  # YAML keeps the last of a key given twice, as MkDocs does
    for key, depth in _keys_under(value, 1):
        if depth > best_depth and re.search(rf"(?<![\w-]){re.escape(key.value)}(?![\w-])", problem):
            best, best_depth = key, depth
    return best.start_mark.line + 1, best.start_mark.column + 1


def _keys_under(node: yaml.Node, depth: int) -> Iterator[tuple[yaml.ScalarNode, int]]:
    """The keys under ``node``, and the items of its lists (``- tables``: an extension, a plugin), with depth."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield key, depth
            yield from _keys_under(value, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                yield item, depth + 1
            yield from _keys_under(item, depth + 1)


def check_nav(config_file: Path, text: str, pages: Collection[str]) -> None:
    """Each page the config's nav names is one of ``pages`` (docs/'s files, as ``a/b.md``): MkDocs takes
    any other for a link, and says so in words that name no line (or, run with --quiet, says nothing)."""
    nav = {key.value: value for key, value in _top_level(yaml.compose(text, Loader=yaml.BaseLoader))}
    problems = [
        SourceError(
            config_file,
            entry.start_mark.line + 1,
            entry.start_mark.column + 1,
            f"expected a nav entry naming a page in docs/ or an address, found {entry.value!r}, which is neither",
        )
        for entry in _nav_entries(nav.get("nav"))
        if not _is_address(entry.value) and posixpath.normpath(entry.value.split("#", 1)[0]) not in pages
    ]
    if problems:
        raise BuildErrors(problems)


def _nav_entries(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    """The pages and links of a nav: its scalars that are no title."""
    if isinstance(node, yaml.ScalarNode) and node.tag == PLAIN_TEXT:
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nav_entries(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _nav_entries(value)


def _is_address(entry: str) -> bool:
    """A nav entry MkDocs takes for a link, not a page: with a scheme or a host (https://…), or from the root."""
    parts = urlsplit(entry)
    return bool(parts.scheme or parts.netloc) or entry.startswith("/")


def docs_pages(docs: Path) -> set[str]:
    """The files under ``docs`` as a nav names them (``tasks/index.md``)."""
    return {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()}


def serve_copy(config_file: Path, text: str) -> str:
    """``text`` (the config at ``config_file``) with each path MkDocs reads relative to the config's folder
    (``CONFIG_PATHS``, ``CONFIG_PATH_LISTS``, ``THEME_PATHS``) made absolute, written where the config had
    it, and docs_dir and site_dir added when the config leaves them to MkDocs' defaults: the same config
    read from another folder. Comments, tags and order are kept; a path behind a tag (!ENV) is left as it is."""
    folder = config_file.absolute().parent
    root = yaml.compose(text, Loader=yaml.BaseLoader)
    paths: list[yaml.Node] = []
    present = set()
    for key, value in _top_level(root):
        present.add(key.value)
        if key.value in CONFIG_PATHS:
            paths.append(value)
        elif key.value in CONFIG_PATH_LISTS and isinstance(value, yaml.SequenceNode):
            paths.extend(value.value)
        elif key.value == "theme" and isinstance(value, yaml.MappingNode):
            paths.extend(item for name, item in value.value if name.value in THEME_PATHS)
    copy = text
    plain = [node for node in paths if isinstance(node, yaml.ScalarNode) and node.tag == PLAIN_TEXT]
    for node in sorted(plain, key=lambda node: node.start_mark.index, reverse=True):  # later ones first
        absolute = json.dumps(str(folder / node.value))  # JSON's string: YAML's double-quoted one
        copy = copy[: node.start_mark.index] + absolute + copy[node.end_mark.index :]
    added = [f"{key}: {json.dumps(str(folder / path))}\n" for key, path in DEFAULT_PATHS.items() if key not in present]
    if added:
        copy = copy + ("" if copy.endswith("\n") else "\n") + "".join(added)
    return copy
