"""The parse stage's grammar: cleaned lines → a tree of clauses following the document's own numbering.

``Builder`` keeps the stack of open clauses and checks each label against the one due (a number skipped,
repeated or mistyped is a located error, with a hint where a dropped line or a lookalike explains it).
Ids are built from the official numbering path (``guofa-2016-86/4-2-3``), never from position where the
text gives a number; unnumbered paragraphs and sentences take their parent's id plus their ordinal within
that parent (``…/p2``, ``…/s3``). Tables are read by ``tables``, the whole text by ``document``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import clean, patterns
from ..errors import Collector, TextError, excerpt
from ..model import Clause, ClauseKind, DocumentMeta, SourceLine
from ..numerals import cn_to_int, int_to_cn
from .sentences import sentence_spans

# Clause kinds whose text is always split into sentence clauses, even a single one.
_ALWAYS_SPLIT = frozenset({ClauseKind.PARAGRAPH, ClauseKind.ARTICLE, ClauseKind.ITEM, ClauseKind.SUBITEM})
# Clause kinds split only when they hold more than one sentence (a heading with its body).
# A line before the body is split when it is prose (a covering notice: 66号's 各有关部门要按照分工方案要求…,
# cited sentence by sentence like the body; third public-reader review), not an addressee list (…知识产权局；…：).
_SPLIT_IF_SEVERAL = frozenset(
    {
        ClauseKind.CHAPTER,
        ClauseKind.SECTION,
        ClauseKind.SUBSECTION,
        ClauseKind.BOX,
        ClauseKind.TABLE_NOTE,
        ClauseKind.PREAMBLE,
    }
)
# Every kind a clause's text is split into sentences for (doubts/unclosed_marks.py reads the same clauses).
SPLIT_KINDS = _ALWAYS_SPLIT | _SPLIT_IF_SEVERAL
_LEVEL = {
    ClauseKind.CHAPTER: 0,
    ClauseKind.ARTICLE: 1,  # a regulation's articles hold （一） and 1. as a plan's sections do
    ClauseKind.SECTION: 1,
    ClauseKind.SUBSECTION: 2,
    ClauseKind.ITEM: 3,
    ClauseKind.SUBITEM: 4,
}
_WHAT = {
    ClauseKind.CHAPTER: "chapter",
    ClauseKind.ARTICLE: "article",
    ClauseKind.SECTION: "section",
    ClauseKind.SUBSECTION: "subsection",
    ClauseKind.ITEM: "item",
    ClauseKind.SUBITEM: "sub-item",
    ClauseKind.BOX: "box",
}


@dataclass
class Frame:
    """An open clause on the parser's stack, with the counters of its children."""

    kind: ClauseKind | None  # None for the document root
    clause_id: str
    path: str  # numbering path below the slug, "" for the root
    depth: int
    label: str = ""
    last_number: dict[ClauseKind, int] = field(default_factory=dict)
    last_label: dict[ClauseKind, str] = field(default_factory=dict)  # the label of that child, as typed
    paragraphs: int = 0


