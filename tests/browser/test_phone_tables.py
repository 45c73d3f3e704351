"""On a 360 px phone no page scrolls sideways and no table is wider than the screen (but the 部门 × 任务
matrix, which scrolls in its own box), with JavaScript on or off, and every cell's text stays in view."""

from __future__ import annotations

import pytest

from build_scripts.pages.documents import level_name

from .site_pages import pages_holding, representative_pages

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 780}
# The index pages whose tables had more columns than a phone has room for.
TABLE_PAGES = ("/", "/documents/", "/tasks/", "/agencies/", "/indicators/", "/crossrefs/", "/data/")
# Pages of each other type, beyond the one representative_pages picks.
MORE_PAGES = (
    "/agencies/cnipa/",
    "/agencies/matrix/",
    "/tasks/guobanhan-2016-66-t14/",
    "/tasks/guofa-2016-86-4-2-3/",
    "/indicators/invention-patents-per-10k/",
    "/documents/guofa-2016-86/",
    "/crossrefs/chongqing/c2-1-p1/",
)
SCROLLS_IN_ITS_OWN_BOX = "agency-matrix"  # the class of the one table that may: a row is read across seven columns

# What a page shows at 360 px: its width and, for each table, the boxes from the table up that scroll
# sideways or reach past the screen, its column heads, and each cell's label, value and whether the
# value is rendered, visible and inside the screen.
MEASURE = """() => {
  const content = document.querySelector('.md-content');
  const tables = [...document.querySelectorAll('.md-typeset table')].map(table => {
    const boxes = [];
    for (let box = table; box && box !== content; box = box.parentElement) {  // the table and the boxes around it
      const rect = box.getBoundingClientRect(), scrolls = getComputedStyle(box).overflowX !== 'visible';
      if ((scrolls && box.scrollWidth > box.clientWidth + 1) || rect.left < -0.5 || rect.right > innerWidth + 0.5)
        boxes.push(box.tagName + '.' + box.className);
    }
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => {
      const label = td.querySelector('.cell-label');
      const value = [...td.childNodes].filter(n => n !== label).map(n => n.textContent).join('').trim();
      const rect = td.getBoundingClientRect();
      return {label: label ? label.textContent.trim() : null, value, shown: td.innerText,
              visible: td.checkVisibility({visibilityProperty: true}) && rect.width > 0 && rect.height > 0,
              inside: rect.left >= -0.5 && rect.right <= innerWidth + 0.5};
    }));
    return {cls: table.className, boxes, heads, rows};
  });
  return {width: document.scrollingElement.scrollWidth, viewport: innerWidth, tables};
}"""


def measure(browser, base_url: str, paths, *, javascript: bool) -> dict[str, dict]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript)
    try:
        page = context.new_page()
        found = {}
        for path in paths:
            page.goto(base_url + path.lstrip("/"), wait_until="load")
            found[path] = page.evaluate(MEASURE)
        return found
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_index_tables_fit_a_phone_with_every_cell_labelled_and_in_view(browser, base_url, javascript):
    found = measure(browser, base_url, TABLE_PAGES, javascript=javascript)
    for path, info in found.items():
        assert info["width"] <= info["viewport"], (path, info["width"])
        assert info["tables"], path
        for table in info["tables"]:
            assert table["boxes"] == [], (path, table["heads"], table["boxes"])
            for row in table["rows"]:
                assert len(row) == len(table["heads"]), (path, row)
                for head, cell in zip(table["heads"], row, strict=True):
                    assert cell["visible"] and cell["inside"], (path, head, cell)
                    if cell["label"] is not None:  # a labelled cell says which column it is
                        assert cell["label"] == head, (path, head, cell)
                    assert cell["value"] in cell["shown"], (path, head, cell)  # the value is on screen


def test_home_and_documents_index_show_each_documents_level_and_number_on_a_phone(built, browser, base_url):
    found = measure(browser, base_url, ("/", "/documents/"), javascript=True)
    expected = sorted((d.meta.doc_number, level_name(d.meta)) for d in built.site.corpus.documents)
    for path, info in found.items():
        (table,) = info["tables"]
        number, level = table["heads"].index("发文字号"), table["heads"].index("层级")
        for row in table["rows"]:
            assert row[number]["visible"] and row[number]["inside"] and row[level]["visible"] and row[level]["inside"]
            assert row[number]["label"] == "发文字号" and row[level]["label"] == "层级", path
        shown = sorted((row[number]["value"], row[level]["value"]) for row in table["rows"])
        assert shown == expected, path


