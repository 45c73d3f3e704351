"""Precision and recall of the 66号 cross-references against hand-judged Chongqing sentences.

``python -m tests.eval_crossrefs`` (``make eval-crossrefs``) prints:

- grouped cross-validation: the judged sentences split by Chongqing paragraph
  (paragraph index mod k, so a lead phrase and its sentences stay together); the
  classifier is fitted and its decision threshold tuned (by an inner grouped
  cross-validation) on the other folds only, then scored on the held-out fold —
  no sentence is ever scored by a model that saw its label. Five folds, and the
  two odd/even halves;
- the full judged set with the shipped weights (``crossref_weights.json``),
  without and with curated entries;
- how far human readers agree: a second judge's labels of the same rows
  (``crossrefs_judged_second.tsv``, made without seeing the first's or the matcher's) against the
  first's, both against the set a third reader's decisions on their disputed pairs give
  (``crossrefs_adjudicated.tsv``), and the matcher's five-fold held-out figure on that set.

``make eval-crossrefs`` then prints ``eval_national_links``: the links to the other national documents
(86号, 106号, 59号) against two more readers' judgments.

``python -m tests.eval_crossrefs --fit`` re-derives ``crossref_weights.json`` from
the judged file (all sentences, decision tuned by five-fold inner cross-validation).

Pairs (sentence, task) are counted. Each excerpt is matched to the Chongqing sentence
clause that contains it (whitespace removed, both sides cleaned); the labels of
excerpts falling in the same sentence are merged. A judged excerpt that lies in no
sentence clause (the sub-section headings) keeps its pairs as misses, and so does one whose words
the text no longer holds (an edit since it was judged), which is named. A link whose
Chongqing side is not a judged sentence (a paragraph, say) counts against precision.
"""

from __future__ import annotations

import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from build_scripts.clean import clean_text
from build_scripts.errors import Collector
from build_scripts.link import classifier, decision, features
from build_scripts.link import crossrefs as matching
from build_scripts.link.stage import link_crossrefs
from build_scripts.link.terms import TaskTerms, load_task_terms
from build_scripts.model import ClauseKind, Corpus, CrossRef, natural
from build_scripts.pipeline import load_corpus

from . import crossref_fitting
from .helpers import SOURCE

JUDGED = Path(__file__).resolve().parent / "data" / "crossrefs_judged.tsv"
JUDGED_DOCUMENTS = ("guobanhan-2016-66", "yufufa-2016-25")  # the tasks and the local document of the judged set
TASK_PREFIX = f"{JUDGED_DOCUMENTS[0]}/t"


@dataclass(frozen=True)
class Judged:
    gold: dict[str, set[int]]  # sentence clause id → task numbers
    unplaced: int  # gold pairs of excerpts that lie in no sentence clause
    lost: tuple[Row, ...] = ()  # the rows among those whose excerpt the local text no longer holds (edited since)


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  (TP {self.tp}, FP {self.fp}, FN {self.fn})"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", clean_text(text))


def task_terms(corpus: Corpus) -> TaskTerms:
    """The curated task phrases of source_texts/; a problem in the file stops the evaluation."""
    errors = Collector()
    terms = load_task_terms(SOURCE, corpus, errors)
    errors.raise_if_any()
    return terms


Row = tuple[str, frozenset[int]]  # (excerpt, task numbers)


