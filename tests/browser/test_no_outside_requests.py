"""The site loads nothing from another host, on any page type, searching included."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .search_probe import search
from .site_pages import representative_pages


@pytest.mark.browser
def test_no_page_type_requests_another_host(built, base_url, page):
    requests: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append((page.url, request.url)))
    pages = representative_pages(built.html)
    for path in pages.values():
        page.goto(base_url + path.lstrip("/"), wait_until="networkidle")
    page.goto(base_url + "no-such-page/", wait_until="networkidle")  # a 404 from the server: no page
    page.goto(base_url + "404.html", wait_until="networkidle")
    search(page, base_url, "软件著作权")
    local = urlsplit(base_url).netloc
    outside = [
        (on, url) for on, url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != local
    ]
    assert len(pages) >= 9 and len(requests) > 3 * len(pages)
    assert outside == [], outside


@pytest.mark.browser
def test_a_browser_without_resize_observer_gets_the_polyfill_from_this_site(built, browser, base_url):
    """Material's bundle fetches a ResizeObserver polyfill from unpkg.com where the browser has none
    (Chrome < 64, Safari < 13.1): such a browser, simulated by removing it before any page script
    runs, must get it from this site and still have a working page (the search box answers)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url)
    context.add_init_script("delete window.ResizeObserver; delete window.__proto__.ResizeObserver;")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base_url + "documents/guofa-2016-86/", wait_until="networkidle")
        assert page.evaluate("typeof ResizeObserver") == "function"  # the polyfill's
        assert page.evaluate("ResizeObserver.toString().includes('[native code]')") is False
        results = search(page, base_url, "软件著作权")
    finally:
        context.close()
    local = urlsplit(base_url).netloc
    assert [url for url in requests if urlsplit(url).netloc != local] == []
    assert any(url.endswith("/assets/vendor/resize-observer-polyfill-1.5.1.js") for url in requests)
    assert results and errors == []
