"""Each document's clause tree matches its golden file (refresh: make golden, then review
``git status tests/golden`` and ``git diff tests/golden``)."""

from __future__ import annotations

import pytest
import yaml

from .golden import GOLDEN, snapshot
from .helpers import SOURCE

# Every document source_texts/documents.yaml lists: one staff add is checked from its first golden file on.
SLUGS = [
    entry["slug"] for entry in yaml.safe_load((SOURCE / "documents.yaml").read_text(encoding="utf-8"))["documents"]
]
REFRESH = "run `make golden`, review `git status tests/golden` and `git diff tests/golden`, and commit what is right"


@pytest.mark.parametrize("slug", SLUGS)
def test_clause_tree_matches_golden(model, slug):
    path = GOLDEN / f"{slug}.json"
    assert path.is_file(), f"{slug} has no golden clause tree yet: {REFRESH}"
    actual = snapshot(model.corpus.document(slug))
    assert actual == path.read_text(encoding="utf-8"), f"clause tree of {slug} changed: {REFRESH}"


def test_every_golden_file_belongs_to_a_listed_document():
    stale = sorted(path.name for path in GOLDEN.glob("*.json") if path.stem not in SLUGS)
    assert not stale, f"golden files of documents no longer listed: {stale}; delete them (git rm)"


def test_make_golden_says_to_review_new_files_too(capsys):
    """`make golden` ended with 'review with: git diff tests/golden', which shows no new file: a new
    document's golden file went unreviewed, and uncommitted (a new staff member following README)."""
    from .golden import main

    assert main([]) == 0  # the live texts match their golden files: nothing is written
    said = capsys.readouterr().out.splitlines()[-1]
    assert said == (
        "0 golden file(s) differ; review with: git status tests/golden (a new file: git add it) and git diff tests/golden"
    )
