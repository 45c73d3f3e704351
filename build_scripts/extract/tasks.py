"""Tasks: the numbered duties of each text, and for 国办函〔2016〕66号 who leads and who takes part.

Roles come from the parenthetical that closes each globally numbered task
(the text's own rule, stated in task 2: "列第一位者为牵头部门，下同"):

=====================================  =============  ===========================================
parenthetical                          mode           roles
=====================================  =============  ===========================================
（A负责）                              sole           A leads
（A、B、C负责）                        first_listed   A leads; B, C take part
（A、B牵头，C、D负责）                 explicit       A, B lead; C, D take part
（A、B牵头负责）                       explicit       A, B lead
（A、B按职责分别负责）                 by_duty        A leads (listed first); A, B each within its remit
（…、C等负责）                         (any)          open_list: the list is not exhaustive
=====================================  =============  ===========================================

The other texts have no such parentheticals: their tasks carry mode ``none``, and any
agency their text names is a mention (``mentioned_agencies``). Prose is not read for roles, so a
duty given there (渝府发〔2016〕25号 三（四）: 市政府督查室牵头…) is neither claimed nor denied: the
pages call the mode 原文未逐项列出责任部门, not 未分工.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import clean, patterns
from ..citation import body_title, paragraph_place, reading_places
from ..clean import split_lines
from ..errors import Collector, CurationError, SourceError, SourceWarning, TextError, excerpt
from ..load import files
from ..load.texts import read_text
from ..model import Clause, ClauseKind, Corpus, Document, Task, TaskScope
from .agencies import FILE_NAME as AGENCIES_FILE
from .agencies import AgencyMatcher, load_agencies


@dataclass(frozen=True, kw_only=True)
class Roles:
    """A parsed responsibility parenthetical: agency names as written, with their offsets in ``body``."""

    mode: str
    leads: tuple[tuple[str, int], ...]
    others: tuple[tuple[str, int], ...]
    open_list: bool


def parse_roles(body: str) -> Roles | None:
    """The roles a parenthetical's body assigns, or None if it does not read as one."""
    body = patterns.FIRST_LISTED_NOTE_RE.sub("", body)
    split = patterns.LEAD_SPLIT_RE.match(body)
    if split:
        leads, lead_open = _names(split.group("leads"), 0)
        rest = split.group("others")
        for suffix in (patterns.BY_DUTY_SUFFIX, patterns.PLAIN_SUFFIX):
            if rest.endswith(suffix):
                rest = rest[: -len(suffix)]
                break
        others, others_open = _names(rest, split.start("others"))
        return Roles(mode="explicit", leads=leads, others=others, open_list=lead_open or others_open)
    for suffix, mode in (
        (patterns.BY_DUTY_SUFFIX, "by_duty"),
        (patterns.JOINT_LEAD_SUFFIX, "explicit"),
        (patterns.LEAD_MARK, "explicit"),
        (patterns.PLAIN_SUFFIX, "listed"),
    ):
        if body.endswith(suffix):
            names, open_list = _names(body[: -len(suffix)], 0)
            if not names:
                return None
            if mode == "by_duty":  # 66号 says 列第一位者为牵头部门，下同 of every list: these lists too
                return Roles(mode=mode, leads=names[:1], others=names[1:], open_list=open_list)
            if mode == "explicit":
                return Roles(mode=mode, leads=names, others=(), open_list=open_list)
            mode = "sole" if len(names) == 1 and not open_list else "first_listed"
            return Roles(mode=mode, leads=names[:1], others=names[1:], open_list=open_list)
    return None


def _names(text: str, offset: int) -> tuple[tuple[tuple[str, int], ...], bool]:
    """Split "A、B、C等" into ((name, offset), …) and whether it ended with 等."""
    open_list = False
    names = []
    position = offset
    for part in text.split(patterns.AGENCY_LIST_SEPARATOR):
        name = part.strip()
        if name.endswith(patterns.OPEN_LIST_MARK) and len(name) > 1:
            name, open_list = name[:-1], True
        if name:
            names.append((name, position + part.index(name[0])))
        position += len(part) + len(patterns.AGENCY_LIST_SEPARATOR)
    return tuple(names), open_list


# Which clauses are tasks ---------------------------------------------------------


def section_of(clause: Clause, by_id: dict[str, Clause]) -> str:
    """Clause id of the top-level ancestor (the 一、二、… section) of a clause."""
    while clause.parent and clause.parent in by_id:
        clause = by_id[clause.parent]
    return clause.id