@dataclass
class Builder:
    meta: DocumentMeta
    path: Path
    raw_lines: list[str]
    errors: Collector
    clauses: list[Clause] = field(default_factory=list)
    stack: list[Frame] = field(default_factory=list)
    global_items: int = 0
    last_task_label: str = ""  # the label of task ``global_items``, as typed (66号's 40.)
    through_text: dict[ClauseKind, int] = field(default_factory=dict)  # chapters and articles so far
    boxes: int = 0
    tables: int = 0
    numbered_ids: dict[str, Clause] = field(default_factory=dict)  # the numbered clauses so far, by id
    clashes: set[str] = field(default_factory=set)  # ids two numbered clauses were given (reported)
    slips: dict[str, tuple[int, ...]] = field(default_factory=dict)  # counter → numbers that may follow a slip
    dropped: tuple[SourceLine, ...] = ()  # the lines documents.yaml's dropped_lines took out, for hints

    # -- helpers -------------------------------------------------------------

    def error(self, line: int, message: str, *, near: str = "") -> None:
        self.errors.add(TextError(self.path, line, self._column(line, near), message))

    def _column(self, line: int, near: str) -> int:
        raw = self.raw_lines[line - 1] if 0 < line <= len(self.raw_lines) else ""
        if near:
            found = [at for form in clean.written_forms(near[0]) if (at := raw.find(form)) >= 0]
            if found:
                return min(found) + 1
        stripped = raw.lstrip(" \t\u3000\ufeff#-")
        return len(raw) - len(stripped) + 1

    def make_id(self, path: str) -> str:
        return f"{self.meta.slug}/{path}"

    def add(
        self,
        *,
        kind: ClauseKind,
        path: str,
        parent: Frame,
        label: str,
        number_path: tuple[str, ...],
        text: str,
        line: int,
        title: str = "",
    ) -> Clause:
        clause = Clause(
            id=self.make_id(path),
            doc=self.meta.slug,
            parent=parent.clause_id or None,
            kind=kind,
            label=label,
            number_path=number_path,
            text=text,
            line=line,
            depth=parent.depth,
            title=title,
        )
        self.clauses.append(clause)
        self._add_sentences(clause, path)
        return clause

    def _add_sentences(self, clause: Clause, path: str) -> None:
        if clause.kind not in _ALWAYS_SPLIT and clause.kind not in _SPLIT_IF_SEVERAL:
            return
        if clause.kind is ClauseKind.PREAMBLE and patterns.PROSE_END not in clause.text:
            return
        spans = sentence_spans(clause.text)
        if clause.kind in _SPLIT_IF_SEVERAL and len(spans) < 2:
            return
        for ordinal, (start, end) in enumerate(spans, start=1):
            self.clauses.append(
                Clause(
                    id=f"{clause.id}/s{ordinal}",
                    doc=clause.doc,
                    parent=clause.id,
                    kind=ClauseKind.SENTENCE,
                    label="",
                    number_path=clause.number_path,
                    text=clause.text[start:end],
                    line=clause.line,
                    depth=clause.depth + 1,
                )
            )

    # -- numbered clauses ------------------------------------------------------

    def numbered(self, kind: ClauseKind, match: re.Match[str], line: int) -> None:
        self._numbered(kind, match.group("label"), match.group("num"), match.group("rest"), match.string, line)

    def _numbered(self, kind: ClauseKind, label: str, raw_number: str, rest: str, text: str, line: int) -> None:
        number = cn_to_int(raw_number) if kind in _CHINESE_NUMERALS else int(raw_number)
        if number is None:
            self.error(line, f"expected a Chinese numeral in {label!r}, found {raw_number!r}", near=label)
            return
        if kind is ClauseKind.BOX:
            self.pop_to(ClauseKind.SUBSECTION)
            parent = self.stack[-1]
            self.boxes = self._check(kind, number, self.boxes, line, label, counter="box")
            path = f"box{number}"
        elif kind in _THROUGH_TEXT:  # 第三条 is cited alone: its id names no chapter
            self._pop_below(_LEVEL[kind])
            parent = self.stack[-1]
            last = self.through_text.get(kind, 0)
            self.through_text[kind] = self._check(kind, number, last, line, label, counter=kind.value)
            path = f"{_THROUGH_TEXT[kind]}{number}"
        else:
            self._pop_below(_LEVEL[kind])
            parent = self.stack[-1]
            if kind is ClauseKind.ITEM and self.meta.item_numbering == "global":
                self.global_items = self._check(kind, number, self.global_items, line, label, counter="task")
                self.last_task_label = label
                path = f"t{number}"
            else:
                last = parent.last_number.get(kind, 0)
                parent.last_number[kind] = self._check(kind, number, last, line, label, counter=f"{parent.path}/{kind}")
                parent.last_label[kind] = label
                path = f"{parent.path}-{number}" if parent.path else str(number)
        earlier = self.numbered_ids.get(self.make_id(path))  # a repeat of one kind is reported by _check
        if earlier is not None and earlier.kind is not kind and not self._clash_reported(earlier.id):
            self.clashes.add(earlier.id)
            self.error(
                line,
                f"expected one kind of numbering per level, found {_WHAT[kind]} {label} after "
                f"{_WHAT[earlier.kind]} {earlier.label} of line {earlier.line}: both would be clause {earlier.id}",
                near=label,
            )
        clause = self.add(
            kind=kind,
            path=path,
            parent=parent,
            label=label,
            number_path=(*self.numbering(), label),
            text=text,
            line=line,
            title=heading_title(rest),
        )
        self.numbered_ids.setdefault(clause.id, clause)
        self.stack.append(Frame(kind=kind, clause_id=clause.id, path=path, depth=parent.depth + 1, label=label))

    def _clash_reported(self, clause_id: str) -> bool:
        """Whether a clash of ``clause_id`` or of a clause above it was reported (its children clash too)."""
        return any(clause_id == reported or clause_id.startswith(reported + "-") for reported in self.clashes)

    def _check(self, kind: ClauseKind, number: int, last: int, line: int, label: str, *, counter: str) -> int:
        """The number a counter goes on from; a number out of sequence is reported.

        One slip, one message: after a number out of sequence, the next one may follow either the
        number found (an extra or a skipped clause: 40, 40, 41) or the number expected (a misnumbered
        one: 40, 40, 42), or after a number gone backwards be the one expected (a stray line: 6, 2, 7),
        and is taken without a message, the counter going on from it."""
        after_slip = self.slips.pop(counter, ())
        if number in after_slip:
            return number
        if number != last + 1:
            # a number gone backwards (6, 2, 7) is a stray line: the next may be the one expected here
            self.slips[counter] = (number + 1, last + 2, *((last + 1,) if number < last else ()))
            what = "task" if kind is ClauseKind.ITEM and self.meta.item_numbering == "global" else _WHAT[kind]
            shown = _shown(kind, number)
            if last == 0:
                self.error(line, f"expected the first {what} to be {_shown(kind, 1)}, found {shown}", near=label)
            elif number == last:
                # where the first stands: a stray line far from it (a 专栏1 typed into a table) is the damage
                first = next((clause.line for clause in reversed(self.clauses) if clause.kind is kind), None)
                self.error(
                    line,
                    f"expected {what} {_shown(kind, last + 1)} after {what} {shown}, found {shown} again"
                    + (f" (first at line {first})" if first is not None else ""),
                    near=label,
                )
            else:
                hint = ""
                if number > last:
                    hint = self._dropped_hint(kind, last + 1, line) or self._lookalike_hint(
                        kind, last + 1, what, lost=number == last + 2
                    )
                self.error(
                    line,
                    f"expected {what} {_shown(kind, last + 1)} after {what} {_shown(kind, last)}, found {shown}" + hint,
                    near=label,
                )
        return max(number, last + 1)

    def _dropped_hint(self, kind: ClauseKind, expected: int, line: int) -> str:
        """For a number skipped: a line ``dropped_lines`` took out of the text since the last clause of ``kind``
        that opens with the label expected (documents.yaml listed a line of the text as web-page chrome)."""
        since = next((clause.line for clause in reversed(self.clauses) if clause.kind is kind), 0)
        regex = dict(NUMBERING)[kind]
        for dropped in self.dropped:
            label = regex.match(dropped.text) if since < dropped.number < line else None
            if label is None or numbering_kind(dropped.text) is not kind:  # no label of its kind: （二） is no 2.
                continue
            raw = label.group("num")
            if (cn_to_int(raw) if kind in _CHINESE_NUMERALS else int(raw)) == expected:
                return (
                    f"; line {dropped.number} ({excerpt(dropped.text, 20)!r}) opens with {_shown(kind, expected)}, "
                    "but documents.yaml's dropped_lines takes it out of the text"
                )
        return ""

    def _lookalike_hint(self, kind: ClauseKind, expected: int, what: str, *, lost: bool) -> str:
        """For a number skipped: the unnumbered line since the last clause of ``kind`` that starts like the
        label expected (58。深化…, 57.57.实施…), which the grammar read as prose; else, when one number is
        skipped (``lost``) and one unnumbered line stands under the item (or subsection) before, that line, which
        most likely lost its number (an item has no paragraph of its own as a rule); else nothing."""
        lookalike = patterns.label_lookalike_re((str(expected), int_to_cn(expected)))
        unnumbered = []
        before = None  # the item before
        for clause in reversed(self.clauses):
            if clause.kind is kind:
                before = clause
                break
            if clause.kind is ClauseKind.PARAGRAPH and lookalike.match(clause.text):
                return f"; line {clause.line} ({excerpt(clause.text, 20)!r}) starts like {_shown(kind, expected)} but is no label"
            if clause.kind is ClauseKind.PARAGRAPH:
                unnumbered.append(clause)
        # a parenthetical alone on its line is the item's own, broken off it (extract/tasks.py reads it)
        under = [
            c for c in unnumbered if before and c.parent == before.id and not patterns.ROLES_ALONE_RE.match(c.text)
        ]
        # a subsection may have paragraphs of its own, but in a text whose subsections are each one line (106号)
        # the one paragraph under the one before is the line that lost its label (（二）构建… typed as 构建…)
        lost_kinds = (ClauseKind.ITEM, ClauseKind.SUBITEM, ClauseKind.SUBSECTION)
        if lost and kind in lost_kinds and len(unnumbered) == 1 and len(under) == 1:
            line = under[0]
            shown = f"{what} {_shown(kind, expected)}"
            return f"; line {line.line} ({excerpt(line.text, 20)!r}) has no label: is it {shown} with its number lost?"
        return ""

    def mistyped_label(self, text: str, line: int) -> bool:
        """Whether ``text``, which the grammar reads as prose, starts as the label a numbering open here expects
        next, mistyped: 2) 2） (2) （2) for 2., 三. 三， for 三、, 2) for （二）. Then it is said here, and the line
        is read as that label, so that what follows is numbered as meant (no second message at the next label).
        Not when the prose since the last label opened a list of its own (1) 2) 3) inside an item), nor for a
        专栏 or 第…章/条 (``_lookalike_hint`` names those where the number skipped is found), nor for a page
        number (``patterns.PAGE_NUMBER_RE``: - 2 - of a PDF's copy is no item 2. to write)."""
        if patterns.PAGE_NUMBER_RE.match(text):
            return False
        # ((typed in its numbering's script, with its brackets or without), kind, number, label before it, match),
        # the deepest first
        candidates = []
        for kind, number, before in self._expected_labels():
            typed = patterns.mistyped_label(text, (str(number), int_to_cn(number)))
            if typed is not None:
                arabic = any(ch.isdigit() for ch in typed.group())
                bracketed = any(ch in "（()）" for ch in typed.group())
                fits = (arabic is (kind not in _CHINESE_NUMERALS), bracketed is (kind in _BRACKETED))
                candidates.append((fits, kind, number, before, typed))
        if not candidates:
            return False
        if any(patterns.mistyped_label(clause.text, ("1", "一")) for clause in self._prose_since_label()):
            return False
        # the deepest typed in its numbering's script, then in its form: 2) is an item's, 二) a subsection's; where
        # section 三、 and subsection （三） are both next, 三. is the section's and （三 the subsection's
        _, kind, number, before, typed = max(candidates, key=lambda candidate: candidate[0])
        self._read_as_expected(kind, number, before, typed.group().strip(), "not a label", text, typed.end(), line)
        return True

    def numerals_listed(self, text: str, later: list[SourceLine]) -> bool:
        """Whether ``text``, which starts as a section's label, starts with numerals listed before the word they
        rank (``patterns.NUMERALS_LISTED_RE``: 二、三产业融合发展。), prose. It is, unless its first numeral is
        the section due here and no later line (up to the next chapter) is that section: then the numbering
        needs it (三、四季度重点工作 heading section 三). Where 二 is due and 二、保障措施 follows, 二、三产业… is
        the prose; where 一 or 三 is not due, 一、二类… and 三、四季度… are."""
        if not patterns.NUMERALS_LISTED_RE.match(text):
            return False
        number = cn_to_int(text[: text.index("、")])
        if number != self._open_below(_LEVEL[ClauseKind.SECTION]).last_number.get(ClauseKind.SECTION, 0) + 1:
            return True
        for line in later:
            if patterns.CHAPTER_RE.match(line.text):
                break
            section = patterns.SECTION_RE.match(line.text)
            if section is not None and not patterns.NUMERALS_LISTED_RE.match(line.text):
                return cn_to_int(section.group("num")) == number
        return False

    def misplaced_subitem(self, match: re.Match[str], line: int) -> bool:
        """Whether a sub-item's label, （2）, stands where no sub-item numbering is open and it could not start one
        (its number not 1), while a numbering open here expects that number next: （二） with its numeral typed in
        Arabic digits, or item 2. in brackets. Then it is said here and the line read as the label due, as
        ``mistyped_label`` does (the deepest numbering, an Arabic one first), not as 'expected the first sub-item
        to be （1）' with a second message at the next label of the numbering meant. A （2） that goes on from a
        （1） is a sub-item, whatever else is due."""
        number = int(match.group("num"))
        if number == 1 or self._open_below(_LEVEL[ClauseKind.SUBITEM]).last_number.get(ClauseKind.SUBITEM):
            return False
        candidates = [
            (kind not in _CHINESE_NUMERALS, kind, before)
            for kind, due, before in self._expected_labels()
            if due == number and kind is not ClauseKind.SUBITEM
        ]
        if not candidates:
            return False
        _, kind, before = max(candidates, key=lambda candidate: candidate[0])
        found, rest = match.group("label"), match.end("label")
        self._read_as_expected(kind, number, before, found, "a sub-item's label", match.string, rest, line)
        return True

    def _read_as_expected(
        self, kind: ClauseKind, number: int, before: str, found: str, why: str, text: str, end: int, line: int
    ) -> None:
        """Say that the label ``found`` (ending at ``end`` of ``text``) stands where label ``number`` of ``kind``
        was due, after ``before``, and read the line as that label, written as ``before`` was."""
        numeral = int_to_cn(number) if kind in _CHINESE_NUMERALS else str(number)
        label = patterns.LABEL_NUMBER_RE.sub(lambda _: numeral, before, count=1)
        what = "task" if kind is ClauseKind.ITEM and self.meta.item_numbering == "global" else _WHAT[kind]
        self.error(
            line, f"expected {what} {label} after {what} {before}, found {found!r}, {why}: write {label}", near=found
        )
        self._numbered(kind, label, numeral, text[end:].lstrip(), text, line)

    def _open_below(self, level: int) -> Frame:
        """The clause a numbered clause at ``level`` would be under (``_pop_below`` without closing anything)."""
        for frame in reversed(self.stack):
            if frame.kind is None or (frame.kind is not ClauseKind.BOX and _LEVEL.get(frame.kind, 99) < level):
                return frame
        return self.stack[0]

    def _expected_labels(self) -> list[tuple[ClauseKind, int, str]]:
        """The next number of each section, subsection, item and sub-item numbering open at this line, with the
        label of the one before it, the deepest first (a task's of 66号 at an item's depth)."""
        expected = [
            (_LEVEL[kind], kind, number + 1, frame.last_label[kind])
            for frame in self.stack
            for kind, number in frame.last_number.items()
            if kind in _MISTYPED_KINDS and kind in frame.last_label
        ]
        if self.meta.item_numbering == "global" and self.global_items:
            expected.append((_LEVEL[ClauseKind.ITEM], ClauseKind.ITEM, self.global_items + 1, self.last_task_label))
        expected.sort(key=lambda entry: -entry[0])
        return [(kind, number, before) for _, kind, number, before in expected]

    def _prose_since_label(self) -> list[Clause]:
        """The paragraphs after the last numbered clause (or table), nearest first."""
        prose = []
        for clause in reversed(self.clauses):
            if clause.kind is ClauseKind.PARAGRAPH:
                prose.append(clause)
            elif clause.kind is not ClauseKind.SENTENCE:
                break
        return prose

    def numbering(self) -> tuple[str, ...]:
        return tuple(frame.label for frame in self.stack if frame.kind is not None)

    def _pop_below(self, level: int) -> None:
        """Close every open clause at ``level`` or deeper (and any box)."""
        while self.stack[-1].kind is not None and (
            self.stack[-1].kind is ClauseKind.BOX or _LEVEL.get(self.stack[-1].kind, 99) >= level
        ):
            self.stack.pop()

    def pop_to(self, kind: ClauseKind) -> None:
        """Close clauses until the top is at most as deep as ``kind``."""
        self._pop_below(_LEVEL[kind] + 1)

    def _close_article_items(self) -> None:
        """An article's （一） or 1. is one 项 of a paragraph: an unnumbered line after its items is the
        article's next paragraph (第十三条第二款), not a paragraph of its last item."""
        if any(frame.kind is ClauseKind.ARTICLE for frame in self.stack):
            while self.stack[-1].kind is not ClauseKind.ARTICLE:
                self.stack.pop()

    # -- unnumbered clauses ----------------------------------------------------

    def paragraph(self, text: str, line: int, *, kind: ClauseKind = ClauseKind.PARAGRAPH) -> None:
        self._close_article_items()
        parent = self.stack[-1]
        parent.paragraphs += 1
        prefix = "pre" if kind is ClauseKind.PREAMBLE else "p"
        ordinal = f"{prefix}{parent.paragraphs}"
        path = f"{parent.path}/{ordinal}" if parent.path else ordinal
        # under 二、（五） its path is that section's, as a numbered item's sentences carry the item's
        self.add(kind=kind, path=path, parent=parent, label="", number_path=self.numbering(), text=text, line=line)

    def closing_paragraph(self, text: str, line: int) -> None:
        """A paragraph of the body's close (``body_close_starts_at``): after the last part, not in it
        (各有关部门和地方要按照本方案精神… is the plan's close, not a paragraph of its 三（三）)."""
        if starts_with_label(text):
            found = f"the numbered line {text[:20]!r}"
            self.error(line, only_unnumbered("unnumbered closing paragraphs", "body_close_starts_at", self.meta, found))
        del self.stack[1:]
        self.paragraph(text, line)


