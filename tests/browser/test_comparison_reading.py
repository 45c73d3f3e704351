"""Reading a 对照 comparison on a phone: its underlines stay clear of the characters they mark."""

from __future__ import annotations

import re

import pytest

from .conftest import new_page
from .pixels import png_rows

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
# characters whose lowest stroke is a full-width horizontal one, where an underline close under them merges
BOTTOM_STROKES = "工生重里且上"


def ink_and_underline(page, kind: str) -> tuple[int, list[int]]:
    """A comparison's line of BOTTOM_STROKES as text of ``kind`` (only-national, only-local), drawn by the
    site's own style: the lowest row of the characters' ink and the rows the underline alone adds."""
    paragraph = page.locator(".crossref-pair .crossref-side > p:not(.crossref-side-title)").first
    paragraph.evaluate(
        "(p, [kind, text]) => { const s = document.createElement('span'); s.className = kind; s.textContent = text;"
        " p.replaceChildren(s); }",
        [kind, BOTTOM_STROKES],
    )
    underlined = png_rows(paragraph.screenshot())
    paragraph.evaluate("p => { p.firstChild.style.textDecoration = 'none'; }")
    plain = png_rows(paragraph.screenshot())
    width = len(plain[0])
    inked = [y for y, row in enumerate(plain) if sum(sum(px) < 600 for px in row) > width * 0.05]
    return max(inked), [y for y in range(len(plain)) if plain[y] != underlined[y]]


@pytest.mark.parametrize("kind", ["only-national", "only-local"])
def test_a_comparisons_underline_keeps_clear_of_the_characters_bottom_strokes(browser, base_url, kind):
    """Reader review (360 px phone): the dotted and solid underlines that tell one side's own words were
    drawn at the Latin baseline's offset, touching the lowest stroke of 工, 生, 重, 里: over a whole sentence
    the underline and those strokes read as one line, and 。 sat in the dots. Drawn under the text's ink, a gap of at least 1 CSS px (2 device px here) keeps them apart."""
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto("crossrefs/chongqing/c2-5-p3/")
        bottom, underline = ink_and_underline(page, kind)
        assert underline, "no underline drawn"
        assert min(underline) - bottom - 1 >= 2, (bottom, underline)


def test_a_chongqing_sentence_without_a_national_basis_shows_so_by_its_mark(browser, base_url):
    """Reader review (phone): every sentence of the Chongqing text ends in the same ⇄, and 55 of the 173 lead
    to a page saying no national basis was found; the title that says so shows only on hover, which a
    phone has not. Those marks (and the one of a sentence whose link staff rejected) are grey, the others keep
    the link colour, and the legend says what grey means. Grey against the link blue is 1.05:1, a difference of
    colour alone (session 43's accessibility review, WCAG 1.4.1): they are in a dashed box too, as the sample is,
    drawn as a border: the outline is the focus ring's, which a dashed outline replaced."""
    outline = "e => getComputedStyle(e).borderTopStyle"
    colour = "e => getComputedStyle(e).color"
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto("documents/yufufa-2016-25/")
        found = page.locator('#c2-5-p3-s2 a.crossref-jump[aria-label="国家依据"]')
        missing = page.locator('#c2-5-p3-s1 a.crossref-jump[aria-label="国家依据（程序未找到）"]')
        assert found.evaluate(colour) != missing.evaluate(colour)
        assert missing.evaluate(colour) == "rgba(0, 0, 0, 0.66)"  # the site's muted grey, 5.7:1 on white
        legend = page.locator("#doc-marks")
        assert "灰色虚线框的 ⇄ 表示本句未列国家依据" in legend.inner_text()
        assert (found.evaluate(outline), missing.evaluate(outline)) == ("none", "dashed")
        samples = legend.locator(".mark-sample", has_text="⇄")
        assert [samples.nth(0).evaluate(outline), samples.nth(1).evaluate(outline)] == ["none", "dashed"]
        assert [samples.nth(0).evaluate(colour), samples.nth(1).evaluate(colour)] == [
            found.evaluate(colour),
            missing.evaluate(colour),
        ]
        missing.focus()
        assert missing.evaluate("e => getComputedStyle(e).outlineStyle") not in ("none", "dashed")  # the focus ring


def test_a_measures_sentence_links_do_not_break_across_lines_on_a_phone(browser, base_url):
    """A measure's 国家依据 ends each national basis with its sentences, 第1句、第2句…: at 360 px 第6句 broke
    after 第6, the link's two halves on two lines. Each stays whole."""
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto("tasks/yufufa-2016-25-2-3-p3/")
        links = page.locator("#national-basis + ul ul a", has_text=re.compile(r"^第\d+句$"))
        assert links.count() > 10
        # the lines a link stands on: the tops of its boxes (第 and the kept-together 1句 are two boxes on one line)
        tops = "a => new Set([...a.getClientRects()].map(r => Math.round(r.top))).size"
        lines = links.evaluate_all(f"as => as.map(a => [a.textContent, ({tops})(a)])")
        assert [text for text, rects in lines if rects != 1] == [], lines