def task_id(clause_id: str) -> str:
    return clause_id.replace("/", "-")


def extract_tasks(corpus: Corpus, matcher: AgencyMatcher, source: Path, errors: Collector) -> tuple[Task, ...]:
    tasks: list[Task] = []
    for document in corpus.documents:
        if document.meta.item_numbering == "global":
            tasks.extend(_global_tasks(document, matcher, source, errors))
            continue
        if document.meta.tasks:  # documents.yaml ``tasks``; a document without them has none
            tasks.extend(_plain_tasks(document, matcher, source, errors))
    _check_own_pages(corpus, tasks, source, errors)
    return tuple(tasks)


def _check_own_pages(corpus: Corpus, tasks: list[Task], source: Path, errors: Collector) -> None:
    """A slug that continues another's (guofa-2016-86-4 after guofa-2016-86) can give a task the id, and
    the page, of the other's (…/1-1 and …/4-1-1 are both tasks/guofa-2016-86-4-1-1/): say so at its slug."""
    owners: dict[str, Task] = {}
    reported: set[str] = set()
    for task in tasks:
        first = owners.setdefault(task.id, task)
        if first is task or task.doc in reported:
            continue
        reported.add(task.doc)
        longer, shorter = sorted((task.doc, first.doc), key=len, reverse=True)
        meta = corpus.document(longer).meta
        message = (
            f"expected task pages of {longer}'s own, found /tasks/{task.id}/ the page of both {first.clause} and "
            f"{task.clause}: give it a slug that does not continue {shorter}'s"
        )
        errors.add(CurationError(source / "documents.yaml", *meta.where("slug"), message))


def _children(document: Document) -> dict[str, list[Clause]]:
    children: dict[str, list[Clause]] = {}
    for clause in document.clauses:
        children.setdefault(clause.parent or "", []).append(clause)
    return children


def _below(clause: Clause, children: dict[str, list[Clause]]) -> list[Clause]:
    """The clauses under ``clause`` in text order, without sentences."""
    found = []
    for child in children.get(clause.id, []):
        if child.kind is not ClauseKind.SENTENCE:
            found.extend([child, *_below(child, children)])
    return found


def _line_of(clauses: list[Clause], fragment: str) -> int:
    """The source line of ``fragment`` within a task's clauses (its own and those below it, each possibly of
    several lines), read as one text."""
    whole = "\n".join(clause.text for clause in clauses)
    at = max(whole.find(fragment), 0)
    for clause in clauses:
        if at <= len(clause.text):
            return clause.line + clause.text[:at].count("\n")
        at -= len(clause.text) + 1
    return clauses[-1].line


def _number_of(clause: Clause) -> str:
    """A 66号-style task's number as its messages name it (``4.`` → 4)."""
    return clause.label.rstrip(".．、")


def _paragraph_after_task(path: Path, raw_lines: list[str], number: str, paragraph: Clause) -> SourceWarning:
    """The warning at a paragraph after a whole 66号-style task (its parenthetical closed it): a paragraph of the
    body that the numbering puts under the task, published on the document page and not on the task's."""
    raw = raw_lines[paragraph.line - 1] if 0 < paragraph.line <= len(raw_lines) else ""
    return SourceWarning(
        path,
        paragraph.line,
        len(raw) - len(raw.lstrip()) + 1,
        f"expected a task or a heading after task {number}'s parenthetical, found a paragraph "
        f"({excerpt(paragraph.text, 20)!r}): it is on the document page, not on task {number}'s; if it closes "
        f"the body, set body_close_starts_at: {excerpt(paragraph.text, 10).rstrip('…')!r} in its documents.yaml entry",
    )


def _whole_text(clause: Clause, below: list[Clause]) -> str:
    """A task's text: its own without its label, then each clause below it (a further paragraph, an article's
    款 and 项), one to a line."""
    return "\n".join([_body_text(clause), *(c.text for c in below)])


def _body_text(clause: Clause) -> str:
    return clause.text[len(clause.label) :].strip() if clause.label else clause.text