# Chapters and articles are numbered through the whole text: id prefix of each (``ch2``, ``art15``).
_THROUGH_TEXT = {ClauseKind.CHAPTER: "ch", ClauseKind.ARTICLE: "art"}
_CHINESE_NUMERALS = frozenset({ClauseKind.CHAPTER, ClauseKind.ARTICLE, ClauseKind.SECTION, ClauseKind.SUBSECTION})
# The numberings whose next label, mistyped, is said where it stands (``Builder.mistyped_label``).
_MISTYPED_KINDS = frozenset({ClauseKind.SECTION, ClauseKind.SUBSECTION, ClauseKind.ITEM, ClauseKind.SUBITEM})
# … and those of them whose label is in brackets: （三） and （3）, not 三、 and 3.
_BRACKETED = frozenset({ClauseKind.SUBSECTION, ClauseKind.SUBITEM})


def _shown(kind: ClauseKind, number: int) -> str:
    if kind in _THROUGH_TEXT:
        return f"第{int_to_cn(number)}{'章' if kind is ClauseKind.CHAPTER else '条'}"
    if kind is ClauseKind.SECTION:
        return f"{int_to_cn(number)}、" if 0 < number < 100 else str(number)
    if kind is ClauseKind.SUBSECTION:
        return f"（{int_to_cn(number)}）" if 0 < number < 100 else str(number)
    if kind is ClauseKind.SUBITEM:
        return f"（{number}）"
    if kind is ClauseKind.BOX:
        return f"专栏{number}"
    return str(number)


