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
