"""Clause ids that stay put: each version of a text is aligned with the version before it, so a
paragraph or sentence inserted into a text takes a new id instead of renumbering the ones after it.

The parser numbers unnumbered clauses by position (``…/2-1/p2``, ``…/2-1/p2/s3``, ``…/pre3``). Read
alone, a text cannot say which of its paragraphs is new; the record of the ids the last version had
can (``source_texts/clause_ids.tsv``, written by ``generate``: see ``clause_ids``; for the versions
in the git history, the record committed with them, or the version before). ``pin`` aligns a
version's unnumbered clauses, parent by parent, with the recorded ones:

- a clause whose text is unchanged keeps the recorded id;
- a changed clause keeps the id of the old clause it is most like (``difflib`` ratio at least
  ``MIN_SIMILARITY``, or the same opening sentence, which a split paragraph's first part and merged
  paragraphs' result keep, or all the words of the other: a short sentence with words added or
  taken away, or both a task's responsibility parenthetical: its agencies corrected), pairs taken
  in text order; the old texts come from the git history and
  the last build (a text counts only when its digest is the recorded one);
- where the old texts are unknown (a copy of the texts with neither), a changed stretch that kept
  its length is read as edits in place, and one that grew or shrank pairs nothing: its old ids are
  reported as removed, never given to other words;
- a new clause after every old sibling takes the next number no version of its parent has used
  (a paragraph added at the end is simply the next ``p``); one before an old sibling takes the id of
  the nearest old sibling before it plus a letter: ``p1a``, ``p1b`` between ``p1`` and ``p2``,
  ``p0a`` before ``p1``. An id never passes to other text (``used`` holds every id recorded, and for
  the working tree every id redirects.yaml lists), so a removed clause's redirects.yaml entry stays true;
- but a new clause whose words a later record holds under its parent (those words, or failing that,
  words it is like: reworded since) takes that id (``Claims``): a text committed without its record
  was built, and the build published it so (the record beside the texts, or one committed later,
  says so), though the record committed with the text knew nothing of it.

Numbered clauses (tasks, 四、（二）3., 专栏, tables) keep their official numbers and are not aligned;
a table's rows are unnumbered (``…/table1/r2``) and aligned like paragraphs.
A version with nothing to align with (no record, no earlier commit) keeps the parser's positional ids.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from .. import numerals, patterns
from ..model import Clause, ClauseKind, Document

# A table's rows carry no number either (86号's indicators: 表1第2行): ``…/table1/r2`` is pinned like a paragraph.
PINNED_KINDS = frozenset({ClauseKind.PARAGRAPH, ClauseKind.PREAMBLE, ClauseKind.SENTENCE, ClauseKind.TABLE_ROW})
ROW_PREFIX = "r"  # … but records written before rows were pinned hold none: their versions keep positional rows
MIN_SIMILARITY = 0.5  # a changed paragraph this similar to an old one is that paragraph, edited …
SHORT_TEXT_CHARS = 20  # … but a short one (加强组织领导。 vs 加强宣传引导。 is 0.57) must be this similar:
MIN_SIMILARITY_SHORT = 0.75
MIN_KEPT_CHARS = 6  # … or it keeps all the words of the other, at least this many (words added or taken away),
KEPT_LIKENESS = 0.01  # a pair only when no edit pairs them: scaled so that even dozens weigh less than one edit
MAX_PAIRING_CELLS = 2500  # larger rewritten stretches are paired by their opening sentences alone
LIKENESS_CHARS = 400  # how much of two texts ``_similar_pairs`` compares

DIGEST_CHARS = 8  # of a text's SHA-1 in hex: siblings that differ in text never share one in practice

Group = tuple[str | None, str]  # (parent id, ordinal prefix: p, pre or s)


@dataclass(frozen=True, kw_only=True)
class Recorded:
    """An unnumbered clause as the version before had it: its id, a digest of its text and of its
    opening sentence, and the text itself when it is known (the record holds digests only; the git
    history and the last build have the texts)."""

    id: str
    digest: str
    opening: str = ""  # digest of the opening sentence ("" when the record line predates it)
    text: str | None = None

    @property
    def parent(self) -> str | None:
        """The parent's id, or None at the top of the document (``slug/pre3``)."""
        head, _, _ = self.id.rpartition("/")
        return head if "/" in head else None


