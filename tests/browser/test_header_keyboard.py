"""The header's ☰ (navigation drawer) and 🔍 (search) with a keyboard alone, on a phone and a desktop.

Material draws both as ``<label for="__drawer">`` / ``<label for="__search">`` of hidden checkboxes: a
label is no tab stop, so a keyboard user could neither reach nor open them (an earlier review noted
"keyboard ☰/🔍" and left it)."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import CDPSession, Page, expect

from .conftest import new_page

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
TABLET = {"viewport": {"width": 1024, "height": 768}}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PAGE = "documents/guofa-2016-86/"

FOCUSED = """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {name: e.getAttribute('aria-label') || e.textContent.trim().slice(0, 20), tag: e.tagName,
          cls: String(e.className), box: [r.left, r.top, r.right, r.bottom],
          inDrawer: !!e.closest('.md-sidebar--primary'), inSearch: !!e.closest('.md-search'),
          outline: [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]}; }"""


def focused(page: Page) -> dict:
    return page.evaluate(FOCUSED)


def seen(info: dict, width: int, height: int) -> bool:
    """The focused element has a box, at least partly on the screen."""
    left, top, right, bottom = info["box"]
    return right - left >= 1 and bottom - top >= 1 and right > 0 and bottom > 0 and left < width and top < height


def tab_until(page: Page, name: str, presses: int = 6) -> list[dict]:
    """Press Tab until the element named ``name`` has focus; every element focused on the way."""
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(focused(page))
        if stops[-1]["name"] == name:
            return stops
    raise AssertionError(f"{name!r} not reached in {presses} Tab presses: {[s['name'] for s in stops]}")


def luminance(css: str) -> float:
    parts = [float(p) for p in css[css.index("(") + 1 : -1].split(",")[:3]]
    lin = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def assert_focus_ring_shows_on_the_header(page: Page, info: dict) -> None:
    """An outline at least 2 px wide, 3:1 against the header's indigo (WCAG 1.4.11)."""
    style, width, colour = info["outline"]
    assert style != "none" and width >= 2, info
    header = page.locator("header.md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    lighter, darker = sorted((luminance(colour), luminance(header)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3, (colour, header)


@pytest.mark.parametrize("options", [PHONE, TABLET], ids=["phone", "tablet"])
def test_the_menu_button_is_a_tab_stop_that_opens_and_closes_the_drawer(browser, base_url, options):
    width, height = options["viewport"]["width"], options["viewport"]["height"]
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        stops = tab_until(page, "导航栏", presses=3)
        assert all(seen(stop, width, height) for stop in stops), stops
        menu = page.locator("header.md-header").get_by_role("button", name="导航栏")
        expect(menu).to_be_focused()
        expect(menu).to_have_attribute("aria-expanded", "false")
        assert_focus_ring_shows_on_the_header(page, stops[-1])
        page.keyboard.press("Enter")
        expect(page.locator("#__drawer")).to_be_checked()
        expect(menu).to_have_attribute("aria-expanded", "true")
        page.wait_for_timeout(300)  # the drawer slides in (0.25 s)
        inside = focused(page)
        assert inside["inDrawer"] and seen(inside, width, height), inside  # focus moved into the open drawer
        page.keyboard.press("Escape")
        expect(page.locator("#__drawer")).not_to_be_checked()
        expect(menu).to_be_focused()  # back on the button that opened it
        page.keyboard.press(" ")  # Space opens it too
        expect(page.locator("#__drawer")).to_be_checked()


@pytest.mark.parametrize("options", [PHONE, TABLET], ids=["phone", "tablet"])
def test_tab_past_the_open_drawers_end_closes_it(browser, base_url, options):
    """Past its last link, Tab took focus behind the open drawer and its overlay, under the drawer on
    a phone; the drawer stayed open over the page being tabbed through."""
    width, height = options["viewport"]["width"], options["viewport"]["height"]
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        tab_until(page, "导航栏", presses=3)
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        for _ in range(30):
            page.keyboard.press("Tab")
            if not focused(page)["inDrawer"]:
                break
        expect(page.locator("#__drawer")).not_to_be_checked()
        page.wait_for_timeout(300)  # the drawer slides out
        info = focused(page)
        assert seen(info, width, height), info
        drawer = page.locator(".md-sidebar--primary").bounding_box()
        assert info["box"][0] >= drawer["x"] + drawer["width"], (info, drawer)  # not under the drawer


def test_shift_tab_back_out_of_the_open_drawer_closes_it_and_leaves_the_search_shut(browser, base_url):
    """Before the drawer in the page come the header's buttons, and, hidden off the phone's screen,
    the search box, which opens the search when it gets focus: Shift+Tab from the drawer's first link
    opened the search. With the 🔍 button a tab stop, the hidden box is none until the search is open."""
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto(PAGE)
        tab_until(page, "导航栏", presses=3)
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        assert focused(page)["inDrawer"]
        page.keyboard.press("Shift+Tab")
        expect(page.locator("#__drawer")).not_to_be_checked()
        expect(page.locator("#__search")).not_to_be_checked()
        expect(page.locator("header.md-header").get_by_role("button", name="搜索", exact=True)).to_be_focused()
        page.keyboard.press("Tab")  # from 🔍 on to the page, not into the hidden box
        assert not focused(page)["inSearch"]
        expect(page.locator("#__search")).not_to_be_checked()


def test_the_search_button_is_a_tab_stop_that_opens_the_search_box_on_a_phone(browser, base_url):
    with new_page(browser, base_url=base_url, **PHONE) as page:
        page.goto(PAGE)
        stops = tab_until(page, "搜索", presses=4)
        search = page.locator("header.md-header").get_by_role("button", name="搜索", exact=True)
        expect(search).to_be_focused()
        assert_focus_ring_shows_on_the_header(page, stops[-1])
        page.keyboard.press(" ")
        expect(page.locator("#__search")).to_be_checked()
        expect(page.get_by_role("textbox", name="搜索")).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.locator("#__search")).not_to_be_checked()
        expect(search).to_be_focused()  # not lost to the page's start
        page.keyboard.press("Enter")
        expect(page.get_by_role("textbox", name="搜索")).to_be_focused()