# each "N 句" (N 项, N 条; with or without a space) whose number and unit a line break parts, with the words before it
PARTED_COUNTS = r"""() => { const parted = [], walker = document.createTreeWalker(document.querySelector('article'),
  NodeFilter.SHOW_TEXT); for (let node; (node = walker.nextNode()); ) { for (const m of node.data.matchAll(/\d+[ \u00a0]?[句项条]/g)) {
    const range = document.createRange(); range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    if (tops.size > 1) parted.push(node.data.slice(Math.max(0, m.index - 6), m.index + m[0].length)); } }
  return parted; }"""


def test_a_count_stays_beside_its_unit_on_a_phone(browser, base_url):
    """The overview's 重庆承接的任务 ends each task with its count (：1 句): at 360 px five of them broke between
    1 and 句, the 句 alone at the start of the next line."""
    with new_page(browser, base_url=base_url, **PHONE) as page:
        for path in ("crossrefs/", "tasks/guobanhan-2016-66-t4/", "tasks/yufufa-2016-25-2-3-p3/"):
            page.goto(path)
            assert page.evaluate(PARTED_COUNTS) == [], path


def test_a_comparison_sentence_shows_its_link_mark_on_a_touch_screen(browser, base_url):
    """Each sentence of a 对照 page is a heading whose ¶ links to it (staff link to a sentence's comparison).
    Material shows a heading's ¶ on hover only; a touch screen has none, so on a phone the mark was an
    invisible 24 px target at the heading's end. There it is shown, in the grey of the document pages'
    marks; with a mouse it still appears on hover."""
    shown = "e => Number(getComputedStyle(e).opacity)"
    for options, touch in ((PHONE, True), ({"viewport": {"width": 1280, "height": 800}}, False)):
        with new_page(browser, base_url=base_url, **options) as page:
            page.goto("crossrefs/chongqing/c2-5-p3/")
            mark = page.locator("#c2-5-p3-s2 > a.headerlink")
            assert mark.evaluate(shown) == (1 if touch else 0), touch
            if touch:
                assert mark.evaluate("e => getComputedStyle(e).color") == "rgba(0, 0, 0, 0.66)"


def test_a_linked_sentence_reads_once_on_a_phone(browser, base_url):
    """Staff review (360 px phone): a 对照 page gave a linked Chongqing sentence three times, its heading's
    excerpt, a quote of it and the Chongqing side of its comparison: three screens of the same words. On the
    screen a linked sentence's words stand whole once per comparison, the quote's place holding only its
    在原文中查看本句 link, which a link to its -text anchor lands on; one without a national basis is quoted."""
    whole = "扶持专业性的知识产权运营机构成长，开展知识产权收储、开发、组合、投资等服务。"  # 第2句, one comparison
    alone = "支持企业间、行业间组建知识产权联盟，形成合理的产业链和成果转化的群体优势。"  # 第4句, none
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto("crossrefs/chongqing/c2-2-p3/#c2-2-p3-s2-text")
        shown = page.locator("article").inner_text()
        assert (shown.count(whole), shown.count(alone)) == (1, 1)
        landed = page.locator("#c2-2-p3-s2-text")
        assert landed.inner_text() == "在原文中查看本句"
        assert 0 <= landed.bounding_box()["y"] < PHONE["viewport"]["height"] / 2
        compare = page.locator("#c2-2-p3-s2-vs-guobanhan-2016-66-t50 .crossref-compare")
        assert compare.bounding_box()["y"] < PHONE["viewport"]["height"]  # the comparison follows on the screen
        assert page.locator("#c2-2-p3-s4-text").inner_text().startswith(alone)


def test_a_screen_reader_hears_where_the_shared_words_start_and_end_and_a_copy_holds_none_of_it(browser, base_url):
    """The shared words are <mark>, which JAWS and VoiceOver on iOS do not announce: both texts were heard with
    nothing telling which words they share (session 43's accessibility review; WCAG 1.3.1). The accessibility tree
    now says （相同：…） around each; the words are neither shown (1 px, clipped) nor copied."""
    pair = "#c2-1-p1-s1-vs-guobanhan-2016-66-t55"
    with new_page(browser, base_url=base_url, permissions=["clipboard-read", "clipboard-write"]) as page:
        page.goto(f"crossrefs/chongqing/c2-1-p1/{pair}", wait_until="load")
        marks = page.locator(f"{pair} mark")
        assert marks.count() >= 2
        client = page.context.new_cdp_session(page)
        tree = client.send("Accessibility.getFullAXTree")["nodes"]
        heard = "".join(
            str(node.get("name", {}).get("value", ""))
            for node in tree
            if node.get("role", {}).get("value") == "StaticText"
        )
        first = marks.first.inner_text()
        every = page.locator(".crossref-pair mark").count()
        assert heard.count("（相同：") == every  # each mark's start is heard (and its end: the ）after it)
        before = marks.first.evaluate(
            "m => [getComputedStyle(m, '::before').content, getComputedStyle(m, '::before').width]"
        )
        assert before == ['"（相同："', "1px"]  # said, not shown
        assert marks.first.evaluate("m => getComputedStyle(m, '::after').content") == '"）"'  # and where they end
        marks.first.evaluate(
            """m => { const r = document.createRange(); r.selectNodeContents(m.parentElement);
              getSelection().removeAllRanges(); getSelection().addRange(r); }"""
        )
        page.keyboard.press("Control+c")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert first in copied and "相同：" not in copied
