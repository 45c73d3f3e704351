"""Every regular expression of the project, named and commented, in one place.

The numbering grammar is matched against *cleaned* lines (see ``clean.py``):
brackets are already full-width, digits half-width, Markdown marks gone.
"""

from __future__ import annotations

import re

CN_NUMERALS = "一二三四五六七八九十"

# 一、总体要求 — a top-level section: Chinese numeral, then the enumeration comma.
SECTION_RE = re.compile(
    r"""^(?P<label>(?P<num>[一二三四五六七八九十]{1,3})、)  # 一、 … 十二、
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)

# （一）指导思想 — a subsection: Chinese numeral in full-width parentheses.
SUBSECTION_RE = re.compile(
    r"""^(?P<label>（(?P<num>[一二三四五六七八九十]{1,3})）)  # （一）
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)

# 1.完善… / 1．完善… / 1、完善… — an item: Arabic number then a full stop.
# The look-ahead refuses decimals such as "1.7万件" at the start of a line.
ITEM_RE = re.compile(
    r"""^(?P<label>(?P<num>[0-9]{1,3})[.．、](?![0-9]))  # 1.  1．  1、
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)

# （1）… — a sub-item: Arabic number in full-width parentheses.
SUBITEM_RE = re.compile(
    r"""^(?P<label>（(?P<num>[0-9]{1,2})）)  # （1）
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)

# 专栏1 知识产权法律完善工程 — a box of the 86号 plan.
BOX_RE = re.compile(
    r"""^(?P<label>专栏\s*(?P<num>[0-9]{1,2}))  # 专栏1
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)

# 注：… — the note under a table.
TABLE_NOTE_RE = re.compile(r"^注[：:]")

# Sentence ends: 。！？； (and their half-width kin after cleaning never occur).
SENTENCE_END = frozenset("。！？；")
# Brackets and quotes inside which a sentence end does not split.
OPENERS = "（《“‘〔【「『"
CLOSERS = "）》”’〕】」』"

# Cleaning ----------------------------------------------------------------

# A CJK ideograph or full-width punctuation mark, for context-sensitive rules.
CJK_CHAR = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

# Horizontal white space of any width: ASCII, tab, ideographic space, NBSP, zero-width.
HSPACE_RE = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000\ufeff]+")

# Stray Markdown marks of a scraped page at the start of a line: "### " or "- ".
MARKDOWN_MARK_RE = re.compile(r"^(?:#{1,6}|-)[ ]+")

# Space between two CJK characters (a scraper's line-wrap artefact: "每万人 口").
SPACE_BETWEEN_CJK_RE = re.compile(rf"(?<={CJK_CHAR}) (?={CJK_CHAR})")

# Half-width punctuation that belongs to Chinese prose: next to a CJK character.
HALF_PUNCT_NEAR_CJK_RE = re.compile(rf"(?<={CJK_CHAR})([,;:?!])|([,;:?!])(?={CJK_CHAR})")

# Half-width parentheses around text that holds a CJK character: "(一)" "(试行)".
HALF_PARENS_RE = re.compile(r"\(([^()]*[\u3400-\u9fff][^()]*)\)")

# Agencies ------------------------------------------------------------------

# The responsibility parenthetical that closes a 66号 task: （A、B牵头，C负责）.
RESPONSIBILITY_RE = re.compile(
    r"""（(?P<body>[^（）]*?(?:负责|牵头)[^（）]*)）  # （…负责） or （…牵头…）
        \s*$""",
    re.VERBOSE,
)

# Cross-document references -------------------------------------------------

# 国发〔2015〕71号 and kin: issuing code, year in tortoise-shell brackets, number.
DOC_NUMBER_RE = re.compile(
    r"""(?P<number>[\u4e00-\u9fff]{1,8}     # 国发 / 国办函 / 渝府发 / 国知发管字
        〔(?P<year>[0-9]{4})〕               # 〔2015〕
        (?P<serial>[0-9]{1,4})号)""",
    re.VERBOSE,
)

# Ids ------------------------------------------------------------------------

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLAUSE_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9-]+)+$")
