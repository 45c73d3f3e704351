"""Precision and recall of the links to 国发〔2016〕86号, 国办发〔2016〕106号 and 国知发管字〔2015〕59号.

These documents have no numbered tasks, and the matcher links a Chongqing sentence to one of
their sentences only when the similarity score reaches ``crossrefs.OTHER_THRESHOLD`` (the best
one per document). Two readers judged those links blind, from the texts alone, without the
matcher's scores, its links or each other's labels:

- ``crossrefs_national_pool.tsv``: the candidate pool. For each Chongqing sentence, its
  best-scoring sentence in each of the three documents when that score is at least ``POOL_FLOOR``,
  and every curated pair: each judged a link or not. It gives the precision of the published
  links, and how precision and the pool's links found move with the threshold. Recall measured
  on it counts only links inside the pool.
- ``crossrefs_national_recall.tsv``: a recall sample. Every fourth Chongqing sentence (the 2nd,
  6th, 10th …); for each, every sentence of the three documents stating the same measure, found
  by reading and searching all three. It gives recall over (sentence, document) units, which
  the pool cannot: a link the matcher never scored high enough to enter the pool counts here.

``python -m tests.eval_national_links`` prints the figures; ``make eval-crossrefs`` prints them
after the 66号 ones (``eval_crossrefs``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from build_scripts.errors import Collector
from build_scripts.link import crossrefs as matching
from build_scripts.link.stage import link_crossrefs
from build_scripts.model import Corpus, CrossRef
from build_scripts.pipeline import load_corpus

from .eval_crossrefs import Score
from .helpers import SOURCE

DATA = Path(__file__).resolve().parent / "data"
POOL = DATA / "crossrefs_national_pool.tsv"
RECALL = DATA / "crossrefs_national_recall.tsv"
POOL_FLOOR = 0.25  # the lowest score of a pooled pair
THRESHOLDS = (0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60)


@dataclass(frozen=True, kw_only=True)
class PoolPair:
    local: str
    local_quote: str
    national: str
    national_quote: str
    link: bool
    note: str


@dataclass(frozen=True, kw_only=True)
class SampleRow:
    local: str
    local_quote: str
    nationals: frozenset[str]
    note: str


def _rows(path: Path) -> Iterable[list[str]]:
    """The tab-separated data rows of a judged file, its comments and header left out."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
    ]
    for line in lines[1:]:
        yield line.split("\t")


def pool_pairs(path: Path = POOL) -> list[PoolPair]:
    pairs = []
    for local, local_quote, national, national_quote, link, note in _rows(path):
        if link not in ("yes", "no"):
            raise ValueError(f"{path.name}: expected a link yes or no, found {link!r} ({local} → {national})")
        pairs.append(
            PoolPair(
                local=local,
                local_quote=local_quote,
                national=national,
                national_quote=national_quote,
                link=link == "yes",
                note=note,
            )
        )
    return pairs


def sample_rows(path: Path = RECALL) -> list[SampleRow]:
    rows = []
    for local, local_quote, nationals, note in _rows(path):
        found = frozenset() if nationals == "-" else frozenset(nationals.split(","))
        rows.append(SampleRow(local=local, local_quote=local_quote, nationals=found, note=note))
    return rows


def check_placed(corpus: Corpus, quoted: Iterable[tuple[str, str]]) -> None:
    """ValueError unless each (clause id, quote) names a clause of the corpus whose text holds the quote:
    the judged files name clauses by id, and an id that came to mean another text is a stale label."""
    index = corpus.clause_index()
    for clause, quote in quoted:
        if clause not in index:
            raise ValueError(f"expected a clause {clause}, found none")
        if quote not in index[clause].text:
            raise ValueError(f"expected {quote!r} in {clause}, found {index[clause].text[:40]!r}")


def _document(clause: str) -> str:
    return clause.split("/", 1)[0]


