"""Curated task phrases: ``source_texts/task_terms.yaml``.

Text similarity cannot see that “完善知识产权资助政策” carries out “运用财政资金引导…”:
the two share no wording. The phrases file lists, for each 国办函〔2016〕66号 task, the
specific phrases a local implementing measure uses for it (its own words and the usual
local paraphrases). ``features`` turns the phrases a Chongqing sentence contains into
evidence for the tasks that list them; the classifier weighs that evidence with the rest.

Local texts often widen a phrase with a word or two ("高层次人才" as "高层次创新创业人才",
"运营基金" as "运营投资基金"), so ``found(text, gapped=True)`` also counts a phrase of at least
GAP_MIN_CHARS characters whose characters occur in order within GAP_SLACK extra characters (in
one run of text, punctuation breaking runs), at GAP_WEIGHT of an exact hit. Measured by
``tests/eval_crossrefs.py`` (held-out): gapped hits raise recall at the same precision.

The file is curated data, like ``agencies.yaml``: each entry is validated and every problem
is a located error. Without the file the matcher works on text similarity alone.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import patterns
from ..errors import Collector, CurationError
from ..load import files
from ..load.curated import Fields, entries, shown_value
from ..model import Clause, Corpus
from .similarity import task_passages

FILE_NAME = "task_terms.yaml"
_KEYS = ("task", "task_quote", "terms")
MIN_CHARS, MAX_CHARS = 2, 10
# Gapped hits (``TaskTerms.found(gapped=True)``): phrases this long or longer, spread over at most
# GAP_SLACK more characters, count GAP_WEIGHT of an exact hit. Shorter phrases gapped match too loosely.
GAP_MIN_CHARS = 4
GAP_SLACK = 2
GAP_WEIGHT = 0.5
# Words too general to point at one task; a phrase may contain them, but not be one of them.
GENERIC = frozenset(
    [
        "知识产权",
        "专利",
        "商标",
        "版权",
        "保护",
        "加强",
        "完善",
        "建立",
        "健全",
        "推动",
        "机制",
        "体系",
        "制度",
        "工作",
        "管理",
        "服务",
        "创新",
        "企业",
    ]
)


@dataclass(frozen=True, kw_only=True)
class TaskTerms:
    """Task clause id → its phrases, and how many tasks list each phrase."""

    phrases: dict[str, tuple[str, ...]]
    tasks_listing: dict[str, int]

    def found(self, text: str, gapped: bool = False) -> dict[str, float]:
        """Task clause id → Σ 1/(tasks listing it) over the task's phrases found in ``text``.

        A phrase listed by one task is full evidence for it; a phrase three tasks share is a third.
        With ``gapped``, a phrase found only with a few characters inserted counts GAP_WEIGHT of that.
        """
        exact = self._exact_hits(text)
        return self._by_task((exact | self._gapped_hits(text, exact)) if gapped else exact)

    def found_both(self, text: str) -> tuple[dict[str, float], dict[str, float]]:
        """``(found(text), found(text, gapped=True))``, looking for the exact phrases once."""
        exact = self._exact_hits(text)
        return self._by_task(exact), self._by_task(exact | self._gapped_hits(text, exact))

    def _exact_hits(self, text: str) -> dict[str, float]:
        """The phrases ``text`` holds, each worth 1: the runs of MIN_CHARS..MAX_CHARS characters that are
        phrases, cut only where a phrase starts (its first MIN_CHARS characters, ``_openings``): at most
        places none does, and cutting every run there made most of the matcher's strings."""
        listing, openings = self.tasks_listing, self._openings
        hits: dict[str, float] = {}
        for run in _runs(text):
            for start in range(len(run) - MIN_CHARS + 1):
                if run[start : start + MIN_CHARS] in openings:
                    for end in range(start + MIN_CHARS, min(start + MAX_CHARS, len(run)) + 1):
                        if run[start:end] in listing:
                            hits[run[start:end]] = 1.0
        return hits

    def _gapped_hits(self, text: str, exact: dict[str, float]) -> dict[str, float]:
        """Phrases found only with a few characters inserted, each worth GAP_WEIGHT."""
        runs = _runs(text)
        characters = set("".join(runs))
        hits: dict[str, float] = {}
        for character in characters & self._gappable.keys():
            for phrase, needed in self._gappable[character]:
                if phrase not in exact and needed <= characters and _gapped_in(phrase, runs):
                    hits[phrase] = GAP_WEIGHT
        return hits

    def _by_task(self, hits: dict[str, float]) -> dict[str, float]:
        result: dict[str, float] = {}
        for phrase in sorted(hits):  # sorted: the same sums every run
            for task in self.listed_by[phrase]:
                result[task] = result.get(task, 0.0) + hits[phrase] / self.tasks_listing[phrase]
        return result

    def prepare(self) -> None:
        """Make the lookup tables ``found`` reads now (they are made when first needed): before the link stage
        forks, so that its two processes share them rather than each making them (2 ms)."""
        _ = self._gappable, self._openings, self.listed_by

    @functools.cached_property
    def _gappable(self) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
        """Phrases long enough for gapped hits, filed under their rarest character (the one the
        fewest phrases use): a text can only hold a phrase whose rarest character it has, so
        ``found`` looks at a few dozen phrases per sentence instead of all of them."""
        long = [phrase for phrase in self.tasks_listing if len(phrase) >= GAP_MIN_CHARS]
        uses = Counter(character for phrase in long for character in set(phrase))
        filed: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for phrase in sorted(long):
            rarest = min(phrase, key=lambda character: (uses[character], character))
            filed.setdefault(rarest, []).append((phrase, frozenset(phrase)))
        return {character: tuple(phrases) for character, phrases in filed.items()}

    @functools.cached_property
    def _openings(self) -> frozenset[str]:
        """The first MIN_CHARS characters of each phrase: where a text holds none, it holds no phrase."""
        return frozenset(phrase[:MIN_CHARS] for phrase in self.tasks_listing)

    @functools.cached_property
    def listed_by(self) -> dict[str, tuple[str, ...]]:
        """Phrase → the tasks that list it."""
        tasks: dict[str, list[str]] = {}
        for task, phrases in self.phrases.items():
            for phrase in phrases:
                tasks.setdefault(phrase, []).append(task)
        return {phrase: tuple(listed) for phrase, listed in tasks.items()}


