"""Reading on a phone: a document's 目录, its clauses' link marks, and a 对照 pair a link lands on."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import new_page
from .search_probe import search_results
from .site_pages import pages_holding, representative_pages

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SHOWN = "e => { const s = getComputedStyle(e); return [Number(s.opacity), s.visibility]; }"


def test_a_document_page_has_a_table_of_contents_on_a_phone_and_only_there(browser, base_url):
    """Material's table of contents is in the right sidebar from 60em, and in the drawer only for
    pages in the menu, which document pages are not: below that width the page brings its own."""
    for width, height, shown in ((360, 740, True), (1280, 900, False)):
        with new_page(browser, viewport={"width": width, "height": height}, base_url=base_url) as page:
            page.goto("documents/guofa-2016-86/")
            contents = page.locator("#doc-contents")
            assert contents.is_visible() is shown, width
            if shown:
                contents.locator("summary").click()
                link = contents.locator("a", has_text="严格实行知识产权保护").first
                target = link.get_attribute("href")
                link.click()
                page.wait_for_function(f"location.hash === {target!r}")
                top = page.evaluate(f"document.getElementById({target[1:]!r}).getBoundingClientRect().top")
                assert 0 <= top < height / 2, top


def test_a_document_page_shows_exactly_one_table_of_contents_at_any_width(browser, base_url):
    """Material shows the sidebar table of contents from 60em (960 px) on pages without navigation, as
    document pages are. The page's own 目录 was hidden only from 76.25em, so from 960 to 1219 px (a
    1024×768 tablet or laptop) both were shown, side by side (public-reader review)."""
    for width, height, own in ((360, 740, True), (1024, 768, False), (1280, 900, False)):
        with new_page(browser, viewport={"width": width, "height": height}, base_url=base_url) as page:
            page.goto("documents/guofa-2016-86/")
            inline = page.locator("#doc-contents").is_visible()
            sidebar = page.locator(".md-sidebar--secondary nav.md-nav--secondary").is_visible()
            assert (inline, sidebar) == (own, not own), width


def test_the_contents_are_a_tap_away_from_deep_in_a_document_on_a_phone(browser, base_url):
    """86号 is ~28 screens on a phone and its 目录 is at the top: deep inside, a reader had to scroll
    back up to it (public-reader review). When the reader scrolls up, Material's 回到页面顶部 appears;
    a 目录 link appears beside it, which opens the 目录 from where the reader is. Not on a wide screen,
    where the sidebar holds the contents."""
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto("documents/guofa-2016-86/#box7")
        jump, top = page.get_by_role("link", name="目录", exact=True), page.locator(".md-top")
        expect(jump).to_be_hidden()
        page.mouse.wheel(0, -300)  # scrolling up brings back Material's back-to-top button
        expect(top).not_to_have_attribute("hidden", "")
        expect(jump).to_be_visible()
        box, button = jump.bounding_box(), top.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box  # a target a finger can hit
        assert box["x"] >= button["x"] + button["width"] or box["x"] + box["width"] <= button["x"], (box, button)
        jump.click()
        contents = page.locator("#doc-contents")
        expect(contents).to_have_attribute("open", "")
        entry = contents.get_by_role("link", name="专栏7 知识产权投融资服务工程")
        expect(entry).to_be_in_viewport()
        entry.click()
        page.wait_for_function("location.hash === '#box7'")
    with new_page(browser, base_url=base_url, **DESKTOP) as page:
        page.goto("documents/guofa-2016-86/#box7")
        page.mouse.wheel(0, -300)
        expect(page.locator(".md-top")).not_to_have_attribute("hidden", "")
        expect(page.get_by_role("link", name="目录", exact=True)).to_be_hidden()


def test_the_pair_a_link_lands_on_keeps_its_shared_words_marked(page):
    page.goto("crossrefs/chongqing/c2-5-p3/#c2-5-p3-s2-vs-guobanhan-2016-66-t14")
    pair = page.locator("#c2-5-p3-s2-vs-guobanhan-2016-66-t14")
    mark = pair.locator("mark").first
    background = "e => getComputedStyle(e).backgroundColor"
    # not filled: a fill of the target's yellow (#fff3b0) hid the marks' yellow (#fff3a0)
    assert pair.evaluate(background) == "rgba(0, 0, 0, 0)" and mark.evaluate(background) == "rgb(255, 243, 160)"
    assert pair.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"  # still shown as the target


def test_two_marked_pieces_side_by_side_read_as_two(page):
    """实施 and 产业 are both in the Chongqing sentence, but not together: the national side shows them as
    two marks with a gap between, not one highlight that reads as the copied words 实施产业."""
    page.goto("crossrefs/chongqing/c2-1-p1/")
    touching = page.locator("mark.touching", has_text="产业").first
    gap = touching.evaluate(
        "e => { const p = e.previousElementSibling; return [p.tagName, p.textContent, "
        "e.getBoundingClientRect().left - p.getBoundingClientRect().right]; }"
    )
    assert gap[:2] == ["MARK", "实施"] and gap[2] >= 1.5, gap


@pytest.mark.parametrize(("width", "row"), [(360, "table1-r1"), (320, "table1-r3"), (320, "table1-head")])
def test_the_copy_buttons_of_a_table_row_fit_its_table_on_a_phone(browser, base_url, width, row):
    """At 320 px the buttons beside a row's name widened its first cell and the table ran on past its box: 1050 read
    105 (session 40's phone review). They stand under the name, one a line."""
    with new_page(browser, viewport={"width": width, "height": 740}, base_url=base_url) as page:
        page.goto("documents/guofa-2016-86/")
        wrap = page.locator(".table-wrap").first
        before = wrap.evaluate("e => e.scrollWidth")
        page.goto(f"documents/guofa-2016-86/#{row}")
        toolbar = page.locator(f"#{row} .cite-tools")
        toolbar.wait_for(timeout=5_000)
        assert wrap.evaluate("e => e.scrollWidth") == before  # the buttons do not widen the table
        box, area = toolbar.bounding_box(), wrap.bounding_box()
        assert box["x"] >= area["x"] and box["x"] + box["width"] <= area["x"] + area["width"]


def test_every_clause_shows_its_link_mark_on_a_touch_screen_and_a_heading_on_hover_with_a_mouse(browser, base_url):
    """A paragraph's ¶ is shown everywhere; a clause heading's ¶ (一、, （一）) is Material's headerlink,
    shown when the pointer hovers over the heading. A touch screen has no hover: there it is always shown."""
    for options, touch in ((PHONE, True), (DESKTOP, False)):
        with new_page(browser, base_url=base_url, **options) as page:
            page.goto("documents/guofa-2016-86/")
            assert page.evaluate("matchMedia('(hover: none)').matches") is touch
            heading, mark = page.locator("#c4-2"), page.locator("#c4-2 > a.headerlink")
            assert mark.inner_text() == "¶" and mark.evaluate(SHOWN)[1] == "visible"
            assert page.locator("#c4-2-3 > a.clause-link").evaluate(SHOWN) == [1, "visible"]
            if touch:
                assert mark.evaluate(SHOWN)[0] > 0
            else:
                assert mark.evaluate(SHOWN)[0] == 0  # as Material has it, until the mouse comes
                heading.hover()
                expect(mark).to_have_css("opacity", "1")


def test_a_notice_reads_as_printed_on_a_phone(browser, base_url):
    """66号's title lines centred, its 文号 under them, its 落款 to the right; a 专栏 box's heading and
    lines on one band (each line still a clause with its own ¶)."""
    align = "e => getComputedStyle(e).textAlign"
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto("documents/guobanhan-2016-66/")
        for anchor, side in (("pre1", "center"), ("pre3", "center"), ("pre4", "center"), ("pre5", "start")):
            assert page.locator(f"#{anchor}").evaluate(align) == side, anchor
        assert page.locator("#pre8").evaluate(align) == "right"  # 国务院办公厅
        assert page.locator("#p1").evaluate(align) == "center"  # the plan's own title
        page.goto("documents/guofa-2016-86/")
        heading, line = page.locator("#box1"), page.locator(".in-box").first
        band = "e => { const s = getComputedStyle(e); return [s.borderLeftColor, s.backgroundColor !== 'rgba(0, 0, 0, 0)']; }"
        assert heading.evaluate(band) == line.evaluate(band) and line.evaluate(band)[1]
        gap = line.bounding_box()["y"] - (heading.bounding_box()["y"] + heading.bounding_box()["height"])
        assert abs(gap) < 1, gap  # no white stripe between the heading and its first line
        page.goto("documents/guofa-2016-86/#box1")  # a link to the box still marks it as the target
        assert heading.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 243, 176)"


