"""The parse stage for one text: where its body starts and ends (documents.yaml's bounds), the lines dropped
as web-page chrome, and each line given to the ``Builder``'s grammar or the table reader → a ``Document``."""

from __future__ import annotations

from pathlib import Path

from .. import clean, patterns
from ..clean import as_hanzi, clean_text, split_lines
from ..errors import Collector, CurationError, TextError
from ..load.texts import RawText
from ..model import ClauseKind, Document, DocumentMeta, SourceLine
from .tables import read_table
from .tree import NUMBERING, Builder, Frame, numbering_kind, only_unnumbered, starts_with_label


def parse_document(
    meta: DocumentMeta, raw: RawText, errors: Collector, *, yaml_path: Path, partial: bool = False
) -> Document | None:
    """Parse one source text into a ``Document``; problems go to ``errors``. None when there are any,
    unless ``partial``: then the document as far as its lines parse (for checks that read only its
    lines, such as its tasks' parentheticals, in a run that stops)."""
    edits: dict[int, list[str]] = {}  # line → the clean stage's rules that changed it
    cleaned = clean_text(raw.text, edits=edits).split("\n")
    raw_lines = split_lines(raw.text)
    before = len(errors.errors)
    builder = Builder(meta=meta, path=raw.path, raw_lines=raw_lines, errors=errors)
    builder.stack.append(Frame(kind=None, clause_id="", path="", depth=0))

    dropped_wanted = {key: place for place, line in enumerate(meta.dropped_lines) for key in _chrome_keys(line)}
    dropped: list[SourceLine] = []
    lines: list[SourceLine] = []
    for number, text in enumerate(cleaned, start=1):
        if not text:
            continue
        raw_line = raw_lines[number - 1] if number <= len(raw_lines) else text
        if dropped_wanted and not dropped_wanted.keys().isdisjoint(_chrome_keys(raw_line)):
            dropped.append(SourceLine(number=number, text=raw_line.strip()))
            continue
        lines.append(SourceLine(number=number, text=text))
    builder.dropped = tuple(dropped)
    found = {key for line in dropped for key in _chrome_keys(line.text)}
    for key, place in dropped_wanted.items():
        if key not in found:  # said where the line is listed
            at_line, at_column = meta.dropped_at[place] if place < len(meta.dropped_at) else (meta.line, meta.column)
            message = f"expected dropped line {meta.dropped_lines[place]!r} in {meta.source_file}, found no such line"
            errors.add(CurationError(yaml_path, at_line, at_column, message))
    if not lines:
        errors.add(TextError(raw.path, 1, 1, "expected the text of a document, found only blank lines"))
        return None

    start = 0
    if meta.body_starts_at:
        starting = _lines_starting(lines, meta.body_starts_at)
        start = lines.index(starting[0]) if starting else 0
        if not starting:
            errors.add(_no_line_starting(meta, yaml_path, "body_starts_at", meta.body_starts_at, "in"))
        elif len(starting) > 1:
            errors.add(_several_lines_starting(meta, yaml_path, "body_starts_at", starting))
        for line in lines[:start]:
            builder.paragraph(line.text, line.number, kind=ClauseKind.PREAMBLE)
        builder.stack[0].paragraphs = 0

    closing: list[SourceLine] = []
    if meta.closing_starts_at:  # the 落款 (issuing body, date) after the body: the document's, not a clause
        end = next(
            (i for i in range(len(lines) - 1, start - 1, -1) if lines[i].text.startswith(meta.closing_starts_at)), -1
        )
        if end < 0:
            errors.add(
                _no_line_starting(meta, yaml_path, "closing_starts_at", meta.closing_starts_at, "after the body of")
            )
        else:
            closing, lines = lines[end:], lines[:end]
        for line in closing:  # a signature has no numbered line: the start named one of the body's parts
            if starts_with_label(line.text):
                instead = f"the numbered line {line.text[:20]!r}"
                builder.error(
                    line.number,
                    only_unnumbered("the unnumbered lines of the 落款", "closing_starts_at", meta, instead),
                )

    close = len(lines)  # where the body's closing paragraphs (结束语) start: they stand at its top level
    if meta.body_close_starts_at:
        close = next(
            (i for i in range(len(lines) - 1, start - 1, -1) if lines[i].text.startswith(meta.body_close_starts_at)), -1
        )
        if close < 0:
            taken = next((line for line in closing if line.text.startswith(meta.body_close_starts_at)), None)
            if taken is not None:  # the two keys name one line: which is meant is the staff's to say
                at_line, at_column = meta.where("closing_starts_at")
                message = (
                    f"expected body_close_starts_at {meta.body_close_starts_at!r} to start a line of the body of "
                    f"{meta.source_file}, found line {taken.number}, which closing_starts_at (line {at_line}:"
                    f"{at_column}) puts in the 落款 after the body: a line is one or the other, remove one of the two"
                )
                errors.add(CurationError(yaml_path, *meta.where("body_close_starts_at"), message))
            else:
                errors.add(
                    _no_line_starting(
                        meta, yaml_path, "body_close_starts_at", meta.body_close_starts_at, "in the body of"
                    )
                )
            close = len(lines)

    tables = {spec.caption.replace(" ", ""): spec for spec in meta.tables}
    found_tables: dict[str, int] = {}  # caption → the line it was found at
    index = start
    while index < len(lines):
        line = lines[index]
        if index >= close:
            builder.closing_paragraph(line.text, line.number)
            index += 1
            continue
        spec = tables.get(line.text.replace(" ", ""))
        if spec is not None and (first := found_tables.get(line.text.replace(" ", ""))) is not None:
            # the caption typed again: read as a second table, its lines were said as a header gone wrong
            builder.error(
                line.number,
                f"expected the caption {spec.caption!r} (of a table in documents.yaml's tables) once, found it "
                f"again (first at line {first})",
            )
            builder.paragraph(line.text, line.number)
            index += 1
            continue
        if spec is not None:
            found_tables[line.text.replace(" ", "")] = line.number
            end = read_table(builder, spec, lines, index)
            if close < end:  # the close would start inside the table, which read on past it
                instead = f"a line of table {spec.caption!r}"
                message = only_unnumbered("unnumbered closing paragraphs", "body_close_starts_at", meta, instead)
                builder.error(lines[close].number, message)
            index = end
            continue
        kind = numbering_kind(line.text)
        if kind is ClauseKind.SECTION and builder.numerals_listed(line.text, lines[index + 1 : close]):
            builder.paragraph(line.text, line.number)
        elif kind is None:
            if not builder.mistyped_label(line.text, line.number):
                builder.paragraph(line.text, line.number)
        else:
            regex = dict(NUMBERING)[kind]
            match = regex.match(line.text)
            assert match is not None
            if kind is not ClauseKind.SUBITEM or not builder.misplaced_subitem(match, line.number):
                builder.numbered(kind, match, line.number)
        index += 1

    for caption, spec in tables.items():  # a caption not found: its lines were read as paragraphs
        if caption not in found_tables:
            message = (
                f"expected a line {spec.caption!r} (the caption of a table in tables) in the body of "
                f"{meta.source_file}, found none"
            )
            errors.add(CurationError(yaml_path, spec.line, spec.column, message))
    if len(errors.errors) > before and not partial:
        return None
    return Document(
        meta=meta,
        clauses=tuple(builder.clauses),
        sha256=raw.sha256,
        dropped=tuple(dropped),
        line_count=len(cleaned),
        closing=tuple(closing),
        edits=_edits_by_rule(edits, dropped),
        source=raw.data,
        encoding=raw.encoding,
    )