@functools.lru_cache(maxsize=1 << 16)
def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:DIGEST_CHARS]


def pinned_kind(clause: Clause) -> bool:
    """Whether ``pin`` aligns the clause: the unnumbered kinds, with an ordinal id."""
    return _group(clause) is not None


def old_texts(clauses: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """``OldTexts`` of (clause id, text) pairs."""
    return {(clause_id, digest(text)): text for clause_id, text in clauses}


def record(document: Document) -> tuple[Recorded, ...]:
    """The unnumbered clauses of a (pinned) version, with their texts."""
    return tuple(
        Recorded(id=clause.id, digest=digest(clause.text), opening=digest(_opening(clause.text)), text=clause.text)
        for clause in document.clauses
        if pinned_kind(clause)
    )


OldTexts = Mapping[tuple[str, str], str]  # (clause id, digest) → the text: what a record line stands for
# (parent id or None, ordinal prefix) → the ids later records give there, with the digest of their words and
# the words where a version shows them, the newest record's first
Claims = Mapping[Group, Sequence[Recorded]]


def claims(
    records: Iterable[Sequence[Recorded]], texts: Mapping[str, str], retired: Collection[str] = ()
) -> dict[Group, list[Recorded]]:
    """``Claims`` of these records, the first given first (the newest record first): what ids the
    site published for which words, for the versions pinned against an older record. ``texts``: digest
    → words, from any version. An id redirects.yaml lists (``retired``) is claimed by its very words
    only (they were that id when they stood there), never by words like them: other words."""
    found: dict[Group, list[Recorded]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for records_of_one in records:
        for recorded in records_of_one:
            prefix = ordinal_prefix(recorded.id)
            if prefix and (recorded.id, recorded.digest) not in seen:
                seen.add((recorded.id, recorded.digest))
                # a retired id is claimed by its own words only, never by words like them (other words)
                text = None if recorded.id in retired else texts.get(recorded.digest)
                found[(recorded.parent, prefix)].append(replace(recorded, text=text))
    return dict(found)


def pin(
    new: Document,
    old: Sequence[Recorded] | None,
    used: Collection[str],
    texts: OldTexts | None = None,
    claimed: Callable[[], Claims] | None = None,
) -> Document:
    """``new`` (positional ids) with the ids of the recorded version ``old`` kept.

    ``used``: ids no new clause may take (every id an earlier version had, every removed id);
    ``texts``: the texts ids have had (git history, last build), for the records that lack theirs;
    ``claimed``: the ids later records give to words, which a new clause with those words takes (worked
    out when a clause is aligned, not when the text reads as recorded: the usual build).
    """
    if old is None:
        return new
    rename = _as_recorded(new, old)
    if rename is None:
        rename = _aligned(new, old, used, texts or {}, claimed() if claimed else {})
    renamed = {positional: pinned for positional, pinned in rename.items() if positional != pinned}
    if not renamed:
        return new
    clauses = tuple(
        replace(
            clause,
            id=renamed.get(clause.id, clause.id),
            parent=renamed.get(clause.parent, clause.parent) if clause.parent else None,
        )
        if clause.id in renamed or clause.parent in renamed
        else clause
        for clause in new.clauses
    )
    return replace(new, clauses=clauses)


def _as_recorded(new: Document, old: Sequence[Recorded]) -> dict[str, str] | None:
    """Positional id → recorded id when every unnumbered clause reads as recorded, in order, of the
    same kind and under the same parent (the usual build: the text is as the record was written);
    else None."""
    clauses = [clause for clause in new.clauses if pinned_kind(clause)]
    if len(clauses) != len(old):
        return None
    rename: dict[str, str] = {}
    for clause, recorded in zip(clauses, old, strict=True):
        parent = rename.get(clause.parent, clause.parent) if clause.parent else None
        if (
            recorded.digest != digest(clause.text)
            or recorded.parent != parent
            or ordinal_prefix(recorded.id) != ordinal_prefix(clause.id)
        ):
            return None
        rename[clause.id] = recorded.id
    return rename


def _aligned(
    new: Document, old: Sequence[Recorded], used: Collection[str], texts: OldTexts, claimed: Claims
) -> dict[str, str]:
    """Positional id → pinned id, group by group (``_align``), parents first."""
    old = [replace(r, text=texts[(r.id, r.digest)]) if r.text is None and (r.id, r.digest) in texts else r for r in old]
    old_groups = _recorded_groups(old)
    new_groups = _groups(new.clauses)
    highest = _highest(itertools.chain(used, (r.id for r in old)))
    arrived, departed = _moves(new, old)
    rename: dict[str, str] = {}  # positional id → pinned id
    for clause in new.clauses:  # a parent comes before its children, so its pinned id is known
        if clause.id in rename:
            continue
        group = _group(clause)
        if group is None:
            continue  # numbered: never under an unnumbered clause (paragraphs hold only sentences)
        parent = rename.get(clause.parent, clause.parent) if clause.parent else None
        base, prefix = parent or new.slug, group[1]
        before = old_groups.get((parent, prefix), [])
        if not before and prefix == ROW_PREFIX:
            continue  # a table the record holds no row of: its rows as the parser numbers them, as published then
        after = new_groups[group]
        rename.update(
            _align(
                before,
                after,
                base,
                prefix,
                used,
                highest.get((base, prefix), 0),
                claimed.get((parent, prefix), ()),
                moved_in=frozenset(j for j, c in enumerate(after) if arrived(c.text, parent, prefix)),
                moved_out=frozenset(
                    i
                    for i, r in enumerate(before)
                    if departed(r.text if r.text is not None else "\0" + r.digest, group[0], prefix)
                ),
            )
        )
    return rename


def _words(text: str) -> str:
    """A text's words after its number, if it opens with one (``7.加强民生领域…`` → ``加强民生领域…``)."""
    return patterns.NUMBER_LABEL_RE.sub("", text, count=1)


Moved = Callable[[str, str | None, str], bool]  # (a text, its pinned parent, prefix) → moved from or to elsewhere


def _moves(new: Document, old: Sequence[Recorded]) -> tuple[Moved, Moved]:
    """Which changed clauses are words moved here from elsewhere (``arrived``: new texts) and which old
    clauses' words went elsewhere (``departed``: old texts, or "" with the digest alone), so that neither is
    read as an old sibling edited, however alike they read or wherever they stand.

    Words moved are those (their number aside: an item renumbered 7. → 6. takes its sentences along; or the
    digest the record holds, when no old text is known) that the new text holds once, under another parent:
    a new clause has them that no old clause of its parent had; an old clause had them that its parent no
    longer holds. Paired, the old id would show other words (86号's 6.加强新领域新业态知识产权保护。 and the
    renumbered 6.加强民生领域知识产权保护。, 0.81 alike; in a copy without git, a paragraph moved away and the
    words now where it stood, a run of the same length read as an edit in place), and the moved words' own id
    would be asked for. A task's responsibility parenthetical stays its task's (``_responsibility``): a
    renumbered task's agencies are read as corrected, as the same 66号 parenthetical words stand in many tasks."""
    parents: dict[tuple[str, str], set[str | None]] = defaultdict(set)  # (prefix, key) → the old parents
    for recorded in old:
        for key in _move_keys(recorded.text, recorded.digest):
            parents[(ordinal_prefix(recorded.id), key)].add(recorded.parent)
    # the numbers of the old parents whose clauses' words are known by digest alone (a copy without git
    # or a last build): a new text is also read under each, as it read before a renumbering (16. → 17.)
    numbers = sorted({n for r in old if r.text is None and (n := parent_number(r.parent)) is not None})

    @functools.cache
    def keys_of(text: str) -> frozenset[str]:
        keys = set(_move_keys(text, digest(text)))
        keys.update(f"d{digest(other)}" for n in numbers if (other := relabelled(text, n)) is not None)
        return frozenset(keys)

    now: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], str | None] = {}  # (prefix, key) → the positional parent of a new clause
    for clause in new.clauses:
        group = _group(clause)
        if group is not None:
            for key in keys_of(clause.text):
                now[(group[1], key)] += 1
                where[(group[1], key)] = clause.parent

    def arrived(text: str, parent: str | None, prefix: str) -> bool:
        if _responsibility(text):
            return False
        for key in keys_of(text):
            had = parents.get((prefix, key), set())
            if had and parent not in had and now[(prefix, key)] == 1:
                return True
        return False

    def departed(text: str, parent: str | None, prefix: str) -> bool:
        """``text``: the old words (``"\0"`` + digest when only that is known); ``parent``: the new
        group's positional parent."""
        known, recorded_digest = (text, digest(text)) if not text.startswith("\0") else (None, text[1:])
        if known is not None and _responsibility(known):
            return False
        keys = _move_keys(known, recorded_digest)
        return any(now[(prefix, key)] == 1 and where[(prefix, key)] != parent for key in keys)

    return arrived, departed


