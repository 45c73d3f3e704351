"""axe-core finds no serious or critical violation on any page type."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .site_pages import representative_pages


@pytest.mark.browser
def test_no_serious_axe_violations_on_any_page_type(built, base_url, page):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for kind, path in representative_pages(built.html).items():
        page.goto(base_url + path.lstrip("/"), wait_until="load")
        results = axe.run(page)
        serious = [
            f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[kind] = serious
    assert found == {}


@pytest.mark.browser
def test_link_marks_are_24_pixel_targets_on_a_phone(browser, base_url):
    """The ¶ and # marks are how a reader gets a clause's link; on a phone each must be a target of at
    least 24×24 CSS pixels (WCAG 2.2, 2.5.8), however small the glyph."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(base_url + "documents/guofa-2016-86/", wait_until="load")  # with ⇄ marks to Chongqing
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset .permalink, .md-typeset .headerlink, .md-typeset .crossref-jump')]
                 .map(e => e.getBoundingClientRect()).filter(r => r.width > 0)
                 .map(r => [Math.round(r.width), Math.round(r.height)])"""
        )
        # no two targets overlap: a tap on one never lands on its neighbour (a # mark and the ⇄ after it)
        overlaps = page.evaluate(
            """() => { const r = [...document.querySelectorAll('.md-typeset .permalink, .md-typeset .crossref-jump')]
                 .map(e => e.getBoundingClientRect()).filter(b => b.width > 0);
               let n = 0; for (let i = 1; i < r.length; i++) { const a = r[i - 1], b = r[i];
                 if (a.right > b.left + 0.5 && b.right > a.left + 0.5 && a.bottom > b.top + 0.5 && b.bottom > a.top + 0.5) n++; }
               return n; }"""
        )
        # nor touch: a finger that misses a # by a pixel must not land on the ⇄ beside it, which leaves
        # the page (public-reader review): neighbours on one line stand at least 3 px apart
        touching = page.evaluate(
            """() => { const r = [...document.querySelectorAll('.md-typeset .permalink, .md-typeset .crossref-jump')]
                 .map(e => e.getBoundingClientRect()).filter(b => b.width > 0);
               let n = 0; for (let i = 1; i < r.length; i++) { const a = r[i - 1], b = r[i];
                 const sameLine = a.bottom > b.top + 0.5 && b.bottom > a.top + 0.5;
                 if (sameLine && b.left >= a.left && b.left - a.right < 3) n++; }
               return n; }"""
        )
        width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()
    assert touching == 0
    assert len(sizes) > 500
    assert min(w for w, _ in sizes) >= 24 and min(h for _, h in sizes) >= 24, sorted(sizes)[:5]
    assert width <= 390  # and the page still fits the phone
    assert overlaps == 0


@pytest.mark.browser
def test_an_agency_pages_task_tables_fit_a_phone(browser, base_url):
    """Each row's link cell carries the task's number and title, so the table needs no sideways
    scrolling at 390 px (it had four columns, a number column a third wide and the last cut off)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(base_url + "agencies/cnipa/", wait_until="load")
        tables = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(w => [w.scrollWidth, w.clientWidth,
                 Math.round(w.querySelector('td').getBoundingClientRect().width)])"""
        )
    finally:
        context.close()
    assert len(tables) == 2
    for scroll_width, client_width, first_cell in tables:
        assert scroll_width <= client_width and first_cell >= 150, tables


@pytest.mark.browser
def test_the_phone_headers_menu_and_search_buttons_have_names(browser, base_url):
    """Material's ☰ and 🔍 in the header are labels of hidden checkboxes holding only an icon: a screen
    reader found two unnamed things, not buttons (public-reader review). They are buttons named in
    Material's own Chinese words (导航栏, 搜索, as the search box says), and still open what they opened."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        for path in ("documents/guofa-2016-86/", ""):
            page.goto(base_url + path, wait_until="load")
            header = page.locator("header.md-header")
            menu, search = header.get_by_role("button", name="导航栏"), header.get_by_role("button", name="搜索")
            assert menu.is_visible() and search.is_visible(), path
            menu.click()
            assert page.locator("#__drawer").is_checked(), path
            page.locator("label.md-overlay").click(position={"x": 380, "y": 400})  # closes the drawer
            assert not page.locator("#__drawer").is_checked(), path
            search.click()
            assert page.locator("#__search").is_checked(), path
            expect(page.get_by_role("textbox", name="搜索")).to_be_focused()
    finally:
        context.close()
