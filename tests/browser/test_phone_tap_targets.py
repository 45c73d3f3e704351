"""The document and indicator pages on a phone, upright and on its side: no page scrolls sideways, and no
control under 24×24 px stands so close to another that a finger meant for one may land on the other."""

from __future__ import annotations

import pytest

from .conftest import new_page
from .site_pages import pages_holding

pytestmark = pytest.mark.browser
VIEWPORTS = ({"width": 360, "height": 640}, {"width": 740, "height": 360})

# Each control shown (every <details> opened first) that is smaller than 24×24 px and whose 24 px circle, at its
# centre, reaches another control or another small one's circle (WCAG 2.2, 2.5.8 Target Size, its spacing
# rule), but for a link inside running text (a paragraph's or a list item's words around it: the rule's
# inline exception); and the page's width and the screen's.
CROWDED = r"""() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const controls = [...document.querySelectorAll('a[href], button, summary, input, select, textarea')]
    .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    .map(e => ({e, r: e.getBoundingClientRect()})).filter(t => t.r.width > 0 && t.r.height > 0);
  const inText = e => { const block = e.parentElement.closest('p, li');
    return e.tagName === 'A' && getComputedStyle(e).display === 'inline' && block
      && block.textContent.trim().length > e.textContent.trim().length; };
  const small = t => t.r.width < 24 || t.r.height < 24;
  const centre = r => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  const crowded = [];
  for (const t of controls) {
    if (!small(t) || inText(t.e)) continue;
    const [x, y] = centre(t.r);
    const near = controls.find(o => o !== t && !o.e.contains(t.e) && !t.e.contains(o.e) && (
      Math.hypot(Math.max(o.r.left - x, 0, x - o.r.right), Math.max(o.r.top - y, 0, y - o.r.bottom)) < 12
      || (small(o) && Math.hypot(centre(o.r)[0] - x, centre(o.r)[1] - y) < 24)));
    if (near) crowded.push(`${t.e.textContent.trim().slice(0, 12)} ${Math.round(t.r.width)}×${Math.round(t.r.height)}`
                           + ` by ${near.e.textContent.trim().slice(0, 12)}`);
  }
  return {width: document.scrollingElement.scrollWidth, screen: document.scrollingElement.clientWidth,
          controls: controls.length, crowded};
}"""


def test_document_and_indicator_pages_neither_scroll_sideways_nor_crowd_small_targets(built, browser, base_url):
    """A document's own 目录 (opened on a phone, where it is the table of contents) listed its entries 12–15 px
    tall, their centres 22 px apart: a finger meant for （二）基本原则 could open （一）指导思想 (found at 360×640 and 740×360)."""
    paths = ["/documents/", "/indicators/"]
    paths += [p for p in pages_holding(built.html, "<") if p.startswith(("/documents/", "/indicators/"))]
    paths = sorted(set(paths))
    assert len(paths) >= 2 + 5 + 15, paths
    wide, crowded, controls = _survey(browser, base_url, paths)
    assert controls > 2_000, controls
    assert wide == {}
    assert crowded == {}


def test_agency_pages_neither_scroll_sideways_nor_crowd_small_targets(built, browser, base_url):
    """An agency page's tables name the other agencies of each task, since session 42 as links to their pages (they
    were plain text there, links everywhere else): side by side in a cell, 15 px tall, a finger meant for 质检总局
    could open 知识产权局. Each is a 24 px target; the page's 本页 line of its sections too."""
    paths = pages_holding(built.html, 'class="table-agency"')
    assert len(paths) >= 30, paths
    wide, crowded, controls = _survey(browser, base_url, paths)
    assert controls > 2_000, controls
    assert wide == {}
    assert crowded == {}


def _survey(browser, base_url: str, paths: list[str]) -> tuple[dict, dict, int]:
    """On a phone upright and on its side, each page's width beyond the screen and its crowded small targets
    (``CROWDED``), and how many controls were looked at."""
    wide, crowded, controls = {}, {}, 0
    for viewport in VIEWPORTS:
        with new_page(browser, viewport=viewport, is_mobile=True, has_touch=True, base_url=base_url) as page:
            for path in paths:
                page.goto(path.lstrip("/"), wait_until="load")
                found = page.evaluate(CROWDED)
                controls += found["controls"]
                if found["width"] > found["screen"]:
                    wide[(path, viewport["width"])] = found["width"]
                if found["crowded"]:
                    crowded[(path, viewport["width"])] = found["crowded"][:4]
    return wide, crowded, controls
