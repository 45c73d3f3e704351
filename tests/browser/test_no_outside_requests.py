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