def test_an_indicators_values_read_label_beside_value_on_a_phone(browser, base_url):
    """The values list set each label over its value, indented: five numbers took a screen on a phone
    (public-reader review). Each value now stands beside its label, and nothing runs off the side."""
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto("indicators/ip-pledge-financing/")
        rows = page.evaluate(
            """() => [...document.querySelectorAll('dl.indicator-values dt')].map(dt => {
                 const dd = dt.nextElementSibling;
                 return [dt.textContent, Math.round(dt.getBoundingClientRect().top), Math.round(dd.getBoundingClientRect().top)];
               })"""
        )
        assert len(rows) >= 5 and all(dt_top == dd_top for _, dt_top, dd_top in rows), rows
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_documents_metadata_reads_label_beside_value_on_a_phone(browser, base_url):
    """The metadata list set each label over its value on a phone: seven pairs took 451 of a 740 px
    screen, and the text began 200 px into the second screen (public-reader review). Each value now stands
    beside its label, as on a wide screen and as an indicator's values do, and nothing runs off the side."""
    with new_page(
        browser, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, base_url=base_url
    ) as page:
        page.goto("documents/guofa-2016-86/")
        rows = page.evaluate(
            """() => [...document.querySelectorAll('#doc-meta dt')].map(dt => {
                 const dd = dt.nextElementSibling, a = dt.getBoundingClientRect(), b = dd.getBoundingClientRect();
                 return [dt.textContent, Math.round(a.top), Math.round(b.top), Math.round(b.right)];
               })"""
        )
        assert len(rows) >= 6 and all(dt_top == dd_top and right <= 360 for _, dt_top, dd_top, right in rows), rows
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        height = page.locator("#doc-meta").bounding_box()["height"]
        assert height < 740 / 2, height