def _edits_by_rule(edits: dict[int, list[str]], dropped: list[SourceLine]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each clean rule that changed lines of the text (a dropped line is none of it), with those lines: said on the
    document's page, where its text differs from the file's (session 43's fidelity review)."""
    gone = {line.number for line in dropped}
    by_rule = {name: tuple(n for n in sorted(edits) if n not in gone and name in edits[n]) for name in clean.RULES}
    return tuple((name, lines) for name, lines in by_rule.items() if lines)


def _no_line_starting(meta: DocumentMeta, yaml_path: Path, key: str, start: str, where: str) -> CurationError:
    """``body_starts_at``, ``body_close_starts_at`` or ``closing_starts_at`` names a line the text does not
    have: said where the value stands."""
    message = f"expected a line starting with {key} {start!r} {where} {meta.source_file}, found none"
    return CurationError(yaml_path, *meta.where(key), message)


def _lines_starting(lines: list[SourceLine], start: str) -> list[SourceLine]:
    """The lines ``start`` names: those it starts, or the one it is the whole of, when only one is (a title
    line that other lines continue)."""
    starting = [line for line in lines if line.text.startswith(start)]
    whole = [line for line in starting if line.text == start]
    return whole if len(whole) == 1 else starting


def _several_lines_starting(meta: DocumentMeta, yaml_path: Path, key: str, starting: list[SourceLine]) -> CurationError:
    """``body_starts_at`` starts more than one line: the first was taken, silently (a covering notice read
    as the body when its title starts like the body's). Said where the value stands, naming the lines: ten, or the
    first nine and the last (a line pasted 5,000 times was named 5,000 times, 29 KB on one line)."""
    shown = [str(line.number) for line in starting]
    numbers = ", ".join(shown) if len(shown) <= 10 else f"{', '.join(shown[:9])} … {shown[-1]}"
    message = (
        f"expected {key} {getattr(meta, key)!r} to start one line of {meta.source_file}, found {len(starting)} "
        f"(lines {numbers}): write more of the line meant"
    )
    return CurationError(yaml_path, *meta.where(key), message)


def _chrome_keys(line: str) -> set[str]:
    """A line as ``dropped_lines`` may list it: white space as one space, none at the ends, and without the invisible
    characters a scraped page leaves (打\u200d印), which staff cannot write there (a YAML value refuses them). A
    zero-width space (or U+FEFF) is either: a space, as the cleaner makes it and the build quotes the line
    (Close Window), or nothing, as an editor shows it (CloseWindow). A YAML value, holding none, has one key. A
    Kangxi radical (关闭窗⼝, from a PDF), which a value refuses too, is the hanzi it shows."""
    shown = patterns.INVISIBLE_FORMAT_RE.sub("", as_hanzi(line))
    return {patterns.HSPACE_RE.sub(" ", text).strip() for text in (shown, patterns.YAML_INVISIBLE_RE.sub("", shown))}
