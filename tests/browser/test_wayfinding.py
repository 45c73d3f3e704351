"""Which section a reader is in: the header tab (desktop) and the drawer's link (phone) of the section
the page's address is in are marked, on every page, with or without JavaScript.

The navigation lists only the section index pages (mkdocs.yml), so Material marked a tab only on
those: on a task, agency or document page no tab and no drawer link was marked."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import new_page
from .site_pages import SECTIONS

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

TABS = """() => [...document.querySelectorAll('.md-tabs__item')].map(li => { const a = li.querySelector('a');
  return {to: new URL(a.href).pathname, active: li.classList.contains('md-tabs__item--active'),
          current: a.getAttribute('aria-current'), underlined: getComputedStyle(a).textDecorationLine === 'underline'}; })"""


def sample(html) -> list[str]:
    """The home page, and of each section its index page and its first, middle and last other page."""
    pages = ["/"]
    for section in SECTIONS:
        folder = html / section
        inner = sorted(p.parent.relative_to(html).as_posix() for p in folder.rglob("index.html") if p.parent != folder)
        pages += [f"/{section}/"] + sorted({f"/{inner[i]}/" for i in (0, len(inner) // 2, -1)} if inner else set())
    return pages


def section_of(address: str) -> str:
    return "/" if address == "/" else "/" + address.split("/")[1] + "/"


def test_exactly_one_tab_is_active_and_it_is_the_pages_section_without_javascript(built, browser, base_url):
    pages = sample(built.html)
    assert len(pages) > 20
    wrong = {}
    with new_page(browser, base_url=base_url, java_script_enabled=False, **DESKTOP) as page:
        for address in pages:
            page.goto(address.lstrip("/"))
            tabs = page.evaluate(TABS)
            active = [tab for tab in tabs if tab["active"]]
            section = section_of(address)
            expected_current = "page" if address == section else "true"
            ok = (
                [tab["to"] for tab in active] == [section]
                and active[0]["current"] == expected_current
                and all(tab["current"] is None for tab in tabs if not tab["active"])
                # seen: site.css underlines the active tab (all are full white on the indigo header)
                and active[0]["underlined"]
                and not any(tab["underlined"] for tab in tabs if not tab["active"])
            )
            if not ok:
                wrong[address] = [(t["to"], t["active"], t["current"], t["underlined"]) for t in tabs]
    assert wrong == {}, f"{len(wrong)} of {len(pages)}: {dict(list(wrong.items())[:3])}"


@pytest.mark.parametrize("address", ["tasks/guobanhan-2016-66-t1/", "agencies/aqsiq/", "documents/yufufa-2016-25/"])
def test_the_phone_drawer_marks_the_pages_section(browser, base_url, address):
    section = "/" + address.split("/")[0] + "/"
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto(address)
        page.locator("header.md-header").get_by_role("button", name="导航栏").click()
        expect(page.locator("#__drawer")).to_be_checked()
        drawer = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
        expect(drawer.first).to_be_visible()
        links = drawer.evaluate_all(
            """links => links.map(a => ({to: new URL(a.href).pathname, current: a.getAttribute('aria-current'),
                 colour: getComputedStyle(a).color}))"""
        )
        marked = [link for link in links if link["current"]]
        assert [(link["to"], link["current"]) for link in marked] == [(section, "true")], links
        others = {link["colour"] for link in links if not link["current"]}
        assert len(others) == 1 and marked[0]["colour"] not in others, links  # drawn in the link colour
