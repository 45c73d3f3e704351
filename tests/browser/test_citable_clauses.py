"""Permalinks that scroll to and highlight their clause, copy buttons, and missing fragments."""

from __future__ import annotations

import pytest

from .conftest import new_page

DOC = "documents/guobanhan-2016-66/"
DOC_86 = "documents/guofa-2016-86/"


def _in_viewport(page, anchor: str) -> bool:
    return page.evaluate(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
                   return r.top >= header - 1 && r.top < window.innerHeight; }""",
        anchor,
    )


@pytest.mark.browser
def test_a_clause_url_scrolls_to_the_clause_below_the_header_and_highlights_it(base_url, page):
    page.goto(base_url + DOC_86 + "#c4-2-1-s2", wait_until="load")
    assert _in_viewport(page, "c4-2-1-s2")
    background = page.eval_on_selector("#c4-2-1-s2", "el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(255, 243, 176)"


@pytest.mark.browser
def test_copy_link_and_copy_citation_of_a_task(base_url, page):
    page.goto(base_url + DOC, wait_until="load")
    page.click("#t14 a.clause-link")
    page.click(".cite-tools button[data-action=link]")
    page.click(".cite-tools button[data-action=cite]")
    page.wait_for_function("window.__copied.length === 2")
    url = base_url + DOC + "#t14"
    assert page.evaluate("window.__copied") == [url, f"《重点任务分工方案》（国办函〔2016〕66号）第14项 {url}"]


@pytest.mark.browser
def test_copy_citation_of_a_sentence_and_of_a_section_heading(base_url, page):
    page.goto(base_url + DOC_86 + "#c4-2-3-s1", wait_until="load")
    page.click(".cite-tools button[data-action=cite]")
    page.goto(base_url + DOC_86 + "#c2", wait_until="load")
    page.click(".cite-tools button[data-action=cite]")
    page.wait_for_function("window.__copied.length === 2")  # same page: the hash changed, no reload
    doc = "《“十三五”国家知识产权保护和运用规划》（国发〔2016〕86号）"
    assert page.evaluate("window.__copied") == [
        f"{doc}第四部分第（二）条第3项第1句 {base_url}{DOC_86}#c4-2-3-s1",
        f"{doc}第二部分 {base_url}{DOC_86}#c2",
    ]


@pytest.mark.browser
def test_a_missing_fragment_shows_a_notice(base_url, page):
    page.goto(base_url + DOC_86 + "#c99-1", wait_until="load")
    notice = page.locator(".fragment-notice")
    notice.wait_for(state="visible")
    assert "#c99-1" in notice.inner_text()
    assert page.evaluate("window.scrollY") == 0
    page.click("a[href='#c4-1']")  # the reader moves on, through the contents: the notice was about the old link
    page.wait_for_function("location.hash === '#c4-1'")
    notice.wait_for(state="detached")
    page.evaluate("location.hash = '#c99-2'")  # another missing one says so anew
    notice.wait_for(state="visible")
    assert "#c99-2" in notice.inner_text() and page.locator(".fragment-notice").count() == 1


@pytest.mark.browser
def test_no_notice_comes_late_for_a_link_the_reader_has_left(base_url, page):
    """On a slow network redirects.json may arrive after the reader has followed another link: the notice
    about the first link (and its scroll to the top) would pull them away from where they went."""
    held = []
    page.route("**/data/redirects.json", lambda route: held.append(route))  # answered when the test says
    page.goto(base_url + DOC_86 + "#c99-2", wait_until="load")
    while not held:
        page.wait_for_timeout(50)
    page.click("a[href='#c4-1']")
    page.wait_for_function("location.hash === '#c4-1'")
    scrolled = page.evaluate("window.scrollY")
    held[0].fulfill(json={})
    page.wait_for_timeout(500)
    assert page.locator(".fragment-notice").count() == 0
    assert page.evaluate("window.scrollY") == scrolled > 0


@pytest.mark.browser
def test_a_moved_fragment_follows_redirects_json(base_url, page):
    moved = {f"/{DOC_86}#c9-9": {"to": f"/{DOC_86}#c4-2-1", "notice": "此条已移至新位置"}}
    page.route("**/data/redirects.json", lambda route: route.fulfill(json=moved))
    page.goto(base_url + DOC_86 + "#c9-9", wait_until="load")
    page.locator(".fragment-notice").wait_for(state="visible")
    assert page.evaluate("location.hash") == "#c4-2-1"
    assert _in_viewport(page, "c4-2-1")


def _marked_as_target(page, anchor: str) -> bool:
    """Highlighted as the clause a link lands on (yellow with an outline), beside its copy buttons."""
    return page.evaluate(
        """id => { const el = document.getElementById(id), s = getComputedStyle(el);
                   const tools = document.querySelector('.cite-tools');
                   return s.backgroundColor === 'rgb(255, 243, 176)' && s.outlineStyle === 'solid'
                          && !!tools && (el.contains(tools) || el.nextElementSibling === tools); }""",
        anchor,
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("doc", "written", "anchor"),
    [
        (DOC_86, "#4-2-3", "c4-2-3"),  # the id's path without its c (clauses.json: guofa-2016-86/4-2-3)
        (DOC_86, "#4-2-3-s1", "c4-2-3-s1"),
        (DOC_86, "#C4-2-3", "c4-2-3"),
        (DOC, "#T14", "t14"),
        (DOC, "#PRE3", "pre3"),
        (DOC_86, "#Box2", "box2"),
        (DOC_86, "#TABLE1-R2", "table1-r2"),
        (DOC_86, "#c4-2-3。", "c4-2-3"),  # a full stop pasted onto the link
        (DOC_86, "#c4-2-3%20", "c4-2-3"),
        (DOC_86, "#c4-2-3%E3%80%82", "c4-2-3"),
        (DOC, "#t14-s1)", "t14-s1"),
        (DOC, "#t14-s1）", "t14-s1"),  # full-width
        (DOC, "#ｔ１４", "t14"),
        (DOC_86, "#guofa-2016-86/4-2-3", "c4-2-3"),  # the whole clause id (clauses.json)
        (DOC, "#guobanhan-2016-66-t14", "t14"),  # a task's id (tasks.json)
    ],
)
def test_an_almost_right_clause_link_opens_its_clause_and_corrects_the_address(base_url, page, doc, written, anchor):
    page.goto(base_url + doc + written, wait_until="load")
    page.wait_for_function(f"location.hash === '#{anchor}'", timeout=5_000)
    assert page.evaluate("location.href") == base_url + doc + "#" + anchor  # a copied address is right
    assert _in_viewport(page, anchor)
    assert _marked_as_target(page, anchor)
    page.wait_for_timeout(300)  # redirects.json has had time to load: no notice came
    assert page.locator(".fragment-notice").count() == 0
    page.go_back()  # corrected in place: Back does not return to the address as written
    assert page.url == "about:blank"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("doc", "written"),
    [
        (DOC_86, "#c4-2-"),  # cut short: c4-2-1, c4-2-2 or c4-2-3? not c4-2
        (DOC, "#14"),  # the path of c14, which 66号 has not; t14 is not the path 14: no guess
        (DOC_86, "#c4-2-3x"),
        (DOC_86, "#guobanhan-2016-66/t14"),  # another document's clause
        # words before or after a number are no pasted punctuation (code review: #任务5 opened section 五's
        # c5, #专栏2 c2, #表1 c1, #四（二）3 c3, #c4-2-3（一） its parent c4-2-3)
        (DOC, "#任务5"),
        (DOC, "#第5项"),
        (DOC_86, "#专栏2"),
        (DOC_86, "#表1"),
        (DOC_86, "#四（二）3"),
        (DOC_86, "#c4-2-3（一）"),
    ],
)
def test_a_link_no_forgiving_reading_makes_right_shows_the_notice(base_url, page, doc, written):
    page.goto(base_url + doc + written, wait_until="load")
    notice = page.locator(".fragment-notice")
    notice.wait_for(state="visible")
    assert "本页没有链接所指的位置" in notice.inner_text()
    assert page.evaluate("location.hash") == page.evaluate("new URL(document.URL).hash")  # left as written


@pytest.mark.browser
@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("#%", "#%"),  # a lone % : no escape at all
        ("#c4-2-3%E5%BB", "#c4-2-3%E5%BB"),  # a link cut inside a character's escapes
        ("#%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E", "#<img src=x onerror=window.__pwned=1>"),
    ],
)
def test_a_fragment_of_broken_escapes_or_markup_gets_the_notice_as_text(base_url, page, written, shown):
    """Red team: a fragment whose %-escapes are no UTF-8 threw URIError in site.js before its notice was
    made, and the reader was left at the top of the page with no word; one holding markup is shown as the
    text it is, never run."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + DOC_86 + written, wait_until="load")
    notice = page.locator(".fragment-notice")
    notice.wait_for(state="visible")
    assert f"本页没有链接所指的位置（{shown}）" in notice.inner_text()
    assert errors == [] and page.evaluate("window.__pwned") is None and notice.locator("img").count() == 0


