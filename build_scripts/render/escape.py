"""How the values a template prints become Markdown and HTML: the escaping filters of the render stage.

Every value printed with ``{{ … }}`` is escaped for *both* Markdown and HTML by default:
ASCII punctuation that either language could act on becomes a numeric character
reference, so text that looks like Markdown or HTML is shown as text, never run.
Helpers that build links or markup return ``Markup`` and are trusted.

``jinja_env`` registers ``finalize`` (every printed value) and, from here, the filters ``h``,
``toc_label``, ``tojson`` (front matter), ``number`` and ``file_size`` (``h_unit_kept`` and ``cn_count``
come from ``keep_together`` and ``numerals``).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from jinja2 import pass_eval_context
from markupsafe import Markup

# Characters Markdown (with our extensions) or HTML could treat as syntax.
_MARKDOWN_SIGNIFICANT = frozenset("\\`*_{}[]()#+-.!<>&|~^=:\"'$%@")
_ENTITIES = {ch: f"&#{ord(ch)};" for ch in _MARKDOWN_SIGNIFICANT}
# A regex finds the few significant characters in a text; str.translate would look up every
# character in a dict, which costs several times more on CJK text (most of what we print).
_SIGNIFICANT_RE = re.compile("[" + re.escape("".join(sorted(_MARKDOWN_SIGNIFICANT))) + "]")


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
    (in ``<title>`` and the navigation), so strings are HTML-escaped before they are JSON-quoted.

    The result is ASCII, read as a YAML double-quoted scalar: other characters are YAML's escapes
    (``\\u300a``, ``\\x85``), and one beyond the BMP (𠮷, a rare character of a name) is ``\\U00020bb7``,
    not JSON's surrogate pair, whose halves YAML reads as two lone surrogates: MkDocs dropped the front
    matter without a word and printed it as the page's first paragraph."""
    if isinstance(value, str) and not isinstance(value, Markup):
        value = html.escape(value, quote=False)
    text = json.dumps(str(value) if isinstance(value, Markup) else value, ensure_ascii=False, indent=indent)
    return Markup(text.encode("ascii", "backslashreplace").decode("ascii"))


def finalize(value: Any) -> str:
    """Every printed value as it goes onto the page: the environment prints what this returns as it is
    (``jinja_env``'s code generator calls no ``markupsafe.escape()`` after it), so it escapes what
    ``escape()`` would have, and more.

    ``Markup`` (what a filter, a macro or a helper made) is printed as it is, an ``int`` or ``float`` as its
    digits, None as nothing; anything else (a number's subclass too) as its ``str()``, escaped as text is.
    Text with none of the significant characters (which include HTML's ``&<>"'``), and plain tokens, are
    printed as they are: ``escape()`` would have had nothing to change in them.
    Any other text has every significant character as ``&#NN;``, which leaves none of ``&<>"'`` for
    ``escape()`` to change either.
    """
    text: str = value
    if type(value) is not str:  # plain text, by far the most common, goes straight to the check below
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        if type(value) is int or type(value) is float:  # not a bool, nor a subclass, whose str() may be any text
            return str(value)  # digits, a sign, a point, an exponent, inf or nan: nothing to escape
        text = str(value)
    if not _SIGNIFICANT_RE.search(text) or _PLAIN_TOKEN.match(text):
        return text
    return _SIGNIFICANT_RE.sub(_entity, text)


def format_size(size: int) -> str:
    """A file's size in bytes as the 数据 page states it: ``812 字节``, ``7.5 KB``, ``76 KB``, ``1.2 MB``
    (KB = 1024 字节, MB = 1024 KB; one decimal under 10 KB and in MB, none from 10 KB)."""
    if size < 1024:
        return f"{size} 字节"
    kib = size / 1024
    if round(kib, 1) < 10:  # 9.96 KB is stated as 10 KB is, not 10.0 KB
        return f"{kib:.1f} KB"
    if round(kib) < 1024:
        return f"{round(kib)} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def format_number(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