def test_a_comparison_holding_a_long_unbroken_run_stays_within_the_screen(browser, base_url):
    """A sentence may hold a web address or a long number, which has no place to break: the side-by-side
    comparison's columns grew to its width (a grid column is at least as wide as its longest word), and
    the page scrolled sideways, 1,009 px wide on a 360 px phone (review of the 对照 pages)."""
    run = "http://www.example.gov.cn/zscq/" + "a" * 80 + "，编号" + "1234567890" * 8
    for width in (360, 1280):
        with new_page(browser, viewport={"width": width, "height": 800}, base_url=base_url) as page:
            page.goto("crossrefs/chongqing/c2-5-p3/")
            pair = page.locator(".crossref-pair").first
            pair.locator(".crossref-side p:not(.crossref-side-title)").last.evaluate("(p, run) => p.append(run)", run)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, width
            compare = pair.locator(".crossref-compare").bounding_box()
            for side in pair.locator(".crossref-side").all():
                box = side.bounding_box()
                assert box["x"] + box["width"] <= compare["x"] + compare["width"] + 0.5, (width, box, compare)


# Each 国家—重庆 the page shows whose dash does not stand on one line with the 家 before it and the 重 after it.
DASH_SPLITS = r"""() => {
  const split = [];
  let seen = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    for (const m of node.data.matchAll(/国家—重庆/g)) {
      const range = document.createRange(), box = at => {
        range.setStart(node, m.index + at); range.setEnd(node, m.index + at + 1); return range.getBoundingClientRect(); };
      const [jia, dash, chong] = [box(1), box(2), box(3)];
      if (!dash.width) continue;  // not shown
      seen++;
      if (Math.abs(dash.top - jia.top) > 2 || Math.abs(chong.top - dash.top) > 2)
        split.push(node.data.slice(Math.max(0, m.index - 6), m.index + 9));
    }
  }
  return {seen, split};
}"""


