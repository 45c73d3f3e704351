"""A reader's pages on a phone and a desktop: the home page, the agency, indicator and 变更记录 pages."""

from __future__ import annotations

import pytest

from build_scripts.pages.indicators import chart

from .conftest import new_page

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

# What an indicator page's chart draws: each bar and text of its SVG, with its box on the page, and whatever
# else its figure holds (the SVG was cut short at the first 2015年 kept whole by a span, a tag the HTML
# parser does not take inside an SVG: the rest of the chart fell out of it, as loose words and no bars).
CHART = """() => {
  const figure = document.getElementById('indicator-chart');
  const svg = figure.querySelector(':scope > svg');
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.width, r.height]; };
  return {
    outside: [...figure.children].filter(e => e !== svg).map(e => e.outerHTML.slice(0, 60)),
    bars: [...svg.querySelectorAll('rect')].map(box),
    texts: [...svg.querySelectorAll('text')].map(t => t.textContent),
    svg: box(svg), content: box(document.querySelector('.md-content__inner')),
  };
}"""


def test_every_indicator_pages_chart_draws_its_bars_and_their_values(built, browser, base_url):
    """Each indicator page's chart, on a phone and a desktop: inside its SVG a bar for the 基期值 and one
    for the 目标值, each with its label and value (2015年 · 6.3 件), drawn and inside the page's text column."""
    charts = {i.id: chart(i) for i in built.site.indicators}
    assert len(charts) >= 10 and all(charts.values())
    for options in (PHONE, DESKTOP):
        with new_page(browser, base_url=base_url, **options) as page:
            for indicator_id, bars in sorted((i, c.bars) for i, c in charts.items() if c):
                page.goto(f"indicators/{indicator_id}/")
                drawn = page.evaluate(CHART)
                assert drawn["outside"] == [], (indicator_id, drawn["outside"])
                assert len(drawn["bars"]) == len(bars) >= 1, (indicator_id, drawn)
                assert drawn["texts"] == [t for b in bars for t in (b.label, b.value_text)], indicator_id
                left, right = drawn["content"][0], drawn["content"][1]
                for bar_left, bar_right, width, height in drawn["bars"]:
                    assert width > 0 and height > 0, (indicator_id, drawn["bars"])
                    assert left - 0.5 <= bar_left and bar_right <= right + 0.5, (indicator_id, drawn)
                assert drawn["svg"][1] <= right + 0.5, (indicator_id, drawn["svg"], right)


# Each ※ of the indicators' list: its box, the box of the last line of the indicator's name it follows, whether the
# note it leads to is on the page.
REMARK_MARKS = """() => [...document.querySelectorAll('.indicator-remark-mark')].map(mark => {
  const line = [...mark.previousElementSibling.getClientRects()].at(-1).toJSON();  // the name's line it follows
  return {mark: mark.getBoundingClientRect().toJSON(), name: line, note: !!document.getElementById(mark.hash.slice(1))};
})"""


def test_the_remark_marks_of_the_indicators_list_are_24_pixel_targets_apart_from_the_name(browser, base_url):
    """A ※ after an indicator's name leads to the site's note on it below the table: a 13×15 px glyph flush
    against the name's link, so a finger meant for one got the other. It is a 24×24 px target (WCAG 2.2,
    2.5.8) that does not touch the name's link, on a phone and a desktop."""
    for options in (PHONE, DESKTOP):
        with new_page(browser, base_url=base_url, **options) as page:
            page.goto("indicators/")
            marks = page.evaluate(REMARK_MARKS)
            assert len(marks) >= 2
            for found in marks:
                mark, name = found["mark"], found["name"]
                assert found["note"], found
                assert mark["width"] >= 24 and mark["height"] >= 24, (options["viewport"], found)
                assert mark["left"] >= name["right"] + 2 or mark["top"] >= name["bottom"] + 2, (options, found)


# Whether each column head of the matrix in view across is on top at its middle (elementFromPoint), and the row
# of the agency read is too: a count is read with its agency and the part of 66号 it counts.
MATRIX_HEADS = """(agency) => {
  const table = document.getElementById('agency-matrix'), corner = table.tHead.rows[0].cells[0];
  const onTop = (e, from = 0) => {  // null: out of view across (off the screen, or under the agency column)
    const r = e.getBoundingClientRect(), left = Math.max(r.left, from), right = Math.min(r.right, innerWidth);
    return right - left > 8 ? e.contains(document.elementFromPoint((left + right) / 2, (r.top + r.bottom) / 2)) : null; };
  const row = [...table.tBodies[0].rows].find(tr => tr.cells[0].textContent.trim() === agency);
  const across = corner.getBoundingClientRect().right;
  return {heads: [onTop(corner), ...[...table.tHead.rows[0].cells].slice(1).map(th => onTop(th, across))]
            .filter(shown => shown !== null),
          row: onTop(row.cells[0]), last: onTop(row.cells[row.cells.length - 1], across)};
}"""


def test_the_matrix_keeps_its_column_heads_in_view_where_a_row_is_read(browser, base_url):
    """The 部门 × 任务 matrix is 48 agencies long: scrolled down to 保监会 on a phone, its counts (参1) stood under
    no head saying which part of 66号 they count, nor did they on a desktop; the heads stay at the top of the
    matrix's box, the agency column at its left, as the reader scrolls down and across."""
    for options in (PHONE, DESKTOP):
        with new_page(browser, base_url=base_url, **options) as page:
            page.goto("agencies/matrix/")
            last = page.locator("#agency-matrix tbody tr").filter(has_text="保监会").locator("td").last
            last.scroll_into_view_if_needed()
            for scrolled in ("to the row", "to the page's end"):  # then on down, the header over the page
                seen = page.evaluate(MATRIX_HEADS, "保监会")
                assert seen["row"] and seen["last"], (options, scrolled, seen)
                assert len(seen["heads"]) >= 2 and all(seen["heads"]), (options, scrolled, seen)
                page.evaluate("scrollTo(0, document.scrollingElement.scrollHeight)")


def test_the_matrix_prints_whole(browser, base_url):
    """Its box no taller than the screen is for reading on one: printed, the box holds every row, none cut off."""
    with new_page(browser, base_url=base_url, **DESKTOP) as page:
        page.goto("agencies/matrix/")
        page.emulate_media(media="print")
        box, table = page.evaluate(
            "() => { const t = document.getElementById('agency-matrix');"
            " return [t.parentElement.clientHeight, t.getBoundingClientRect().height]; }"
        )
        assert box >= table - 1 and table > 1000, (box, table)


@pytest.mark.browser
def test_without_javascript_the_home_page_says_search_is_not_there_and_where_to_go(browser, base_url):
    """Slow-network review (session 44): with JavaScript off Material hides the search box, while the home page
    tells readers to search from the top of the page; nothing said why it was not there. A <noscript> line says
    so and links the open data; with JavaScript on, readers do not see it."""
    with new_page(browser, java_script_enabled=False) as page:
        page.goto(base_url, wait_until="load")
        note = page.locator("#noscript-note")
        assert note.is_visible() and "搜索不能使用" in note.inner_text()
        page.click("#noscript-note a")
        page.wait_for_load_state("load")
        assert page.url.rstrip("/").endswith("/data") and "开放数据" in page.locator("h1").first.inner_text()
    with new_page(browser) as page:
        page.goto(base_url, wait_until="load")
        assert page.locator("#noscript-note").count() == 0 or not page.locator("#noscript-note").is_visible()