def pool_tally(pairs: list[PoolPair], linked: set[tuple[str, str]]) -> Score:
    """The pool's judged pairs against ``linked`` (local, national): recall within the pool only."""
    judged = {(p.local, p.national): p.link for p in pairs}
    tp = sum(1 for key in linked if judged.get(key) is True)
    fp = sum(1 for key in linked if judged.get(key) is False)
    fn = sum(1 for key, link in judged.items() if link and key not in linked)
    return Score(tp, fp, fn)


def sample_tally(rows: list[SampleRow], links: Iterable[tuple[str, str]], documents: Iterable[str]) -> Score:
    """Per (sampled sentence, document): found when a link goes to a sentence the reader named, wrong
    when one goes to a sentence the reader did not name, missed when the reader named one and no link
    goes to any of them."""
    by_local: dict[str, set[str]] = {}
    for local, national in links:
        by_local.setdefault(local, set()).add(national)
    tp = fp = fn = 0
    for row in rows:
        for slug in documents:
            named = {n for n in row.nationals if _document(n) == slug}
            linked = {n for n in by_local.get(row.local, set()) if _document(n) == slug}
            tp += len(linked & named)
            fp += len(linked - named)
            fn += 1 if named and not linked & named else 0
    return Score(tp, fp, fn)


def national_links(
    refs: Iterable[CrossRef], documents: Iterable[str], method: str | None = None
) -> set[tuple[str, str]]:
    wanted = set(documents)
    return {
        (r.local, r.national)
        for r in refs
        if _document(r.national) in wanted and (method is None or r.method == method)
    }


def report(corpus: Corpus) -> None:
    documents = corpus.crossref_roles.national
    pairs, rows = pool_pairs(), sample_rows()
    check_placed(corpus, [*((p.local, p.local_quote) for p in pairs), *((p.national, p.national_quote) for p in pairs)])
    check_placed(corpus, ((r.local, r.local_quote) for r in rows))
    refs = link_crossrefs(SOURCE, corpus, Collector()).refs
    automatic, published = national_links(refs, documents, "auto"), national_links(refs, documents)
    names = "、".join(corpus.document(slug).meta.doc_number for slug in documents)
    print(f"links to {names} (judged blind by two more readers; no task numbers there):")
    print(
        f"  candidate pool ({POOL.name}): {len(pairs)} pairs, {sum(p.link for p in pairs)} judged links"
        f" (each sentence's best per document scoring >= {POOL_FLOOR}, and the curated pairs)"
    )
    automatic_label = f"automatic (score >= {matching.OTHER_THRESHOLD}):"
    print(f"    published, {automatic_label:32s} {pool_tally(pairs, automatic)}")
    print(f"    published, {'automatic+curated:':32s} {pool_tally(pairs, published)}")
    scorer = matching.build_scorer(corpus)
    scores = {(p.local, p.national): scorer.score(p.national, p.local) for p in pairs}
    print("    by threshold (pool pairs scoring at least it; recall within the pool):")
    for threshold in THRESHOLDS:
        kept = {key for key, value in scores.items() if value >= threshold}
        print(f"      {threshold:.2f}: {pool_tally(pairs, kept)}")
    sampled = {r.local for r in rows}
    units = sum(1 for r in rows for slug in documents if any(_document(n) == slug for n in r.nationals))
    print(
        f"  recall sample ({RECALL.name}): {len(rows)} sentences, {units} (sentence, document) units with a link"
        " the reader found by searching all three documents"
    )
    for label, links in (("automatic", automatic), ("automatic+curated", published)):
        on_sample = {(local, national) for local, national in links if local in sampled}
        print(f"    published, {label + ':':32s} {sample_tally(rows, on_sample, documents)}")
    named = {(r.local, n) for r in rows for n in r.nationals}
    both = [p for p in pairs if p.local in sampled]
    agree = sum(p.link == ((p.local, p.national) in named) for p in both)
    print(f"  the two readers on the {len(both)} pool pairs of sampled sentences: they agree on {agree}")


def main() -> None:
    report(load_corpus(SOURCE, Collector()))


if __name__ == "__main__":
    main()
