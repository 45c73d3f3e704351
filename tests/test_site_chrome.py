"""What the theme adds around the generated pages: build time, navigation, no outside assets."""

from __future__ import annotations

import re

_OUTSIDE_ASSET = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//"""
)


def test_the_home_page_shows_the_build_time_from_the_theme_not_from_docs(built):
    home = (built.html / "index.html").read_text(encoding="utf-8")
    assert re.search(r'id="build-time".*?<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">', home, re.S)
    assert "build-time" not in (built.docs / "index.md").read_text(encoding="utf-8").split("home-build")[0]


def test_the_navigation_lists_only_the_section_index_pages(built):
    page = (built.html / "documents" / "guofa-2016-86" / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link"', page)
    assert len(tabs) == 8  # 首页 + 7 sections
    primary = page.split("md-nav--primary", 1)[1].split("</nav>", 1)[0]  # the drawer / sidebar menu
    assert primary.count('href="') <= 12, "the menu should hold the section index pages only"


def test_no_built_page_loads_an_asset_from_another_host(built):
    offenders = [
        str(path.relative_to(built.html))
        for path in built.html.rglob("*.html")
        if _OUTSIDE_ASSET.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
