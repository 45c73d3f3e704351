"""The render stage: one ``Renderer`` over the template folder turns ``PageSpec`` objects into files.

It renders through the one Jinja environment (``jinja_env``), where every printed value is escaped for
Markdown and HTML alike (``escape``), and gives each page ``link`` and ``href`` (relative links from
where the page stands) and ``rich`` (clause text with each 文号 marked as in or out of the collection, and
the agency names a page gives it linked), which return ``Markup``.
"""

from __future__ import annotations

import functools
import html
import os
import posixpath
import re
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from jinja2 import Template, TemplateSyntaxError, UndefinedError
from markupsafe import Markup

from .. import patterns
from ..errors import TemplateError
from ..model import OutputFile, PageSpec
from ..model import page_url as page_url_of
from .jinja_env import TEMPLATE_DIR, environment, template_names
from .keep_together import keep_together


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


class Renderer:
    """Renders ``PageSpec`` objects through ``templates/*.md.jinja``."""

    def __init__(self, template_dir: Path = TEMPLATE_DIR, *, doc_numbers: dict[str, str] | None = None) -> None:
        self.env = environment(template_dir)
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
        for name in template_names(self.env):
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
        return OutputFile(path=page.path, content=keep_together(_tidy(content)))

    def _where(self, error: Exception, name: str) -> tuple[str, int]:
        """The template file and line an error was raised at (Jinja maps its frames to template lines)."""
        template_dir = str(self.template_dir.resolve()) + os.sep
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(template_dir)]
        if frames and frames[-1].lineno:
            return frames[-1].filename, frames[-1].lineno
        return str(self.template_dir / name), 1

    def render_all(self, pages: Iterable[PageSpec]) -> list[OutputFile]:
        return [self.render(page) for page in pages]

    def _rich_text(self, page_url: str) -> Callable[..., Markup]:
        """Clause text for a raw HTML block: escaped, with 文号 marked as in or out of the collection, and
        the names ``links`` gives, ``(start, end, url, title)`` each in text order, linked to their pages."""

        def rich(text: str, links: Iterable[tuple[int, int, str, str]] | None = None) -> Markup:
            if not links:
                return Markup(numbers(text))
            out: list[str] = []
            last = 0
            cited = doc_number_spans(text)
            for start, end, url, title in links:
                if any(start < after and before < end for before, after in cited):
                    continue  # a name inside a 文号 (国办 of 国办函〔2016〕66号) would cut it: the number keeps its link
                out.append(numbers(text[last:start]))
                href = html.escape(relative_url(page_url, url))
                out.append(
                    f'<a class="agency-ref" href="{href}" title="{html.escape(title)}">{html.escape(text[start:end])}</a>'
                )
                last = end
            out.append(numbers(text[last:]))
            return Markup("".join(out))

        def doc_number_spans(text: str) -> list[tuple[int, int]]:
            if "〔" not in text:  # every 文号 has one (patterns.DOC_NUMBER_RE); most sentences have none
                return []
            return [
                (match.start() + _issuer_start(match.group("number"), self.doc_numbers), match.end())
                for match in patterns.DOC_NUMBER_RE.finditer(text)
            ]

        def numbers(text: str) -> str:
            spans = doc_number_spans(text)
            if not spans:
                return html.escape(text)
            out: list[str] = []
            last = 0
            for start, end in spans:
                out.append(html.escape(text[last:start]))
                number = text[start:end]
                target = self.doc_numbers.get(number)
                target_url = page_url_of(target) if target is not None else None
                if target_url == page_url:
                    out.append(f'<span class="doc-ref doc-ref-self">{html.escape(number)}</span>')  # this page
                elif target_url is not None:
                    url = relative_url(page_url, target_url)
                    out.append(f'<a class="doc-ref" href="{html.escape(url)}">{html.escape(number)}</a>')
                else:
                    # one bracket group, not two in a row: 《…》（国发〔2015〕71号，本站未收录）
                    inside = text.startswith("）", end)
                    note = "，本站未收录" if inside else "（本站未收录）"
                    out.append(
                        f'<cite class="doc-ref doc-ref-external" title="本站未收录此文件">{html.escape(number)}</cite>'
                        f'<span class="not-collected">{note}</span>'
                    )
                last = end
            out.append(html.escape(text[last:]))
            return "".join(out)

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


# Three or more newlines. Spelled out, not ``\n{3,}``: with a literal prefix the regex engine
# jumps from one "\n\n\n" to the next instead of trying a match at every character.
_BLANK_RUNS = re.compile(r"\n\n\n+")


def _tidy(content: str) -> str:
    """One blank line between blocks, no trailing spaces, exactly one final newline."""
    lines = [line.rstrip() for line in content.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"
