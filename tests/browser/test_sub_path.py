"""The site hosted under a sub-path (``https://example.org/ipdocs/``): built with ``SITE_URL`` set, its 404
page, which answers at any unknown address below it, loads its styles and links within the sub-path."""

from __future__ import annotations

import pytest

from ..helpers import mkdocs_build
from .conftest import SubPathHostHandler, new_page, served
from .search_probe import search_results

pytestmark = pytest.mark.browser

# Material's own stylesheet puts the header on top as the page scrolls; site.css makes the header's
# named ☰ and 🔍 buttons blocks (their elements are spans, inline without it).
STYLED = """() => getComputedStyle(document.querySelector(".md-header")).position === "sticky"
    && getComputedStyle(document.querySelector(".md-header__button-name")).display === "block" """


def test_the_404_page_of_a_site_hosted_under_a_sub_path_loads_its_styles_and_links_there(built, browser, tmp_path):
    site = tmp_path / "site"
    with served(site, SubPathHostHandler) as root, new_page(browser, viewport={"width": 1280, "height": 900}) as page:
        base = root + SubPathHostHandler.PREFIX.lstrip("/")
        proc = mkdocs_build(built.docs, site, SITE_URL=base)
        assert proc.returncode == 0, proc.stderr[-4000:]
        failed: list[str] = []
        page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
        assert page.goto(base + "no/such/page/", wait_until="networkidle").status == 404
        assert page.locator("[data-not-found]").is_visible()
        assert page.evaluate(STYLED), "the 404 page's stylesheets did not load"
        assert failed == [base + "no/such/page/"], failed  # the page itself; every asset loaded
        tabs = page.eval_on_selector_all(".md-tabs a", "links => links.map(a => a.href)")
        assert tabs and all(href.startswith(base) for href in tabs), tabs
        hits = [link["href"] for group in search_results(page, base, "软件著作权") for link in group]
        assert hits and all(href.startswith(base) for href in hits), hits[:5]
        assert page.url == base + "no/such/page/"  # searched on the 404 page itself
        page.locator("a.md-search-result__link").first.click()
        page.wait_for_url(hits[0])
        assert page.evaluate(STYLED) and page.locator("h1").count() == 1
        page.go_back()
        page.locator("[data-not-found] a", has_text="回到首页").click()
        page.wait_for_url(base)
        assert page.evaluate(STYLED) and page.locator(".md-tabs a", has_text="文件").count() == 1
