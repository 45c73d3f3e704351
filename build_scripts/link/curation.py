"""Staff decisions on cross-references: ``source_texts/crossrefs.yaml``.

Each entry names a pair by clause ids and a decision:

- ``confirm``: keep the link (added if the matcher missed it), marked method "curated";
- ``reject``: drop the link wherever it came from;
- ``add``: a link the matcher cannot see (a paraphrase), marked method "curated".

Curated decisions override automatic ones. Every problem is a located error.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .. import cache
from ..curated import Fields, entries
from ..errors import Collector
from ..model import ClauseKind, Corpus, CrossRef
from . import classifier, crossrefs
from .terms import load_task_terms

FILE_NAME = "crossrefs.yaml"
DECISIONS = ("confirm", "reject", "add")
_KEYS = ("national", "local", "decision", "remark")


@dataclass(frozen=True, kw_only=True)
class Decision:
    national: str
    local: str
    decision: str
    remark: str
    line: int


def load_decisions(source: Path, corpus: Corpus, errors: Collector) -> tuple[Decision, ...]:
    path = source / FILE_NAME
    if not path.exists():
        return ()
    index = corpus.clause_index()
    national_docs = {crossrefs.TASK_DOC, *crossrefs.OTHER_NATIONAL_DOCS}
    has_local = any(document.slug == crossrefs.LOCAL_DOC for document in corpus.documents)
    local_ids = {clause.id for clause in crossrefs.local_sentences(corpus)} if has_local else set()
    result: list[Decision] = []
    seen: dict[tuple[str, str], int] = {}
    for entry in entries(path, "crossrefs", errors):
        f = Fields(path, entry, "a cross-reference decision", errors)
        f.unknown_keys(_KEYS)
        national, local, decision = f.text("national"), f.text("local"), f.text("decision")
        remark = f.text("remark", required=False) or ""
        if national is not None:
            clause = index.get(national)
            if clause is None or clause.doc not in national_docs or clause.kind is ClauseKind.PREAMBLE:
                f.fail(
                    f"expected a clause id of a national document ({', '.join(sorted(national_docs))}), found {national!r}"
                )
                national = None
        if local is not None and local not in local_ids:
            f.fail(
                f"expected a clause id of a sentence of {crossrefs.LOCAL_DOC} (e.g. {crossrefs.LOCAL_DOC}/2-1/p1/s1), found {local!r}"
            )
            local = None
        if decision is not None and decision not in DECISIONS:
            f.fail(f"expected decision to be one of {', '.join(DECISIONS)}, found {decision!r}")
            decision = None
        if national is None or local is None or decision is None:
            continue
        if (national, local) in seen:
            f.fail(f"expected each pair once, found {national} ↔ {local} again (first at line {seen[national, local]})")
            continue
        seen[national, local] = f.line
        result.append(Decision(national=national, local=local, decision=decision, remark=remark, line=f.line))
    return tuple(result)


def apply_decisions(
    automatic: tuple[CrossRef, ...], decisions: tuple[Decision, ...], scorer: crossrefs.Scorer
) -> tuple[CrossRef, ...]:
    """Automatic links with the curated ones laid over them."""
    by_pair = {(d.national, d.local): d for d in decisions}
    links = {(r.national, r.local): r for r in automatic if (r.national, r.local) not in by_pair}
    for (national, local), decision in by_pair.items():
        if decision.decision == "reject":
            continue
        score = scorer.score(national, local) if national in scorer.passages else 0.0
        links[national, local] = CrossRef(
            national=national, local=local, score=score, method="curated", remark=decision.remark
        )
    return tuple(sorted(links.values(), key=crossrefs.sort_key))


def link_crossrefs(source: Path, corpus: Corpus, errors: Collector) -> tuple[CrossRef, ...]:
    """The link stage for cross-references: match, then apply staff decisions."""
    decisions = load_decisions(source, corpus, errors)
    terms = load_task_terms(source, corpus, errors)
    slugs = {document.slug for document in corpus.documents}
    if crossrefs.LOCAL_DOC not in slugs or crossrefs.TASK_DOC not in slugs:
        return ()  # a collection without the Chongqing text or 66号 has nothing to link
    key = cache.fingerprint(
        [
            *cache.code_fingerprint(Path(__file__).parent.parent),  # the whole package: patterns, model …
            classifier.WEIGHTS_PATH.read_bytes(),
            repr(sorted(terms.phrases.items())),
            repr(decisions),
            *(f"{c.id}\t{c.parent}\t{c.kind}\t{c.text}" for c in corpus.clauses()),
        ]
    )
    cached = cache.load("crossrefs", key)
    if cached is not None:
        return tuple(CrossRef(**record) for record in cached)
    scorer = crossrefs.build_scorer(corpus)
    links = apply_decisions(crossrefs.match(corpus, scorer, terms=terms), decisions, scorer)
    cache.store("crossrefs", key, [dataclasses.asdict(link) for link in links])
    return links
