"""The link stage: national clauses ↔ the Chongqing sentences alike in content (a pair says no more: a
national text dated after 25号 cannot be what it was made from).

Which documents take part is said in documents.yaml (``crossrefs``): the local one (渝府发)
is matched against the tasks one (66号) and the national ones (86号, 106号, 59号). Two matchers,
both evaluated in ``tests/eval_crossrefs.py``:

- **66号 tasks** (judged data exists): every candidate (sentence, task) pair gets
  the features of ``features`` (text similarity, rank among the sentence's
  candidates, heading context), ``classifier`` turns them into a probability with
  weights learned from the judged sentences (``crossref_weights.json``), and
  ``decision`` keeps the sentence's best tasks above the learned threshold.
- **the national documents' sentences** (86号/106号/59号; no judged data): linked only when the similarity
  score (``similarity``) is ≥ ``OTHER_THRESHOLD``, at most one per document per
  Chongqing sentence: these documents restate the same policy in many
  sentences, so only a near-copy is informative.

Every link carries the similarity score (shown as 相似度). Output is deterministic:
no randomness, fixed weights, scores rounded, sorted order.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Corpus, CrossRef, natural
from . import classifier, decision, features
from .similarity import (
    SCORE_DIGITS,
    Scorer,
    build_scorer,
    local_sentences,
    national_index,
)
from .terms import NO_TERMS, TaskTerms

__all__ = [
    "Scorer",
    "build_scorer",
    "local_sentences",
    "match",
    "national_index",
]

# Set by reading pairs by hand before any were judged (scores ≥ 0.45 were near-copies); two blind readers
# judged these links later (tests/eval_national_links.py): 0.45 keeps precision above 0.8 but reaches about
# one in ten of the (sentence, document) pairs a reader links, and no threshold or small model chosen on
# their labels did better held out.
OTHER_THRESHOLD = 0.45
# The local document and the national ones whose links those readers judged: the 对照 page states their
# figures only for this collection.
OTHER_JUDGED = ("yufufa-2016-25", frozenset({"guofa-2016-86", "guobanfa-2016-106", "guozhifaguanzi-2015-59"}))
PROBABILITY_DIGITS = 6


def task_probabilities(
    corpus: Corpus, scorer: Scorer, weights: classifier.Weights, terms: TaskTerms = NO_TERMS
) -> dict[str, decision.Ranked]:
    """For each Chongqing sentence, its candidate 66号 tasks with their probability, best first."""
    if weights.features != features.FEATURES:
        raise ValueError(
            f"{classifier.WEIGHTS_PATH.name} was fitted on features {weights.features}, the matcher computes "
            f"{features.FEATURES}; refit with `python -m tests.eval_crossrefs --fit`"
        )
    ranked: dict[str, decision.Ranked] = defaultdict(list)
    for (local, task), values in features.pair_features(corpus, scorer, terms).items():
        ranked[local].append((round(weights.probability(values), PROBABILITY_DIGITS), task))
    return {local: sorted(r, key=lambda x: (-x[0], natural(x[1]))) for local, r in ranked.items()}


def task_links(
    corpus: Corpus, scorer: Scorer, weights: classifier.Weights, terms: TaskTerms = NO_TERMS
) -> list[CrossRef]:
    """The automatic links to 66号 tasks."""
    return [
        CrossRef(national=task, local=local, score=scorer.score(task, local), method="auto")
        for local, ranked in task_probabilities(corpus, scorer, weights, terms).items()
        for _, task in decision.select(ranked, weights.threshold, weights.relative_floor, weights.max_tasks)
    ]


def other_links(corpus: Corpus, scorer: Scorer) -> list[CrossRef]:
    """The automatic links to the national documents' sentences: the best near-copy per document."""
    # score² ≤ whole-passage cosine, so pairs below this bound can never reach the threshold.
    bound = (OTHER_THRESHOLD - 0.5 * 10**-SCORE_DIGITS) ** 2
    others = scorer.others
    links = []
    for sentence in local_sentences(corpus):
        if not scorer.scores_sentence(sentence.id):
            continue
        near = [clause for clause in scorer.near(sentence.id, bound) if clause in others]
        for slug in corpus.crossref_roles.national:
            in_doc = sorted(
                ((scorer.score(clause, sentence.id), clause) for clause in near if clause.startswith(slug + "/")),
                key=lambda x: (-x[0], natural(x[1])),
            )
            if in_doc and in_doc[0][0] >= OTHER_THRESHOLD:
                score, national = in_doc[0]
                links.append(CrossRef(national=national, local=sentence.id, score=score, method="auto"))
    return links


def match(
    corpus: Corpus,
    scorer: Scorer | None = None,
    weights: classifier.Weights | None = None,
    terms: TaskTerms = NO_TERMS,
) -> tuple[CrossRef, ...]:
    """The automatic links, sorted by (national document, national clause, local sentence in text order)."""
    scorer = scorer or build_scorer(corpus)
    weights = weights or classifier.load_weights()
    links = task_links(corpus, scorer, weights, terms) + other_links(corpus, scorer)
    return tuple(sorted(links, key=sort_key))


def sort_key(ref: CrossRef) -> tuple[str, tuple[int | str, ...], tuple[int | str, ...]]:
    """By national document, national clause, then the local sentence in text order (s7 before s10)."""
    return (ref.national.split("/")[0], natural(ref.national), natural(ref.local))
