"""Numbers that name other words now: a shared link to one lands on them, and the page says so.

A numbered clause is identified by its number (README: a citation 第100项 means what the text now numbers
100). When staff delete 66号's task 100 and number 101–106 one less, redirects.yaml sends each moved sentence
to its new place (``t101/s1`` → ``t100/s0a``) and retires the deleted one; ``#t100`` then lands on the words
that were task 101's. This stage reads those entries for the words that carried a number (the clause itself,
or the sentence that opened it, which holds its label) and gives each number that names other words a
``Renumbering``: the numbers whose words it holds now, where its own went (or that they joined the clause
before, or were deleted). A 专栏 box, whose heading is no sentence, took another's words when every paragraph
it holds was that box's.

Said of no number: a sentence moved that opened none (a task's second sentence sent to the next task), a
paragraph moved (106号's ``3-3/p1`` → ``p4``: paragraphs are known by their place, not a number the text gives),
words retired where no number moved (a task's first sentence deleted in place), words sent to another document.
Which sentence opened a number is known from where the newest committed version had it (``第1句``); in a copy
without git, a sentence's id tells it when it is ``s1`` and no other removed sentence of the number came
before it; a sentence given ``s0a`` before it is not told, and its number is then not said to move.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from .. import citation, patterns
from ..model import ClauseKind, Redirect, Renumbering, Site, clause_url, id_prefixes, natural
from ..numerals import int_to_cn
from .lineage import ordinal_prefix, parent_number


def numbered(clause_id: str) -> bool:
    """Whether the id names its clause by the number the text gives it (…/t17, …/2-1), not by its place."""
    return bool(patterns.NUMBERED_ID_STEP_RE.match(clause_id.rsplit("/", 1)[-1]))


class _Moves:
    """What redirects.yaml's entries say became of the words that carried each number."""

    def __init__(self, site: Site) -> None:
        clauses = tuple(site.corpus.clauses())
        self.present = {c.id for c in clauses if c.kind is not ClauseKind.SENTENCE and numbered(c.id)}
        opening: dict[str, str] = {}  # numbered clause → its first sentence, which carries its number
        paragraphs: dict[str, list[str]] = defaultdict(list)  # numbered clause → its paragraphs (a 专栏's)
        for c in clauses:
            if c.parent in self.present and c.kind is ClauseKind.SENTENCE:
                opening.setdefault(c.parent, c.id)
            elif c.parent in self.present and c.kind is ClauseKind.PARAGRAPH:
                paragraphs[c.parent].append(c.id)
        self.opened = {sentence: clause for clause, sentence in opening.items()}
        self.came: dict[str, dict[str, None]] = defaultdict(dict)  # clause → the old numbers whose words it holds
        self.went: dict[str, dict[str, None]] = defaultdict(dict)  # old number → the clauses its words open now
        self.joined: dict[str, dict[str, None]] = defaultdict(dict)  # old number → the clauses they are inside
        self.retired: dict[str, dict[tuple[str, str], None]] = defaultdict(dict)  # old number → (where, note)
        self.dates: dict[str, set[str]] = defaultdict(set)
        removed_sentences: dict[str, list[str]] = defaultdict(list)
        for redirect in site.redirects:
            if ordinal_prefix(redirect.old) == "s":
                removed_sentences[redirect.old.rsplit("/", 1)[0]].append(redirect.old)
        self.first_removed = {parent: min(ids, key=natural) for parent, ids in removed_sentences.items()}
        for redirect in site.redirects:
            self._read(redirect)
        self._read_boxes(site, paragraphs)

    def _read(self, redirect: Redirect) -> None:
        old = _number_of(redirect.old)
        if old is None or (redirect.to is not None and _doc(redirect.to) != _doc(old)) or not self._opened(redirect):
            return
        if redirect.to is None:
            self.retired[old][(redirect.old_position, redirect.note)] = None
            self._dated(old, redirect)
            return
        holder = redirect.to if redirect.to in self.present else self.opened.get(redirect.to)
        if holder is not None and holder != old:
            self._moved(old, holder, redirect)
            return
        inside = next((i for i in id_prefixes(redirect.to)[1:] if i in self.present), None)
        if holder is None and inside is not None and inside != old:  # 18.… read on after 17.'s words
            self.joined[old][inside] = None
            self._dated(old, redirect)

    def _opened(self, redirect: Redirect) -> bool:
        """Whether the entry is for the words that carried its number: the numbered clause itself, or the
        sentence that stood first in it (第1句 where the newest committed version had it; without git, ``s1``
        and no other removed sentence of the clause before it)."""
        if numbered(redirect.old):
            return True
        if redirect.old_position:
            return redirect.old_position.endswith("第1句")
        parent, _, step = redirect.old.rpartition("/")
        return step == "s1" and self.first_removed.get(parent) == redirect.old

    def _read_boxes(self, site: Site, paragraphs: Mapping[str, list[str]]) -> None:
        """A numbered clause whose heading is no sentence (专栏5 知识产权海外维权工程): it holds another's words
        when every paragraph it has now came from that one's paragraphs (one entry each)."""
        sent = {r.to: r for r in site.redirects if r.to is not None and ordinal_prefix(r.old) == "p"}
        headed = self.present - set(self.opened.values())
        for redirect in site.redirects:  # its paragraphs retired: the box deleted, said once (not per paragraph)
            parent = redirect.old.rsplit("/", 1)[0]
            if redirect.to is None and ordinal_prefix(redirect.old) == "p" and parent in headed:
                self.retired[parent][("", redirect.note)] = None
                self._dated(parent, redirect)
        for clause in sorted(headed):
            mine = paragraphs.get(clause, [])
            sources = {sent[p].old.rsplit("/", 1)[0] if p in sent else None for p in mine}
            if len(sources) == 1 and (old := sources.pop()) is not None and numbered(old) and old != clause:
                for p in mine:
                    self._moved(old, clause, sent[p])

    def _moved(self, old: str, holder: str, redirect: Redirect) -> None:
        self.came[holder][old] = None
        self.went[old][holder] = None
        self._dated(old, redirect)
        self._dated(holder, redirect)

    def _dated(self, clause: str, redirect: Redirect) -> None:
        if redirect.date:
            self.dates[clause].add(redirect.date)


