"""Staff decisions on cross-references: ``source_texts/crossrefs.yaml``.

Each entry names a pair by clause ids and a decision:

- ``confirm``: keep the link (added if the matcher missed it), marked method "curated";
- ``reject``: drop the link wherever it came from;
- ``add``: a link the matcher cannot see (a paraphrase), marked method "curated".

Curated decisions override automatic ones. Every problem is a located error. The link stage
(``stage.py``) loads them and lays them over the links it matches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import patterns
from ..errors import Collector, CurationError
from ..extract.tasks import role_sentences
from ..load import files
from ..load.curated import Fields, entries, gone_hint, nearest_hint
from ..model import Clause, ClauseKind, Corpus, CrossRef, clause_anchor, id_prefixes, natural
from . import crossrefs, similarity

FILE_NAME = "crossrefs.yaml"
DECISIONS = ("confirm", "reject", "add")
_KEYS = ("national", "local", "decision", "remark", "national_quote", "local_quote")


@dataclass(frozen=True, kw_only=True)
class Decision:
    national: str
    local: str
    decision: str
    remark: str
    line: int
    column: int = 1


def load_decisions(
    source: Path, corpus: Corpus, errors: Collector, *, moved: Mapping[str, str | None] | None = None
) -> tuple[Decision, ...]:
    """The decisions of crossrefs.yaml, each problem a located error (``moved``: the ids redirects.yaml
    lists → where it sends them, named in the message about a decision on a removed clause)."""
    path = source / FILE_NAME
    moved = moved or {}
    if files.absent(path):
        if corpus.linked_documents is not None:  # deleted, the decisions would be dropped without a word
            errors.add(
                CurationError(path, 1, 1, files.needed_by_links("the curated decisions on the links", "crossrefs"))
            )
        return ()
    index = corpus.clause_index()
    roles = corpus.crossref_roles
    national_docs = {*([roles.tasks] if roles.tasks else []), *roles.national}
    local_ids = {clause.id for clause in crossrefs.local_sentences(corpus)}
    tasks = frozenset(passage.clause for passage in similarity.task_passages(corpus))
    roles_only = frozenset(role_sentences(corpus))  # the tasks' responsibility parentheticals
    result: list[Decision] = []
    seen: dict[tuple[str, str], int] = {}
    decided: dict[tuple[str, str], Decision] = {}  # each pair's first decision
    linked: dict[str, list[Decision]] = defaultdict(list)  # Chongqing sentence → the decisions linking it

    def allowed(clause: Clause, side: str) -> bool:
        """Whether an entry's ``side`` (national or local) may name ``clause``."""
        if side == "local":
            return clause.id in local_ids
        return not _national_problem(clause.id, index, national_docs, roles.local, moved, tasks, roles_only)

    for entry in entries(path, "crossrefs", errors):
        f = Fields(path, entry, "a cross-reference decision", errors)
        if corpus.linked_documents is None:  # nothing is matched, so no decision applies: said once, at the first
            f.fail(
                "expected documents with crossrefs: tasks and crossrefs: local in documents.yaml, whose links "
                f"these decisions are on, found {'no tasks document' if roles.tasks is None else 'no local document'}"
            )
            return ()
        f.unknown_keys(_KEYS)
        national, local = f.text("national", meaning="a clause id"), f.text("local", meaning="a clause id")
        decision = f.text("decision")
        remark = f.text("remark", required=False) or ""
        if national is not None:
            problem = _national_problem(national, index, national_docs, roles.local, moved, tasks, roles_only)
            if problem:
                f.fail(problem, key="national")
                national = None
        if local is not None and local not in local_ids:
            f.fail(_local_problem(local, index, local_ids, roles.local, national_docs, moved), key="local")
            local = None
        for side, clause_id in (("national", national), ("local", local)):
            clause = index[clause_id] if clause_id is not None else None
            if clause is None:
                continue
            # a clause named as holding the quote now is one the entry may name (a preamble sentence is no measure)
            holders = (c for c in corpus.document(clause.doc).clauses if allowed(c, side))  # read on failure only
            if not f.quote_holds(f"{side}_quote", clause, holders, field=side):
                if side == "national":
                    national = None
                else:
                    local = None
        if decision is not None and decision not in DECISIONS:
            f.fail(f"expected decision to be one of {', '.join(DECISIONS)}, found {decision!r}", key="decision")
            decision = None
        if national is None or local is None or decision is None:
            continue
        earlier = decided.get((national, local))
        if earlier is not None and earlier.decision != decision:
            f.fail(
                f"expected one decision on each pair, found {decision} of {national} ↔ {local} here and "
                f"{earlier.decision} at line {earlier.line}: keep the entry that holds, remove the other"
            )
            continue
        if f.repeated(seen, (national, local), "pair", f"{national} ↔ {local}"):
            continue
        overlapping = next((d for d in linked[local] if _overlap(d.national, national, tasks)), None)
        if decision != "reject" and overlapping is not None:  # the sentence would be shown twice on a page
            f.fail(_overlap_problem(national, local, overlapping, tasks))
            continue
        decided[national, local] = Decision(
            national=national, local=local, decision=decision, remark=remark, line=f.line, column=f.column
        )
        if decision != "reject":
            linked[local].append(decided[national, local])
        result.append(decided[national, local])
    return tuple(result)