def _number(document: Document, clause: Clause, by_id: dict[str, Clause], places: dict[str, int]) -> str:
    """The task's number as a reader cites it: "14", "四（二）3", "专栏3", "二（一）第1段", "第三条第二款",
    "专栏1第2段", "第一章第1段".

    A paragraph is counted where it stands among its parent's paragraphs (``places``, from
    ``citation.reading_places``), like the copy button's 第N段, not by the number in its id.
    """
    if document.meta.item_numbering == "global":
        return clause.label.rstrip(".．、 ")
    if clause.kind is ClauseKind.BOX:
        return clause.label.replace(" ", "")
    chain = []
    node: Clause | None = clause
    while node is not None:
        chain.append(node)
        node = by_id.get(node.parent or "")
    parts = []
    for node in reversed(chain):
        # cited alone, as their citations are: a chapter, an article (第十三条, its chapter no part of the
        # number) and a box (专栏1第2段, not the section its heading is in)
        if node.kind in (ClauseKind.CHAPTER, ClauseKind.ARTICLE, ClauseKind.BOX):
            parts = [node.label.replace(" ", "")]
        elif node.kind is ClauseKind.SECTION:
            parts.append(node.label.rstrip("、"))
        elif node.kind in (ClauseKind.SUBSECTION, ClauseKind.SUBITEM):
            parts.append(node.label)
        elif node.kind is ClauseKind.ITEM:
            parts.append(node.label.rstrip(".．、"))
        elif node.kind is ClauseKind.PARAGRAPH:
            # as its citation counts it: 第二部分第（一）条第1段, an article's 第三条第二款
            parent = by_id.get(node.parent or "")
            in_article = parent is not None and parent.kind is ClauseKind.ARTICLE
            parts.append(paragraph_place(places[node.id], in_article=in_article))
    return "".join(parts)


def _plain_tasks(document: Document, matcher: AgencyMatcher, source: Path, errors: Collector) -> list[Task]:
    """The clauses documents.yaml's ``tasks`` names; a scope that names none is a located error (a
    typo there would silently take every page of the document's tasks away)."""
    by_id = {clause.id: clause for clause in document.clauses}
    title_lines = body_title(document)  # the body's title: no task, and not counted among paragraphs
    places = reading_places(document, title_lines)
    children = _children(document)
    scopes = document.meta.tasks
    used: dict[TaskScope, set[str]] = {}  # each scope → the sections it found clauses under
    tasks = []
    for clause in document.clauses:
        section = section_of(clause, by_id)
        holding = [scope for scope in scopes if scope.holds(clause, section.split("/", 1)[-1])]
        if not holding or clause.id in title_lines:
            continue
        for scope in holding:
            used.setdefault(scope, set()).add(section.split("/", 1)[-1])
        if clause.kind is ClauseKind.BOX:
            title = clause.title
            text = "\n".join(c.text for c in children.get(clause.id, []) if c.kind is not ClauseKind.SENTENCE)
        elif clause.kind is ClauseKind.PARAGRAPH:
            sentences = [c for c in children.get(clause.id, []) if c.kind is ClauseKind.SENTENCE]
            first = sentences[0].text if sentences else clause.text
            title = first.rstrip("。；")
            text = clause.text
        else:  # the whole item, subsection or article: its further paragraphs (an article's 款) and 项
            title = clause.title
            text = _whole_text(clause, _below(clause, children))
        mentioned = tuple(dict.fromkeys(agency for agency, _, _ in matcher.find(text)))
        tasks.append(
            Task(
                id=task_id(clause.id),
                doc=document.slug,
                number=_number(document, clause, by_id, places),
                clause=clause.id,
                title=title,
                text=text,
                lead_agencies=(),
                other_agencies=(),
                mode="none",
                open_list=False,
                section=section,
                mentioned_agencies=mentioned,
            )
        )
    for scope in scopes:
        # a section named in error beside a right one (sections: [4, 9] for [4, 5]) would take the other's
        # tasks away as silently as a scope naming none: each is said
        empty = [n for n in scope.sections if n not in used.get(scope, ())] if scope in used else list(scope.sections)
        if scope not in used or empty:
            where = f"{scope.kind.value}" + (f" under section {', '.join(empty)}" if empty else "")
            depth = f" at depth {scope.depth}" if scope.depth is not None else ""
            each = "each section of " if scope in used else ""
            errors.add(
                CurationError(
                    source / "documents.yaml",
                    scope.line,
                    scope.column,
                    f"expected {each}the tasks scope to name clauses of {document.slug}, found no {where}{depth}",
                )
            )
    return tasks


def check_agencies(source: Path, documents: Iterable[Document], errors: Collector) -> None:
    """For a run that stops before the extract stage: the problems it would find there in the agency
    register (read on its own, not against the texts) and in the responsibility parentheticals (66号's
    （A、B负责）: an abbreviation the register lacks, an empty place) of the documents whose items are
    numbered through, said with the run's other problems, not in the next run. The parentheticals not
    when the register does not read cleanly: the names it would give are in doubt."""
    before = len(errors.errors)
    try:
        matcher = AgencyMatcher(load_agencies(source, errors))
    except CurationError:  # said with the syntax of the curated files
        return
    if len(errors.errors) > before or not matcher.by_form:
        return
    for document in documents:
        if document.meta.item_numbering == "global":
            _global_tasks(document, matcher, source, errors)


