"""Page weight: no page but a document's full text over 200 KB; Material's own search index stays tiny."""

from __future__ import annotations

from .page_weight import PAGE_LIMIT, page_weight_report


def test_no_page_but_a_document_text_is_over_the_limit(built):
    report = page_weight_report(built.html)
    assert report["pages"] >= 10
    assert report["over_limit"] == [], f"pages over {PAGE_LIMIT} bytes: {report['over_limit']}"


def test_material_search_index_is_tiny_because_every_page_opts_out(built):
    # Our worker searches data/search-index.json; Material's file is fetched but unused, so every
    # generated page sets `search: {exclude: true}` in its front matter.
    report = page_weight_report(built.html)
    assert report["search_index"] > 100_000
    assert report["material_search_index"] < 5_000, "a template lacks `search: {exclude: true}` front matter"