NO_TERMS = TaskTerms(phrases={}, tasks_listing={})


def _runs(text: str) -> list[str]:
    """The runs of characters a phrase may hold (other characters break runs)."""
    return [run for run in patterns.TERM_BREAK_RE.split(text.replace("＋", "+")) if run]


def _gapped_in(phrase: str, runs: list[str]) -> bool:
    """Whether the phrase's characters occur in order within len(phrase) + GAP_SLACK characters of one run."""
    size = len(phrase)
    for run in runs:
        start = run.find(phrase[0])
        while start >= 0:
            matched, end = 1, min(len(run), start + size + GAP_SLACK)
            for character in run[start + 1 : end]:
                if character == phrase[matched]:
                    matched += 1
                    if matched == size:
                        return True
            start = run.find(phrase[0], start + 1)
    return False


def load_task_terms(source: Path, corpus: Corpus, errors: Collector) -> TaskTerms:
    path = source / FILE_NAME
    tasks = corpus.crossref_roles.tasks
    if files.absent(path):
        if tasks is not None and corpus.linked_documents is not None:  # deleted, every task's phrases dropped unsaid
            errors.add(CurationError(path, 1, 1, files.needed_by_links("the tasks' phrases", "tasks")))
        return NO_TERMS
    known = {p.clause for p in task_passages(corpus)}
    index = corpus.clause_index()
    phrases: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    listed = entries(path, "tasks", errors)
    # once entries quote their tasks, one that does not would go on lending its phrases to whatever task its
    # number names after a renumbering, unsaid (a new entry without its quote was accepted: session 41's note)
    quoting = any("task_quote" in entry for entry in listed)
    for entry in listed:
        f = Fields(path, entry, "a task's phrases", errors)
        if tasks is None:  # phrases for tasks no document has: said once, at the first entry
            f.fail("expected a document with crossrefs: tasks in documents.yaml, whose tasks these are, found none")
            return NO_TERMS
        f.unknown_keys(_KEYS)
        number = entry.get("task")
        task = f"{tasks}/t{number}"
        if not isinstance(number, int) or isinstance(number, bool) or task not in known:
            f.fail(
                f"expected 'task' to be the number of a task of {tasks} (1–{len(known)}), found {shown_value(number)}",
                key="task",
            )
            continue
        if f.repeated(lines, task, "task", f"task {number}", at="task"):
            continue
        # tasks are known by their number: after a renumbering, an entry not moved with its task would lend its
        # phrases to the next one unsaid (review of session 41); a few of the task's words catch that
        if quoting and "task_quote" not in entry:
            f.fail(
                f"expected a task_quote (a few of task {number}'s opening words), as the other entries give, found none",
                key="task",
            )
            continue
        holders = (index[c] for c in known)
        if not f.quote_holds("task_quote", index[task], holders, field="task", written=_task_number):
            continue
        phrases[task] = _phrases(f, number)
    listing = Counter(p for terms in phrases.values() for p in terms)
    return TaskTerms(phrases=phrases, tasks_listing=dict(listing))


def _task_number(task: Clause) -> str:
    """A task's number, as an entry's ``task:`` gives it."""
    return task.id.rsplit("/t", 1)[1]


def _phrases(f: Fields, number: int) -> tuple[str, ...]:
    """The entry's ``terms``: at least one phrase, each once, each refused where it stands when it is
    too short or long, holds punctuation (or is "+" alone) or is a general word."""
    if "terms" not in f.entry:  # the task would have no evidence, unsaid
        f.fail("expected a task's phrases to have 'terms', found none")
        return ()
    terms = tuple(term.replace("＋", "+") for term in f.some_strings("terms", "phrase"))
    seen: set[str] = set()
    for item, term in enumerate(terms):
        if not MIN_CHARS <= len(term) <= MAX_CHARS or not patterns.TERM_RE.match(term):
            found = f"expected a phrase of {MIN_CHARS}–{MAX_CHARS} characters without punctuation, found {term!r}"
            f.fail(found, key="terms", item=item)
        elif term in GENERIC:
            f.fail(
                f"expected a phrase specific to task {number}, found the general word {term!r}", key="terms", item=item
            )
        elif term in seen:
            f.fail(f"expected each phrase of a task once, found {term!r} again", key="terms", item=item)
        seen.add(term)
    return tuple(dict.fromkeys(t for t in terms if MIN_CHARS <= len(t) <= MAX_CHARS))
