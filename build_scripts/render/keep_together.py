"""The renderer's last step: runs of a page's text that a line must not break, each kept whole.

On a phone a line broke where Chinese typesetting does not (review of phone reading): before the dash of
国家—重庆, so that "—重庆" started the next line, and in 86号's indicator table between a year and its 年
(2015 / 年). Each such run is wrapped in ``<span class="keep-together">`` (site.css: ``white-space:
nowrap``), here, once for every page a template renders, wherever its words come from:

- ``patterns.DASH_JOINED_RE`` anywhere in a page's text;
- ``patterns.NUMBER_YEAR_RE`` in a table's cells (``patterns.TABLE_RE``), where a column is narrower than a
  line. Running text breaks as the browser has it.

Only text is touched: the front matter (MkDocs prints a page's title in ``<title>``, where a tag shows as
text), the tags and the attr_lists (``{ #c1 data-cite="…" }``) are passed as they are. A value a template
prints reaches the page escaped (``<`` as ``&#60;`` or ``&lt;``), so each ``<`` opens a template's own tag.
The words stay as they were: a copied sentence, the search index and the open data read the same.
"""

from __future__ import annotations

import re

from .. import patterns

KEEP = '<span class="keep-together">{}</span>'


def keep_together(page: str) -> str:
    """``page`` (a rendered Markdown page) with each run that must stay on one line wrapped in a span."""
    has_dash = "—" in page
    has_year = "年" in page and ("<table" in page or "\n|" in page)
    if not has_dash and not has_year:
        return page
    front = patterns.FRONT_MATTER_RE.match(page)
    head, body = (page[: front.end()], page[front.end() :]) if front else ("", page)
    if has_year:
        body = patterns.TABLE_RE.sub(_years_in_cells, body)
    if has_dash:
        body = _in_text(body, patterns.DASH_JOINED_RE)
    return head + body


def _years_in_cells(table: re.Match[str]) -> str:
    cells = table.group()
    return _in_text(cells, patterns.NUMBER_YEAR_RE) if "年" in cells else cells


def _in_text(markdown: str, run: re.Pattern[str]) -> str:
    """``markdown`` with each match of ``run`` in its text, not inside a tag or an attr_list, wrapped."""

    def keep(match: re.Match[str]) -> str:
        at = match.start()
        in_tag = markdown.rfind("<", 0, at) > markdown.rfind(">", 0, at)
        in_attr_list = markdown.rfind("{", 0, at) > markdown.rfind("}", 0, at)
        return match.group() if in_tag or in_attr_list else KEEP.format(match.group())

    return run.sub(keep, markdown)