def parent_number(parent: str | None) -> int | None:
    """The number a parent's id ends with (17 of …/t17, 7 of …/4-2-7), or None."""
    match = patterns.ID_LAST_NUMBER_RE.search(parent.rsplit("/", 1)[-1]) if parent else None
    return int(match.group("number")) if match else None


def relabelled(text: str, number: int) -> str | None:
    """``text`` under another number (``16.加大…`` under 17: ``17.加大…``; ``（三）…`` under 2: ``（二）…``), or None
    when it opens with none."""
    label = patterns.NUMBER_LABEL_RE.match(text)
    if label is None:
        return None
    digits = patterns.LABEL_NUMBER_RE.search(label.group())
    if digits is None:
        return None
    written = str(number) if digits.group().isdigit() else numerals.int_to_cn(number)
    return label.group()[: digits.start()] + written + label.group()[digits.end() :] + text[label.end() :]


def _move_keys(text: str | None, text_digest: str) -> tuple[str, ...]:
    """What tells moved words: the digest of the words, and of the words after their number where known."""
    return (f"d{text_digest}",) if text is None else (f"d{text_digest}", f"w{digest(_words(text))}")


def ordinal_prefix(clause_id: str) -> str:
    """The kind an unnumbered clause's id names: ``p``, ``pre`` or ``s`` (``…/p2/s1a`` → ``s``); ""
    for a numbered one. (``t14`` has the shape too: ``_group`` also asks the clause's kind.)"""
    match = patterns.ORDINAL_RE.match(clause_id.rsplit("/", 1)[1])
    return match.group("prefix") if match else ""


