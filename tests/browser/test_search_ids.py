"""A clause's id, link or anchor typed or pasted into the search box finds that clause (staff copy ids from the
change log, crossrefs.yaml and shared addresses)."""

from __future__ import annotations

import pytest

from .search_probe import search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("guofa-2016-86/4-2-3", "/documents/guofa-2016-86/#c4-2-3"),
        ("guofa-2016-86/4-2-3/s2", "/documents/guofa-2016-86/#c4-2-3-s2"),
        ("guobanhan-2016-66/t14", "/documents/guobanhan-2016-66/#t14"),
        ("https://example.org/ip/documents/yufufa-2016-25/#c2-1-p3-s3", "/documents/yufufa-2016-25/#c2-1-p3-s3"),
        ("guofa-2016-86#box2", "/documents/guofa-2016-86/#box2"),
        ("ＧＵＯＦＡ-2016-86／4-2-3", "/documents/guofa-2016-86/#c4-2-3"),
    ],
)
def test_a_clause_id_or_link_finds_its_clause_alone(base_url, search_page, query, first):
    """From session 38's public-reader review: guofa-2016-86/4-2-3 and c4-2-3 found nothing, though the change log
    shows such ids for staff to look up."""
    assert search(search_page, base_url, query) == [first]


def test_an_anchor_alone_finds_the_clause_of_each_document_holding_it(base_url, search_page):
    hrefs = search(search_page, base_url, "#c4-2-3")
    assert "/documents/guofa-2016-86/#c4-2-3" in hrefs
    assert all(href.endswith("#c4-2-3") for href in hrefs) and len(hrefs) == len(set(hrefs)), hrefs
