"""86号's indicator table and the 指标 pages on a phone: column heads on one line, and a bracket (a value's
year, a row's unit) never broken inside nor split from the number before it, no name's last character alone."""

from __future__ import annotations

import pytest

from .conftest import new_page

pytestmark = pytest.mark.browser
PAGES = ("documents/guofa-2016-86/", "indicators/", "indicators/ip-pledge-financing/")
WIDTHS = (320, 360, 390, 414, 740, 800)  # phones upright and on their side

# For each table cell (and each label and value of an indicator's list) shown: its text's lines, each the
# characters whose boxes share a line (range rects), without the column label a card adds and the ¶ marks (a ※ counts).
CELL_LINES = r"""() => [...document.querySelectorAll(
    '.md-typeset table th, .md-typeset table td, .md-typeset dl.indicator-values > *')].map(cell => {
  const lines = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    if (node.parentElement.closest('.cell-label, .permalink')) continue;
    const range = document.createRange();
    for (let at = 0; at < node.data.length; at++) {
      range.setStart(node, at); range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect(), last = lines[lines.length - 1];
      if (!box.width || !node.data[at].trim()) continue;
      if (last && box.top < last.bottom - box.height / 2) last.text += node.data[at];
      else lines.push({bottom: box.bottom, text: node.data[at]});
    }
  }
  return {head: cell.matches('thead th'), lines: lines.map(line => line.text)};
}).filter(cell => cell.lines.length)"""


def cells_at(browser, base_url: str) -> dict[tuple[str, int], list[dict]]:
    found = {}
    with new_page(browser, viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True) as page:
        for path in PAGES:
            page.goto(base_url + path, wait_until="load")
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 640 if width < 600 else 360})
                found[(path, width)] = page.evaluate(CELL_LINES)
    return found


@pytest.fixture(scope="module")
def cells(browser, base_url):
    return cells_at(browser, base_url)


def test_the_indicator_tables_column_heads_stand_on_one_line(cells):
    """At 360 px 86号's head 累计增加值 stood over three lines, 累计 / 增加 / 值 (review of phone reading)."""
    heads = {key: [cell["lines"] for cell in found if cell["head"]] for key, found in cells.items()}
    assert ["累计增加值"] in heads[("documents/guofa-2016-86/", 360)], heads
    wrapped = {key: [lines for lines in found if len(lines) > 1] for key, found in heads.items()}
    assert {key: found for key, found in wrapped.items() if found} == {}


def test_a_bracket_stays_whole_and_with_the_number_before_it(cells):
    """At 740 px the 指标 table broke 1800（2020） as 1800 / （2020）, and 86号's rows broke inside their units,
    年度知识产权质押融资金额（亿 / 元）: a value stays with its year, a bracket is never broken inside."""
    seen, broken = 0, {}
    for key, found in cells.items():
        for cell in found:
            text = "".join(cell["lines"])
            for start, char in enumerate(text):
                if char != "（":
                    continue
                end = text.index("）", start)
                first = start - 1 if start and text[start - 1].isdigit() else start
                seen += 1
                within = [len("".join(cell["lines"][:n])) for n in range(1, len(cell["lines"]))]  # line starts
                if any(first < at <= end for at in within):
                    broken.setdefault(text[max(0, first - 4) : end + 1], []).append(key)
    assert seen > 100, seen
    assert broken == {}, broken


def test_no_indicator_name_leaves_one_character_alone_on_its_last_line(cells):
    """Phone on its side (740 px), the 指标 table's names broke 建成引领型知识产权强省数 / 量 and 知识产权使用费出口额 / ※:
    a line of the name holds two characters at least (数量, 额※)."""
    alone = {}
    for (path, width), found in cells.items():
        for cell in found:
            if path == "indicators/" and len(cell["lines"]) > 1 and len(cell["lines"][-1]) < 2:
                alone.setdefault(" / ".join(cell["lines"]), []).append(width)
    assert alone == {}, alone