def _group(clause: Clause) -> Group | None:
    prefix = ordinal_prefix(clause.id) if clause.kind in PINNED_KINDS else ""
    return (clause.parent, prefix) if prefix else None


def _groups(clauses: Sequence[Clause]) -> dict[Group, list[Clause]]:
    groups: dict[Group, list[Clause]] = defaultdict(list)
    for clause in clauses:
        group = _group(clause)
        if group is not None:
            groups[group].append(clause)
    return groups


def _recorded_groups(records: Sequence[Recorded]) -> dict[Group, list[Recorded]]:
    groups: dict[Group, list[Recorded]] = defaultdict(list)
    for recorded in records:
        prefix = ordinal_prefix(recorded.id)
        if prefix:
            groups[(recorded.parent, prefix)].append(recorded)
    return groups


def _highest(ids: Iterable[str]) -> dict[tuple[str, str], int]:
    """(parent id, ordinal prefix) → the highest number its unnumbered children's ids have had."""
    highest: dict[tuple[str, str], int] = {}
    for clause_id in ids:
        base, _, ordinal = clause_id.rpartition("/")
        match = patterns.ORDINAL_RE.match(ordinal)
        if match:
            key = (base, match.group("prefix"))
            highest[key] = max(highest.get(key, 0), int(match.group("number")))
    return highest


