"""The link stage's per-sentence cache: an edit re-matches only the sentences it touches, and
the links after an edit are exactly those a build from an empty cache gives."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from build_scripts import cache, fork
from build_scripts.errors import Collector
from build_scripts.link import crossrefs, curation, stage
from build_scripts.link.similarity import group_max
from build_scripts.pipeline import load_corpus

from .helpers import copy_sources

LOCAL = "yufufa-2016-25.txt"
LEAD = "培育壮大知识产权密集型产业"


@pytest.fixture
def linking(tmp_path, monkeypatch):
    """(source folder, run) where run() links the corpus in the folder and returns
    (links, the Chongqing sentences matched anew or None when none were)."""
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(fork, "can_fork", lambda: False)  # one scorer, in this process, where it is recorded
    source = copy_sources(tmp_path / "src")
    calls: list[frozenset[str] | None] = []
    real = crossrefs.build_scorer

    def recording(corpus, sentences=None, national=None):
        calls.append(None if sentences is None else frozenset(sentences))
        return real(corpus, sentences, national)

    monkeypatch.setattr(crossrefs, "build_scorer", recording)
    indexed = _count_calls(monkeypatch, crossrefs, "national_index")

    def run():
        calls.clear()
        indexed.clear()
        errors = Collector()
        links = stage.link_crossrefs(source, load_corpus(source, errors), errors).refs
        errors.raise_if_any()
        assert len(calls) <= 1
        return links, (calls[0] if calls else None)

    run.indexed = indexed  # the national_index calls of the last run: 1 when the national side was indexed anew
    return source, run


def _count_calls(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def counting(*args, **kwargs):
        calls.append(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def _edit(source: Path, old: str, new: str) -> None:
    path = source / LOCAL
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_corpus_matches_nothing_anew(linking):
    source, run = linking
    first, matched = run()
    assert matched is not None and len(matched) > 150  # an empty cache: every sentence
    again, matched = run()
    assert matched is None
    assert again == first


@pytest.mark.parametrize(
    ("old", "new", "edited_starts"),
    [
        (LEAD, LEAD + "和专利导航", LEAD + "和专利导航"),
        # the paragraph now ends with a sentence too short to have phrases: the scorer of the
        # re-matched sentences has an empty last group (similarity.group_max)
        ("犯罪行为的司法协助。", "犯罪行为的司法协助。见附件。", "见附件"),
    ],
    ids=["lead phrase", "short last sentence"],
)
def test_an_edit_rematches_only_its_paragraph_and_equals_a_cold_build(
    linking, tmp_path, monkeypatch, old, new, edited_starts
):
    source, run = linking
    run()
    _edit(source, old, new)
    incremental, matched = run()
    corpus = load_corpus(source, Collector())
    edited = next(c for c in crossrefs.local_sentences(corpus) if c.text.startswith(edited_starts))
    paragraph = {c.id for c in crossrefs.local_sentences(corpus) if c.parent == edited.parent}
    assert matched == paragraph  # the edited sentence and its paragraph's other sentences, no more
    assert run.indexed == []  # the national side from .cache/link
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cold-cache")
    cold, matched = run()
    assert matched is not None and len(matched) > 150
    assert len(run.indexed) == 1
    assert incremental == cold  # the same links with the same scores


def test_a_national_edit_rematches_every_sentence(linking):
    source, run = linking
    run()
    path = source / "guobanhan-2016-66.txt"
    text = path.read_text(encoding="utf-8")
    assert "加强知识产权交易平台建设" in text
    path.write_text(text.replace("加强知识产权交易平台建设", "加强知识产权交易平台建设和监管", 1), encoding="utf-8")
    _, matched = run()
    assert matched is not None and len(matched) > 150
    assert len(run.indexed) == 1  # the national side indexed anew


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_a_damaged_national_index_is_built_again(linking, damage):
    source, run = linking
    first, _ = run()
    _edit(source, LEAD, LEAD + "和专利导航")
    (entry,) = (cache.CACHE_DIR / "link").glob("national-index.pickle")
    key, _, payload = entry.read_bytes().partition(b"\n")
    entry.write_bytes(key + b"\n" + payload[:1000] if damage is None else damage)
    incremental, matched = run()
    assert len(run.indexed) == 1 and matched is not None and len(matched) < 20
    _edit(source, LEAD + "和专利导航", LEAD)
    again, _ = run()
    assert again == first


@pytest.mark.parametrize(
    "damage",
    [
        lambda entries: [],  # not a mapping of sentences
        lambda entries: {key: [] for key in entries},  # an entry that is not a mapping
        lambda entries: {key: {"scores": {}, "links": [{"x": 1}]} for key in entries},  # a link of other fields
        lambda entries: {
            key: {**entry, "scores": {"a": "b"}} for key, entry in entries.items()
        },  # a score not a number
        lambda entries: {
            key: {"scores": {}, "links": [{**link, "score": None} for link in entry["links"]]}
            for key, entry in entries.items()
        },
    ],
    ids=["list", "entry", "link fields", "score text", "link score"],
)
def test_a_cached_entry_of_another_shape_is_matched_again(linking, damage):
    """.cache/ is ours, but a file edited or damaged by hand is a miss there, never an internal error."""
    source, run = linking
    first, _ = run()
    (stored,) = (cache.CACHE_DIR / "crossrefs").glob("*.json")
    stored.write_text(json.dumps(damage(json.loads(stored.read_text(encoding="utf-8")))), encoding="utf-8")
    again, matched = run()
    assert matched  # the damaged entries matched anew (every sentence's, or those with links for the last)
    assert again == first


def test_a_new_curated_link_scores_only_its_sentence(linking):
    source, run = linking
    links, _ = run()
    corpus = load_corpus(source, Collector())
    sentence = crossrefs.local_sentences(corpus)[40]
    task = next(
        f"guobanhan-2016-66/t{n}"
        for n in range(1, 107)
        if (f"guobanhan-2016-66/t{n}", sentence.id) not in {(r.national, r.local) for r in links}
    )
    (source / curation.FILE_NAME).write_text(
        f"crossrefs:\n  - national: {task}\n    local: {sentence.id}\n    decision: add\n    remark: 测试\n",
        encoding="utf-8",
    )
    links, matched = run()
    assert matched == {sentence.id}
    added = next(r for r in links if (r.national, r.local) == (task, sentence.id))
    assert added.method == "curated" and added.score == crossrefs.build_scorer(corpus).score(task, sentence.id)


def test_group_max_keeps_every_row_of_a_group_before_empty_ones():
    matrix = np.array([[0.1, 0.5], [0.2, 0.0], [0.9, 0.3]])
    assert group_max(matrix, [3, 0], axis=0).tolist() == [[0.9, 0.5], [0.0, 0.0]]
    assert group_max(matrix, [0, 1, 0, 2, 0], axis=0).tolist() == [[0, 0], [0.1, 0.5], [0, 0], [0.9, 0.3], [0, 0]]
    assert group_max(matrix, [1, 0, 1], axis=1).tolist() == [[0.1, 0.0, 0.5], [0.2, 0.0, 0.0], [0.9, 0.0, 0.3]]
    assert group_max(np.zeros((0, 2)), [0, 0], axis=0).tolist() == [[0, 0], [0, 0]]


def test_a_cold_match_shared_with_a_child_gives_the_links_of_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr(fork, "usable_cores", lambda: 2)
    monkeypatch.setattr(fork, "_other_threads", lambda: False)  # the browser tests' threads, when run before
    source = copy_sources(tmp_path / "src")
    shares: list[set[str]] = []  # the sentences matched in this process, one set per call
    real = stage._matched

    def recording(corpus, terms, national, sentences, curated):
        shares.append(set(sentences))  # in the child too, where this list is the child's copy
        return real(corpus, terms, national, sentences, curated)

    monkeypatch.setattr(stage, "_matched", recording)

    def cold(name: str):
        monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / name)
        shares.clear()
        errors = Collector()
        links = stage.link_crossrefs(source, load_corpus(source, errors), errors).refs
        errors.raise_if_any()
        return links, list(shares)

    shared, here = cold("with-child")
    assert len(here) == 1  # the other half came back from the child
    everyone = {c.id for c in crossrefs.local_sentences(load_corpus(source, Collector()))}
    assert stage.MIN_SHARE <= len(here[0]) <= len(everyone) - stage.MIN_SHARE
    assert any(link.method == "curated" for link in shared)  # crossrefs.yaml's pairs are scored in both halves
    monkeypatch.setattr(fork, "can_fork", lambda: False)
    alone, here = cold("alone")
    assert [len(s) for s in here] == [len(everyone)]
    assert shared == alone
    cached = json.loads(next((tmp_path / "with-child" / "crossrefs").glob("*.json")).read_text(encoding="utf-8"))
    assert cached == json.loads(next((tmp_path / "alone" / "crossrefs").glob("*.json")).read_text(encoding="utf-8"))
    # the national index, kept in .cache/ by the child while this process matched its half, as one process keeps it
    kept = [(tmp_path / name / "link" / "national-index.pickle").read_bytes() for name in ("with-child", "alone")]
    assert kept[0] == kept[1]


def test_the_keys_of_a_paragraph_of_many_sentences_take_linear_time(tmp_path, monkeypatch):
    """Each sentence's key hashed the text of every sentence of its paragraph: a very long line of the
    Chongqing text (5,000 sentences) spent 44 s hashing, 20,000 several minutes. The paragraph's
    sentences are hashed once; a sentence's key still changes with any of them."""
    import time

    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    source = copy_sources(tmp_path / "src")
    _edit(source, LEAD + "。", LEAD + "。" + "".join(f"第{n}句。" for n in range(8000)))
    errors = Collector()
    corpus = load_corpus(source, errors)
    started = time.perf_counter()
    keys = stage.sentence_keys(corpus, "national")
    assert time.perf_counter() - started < 10
    assert len(set(keys.values())) == len(keys) > 8000
    _edit(source, "第7999句。", "第七九九九句。")
    edited = stage.sentence_keys(load_corpus(source, Collector()), "national")
    changed = {sentence for sentence in keys if keys[sentence] != edited.get(sentence)}
    paragraph = {sentence for sentence in keys if sentence.startswith("yufufa-2016-25/2-1/p1/")}
    assert changed == paragraph