def _national_problem(
    clause_id: str,
    index: Mapping[str, Clause],
    national_docs: set[str],
    local_doc: str | None,
    moved: Mapping[str, str | None],
    tasks: frozenset[str],
    roles_only: frozenset[str],
) -> str:
    """What is wrong with ``clause_id`` as the national side of a decision ("" when nothing is): it must be
    a sentence or a clause with sentences of its own (a task, an item, a paragraph, a heading followed by its
    sentences), where its document page shows the ⇄ back to the comparison; a heading over other headings
    only, a 专栏 title or a table row has none. Nor may it be a line of the covering notice or one of its
    sentences (``similarity.other_passages`` leaves them out too), or a 66号 task's responsibility parenthetical
    (``roles_only``: their ids, ``extract.tasks.role_sentences``)."""
    expected = f"expected a clause id of a national document ({', '.join(sorted(national_docs)) or 'none'})"
    clause = index.get(clause_id)
    if clause is None:
        hint = (
            gone_hint(clause_id, index, moved)
            or _comparison_hint(clause_id, index, local_doc)
            or nearest_hint(clause_id, index)
        )
        return f"{expected}, found {clause_id!r}, which no document has{hint}"
    if clause.doc == local_doc:
        return f"{expected}, found {clause_id!r}, a clause of the local document: give it as local"
    if clause.doc not in national_docs:
        return f"{expected}, found {clause_id!r}, a clause of {clause.doc}, which takes no part in the cross-references"
    if clause.kind is ClauseKind.PREAMBLE:
        return f"{expected}, found {clause_id!r}, a line of its covering notice, not of its measures"
    if clause.parent is not None and index[clause.parent].kind is ClauseKind.PREAMBLE:  # nor does the matcher link it
        return f"{expected}, found {clause_id!r}, a sentence of its covering notice, not of its measures"
    if clause.kind is ClauseKind.SENTENCE:
        task = clause.parent if clause.parent in tasks else None
        if task is not None and clause_id in roles_only:
            return (
                f"expected a national measure, found {clause_id!r}, the agencies in charge of {task}: "
                f"name the task, {task}"
            )
        return ""
    if any(c.kind is ClauseKind.SENTENCE and c.parent == clause_id for c in index.values()):
        return ""
    expected = "expected a national sentence or a clause with sentences of its own"
    kind = clause.kind.value.replace("_", " ")
    kind = f"{kind} heading" if clause.kind in (ClauseKind.SECTION, ClauseKind.SUBSECTION, ClauseKind.BOX) else kind
    held = [i for i in index if i in tasks and clause_id in _ancestors(i, index)]
    what = "tasks"
    if not held:
        what = "sentences"
        held = [
            c.id
            for c in index.values()
            if c.kind is ClauseKind.SENTENCE and c.id not in roles_only and clause_id in _ancestors(c.id, index)
        ]
    if not held:
        return f"{expected}, found {clause_id!r}, a {kind}, which holds no sentence"
    held.sort(key=natural)
    shown = ", ".join(held) if len(held) <= 3 else f"{held[0]} … {held[-1]}"
    return f"{expected}, found {clause_id!r}, a {kind}: name one of the {what} it holds ({shown})"


