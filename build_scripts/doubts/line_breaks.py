"""A doubt of the parse stage that stops nothing: a sentence broken across lines.

Text pasted from a PDF keeps the PDF's line ends: 各地区要加强 / 组织领导。 The parser reads each line as
an unnumbered paragraph, as it reads every such line, and both are published, nothing lost. But an
unnumbered paragraph of the body that ends in no stop (``patterns.PARAGRAPH_END_RE``) is most often such
a half sentence, so it is said as a warning at the line: staff join the next line to it, or leave it
when the line is meant so (a heading outside the numbering, 附件, a list of names), which an error
would not let them do.

Only lines after the document's first numbered part are looked at: before it stand the title, the 文号,
the addressees and the covering notice's lines, which end in no stop as a rule. The 落款 (``closing``),
tables and numbered headings are not paragraphs and are not looked at either, nor is a line that reads as
web-page chrome (打印, 分享到：…): ``chrome`` says it, and joining it to the next line would be wrong.
"""

from __future__ import annotations

import unicodedata

from .. import patterns
from ..clean import split_lines
from ..errors import SourceWarning, excerpt_end
from ..load.texts import RawText
from ..model import NUMBERED_KINDS, Clause, ClauseKind, Document

# How many of the line's last characters the warning quotes.
QUOTED = 12
EXPECTED = "expected a line ending in 。！？；： or a closing bracket or quote, or the next line joined to it"


def broken_lines(document: Document, raw: RawText) -> list[SourceWarning]:
    """A warning at each unnumbered paragraph after the first numbered part of ``document`` (parsed from
    ``raw``) that does not end as a paragraph does. Read from the parsed document, so a parse kept in
    .cache/ gives the same warnings."""
    numbered = [clause.line for clause in document.clauses if clause.kind in NUMBERED_KINDS]
    if not numbered:
        return []
    first = min(numbered)
    raw_lines = split_lines(raw.text)
    signature = _signature_left_in_body(document)
    hint = (
        f"; the text's last lines look like its 落款 (issuer, date): set closing_starts_at: {signature[0].text!r} "
        "in its documents.yaml entry"
        if signature
        else ""
    )
    return [
        SourceWarning(
            raw.path,
            clause.line,
            last_column(raw_lines[clause.line - 1]),
            f"{EXPECTED}, found {excerpt_end(clause.text, QUOTED)!r} at its end"
            + (hint if clause in signature else ""),
        )
        for clause in document.clauses
        if clause.kind is ClauseKind.PARAGRAPH
        and clause.line > first
        and patterns.PARAGRAPH_END_RE.search(clause.text) is None
        and not patterns.CHROME_LINE_RE.match(unicodedata.normalize("NFKC", clause.text))  # said as chrome
    ]


def _signature_left_in_body(document: Document) -> list[Clause]:
    """The paragraphs that end the text and look like a 落款 read as the body's (no ``closing_starts_at``):
    a date as a 公文 prints it (``patterns.WRITTEN_DATE_RE``) last, after one or more lines naming issuers
    (the entry's, or a body's name, ``patterns.ISSUER_NAME_END_RE``), none ending as a paragraph does. Their
    warnings say to set ``closing_starts_at``, not only to join each line to the next. None when there are none."""
    clauses = [clause for clause in document.clauses if clause.kind is not ClauseKind.SENTENCE]
    if len(clauses) < 2 or not patterns.WRITTEN_DATE_RE.match(clauses[-1].text):
        return []
    signature = [clauses[-1]]
    for clause in reversed(clauses[:-1]):
        if clause.kind is not ClauseKind.PARAGRAPH or not _names_issuers(clause.text, document.meta.issuer):
            break
        signature.insert(0, clause)
    if clauses[-1].kind is not ClauseKind.PARAGRAPH or len(signature) < 2:
        return []
    return signature


def _names_issuers(text: str, issuer: str) -> bool:
    """Whether a line is the names of issuing bodies: each the entry's issuer (or one of its joint issuers)
    or a body's name."""
    known = set(patterns.ISSUER_SEPARATOR_RE.split(issuer))
    names = patterns.ISSUER_SEPARATOR_RE.split(text.strip())
    return all(name in known or patterns.ISSUER_NAME_END_RE.search(name) for name in names if name) and any(names)


def last_column(line: str) -> int:
    """The 1-based column of a source line's last character that is not white space nor an invisible
    format character (both of which the cleaner removes): where the line was broken, and an editor
    opening ``path:line:column`` puts the cursor on it, at the line break to delete."""
    end = len(line)
    while end and (
        patterns.HSPACE_RE.fullmatch(line[end - 1]) or patterns.INVISIBLE_FORMAT_RE.fullmatch(line[end - 1])
    ):
        end -= 1
    return max(end, 1)