def _align(
    before: Sequence[Recorded],
    after: Sequence[Clause],
    base: str,
    prefix: str,
    used: Collection[str],
    highest: int,
    claimed: Sequence[Recorded] = (),
    moved_in: Collection[int] = frozenset(),
    moved_out: Collection[int] = frozenset(),
) -> dict[str, str]:
    """Positional id of each clause in ``after`` → its pinned id under ``base`` (the pinned parent);
    ``highest``: the highest number any version gave a child of ``base`` with this prefix; ``claimed``:
    the ids later records give here (``Claims``), which a new clause takes (``_claimed``); ``moved_in``:
    the indexes in ``after`` of words moved here from elsewhere, never an old sibling edited; ``moved_out``:
    the indexes in ``before`` of words moved elsewhere, never edited into a new sibling (``_moves``)."""
    matched: dict[int, Recorded] = {}  # index in after → the old clause it continues
    opcodes = difflib.SequenceMatcher(None, [r.digest for r in before], [digest(c.text) for c in after], autojunk=False)
    for tag, i1, i2, j1, j2 in opcodes.get_opcodes():
        if tag == "equal":
            matched.update((j1 + k, before[i1 + k]) for k in range(i2 - i1))
        elif tag == "replace":
            kept = [i for i in range(i1, i2) if i not in moved_out]
            edited = [j for j in range(j1, j2) if j not in moved_in]
            changed = _replaced([before[i] for i in kept], [after[j] for j in edited], rows=prefix == ROW_PREFIX)
            matched.update((edited[j], before[kept[i]]) for i, j in changed)
    taken = {old.id for old in matched.values()}
    unmatched = [(j, c.text) for j, c in enumerate(after) if j not in matched]
    claimed_ids = _claimed(claimed, unmatched, before, rows=prefix == ROW_PREFIX)
    taken |= set(claimed_ids.values())
    last_old = max(matched, default=-1)
    result: dict[str, str] = {}
    stem, letters = f"{prefix}0", _letters()
    for index, clause in enumerate(after):
        if index in matched:
            result[clause.id] = matched[index].id
            stem, letters = matched[index].id.rsplit("/", 1)[1], _letters()
            continue
        if index in claimed_ids:  # these words, or their earlier form, published under this id (a later record)
            result[clause.id] = claimed_ids[index]
            continue
        if index > last_old:  # after every old sibling: the next number
            highest += 1
            candidate = f"{base}/{prefix}{highest}"
        else:
            candidate = f"{base}/{stem}{next(letters)}"
        while candidate in used or candidate in taken:
            candidate = f"{base}/{stem}{next(letters)}"
        taken.add(candidate)
        result[clause.id] = candidate
    return result


def _claimed(
    claimed: Sequence[Recorded], new: Sequence[tuple[int, str]], before: Sequence[Recorded], *, rows: bool = False
) -> dict[int, str]:
    """Index of a new clause → the id a later record gives its words (``claimed``): the same words
    first; then, for a paragraph reworded after the build that published it, an id whose words it is
    like (``_similar_pairs``; a table row: the same name, ``_row_pairs``), the one given first when
    several are (``_given_order``: a later paragraph may be closer to the old words than their own
    rewording, but it was given a later id). Never an old sibling's id, never one id twice."""
    old_ids = {old.id for old in before}
    free = [r for r in claimed if r.id not in old_ids]
    found: dict[int, str] = {}
    for index, text in new:
        same = next((r.id for r in free if r.digest == digest(text) and r.id not in found.values()), None)
        if same is not None:
            found[index] = same
    by_id: dict[str, Recorded] = {}
    for recorded in free:  # the newest record's words for each id
        if recorded.text and recorded.id not in found.values():
            by_id.setdefault(recorded.id, recorded)
    candidates = sorted(by_id.values(), key=lambda r: _given_order(r.id))
    like = _row_pairs if rows else _similar_pairs
    for index, text in new:
        if index not in found:
            taken = set(found.values())
            claim = next((r.id for r in candidates if r.id not in taken and like([r.text or ""], [text])), None)
            if claim is not None:
                found[index] = claim
    return found