@pytest.mark.browser
def test_an_almost_right_link_to_a_moved_or_removed_clause_gets_its_notice(base_url, page):
    """redirects.yaml: 106号's p3 and 3-3/p1 (and their sentences) went to p4; 59号's pre2 was removed. Each has
    its note on the page, as without JavaScript."""
    page.goto(base_url + "documents/guobanfa-2016-106/#P3-S1。", wait_until="load")
    page.wait_for_function("location.hash === '#p3-s1'", timeout=5_000)
    assert page.locator("#p3-s1").is_visible() and "转到新位置：正文末段第1句" in page.locator("#p3-s1").inner_text()
    page.goto(base_url + "documents/guobanfa-2016-106/#C3-3-P1", wait_until="load")  # its hidden note, as without JS
    page.wait_for_function("location.hash === '#c3-3-p1'", timeout=5_000)
    assert page.locator("#c3-3-p1").is_visible() and "转到新位置：正文末段" in page.locator("#c3-3-p1").inner_text()
    page.goto(base_url + "documents/guozhifaguanzi-2015-59/#Pre2)", wait_until="load")
    page.wait_for_function("location.hash === '#pre2'", timeout=5_000)
    assert page.locator("#pre2").is_visible() and "删除" in page.locator("#pre2").inner_text()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
