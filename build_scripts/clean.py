"""The clean stage: one idempotent function from decoded text to canonical text."""

from __future__ import annotations

import re
import unicodedata

from . import patterns

# Full-width digits and Latin letters become ASCII; ideographic punctuation stays.
_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
}
# … and a Kangxi radical or a compatibility ideograph is the hanzi Unicode makes it (⼀ → 一, 豈 U+F900 → U+8C48).
_HANZI = {
    ord(ch): hanzi
    for code in (0x2E9F, 0x2EF3, *range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00), *range(0x2F800, 0x2FA1E))
    if patterns.HANZI_LOOKALIKE_RE.match(ch := chr(code)) and (hanzi := unicodedata.normalize("NFKC", ch)) != ch
}
_ONE_CHARACTER: dict[int, int | str] = {**_FULLWIDTH_ALNUM, **_HANZI}  # both in one pass over each line
_HALF_TO_FULL_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})
_FULL_PARENS = {"(": "（", ")": "）"}


# The rules that change a line beyond its white space, by name, in the order they run: what a document's page
# says was done to its text (``Document.edits``). Spaces dropped or made one are not named.
RULES = ("one_character", "invisible", "markdown", "parentheses", "punctuation", "quotes")


def clean_text(text: str, *, edits: dict[int, list[str]] | None = None) -> str:
    """Return the canonical form of a source text; ``edits`` (given) gets, for each line number a named rule
    changed, the names of the ``RULES`` that changed it.

    Guarantees (each is tested, and ``clean_text(clean_text(t)) == clean_text(t)``):

    - the line count is kept: line *n* of the result is line *n* of the input, so
      every later error can point at the source line;
    - no BOM, no ``\\r``: CRLF and lone CR become LF;
    - no tab, no ideographic or other exotic space, no zero-width character (a zero-width
      space is a space, and so are a Hangul or Braille filler, blank as a space, and a line or paragraph
      separator U+2028/U+2029, which ends no line;
      joiners, direction marks and overrides, soft hyphens, tag characters and the
      other invisible format marks of ``patterns.INVISIBLE_FORMAT_RE`` are removed, and so is a variation
      selector with nothing before it in its line to vary): runs
      of horizontal white space inside a line become one ASCII space, and a space
      between two CJK characters (a scraper's line-wrap artefact) is removed, but for
      the one after a chapter's or article's label at the start of a line (第一条 为了…); the space
      after an item's number at the start of a line goes too (``2. 健全`` → ``2.健全``);
    - no leading or trailing white space on any line;
    - full-width digits and Latin letters are ASCII (``１２`` → ``12``), and a Kangxi radical or a
      compatibility ideograph is the hanzi it is to Unicode (``⼀、`` → ``一、``, from a PDF);
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
    cleaned = []
    for number, line in enumerate(raw_lines, start=1):
        applied: list[str] = []
        cleaned.append(_clean_line(line, applied))
        if applied and edits is not None:
            edits[number] = applied
    result = "\n".join(cleaned)
    return result + "\n" if result.strip() else ""


def as_hanzi(text: str) -> str:
    """``text`` with each Kangxi radical or compatibility ideograph written as the hanzi it is (⼝ → 口), as the
    cleaner writes it: for what is matched against a line before it is cleaned (a dropped line)."""
    return text.translate(_HANZI)


def split_lines(text: str) -> list[str]:
    """The lines of a text as every stage numbers them: split at LF, CRLF and a lone CR only
    (``str.splitlines`` also splits at U+2028, U+0085, form feeds …, and would shift the numbers)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _clean_line(line: str, applied: list[str]) -> str:
    """The line cleaned; the names of the ``RULES`` that changed it are appended to ``applied``."""

    def rule(name: str, changed: str, before: str) -> str:
        if changed != before and name not in applied:
            applied.append(name)
        return changed

    line = rule("one_character", line.translate(_ONE_CHARACTER), line)
    line = rule("invisible", patterns.INVISIBLE_FORMAT_RE.sub("", line), line)
    line = rule("invisible", patterns.UNATTACHED_VARIATION_SELECTOR_RE.sub("", line), line)
    line = patterns.HSPACE_RE.sub(" ", line).strip()
    while True:
        stripped = patterns.MARKDOWN_MARK_RE.sub("", line, count=1)
        if stripped == line:
            break
        line = rule("markdown", stripped.strip(), line)
    label = patterns.SPACED_LABEL_RE.match(line)  # 第一条 为了…: the space after the label is printed so
    head, line = (label.group(), line[label.end() :]) if label else ("", line)
    line = patterns.SPACE_BETWEEN_CJK_RE.sub("", line)
    line = rule("parentheses", _full_width_parentheses(line), line)
    line = rule("punctuation", _full_width_punctuation(line), line)
    line = rule("quotes", _curly_quotes(line), line)
    # Parentheses and punctuation may now sit between CJK characters with a space, or after an item's number.
    line = head + patterns.SPACE_BETWEEN_CJK_RE.sub("", line)
    return patterns.SPACE_AFTER_ITEM_NUMBER_RE.sub(r"\1", line, count=1)


