"""Text similarity for cross-references: the passages compared and a character-bigram TF-IDF scorer.

- Every text is reduced to its CJK/Latin/digit runs (punctuation splits runs) and
  turned into character bigrams, weighted TF-IDF (sublinear tf, smoothed idf fitted
  on the national passages; a bigram they never use weighs as much as the rarest one),
  L2-normalised.
  As the idf does not depend on the Chongqing text, a Chongqing sentence's scores depend
  only on it and the national texts: editing one sentence changes no other sentence's
  scores, and the link stage (``stage``) reuses the links of every unchanged one.
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

import itertools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .. import patterns
from ..model import Clause, ClauseKind, Corpus

# Which documents are matched is said in documents.yaml (``crossrefs``: ``Corpus.crossref_roles``).
# The local document's sentences under its numbered sections are matched: for 渝府发 一、总体要求
# (2 sentences of aims, kept so the 对照 pages cover the whole body), 二、主要任务, 三、保障措施;
# not the opening paragraph before them, which says why the document was issued.
MIN_PASSAGE_CHARS = 8  # shorter national sentences are headings like “1.加强组织领导。”
SCORE_DIGITS = 3


@dataclass(frozen=True, kw_only=True)
class Passage:
    """A clause as the matcher sees it: its id and the words that carry meaning."""

    clause: str
    text: str


def local_sentences(corpus: Corpus) -> tuple[Clause, ...]:
    """The local (Chongqing) sentences to match, in text order: those under a numbered section."""
    local = corpus.crossref_roles.local
    if local is None:
        return ()
    return tuple(
        clause
        for clause in corpus.document(local).clauses
        if clause.kind is ClauseKind.SENTENCE and clause.id.split("/")[1].split("-")[0].isdigit()
    )


def task_passages(corpus: Corpus) -> tuple[Passage, ...]:
    """The tasks document's (66号's) numbered tasks: the item text without its number and agency parenthetical."""
    tasks = corpus.crossref_roles.tasks
    if tasks is None:
        return ()
    result = []
    for clause in corpus.document(tasks).clauses:
        if clause.kind is ClauseKind.ITEM and patterns.TASK_CLAUSE_RE.match(clause.id.split("/", 1)[1]):
            text = clause.text.removeprefix(clause.label)
            result.append(Passage(clause=clause.id, text=patterns.RESPONSIBILITY_RE.sub("", text)))
    return tuple(result)


def task_sentence_texts(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    """Each numbered task of the tasks document (``task_passages``, in their order) → the texts of its sentences,
    number and agency parenthetical removed, those with words left; none without a local document to match."""
    linked = corpus.linked_documents
    if linked is None:
        return {}
    sentences: dict[str, list[str]] = defaultdict(list)
    for clause in linked[0].clauses:
        if clause.kind is ClauseKind.SENTENCE and clause.parent:
            text = patterns.RESPONSIBILITY_RE.sub("", patterns.LEADING_LABEL_RE.sub("", clause.text))
            if patterns.NON_WORD_RE.sub("", text):
                sentences[clause.parent].append(text)
    return {p.clause: tuple(sentences[p.clause]) for p in task_passages(corpus)}


def other_passages(corpus: Corpus) -> tuple[Passage, ...]:
    """Body sentences of the national documents (``crossrefs: national``), numbering labels removed."""
    result = []
    for slug in corpus.crossref_roles.national:
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
        counts.update(map(str.__add__, run, run[1:]))  # run[i] + run[i + 1], at C speed
    return counts


def phrases(text: str) -> list[str]:
    return [p for p in patterns.PHRASE_BREAK_RE.split(text) if len(_runs_text(p)) >= 4]


Vector = dict[str, float]


_SUBLINEAR = tuple(1 + math.log(n) if n else 0.0 for n in range(64))


def _sublinear(n: int) -> float:
    """Sublinear term frequency ``1 + log n`` (looked up for the counts bigrams have)."""
    return _SUBLINEAR[n] if n < len(_SUBLINEAR) else 1 + math.log(n)


class TfIdf:
    """Character-bigram TF-IDF fitted on a fixed collection of texts."""

    def __init__(self, texts: Iterable[str]) -> None:
        document_frequency: Counter[str] = Counter()
        self._counts: dict[str, Counter[str]] = {}  # the fitted texts' bigrams, reused by ``vector``
        count = 0  # texts, repeated ones included
        for text in texts:
            if text not in self._counts:
                self._counts[text] = bigrams(text)
            document_frequency.update(self._counts[text].keys())
            count += 1
        self.idf = {gram: math.log((count + 1) / (df + 1)) + 1 for gram, df in document_frequency.items()}
        self.unseen = math.log(count + 1) + 1

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the fitted texts' bigrams: ``vector`` only reuses them to save time."""
        return {"idf": self.idf, "unseen": self.unseen, "_counts": {}}

    def vector(self, text: str) -> Vector:
        counts = self._counts.get(text) or bigrams(text)
        idf = self.idf.get
        # the same arithmetic as {g: (1 + log n) · idf / ‖·‖}, with the loops in C (map) where possible
        weights = list(
            map(operator.mul, map(_sublinear, counts.values()), map(idf, counts, itertools.repeat(self.unseen)))
        )
        norm = math.sqrt(sum(map(operator.mul, weights, weights))) or 1.0
        return dict(zip(counts, map(norm.__rtruediv__, weights), strict=True))


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(gram, 0.0) for gram, w in a.items())