def judged_rows(path: Path = JUDGED) -> list[Row]:
    """The data rows of a judged file (``excerpt<TAB>task numbers`` or ``-``), in order."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        excerpt, labels = line.split("\t")
        rows.append((excerpt, frozenset() if labels.strip() == "-" else frozenset(int(n) for n in labels.split(","))))
    return rows


def read_judged(corpus: Corpus, path: Path = JUDGED) -> Judged:
    return place(corpus, judged_rows(path))


def place(corpus: Corpus, rows: list[Row]) -> Judged:
    """Each row's labels on the Chongqing sentence clause its excerpt lies in."""
    sentences = [(s.id, _squash(s.text)) for s in matching.local_sentences(corpus)]
    local = corpus.crossref_roles.local
    clauses = corpus.document(local).clauses if local else ()
    body = _squash("".join(c.text for c in clauses if c.kind is not ClauseKind.SENTENCE))  # the text, once
    gold: dict[str, set[int]] = {sid: set() for sid, _ in sentences}
    unplaced = 0
    lost: list[Row] = []
    for excerpt, tasks in rows:
        needle = _squash(excerpt)
        hits = [sid for sid, text in sentences if needle in text]
        if len(hits) == 1:
            gold[hits[0]] |= tasks
        else:
            unplaced += len(tasks)
            if needle not in body:
                lost.append((excerpt, tasks))
    return Judged(gold=gold, unplaced=unplaced, lost=tuple(lost))


def judged_line(judged: Judged) -> str:
    """The first line make eval-crossrefs prints: the judged pairs, and those on no one sentence (misses)."""
    lost = sum(len(tasks) for _, tasks in judged.lost)
    line = (
        f"judged sentences: {len(judged.gold)}; gold pairs: {sum(map(len, judged.gold.values()))} "
        f"(+{judged.unplaced - lost} on headings that are not sentence clauses"
    )
    if judged.lost:
        excerpts = "; ".join(excerpt for excerpt, _ in judged.lost)
        line += f", +{lost} of excerpts the text no longer holds, correct them in {JUDGED.name}: {excerpts}"
    return line + ", counted as misses in the full score)"


def score(links: list[tuple[str, str]], judged: Judged, sentences: set[str] | None = None) -> Score:
    """Score (local, national) links to 66号 tasks on the judged sentences (or a subset)."""
    wanted = set(judged.gold) if sentences is None else sentences
    predicted: dict[str, set[int]] = defaultdict(set)
    stray = 0
    for local, national in links:
        if not national.startswith(TASK_PREFIX):
            continue
        if local not in judged.gold:
            stray += 1  # a paragraph or an unjudged clause: wrong by definition
        elif local in wanted:
            predicted[local].add(int(national.removeprefix(TASK_PREFIX)))
    tp = fp = fn = 0
    for sid in wanted:
        gold, pred = judged.gold[sid], predicted.get(sid, set())
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    return Score(
        tp=tp, fp=fp + (stray if sentences is None else 0), fn=fn + (judged.unplaced if sentences is None else 0)
    )


# A second reader's judgment of the same rows, and a third reader's decision on each pair the two dispute.
SECOND = JUDGED.with_name("crossrefs_judged_second.tsv")
ADJUDICATED = JUDGED.with_name("crossrefs_adjudicated.tsv")


def adjudications(path: Path = ADJUDICATED) -> dict[tuple[int, int], tuple[str, bool]]:
    """(row, task) → (the row's excerpt, linked) for the pairs the two judges dispute."""
    decided = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row, excerpt, task, decision, _reason = line.split("\t", 4)
        if decision not in ("0", "1"):
            raise ValueError(f"{path.name}: expected a decision 0 or 1, found {decision!r} (row {row}, task {task})")
        decided[int(row), int(task)] = (excerpt, decision == "1")
    return decided


def adjudicated_rows(
    first: list[Row], second: list[Row], decided: dict[tuple[int, int], tuple[str, bool]]
) -> list[Row]:
    """The pairs both judges give, and the disputed ones decided as linked.

    ValueError unless both judged the same excerpts in the same order and exactly the disputed pairs
    are decided, each under its row's excerpt."""
    if [excerpt for excerpt, _ in first] != [excerpt for excerpt, _ in second]:
        raise ValueError("expected the two judges to judge the same excerpts in the same order")
    disputed = {(n, t) for n, ((_, a), (_, b)) in enumerate(zip(first, second, strict=True), 1) for t in a ^ b}
    if disputed != decided.keys():
        missing, extra = sorted(disputed - decided.keys()), sorted(decided.keys() - disputed)
        raise ValueError(
            f"expected a decision on each disputed (row, task) pair: missing {missing}, not disputed {extra}"
        )
    for (row, task), (excerpt, _) in decided.items():
        if excerpt != first[row - 1][0]:
            raise ValueError(f"row {row} (task {task}): expected the excerpt {first[row - 1][0]!r}, found {excerpt!r}")
    return [
        (excerpt, frozenset((a & b) | {t for t in a ^ b if decided[n, t][1]}))
        for n, ((excerpt, a), (_, b)) in enumerate(zip(first, second, strict=True), 1)
    ]


