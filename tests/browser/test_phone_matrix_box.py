"""The 部门 × 任务 matrix's box on a phone held on its side: as tall as the screen allows, its heads on top,
and the page still scrolls past it."""

from __future__ import annotations

import pytest

from .conftest import new_page

pytestmark = pytest.mark.browser
# phones on their side (the short screens the box was made for least), upright, and a desktop
LANDSCAPE = ({"width": 740, "height": 360}, {"width": 800, "height": 360}, {"width": 667, "height": 375})
UPRIGHT = ({"width": 360, "height": 640}, {"width": 320, "height": 568}, {"width": 390, "height": 844})
DESKTOP = ({"width": 1280, "height": 900},)

# The page scrolled so the box's top stands just under the header: the box's height and place, its sticky head's
# height, how many agencies' rows the reader sees whole under it, the table's height; and, with the page at its
# end, where the box's top is (under the header, its heads would be hidden).
MEASURE = """() => {
  const wrap = document.querySelector('.matrix-wrap'), table = wrap.querySelector('table');
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  scrollTo(0, scrollY + wrap.getBoundingClientRect().top - header);
  const box = wrap.getBoundingClientRect(), head = table.tHead.getBoundingClientRect();
  const seen = [...table.tBodies[0].rows].filter(tr => { const r = tr.getBoundingClientRect();
    return r.top >= head.bottom - 0.5 && r.bottom <= Math.min(box.bottom, innerHeight) + 0.5; }).length;
  const found = {header, top: box.top, height: box.height, bottom: box.bottom, head: head.height, seen,
                 table: table.getBoundingClientRect().height, overscroll: getComputedStyle(wrap).overscrollBehaviorY};
  scrollTo(0, document.scrollingElement.scrollHeight);
  found.topAtEnd = wrap.getBoundingClientRect().top;
  return found;
}"""


def measure(browser, base_url: str, viewport: dict) -> dict:
    touch = viewport["width"] < 1000
    with new_page(browser, viewport=viewport, is_mobile=touch, has_touch=touch, base_url=base_url) as page:
        page.goto("agencies/matrix/", wait_until="load")
        return page.evaluate(MEASURE)


@pytest.mark.parametrize("viewport", LANDSCAPE + UPRIGHT + DESKTOP, ids=lambda v: f"{v['width']}x{v['height']}")
def test_the_matrix_box_uses_the_screens_height_with_its_heads_in_view(browser, base_url, viewport):
    """At 740×360 the box was 160 px (the screen less 10rem), 123 of them its heads: a reader saw one agency's row
    at a time. It takes the screen's height under the header less what the page's end needs below it (the
    box's top never under the header, test_reader_pages), and its heads are shorter on a short screen."""
    found = measure(browser, base_url, viewport)
    room = viewport["height"] - found["header"]  # the screen under the header
    assert found["height"] >= 0.65 * room or found["height"] >= found["table"], found  # the room, or all of it
    assert found["bottom"] <= viewport["height"] - 24, found  # page below it to put a finger on and scroll
    assert found["head"] <= 0.4 * found["height"], found
    assert found["seen"] >= (4 if viewport["height"] < 400 else 8), found  # was 1–2 on its side, 7 at 320×568
    assert found["topAtEnd"] >= found["header"] - 0.5, found
    assert found["overscroll"] == "auto", found  # at the box's end a swipe goes on to scroll the page


def test_a_swipe_at_the_boxs_end_scrolls_the_page_on_and_the_heads_stay_on_top(browser, base_url):
    """The box does not trap the page: scrolled to its last row, the wheel over it moves the page on; and while
    the box scrolls, its column heads stay at its top."""
    with new_page(browser, viewport=LANDSCAPE[0], is_mobile=True, has_touch=True, base_url=base_url) as page:
        page.goto("agencies/matrix/", wait_until="load")
        wrap = page.locator(".matrix-wrap")
        page.evaluate("scrollTo(0, 0)")
        wrap.evaluate("w => { w.scrollTop = w.scrollHeight / 2; }")
        tops = wrap.evaluate(
            "w => [w.getBoundingClientRect().top + w.clientTop,"
            " ...[...w.querySelectorAll('thead th')].map(th => th.getBoundingClientRect().top)]"
        )
        assert all(abs(top - tops[0]) < 1 for top in tops[1:]), tops
        wrap.evaluate("w => { w.scrollTop = w.scrollHeight; }")
        box = wrap.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"], 360 - box["y"]) / 2)
        before = page.evaluate("scrollY")
        page.mouse.wheel(0, 200)
        page.wait_for_function(f"scrollY > {before}", timeout=3_000)
