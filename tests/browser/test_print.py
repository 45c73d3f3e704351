"""A page printed (session 40's review): the text whole, without the screen's marks and tools, saying where it is from."""

from __future__ import annotations

import pytest

from .conftest import new_page

pytestmark = pytest.mark.browser

SHOWN = """sel => [...document.querySelectorAll(sel)].filter(e => getComputedStyle(e).display !== 'none').length"""


def test_a_printed_document_has_no_marks_or_tools_and_its_boxes_open(browser, base_url):
    """A printed 25号 carried its # ¶ ⇄ marks, 任务页, the legend, the copy buttons and the target's yellow, and its
    目录 and 元数据来源 printed as empty bars; no address or date was on the paper."""
    with new_page(browser, viewport={"width": 1280, "height": 900}, base_url=base_url) as page:
        page.goto("documents/yufufa-2016-25/#c2-1-p1-s1")
        page.locator(".cite-tools").first.wait_for(timeout=5_000)
        page.evaluate("() => { window.printed = 0; window.addEventListener('beforeprint', () => window.printed++); }")
        page.pdf()  # Chromium's printing says beforeprint and afterprint, as a reader's print does
        assert page.evaluate("window.printed") == 1
        assert page.evaluate(
            "[...document.querySelectorAll('.md-content details')].every(d => !d.open)"
        )  # closed again
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        for marks in (".permalink", ".headerlink", ".crossref-jump", ".page-link", ".doc-marks", ".cite-tools"):
            assert page.locator(marks).count(), marks  # the page has them …
            assert page.evaluate(SHOWN, marks) == 0, marks  # … and paper does not
        target = page.locator("[id='c2-1-p1-s1']")
        assert target.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
        assert page.evaluate("[...document.querySelectorAll('.md-content details')].every(d => d.open)")
        address = page.locator(".print-address")
        assert address.is_visible()
        assert address.inner_text().startswith(f"本页地址：{base_url}documents/yufufa-2016-25/")
        assert "本站构建于" in address.inner_text()
        assert "完善知识产权管理体制" in page.locator(".md-content article").inner_text()  # the text itself stays
        page.emulate_media(media="screen")
        assert not address.is_visible()
