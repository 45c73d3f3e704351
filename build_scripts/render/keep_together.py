"""The renderer's last step: runs of a page's text that a line must not break, each kept whole.

On a phone a line broke where Chinese typesetting does not (review of phone reading): before the dash of
国家—重庆, so that "—重庆" started the next line, and between a number and its unit: 86号's indicator table
(2015 / 年), an agency's history (（2018 / 年）), 86号's 成文日期 (2016年12 / 月30日), 106号's 期限为1 / 年. Each
such run is wrapped in ``<span class="keep-together">`` (site.css: ``white-space: nowrap``), here, once for
every page a template renders, wherever its words come from: ``patterns.KEPT_RUN_RE``, 国家—重庆
(``DASH_JOINED_RE``) and a number with its unit, a date whole (``NUMBER_UNIT_RE``), anywhere in a page's text.

Only text is touched: the front matter (MkDocs prints a page's title in ``<title>``, where a tag shows as
text), the tags, code, an SVG (an indicator's chart: its words are placed, and the HTML parser ends an SVG at a
``<span>``), the attr_lists (``{ #c1 data-cite="…" }``) and the links' URLs (``patterns.NOT_TEXT_RE``) are passed
as they are. A value a template prints reaches the page escaped (``<`` as ``&#60;`` or ``&lt;``),
so each ``<`` opens a template's own tag. The words stay as they were: a copied sentence, the search index
and the open data read the same.
"""

from __future__ import annotations

from markupsafe import Markup

from .. import patterns
from .escape import html_text

KEEP = '<span class="keep-together">{}</span>'
_KEPT = KEEP.format(r"\g<0>")
_APART = "\0"  # joins the page's pieces of text for one pass: no run holds it, and no page does


def keep_together(page: str) -> str:
    """``page`` (a rendered Markdown page) with each run that must stay on one line wrapped in a span."""
    front = patterns.FRONT_MATTER_RE.match(page)
    head, body = (page[: front.end()], page[front.end() :]) if front else ("", page)
    pieces = patterns.NOT_TEXT_RE.split(body)  # text, not text, text, …, text
    texts = pieces[0::2]
    if _APART in body:
        pieces[0::2] = [patterns.KEPT_RUN_RE.sub(_KEPT, text) for text in texts]
    else:  # one pass over all of them: a third of the time of one per piece
        pieces[0::2] = patterns.KEPT_RUN_RE.sub(_KEPT, _APART.join(texts)).split(_APART)
    return head + "".join(pieces)


def keep_trailing_bracket(text: object) -> Markup:
    """``text`` HTML-escaped for a raw HTML block as the ``h`` filter escapes it (a ``Markup`` as it is), the
    bracketed unit it ends in (``patterns.TRAILING_BRACKET_RE``) kept on one line: a table's row head,
    年度知识产权质押融资金额（亿元）, wraps before （亿元）, never inside it."""
    if not isinstance(text, Markup):
        text = str(text)
    bracket = patterns.TRAILING_BRACKET_RE.search(text)
    if bracket is None:
        return html_text(text)
    return html_text(text[: bracket.start()]) + Markup(KEEP).format(html_text(text[bracket.start() :]))
