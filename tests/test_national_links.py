"""The links to 86号, 106号 and 59号 against two blind readers' judgments (tests/eval_national_links.py)."""

from __future__ import annotations

import pytest

from build_scripts.link import crossrefs as matching

from .eval_national_links import (
    PoolPair,
    SampleRow,
    check_placed,
    national_links,
    pool_pairs,
    pool_tally,
    sample_rows,
    sample_tally,
)

DOCUMENTS = ("guofa-2016-86", "guobanfa-2016-106", "guozhifaguanzi-2015-59")


def _pair(local: str, national: str, link: bool) -> PoolPair:
    return PoolPair(local=local, local_quote="", national=national, national_quote="", link=link, note="")


def test_the_pool_counts_judged_pairs_only_and_recall_within_it():
    pairs = [_pair("c/s1", "a/s1", True), _pair("c/s2", "a/s2", False), _pair("c/s3", "b/s1", True)]
    tally = pool_tally(pairs, {("c/s1", "a/s1"), ("c/s2", "a/s2"), ("c/s9", "a/s9")})  # the last one was not judged
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)


def test_the_sample_counts_a_unit_found_once_and_a_link_to_a_sentence_not_named_as_wrong():
    rows = [
        SampleRow(local="c/s1", local_quote="", nationals=frozenset({"a/s1", "a/s2", "b/s1"}), note=""),
        SampleRow(local="c/s2", local_quote="", nationals=frozenset(), note=""),
    ]
    links = {("c/s1", "a/s2"), ("c/s2", "a/s5")}
    tally = sample_tally(rows, links, ("a", "b"))
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)  # a found; b missed; c/s2 has no link to give


def test_the_judgments_name_clauses_whose_text_they_quote(model):
    corpus = model.corpus
    pairs, rows = pool_pairs(), sample_rows()
    assert len(pairs) == len({(p.local, p.national) for p in pairs}) == 153
    assert len(rows) == len({r.local for r in rows}) == 43
    check_placed(corpus, [(p.local, p.local_quote) for p in pairs] + [(p.national, p.national_quote) for p in pairs])
    check_placed(corpus, [(r.local, r.local_quote) for r in rows])
    index = corpus.clause_index()
    assert all(n in index and n.split("/")[0] in DOCUMENTS for r in rows for n in r.nationals)
    judged = {p.national.split("/")[0] for p in pairs} | {n.split("/")[0] for r in rows for n in r.nationals}
    assert (
        matching.OTHER_JUDGED
        == ({p.local.split("/")[0] for p in pairs}.pop(), judged)
        == (
            corpus.crossref_roles.local,
            frozenset(corpus.crossref_roles.national),
        )
    )  # the 对照 page states the figures for these documents only
    with pytest.raises(ValueError, match="expected '另一句'"):
        check_placed(corpus, [(pairs[0].local, "另一句")])


def test_every_published_link_to_the_national_documents_is_judged_and_their_precision_holds(model):
    """The pool holds every automatic link the build publishes to these documents: the precision printed
    by make eval-crossrefs is that of the published links. A new one (after a text changed) is judged
    and added to the pool, blind, before this passes again."""
    pairs = pool_pairs()
    judged = {(p.local, p.national) for p in pairs}
    published = national_links(model.crossrefs, DOCUMENTS)
    assert published <= judged, sorted(published - judged)
    assert pool_tally(pairs, national_links(model.crossrefs, DOCUMENTS, "auto")).precision >= 0.80
    assert pool_tally(pairs, published).precision >= 0.83
