"""The render stage: one ``Renderer`` owns the Jinja environment and the template folder.

Every value printed with ``{{ … }}`` is escaped for *both* Markdown and HTML by default:
ASCII punctuation that either language could act on becomes a numeric character
reference, so text that looks like Markdown or HTML is shown as text, never run.
Helpers that build links or markup return ``Markup`` and are trusted.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import json
import os
import posixpath
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateSyntaxError,
    UndefinedError,
    pass_eval_context,
)
from jinja2.bccache import Bucket
from markupsafe import Markup

from . import fork, patterns
from .errors import TemplateError
from .model import OutputFile, PageSpec
from .model import page_url as page_url_of

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

# Characters Markdown (with our extensions) or HTML could treat as syntax.
_MARKDOWN_SIGNIFICANT = frozenset("\\`*_{}[]()#+-.!<>&|~^=:\"'$%@")
_ENTITIES = {ch: f"&#{ord(ch)};" for ch in _MARKDOWN_SIGNIFICANT}
# A regex finds the few significant characters in a text; str.translate would look up every
# character in a dict, which costs several times more on CJK text (most of what we print).
_SIGNIFICANT_RE = re.compile("[" + re.escape("".join(sorted(_MARKDOWN_SIGNIFICANT))) + "]")


def md_escape(value: object) -> Markup:
    """Text safe in Markdown and HTML alike: every significant character as ``&#NN;``."""
    if isinstance(value, Markup):
        return value
    return Markup(_SIGNIFICANT_RE.sub(_entity, str(value)))


def _entity(match: re.Match[str]) -> str:
    return _ENTITIES[match.group()]


# The full-width form of each significant character (U+FF01–FF5E mirror ASCII 0x21–0x7E).
_FULL_WIDTH = {ord(ch): chr(ord(ch) + 0xFEE0) for ch in _MARKDOWN_SIGNIFICANT}


def toc_label(value: object) -> str:
    """A heading's ``data-toc-label`` (an attr_list value, where even ``&#NN;`` entities break the
    list): each significant character as its full-width form, which reads the same in the table of
    contents (3.建设 → 3．建设)."""
    return str(value).translate(_FULL_WIDTH)