DOC_106 = "documents/guobanfa-2016-106/"


def _notice_beside(page, anchor: str) -> dict[str, float]:
    """Where the notice and the clause it is about are, in the viewport."""
    return page.evaluate(
        """id => { const n = document.querySelector('.fragment-notice').getBoundingClientRect();
                   const t = document.getElementById(id).getBoundingClientRect();
                   const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
                   return {header, height: innerHeight, noticeTop: n.top, noticeBottom: n.bottom,
                           targetTop: t.top, targetBottom: t.bottom}; }""",
        anchor,
    )


def _assert_in_sight(box: dict[str, float]) -> None:
    assert box["header"] - 1 <= box["noticeTop"] and box["noticeBottom"] <= box["height"], box  # the whole notice
    assert box["noticeBottom"] <= box["targetTop"] <= box["noticeBottom"] + 40, box  # just above the clause
    assert box["targetTop"] < box["height"] - 40, box  # which is in sight too


@pytest.mark.browser
@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["390x844", "1280x800"])
def test_a_moved_clause_link_says_where_it_went_beside_the_clause(browser, base_url, device):
    """redirects.json sends a sentence of a moved paragraph, which has no note on the page (in a copy without
    git, only the paragraph has an entry), by the paragraph's record to 106号's #p4, cited 正文末段: the notice
    names it so, in one sentence, and stands above it, where the page has scrolled to. (106号's #p3-s1 was such a
    link until redirects.yaml gave p3's sentences entries of their own.)"""
    record = {"to": f"/{DOC_106}#p4", "to_id": "guobanfa-2016-106/p4", "date": None, "note": ""}
    moved = {f"/{DOC_106}#p9": record | {"id": "guobanfa-2016-106/p9", "notice": "此条已移至新位置"}}
    with new_page(browser, base_url=base_url, **device) as page:
        page.route("**/data/redirects.json", lambda route: route.fulfill(json=moved))
        page.goto(DOC_106 + "#p9-s1", wait_until="load")
        page.wait_for_function("location.hash === '#p4'", timeout=5_000)
        notice = page.locator(".fragment-notice")
        notice.wait_for(state="visible")
        assert notice.inner_text().strip() == "链接所指的条款（#p9-s1）已移至正文末段，已为您跳转。"
        _assert_in_sight(_notice_beside(page, "p4"))