def test_no_page_type_is_wider_than_a_phone(built, browser, base_url):
    """Every page type at 360 px: the page never scrolls sideways; a table wider than the screen is
    only the matrix, which scrolls inside its own box."""
    paths = sorted(set(representative_pages(built.html).values()) | set(MORE_PAGES))
    found = measure(browser, base_url, paths, javascript=True)
    too_wide = {path: info["width"] for path, info in found.items() if info["width"] > info["viewport"]}
    overflowing = {
        path: [
            table["heads"][:3] for table in info["tables"] if table["boxes"] and table["cls"] != SCROLLS_IN_ITS_OWN_BOX
        ]
        for path, info in found.items()
    }
    assert too_wide == {}
    assert {path: tables for path, tables in overflowing.items() if tables} == {}
    (matrix,) = found["/agencies/matrix/"]["tables"]
    assert matrix["cls"] == SCROLLS_IN_ITS_OWN_BOX and matrix["boxes"]  # it does scroll, inside its box


def test_the_agency_names_in_the_matrix_look_like_links_among_its_marks(browser, base_url):
    """Colour alone does not tell a link on a phone: each agency's name is underlined, the 牵/参 counts are not."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base_url + "agencies/matrix/", wait_until="load")
        lines = "els => els.map(e => getComputedStyle(e).textDecorationLine)"
        links = page.locator(".agency-matrix a").evaluate_all(lines)
        marks = page.locator(".agency-matrix .lead, .agency-matrix .part").evaluate_all(lines)
    finally:
        context.close()
    assert links and all("underline" in line.split() for line in links), set(links)
    assert marks and "underline" not in " ".join(marks)


# Each place in a table's cells where a number and the 年 after it stand on two lines ("2015" / "年").
YEAR_SPLITS = r"""() => {
  const split = [];
  let seen = 0;
  for (const cell of document.querySelectorAll('.md-typeset table th, .md-typeset table td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.data.matchAll(/[0-9]年/g)) {
        const range = document.createRange(), box = at => {
          range.setStart(node, at); range.setEnd(node, at + 1); return range.getBoundingClientRect(); };
        const digit = box(m.index), year = box(m.index + 1);
        if (!digit.width) continue;  // not shown (a card's hidden head row, a closed details)
        seen++;
        if (year.top >= digit.bottom - digit.height / 2) split.push(cell.textContent.trim().slice(0, 30));
      }
    }
  }
  return {seen, split};
}"""


def test_no_table_splits_a_year_from_its_nian_on_a_phone(built, browser, base_url):
    """86号's indicator table headed its columns 2015年 and 2020年: at 360 px each broke as 2015 / 年 over two
    lines (review of phone reading), and so did a 后续沿革 (…委员会（2018年）) of the list of agencies at 320 px.
    No cell of any table of the site splits a number from its 年, at 360 px with JavaScript on or off, and as
    narrow as 320 px or as wide as 414."""
    paths = pages_holding(built.html, "<table")
    assert "/documents/guofa-2016-86/" in paths and len(paths) > 40, paths
    seen, split = {}, {}
    for javascript, widths in ((True, (360, 320, 390, 414)), (False, (360,))):
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript)
        try:
            page = context.new_page()
            for path in paths:
                page.goto(base_url + path.lstrip("/"), wait_until="load")
                for width in widths:
                    page.set_viewport_size({"width": width, "height": PHONE["height"]})
                    found = page.evaluate(YEAR_SPLITS)
                    seen[path] = seen.get(path, 0) + found["seen"]
                    for cell in found["split"]:
                        split.setdefault((path, cell), set()).add((width, "js" if javascript else "no-js"))
        finally:
            context.close()
    assert seen["/documents/guofa-2016-86/"] >= 2 * 5  # its two year heads, at each width
    assert not split, split
