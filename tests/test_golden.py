"""Each document's clause tree matches its golden file (refresh: make golden, then review git diff)."""

from __future__ import annotations

import pytest

from .golden import GOLDEN, snapshot

SLUGS = ["guobanfa-2016-106", "guobanhan-2016-66", "guofa-2016-86", "guozhifaguanzi-2015-59", "yufufa-2016-25"]


@pytest.mark.parametrize("slug", SLUGS)
def test_clause_tree_matches_golden(model, slug):
    expected = (GOLDEN / f"{slug}.json").read_text(encoding="utf-8")
    actual = snapshot(model.corpus.document(slug))
    assert actual == expected, f"clause tree of {slug} changed: run `make golden` and review `git diff tests/golden`"