@pytest.mark.parametrize("options", [PHONE, TABLET], ids=["phone", "tablet"])
def test_no_tab_stop_is_off_screen_while_the_drawer_and_search_are_closed(browser, base_url, options):
    """The closed drawer's links (off the screen's left edge) and the closed search's empty result box
    were tab stops: ten presses of Tab with nothing seen to have focus."""
    width, height = options["viewport"]["width"], options["viewport"]["height"]
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        hidden = []
        for _ in range(20):
            page.keyboard.press("Tab")
            info = focused(page)
            if info["inSearch"] and info["tag"] == "INPUT":  # the search box opens when it gets focus
                page.keyboard.press("Escape")
                continue
            if not seen(info, width, height):
                hidden.append((info["name"], info["cls"], [round(v) for v in info["box"]]))
        assert hidden == []


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tab_from_the_search_box_goes_through_the_results(browser, base_url, options):
    """Material gives each result tabindex=-1 and closes the search on Tab: the results were reached by
    the arrow keys only, and Tab, which a keyboard user presses first, threw away the query."""
    width, height = options["viewport"]["width"], options["viewport"]["height"]
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        box = page.get_by_role("textbox", name="搜索")
        box.fill("专利")  # one query: results of a shorter one, shown first, are replaced
        results = page.locator(".md-search-result__link")
        expect(page.locator(".md-search-result__meta")).to_contain_text("符合条件的结果", timeout=10_000)
        expect(results.first).to_be_visible()
        page.keyboard.press("Tab")
        expect(page.locator("#__search")).to_be_checked()
        expect(results.first).to_be_focused()
        assert seen(focused(page), width, height)
        page.keyboard.press("Tab")
        expect(results.nth(1)).to_be_focused()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")
        expect(box).to_be_focused()
        page.keyboard.press("Tab")
        href = results.first.get_attribute("href")
        page.keyboard.press("Enter")  # opens the result
        page.wait_for_url(href)


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_screen_reader_is_told_how_many_results_a_query_found(browser, base_url, options):
    """Material's line over the results (147 个符合条件的结果) changed silently: a screen reader in the
    search box heard nothing after typing. It is a status (a polite live region)."""
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        page.get_by_role("textbox", name="搜索").fill("专利")
        status = page.locator(".md-search").get_by_role("status")
        expect(status).to_contain_text("符合条件的结果", timeout=10_000)