@pytest.mark.browser
@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["390x844", "1280x800"])
@pytest.mark.parametrize(
    ("anchor", "cite"),
    [
        ("c4-2-1", "第四部分第（二）条第1项"),
        ("c1-p1-s15", "第一部分第1段第15句"),  # the last sentence of a long paragraph
        ("table1-r10", "表1第10行"),
    ],
)
def test_a_moved_clause_notice_with_a_date_and_a_note_is_one_sentence_in_sight(browser, base_url, device, anchor, cite):
    record = {"to": f"/{DOC_86}#{anchor}", "to_id": "", "date": "2024-05-01", "note": "与上条合并。"}
    moved = {f"/{DOC_86}#c9-9": record | {"notice": "此条已于2024-05-01移至新位置：与上条合并。"}}
    with new_page(browser, base_url=base_url, **device) as page:
        page.route("**/data/redirects.json", lambda route: route.fulfill(json=moved))
        page.goto(DOC_86 + "#c9-9", wait_until="load")
        page.wait_for_function(f"location.hash === '#{anchor}'", timeout=5_000)
        notice = page.locator(".fragment-notice")
        notice.wait_for(state="visible")
        expected = f"链接所指的条款（#c9-9）已于2024-05-01移至{cite}（与上条合并），已为您跳转。"
        assert notice.inner_text().strip() == expected
        _assert_in_sight(_notice_beside(page, anchor))


@pytest.mark.browser
@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["390x844", "1280x800"])
def test_a_clause_moved_to_another_document_says_which_beside_it(browser, base_url, device):
    moved = {f"/{DOC_86}#c9-9": {"to": f"/{DOC_106}#p4", "to_id": "guobanfa-2016-106/p4", "notice": "此条已移至新位置"}}
    with new_page(browser, base_url=base_url, **device) as page:
        page.route("**/data/redirects.json", lambda route: route.fulfill(json=moved))
        page.goto(DOC_86 + "#c9-9", wait_until="load")
        page.wait_for_url(base_url + DOC_106 + "#p4", timeout=10_000)
        notice = page.locator(".fragment-notice")
        notice.wait_for(state="visible")
        doc = "《知识产权综合管理改革试点总体方案》（国办发〔2016〕106号）"
        assert notice.inner_text().strip() == f"链接所指的条款（#c9-9）已移至{doc}正文末段，已为您跳转。"
        _assert_in_sight(_notice_beside(page, "p4"))


@pytest.mark.browser
def test_a_clause_link_lands_on_its_clause_before_the_pages_scripts_have_loaded(base_url, page):
    """Slow-network review (session 44): the browser scrolls to a fragment at the load event, which waits for
    the scripts at the end of the page, so on a slow phone network a link to 66号's task 22 showed the top of
    the page for seconds, then jumped. The page now lands on the clause as soon as its text is there: here
    site.js never arrives (its request is held), so neither the load event nor site.js happens."""
    page.route("**/assets/javascripts/site.js", lambda route: None)  # held: never answered
    page.goto(base_url + DOC + "#t22", wait_until="commit")
    page.wait_for_function("document.getElementById('t22') && window.scrollY > 0", timeout=15_000)
    assert page.evaluate("document.readyState") != "complete"
    assert _in_viewport(page, "t22")
    # a reload puts the reader where they had read on to, not back at the clause (review of the first form)
    page.evaluate("window.scrollTo(0, document.getElementById('t60').getBoundingClientRect().top + scrollY)")
    page.reload(wait_until="commit")
    page.wait_for_function("document.getElementById('t22') !== null", timeout=15_000)
    page.wait_for_timeout(1000)
    assert page.evaluate("document.readyState") != "complete" and not _in_viewport(page, "t22")
