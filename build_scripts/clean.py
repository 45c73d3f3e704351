"""The clean stage: one idempotent function from decoded text to canonical text."""

from __future__ import annotations

import re

from . import patterns

# Full-width digits and Latin letters become ASCII; ideographic punctuation stays.
_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
}
_HALF_TO_FULL_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def clean_text(text: str) -> str:
    """Return the canonical form of a source text.

    Guarantees (each is tested, and ``clean_text(clean_text(t)) == clean_text(t)``):

    - the line count is kept: line *n* of the result is line *n* of the input, so
      every later error can point at the source line;
    - no BOM, no ``\\r``: CRLF and lone CR become LF;
    - no tab, no ideographic or other exotic space, no zero-width character (a zero-width
      space is a space, and so is a line or paragraph separator U+2028/U+2029, which ends no line;
      joiners, direction marks and overrides, soft hyphens, tag characters and the
      other invisible format marks of ``patterns.INVISIBLE_FORMAT_RE`` are removed): runs
      of horizontal white space inside a line become one ASCII space, and a space
      between two CJK characters (a scraper's line-wrap artefact) is removed, but for
      the one after a chapter's or article's label at the start of a line (第一条 为了…); the space
      after an item's number at the start of a line goes too (``2. 健全`` → ``2.健全``);
    - no leading or trailing white space on any line;
    - full-width digits and Latin letters are ASCII (``１２`` → ``12``);
    - half-width parentheses around Chinese text are full-width (``(一)`` → ``（一）``),
      and half-width ``, ; : ? !`` next to a CJK character are full-width (not the ``;`` of an HTML character
      reference such as ``&lt;``, which is text as written);
    - straight double quotes in a line with an even number of them become “ ”;
    - the stray Markdown marks of a scraped page, a leading ``#…# `` or ``- ``, are removed
      (nothing else that looks like Markdown or HTML is touched: it is shown as text later);
    - the result ends with exactly one newline (an empty text stays empty).
    """
    text = text.replace("\ufeff", "")
    raw_lines = split_lines(text)
    if text.endswith(("\n", "\r")):
        raw_lines.pop()  # the empty string after the final newline is not a line
    result = "\n".join(_clean_line(line) for line in raw_lines)
    return result + "\n" if result.strip() else ""


def split_lines(text: str) -> list[str]:
    """The lines of a text as every stage numbers them: split at LF, CRLF and a lone CR only
    (``str.splitlines`` also splits at U+2028, U+0085, form feeds …, and would shift the numbers)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _clean_line(line: str) -> str:
    line = patterns.INVISIBLE_FORMAT_RE.sub("", line.translate(_FULLWIDTH_ALNUM))
    line = patterns.HSPACE_RE.sub(" ", line).strip()
    while True:
        stripped = patterns.MARKDOWN_MARK_RE.sub("", line, count=1)
        if stripped == line:
            break
        line = stripped.strip()
    line = patterns.SPACE_AFTER_ITEM_NUMBER_RE.sub(r"\1", line, count=1)
    label = patterns.SPACED_LABEL_RE.match(line)  # 第一条 为了…: the space after the label is printed so
    head, line = (label.group(), line[label.end() :]) if label else ("", line)
    line = patterns.SPACE_BETWEEN_CJK_RE.sub("", line)
    line = _full_width_parentheses(line)
    line = _full_width_punctuation(line)
    line = _curly_quotes(line)
    # Parentheses and punctuation may now sit between CJK characters with a space.
    return head + patterns.SPACE_BETWEEN_CJK_RE.sub("", line)


def _full_width_punctuation(line: str) -> str:
    """Until stable: a mark made full-width makes its half-width neighbour CJK-adjacent (``一::``)."""
    previous = None
    while previous != line:
        previous = line
        line = patterns.HALF_PUNCT_NEAR_CJK_RE.sub(_full_width_mark, line)
    return line


def _full_width_mark(match: re.Match[str]) -> str:
    """A mark's full-width form; an HTML character reference (&lt;) as it is."""
    return match.group() if match.group("reference") else _HALF_TO_FULL_PUNCT[match.group()]


def _full_width_parentheses(line: str) -> str:
    """Innermost first, until stable: "(a(一)b)" holds Chinese once its inner pair is full-width."""
    previous = None
    while previous != line:
        previous = line
        line = patterns.HALF_PARENS_RE.sub(_full_width_pair, line)
    return line


def _full_width_pair(match: re.Match[str]) -> str:
    inside = match.group(1)
    return f"（{inside}）" if patterns.HALF_PARENS_CHINESE_RE.search(inside) else match.group()


def _curly_quotes(line: str) -> str:
    count = line.count('"')
    if count == 0 or count % 2:
        return line
    out: list[str] = []
    opening = True
    for ch in line:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)