def row_score(gold: list[Row], other: list[Row]) -> Score:
    """``other``'s pairs against ``gold``'s, row by row (the heading rows included)."""
    pairs = list(zip(gold, other, strict=True))
    return Score(
        tp=sum(len(a & b) for (_, a), (_, b) in pairs),
        fp=sum(len(b - a) for (_, a), (_, b) in pairs),
        fn=sum(len(a - b) for (_, a), (_, b) in pairs),
    )


PairFeatures = features.PairFeatures
FOLDS = 5
INNER_FOLDS = 4
FIT_NOTE = "Fitted by `python -m tests.eval_crossrefs --fit` on tests/data/crossrefs_judged.tsv; do not edit by hand."


def folds(corpus: Corpus, k: int) -> list[set[str]]:
    """Sentences grouped by Chongqing paragraph: paragraph index (text order) mod k."""
    parents = list(dict.fromkeys(s.parent for s in matching.local_sentences(corpus)))
    result: list[set[str]] = [set() for _ in range(k)]
    for s in matching.local_sentences(corpus):
        result[parents.index(s.parent) % k].add(s.id)
    return result


def _label(judged: Judged, local: str, task: str) -> int:
    return int(int(task.removeprefix(TASK_PREFIX)) in judged.gold[local])


def fit_model(pairs: PairFeatures, judged: Judged, sentences: set[str]) -> classifier.Weights:
    """Coefficients fitted on these sentences' candidate pairs; decision left neutral."""
    keys = sorted(key for key in pairs if key[0] in sentences)
    return crossref_fitting.fit(features.FEATURES, [pairs[k] for k in keys], [_label(judged, *k) for k in keys])


def rank(pairs: PairFeatures, weights: classifier.Weights, sentences: set[str]) -> dict[str, decision.Ranked]:
    ranked: dict[str, decision.Ranked] = defaultdict(list)
    for (local, task), values in pairs.items():
        if local in sentences:
            ranked[local].append((round(weights.probability(values), matching.PROBABILITY_DIGITS), task))
    return {local: sorted(r, key=lambda x: (-x[0], natural(x[1]))) for local, r in ranked.items()}


def fit_and_tune(pairs: PairFeatures, judged: Judged, sentences: set[str], inner: list[set[str]]) -> classifier.Weights:
    """Fit on ``sentences``; tune the decision on out-of-fold probabilities of an inner grouped CV."""
    out_of_fold: dict[str, decision.Ranked] = {}
    for held in inner:
        held = held & sentences
        out_of_fold |= rank(pairs, fit_model(pairs, judged, sentences - held), held)

    def f1(links: dict[str, list[str]]) -> float:
        return score([(local, t) for local, ts in links.items() for t in ts], judged, sentences).f1

    threshold, floor = crossref_fitting.tune(out_of_fold, f1)
    return replace(fit_model(pairs, judged, sentences), threshold=threshold, relative_floor=floor)


