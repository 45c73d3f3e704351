"""What the theme adds around the generated pages: build time, navigation, no outside assets."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin

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


def test_the_footer_is_left_out_where_no_build_time_is_given():
    """Zensical gives its templates no build_date_utc: the footer stopped its build (README, "Moving to Zensical")."""
    footer = (
        Theme(name="material", custom_dir=str(ROOT / "overrides")).get_env().get_template("partials/copyright.html")
    )
    assert footer.render().strip() == ""


# Python's own methods, which MkDocs' Jinja runs on a string or a date and Zensical's templates (MiniJinja) do not.
_PYTHON_METHOD = re.compile(
    r"\.(?:endswith|startswith|r?split|[lr]?strip|index|find|lower|upper|format|join|replace|strftime)\("
)


def test_the_overrides_call_no_python_method_but_on_the_build_time():
    """404.html's base_url.endswith and section-current.html's page.url.split stopped a Zensical build (README,
    "Moving to Zensical"); the footer's datetime methods run only where MkDocs gives build_date_utc."""
    found = {}
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        if path.name == "copyright.html":
            text = re.sub(r"\{%-? if build_date_utc is defined %\}.*\{%-? endif %\}", "", text, flags=re.S)
        code = " ".join(re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text, flags=re.S))
        found |= {path.name: m.group()} if (m := _PYTHON_METHOD.search(code)) else {}
    assert not found, found


def test_the_navigation_lists_only_the_section_index_pages(built):
    page = (built.html / "documents" / "guofa-2016-86" / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r'class="md-tabs__link"', page)
    assert len(tabs) == 8  # 首页 + 7 sections
    primary = page.split("md-nav--primary", 1)[1].split("</nav>", 1)[0]  # the drawer / sidebar menu
    assert primary.count('href="') <= 12, "the menu should hold the section index pages only"


class _SectionMarks(HTMLParser):
    """The header tabs and the drawer's top-level links of a page: ``(address, current)`` of those marked
    active (``md-tabs__item--active`` / ``md-nav__link--active``), ``current`` being the link's aria-current."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page  # the page's address, "/tasks/x/": the links' base
        self.navs: list[str] = []  # the class of each <nav> the parser is in
        self.tab_active = False
        self.tabs: list[tuple[str, str | None]] = []
        self.drawer: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        classes = (attr.get("class") or "").split()
        if tag == "nav":
            self.navs.append(attr.get("class") or "")
        elif tag == "li" and self.navs and "md-tabs" in self.navs[-1]:
            self.tab_active = "md-tabs__item--active" in classes
        elif tag == "a" and self.navs and "md-tabs" in self.navs[-1] and self.tab_active:
            self.tabs.append((urljoin(self.page, attr["href"]), attr.get("aria-current")))
        # the drawer's own links: one level down, in a nested <nav>, is the page's 目录 (table of contents)
        elif (
            tag == "a"
            and len(self.navs) == 1
            and "md-nav--primary" in self.navs[0]
            and "md-nav__link--active" in classes
        ):
            self.drawer.append((urljoin(self.page, attr["href"]), attr.get("aria-current")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.navs:
            self.navs.pop()


def test_every_page_marks_its_own_section_in_the_tabs_and_the_drawer(built):
    """The navigation lists the section index pages only (above): a task, agency or document page was
    in none of them, and no tab or drawer link was marked, so a reader could not see which section
    they were in. Each page marks the one section its address is in (首页 the home page only), for a
    screen reader too (aria-current: "page" on the section's own page, "true" below it)."""
    wrong = {}
    pages = sorted(built.html.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        relative = path.relative_to(built.html).as_posix()
        address = "/" + relative.removesuffix("index.html")
        marks = _SectionMarks(address)
        marks.feed(path.read_text(encoding="utf-8").split('<div class="md-content"', 1)[0])
        if relative == "404.html":  # in no section
            expected = []
        else:
            section = "/" if address == "/" else "/" + address.split("/")[1] + "/"
            expected = [(section, "page" if address == section else "true")]
        if marks.tabs != expected or marks.drawer != expected:
            wrong[address] = {"tabs": marks.tabs, "drawer": marks.drawer, "expected": expected}
    assert wrong == {}, f"{len(wrong)} of {len(pages)} pages: {dict(list(wrong.items())[:5])}"


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


def test_the_readme_says_what_each_theme_override_is_for():
    """Staff upgrading Material (or moving to Zensical) must compare each copied template with the
    original: the README named none of overrides/ but two asset paths."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### The theme's overrides (`overrides/`)") :]
    section = section[: section.index("\n## ")]
    templates = sorted(p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*.html"))
    assert len(templates) >= 9
    missing = [name for name in templates if f"`{name}`" not in section]
    assert not missing, missing
    pinned = re.search(r"^mkdocs-material==(\S+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    assert pinned is not None
    for name in templates:  # each copied template names the Material it was copied from, or says it is ours
        head = (ROOT / "overrides" / name).read_text(encoding="utf-8")[:400]
        assert pinned.group(1) in head or "The site's own" in head, name


def test_the_not_found_page_is_titled_so(built):
    """The 404 page was titled with the site's name alone, as the home page is (session 43's accessibility review:
    WCAG 2.4.2 Page Titled)."""
    page = (built.html / "404.html").read_text(encoding="utf-8")
    assert re.findall(r"<title>([^<]*)</title>", page) == ["页面不存在 - 知识产权政策文件库"]