def test_no_line_starts_with_the_dash_of_guojia_chongqing_on_a_phone(built, browser, base_url):
    """The site's own words 国家—重庆 (home page, each document's legend of its marks, the 对照 page, the 数据
    page): at 358–372 px the line broke before the dash, leaving "—重庆" to start the next line. A dash never
    starts a line in Chinese typesetting, and the two words it joins stay together: at every width from 320
    to 414 px, on every page that shows them, and in the search results that name the 对照 page."""
    shown = "国家—重庆"
    paths = pages_holding(built.html, shown, after='class="md-content"')
    assert {"/", "/crossrefs/", "/data/", "/documents/guofa-2016-86/"} <= set(paths), paths
    seen, split = {}, {}
    with new_page(browser, base_url=base_url, **PHONE) as page:
        for path in paths:
            page.goto(path.lstrip("/"), wait_until="load")
            for width in range(320, 415):
                page.set_viewport_size({"width": width, "height": 844})
                found = page.evaluate(DASH_SPLITS)
                seen[path] = max(seen.get(path, 0), found["seen"])
                for words in found["split"]:
                    split.setdefault((path, words), []).append(width)
        for width in (320, 360, 414):
            page.set_viewport_size({"width": width, "height": 844})
            titles = [link["title"] for group in search_results(page, base_url, "国家—重庆对照") for link in group]
            assert f"{shown}对照" in titles, titles
            found = page.evaluate(DASH_SPLITS)
            for words in found["split"]:
                split.setdefault(("search results", words), []).append(width)
    assert all(seen[path] >= 1 for path in paths), seen
    assert not split, "\n".join(f"{path} {words!r} {widths}" for (path, words), widths in sorted(split.items()))


# The units a number stands before in the site's pages (2016年, 86号, 第2项第1句, 第1段, 第9行, 3—4个, 6.3件,
# 2.4倍, 3万件, 3289亿元): each place one starts a line under the digit before it, and each date
# (2016年12月30日) that is not on one line.
UNIT_SPLITS = r"""() => {
  const split = [];
  let seen = 0, dates = 0;
  const content = document.querySelector('.md-content') || document.body;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const range = document.createRange(), box = at => {
      range.setStart(node, at); range.setEnd(node, at + 1); return range.getBoundingClientRect(); };
    const broken = (a, b) => b.top >= a.bottom - a.height / 2;
    for (const m of node.data.matchAll(/[0-9](?=[年月日号项句段行个件倍万亿])/g)) {
      const digit = box(m.index), unit = box(m.index + 1);
      if (!digit.width) continue;  // not shown (a card's hidden head row, a closed details)
      seen++;
      if (broken(digit, unit)) split.push(node.data.slice(Math.max(0, m.index - 8), m.index + 4));
    }
    for (const m of node.data.matchAll(/[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?/g)) {
      const first = box(m.index), last = box(m.index + m[0].length - 1);
      if (!first.width) continue;
      dates++;
      if (broken(first, last)) split.push(m[0]);
    }
  }
  return {seen, dates, split};
}"""


