"""Permalinks that scroll to and highlight their clause, copy buttons, and missing fragments."""

from __future__ import annotations

import pytest

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