def html_text(value: object) -> Markup:
    """Text for inside a raw HTML block, where Markdown does not run: HTML-escaped."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


# Ids, anchors, slugs and ISO dates: nothing in them that Markdown or HTML could act on.
_PLAIN_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/-]*$")


@pass_eval_context  # the signature of Jinja's own tojson, which compiled templates expect
def front_matter_json(_eval_ctx: Any, value: Any, indent: int | None = None) -> Markup:
    """``tojson`` for YAML front matter: MkDocs and Material print ``page.meta.title`` as raw HTML
    (in ``<title>`` and the navigation), so strings are HTML-escaped before they are JSON-quoted."""
    if isinstance(value, str) and not isinstance(value, Markup):
        value = html.escape(value, quote=False)
    return Markup(json.dumps(str(value) if isinstance(value, Markup) else value, ensure_ascii=True, indent=indent))


def _finalize(value: Any) -> Any:
    """Every printed value, before autoescape's ``markupsafe.escape()`` (which passes ``Markup`` as is
    and HTML-escapes anything else).

    Text with none of the significant characters (which include HTML's ``&<>"'``), and plain tokens,
    are returned as plain ``str``: ``escape()`` then has nothing to change in them and wraps them in
    ``Markup`` once, instead of twice. Any other text is escaped here, every significant character
    as ``&#NN;``.
    """
    if type(value) is not str:  # plain text, by far the most common, goes straight to the check below
        if value is None:
            return ""
        if isinstance(value, Markup) or isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        value = str(value)
    if not _SIGNIFICANT_RE.search(value) or _PLAIN_TOKEN.match(value):
        return value
    return md_escape(value)


def relative_url(page_url: str, to_url: str) -> str:
    """A relative URL from the page at ``page_url`` (``PageSpec.url``) to a site-absolute URL."""
    target, _, fragment = to_url.partition("#")
    rel = _relpath(target, page_url) if target != page_url else "."
    if target.endswith("/") and rel != ".":
        rel += "/"
    if rel == ".":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")


def relative_md(folder: str, to_path: str, anchor: str = "") -> str:
    """A relative link from a Markdown file in docs/``folder`` to another docs/ file, as MkDocs validates them."""
    rel = _relpath(to_path, folder)
    return rel + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=65536)
def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for our links: docs/ paths or site URLs, both relative or both absolute.

    ``posixpath.relpath`` first makes both absolute through ``os.getcwd()`` and ``normpath``, which
    costs more than all the rest of a link; for such paths, dropping the common leading parts gives
    the same answer. Anything else (``..``, an empty path, one absolute and one relative) is left to it.
    """
    path_parts = [part for part in path.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    if not path or ".." in path_parts or ".." in start_parts or path.startswith("/") != start.startswith("/"):
        return posixpath.relpath(path, start)
    common = 0
    for mine, theirs in zip(path_parts, start_parts, strict=False):  # up to the shorter
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, for a build that may not be able to write it (a read-only checkout)."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # the template is compiled all the same; the next build compiles it again
            super().dump_bytecode(bucket)


def _bytecode_cache(template_dir: Path) -> FileSystemBytecodeCache | None:
    """Compiled templates kept in .cache/jinja/ beside templates/ (like __pycache__); rebuilt whenever a
    template changes. Jinja keys its files on a template's name, path and source only, so the file
    names also carry a fingerprint of this module, which sets up the environment: a change to the
    escaping or whitespace settings compiles every template again. None when the folder is not writable."""
    folder = template_dir.parent / ".cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return _BytecodeCache(str(folder), f"__jinja2_{_SETUP_FINGERPRINT}_%s.cache")


_SETUP_FINGERPRINT = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _environment(template_dir: Path) -> Environment:
    """The one Jinja environment: the renderer's, and the background compiler's (same compiled code)."""
    template_dir = template_dir.resolve()  # the background process runs in another folder
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
        bytecode_cache=_bytecode_cache(template_dir),
        undefined=StrictUndefined,
        autoescape=True,  # macros return Markup; _finalize escapes values for Markdown too
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # a Renderer lives for one build: no need to stat each template on every use
    )
    env.filters["md"] = md_escape
    env.filters["h"] = html_text
    env.filters["toc_label"] = toc_label
    env.filters["tojson"] = front_matter_json  # templates use it for front matter only
    env.filters["number"] = format_number
    env.globals["hashes"] = _hashes
    return env


def _hashes(level: int) -> Markup:
    return Markup("#" * int(level))


def _template_names(env: Environment) -> list[str]:
    return env.list_templates(filter_func=lambda name: name.endswith(".jinja"))


def templates_compiled(template_dir: Path = TEMPLATE_DIR) -> bool:
    """Whether .cache/jinja/ holds the compiled code of every template as it is now."""
    env = _environment(template_dir)
    cache, loader = env.bytecode_cache, env.loader
    if cache is None or loader is None:
        return True  # no cache folder: nothing to prepare ahead
    for name in _template_names(env):
        source, filename, _ = loader.get_source(env, name)
        if cache.get_bucket(env, name, filename, source).code is None:
            return False
    return True


def compile_templates(template_dir: Path = TEMPLATE_DIR) -> None:
    """Compile every template into .cache/jinja/ (what ``BackgroundCompile`` runs), after pruning it."""
    env = _environment(template_dir)
    if isinstance(env.bytecode_cache, FileSystemBytecodeCache):
        prune_bytecode_cache(Path(env.bytecode_cache.directory))
    for name in _template_names(env):
        env.get_template(name)


ORPHAN_AGE = 60.0  # seconds: older temporary files belong to no compile still running