def cross_validate(
    corpus: Corpus,
    pairs: PairFeatures,
    judged: Judged,
    outer: list[set[str]],
    verbose: bool = True,
    label: str = "",
    against: Judged | None = None,
) -> Score:
    """Pooled held-out score: each fold scored by a model fitted and tuned on the other folds only
    (scored against ``against``'s labels instead when given: another reader's of the same sentences)."""
    total = Score(0, 0, 0)
    inner = folds(corpus, INNER_FOLDS)
    for i, test in enumerate(outer, start=1):
        weights = fit_and_tune(pairs, judged, set(judged.gold) - test, inner)
        links = [
            (local, t)
            for local, r in rank(pairs, weights, test).items()
            for _, t in decision.select(r, weights.threshold, weights.relative_floor, weights.max_tasks)
        ]
        held_out = score(links, against or judged, test)
        total = Score(total.tp + held_out.tp, total.fp + held_out.fp, total.fn + held_out.fn)
        if verbose:
            print(
                f"  fold {i}: threshold {weights.threshold:.2f}, floor {weights.relative_floor:.1f} → held out: {held_out}"
            )
    if verbose:
        print(f"  pooled held-out: {total}")
    if label:
        print(f"{label}pooled held-out: {total}")
    return total


def fit_shipped(corpus: Corpus, pairs: PairFeatures, judged: Judged) -> classifier.Weights:
    """The weights to ship: fitted on every judged sentence, decision tuned by grouped inner CV."""
    return fit_and_tune(pairs, judged, set(judged.gold), folds(corpus, FOLDS))


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    corpus = load_corpus(SOURCE, Collector())
    judged = read_judged(corpus)
    scorer = matching.build_scorer(corpus)
    terms = task_terms(corpus)
    pairs = features.pair_features(corpus, scorer, terms)
    if "--fit" in args:
        weights = replace(fit_shipped(corpus, pairs, judged), judged=JUDGED_DOCUMENTS)
        crossref_fitting.dump_weights(weights, note=FIT_NOTE)
        print(f"wrote {classifier.WEIGHTS_PATH}")
        print("  " + "  ".join(f"{f} {c:+.2f}" for f, c in zip(weights.features, weights.coefficients, strict=True)))
    started = time.perf_counter()
    automatic = matching.match(corpus, terms=terms)
    matching_seconds = time.perf_counter() - started
    print(judged_line(judged))
    print(f"matching stage (scorer + features + all links): {matching_seconds:.2f} s")
    print(f"\n{FOLDS}-fold grouped cross-validation (fit and tune on the other folds, score the held-out one):")
    cross_validate(corpus, pairs, judged, folds(corpus, FOLDS))
    print("\ntwo-fold grouped cross-validation (odd / even paragraphs):")
    cross_validate(corpus, pairs, judged, folds(corpus, 2))
    weights = classifier.load_weights()
    print(f"\nshipped weights: threshold {weights.threshold}, floor {weights.relative_floor}, max {weights.max_tasks}")
    print(f"  full set, automatic only:     {score(links_of(automatic), judged)}")
    curated = link_crossrefs(SOURCE, corpus, Collector()).refs
    print(f"  full set, automatic+curated:  {score(links_of(curated), judged)}")
    first, second = judged_rows(JUDGED), judged_rows(SECOND)
    decided = adjudications()
    adjudicated = adjudicated_rows(first, second, decided)
    print(f"\nreaders against each other ({SECOND.name}: a second judge who saw no label above and no link):")
    print(f"  second judge against this set:          {row_score(first, second)}")
    print(f"  {len(decided)} disputed pairs decided by a third reader ({ADJUDICATED.name}); against the result:")
    print(f"    this set:                              {row_score(adjudicated, first)}")
    print(f"    second judge:                          {row_score(adjudicated, second)}")
    print(f"  the matcher, {FOLDS}-fold held-out, scored against the adjudicated set:")
    outer, by_adjudication = folds(corpus, FOLDS), place(corpus, adjudicated)
    cross_validate(
        corpus, pairs, judged, outer, verbose=False, label="    fitted on this set:      ", against=by_adjudication
    )
    cross_validate(corpus, pairs, by_adjudication, outer, verbose=False, label="    fitted on its own labels: ")


def links_of(refs: tuple[CrossRef, ...]) -> list[tuple[str, str]]:
    return [(r.local, r.national) for r in refs]


if __name__ == "__main__":
    main()