def heading_title(rest: str) -> str:
    """The heading words after the label: up to the first sentence end, without it."""
    spans = sentence_spans(rest)
    if not spans:
        return ""
    start, end = spans[0]
    return rest[start:end].rstrip("。；：:").strip()


def numbering_kind(text: str) -> ClauseKind | None:
    for kind, regex in NUMBERING:
        if regex.match(text):
            return kind
    return None


def starts_with_label(text: str) -> bool:
    """Whether ``text`` starts with a label, where no numbering goes on (the body's close, the 落款, a table's
    cells): numerals listed before the word they rank (``patterns.NUMERALS_LISTED_RE``: 二、三产业…, 一、二线城市)
    are prose or a cell there, as they are in the body wherever their first numeral is not the section due
    (``Builder.numerals_listed``)."""
    kind = numbering_kind(text)
    return kind is not None and not (kind is ClauseKind.SECTION and patterns.NUMERALS_LISTED_RE.match(text))


NUMBERING: tuple[tuple[ClauseKind, re.Pattern[str]], ...] = (
    (ClauseKind.CHAPTER, patterns.CHAPTER_RE),
    (ClauseKind.ARTICLE, patterns.ARTICLE_RE),
    (ClauseKind.BOX, patterns.BOX_RE),
    (ClauseKind.SECTION, patterns.SECTION_RE),
    (ClauseKind.SUBSECTION, patterns.SUBSECTION_RE),
    (ClauseKind.SUBITEM, patterns.SUBITEM_RE),
    (ClauseKind.ITEM, patterns.ITEM_RE),
)


def only_unnumbered(what: str, key: str, meta: DocumentMeta, found: str) -> str:
    """A numbered line (or a table) where ``key`` says only unnumbered ``what`` stand: the start named a
    line of the body's parts."""
    return f"expected only {what} from {key} {getattr(meta, key)!r} on, found {found}"
