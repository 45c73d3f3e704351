"""The words a result was found by are marked on the page it opens (Material's search.highlight, from the ?h= of
the result's link), as they are in the result."""

from __future__ import annotations

import pytest

from .conftest import new_page
from .search_probe import search_results

pytestmark = pytest.mark.browser

MARKED = "() => [...document.querySelectorAll('.md-content mark[data-md-highlight]')].map(m => m.textContent)"


@pytest.mark.parametrize("query", ["专利质押", "商标", "海外维权", "电商"])
def test_the_words_a_clause_was_found_by_are_marked_on_its_page(browser, base_url, search_page, query):
    """From session 38's public-reader review: 专利质押 found clauses holding 专利 and 质押 apart, marked so in the
    results, but the page a result opened marked nothing: its ?h= asked for 专利质押 whole, which no clause holds."""
    groups = search_results(search_page, base_url, query)
    clause = next(link for group in groups for link in group if "#" in link["href"])
    assert clause["marks"], clause
    with new_page(browser, base_url=base_url) as page:
        page.goto(clause["href"])
        page.wait_for_timeout(500)
        marked = page.evaluate(MARKED)
        assert marked, (query, clause["href"])
        assert set(marked) <= set(clause["marks"]) | {query} | {"".join(clause["marks"])}, (marked, clause["marks"])
