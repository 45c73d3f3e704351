"""The link stage for cross-references: match each Chongqing sentence, then apply staff decisions.

The automatic links are kept in .cache/ sentence by sentence (``sentence_keys``); the sentences
whose links are not there are matched anew, half of them in a forked child when there are many
(``_halves``, ``_matched``). The staff decisions of ``source_texts/crossrefs.yaml`` are read and
applied by ``curation.py``.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeGuard

from .. import cache, fork
from ..errors import Collector, CurationError
from ..model import Clause, Corpus, CrossRef
from . import classifier, crossrefs
from .curation import FILE_NAME, apply_decisions, check_rejections, load_decisions
from .similarity import NationalIndex, task_passages
from .terms import TaskTerms, load_task_terms


@dataclasses.dataclass(frozen=True, kw_only=True)
class Linked:
    refs: tuple[CrossRef, ...]  # the links, automatic and curated, sorted
    rejected: frozenset[tuple[str, str]] = frozenset()  # (national, local) of the automatic links staff rejected


def link_crossrefs(
    source: Path, corpus: Corpus, errors: Collector, *, moved: Mapping[str, str | None] | None = None
) -> Linked:
    """The link stage for cross-references: match, then apply staff decisions (``moved``: the ids
    redirects.yaml lists → where it sends them, for the messages about decisions naming a removed clause).

    The automatic links are kept in .cache/ sentence by sentence, under a key made of what
    the sentence's links depend on (``sentence_keys``), so a rebuild matches only the
    Chongqing sentences whose text or setting changed; any change to a national text, the
    phrases, the weights or the code gives every sentence a new key.
    """
    decisions = load_decisions(source, corpus, errors, moved=moved or {})
    terms = load_task_terms(source, corpus, errors)
    roles, linked = corpus.crossref_roles, corpus.linked_documents
    if linked is None:  # a collection without a local document (渝府发) or a tasks document (66号): nothing to link
        return Linked(refs=())
    if not crossrefs.local_sentences(corpus):
        local = linked[1]
        message = (
            "expected crossrefs: local on a document with sentences under numbered sections (一、…), "
            f"the ones matched, found none in {local.slug}"
        )
        errors.add(CurationError(source / "documents.yaml", *local.meta.where("crossrefs"), message))
        return Linked(refs=())
    national_key = cache.fingerprint(
        [
            cache.package_fingerprint(),  # the whole package (patterns, model …), read once per process
            classifier.WEIGHTS_PATH.read_bytes(),
            repr(sorted(terms.phrases.items())),
            repr(roles),
            *(_clause_line(c) for c in corpus.clauses() if c.doc != roles.local),
        ]
    )
    keys = sentence_keys(corpus, national_key)
    curated: dict[str, set[str]] = defaultdict(set)  # sentence → national clauses of its curated links
    for decision in decisions:
        if decision.decision != "reject" and decision.local in keys:
            curated[decision.local].add(decision.national)
    by_sentence = _sentence_links(corpus, terms, national_key, keys, curated)
    automatic = tuple(CrossRef(**record) for sentence in keys for record in by_sentence[sentence]["links"])
    curated_scores = {
        (national, sentence): score for sentence in keys for national, score in by_sentence[sentence]["scores"].items()
    }
    tasks = frozenset(passage.clause for passage in task_passages(corpus))
    return Linked(
        refs=apply_decisions(automatic, decisions, curated_scores, tasks),  # which sorts the links
        rejected=check_rejections(decisions, automatic, source / FILE_NAME, errors),  # one it does not make: refused
    )


# Sentences to match before a second process is worth starting: 2 × MIN_SHARE (every other paragraph goes
# to each, so the halves are about even). The fork and the pickled links cost about 3 ms, a sentence
# about 0.2 ms, and each process builds its own scorer.
MIN_SHARE = 50

SentenceLinks = dict[str, Any]  # {"links": [CrossRef as a dict], "scores": {national id: score of a curated pair}}


def _sentence_links(
    corpus: Corpus, terms: TaskTerms, national_key: str, keys: dict[str, str], curated: dict[str, set[str]]
) -> dict[str, SentenceLinks]:
    """Each sentence's automatic links and curated pairs' scores: from .cache/ where its key is
    there (with every curated pair scored), matched anew for the others; the cache keeps the
    entries of this build only."""
    stored = cache.load("crossrefs", national_key)
    cached = stored if isinstance(stored, dict) else {}
    by_sentence: dict[str, SentenceLinks] = {}
    stale: set[str] = set()
    for sentence, key in keys.items():
        entry = cached.get(key)
        if not _well_formed(entry) or not curated[sentence] <= entry["scores"].keys():
            stale.add(sentence)
        else:
            by_sentence[sentence] = entry
    if not stale:
        return by_sentence
    stored = cache.load_entry("link", "national-index", national_key)
    national = stored if isinstance(stored, NationalIndex) else crossrefs.national_index(corpus)

    def keep_national() -> None:
        if national is not stored:  # built anew: kept in .cache/ for the next build
            cache.store_entry("link", "national-index", national_key, national)

    def matched_second(second: set[str]) -> dict[str, SentenceLinks]:
        """The second half's links; the national index is kept in .cache/ first, in the child while this
        process matches the first half (pickled, it is some 1 MB: 8 ms of a cold build)."""
        keep_national()
        return _matched(corpus, terms, national, second, curated)

    if len(stale) < 2 * MIN_SHARE or not fork.can_fork():
        keep_national()
        by_sentence.update(_matched(corpus, terms, national, stale, curated))
    else:  # a cold build or a national change: half of the sentences matched in a forked child
        terms.prepare()
        first, second = _halves(corpus, stale)
        here, there = fork.in_parallel(
            lambda: _matched(corpus, terms, national, first, curated), lambda: matched_second(second)
        )
        by_sentence.update(here)
        by_sentence.update(there)
    cache.store("crossrefs", national_key, {keys[sentence]: entry for sentence, entry in by_sentence.items()})
    return by_sentence


_LINK_TEXTS = ("national", "local", "method", "remark")  # CrossRef's text fields; its score is a number


def _well_formed(entry: object) -> TypeGuard[SentenceLinks]:
    """An entry as ``_matched`` makes it; one edited or damaged by hand is a miss, not an internal error."""
    if (
        not isinstance(entry, dict)
        or not isinstance(entry.get("scores"), dict)
        or not isinstance(entry.get("links"), list)
    ):
        return False
    numbers = [*entry["scores"].values(), *(link.get("score") for link in entry["links"] if isinstance(link, dict))]
    return all(
        isinstance(link, dict)
        and link.keys() == {*_LINK_TEXTS, "score"}
        and all(isinstance(link[f], str) for f in _LINK_TEXTS)
        for link in entry["links"]
    ) and all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers)


def _halves(corpus: Corpus, sentences: set[str]) -> tuple[set[str], set[str]]:
    """``sentences`` in two halves of whole paragraphs (every other paragraph), each matched alone.

    A sentence's links depend only on itself, its paragraph and the national side, so any split
    gives the same links; whole paragraphs keep each half's paragraph vectors its own.
    """
    paragraphs: dict[str, set[str]] = defaultdict(set)
    for sentence in crossrefs.local_sentences(corpus):
        if sentence.id in sentences:
            paragraphs[sentence.parent or ""].add(sentence.id)
    groups = list(paragraphs.values())
    return set().union(*groups[0::2]), set().union(*groups[1::2])


def _matched(
    corpus: Corpus, terms: TaskTerms, national: NationalIndex, sentences: set[str], curated: dict[str, set[str]]
) -> dict[str, SentenceLinks]:
    """The automatic links and curated pairs' scores of ``sentences``, matched anew."""
    scorer = crossrefs.build_scorer(corpus, sentences, national)
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for link in crossrefs.match(corpus, scorer, terms=terms):
        found[link.local].append(dataclasses.asdict(link))
    result = {}
    for sentence in sentences:
        pair_scores = {
            clause: scorer.score(clause, sentence) if clause in scorer.passages else 0.0
            for clause in sorted(curated[sentence])
        }
        result[sentence] = {"links": found[sentence], "scores": pair_scores}
    return result