def renumberings(site: Site) -> tuple[Renumbering, ...]:
    """Each numbered clause of the corpus whose number now names other words, with what changed, from the
    entries of redirects.yaml (``site.redirects``, each sentence of a listed clause under its own id). A number
    whose words moved nowhere (retired in place) keeps its number's meaning: no renumbering."""
    moves = _Moves(site)
    found = []
    for clause in sorted(moves.present & (moves.came.keys() | moves.went.keys() | moves.joined.keys()), key=natural):
        renumbering = Renumbering(
            clause=clause,
            was=tuple(cited for old in moves.came[clause] if (cited := _cited(site, old, clause))),
            went=tuple(moves.went[clause]),
            joined=tuple(moves.joined[clause]),
            retired=tuple(moves.retired[clause]),
            date=max(moves.dates[clause], default=None),
        )
        if renumbering.was or renumbering.went or renumbering.joined:  # something to say of it
            found.append(renumbering)
    return tuple(found)


def _doc(clause_id: str) -> str:
    return clause_id.split("/", 1)[0]


def _number_of(clause_id: str) -> str | None:
    """The numbered clause a removed id is, or whose sentence it is (…/t100/s1 → …/t100), else None."""
    if numbered(clause_id):
        return clause_id
    parent = clause_id.rpartition("/")[0]
    return parent if "/" in parent and ordinal_prefix(clause_id) == "s" and numbered(parent) else None


def _cited(site: Site, clause_id: str, holder: str) -> str:
    """Where a number stood, as cited: the numbered clause's position as the text numbers it now; else, gone,
    ``holder``'s (a clause now holding its words) under its number, when their ids differ in that number alone
    (t106 of t105: 第106项); else where the newest committed version had it (its entry's, or its first
    sentence's without 第1句); "" unknown."""
    if clause_id in site.corpus.clause_index():
        return _position(site, clause_id)
    number, now = parent_number(clause_id), parent_number(holder)
    if number is not None and now is not None and clause_id.removesuffix(str(number)) == holder.removesuffix(str(now)):
        here = _position(site, holder)
        for written, instead in ((str(now), str(number)), (int_to_cn(now), int_to_cn(number))):
            # the holder's own number is the last one its citation gives (第105项, 第四部分第（二）条第7项)
            match = patterns.last_numeral_re(written).search(here)
            if match:
                return here[: match.start()] + instead + here[match.end() :]
    for redirect in site.redirects:
        if redirect.old == clause_id and redirect.old_position:
            return redirect.old_position
    for redirect in site.redirects:
        if redirect.old.startswith(clause_id + "/") and redirect.old_position.endswith("第1句"):
            return redirect.old_position.removesuffix("第1句")
    return ""


def _position(site: Site, clause_id: str) -> str:
    return citation.positions(site.corpus.document(_doc(clause_id)))[clause_id]


def note_parts(renumbering: Renumbering, cited: Mapping[str, str]) -> tuple[tuple[str, str | None], ...]:
    """The words of the note beside a renumbered clause, as (words, URL of a clause they open or None):
    编号已变更（2026-12-07）：现第100项原为第101项；原第100项已删除：…。 ``cited``: clause id → its position
    (citation.positions)."""
    here = cited[renumbering.clause]
    said: list[list[tuple[str, str | None]]] = []
    if renumbering.was:
        said.append([(f"现{here}原为{'、'.join(renumbering.was)}", None)])
    for clauses, verb in ((renumbering.went, "现为"), (renumbering.joined, "现并入")):
        if clauses:
            moved: list[tuple[str, str | None]] = [(f"原{here}{verb}", None)]
            for number, clause in enumerate(clauses):
                moved += [("、", None)] if number else []
                moved.append((cited.get(clause, clause), clause_url(clause)))
            said.append(moved)
    for position, note in renumbering.retired:  # its first sentence, which carried the number: the clause, deleted
        said.append([(f"原{position.removesuffix('第1句') or here}已删除：{note.rstrip('。')}", None)])
    parts: list[tuple[str, str | None]] = [
        ("编号已变更" + (f"（{renumbering.date}）" if renumbering.date else "") + "：", None)
    ]
    for number, words in enumerate(said):
        parts += [("；", None)] if number else []
        parts += words
    return (*parts, ("。", None))