def _full_width_punctuation(line: str) -> str:
    """Each run of half-width marks beside a CJK character, whole: a mark made full-width makes its half-width
    neighbour CJK-adjacent (``一::`` → ``一：：``). An HTML character reference (&lt;) is no mark, nor beside one.
    One pass, a run at a time: made a mark a pass, a line of 20,000 colons after a hanzi took 55 s."""
    return patterns.HALF_PUNCT_RUN_RE.sub(_full_width_run, line)


def _full_width_run(match: re.Match[str]) -> str:
    """A run of marks (the characters around it are none) made full-width if either of them is CJK; a reference
    as it is."""
    run, line = match.group(), match.string
    start, end = match.span()
    if match.group("reference") or not (
        (start > 0 and patterns.CJK_CHAR_RE.match(line[start - 1])) or patterns.CJK_CHAR_RE.match(line, end)
    ):
        return run
    return run.translate(_HALF_TO_FULL_PUNCT)


def _full_width_parentheses(line: str) -> str:
    """A pair of half-width parentheses made full-width when it holds a hanzi and every pair inside it was
    made so (``(a(一)b)`` → ``（a（一）b）``; ``(一(a))`` stays): innermost first, in one pass with a stack
    of the pairs open. Done a level a pass until nothing changed, 20,000 nested pairs took 10 s."""
    opened: list[tuple[int, list[bool]]] = []  # each pair open: where, and [holds a hanzi, a pair inside stays]
    made: list[int] = []  # where the pairs made full-width open and close
    for found in patterns.HALF_PAREN_OR_HANZI_RE.finditer(line):
        if found.group() == "(":
            opened.append((found.start(), [False, False]))
        elif found.group() != ")":
            if opened:
                opened[-1][1][0] = True
        elif opened:
            start, (holds_hanzi, inner_stays) = opened.pop()
            full = holds_hanzi and not inner_stays
            if full:
                made += (start, found.start())
            if opened:
                opened[-1][1][0 if full else 1] = True
    if not made:
        return line
    chars = list(line)
    for at in made:
        chars[at] = _FULL_PARENS[chars[at]]
    return "".join(chars)


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


# What clean_text makes of a character, undone: the forms it may be written in (for a message's column).
_WRITTEN_FORMS = {
    **{ch: ch + chr(ord(ch) + 0xFEE0) for ch in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"},
    **{full: full + half for full, half in zip("，；：？！（）“”", ',;:?!()""', strict=True)},
}
# … and what it removed between two characters: white space and invisible format marks, taken whole
# (*+: a run of spaces, itself a +, split in every way before a character that does not follow took minutes).
_REMOVED_BETWEEN = f"(?:{patterns.HSPACE_RE.pattern}|{patterns.INVISIBLE_FORMAT_RE.pattern})*+"


def written_forms(ch: str) -> str:
    """The characters ``ch`` (a cleaned one) may have been typed as: itself, and the form clean changed (，: ,)."""
    return _WRITTEN_FORMS.get(ch, ch)


def as_written(text: str) -> re.Pattern[str]:
    """A cleaned ``text`` as it may stand in the raw line clean_text made it from: each character also in
    the form clean changed (ＸＸ for XX, a half-width comma), white space or invisible marks between them."""
    return re.compile(_REMOVED_BETWEEN.join(f"[{re.escape(written_forms(ch))}]" for ch in text))
