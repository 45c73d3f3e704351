"""The render stage: one ``Renderer`` owns the Jinja environment and the template folder.

Every value printed with ``{{ … }}`` is escaped for *both* Markdown and HTML by default:
ASCII punctuation that either language could act on becomes a numeric character
reference, so text that looks like Markdown or HTML is shown as text, never run.
Helpers that build links or markup return ``Markup`` and are trusted.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_eval_context
from markupsafe import Markup

from . import patterns
from .model import OutputFile, PageSpec

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

# Characters Markdown (with our extensions) or HTML could treat as syntax.
_MARKDOWN_SIGNIFICANT = set("\\`*_{}[]()#+-.!<>&|~^=:\"'$%@")
_ESCAPES = {ord(ch): f"&#{ord(ch)};" for ch in _MARKDOWN_SIGNIFICANT}


def md_escape(value: object) -> Markup:
    """Text safe in Markdown and HTML alike: every significant character as ``&#NN;``."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(_ESCAPES))


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
    if value is None:
        return ""
    if isinstance(value, Markup) or isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if _PLAIN_TOKEN.match(text):
        return Markup(text)
    return md_escape(text)


def relative_url(from_page: str, to_url: str) -> str:
    """A relative URL from the page built from ``from_page`` (a docs/ path) to a site-absolute URL."""
    page_url = PageSpec(path=from_page, template="", context=()).url
    target, _, fragment = to_url.partition("#")
    rel = _relpath(target, page_url) if target != page_url else "."
    if target.endswith("/") and rel != ".":
        rel += "/"
    if rel == ".":
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")


def relative_md(from_page: str, to_path: str, anchor: str = "") -> str:
    """A relative link between two docs/ Markdown files, as MkDocs validates them."""
    rel = _relpath(to_path, posixpath.dirname(from_page) or ".")
    return rel + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=65536)
def _relpath(path: str, start: str) -> str:
    return posixpath.relpath(path, start)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept in .cache/jinja/ (like __pycache__); rebuilt whenever a template changes."""
    folder = TEMPLATE_DIR.parent / ".cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


class Renderer:
    """Renders ``PageSpec`` objects through ``templates/*.md.jinja``."""

    def __init__(self, template_dir: Path = TEMPLATE_DIR, *, doc_numbers: dict[str, str] | None = None) -> None:
        self.env = Environment(
            loader=FileSystemLoader(str(template_dir)),
            bytecode_cache=_bytecode_cache(),
            undefined=StrictUndefined,
            autoescape=True,  # macros return Markup; _finalize escapes values for Markdown too
            finalize=_finalize,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.doc_numbers = doc_numbers or {}  # 文号 → docs/ path of the document page
        self.env.filters["md"] = md_escape
        self.env.filters["h"] = html_text
        self.env.filters["tojson"] = front_matter_json  # templates use it for front matter only
        self.env.filters["number"] = format_number
        self.env.globals["hashes"] = lambda level: Markup("#" * int(level))

    def render(self, page: PageSpec) -> OutputFile:
        template = self.env.get_template(page.template)
        context = dict(page.context)
        context["page_path"] = page.path
        context["link"] = lambda to_path, anchor="": Markup(relative_md(page.path, to_path, anchor))
        context["href"] = lambda to_url: Markup(html.escape(relative_url(page.path, to_url)))
        context["rich"] = self._rich_text(page.path)
        content = template.render(**context)
        return OutputFile(path=page.path, content=_tidy(content))

    def render_all(self, pages: Iterable[PageSpec]) -> list[OutputFile]:
        return [self.render(page) for page in pages]

    def _rich_text(self, from_page: str) -> Callable[[str], Markup]:
        """Clause text for a raw HTML block: escaped, with 文号 marked as in or out of the collection."""

        def rich(text: str) -> Markup:
            out: list[str] = []
            last = 0
            for match in patterns.DOC_NUMBER_RE.finditer(text):
                out.append(html.escape(text[last : match.start()]))
                number = match.group("number")
                target = self.doc_numbers.get(number)
                if target is not None:
                    url = relative_url(from_page, "/" + target.removesuffix(".md") + "/")
                    out.append(f'<a class="doc-ref" href="{html.escape(url)}">{html.escape(number)}</a>')
                else:
                    out.append(
                        f'<cite class="doc-ref doc-ref-external" title="本站未收录此文件">{html.escape(number)}</cite>'
                        '<span class="not-collected">（本站未收录）</span>'
                    )
                last = match.end()
            out.append(html.escape(text[last:]))
            return Markup("".join(out))

        return rich


def format_number(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_BLANK_RUNS = re.compile(r"\n{3,}")


def _tidy(content: str) -> str:
    """One blank line between blocks, no trailing spaces, exactly one final newline."""
    lines = [line.rstrip() for line in content.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"