def _comparison_hint(written: str, index: Mapping[str, Clause], local_doc: str | None) -> str:
    """For an id no clause has: the two ids of the comparison whose address ``written`` is (a 对照 page's
    ``…/#c2-5-p1-s2-vs-guofa-2016-86-4-2-1-s4``, as staff copy it to confirm a link), if it is one."""
    found = patterns.COMPARISON_ADDRESS_RE.search(written)
    if found is None:
        return ""
    local = next((i for i in index if i.startswith(f"{local_doc}/") and clause_anchor(i) == found["local"]), None)
    national = next((i for i in index if i.replace("/", "-") == found["national"]), None)
    if local is None or national is None:
        return ""
    return (
        f"; it is the address of the comparison of {local} with {national}: write national: {national}, local: {local}"
    )


def _anchor_hint(written: str, index: Mapping[str, Clause], local_doc: str | None) -> str:
    """For a local id no clause has: the local document's clause whose anchor ``written`` is (``#c2-1-p3-s3``,
    without the document's address: the local side names a clause of one document only), if it is one."""
    anchor = written.removeprefix("#")
    meant = next((i for i in index if i.startswith(f"{local_doc}/") and clause_anchor(i) == anchor), None)
    return f"; it is the address of {meant}: write its id, {meant}" if meant else ""


def _ancestors(clause_id: str, index: Mapping[str, Clause]) -> set[str]:
    """The ids of the clauses that hold ``clause_id`` (its paragraph, subsection, section)."""
    found: set[str] = set()
    parent = index[clause_id].parent
    while parent:
        found.add(parent)
        parent = index[parent].parent
    return found


def _local_problem(
    clause_id: str,
    index: Mapping[str, Clause],
    local_ids: set[str],
    local_doc: str | None,
    national_docs: set[str],
    moved: Mapping[str, str | None],
) -> str:
    """Why ``clause_id`` is not a local sentence that is matched, and which ids would be."""
    expected = f"expected a clause id of a sentence of the local document (e.g. {local_doc}/2-1/p1/s1)"
    clause = index.get(clause_id)
    if clause is None:
        hint = (
            gone_hint(clause_id, index, moved)
            or _comparison_hint(clause_id, index, local_doc)
            or _anchor_hint(clause_id, index, local_doc)
            or nearest_hint(clause_id, index)
        )
        return f"{expected}, found {clause_id!r}, which no document has{hint}"
    if clause.doc != local_doc:
        swapped = ": give it as national" if clause.doc in national_docs else ""
        return f"{expected}, found {clause_id!r}, a clause of {clause.doc}{swapped}"
    inside = sorted((i for i in local_ids if clause_id in _ancestors(i, index)), key=natural)
    if inside:
        shown = ", ".join(inside) if len(inside) <= 3 else f"{inside[0]} … {inside[-1]}"
        return f"{expected}, found {clause_id!r}, a {clause.kind.value}: name one of its sentences ({shown})"
    return f"{expected}, found {clause_id!r}, a {clause.kind.value} outside the measures that are matched"


