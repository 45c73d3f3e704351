"""Text similarity for cross-references: the passages compared and a character-bigram TF-IDF scorer.

- Every text is reduced to its CJK/Latin/digit runs (punctuation splits runs) and
  turned into character bigrams, weighted TF-IDF (sublinear tf, smoothed idf fitted
  on all national passages and Chongqing sentences together), L2-normalised.
- A pair's score is the geometric mean of (a) the cosine of the whole sentence
  with the whole national passage and (b) the best cosine between one phrase of
  each (phrases split at ，；：、 and brackets). (a) rewards sentences that copy a
  task as a whole; (b) rewards a sentence that copies one clause of a long task or
  merges two tasks. Requiring both keeps topic-only overlaps ("完善知识产权…体系")
  low.

The score is the "相似度" shown on pages and in ``crossrefs.json``; for 66号 tasks it
is one input of the classifier (``features``), for the other national documents it
is the whole decision (``crossrefs``). Scores are rounded to 3 places.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .. import patterns
from ..model import Clause, ClauseKind, Corpus

LOCAL_DOC = "yufufa-2016-25"
TASK_DOC = "guobanhan-2016-66"
OTHER_NATIONAL_DOCS = ("guofa-2016-86", "guobanfa-2016-106", "guozhifaguanzi-2015-59")
# Sections of the Chongqing text whose sentences are matched: 一、总体要求 (2 sentences of
# aims, kept so the 对照 pages cover the whole body), 二、主要任务, 三、保障措施.
LOCAL_SECTIONS = ("1", "2", "3")
MIN_PASSAGE_CHARS = 8  # shorter national sentences are headings like “1.加强组织领导。”
SCORE_DIGITS = 3


@dataclass(frozen=True, kw_only=True)
class Passage:
    """A clause as the matcher sees it: its id and the words that carry meaning."""

    clause: str
    text: str


def local_sentences(corpus: Corpus) -> tuple[Clause, ...]:
    """The Chongqing sentences to match, in text order."""
    return tuple(
        clause
        for clause in corpus.document(LOCAL_DOC).clauses
        if clause.kind is ClauseKind.SENTENCE and clause.id.split("/")[1].split("-")[0] in LOCAL_SECTIONS
    )


def task_passages(corpus: Corpus) -> tuple[Passage, ...]:
    """66号's numbered tasks: the item text without its number and agency parenthetical."""
    result = []
    for clause in corpus.document(TASK_DOC).clauses:
        if clause.kind is ClauseKind.ITEM and patterns.TASK_CLAUSE_RE.match(clause.id.split("/", 1)[1]):
            text = clause.text.removeprefix(clause.label)
            result.append(Passage(clause=clause.id, text=patterns.RESPONSIBILITY_RE.sub("", text)))
    return tuple(result)


def other_passages(corpus: Corpus) -> tuple[Passage, ...]:
    """Body sentences of the other national documents, numbering labels removed."""
    result = []
    for slug in OTHER_NATIONAL_DOCS:
        document = corpus.document(slug)
        by_id = {clause.id: clause for clause in document.clauses}
        for clause in document.clauses:
            parent = by_id.get(clause.parent or "")
            if clause.kind is not ClauseKind.SENTENCE or parent is None or parent.kind is ClauseKind.PREAMBLE:
                continue
            text = patterns.LEADING_LABEL_RE.sub("", clause.text)
            if len(_runs_text(text)) >= MIN_PASSAGE_CHARS:
                result.append(Passage(clause=clause.id, text=text))
    return tuple(result)


def _runs(text: str) -> list[str]:
    return [run for run in patterns.NON_WORD_RE.split(text) if run]


def _runs_text(text: str) -> str:
    return "".join(_runs(text))


def bigrams(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for run in _runs(text):
        counts.update(run[i : i + 2] for i in range(len(run) - 1))
    return counts


def phrases(text: str) -> list[str]:
    return [p for p in patterns.PHRASE_BREAK_RE.split(text) if len(_runs_text(p)) >= 4]


Vector = dict[str, float]


class TfIdf:
    """Character-bigram TF-IDF fitted on a fixed collection of texts."""

    def __init__(self, texts: Iterable[str]) -> None:
        document_frequency: Counter[str] = Counter()
        count = 0
        for text in texts:
            document_frequency.update(set(bigrams(text)))
            count += 1
        self.idf = {gram: math.log((count + 1) / (df + 1)) + 1 for gram, df in document_frequency.items()}

    def vector(self, text: str) -> Vector:
        weights = {gram: (1 + math.log(n)) * self.idf.get(gram, 1.0) for gram, n in bigrams(text).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {gram: w / norm for gram, w in weights.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(gram, 0.0) for gram, w in a.items())


class Scorer:
    """Scores any (national passage, Chongqing sentence) pair."""

    def __init__(self, national: Iterable[Passage], local: Iterable[Passage]) -> None:
        self.passages = {p.clause: p for p in (*national, *local)}
        self.model = TfIdf(p.text for p in self.passages.values())
        self._whole = {cid: self.model.vector(p.text) for cid, p in self.passages.items()}
        self._parts = {cid: [self.model.vector(x) for x in phrases(p.text)] for cid, p in self.passages.items()}

    def vector(self, clause: str) -> Vector:
        """The whole-passage TF-IDF vector of a known clause."""
        return self._whole[clause]

    def whole(self, national: str, local: str) -> float:
        """Cosine of the two whole passages: an upper bound of ``score`` squared."""
        return cosine(self._whole[national], self._whole[local])

    def score(self, national: str, local: str) -> float:
        whole = self.whole(national, local)
        part = max((cosine(a, b) for a in self._parts[national] for b in self._parts[local]), default=0.0)
        return round(math.sqrt(max(whole, 0.0) * part), SCORE_DIGITS)


def build_scorer(corpus: Corpus) -> Scorer:
    local = [Passage(clause=c.id, text=c.text) for c in local_sentences(corpus)]
    return Scorer((*task_passages(corpus), *other_passages(corpus)), local)