@pytest.mark.parametrize("options", [TABLET, DESKTOP], ids=["tablet", "desktop"])
def test_escape_in_the_open_search_leaves_focus_in_the_header_search_box(browser, base_url, options):
    """From 60em the search box is in the header and there is no 🔍 button. Material closes the search
    on Escape and blurs the box: focus fell to <body>, the page's start, with nothing seen to have it.
    It goes back to the box, the search staying closed (as a combobox's Escape does); typing in the box
    or a click on it opens the search again."""
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        search, box = page.locator("#__search"), page.get_by_role("textbox", name="搜索")
        results = page.locator(".md-search-result__link")
        tab_until(page, "搜索", presses=4)
        expect(search).to_be_checked()  # Material opens the search when the box gets focus
        meta = page.locator(".md-search-result__meta")
        page.keyboard.type("专利")
        expect(meta).to_contain_text("符合条件的结果", timeout=10_000)
        page.keyboard.press("Escape")
        expect(search).not_to_be_checked()
        expect(box).to_be_focused()
        page.wait_for_timeout(100)  # Material watches focus (debounced): it does not open the search again
        expect(search).not_to_be_checked()
        page.keyboard.type("权")  # typing on opens it
        expect(search).to_be_checked()
        expect(box).to_be_focused()
        expect(box).to_have_value("专利权")
        # the new query's results (each link carries its query), so that Tab reaches one that stays
        expect(results.first).to_have_attribute("href", re.compile("h=" + quote("专利权") + "$"), timeout=10_000)
        page.keyboard.press("Tab")
        expect(results.first).to_be_focused()
        page.keyboard.press("Escape")  # from a result: back to the box too
        expect(search).not_to_be_checked()
        expect(box).to_be_focused()
        box.click()  # a click on the box that has focus opens it
        expect(search).to_be_checked()
        page.keyboard.press("Escape")
        page.keyboard.press("Tab")  # and on from the box, not from the page's start
        after = box.evaluate(
            "b => !!(b.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)"
        )
        assert after and not focused(page)["inSearch"], focused(page)


@pytest.mark.parametrize("options", [TABLET, DESKTOP], ids=["tablet", "desktop"])
def test_escape_while_a_chinese_input_method_composes_leaves_the_search_open(browser, base_url, options):
    """A reader typing pinyin presses Escape to drop the candidate words (quan → 权…), not to close the
    search: the desktop handler for Escape closed it (the key arrives with isComposing, key "Escape").
    Material leaves such a key alone, and so does site.js now; the Escape after the composition closes it."""
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        search, box = page.locator("#__search"), page.get_by_role("textbox", name="搜索")
        box.click()
        page.keyboard.type("专利")
        expect(search).to_be_checked()
        cdp = compose_then_press(page, {"key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27})
        page.wait_for_timeout(100)
        expect(search).to_be_checked()
        expect(box).to_be_focused()
        cdp.send("Input.insertText", {"text": "权"})  # the reader picks a word: the composition ends
        page.keyboard.press("Escape")  # no composition now: the search closes, focus stays in the box
        expect(search).not_to_be_checked()
        expect(box).to_be_focused()


def compose_then_press(page: Page, key: dict[str, object]) -> CDPSession:
    """With 专利 typed in the focused search box, start composing the pinyin "quan" as a Chinese input method
    does (CDP), then send ``key`` (a CDP key event's fields) and check it arrived as the input method's
    (``isComposing``). Returns the CDP session, for the test to end the composition."""
    box = page.get_by_role("textbox", name="搜索")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "quan", "selectionStart": 4, "selectionEnd": 4})
    expect(box).to_have_value("专利quan")
    composing = page.evaluate_handle(
        "() => { const seen = []; addEventListener('keydown', e => seen.push(e.isComposing), true); return seen; }"
    )
    cdp.send("Input.dispatchKeyEvent", {"type": "keyDown", **key})
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", **key})
    assert composing.json_value() == [True]  # the key was the input method's
    return cdp