def prune_bytecode_cache(folder: Path, *, now: float | None = None) -> list[str]:
    """Remove what no build will read again; returns the names removed.

    - compiled code under an earlier fingerprint of this module (each change to it leaves a full set);
    - temporary files a compile left when it was stopped mid-write (``BackgroundCompile`` stops its
      process when the build fails), once they are ``ORPHAN_AGE`` old, so that a compile running
      beside this one keeps its own.
    """
    now = time.time() if now is None else now
    current = f"__jinja2_{_SETUP_FINGERPRINT}_"
    removed = []
    for path in sorted(folder.glob("*")):
        try:
            outdated = path.name.endswith(".cache") and not path.name.startswith(current)
            orphan = path.name.endswith(".tmp") and now - path.stat().st_mtime > ORPHAN_AGE
            if (outdated or orphan) and path.is_file():
                path.unlink()
                removed.append(path.name)
        except OSError:
            continue  # gone already, or not ours to remove: the cache works all the same
    return removed


class BackgroundCompile:
    """Compiles the templates on a second core while the model is built, when .cache/jinja/ is stale.

    Jinja compiles our templates in about 0.09 s, while loading, extracting and linking take
    about 0.17 s on a cold build; on a machine with a second core the two overlap. The compile
    runs in a forked child (``fork.Child``: it has Jinja imported already), or where there is none
    (``fork.can_fork``) in a new Python process. Either only fills the bytecode cache (Jinja
    replaces each file atomically, and the file names carry a fingerprint of this module), so
    whatever happens to it the renderer still compiles any template it finds missing and reports
    template errors itself. Nothing is started when the cache is current or cannot be written.
    ``wait`` before rendering; leaving the ``with`` block waits too, and stops the compile if the
    build failed.
    """

    TIMEOUT = 60.0  # seconds: a compile this slow is stopped, and the renderer compiles as it goes

    def __init__(self, template_dir: Path = TEMPLATE_DIR) -> None:
        self._process: subprocess.Popen[bytes] | fork.Child | None = None
        if templates_compiled(template_dir):
            return
        self._process = fork.Child.start(functools.partial(compile_templates, template_dir))
        if self._process is not None:
            return
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "build_scripts.render", str(template_dir.resolve())],
                cwd=Path(__file__).resolve().parent.parent,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._process = None  # no second process: the renderer compiles as it goes

    def wait(self) -> None:
        if self._process is not None:
            try:
                self._process.wait(timeout=self.TIMEOUT)
            except (subprocess.TimeoutExpired, TimeoutError):
                self._process.kill()
                self._process.wait()
            self._process = None

    def __enter__(self) -> BackgroundCompile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is not None and self._process is not None:
            self._process.kill()  # the build failed: its templates are not needed now
        self.wait()