def _global_tasks(document: Document, matcher: AgencyMatcher, source: Path, errors: Collector) -> list[Task]:
    path = source / document.meta.source_file
    raw_lines: list[str] | None = None

    def raw() -> list[str]:  # the source lines as read, for the columns of messages: read once, if at all
        nonlocal raw_lines
        if raw_lines is None:
            raw_lines = _raw_lines(path)
        return raw_lines

    def say(line: int, column: int, message: str) -> None:  # a problem of the text's, where it stands
        errors.add(TextError(path, line, column, message))

    # no register to check the names against: a missing one is reported once here, an empty one on load
    say_missing_register = not matcher.by_form and files.absent(source / AGENCIES_FILE)
    by_id = {clause.id: clause for clause in document.clauses}
    children = _children(document)
    tasks = []
    for clause in document.clauses:
        if clause.kind is not ClauseKind.ITEM:
            continue
        # a paragraph after the task's line: its parenthetical broken onto a line of its own, read as the task's
        # (a second one is refused); after a whole task, a paragraph of the body (its close?), said
        number = _number_of(clause)  # as the messages name the task
        clauses = [clause, *_below(clause, children)]
        if (
            len(clauses) > 1
            and patterns.RESPONSIBILITY_RE.search(_body_text(clause)) is not None
            and not any(patterns.RESPONSIBILITY_RE.search(c.text) for c in clauses[1:])
        ):
            errors.warn(_paragraph_after_task(path, raw(), number, clauses[1]))
            clauses = clauses[:1]
        text = _whole_text(clause, clauses[1:])
        match = patterns.RESPONSIBILITY_RE.search(text)
        roles = parse_roles(match.group("body")) if match else None
        lead_ids: list[str] = []
        other_ids: list[str] = []
        earlier = patterns.RESPONSIBILITY_RE.search(text[: match.start()]) if match else None
        if match and earlier:  # a pasted second one: the roles would come from the last, the first stay as text
            line = _line_of(clauses, earlier.group(0))
            say(
                line,
                _opening_column(raw(), line, earlier.group(0).strip(), first=True),
                f"expected task {number} to end in one parenthetical like （A、B负责）, "
                f"found two: {earlier.group(0).strip()}{match.group(0).strip()}",
            )
        if match and roles is None:
            line = _line_of(clauses, match.group(0))
            say(
                line,
                _opening_column(raw(), line, match.group(0).strip()),
                f"expected task {number} to end in a parenthetical like （A、B负责）, found （{match.group('body')}）",
            )
        elif match is None:
            tail = text.split("\n")[-1] if text else ""
            line = clauses[-1].line + clauses[-1].text.count("\n")
            say(
                line,
                _missing_column(raw(), line),
                f"expected task {number} to end in a parenthetical like "
                f"（A、B负责）, found {('…' + tail[-16:]) if len(tail) > 16 else tail!r}",
            )
        if roles is not None:
            assert match is not None
            empty = patterns.EMPTY_AGENCY_RE.search(match.group("body"))
            if empty is not None:
                line = _line_of(clauses, match.group(0))
                say(
                    line,
                    _opening_column(raw(), line, match.group(0).strip()),
                    f"expected an agency name at each 、 and after 牵头， in the parenthetical of task "
                    f"{number}, found none in （{match.group('body')}）",
                )
            lead_again = roles.mode == "explicit" and any(patterns.LEAD_MARK in name for name, _ in roles.others)
            if lead_again:  # "A牵头，A牵头，B负责": the names after the first 牵头， are not names to look up
                line = _line_of(clauses, match.group(0))
                say(
                    line,
                    _column(raw(), line, patterns.LEAD_MARK, again=True),
                    f"expected {patterns.LEAD_MARK} once in the parenthetical of task {number}, "
                    f"found it again in （{match.group('body')}）",
                )
            for names, ids in ((roles.leads, lead_ids), (() if lead_again else roles.others, other_ids)):
                for name, _offset in names:
                    agency_id = matcher.resolve(name)
                    if agency_id is not None:
                        if agency_id not in lead_ids and agency_id not in other_ids:
                            ids.append(agency_id)
                        elif (
                            agency_id not in matcher.shared_ids
                            and name not in matcher.contested
                            and not any(
                                form in matcher.contested and matcher.resolve(form) == agency_id
                                for form, _ in (*roles.leads, *roles.others)
                            )
                        ):
                            line = _line_of(clauses, match.group(0))
                            say(
                                line,
                                _column(raw(), line, name, again=True),
                                f"expected each agency once in the parenthetical of task "
                                f"{number}, found {name!r} again",
                            )
                        continue
                    if not matcher.by_form:  # no register: the names can be neither checked nor linked
                        if say_missing_register:
                            errors.add(
                                CurationError(
                                    source / AGENCIES_FILE,
                                    1,
                                    1,
                                    f"expected the agency register, which {path.name} needs for the agencies "
                                    f"of its tasks (task {number} names {name!r}), found no such file",
                                )
                            )
                        say_missing_register = False  # said once
                        continue
                    line = _line_of(clauses, match.group(0))
                    column = _column(raw(), line, name)
                    parts = [part for part in patterns.AGENCY_RUN_TOGETHER_RE.split(name) if part]
                    together = len(parts) > 1 and all(matcher.resolve(part) is not None for part in parts)
                    say(
                        line,
                        column,
                        f"expected an agency name or short name from agencies.yaml, found {name!r}"
                        + (": agencies of agencies.yaml run together; separate them with 、" if together else ""),
                    )
        body = text[: match.start()].strip() if match else text
        tasks.append(
            Task(
                id=task_id(clause.id),
                doc=document.slug,
                number=_number(document, clause, {}, {}),
                clause=clause.id,
                title=clause.title,
                text=body,
                lead_agencies=tuple(lead_ids),
                other_agencies=tuple(other_ids),
                mode=roles.mode if roles else "none",
                open_list=roles.open_list if roles else False,
                section=section_of(clause, by_id),
                mentioned_agencies=() if roles else tuple(dict.fromkeys(agency for agency, _, _ in matcher.find(body))),
            )
        )
    return tasks