# The postings one batch of ``SparseRows.dots`` gathers at most: some 12 MB of working arrays.
DOTS_POSTINGS = 1 << 18


class SparseRows:
    """Sparse vectors stored column by column (bigram → rows), for many dot products at once.

    ``dots(queries)`` is the matrix product queries × rowsᵀ done by numpy: each query
    bigram's postings are gathered and summed with ``bincount``. The same product in
    Python dicts cost most of the link stage (one dict lookup per shared bigram and pair).
    """

    def __init__(self, vectors: Iterable[Vector]) -> None:
        self.column: dict[str, int] = {}  # bigram → column number, in order of first appearance
        column = self.column.setdefault
        ids: list[int] = []
        weights: list[float] = []
        rows: list[int] = []
        count = 0
        for row, vector in enumerate(vectors):
            count += 1
            ids += [column(gram, len(self.column)) for gram in vector]
            weights += vector.values()
            rows += itertools.repeat(row, len(vector))
        self.size = count
        # postings sorted by column, each column's in row order (a stable sort keeps it)
        id_array = np.array(ids, dtype=np.int64)
        order = np.argsort(id_array, kind="stable")
        self._starts = np.zeros(len(self.column) + 1, dtype=np.int64)
        np.cumsum(np.bincount(id_array, minlength=len(self.column)), out=self._starts[1:])
        self._rows = np.array(rows, dtype=np.int64)[order]
        self._weights = np.array(weights, dtype=np.float64)[order]
        self._lengths: list[int] = np.diff(self._starts).tolist()  # each column's number of postings

    def dots(self, queries: Sequence[Vector]) -> np.ndarray:
        """``result[q, r]`` = dot(queries[q], row r); 0 where they share no bigram. Computed for a batch of
        queries at a time, of at most ``DOTS_POSTINGS`` postings (or one query): gathered all at once, the
        postings of a long text's sentences took some 50 KB of working arrays per sentence (GBs)."""
        result = np.zeros((len(queries), self.size))
        first, held = 0, 0
        for number, query in enumerate(queries):
            postings = sum(self._lengths[c] for gram in query if (c := self.column.get(gram)) is not None)
            if held and held + postings > DOTS_POSTINGS:
                result[first:number] = self._dots(queries[first:number])
                first, held = number, 0
            held += postings
        result[first:] = self._dots(queries[first:])
        return result

    def _dots(self, queries: Sequence[Vector]) -> np.ndarray:
        query_ids, columns, weights = [], [], []
        for number, query in enumerate(queries):
            for gram, weight in query.items():
                column = self.column.get(gram)
                if column is not None:
                    query_ids.append(number)
                    columns.append(column)
                    weights.append(weight)
        columns_array = np.array(columns, dtype=np.int64)
        starts = self._starts[columns_array]
        lengths = self._starts[columns_array + 1] - starts
        # positions of every posting of every query bigram, in one flat array
        offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        positions = np.arange(int(lengths.sum()), dtype=np.int64) + offsets
        query_of = np.repeat(np.array(query_ids, dtype=np.int64), lengths)
        products = np.repeat(np.array(weights, dtype=np.float64), lengths) * self._weights[positions]
        cells = query_of * self.size + self._rows[positions]
        return np.bincount(cells, weights=products, minlength=len(queries) * self.size).reshape(len(queries), self.size)