class Renderer:
    """Renders ``PageSpec`` objects through ``templates/*.md.jinja``."""

    def __init__(self, template_dir: Path = TEMPLATE_DIR, *, doc_numbers: dict[str, str] | None = None) -> None:
        self.env = _environment(template_dir)
        self.template_dir = template_dir
        self.doc_numbers = doc_numbers or {}  # 文号 → docs/ path of the document page

    def template(self, name: str) -> Template:
        """A compiled template; one that cannot be compiled is a located ``TemplateError``."""
        try:
            return self.env.get_template(name)
        except TemplateSyntaxError as error:
            raise self._located(error, name) from None

    def load_templates(self) -> None:
        """Compile (or read from .cache/jinja/) every template of the folder now, not when a page first
        uses it: a forked renderer (fork.py) then has them all, and a broken one is reported here."""
        for name in _template_names(self.env):
            self.template(name)

    def _located(self, error: TemplateSyntaxError, name: str) -> TemplateError:
        path = error.filename or str(self.template_dir / (error.name or name))
        return TemplateError(path, error.lineno, 1, f"expected valid Jinja syntax, found {error.message}")

    def render(self, page: PageSpec) -> OutputFile:
        template = self.template(page.template)
        folder, page_url = posixpath.dirname(page.path) or ".", page.url  # where links start, worked out once
        context = dict(page.context)
        context["page_path"] = page.path
        context["link"] = lambda to_path, anchor="": Markup(relative_md(folder, to_path, anchor))
        context["href"] = lambda to_url: Markup(html.escape(relative_url(page_url, to_url)))
        context["rich"] = self._rich_text(page_url)
        try:
            content = template.render(context)
        except TemplateSyntaxError as error:  # in a template it includes or imports, compiled only now
            raise self._located(error, page.template) from None
        except UndefinedError as error:  # a name the template uses that the page does not give it
            path, line = self._where(error, page.template)
            raise TemplateError(path, line, 1, f"expected a value the page gives, found {error.message}") from None
        return OutputFile(path=page.path, content=_tidy(content))

    def _where(self, error: Exception, name: str) -> tuple[str, int]:
        """The template file and line an error was raised at (Jinja maps its frames to template lines)."""
        template_dir = str(self.template_dir.resolve()) + os.sep
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(template_dir)]
        if frames and frames[-1].lineno:
            return frames[-1].filename, frames[-1].lineno
        return str(self.template_dir / name), 1

    def render_all(self, pages: Iterable[PageSpec]) -> list[OutputFile]:
        return [self.render(page) for page in pages]

    def _rich_text(self, page_url: str) -> Callable[[str], Markup]:
        """Clause text for a raw HTML block: escaped, with 文号 marked as in or out of the collection."""

        def rich(text: str) -> Markup:
            if "〔" not in text:  # every 文号 has one (patterns.DOC_NUMBER_RE); most sentences have none
                return Markup(html.escape(text))
            out: list[str] = []
            last = 0
            for match in patterns.DOC_NUMBER_RE.finditer(text):
                start = match.start() + _issuer_start(match.group("number"), self.doc_numbers)
                out.append(html.escape(text[last:start]))
                number = text[start : match.end()]
                target = self.doc_numbers.get(number)
                target_url = page_url_of(target) if target is not None else None
                if target_url == page_url:
                    out.append(f'<span class="doc-ref doc-ref-self">{html.escape(number)}</span>')  # this page
                elif target_url is not None:
                    url = relative_url(page_url, target_url)
                    out.append(f'<a class="doc-ref" href="{html.escape(url)}">{html.escape(number)}</a>')
                else:
                    # one bracket group, not two in a row: 《…》（国发〔2015〕71号，本站未收录）
                    inside = text.startswith("）", match.end())
                    note = "，本站未收录" if inside else "（本站未收录）"
                    out.append(
                        f'<cite class="doc-ref doc-ref-external" title="本站未收录此文件">{html.escape(number)}</cite>'
                        f'<span class="not-collected">{note}</span>'
                    )
                last = match.end()
            out.append(html.escape(text[last:]))
            return Markup("".join(out))

        return rich


def _issuer_start(number: str, known: Mapping[str, str]) -> int:
    """Where the 文号 ``DOC_NUMBER_RE`` found really starts: at the longest tail that is a collected
    document's number (根据国办函〔2016〕66号), else after a word run into it (按国发〔2015〕71号), else 0."""
    bracket = number.index("〔")
    cut = next((cut for cut in range(bracket) if number[cut:] in known), None)
    if cut is not None:
        return cut
    lead = patterns.DOC_NUMBER_LEAD_RE.match(number, 0, bracket - 1)  # the issuer keeps a character at least
    return lead.end() if lead else 0


def format_number(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Three or more newlines. Spelled out, not ``\n{3,}``: with a literal prefix the regex engine
# jumps from one "\n\n\n" to the next instead of trying a match at every character.
_BLANK_RUNS = re.compile(r"\n\n\n+")


def _tidy(content: str) -> str:
    """One blank line between blocks, no trailing spaces, exactly one final newline."""
    lines = [line.rstrip() for line in content.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


if __name__ == "__main__":  # python -m build_scripts.render TEMPLATE_DIR: see BackgroundCompile
    compile_templates(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_DIR)