def check_rejections(
    decisions: tuple[Decision, ...], automatic: tuple[CrossRef, ...], path: Path, errors: Collector
) -> frozenset[tuple[str, str]]:
    """The (national, local) pairs staff rejected among the matcher's links. A rejection of a pair it does
    not link rejects nothing: a clause id off by one (the link meant stays published), or an entry the
    matcher has since stopped needing; each is a located error naming what it links the sentence with."""
    found = {(ref.national, ref.local) for ref in automatic}
    rejected = set()
    for d in decisions:
        if d.decision != "reject":
            continue
        if (d.national, d.local) in found:
            rejected.add((d.national, d.local))
            continue
        linked = sorted((ref.national for ref in automatic if ref.local == d.local), key=natural)
        now = f"; it links {d.local} with {', '.join(linked)}" if linked else f"; it links {d.local} with nothing"
        errors.add(
            CurationError(
                path,
                d.line,
                d.column,
                f"expected a pair the matcher links, to reject, found {d.national} ↔ {d.local}, which it does not"
                f"{now} (remove the entry, or name the pair meant)",
            )
        )
    return frozenset(rejected)


def _overlap(first: str, second: str, tasks: frozenset[str]) -> bool:
    """Whether links from two national clauses to one Chongqing sentence would show it twice: one clause
    holds the other (an item and its sentence ``…/4-2-1/s4``), or both lie in one 66号 task (the task page
    lists each of its Chongqing sentences once, whichever of its sentences a link names)."""
    task = _task_of(first, tasks)
    if task is not None and task == _task_of(second, tasks):
        return True
    return first in id_prefixes(second) or second in id_prefixes(first)


def _overlap_problem(national: str, local: str, earlier: Decision, tasks: frozenset[str]) -> str:
    task = _task_of(national, tasks)
    if task is not None and task == _task_of(earlier.national, tasks):
        expected = f"expected one link between task {task} and {local}"
    else:
        outer = min(national, earlier.national, key=len)
        expected = f"expected one link between {local} and {outer} with the clauses it holds"
    return (
        f"{expected}, found {national} ↔ {local} here and {earlier.national} ↔ {local} at line {earlier.line}: "
        "keep one of them"
    )


def _task_of(clause_id: str, tasks: frozenset[str]) -> str | None:
    """The 66号 task ``clause_id`` is or lies in, if any."""
    return next((c for c in id_prefixes(clause_id) if c in tasks), None)


def apply_decisions(
    automatic: tuple[CrossRef, ...],
    decisions: tuple[Decision, ...],
    scores: Mapping[tuple[str, str], float],
    tasks: frozenset[str],
) -> tuple[CrossRef, ...]:
    """Automatic links with the curated ones laid over them; ``scores``: the similarity of each
    curated (national, local) pair (0 when the national clause is not a matched passage). A curated
    link replaces the automatic links it overlaps (``_overlap``): with the same Chongqing sentence, a
    clause it holds or that holds it (``…/4-2-1`` and ``…/4-2-1/s4``), or a clause of the same 66号 task
    (``…/t5/s1`` and ``…/t5``), so no page shows the sentence twice (``tasks``: the 66号 task ids)."""
    by_pair = {(d.national, d.local): d for d in decisions}
    curated: dict[str, list[str]] = defaultdict(list)  # Chongqing sentence → national clauses of its curated links
    for (national, local), decision in by_pair.items():
        if decision.decision != "reject":
            curated[local].append(national)
    links = {
        (r.national, r.local): r
        for r in automatic
        if (r.national, r.local) not in by_pair and not any(_overlap(r.national, n, tasks) for n in curated[r.local])
    }
    for (national, local), decision in by_pair.items():
        if decision.decision == "reject":
            continue
        links[national, local] = CrossRef(
            national=national,
            local=local,
            score=scores.get((national, local), 0.0),
            method="curated",
            remark=decision.remark,
        )
    return tuple(sorted(links.values(), key=crossrefs.sort_key))