def test_no_line_starts_with_the_unit_of_the_number_before_it_on_a_phone(built, browser, base_url):
    """A number stays on one line with its unit in Chinese typesetting; on a phone Chromium broke between them
    in running text (review of phone reading): an agency's "（2018" / "年）", "2023" / "年对金…", 86号's
    成文日期 "2016年12" / "月30日", 106号's "期限为1" / "年。". On every page type and the pages named, at
    widths from 320 to 414 px, no unit starts a line under its digit and no date is broken inside."""
    paths = sorted(
        set(representative_pages(built.html).values())
        | {"/documents/guobanfa-2016-106/", "/agencies/cnipa/", "/indicators/invention-patents-per-10k/"}
        | set(pages_holding(built.html, "年）", after='class="md-content"')[:3])
    )
    seen, dates, split = {}, {}, {}
    with new_page(browser, base_url=base_url, **PHONE) as page:
        for path in paths:
            page.goto(path.lstrip("/"), wait_until="load")
            for width in (320, 333, 347, 360, 375, 390, 402, 414):
                page.set_viewport_size({"width": width, "height": 844})
                found = page.evaluate(UNIT_SPLITS)
                seen[path] = max(seen.get(path, 0), found["seen"])
                dates[path] = max(dates.get(path, 0), found["dates"])
                for words in found["split"]:
                    split.setdefault((path, words), []).append(width)
    assert seen["/documents/guobanfa-2016-106/"] >= 10 and dates["/documents/guofa-2016-86/"] >= 1, (seen, dates)
    assert not split, "\n".join(f"{path} {words!r} {widths}" for (path, words), widths in sorted(split.items()))


@pytest.mark.parametrize(
    ("task", "linked"),
    [
        ("guobanhan-2016-66-t54", "chongqing"),  # 重庆落实
        ("guobanhan-2016-66-t7", "chongqing"),  # 重庆落实 saying none was found
        ("guofa-2016-86-4-2-1", "chongqing"),  # 重庆文件中的对应句
        ("yufufa-2016-25-2-5-p3", "national-basis"),  # 国家依据
    ],
)
def test_a_task_pages_linked_section_comes_before_its_related_tasks_on_a_phone(browser, base_url, task, linked):
    """Staff review (360 px phone): 重庆落实 came after 相关任务, up to 8 long items, about a screen, to
    scroll past for what staff look for most. It comes first, on screen and in the drawer's 目录."""
    with new_page(browser, viewport={"width": 360, "height": 740}, is_mobile=True, base_url=base_url) as page:
        page.goto(f"tasks/{task}/")
        tops = [page.locator(f"#{anchor}").bounding_box()["y"] for anchor in (linked, "related-tasks")]
        assert tops[0] < tops[1], tops
        contents = page.locator('nav.md-nav--secondary[aria-label="目录"] a.md-nav__link')
        order = [href.split("#")[-1] for href in contents.evaluate_all("as => as.map(a => a.getAttribute('href'))")]
        assert order.index(linked) < order.index("related-tasks"), order


ITALIC_CJK = """() => [...document.querySelectorAll('.md-content *')]
  .filter(e => getComputedStyle(e).fontStyle !== 'normal' && /[\\u4e00-\\u9fff]/.test(e.textContent))
  .map(e => e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 30))"""


@pytest.mark.parametrize(
    "path", ["documents/guofa-2016-86/", "documents/yufufa-2016-25/", "documents/guobanhan-2016-66/", "documents/"]
)
def test_no_chinese_text_is_set_in_italics(browser, base_url, path):
    """From session 38's public-reader review: the titles and 文号 of documents the site lacks (国发〔2015〕71号) were
    <cite>, which browsers set in a synthetic italic; Chinese typesetting has no italics, and slanted characters
    read as broken. The reference is marked by its 《》 and its （本站未收录）."""
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto(path)
        assert page.locator(".md-content cite").count() > 0 or path == "documents/"
        assert page.evaluate(ITALIC_CJK) == []