def _given_order(clause_id: str) -> tuple[int, int, str]:
    """The order in which ``_align`` gives a parent's ids: by number, then ``p2`` before ``p2a`` … ``p2z``
    before ``p2aa``."""
    match = patterns.ORDINAL_RE.match(clause_id.rsplit("/", 1)[-1])
    if not match:
        return (0, 0, clause_id)
    letters = clause_id.rsplit("/", 1)[-1][match.end("number") :]
    return (int(match.group("number")), len(letters), letters)


def _replaced(before: Sequence[Recorded], after: Sequence[Clause], *, rows: bool = False) -> list[tuple[int, int]]:
    """Which old clause each changed clause of a stretch continues, as (old index, new index) pairs.

    A table's ``rows`` continue only under the same name (``_row_pairs``: the first cell, its unit
    aside): the figures, unit and 预期性 make rows of two indicators alike, and a row under another name
    is another indicator.

    With the old texts known: by likeness (``_similar_pairs``; for a long stretch, by opening sentence
    alone). Without them (a copy with neither git history nor a last build): by the recorded digests
    of the opening sentences, and between those pairs, in place where a run kept its length (the edits
    it reads as); anything else pairs nothing, so its old ids are reported as removed rather than
    given to other words."""
    old_texts = [r.text for r in before]
    new_texts = [c.text for c in after]
    if any(text is None for text in old_texts):  # the record's opening digests ("" for an older line)
        old_openings = [r.opening or r.id for r in before]
        return _by_openings(old_openings, [digest(_opening(t)) for t in new_texts], in_place_between=not rows)
    if rows:
        return _row_pairs([t or "" for t in old_texts], new_texts)
    known = [text or "" for text in old_texts]
    if len(known) * len(new_texts) > MAX_PAIRING_CELLS:
        return _by_openings([_opening(t) for t in known], [_opening(t) for t in new_texts], in_place_between=False)
    return _similar_pairs(known, new_texts)


def _row_name(text: str) -> str:
    """A table row's indicator: its first cell without the unit (``PCT专利申请量（万件）`` → ``PCT专利申请量``)."""
    first = text.split("\n", 1)[0].strip()
    named = patterns.INDICATOR_NAME_UNIT_RE.match(first)
    return named.group("name") if named else first


def _row_pairs(before: Sequence[str], after: Sequence[str]) -> list[tuple[int, int]]:
    """The in-order pairing of old and new table rows under the same indicator: the same name, the unit
    aside (written otherwise, the figures restated). A name a character apart is another row: 测试指标甲
    and 测试指标丙, 专利申请量 and 发明专利申请量 name other indicators as often as a corrected one."""
    old_names, new_names = [_row_name(t) for t in before], [_row_name(t) for t in after]
    return _best_in_order([[1.0 if a == b else 0.0 for b in new_names] for a in old_names])


