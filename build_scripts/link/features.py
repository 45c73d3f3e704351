"""Pair features for the 66号 task matcher: what the classifier sees of (sentence, task).

Text similarity alone (``crossrefs.Scorer``) misses paraphrases and links lead
phrases that only share a topic. A human judge also reads *context*: Chongqing's
paragraphs open with a lead phrase ("加强知识产权人才培养。") and its sub-sections
mirror the sub-section headings of 66号 ("（三）加强宣传引导"), so a sentence
under a lead that restates a 66号 heading is most likely a local form of one of
that heading's tasks — the one it resembles most. The features below put both
kinds of evidence side by side; ``classifier`` weighs them.

Two shapes were chosen by held-out evaluation (``tests/eval_crossrefs.py``): curated
phrase evidence enters as log(1 + hits), so a sentence copying a task's wording does not
swamp the other features, and counts phrases found with a word or two inserted (half
weight, ``terms``); and a lead phrase is evidence for the tasks of the heading it restates
only when that heading has one or two tasks (``lead_narrow``) — a lead restating a broad
heading ("完善知识产权管理体制", tasks 1–3) names a topic, not a measure. A former
``terms_ratio`` (hits ÷ the sentence's best hits) added nothing held-out once ``terms`` was
logged, and was dropped.

All features are functions of the texts only (never of the judged labels), so the
same numbers serve training, cross-validation and the build. Each feature is a
float; ``FEATURES`` fixes their order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .. import patterns
from ..model import Clause, ClauseKind, Corpus
from .similarity import (
    Scorer,
    Vector,
    bigrams,
    group_max,
    local_sentences,
    task_passages,
)
from .terms import NO_TERMS, TaskTerms

FEATURES = (
    "score",  # the Scorer's similarity (whole sentence × best phrase), as shown on pages
    "task_sentence",  # best cosine of the sentence with one sentence of the task
    "ratio_to_best",  # score ÷ the sentence's best task score: is this the sentence's own measure?
    "gap",  # score minus the best score of any other task (negative unless this task is first)
    "context",  # how much of the task's 66号 heading the paragraph's lead phrase or sub-section title covers
    "heading_share",  # 1 ÷ number of tasks under the task's 66号 heading: a heading of one task is one measure
    "context_share",  # context × heading_share: a lead restating a heading of one or two tasks names them
    "paragraph_ratio",  # cosine(whole Chongqing paragraph, task) ÷ the paragraph's best task
    "paragraph_first",  # 1 if the task is the paragraph's best task
    "is_lead",  # the sentence is a paragraph's short lead phrase ("完善知识产权交易机制。")
    "terms",  # log(1 + the task's curated phrases found in the sentence, exact or gapped), each 1 / tasks listing it
    "lead_narrow",  # is_lead × context when the task's heading has at most NARROW_HEADING tasks
)

# A paragraph's first sentence is a lead phrase when the paragraph has more
# sentences and the first has at most this many characters (CJK/Latin/digits).
LEAD_MAX_CHARS = 20
# Candidate tasks per sentence: the best CANDIDATES by score, plus every task whose
# heading matches the sentence's context at least CONTEXT_CANDIDATE, plus every task
# with an exact phrase hit (a gapped hit adds evidence to a candidate but does not make
# one: that is how it was evaluated). The others are far from any judged link (2 of 124
# judged pairs fall outside) and are not scored.
CANDIDATES = 12
CONTEXT_CANDIDATE = 0.35
# A lead phrase restating a 66号 heading of at most this many tasks names those tasks; one
# restating a broader heading names a topic, not a measure (``lead_narrow``).
NARROW_HEADING = 2


@dataclass(frozen=True, kw_only=True)
class TaskContext:
    """A 66号 task as the features see it: its sentences and its sub-section heading."""

    clause: str
    heading: str  # clause id of the 66号 sub-section the task sits under
    sentences: tuple[Vector, ...]


@dataclass(frozen=True, kw_only=True)
class SentenceContext:
    """A Chongqing sentence with the headings it is read under."""

    clause: str
    paragraph: str
    is_lead: bool
    headings: tuple[frozenset[str], ...]  # bigrams of the paragraph's lead phrase and sub-section title, when present


def task_contexts(corpus: Corpus, scorer: Scorer) -> tuple[TaskContext, ...]:
    """Every 66号 task with its heading and its sentences (agency parenthetical removed): their vectors
    come with the national index (``similarity.task_sentence_texts``)."""
    if corpus.linked_documents is None:
        return ()
    index = corpus.clause_index()
    return tuple(
        TaskContext(clause=p.clause, heading=index[p.clause].parent or "", sentences=scorer.task_sentences[p.clause])
        for p in task_passages(corpus)
    )


def sentence_contexts(corpus: Corpus, scorer: Scorer) -> tuple[SentenceContext, ...]:
    """Every Chongqing sentence to match, with its paragraph's lead phrase and sub-section title."""
    index = corpus.clause_index()
    by_paragraph: dict[str, list[Clause]] = defaultdict(list)
    for sentence in local_sentences(corpus):
        by_paragraph[sentence.parent or ""].append(sentence)
    result = []
    for paragraph, sentences in by_paragraph.items():
        lead = sentences[0]
        has_lead = len(sentences) > 1 and len(patterns.NON_WORD_RE.sub("", lead.text)) <= LEAD_MAX_CHARS
        headings = [frozenset(bigrams(lead.text))] if has_lead else []
        subsection = index.get(index[paragraph].parent or "") if paragraph in index else None
        if subsection is not None and subsection.kind is ClauseKind.SUBSECTION:
            headings.append(frozenset(bigrams(subsection.title)))
        for position, sentence in enumerate(sentences):
            result.append(
                SentenceContext(
                    clause=sentence.id,
                    paragraph=paragraph,
                    is_lead=has_lead and position == 0,
                    headings=tuple(headings),
                )
            )
    return tuple(result)


