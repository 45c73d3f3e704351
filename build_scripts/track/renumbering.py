"""Numbers that name other words now: a shared link to one lands on them, and the page says so.

A numbered clause is identified by its number (README: a citation 第100项 means what the text now numbers
100). When staff delete 66号's task 100 and number 101–106 one less, redirects.yaml sends each moved sentence
to its new place (``t101/s1`` → ``t100/s0a``) and retires the deleted one; ``#t100`` then lands on the words
that were task 101's. This stage reads those entries for the numbers whose opening words (the sentence
that carries the number, or the whole clause) left for another number or were retired, or came from
another number, so that the page can say beside the clause what the number held before.

An entry moving a sentence that opens no number (a task's second sentence moved to the next task) is no
renumbering and says nothing here; nor does a paragraph moved (106号's ``3-3/p1`` → ``p4``): paragraphs are
not identified by a number the text gives them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from .. import citation, patterns
from ..model import ClauseKind, Redirect, Renumbering, Site, clause_url, id_prefixes
from ..numerals import int_to_cn
from .lineage import parent_number

_SENTENCE_PLACE_RE = re.compile(r"第[0-9]+句$")  # the 第N句 ending a sentence's citation


def numbered(clause_id: str) -> bool:
    """Whether the id names its clause by the number the text gives it (…/t17, …/2-1), not by its place."""
    return bool(patterns.NUMBERED_ID_STEP_RE.match(clause_id.rsplit("/", 1)[-1]))


def renumberings(site: Site) -> dict[str, Renumbering]:
    """Each numbered clause of the corpus whose number now names other words → what changed, from the
    entries of redirects.yaml (``site.redirects``, each sentence of a listed clause under its own id)."""
    clauses = tuple(site.corpus.clauses())
    present = {c.id for c in clauses if c.kind is not ClauseKind.SENTENCE and numbered(c.id)}
    opening: dict[str, str] = {}  # numbered clause → its first sentence, which carries its number
    for c in clauses:
        if c.kind is ClauseKind.SENTENCE and c.parent in present:
            opening.setdefault(c.parent, c.id)
    opened = {sentence: clause for clause, sentence in opening.items()}
    came: dict[str, dict[str, None]] = defaultdict(dict)  # clause → the old numbers whose words it holds
    went: dict[str, dict[str, None]] = defaultdict(dict)  # old number → the clauses its opening words open now
    joined: dict[str, dict[str, None]] = defaultdict(dict)  # old number → the clauses they are now inside
    retired: dict[str, list[Redirect]] = defaultdict(list)  # old number → the entries retiring its opening words
    # … and those retiring a sentence of it that no committed version places (a copy without git): said only of
    # a number whose opening words left or came, where they are the words it held
    unplaced: dict[str, list[Redirect]] = defaultdict(list)
    dates: dict[str, set[str]] = defaultdict(set)
    for redirect in site.redirects:
        old = _number_of(redirect.old)
        if old is None:
            continue
        holder = (redirect.to if redirect.to in present else opened.get(redirect.to)) if redirect.to else None
        inside = next((i for i in id_prefixes(redirect.to)[1:] if i in present), None) if redirect.to else None
        if redirect.to and _doc(redirect.to) != _doc(old):
            continue  # words sent to another document: no number of this one took them
        if redirect.to is None and redirect.old != old and not redirect.old_position:
            unplaced[old].append(redirect)
            continue
        if not _opened(redirect, old, holder):
            continue
        if redirect.to is None:
            retired[old].append(redirect)
        elif holder is not None and holder != old:
            came[holder][old] = None
            went[old][holder] = None
            if redirect.date:
                dates[holder].add(redirect.date)
        elif holder is None and inside is not None and inside != old:  # 18.… read on after 17.'s words
            joined[old][inside] = None
        else:
            continue
        if redirect.date:
            dates[old].add(redirect.date)
    for old in unplaced.keys() & (came.keys() | went.keys() | joined.keys()):
        retired[old] += unplaced[old]
        dates[old].update(r.date for r in unplaced[old] if r.date)
    found = {}
    for clause in sorted(present & (came.keys() | went.keys() | joined.keys() | retired.keys())):
        was = tuple(cited for old in came[clause] if (cited := _cited(site, old, clause)))
        found[clause] = Renumbering(
            clause=clause,
            was=was,
            went=tuple(went[clause]),
            joined=tuple(joined[clause]),
            retired=tuple((r.old_position, r.note) for r in retired[clause]),
            date=max(dates[clause], default=None),
        )
    return found


def _doc(clause_id: str) -> str:
    return clause_id.split("/", 1)[0]


def _number_of(clause_id: str) -> str | None:
    """The numbered clause a removed id is, or whose sentence it is (…/t100/s1 → …/t100), else None."""
    if numbered(clause_id):
        return clause_id
    parent, _, step = clause_id.rpartition("/")
    return parent if parent and step.startswith("s") and "/" in parent and numbered(parent) else None


def _opened(redirect: Redirect, old: str, holder: str | None) -> bool:
    """Whether the entry is for the words that carried number ``old``: the clause itself, or its sentence
    that stood first (第1句 where it stood; with that unknown, one that now opens a numbered clause)."""
    if redirect.old == old:
        return True
    if redirect.old_position:
        return redirect.old_position.endswith("第1句")
    return holder is not None


def _cited(site: Site, clause_id: str, holder: str) -> str:
    """Where a number stood, as cited: the numbered clause's position as the text numbers it now; else, gone,
    the position of ``holder`` (a clause now holding its words) under its number, when their ids differ in
    that number alone (t106 of t105: 第106项); else where the newest committed version had it (its entry's, or
    its first sentence's without 第1句); "" unknown."""
    if clause_id in site.corpus.clause_index():
        return _position(site, clause_id)
    number, now = parent_number(clause_id), parent_number(holder)
    stem = patterns.ID_LAST_NUMBER_RE.sub("", clause_id)
    if number is not None and now is not None and stem == patterns.ID_LAST_NUMBER_RE.sub("", holder):
        here = _position(site, holder)
        for old, new in ((str(now), str(number)), (int_to_cn(now), int_to_cn(number))):
            before, found, after = here.rpartition(old)
            if found and not re.search(r"[0-9一二三四五六七八九十]", after):  # the holder's own number, last
                return before + new + after
    for redirect in site.redirects:
        if redirect.old == clause_id and redirect.old_position:
            return redirect.old_position
    for redirect in site.redirects:
        if redirect.old.startswith(clause_id + "/") and redirect.old_position.endswith("第1句"):
            return _SENTENCE_PLACE_RE.sub("", redirect.old_position)
    return ""


def _position(site: Site, clause_id: str) -> str:
    return citation.positions(site.corpus.document(_doc(clause_id)))[clause_id]


def note_parts(renumbering: Renumbering, cited: Mapping[str, str]) -> tuple[tuple[str, str | None], ...]:
    """The words of the note beside a renumbered clause, as (words, URL of a clause they open or None):
    编号已变更（2026-12-07）：现第100项原为第101项；原第100项第1句已删除：…。 ``cited``: clause id → its
    position (citation.positions)."""
    here = cited[renumbering.clause]
    parts: list[tuple[str, str | None]] = [
        ("编号已变更" + (f"（{renumbering.date}）" if renumbering.date else "") + "：", None)
    ]
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
    for number, words in enumerate(said):
        parts += [("；", None)] if number else []
        parts += words
    parts.append(("。", None))
    return tuple(parts)