def _best_in_order(alike: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The in-order pairs (i, j) with the largest total ``alike[i][j]``, counting only pairs above 0."""
    rows, columns = len(alike), len(alike[0]) if alike else 0
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            paired = alike[i][j] + best[i + 1][j + 1] if alike[i][j] else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    pairs, i, j = [], 0, 0
    while i < rows and j < columns:
        if alike[i][j] and best[i][j] == alike[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _by_openings(before: Sequence[str], after: Sequence[str], *, in_place_between: bool) -> list[tuple[int, int]]:
    """Pairs of the clauses whose openings (sentences or their digests) match, in order; with
    ``in_place_between``, also the runs between two such pairs that kept their length (edits in place)."""
    pairs: list[tuple[int, int]] = []
    i0 = j0 = 0
    for i, j, size in difflib.SequenceMatcher(None, before, after, autojunk=False).get_matching_blocks():
        if in_place_between and i - i0 == j - j0:  # (the blocks end with (len, len, 0))
            pairs.extend((i0 + k, j0 + k) for k in range(i - i0))
        pairs.extend((i + k, j + k) for k in range(size))
        i0, j0 = i + size, j + size
    return pairs


def _similar_pairs(before: Sequence[str], after: Sequence[str]) -> list[tuple[int, int]]:
    """The in-order pairing of old and new clauses with the largest total likeness, counting only
    pairs at least ``MIN_SIMILARITY`` alike (``MIN_SIMILARITY_SHORT`` for short texts) or opening
    with the same sentence.

    The same opening sentence comes first: a paragraph split in two continues in the part that
    keeps its opening (its lead phrase, where links to it point), and two merged paragraphs continue
    as the first of them, however long the other part is."""
    rows, columns = len(before), len(after)
    # what each text is besides its characters, worked out once, not for each of the rows × columns pairs
    openings = [_opening(t) for t in before], [_opening(t) for t in after]
    parentheticals = [_responsibility(t) for t in before], [_responsibility(t) for t in after]
    alike = [[0.0] * columns for _ in range(rows)]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            # the first LIKENESS_CHARS characters tell paragraphs apart, at a bounded cost
            matcher = difflib.SequenceMatcher(
                None, before[i][:LIKENESS_CHARS], after[j][:LIKENESS_CHARS], autojunk=False
            )
            if openings[0][i] == openings[1][j] or (parentheticals[0][i] and parentheticals[1][j]):
                alike[i][j] = 1.0 + matcher.ratio()
            else:
                short = min(len(before[i]), len(after[j])) < SHORT_TEXT_CHARS
                needed = MIN_SIMILARITY_SHORT if short else MIN_SIMILARITY
                if matcher.real_quick_ratio() >= needed and matcher.quick_ratio() >= needed:
                    ratio = matcher.ratio()
                    alike[i][j] = ratio if ratio >= needed else 0.0
                if not alike[i][j] and _kept_whole(before[i], after[j]):
                    alike[i][j] = KEPT_LIKENESS * matcher.ratio()  # far below any edit: the last resort
    return _best_in_order(alike)


def _responsibility(text: str) -> bool:
    """Whether a sentence is a task's responsibility parenthetical and nothing else (（知识产权局负责）): an
    agency corrected in it (（工商总局负责）) leaves the same sentence of the task, however few words stay."""
    return patterns.RESPONSIBILITY_RE.match(text.strip()) is not None


def _kept_whole(old: str, new: str) -> bool:
    """Whether one text holds all the words of the other (closing punctuation aside), at least
    ``MIN_KEPT_CHARS`` of them: a short sentence with words added (加强组织领导。 → 加强组织领导，明确责任
    分工。) or taken away is that sentence, edited, however much its length changed."""
    shorter, longer = sorted((old.rstrip(_CLOSING), new.rstrip(_CLOSING)), key=len)
    return len(shorter) >= MIN_KEPT_CHARS and shorter in longer


_CLOSING = "".join(sorted(patterns.SENTENCE_END))


def _opening(text: str) -> str:
    """A text's first sentence (up to its first 。；！？), or all of it."""
    match = patterns.OPENING_SENTENCE_RE.match(text)
    return match.group() if match else text


def _letters() -> Iterator[str]:
    """a, b, …, z, aa, ab, …: the suffixes a new clause's id may take after its older sibling's."""
    for size in itertools.count(1):
        for letters in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=size):
            yield "".join(letters)