def open_search(page: Page) -> None:
    """Put focus in the search box, as a reader does: a click on it, or below 60em on 🔍 first."""
    box, button = page.get_by_role("textbox", name="搜索"), page.locator("header label[for=__search]").first
    if button.is_visible():
        button.click()  # Material focuses the box as the search opens
    else:
        box.click()
    expect(box).to_be_focused()


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tab_while_a_chinese_input_method_composes_stays_with_the_input_method(browser, base_url, options):
    """Tab picks among the candidate words in some input methods: the key arrives as the input method's
    (isComposing, keyCode 229, key "Tab"). site.js's Tab handler took it all the same and moved focus to
    the first result, the pinyin half typed. Material leaves such a key alone, and so does site.js now;
    the Tab after the composition goes to the results."""
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        search, box = page.locator("#__search"), page.get_by_role("textbox", name="搜索")
        results = page.locator(".md-search-result__link")
        open_search(page)
        page.keyboard.type("专利")
        expect(results.first).to_be_visible(timeout=10_000)
        # the key as an input method passes it on
        cdp = compose_then_press(page, {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 229})
        page.wait_for_timeout(100)
        expect(box).to_be_focused()
        expect(search).to_be_checked()
        expect(box).to_have_value("专利quan")
        cdp.send("Input.insertText", {"text": "权"})  # the reader picks a word: the composition ends
        expect(results.first).to_have_attribute("href", re.compile("h=" + quote("专利权") + "$"), timeout=10_000)
        page.keyboard.press("Tab")
        expect(results.first).to_be_focused()


@pytest.mark.parametrize("options", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_escape_after_the_search_shortcut_gives_focus_back_where_the_reader_was(browser, base_url, options):
    """Material's s, f and / keys put focus in the search box from anywhere on the page. Escape then left
    it in the box (from 60em) or on the 🔍 button (below), away from the reader's place: it goes back to
    the element that had focus, or, when none had, to none, the page scrolled where it was."""
    with new_page(browser, base_url=base_url, **options) as page:
        page.goto(PAGE)
        search, box = page.locator("#__search"), page.get_by_role("textbox", name="搜索")
        meta = page.locator(".md-search-result__meta")
        link = page.locator(".md-content article a.clause-link").nth(30)  # well down the page
        link.focus()
        at = page.evaluate("scrollY")
        assert at > 0
        page.keyboard.press("s")
        expect(search).to_be_checked()
        expect(box).to_be_focused()
        page.keyboard.type("专利")
        expect(meta).to_contain_text("符合条件的结果", timeout=10_000)
        page.keyboard.press("Escape")
        expect(search).not_to_be_checked()
        expect(link).to_be_focused()
        # below 60em Material locks the page's scrolling while the search is open, and restores it 100 ms
        # after the search closes; the 🔍 button's handler, after Material's, leaves focus where it is
        page.wait_for_function("at => scrollY === at", arg=at, timeout=2_000)
        page.wait_for_timeout(100)
        expect(link).to_be_focused()
        page.keyboard.press("Tab")  # and on from there
        assert link.evaluate("a => !!(a.compareDocumentPosition(document.activeElement) & 4)")

        page.evaluate("() => { document.activeElement.blur(); scrollTo(0, 1500); }")  # reading, nothing focused
        page.keyboard.press("/")
        expect(search).to_be_checked()
        expect(box).to_be_focused()
        page.keyboard.press("Escape")
        expect(search).not_to_be_checked()
        page.wait_for_function("() => scrollY === 1500", timeout=2_000)
        page.wait_for_timeout(100)
        assert page.evaluate("document.activeElement === document.body"), focused(page)
