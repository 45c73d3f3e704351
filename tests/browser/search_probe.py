"""Drive the site's search box (Material for MkDocs' own header search UI,
backed by overrides/assets/javascripts/clause-search-worker.js) from a
Playwright ``Page`` and read back the result links.

Usage in a test::

    from tests.browser.search_probe import search
    hrefs = search(page, "http://127.0.0.1:8000/", "软件著作权")
    assert "/documents/guobanhan-2016-66/#..." in hrefs[:5]

Notes for test authors
* Chromium: launch with ``executable_path="/usr/bin/chromium"`` and args
  ``--no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update``; the site must be served over http(s)
  (the worker is not started for ``file://``).
* Material renders only the first 10 result groups (``<li>``) at once; later
  ones appear on scrolling (``every=True`` scrolls until all are rendered).
  Each group is one document header link plus one or more clause links;
  :func:`search` drops the header links, so the list holds one href per hit,
  best first (the worker returns every hit; without ``every`` only those of
  the first 10 groups are rendered and read).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

__all__ = ["search", "search_results", "open_site", "offered", "is_offer"]

INPUT = "input[data-md-component=search-query]"
META = "[data-md-component=search-result] .md-search-result__meta"
SENTINEL = "\u2063probe-pending"

_COLLECT_JS = """
() => [...document.querySelectorAll(
        "[data-md-component=search-result] li.md-search-result__item")]
  .map(li => [...li.querySelectorAll("a.md-search-result__link")].map(a => ({
      href: a.href,
      title: (a.querySelector("h1, h2") || {}).textContent || "",
      text: [...a.querySelectorAll("article > p")].map(p => p.textContent).join(" "),
      marks: [...a.querySelectorAll("mark")].map(m => m.textContent),
      score: parseFloat(a.firstElementChild.getAttribute("data-md-score")),
  })))
"""


def _site_path(base_url: str, href: str) -> str:
    """``http://host/base/documents/x/?h=..#a`` -> ``/documents/x/#a``."""
    base = urlsplit(base_url if base_url.endswith("/") else base_url + "/")
    parts = urlsplit(href)
    path = parts.path
    if parts.netloc == base.netloc and path.startswith(base.path):
        path = "/" + path[len(base.path) :]
    return path + (f"#{parts.fragment}" if parts.fragment else "")


# Material's meta line while no query is typed ("键入以开始搜索"), read from the page's own
# configuration so it holds in any site language. It replaces the "initialising" text once the
# worker reports READY, and answers an empty query.
_PLACEHOLDER = 'JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]'


def open_site(page, base_url: str, *, timeout: float = 15_000) -> None:
    """Load ``base_url`` unless the page already shows a page of the site, then wait until the
    search worker is ready: before that, READY's rewrite of the meta line could be taken for the
    answer to a query typed meanwhile (a box with a query in it has had its answer already)."""
    if not page.url.startswith(base_url.rstrip("/")):
        page.goto(urljoin(base_url, "./"), wait_until="load", timeout=timeout)
    page.wait_for_selector(INPUT, state="attached", timeout=timeout)
    page.wait_for_function(
        f"""([i, m]) => {{ const box = document.querySelector(i), el = document.querySelector(m);
            return box && el && (box.value !== "" || el.textContent.trim() === {_PLACEHOLDER}) }}""",
        arg=[INPUT, META],
        timeout=timeout,
    )


def _set_query(page, value: str, timeout: float) -> None:
    box = page.locator(INPUT)
    # Material reads the box on `keyup` (and focus), not on `input`; CJK text
    # typed by Playwright arrives as insertText without keyup, so fill the
    # value and press a harmless key to emit one.
    page.evaluate(
        "([m, s]) => { const el = document.querySelector(m); if (el) el.textContent = s }",
        [META, SENTINEL],
    )
    box.fill(value)
    box.press("End")
    # The meta line ("n 个符合条件的结果") is rewritten on every RESULT from the
    # worker, and only after the worker reported READY. A non-empty query is answered by
    # results, never by the placeholder (the answer to an empty one).
    page.wait_for_function(
        f"""([m, s, q]) => {{ const el = document.querySelector(m);
            return el && el.textContent !== s && (q === "" || el.textContent.trim() !== {_PLACEHOLDER}) }}""",
        arg=[META, SENTINEL, value],
        timeout=timeout,
    )


# Material renders 10 result groups, then 4 more each time the list comes to its end: it watches the
# list's scroll events for that moment, so the list is scrolled away from its end and back for each 4.
_RENDERED = "document.querySelectorAll('[data-md-component=search-result] li.md-search-result__item').length"
_SCROLL = """async () => { const list = document.querySelector('.md-search__scrollwrap');
    const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    list.scrollTo(0, 0); await frame(); list.scrollTo(0, list.scrollHeight); await frame(); }"""


def _render_every_group(page, timeout: float) -> None:
    """Scroll the result list to its end until it shows as many groups as the meta line counts."""
    counted = int(page.evaluate("(m) => (document.querySelector(m).textContent.match(/\\d+/) || ['0'])[0]", META))
    while (rendered := page.evaluate(_RENDERED)) < counted:
        page.evaluate(_SCROLL)
        page.wait_for_function(f"{_RENDERED} > {rendered}", timeout=timeout)


def search_results(
    page, base_url: str, query: str, *, timeout: float = 15_000, every: bool = False
) -> list[list[dict]]:
    """Raw rendered groups: per ``<li>``, its links as dicts
    (href, title, text, marks, score); hrefs are absolute as rendered.
    ``every``: all groups, not only the first 10 Material renders before the list is scrolled."""
    open_site(page, base_url, timeout=timeout)
    if not page.locator(INPUT).is_visible():
        # narrow viewport: the box sits behind the header's search button
        page.locator("header label[for=__search]").first.click()
    page.locator(INPUT).focus()
    current = page.locator(INPUT).input_value()
    if current == query or (current and not query):
        # same value would be swallowed by Material's distinctUntilChanged
        _set_query(page, "", timeout)
    if query or current:
        _set_query(page, query, timeout)
    if every:
        _render_every_group(page, timeout)
    return page.evaluate(_COLLECT_JS)


def search(page, base_url: str, query: str, *, timeout: float = 15_000, every: bool = False) -> list[str]:
    """Type ``query`` into Material's search box and return the result hrefs
    in rank order as site paths (``/documents/<slug>/#<anchor>``; a ``?h=``
    highlight parameter is dropped).  Per result group the leading document
    header link is skipped when the group also holds clause links."""
    out: list[str] = []
    for group in search_results(page, base_url, query, timeout=timeout, every=every):
        if is_offer(group):  # a search offered where nothing was found, not a result
            continue
        links = group
        if len(links) > 1 and "#" not in links[0]["href"]:
            links = links[1:]
        out.extend(_site_path(base_url, link["href"]) for link in links)
    return out


def is_offer(group: list[dict]) -> bool:
    """The one result of a query that found nothing every way: a link that searches the query's words the
    texts hold (clause-search-worker.js, offerNarrower; ``?q=…``, which Material reads into the box)."""
    return len(group) == 1 and "q" in parse_qs(urlsplit(group[0]["href"]).query)


def offered(page, base_url: str, query: str, *, timeout: float = 15_000) -> dict | None:
    """The offer ``query`` is answered with (its href, title, text), or None when it has results or none."""
    groups = search_results(page, base_url, query, timeout=timeout)
    return groups[0][0] if len(groups) == 1 and is_offer(groups[0]) else None