PairFeatures = dict[tuple[str, str], tuple[float, ...]]


def pair_features(corpus: Corpus, scorer: Scorer, terms: TaskTerms = NO_TERMS) -> PairFeatures:
    """Features of every candidate (Chongqing sentence, 66号 task) pair, keyed by (local, task), for
    the sentences the scorer was built for (``build_scorer``: all of them, or the ones to update)."""
    index = corpus.clause_index()
    tasks = task_contexts(corpus, scorer)
    if not tasks:
        return {}
    task_ids = [t.clause for t in tasks]
    by_heading: dict[str, list[str]] = defaultdict(list)
    for task in tasks:
        by_heading[task.heading].append(task.clause)
    heading_grams = {
        h: {g: scorer.model.idf.get(g, scorer.model.unseen) for g in bigrams(index[h].title)} for h in by_heading
    }
    sentences = [s for s in sentence_contexts(corpus, scorer) if scorer.scores_sentence(s.clause)]
    paragraphs = list(dict.fromkeys(s.paragraph for s in sentences))
    paragraph_dots = scorer.national_dots([scorer.model.vector(index[p].text) for p in paragraphs], task_ids)
    on_paragraphs = dict(zip(paragraphs, paragraph_dots.tolist(), strict=True))
    sentence_dots = scorer.task_sentence_index.dots([scorer.vector(s.clause) for s in sentences])
    best_task_sentence = group_max(sentence_dots, [len(t.sentences) for t in tasks], axis=1).tolist()
    contexts: dict[tuple[frozenset[str], ...], dict[str, float]] = {}
    result: PairFeatures = {}
    for sentence, task_sentence in zip(sentences, best_task_sentence, strict=True):
        scores = scorer.scores(task_ids, sentence.clause)
        ranked = sorted(scores, reverse=True)
        best, second = ranked[0], (ranked[1] if len(ranked) > 1 else 0.0)
        if sentence.headings not in contexts:  # the same for every sentence of a paragraph
            contexts[sentence.headings] = {
                h: max((_covered(g, heading_grams[h]) for g in sentence.headings), default=0.0) for h in by_heading
            }
        context = contexts[sentence.headings]
        on_paragraph = on_paragraphs[sentence.paragraph]
        paragraph_best = max(on_paragraph) or 1.0
        text = scorer.passages[sentence.clause].text
        found, evidence = terms.found_both(text)
        order = sorted(range(len(tasks)), key=lambda j: -scores[j])
        for rank, j in enumerate(order):
            task = tasks[j]
            if rank >= CANDIDATES and context[task.heading] < CONTEXT_CANDIDATE and task.clause not in found:
                continue
            score = scores[j]
            result[sentence.clause, task.clause] = (
                score,
                task_sentence[j],
                score / best if best else 0.0,
                score - (second if score == best else best),
                context[task.heading],
                1 / len(by_heading[task.heading]),
                context[task.heading] / len(by_heading[task.heading]),
                on_paragraph[j] / paragraph_best,
                1.0 if on_paragraph[j] >= paragraph_best else 0.0,
                1.0 if sentence.is_lead else 0.0,
                math.log1p(evidence.get(task.clause, 0.0)),
                context[task.heading] if sentence.is_lead and len(by_heading[task.heading]) <= NARROW_HEADING else 0.0,
            )
    return result


def _covered(grams: frozenset[str], heading: dict[str, float]) -> float:
    """The share of a 66号 heading's bigrams (weighted by idf) found in a Chongqing heading.

    A share, not a cosine: a lead phrase that restates a heading and adds words
    ("培育壮大知识产权密集型产业" for "培育知识产权密集型产业") still covers all of it.
    """
    total = sum(heading.values())
    return sum(w for g, w in heading.items() if g in grams) / total if total else 0.0
