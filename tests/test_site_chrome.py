"""What the theme adds around the generated pages: build time, navigation, no outside assets."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from mkdocs.theme import Theme

from .helpers import ROOT

_OUTSIDE_ASSET = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//"""
)


def test_the_home_page_shows_the_build_time_from_the_theme_not_from_docs(built):
    """In Beijing time, as the readers keep it; the datetime attribute says the same instant in UTC."""
    home = (built.html / "index.html").read_text(encoding="utf-8")
    found = re.search(r'id="build-time".*?<time datetime="([^"]+)">([^<]+)</time>', home, re.S)
    assert found, "no build time in the footer"
    instant = datetime.fromisoformat(found.group(1))
    assert found.group(1).endswith("Z") and instant.utcoffset() == timedelta(0)
    assert found.group(2) == f"{instant + timedelta(hours=8):%Y-%m-%d %H:%M}（北京时间）"
    assert "build-time" not in (built.docs / "index.md").read_text(encoding="utf-8").split("home-build")[0]


def test_the_footer_turns_the_build_time_into_beijing_time_across_a_day_and_a_year():
    """The footer template in the Jinja environment MkDocs gives the theme, at a time when Beijing is
    already in the next day and year."""
    footer = (
        Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env().get_template("partials/copyright.html")
    )
    html = footer.render(build_date_utc=datetime(2026, 12, 31, 20, 5, 59, tzinfo=UTC))
    assert '<time datetime="2026-12-31T20:05:59Z">2027-01-01 04:05（北京时间）</time>' in html


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


def test_every_page_says_its_language_is_simplified_chinese_and_keeps_materials_chinese_words(built):
    """``lang="zh"`` leaves the script open: a phone set to Japanese or Traditional Chinese may draw
    the text in those glyph forms (public-reader review). Each page says zh-Hans; the theme's words
    stay Material's simplified Chinese ones, not its English fallback."""
    pages = sorted(built.html.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert page.count('<html lang="zh-Hans"') == 1, path
    home = (built.html / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="页眉"' in home and 'placeholder="搜索"' in home and "跳转至" in home
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', home, re.S)[1])
    assert config["translations"]["search.result.placeholder"] == "键入以开始搜索"