def group_max(matrix: np.ndarray, groups: Sequence[int], axis: int) -> np.ndarray:
    """Maxima over consecutive groups of rows (axis 0) or columns (axis 1) of the given sizes; 0 for an empty group."""
    sizes = np.array(groups, dtype=np.int64)
    shape = list(matrix.shape)
    shape[axis] = len(sizes)
    result = np.zeros(shape)
    filled = sizes > 0
    if filled.any():
        # reduceat over the non-empty groups only: their starts rise strictly and the last one runs to
        # the end (an empty group's start would cut the group before it short)
        starts = (np.cumsum(sizes) - sizes)[filled]
        index: list[slice | np.ndarray] = [slice(None), slice(None)]
        index[axis] = filled
        result[tuple(index)] = np.maximum.reduceat(matrix, starts, axis=axis)
    return np.maximum(result, 0.0)


class NationalIndex:
    """The national side of every ``Scorer``: the model fitted on the national passages, their
    vectors, and the sparse matrices that Chongqing sentences are multiplied with.

    It depends on the national texts only, so the link stage keeps it in .cache/ and a rebuild
    after a Chongqing edit does not fit and index the national texts again (about half the work
    of matching one paragraph).
    """

    def __init__(
        self,
        national: Iterable[Passage],
        *,
        ranked: Iterable[str] = (),
        others: Iterable[str] = (),
        task_sentences: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """``ranked``: national clauses every Chongqing sentence is scored against (phrase-indexed);
        the phrase score of any other national clause is computed pair by pair, on demand. ``others``: the
        clauses of the national documents' sentences (``other_passages``). ``task_sentences``: each task →
        the texts of its sentences (``task_sentence_texts``), whose vectors the task features read."""
        self.passages = tuple(national)
        self.others = frozenset(others)
        self.model = TfIdf(p.text for p in self.passages)
        self.whole = {p.clause: self.model.vector(p.text) for p in self.passages}
        self.column = {p.clause: column for column, p in enumerate(self.passages)}
        self.ranked = {clause: column for column, clause in enumerate(sorted(set(ranked)))}
        self.index = SparseRows(self.whole[p.clause] for p in self.passages)
        text = {p.clause: p.text for p in self.passages}
        self.ranked_parts = [[self.model.vector(x) for x in phrases(text[clause])] for clause in self.ranked]
        self.parts_index = SparseRows(v for parts in self.ranked_parts for v in parts)
        # made here once, not by each process that matches a share of the Chongqing sentences, and kept with the rest
        self.task_sentences = {
            task: tuple(self.model.vector(x) for x in texts) for task, texts in (task_sentences or {}).items()
        }
        self.task_sentence_index = SparseRows(v for vectors in self.task_sentences.values() for v in vectors)


class Scorer:
    """Scores any (national passage, Chongqing sentence) pair.

    At construction every Chongqing sentence is compared with every national passage
    (whole-passage cosines) and with the phrases of the ranked passages (best phrase
    cosines), each in one sparse matrix product against the ``NationalIndex``; ``score``
    then only looks up.
    """

    def __init__(self, national: NationalIndex, local: Iterable[Passage]) -> None:
        local = tuple(local)
        self.passages = {p.clause: p for p in (*national.passages, *local)}
        self.model = national.model
        self._whole = {**national.whole, **{p.clause: self.model.vector(p.text) for p in local}}
        # phrase vectors, made when first needed (the ranked passages' come with the index)
        self._part_cache: dict[str, list[Vector]] = dict(zip(national.ranked, national.ranked_parts, strict=True))
        self._column_cache: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}
        self._national = national.column
        self._national_ids = [p.clause for p in national.passages]
        self._local = {p.clause: row for row, p in enumerate(local)}
        self._ranked = national.ranked
        self.national_index = national.index
        self.others = national.others
        self.task_sentences = national.task_sentences
        self.task_sentence_index = national.task_sentence_index
        self._whole_dots = self.national_index.dots([self._whole[p.clause] for p in local])
        local_parts = [self._parts(p.clause) for p in local]
        phrase_dots = national.parts_index.dots([v for parts in local_parts for v in parts])
        by_sentence = group_max(phrase_dots, [len(parts) for parts in local_parts], axis=0)
        self._part_best = group_max(by_sentence, [len(parts) for parts in national.ranked_parts], axis=1)

    def _parts(self, clause: str) -> list[Vector]:
        """The TF-IDF vectors of a passage's phrases (most national sentences never need them)."""
        if clause not in self._part_cache:
            self._part_cache[clause] = [self.model.vector(x) for x in phrases(self.passages[clause].text)]
        return self._part_cache[clause]

    def scores_sentence(self, clause: str) -> bool:
        """Whether ``clause`` is one of the Chongqing sentences this scorer was built for."""
        return clause in self._local

    def vector(self, clause: str) -> Vector:
        """The whole-passage TF-IDF vector of a known clause."""
        return self._whole[clause]

    def whole(self, national: str, local: str) -> float:
        """Cosine of the two whole passages: an upper bound of ``score`` squared."""
        column, row = self._national.get(national), self._local.get(local)
        if column is None or row is None:
            return cosine(self._whole[national], self._whole[local])
        return float(self._whole_dots[row, column])

    def near(self, local: str, bound: float) -> list[str]:
        """National clauses whose whole-passage cosine with ``local`` is at least ``bound``."""
        columns = np.flatnonzero(self._whole_dots[self._local[local]] >= bound)
        return [self._national_ids[column] for column in columns]

    def national_dots(self, vectors: Sequence[Vector], nationals: Sequence[str]) -> np.ndarray:
        """``result[i, j]`` = dot(vectors[i], whole vector of nationals[j]), in one sparse product."""
        columns = [self._national[clause] for clause in nationals]
        return self.national_index.dots(vectors)[:, columns]

    def scores(self, nationals: Sequence[str], local: str) -> list[float]:
        """``score(n, local)`` for every ranked national clause ``n``, computed as one row."""
        row = self._local[local]
        whole_columns, part_columns = self._columns(tuple(nationals))
        whole = self._whole_dots[row, whole_columns]
        part = self._part_best[row, part_columns]
        products = np.sqrt(np.maximum(whole, 0.0) * part).tolist()
        return list(map(round, products, itertools.repeat(SCORE_DIGITS)))

    def _columns(self, nationals: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """The columns of ``nationals`` in the whole-passage and phrase matrices (asked for once per sentence)."""
        if nationals not in self._column_cache:
            self._column_cache[nationals] = (
                np.array([self._national[clause] for clause in nationals], dtype=np.int64),
                np.array([self._ranked[clause] for clause in nationals], dtype=np.int64),
            )
        return self._column_cache[nationals]

    def score(self, national: str, local: str) -> float:
        whole = self.whole(national, local)
        column, row = self._ranked.get(national), self._local.get(local)
        if column is not None and row is not None:
            part = float(self._part_best[row, column])
        else:
            part = max((cosine(a, b) for a in self._parts(national) for b in self._parts(local)), default=0.0)
        return round(math.sqrt(max(whole, 0.0) * part), SCORE_DIGITS)


def national_index(corpus: Corpus) -> NationalIndex:
    """The 66号 tasks (phrase-indexed) and the sentences of the other national documents."""
    tasks, others = task_passages(corpus), other_passages(corpus)
    return NationalIndex(
        (*tasks, *others),
        ranked=(p.clause for p in tasks),
        others=(p.clause for p in others),
        task_sentences=task_sentence_texts(corpus),
    )


def build_scorer(
    corpus: Corpus, sentences: Collection[str] | None = None, national: NationalIndex | None = None
) -> Scorer:
    """The scorer of every Chongqing sentence to match, or of those in ``sentences``; ``national``:
    the corpus's ``national_index``, when the caller has it already."""
    local = [
        Passage(clause=c.id, text=c.text) for c in local_sentences(corpus) if sentences is None or c.id in sentences
    ]
    return Scorer(national or national_index(corpus), local)