def _raw_lines(path: Path) -> list[str]:
    try:
        return split_lines(read_text(path).text)
    except SourceError:
        return []


def _column(raw_lines: list[str], line: int, name: str, *, again: bool = False) -> int:
    """1-based column of ``name`` inside the last parenthetical of the raw source line (``again``: of its
    second place there, for a name listed twice)."""
    if not 0 < line <= len(raw_lines):
        return 1
    raw = raw_lines[line - 1]
    opening = max(raw.rfind("（"), raw.rfind("("))
    as_written = clean.as_written(name)
    found = as_written.search(raw, max(opening, 0))
    if found is not None and again:
        found = as_written.search(raw, found.end())
    if found is None:
        found = as_written.search(raw)
    return found.start() + 1 if found is not None else max(opening, 0) + 1


def _opening_column(raw_lines: list[str], line: int, parenthetical: str, *, first: bool = False) -> int:
    """1-based column of the （ of ``parenthetical`` (as cleaned: full-width brackets) in the raw source
    line (its ``first`` place there, else its last), read with half-width brackets as full-width ones;
    else of the line's last （ (the parenthetical written with spaces that clean removed), or 1."""
    if not 0 < line <= len(raw_lines):
        return 1
    raw = raw_lines[line - 1].replace("(", "（").replace(")", "）")
    found = raw.find(parenthetical) if first else raw.rfind(parenthetical)
    return found + 1 if found >= 0 else raw.rfind("（") + 1 if "（" in raw else 1


def _missing_column(raw_lines: list[str], line: int) -> int:
    """Where the parenthetical a task ends in is missing on the raw source line: at an opening bracket that
    no bracket of its own width closes (（知识产权局负责, (知识产权局负责）), else just after the line's text."""
    if not 0 < line <= len(raw_lines):
        return 1
    raw = raw_lines[line - 1].rstrip()
    unclosed = [at for opening, closing in ("（）", "()") if (at := raw.rfind(opening)) > raw.rfind(closing)]
    return max(unclosed) + 1 if unclosed else len(raw) + 1


def role_sentences(corpus: Corpus) -> set[str]:
    """Ids of the sentences that are 66号 responsibility parentheticals (their names are roles)."""
    result = set()
    global_docs = {d.slug for d in corpus.documents if d.meta.item_numbering == "global"}
    for clause in corpus.clauses():
        is_sentence = clause.kind is ClauseKind.SENTENCE and clause.doc in global_docs
        if is_sentence and patterns.RESPONSIBILITY_RE.fullmatch(clause.text.strip()):
            result.add(clause.id)
    return result
