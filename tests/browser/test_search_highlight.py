"""The words a result was found by are marked on the page it opens (Material's search.highlight, from the ?h= of
the result's link), as they are in the result."""

from __future__ import annotations

import pytest

from .conftest import new_page
from .search_probe import search_results

pytestmark = pytest.mark.browser

MARKED = "() => [...document.querySelectorAll('.md-content mark[data-md-highlight]')].map(m => m.textContent)"


@pytest.mark.parametrize(
    "query",
    [
        "专利质押",
        "商标",
        "海外维权",
        "电商",
        # session 39's search review: the page marked nothing for 21% of the results it opened (39 of 188): ?h= held
        # the words as typed (專利導航, 互联网＋知识产权, a sentence pasted with , where the text has 、) or none at
        # all (恶意侵权要赔多少, 公证保全证据, 作品登记数量目标是多少); a task found by its number (第５５项) is opened
        # at its anchor, its digits not marked (every number holding them would be)
        "專利導航",
        "互联网＋知识产权",
        "加大对制假源头,重复侵权,恶意侵权,群体侵权的查处力度",
        "恶意侵权要赔多少",
        "公证保全证据",
        "作品登记数量目标是多少",
        # session 39's code review: a word running across an agency's name, which links to its page, stood in two
        # text nodes, and Material marks within one (site.js marks it across)
        "知识产权局负责",
        "财政部负责",
    ],
)
def test_the_words_a_clause_was_found_by_are_marked_on_its_page(browser, base_url, search_page, query):
    """From session 38's public-reader review: 专利质押 found clauses holding 专利 and 质押 apart, marked so in the
    results, but the page a result opened marked nothing: its ?h= asked for 专利质押 whole, which no clause holds.
    The link now asks for what the result marks, as the page writes it."""
    groups = search_results(search_page, base_url, query)
    clause = next(link for group in groups for link in group if "#" in link["href"])
    assert clause["marks"], clause
    with new_page(browser, base_url=base_url) as page:
        page.goto(clause["href"])
        page.wait_for_timeout(500)
        marked = page.evaluate(MARKED)
        assert marked, (query, clause["href"])
        # the clause the link opens is marked, not only the page somewhere
        anchor = clause["href"].split("#")[1]
        assert page.locator(f"[id='{anchor}'] mark[data-md-highlight]").count(), (query, clause["href"], marked)
        # each mark on the page is (part of) one the result shows: Material's page highlighter parts a term at + and
        # spaces (互联网+知识产权: 互联网, 知识产权)
        assert all(any(m in shown for shown in clause["marks"]) for m in marked), (marked, clause["marks"])


@pytest.mark.parametrize("query", ["66号第5项", "66号 任务1", "第四部分第（六）条第2项"])
def test_a_clause_found_by_its_number_does_not_mark_that_number_everywhere(base_url, search_page, query):
    """Session 39's code review: once ?h= held what a result marks, a task found by its number sent its label's
    digits (66号第5项 → ?h=5), which Material marks in every number holding them (23 places: 2015, 25号, 50–59)."""
    from urllib.parse import parse_qs, urlsplit

    groups = search_results(search_page, base_url, query)
    links = [link for group in groups for link in group if "#" in link["href"] or "/tasks/" in link["href"]]
    assert links, groups
    for link in links[:3]:
        terms = " ".join(parse_qs(urlsplit(link["href"]).query).get("h", [""])).split()
        assert not any(term.isdigit() for term in terms), (query, link["href"])


@pytest.mark.parametrize("query", ["专利质押融资", "商标"])
def test_a_documents_title_among_the_results_opens_it_with_the_words_marked(browser, base_url, search_page, query):
    """Session 40's phone review: a group's first link, the document's title, asked for nothing (?h=), and opened the
    top of a 29,566 px page with nothing marked, while the clause under it marked 89 places. It asks for what the
    group's first clause marks."""
    from urllib.parse import parse_qs, urlsplit

    def asked(link: dict) -> list[str]:
        return parse_qs(urlsplit(link["href"]).query).get("h", [""])[0].split()

    groups = search_results(search_page, base_url, query)
    headed = [group for group in groups if len(group) > 1 and "#" not in group[0]["href"]]
    assert headed, groups
    for group in headed[:3]:
        assert asked(group[0]) and asked(group[0]) == asked(group[1]), (group[0]["href"], group[1]["href"])
    with new_page(browser, base_url=base_url) as page:
        page.goto(headed[0][0]["href"])
        page.wait_for_timeout(500)
        assert page.evaluate(MARKED), headed[0][0]["href"]