def sentence_keys(corpus: Corpus, national_key: str) -> dict[str, str]:
    """Each Chongqing sentence to match → the fingerprint of everything its links depend on:
    the national side (``national_key``), the sentence, the sentences of its paragraph (its
    lead phrase, the paragraph's text) and its headings."""
    index = corpus.clause_index()
    children: dict[str, list[str]] = defaultdict(list)
    linked = corpus.linked_documents
    for clause in linked[1].clauses if linked else ():
        if clause.parent:
            children[clause.parent].append(_clause_line(clause))
    around: dict[str, str] = {}  # a parent → the fingerprint of its sentences and its headings, made once
    keys = {}
    for sentence in crossrefs.local_sentences(corpus):
        parent_id = sentence.parent or ""
        if parent_id not in around:  # not per sentence: a paragraph of n sentences would hash n² of them
            ancestors = []
            parent = sentence.parent
            while parent:
                ancestors.append(_clause_line(index[parent]))
                parent = index[parent].parent
            around[parent_id] = cache.fingerprint([*children[parent_id], "", *ancestors])
        keys[sentence.id] = cache.fingerprint([national_key, _clause_line(sentence), around[parent_id]])
    return keys


def _clause_line(clause: Clause) -> str:
    return f"{clause.id}\t{clause.parent}\t{clause.kind}\t{clause.text}"
