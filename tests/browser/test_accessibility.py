"""axe-core finds no serious or critical violation on any page type."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import new_page
from .site_pages import representative_pages

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


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
            menu, search = (
                header.get_by_role("button", name="导航栏"),
                header.get_by_role("button", name="搜索", exact=True),
            )
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


# The contrast ratio (WCAG 2) of an element's text against what is behind it, from computed colours: its
# colour over the first opaque background up its ancestors (any translucent one on the way laid over it).
CONTRAST = r"""(e) => {
  const rgba = s => { const v = s.match(/[\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, under) => top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3]));
  const layers = [];
  for (let box = e; box; box = box.parentElement) {
    const fill = rgba(getComputedStyle(box).backgroundColor);
    if (fill[3] > 0) layers.unshift(fill);
    if (fill[3] === 1) break;
  }
  const back = layers.reduce((under, fill) => over(fill, under), [255, 255, 255]);
  const text = over(rgba(getComputedStyle(e).color), back);
  const luminance = c => c.map(x => x / 255).map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)
    .reduce((sum, x, i) => sum + x * [0.2126, 0.7152, 0.0722][i], 0);
  const [light, dark] = [luminance(text), luminance(back)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


@pytest.mark.browser
def test_a_targeted_headings_link_mark_reads_at_aa_contrast(browser, base_url):
    """A link to a clause heading (一、, （一）, a table's or a 专栏's heading, a 对照 sentence) marks it with a
    yellow band; its ¶ took Material's accent there, #526cfe on #fff3b0: 3.79:1, under the 4.5:1 WCAG AA asks
    of text (review of phone reading). In every colour scheme the site offers, with a mouse (hovering the
    heading, the mark, or the mark focused) and on a touch screen, each link mark of the target reads at
    4.5:1 at least; the ¶ of a heading that is not the target keeps the muted grey of the other marks."""
    targets = (
        "documents/guofa-2016-86/#c1",  # h2
        "documents/guofa-2016-86/#c2-1",  # h3
        "documents/guofa-2016-86/#table1",  # h4, a table's
        "documents/guofa-2016-86/#box1",  # h4, a 专栏's
        "documents/yufufa-2016-25/#c2-1",
        "crossrefs/chongqing/c2-5-p3/#c2-5-p3-s2",
    )
    schemes = (
        "() => [...new Set([...document.querySelectorAll('[data-md-color-scheme]')].map(e => e.dataset.mdColorScheme))]"
    )
    found = {}
    for options, touch in (({"viewport": {"width": 1280, "height": 900}}, False), (PHONE, True)):
        with new_page(browser, base_url=base_url, **options) as page:
            for url in targets:
                page.goto(url, wait_until="load")
                for scheme in page.evaluate(schemes):
                    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
                    target = page.locator(":target")
                    mark = target.locator("> a.headerlink")
                    page.wait_for_function(SETTLED)  # Material fades a ¶ in over 0.25 s
                    assert mark.count() == 1 and mark.evaluate("e => getComputedStyle(e).opacity") == "1", url
                    states = {"shown": lambda: None}
                    if not touch:
                        states |= {
                            "heading hovered": target.hover,
                            "mark hovered": mark.hover,
                            "mark focused": mark.focus,
                        }
                    for state, enter in states.items():
                        enter()
                        page.wait_for_function(SETTLED)
                        for i, each in enumerate(target.locator("a.headerlink, a.permalink").all()):
                            found[(url, scheme, touch, state, i)] = round(each.evaluate(CONTRAST), 2)
                        page.mouse.move(0, 0)
                        page.evaluate("document.activeElement.blur()")
    assert len(found) >= len(targets) * 5
    low = {key: ratio for key, ratio in found.items() if ratio < 4.5}
    assert not low, low
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto("documents/guofa-2016-86/#c2-1")
        colour = "e => getComputedStyle(e).color"
        untargeted = page.locator("#c4-2 > a.headerlink").evaluate(colour)
        assert untargeted == page.locator("#c4-2-3 > a.clause-link").evaluate(colour) == "rgba(0, 0, 0, 0.66)"


@pytest.mark.browser
def test_an_untargeted_headings_link_mark_reads_at_aa_contrast_when_hovered(browser, base_url):
    """Hovering a clause heading that is not the target (or its ¶, or focusing the ¶) showed the ¶ in
    Material's accent, #526cfe on white: 4.25:1, under the 4.5:1 WCAG AA asks of text. In every colour
    scheme the site offers, it reads at 4.5:1 at least in each of those states."""
    headings = {
        "documents/guofa-2016-86/": ("#c1", "#c2-1", "#table1", "#box1"),
        "documents/yufufa-2016-25/": ("#c2-1",),
        "crossrefs/chongqing/c2-5-p3/": ("#c2-5-p3-s2",),
    }
    schemes = (
        "() => [...new Set([...document.querySelectorAll('[data-md-color-scheme]')].map(e => e.dataset.mdColorScheme))]"
    )
    found = {}
    with new_page(browser, base_url=base_url, viewport={"width": 1280, "height": 900}) as page:
        for url, ids in headings.items():
            page.goto(url, wait_until="load")
            for scheme in page.evaluate(schemes):
                page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
                for heading_id in ids:
                    heading = page.locator(heading_id)
                    mark = heading.locator("> a.headerlink")
                    assert mark.count() == 1 and page.locator(":target").count() == 0, (url, heading_id)
                    for state, enter in (
                        ("heading hovered", heading.hover),
                        ("mark hovered", mark.hover),
                        ("mark focused", mark.focus),
                    ):
                        enter()
                        page.wait_for_function(SETTLED)
                        found[(url, heading_id, scheme, state)] = round(mark.evaluate(CONTRAST), 2)
                        page.mouse.move(0, 0)
                        page.evaluate("document.activeElement.blur()")
    assert len(found) == 6 * 3 * len({key[2] for key in found})
    low = {key: ratio for key, ratio in found.items() if ratio < 4.5}
    assert not low, low


def test_the_search_panels_close_control_heading_links_and_skip_link_are_named(browser, base_url):
    """Session 40's review: the phone's ← that closes the search was an unnamed image, each of Material's 1,597
    heading links was named ¶, and the skip link read 跳转至 alone."""
    context = browser.new_context(viewport={"width": 375, "height": 667}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(base_url + "documents/yufufa-2016-25/", wait_until="load")
        links = page.locator(".md-content a.headerlink")
        assert links.count() > 10
        assert page.evaluate("[...document.querySelectorAll('a.headerlink')].every(a => a.ariaLabel === '本节链接')")
        assert page.get_by_role("link", name="本节链接").count() == links.count()
        assert page.locator("a.md-skip").text_content().strip() == "跳转至正文"
        page.locator("header").get_by_role("button", name="搜索", exact=True).click()
        close = page.locator(".md-search__form").get_by_role("button", name="关闭搜索")
        expect(close).to_be_visible()
        expect(page.locator(".md-search__form .md-search__icon-name--find")).to_be_hidden()
        # it is the label's, which toggles the search (Material's own ←); activated as a screen reader does, by a click
        # event, not by the mouse: a mouse click left the input focused, and on a loaded machine Material's focus
        # watcher opened the search again (the full suite failed it twice; it passed alone)
        assert close.evaluate("e => e.closest('label[for=__search]') !== null")
        close.dispatch_event("click")
        expect(page.locator("#__search")).not_to_be_checked()
    finally:
        context.close()
    # from 60em the label shows the magnifier, which does nothing: no button there (session 40's code review: a
    # "关闭搜索" there opened the search)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + "documents/yufufa-2016-25/", wait_until="load")
        form = page.locator(".md-search__form")
        expect(form.locator(".md-search__icon-name--find svg")).to_be_visible()
        assert form.get_by_role("button", name="关闭搜索").count() == 0
    finally:
        context.close()


def test_a_results_missing_words_read_upright_after_a_full_width_colon_and_a_focused_result_shows_a_ring(
    browser, base_url
):
    """Session 40's review: 缺少: 专利质押融资 was slanted (Chinese has no italics) after an ASCII colon, and a result
    reached by Tab showed only a 1.13:1 tint."""
    from .search_probe import search_results

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        search_results(page, base_url, "专利质押融资")
        terms = page.locator(".md-search-result__terms").first
        expect(terms).to_contain_text("缺少：")
        assert ": " not in terms.text_content()
        assert terms.evaluate("e => getComputedStyle(e).fontStyle") == "normal"
        page.keyboard.press("Tab")
        focused = page.locator(".md-search-result__link:focus")
        expect(focused).to_have_count(1)
        assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    finally:
        context.close()


@pytest.mark.browser
def test_the_words_a_search_result_matched_read_at_aa_contrast(browser, base_url):
    """The words a result matched are marked in its title and excerpt: Material's accent, #526cfe on white, is
    4.26:1 at 12.8 px, under the 4.5:1 WCAG AA asks of text (session 42's phone review). On a phone and a desktop,
    in every colour scheme the site offers, each reads at 4.5:1 at least."""
    marks = "[data-md-component=search-result] ol mark"
    schemes = (
        "() => [...new Set([...document.querySelectorAll('[data-md-color-scheme]')].map(e => e.dataset.mdColorScheme))]"
    )
    found = {}
    for options in (PHONE, {"viewport": {"width": 1280, "height": 900}}):
        with new_page(browser, base_url=base_url, **options) as page:
            page.goto("documents/", wait_until="load")
            if options is PHONE:  # the header's 🔍 opens the box; a desktop shows it
                page.locator("header.md-header").get_by_role("button", name="搜索", exact=True).click()
            else:
                page.locator("input[data-md-component=search-query]").click()
            page.locator("input[data-md-component=search-query]").fill("专利质押融资风险")
            page.wait_for_function(f"() => document.querySelectorAll('{marks}').length > 3")
            for scheme in page.evaluate(schemes):
                page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
                for i, mark in enumerate(page.locator(marks).all()[:12]):
                    found[(options["viewport"]["width"], scheme, i)] = round(mark.evaluate(CONTRAST), 2)
    assert len(found) >= 8
    low = {key: ratio for key, ratio in found.items() if ratio < 4.5}
    assert not low, low


@pytest.mark.browser
def test_a_link_reached_by_shift_tab_is_not_hidden_under_the_header(browser, base_url):
    """Shift+Tab scrolled each link only to the window's top edge, behind the 48 px sticky header: 50 of 120
    backward stops on 25号's page at 640 px were covered, many wholly (session 43's accessibility review; WCAG
    2.4.11 Focus Not Obscured). Each stop now shows below the header, and clear of Material's back-to-top button,
    which shows while the page scrolls up (a review of the first fix: it hid 21 stops), and of the site's 目录 link
    beside it on a page with a 目录 box."""
    with new_page(browser, base_url=base_url, viewport={"width": 640, "height": 400}) as page:
        page.goto("documents/yufufa-2016-25/", wait_until="load")
        page.locator("#c3-4-p1-s3 a").last.focus()
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        covered = []
        for _ in range(80):
            page.keyboard.press("Shift+Tab")
            box = page.evaluate(
                """() => { const e = document.activeElement, r = e.getBoundingClientRect();
                  const over = [[0.5, 0.5], [0.1, 0.2], [0.9, 0.2], [0.1, 0.8], [0.9, 0.8]].map(([x, y]) => {
                    const at = document.elementFromPoint(r.left + x * r.width, r.top + y * r.height);
                    const over = at && at.closest('.md-header, .md-top, .md-top-contents');
                    return over ? over.className : ''; });
                  return {top: r.top, bottom: r.bottom, inMain: !!e.closest('.md-content'), text: e.textContent,
                          over: over.filter(Boolean)}; }"""
            )
            if box["inMain"] and (box["over"] or (box["bottom"] > 0 and box["top"] < header)):
                covered.append(box)
        assert header >= 40 and covered == [], covered[:5]
