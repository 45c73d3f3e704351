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
    present = {document.slug for document in corpus.documents}
    for slug in OTHER_NATIONAL_DOCS:
        if slug not in present:
            continue  # a collection without this document has nothing of it to link
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


class _InvertedIndex:
    """Sparse vectors indexed by bigram, so one query scores against all of them in one pass."""

    def __init__(self, vectors: Iterable[tuple[str, Vector]]) -> None:
        self.owners: list[str] = []  # vector number → owner (an owner may have several vectors)
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for number, (owner, vector) in enumerate(vectors):
            self.owners.append(owner)
            for gram, weight in vector.items():
                self.postings.setdefault(gram, []).append((number, weight))

    def _totals(self, query: Vector) -> dict[int, float]:
        totals: dict[int, float] = {}
        get = totals.get
        for gram, weight in query.items():
            for number, other in self.postings.get(gram, ()):
                totals[number] = get(number, 0.0) + weight * other
        return totals

    def dots(self, query: Vector) -> dict[str, float]:
        """``owner → largest dot(query, vector)`` over the owner's vectors that share a bigram with it."""
        result: dict[str, float] = {}
        owners = self.owners
        for number, value in self._totals(query).items():
            owner = owners[number]
            if value > result.get(owner, float("-inf")):
                result[owner] = value
        return result

    def best(self, queries: Iterable[Vector]) -> dict[str, float]:
        """``owner → max over queries and over the owner's vectors of their dot product``."""
        result: dict[str, float] = {}
        for query in queries:
            for owner, value in self.dots(query).items():
                if value > result.get(owner, 0.0):
                    result[owner] = value
        return result


class Scorer:
    """Scores any (national passage, Chongqing sentence) pair.

    All national passages are indexed once; the first score asked for a Chongqing sentence
    computes its scores against every national passage in one pass over the index, so the
    link stage costs a few sparse passes instead of one cosine per pair.
    """

    def __init__(self, national: Iterable[Passage], local: Iterable[Passage], *, ranked: Iterable[str] = ()) -> None:
        """``ranked``: national clauses every Chongqing sentence is scored against (phrase-indexed);
        the phrase score of any other national clause is computed pair by pair, on demand."""
        national = tuple(national)
        ranked = set(ranked)
        self.passages = {p.clause: p for p in (*national, *local)}
        self.model = TfIdf(p.text for p in self.passages.values())
        self._whole = {cid: self.model.vector(p.text) for cid, p in self.passages.items()}
        self._part_cache: dict[str, list[Vector]] = {}  # phrase vectors, made when first needed
        self._national = {p.clause for p in national}
        self._whole_index = _InvertedIndex((p.clause, self._whole[p.clause]) for p in national)
        self._ranked = ranked
        self._part_index = _InvertedIndex((cid, v) for cid in sorted(ranked) for v in self._parts(cid))
        self._whole_dots: dict[str, dict[str, float]] = {}
        self._part_best: dict[str, dict[str, float]] = {}

    def _parts(self, clause: str) -> list[Vector]:
        """The TF-IDF vectors of a passage's phrases (most national sentences never need them)."""
        if clause not in self._part_cache:
            self._part_cache[clause] = [self.model.vector(x) for x in phrases(self.passages[clause].text)]
        return self._part_cache[clause]

    def vector(self, clause: str) -> Vector:
        """The whole-passage TF-IDF vector of a known clause."""
        return self._whole[clause]

    def whole(self, national: str, local: str) -> float:
        """Cosine of the two whole passages: an upper bound of ``score`` squared."""
        if national not in self._national:
            return cosine(self._whole[national], self._whole[local])
        if local not in self._whole_dots:
            self._whole_dots[local] = self._whole_index.dots(self._whole[local])
        return self._whole_dots[local].get(national, 0.0)

    def near(self, local: str, bound: float) -> list[str]:
        """National clauses whose whole-passage cosine with ``local`` is at least ``bound``."""
        self.whole(next(iter(self._national)), local)  # fills the cache for this sentence
        return [national for national, value in self._whole_dots[local].items() if value >= bound]

    def score(self, national: str, local: str) -> float:
        whole = self.whole(national, local)
        if national in self._ranked:
            if local not in self._part_best:
                self._part_best[local] = self._part_index.best(self._parts(local))
            part = self._part_best[local].get(national, 0.0)
        else:
            part = max((cosine(a, b) for a in self._parts(national) for b in self._parts(local)), default=0.0)
        return round(math.sqrt(max(whole, 0.0) * part), SCORE_DIGITS)


def build_scorer(corpus: Corpus) -> Scorer:
    local = [Passage(clause=c.id, text=c.text) for c in local_sentences(corpus)]
    tasks = task_passages(corpus)
    return Scorer((*tasks, *other_passages(corpus)), local, ranked=(p.clause for p in tasks))
