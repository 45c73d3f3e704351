"""Every regular expression that reads the texts and the curated files, named and commented, in one place.

The numbering grammar is matched against *cleaned* lines (see ``clean.py``):
brackets are already full-width, digits half-width, Markdown marks gone.

Not here: the few that read the build's own output or machinery, each beside its one use (escape.py's
Markdown-significant characters, renderer.py's blank-line runs, cli.py's template frames in a traceback,
cache.py's file names, citation.py's unsafe characters); and patterns made from a value at run time
(``clean.as_written``, ``track.published``'s slug in a URL, ``site_config``'s key in a message).
"""

from __future__ import annotations

import functools
import re

# 一、总体要求 — a top-level section: Chinese numeral, then the enumeration comma.
SECTION_RE = re.compile(
    r"""^(?P<label>(?P<num>[一二三四五六七八九十]{1,3})、)  # 一、 … 十二、
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)

# 二、三产业 (the secondary and tertiary industries), 一、二类, 三、四季度, 一、二、三产业: Chinese numerals listed with
# 、 before a word they rank, which starts like a section's label (二、) but is prose. Only words that rank
# (产业, 类, 季度, 等奖, 级, 线城市, 期 …), not those that count (三项措施, 五大工程 may be a heading's title).
NUMERALS_LISTED_RE = re.compile(
    r"""^[一二三四五六七八九十]{1,3}、(?:[一二三四五六七八九十]{1,3}、)*[一二三四五六七八九十]{1,3}
        (?:产业|产|类|季度|等|级|线|期|档|批|审|轮|代|年级|星)""",
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

# 第一章 总则 — a chapter of a regulation or measures (条例, 办法): Chinese numeral between 第 and 章,
# then the space printed after the label (kept by the cleaner) or the end of the line: a line that runs
# on from the label ("第二章规定的行为…", an article's further paragraph) is prose, not a chapter.
CHAPTER_RE = re.compile(
    r"""^(?P<label>第(?P<num>[一二三四五六七八九十百零〇]{1,5})章)  # 第一章 … 第十二章
        (?:[ ]|$)(?P<rest>.*)$""",
    re.VERBOSE,
)

# 第一条 为了… — an article of a regulation or measures, numbered through the whole text; the label is
# followed by its printed space or ends the line, as a chapter's is ("第一条规定的事项…" is prose).
ARTICLE_RE = re.compile(
    r"""^(?P<label>第(?P<num>[一二三四五六七八九十百零〇]{1,6})条)  # 第一条 … 第一百零五条
        (?:[ ]|$)(?P<rest>.*)$""",
    re.VERBOSE,
)

# 专栏1 知识产权法律完善工程 — a box of the 86号 plan.
BOX_RE = re.compile(
    r"""^(?P<label>专栏\s*(?P<num>[0-9]{1,2}))  # 专栏1
        \s*(?P<rest>.*)$""",
    re.VERBOSE,
)

# A line that starts like the label of a given number but was not read as one: 58。深化… (a stop the
# grammar does not take), 57.57.实施… (a label typed twice), （五)… (a half-width bracket), 专栏三 (a
# Chinese numeral), 第五 章. Built per number by ``label_lookalike_re``: the numeral (Arabic or Chinese),
# maybe after （ or (, then a label's punctuation or a space; never a number going on (580., 五十、),
# a decimal (5.8万件, 1.1万件), a range or share (3—4个, 5%的) or a word (五年来, 58个, 第五，…), a count
# or span with a space (5 年内, 41 家企业), a ratio (3：1) or a longer box number (专栏三十). A bracket
# and the numeral with no ） after it is one too: （三试点布局… (the bracket deleted).
_COUNTED = "年月日号个家项件次万亿千百倍名人位所条种批户元台套岁天周时分秒%％多余"
# Not Arabic numbers listed (2、3月份, （2，3）): prose, which ITEM_RE does not read as a label either.
_NOT_LISTED = r"(?!(?<=[0-9])[、，,﹑﹐]\s*[0-9])"
# The numeral alone, maybe bracketed, as a section's, subsection's, item's or sub-item's label is written (a space
# typed before its mark is the label's: 5 ．扩大 is quoted '5 ．', the mark to take out with the space).
# The small form variants (U+FE50–FE55: ﹐﹑﹒﹕) of a PDF's or a web page's text are marks as the others are.
_PLAIN_LOOKALIKE = (
    r"[（(]?\s*(?:{n})" + _NOT_LISTED + r"(?:[.．﹒](?:{n})[.．﹒、﹑]|\s*[.．﹒](?![0-9])|\s*[、﹑。，,﹐）)]"
    r"|[：:﹕](?!\s*[0-9])"
    r"|\s+(?![\s" + _COUNTED + r"])|$)"
    # … or opened by a bracket its ） is missing from (（三试点布局), not a bracket's count, range or decimal
    r"|[（(]\s*(?:{n})" + _NOT_LISTED + r"(?![\s0-9零〇一二三四五六七八九十百千.．﹒—－~～至" + _COUNTED + r"])"
)
_LOOKALIKE = r"^(?:专栏\s*(?:{n})(?![0-9零〇一二三四五六七八九十百千])|第\s*(?:{n})\s*[章条]|" + _PLAIN_LOOKALIKE + ")"


def label_lookalike_re(numerals: tuple[str, ...]) -> re.Pattern[str]:
    """``_LOOKALIKE`` for these ways of writing one number (``("58", "五十八")``). Arabic digits may have
    a space between them (4 1.完善…: a no-break, ideographic or zero-width space, or a tab, typed inside
    41, which the cleaner makes one space); a space between hanzi is gone after cleaning."""
    return re.compile(_LOOKALIKE.format(n="|".join(map(_numeral_written, numerals))))


# A line the grammar read as prose that starts as the section's, subsection's, item's or sub-item's label the
# numbering around it expects next would (2) 2） (2) （2) for 2., 三. 三， for 三、, 2) for （二）): the label
# mistyped, said at its line (parse). ``_LOOKALIKE`` without its 专栏 and 第…章/条 forms: 第三条规定的… is prose.
# Its match is the label as typed (2), 三., 4 1., （三 of （三试点…), with any space after it.
@functools.cache  # asked at each prose line for the numbers due there: a few dozen patterns per document
def mistyped_label_re(numerals: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("^(?:" + _PLAIN_LOOKALIKE.format(n="|".join(map(_numeral_written, numerals))) + ")")


# What may stand before the numeral of a mistyped label (``_PLAIN_LOOKALIKE``): a bracket, then spaces.
_BEFORE_NUMERAL_RE = re.compile(r"[（(]?\s*")


def mistyped_label(text: str, numerals: tuple[str, ...]) -> re.Match[str] | None:
    """``mistyped_label_re(numerals).match(text)``, the pattern compiled only for a text with one of the numerals'
    first characters where a label's numeral stands: prose rarely has one, and compiling the patterns of the
    numbers due at its lines took 6 ms of a cold build (7 patterns, no line of the five texts matching any)."""
    at = _BEFORE_NUMERAL_RE.match(text)
    start = at.end() if at else 0
    if all(numeral and not text.startswith(numeral[0], start) for numeral in numerals):
        return None
    return mistyped_label_re(numerals).match(text)


# A line that is a number alone, bare, before a page's dash or over a page count (2, 2 -, 2 / 15): the page number
# of a text pasted from a PDF (- 2 -, whose first dash the cleaner takes for a Markdown mark), or a cell of a
# table ``tables`` does not name. Starting as the next label would, it is still no label mistyped (parse).
PAGE_NUMBER_RE = re.compile(r"^[0-9]{1,4}(?:\s*[-—–－]|\s*/\s*[0-9]{1,4})?$")


def _numeral_written(numeral: str) -> str:
    return " ?".join(map(re.escape, numeral)) if numeral.isascii() and numeral.isdigit() else re.escape(numeral)


# What typed between two agencies of a 66号-style parenthetical in place of its 、 runs them together into one
# name no register has (知识产权局，中央编办 or 工商总局和版权局): said so when every part is an agency.
AGENCY_RUN_TOGETHER_RE = re.compile(r"[，,；;和及与/／]")

# 注：… — the note under a table.
TABLE_NOTE_RE = re.compile(r"^注[：:]")

# A line that is no table cell but prose: it holds a sentence's stop (各地要加强组织领导。), or runs on into
# the next line (…领导， …、 …：). A cell is a name, a number or a word (每万人口发明专利拥有量（件）, 6.3, 预期性).
NO_CELL_RE = re.compile(r"[。！？；]|[，、：:,]$")
# A full stop typed for a number's point (6。3): the cell says to write the point (a comma between digits, a
# thousands separator typed, is no stop: the cell is refused as a number elsewhere).
MARK_IN_NUMBER_RE = re.compile(r"(?<=[0-9])。(?=[0-9])")
# The marks that make a line prose (NO_CELL_RE's), wherever they stand: a cell with them taken out is read again.
NO_CELL_MARK_RE = re.compile(r"[。！？；，、：:,]")
# A cell of digits and the marks of a number only (6..3, 1.800.5, 6.3.): a value mistyped, not item 6.'s label,
# which titles its item with words; it is said as the cell it is (a number expected), not read as the body.
NUMBER_LIKE_CELL_RE = re.compile(r"[0-9.,%+\-－]+")

# Sentence ends: 。！？； (and their half-width kin after cleaning never occur).
SENTENCE_END = frozenset("。！？；")
# Brackets and quotes inside which a sentence end does not split.
# A line before the body is prose when it holds a 。: a covering notice (…请认真贯彻执行。), not a title,
# 文号, addressee list, signature or date. Such a line is split into sentences (parse) and searched (search_index).
PROSE_END = "。"
OPENERS = "（《“‘〔【「『"
CLOSERS = "）》”’〕】」』"
# The characters sentence splitting looks at; the splitter jumps from one to the next.
SENTENCE_MARK_RE = re.compile("[" + re.escape("".join(sorted(SENTENCE_END)) + OPENERS + CLOSERS) + "]")
# How an unnumbered paragraph of the body ends: a stop (。！？；), a colon before what it introduces
# (…如下：), or a closing bracket or quote (…（试行）, …“放管服”). A line of the body after its first
# numbered part that ends otherwise is most often a sentence broken across lines, as text pasted from a
# PDF keeps them (各地区要加强 / 组织领导。): a warning (``doubts/line_breaks.py``), since a heading outside the
# numbering, an 附件 line or a list of names ends so too. None of the five texts has such a line.
PARAGRAPH_END_RE = re.compile("[。！？；：" + CLOSERS + "]$")

# Cleaning ----------------------------------------------------------------

# A CJK ideograph or full-width punctuation mark, for context-sensitive rules.
CJK_CHAR = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

# Characters that show as a hanzi and are another code point: the Kangxi radicals (U+2F00–U+2FD5) and two of the
# CJK radicals supplement's (⺟ U+2E9F, ⻳ U+2EF3), which a copy from a PDF gives for 一, 工, 方 …, and the
# compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1D), a font's or an encoding's duplicates. Unicode
# (NFKC) makes each the hanzi, but neither a search, nor the numbering (⼀、 was no section), nor the matcher
# did: the cleaner writes the hanzi (``clean``); a curated value holding one is refused (``located_yaml``).
HANZI_LOOKALIKE_RE = re.compile("[\u2e9f\u2ef3\u2f00-\u2fd5\uf900-\ufaff\U0002f800-\U0002fa1d]")

# Horizontal white space of any width: ASCII, tab, ideographic space, NBSP, zero-width; every space
# separator of Unicode (the em quad U+2001, the narrow no-break space U+202F … as well); and the line and
# paragraph separators U+2028 and U+2029 (Word's and web pages' breaks), which end no line of a text, as
# ``clean.split_lines`` counts them: inside a line they are white space (in a label they hid its number);
# and the fillers that show as blank as a space does, though Unicode calls them letters or symbols: the
# Hangul fillers U+115F, U+1160, U+3164, U+FFA0 and the Braille blank U+2800 (a line of them was a
# paragraph no one saw, with a warning quoting its invisible end).
HSPACE_RE = re.compile(
    r"[ \t\u00a0\u115f\u1160\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2800\u3000\u3164\ufeff\uffa0]+"
)
# … but a text holding more of them than line breaks was saved with them as its line breaks (an export):
# read as one line, it was refused for the lines documents.yaml names that it then lacks.
UNICODE_LINE_SEPARATOR_RE = re.compile(r"[\u2028\u2029]")

# Invisible format characters a web page leaves in a text: zero-width joiners and separators (U+200C,
# U+200D, U+2060…, U+180E), direction marks and overrides (U+061C, U+200E, U+200F, U+202A–U+202E,
# U+2066–U+2069), the soft hyphen, deprecated format marks (U+206A–U+206F), interlinear annotation marks
# (U+FFF9–U+FFFB), tag characters (U+E0001, U+E0020–U+E007F: ASCII that no one sees), and the other
# invisible characters Unicode asks renderers to ignore: the combining grapheme joiner U+034F, Khmer's inherent
# vowels U+17B4 and U+17B5, the shorthand format controls U+1BCA0–U+1BCA3 (a line of one was a paragraph of nothing).
# They are not text: a joiner inside （三） hid the number, an override showed the rest of a line backwards.
INVISIBLE_FORMAT_RE = re.compile(
    "[\u00ad\u034f\u061c\u17b4\u17b5\u180e\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufff9-\ufffb"
    "\U0001bca0-\U0001bca3\U000e0001\U000e0020-\U000e007f]"
)
# A variation selector with no character before it in its line to vary: at its start, or after white space (ours,
# or any str.strip takes off, as \x1f): it shows nothing (a line of one was a paragraph of nothing). After a hanzi
# it picks a glyph (a name's rare form), and stays.
UNATTACHED_VARIATION_SELECTOR_RE = re.compile(
    f"(?:^|(?<={HSPACE_RE.pattern[:-2]}\\s]))[\ufe00-\ufe0f\U000e0100-\U000e01ef]+"
)
# … and in a curated YAML value, where nothing makes them spaces, the zero-width space, U+FEFF and the
# fillers too (a name holding one is never found in a text, where each is a space).
YAML_INVISIBLE_RE = re.compile(INVISIBLE_FORMAT_RE.pattern[:-1] + "\u200b\ufeff\u115f\u1160\u2800\u3164\uffa0]")

# A line break in the bytes of a text, as ``clean.split_lines`` splits its characters (no GBK byte pair holds
# one): the lines of a file whose encoding is in doubt.
BYTE_LINE_BREAK_RE = re.compile(rb"\r\n|\r|\n")
# Three or more hanzi of the basic block (U+4E00–U+9FFF) as UTF-8 bytes: in a GBK file, words pasted in
# from a UTF-8 one, which GBK reads too, as other characters (集成 as 闆嗘垚). GBK text gives such a run of
# bytes only by chance, across its pairs; ``load/texts.py`` also asks that the run read as common hanzi.
UTF8_HANZI_RUN_RE = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){3,}")
PRIVATE_USE_RE = re.compile(r"[\ue000-\uf8ff]")  # the BMP's private-use area: no standard character
# Control characters that no source text holds (NUL, ESC, DEL, C1 …); tab and line breaks are text.
CONTROL_CHAR_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# … and the replacement character U+FFFD, which a conversion puts for a character it could not read: a
# character lost before the text came here (培育��), not text either.
DAMAGED_CHAR_RE = re.compile(CONTROL_CHAR_RE.pattern[:-1] + "\ufffd]")
# The private-use areas (the BMP's U+E000–U+F8FF, planes 15 and 16): characters no standard gives a meaning, that
# show as a font's or an input method's own glyph (a rare hanzi of its own, a logo) there and as a box or another
# glyph everywhere else. No official text holds one; in a text or a curated value they are refused.
PRIVATE_USE_CHAR_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
# Unicode's noncharacters (U+FDD0–U+FDEF, and the last two code points of each plane, U+FFFE, U+FFFF …
# U+10FFFF): kept out of text by the standard, a program's own marker left in a file.
NONCHARACTER_RE = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)
# What a text may not hold, refused where it stands (``load.texts``): damage, the object replacement character
# U+FFFC a copy from Word or a web page puts where a picture or formula stood (the object is lost), the
# private-use characters and the noncharacters.
NO_TEXT_CHAR_RE = re.compile(
    DAMAGED_CHAR_RE.pattern[:-1] + "\ufffc" + PRIVATE_USE_CHAR_RE.pattern[1:-1] + NONCHARACTER_RE.pattern[1:]
)
# The control characters of a message (errors.visible), one line a terminal shows: those above, and the line
# feed and carriage return too (a file named with one split its message in two, or sent the cursor back over
# its start); a tab stays, as white space.
MESSAGE_CONTROL_CHAR_RE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# A date as curated files give it: YYYY-MM-DD, and nothing else ISO 8601 allows.
ISO_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# A date as a 公文 prints it in its 落款: 2016年7月8日, or in Chinese numerals 二〇一六年七月八日 (web copies
# often write the zero ○, a circle, for 〇).
WRITTEN_DATE_RE = re.compile(
    r"^[0-9〇○零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$"
)
# Characters YAML reads as line breaks and no editor shows as one (NEL, LINE and PARAGRAPH SEPARATOR):
# in a curated file they end a comment early and put every later line number off by one.
YAML_HIDDEN_BREAK_RE = re.compile(r"[\u0085\u2028\u2029]")

# A marker git leaves in a file where a merge did not resolve: seven <, |, = or > at the start of a line,
# alone or followed by a space and a name (<<<<<<< HEAD, ||||||| base, =======, >>>>>>> branch); lines
# split at LF, CRLF or a lone CR, as ``clean.split_lines`` splits them. A rule of more signs is text.
MERGE_MARKER_RE = re.compile(r"(?:\A|(?<=[\r\n]))(?:<{7}|\|{7}|={7}|>{7})(?:[ \t][^\r\n]*)?(?=[\r\n]|\Z)")
# The tags of a whole web page (a page saved from the browser given as the text): <!DOCTYPE html>,
# <html>, <head>, <body>, in any case. Markup inside a text is shown as text; these are no document's.
WEB_PAGE_TAG_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)(?=[\s>])", re.IGNORECASE)

# The pointer file Git LFS leaves in place of a file a clone did not fetch (its spec's first line, as it
# must start): no document's text, whatever its documents.yaml entry says.
GIT_LFS_POINTER_RE = re.compile(r"\Aversion https://git-lfs\.github\.com/spec/v1(?=\r?\n|\Z)")

# A line of a web page's chrome a copied text may keep, when dropped_lines does not list it: a toolbar of
# nothing but its controls (打印 关闭窗口, 【打印】【关闭】, 【字体：大 中 小】, 大 中 小), a font-size control
# anywhere in a line (发布时间：… 【字体：大 中 小】), a share bar (分享到：), a footer (…京ICP备05069085号,
# 版权所有：…), a link to the next or last article (上一篇：…), a view count (浏览次数：123) or a path of the site
# (首页 > 政务公开 > …). Only what no policy text writes on a line of its own (doubts/chrome.py).
_TOOL = r"(?:打印(?:本页|此页|文章)?|关闭(?:本页|此页|窗口)?|返回顶部|收藏(?:本页)?|纠错|分享)"
_FONT_SIZE = r"(?:字体|字号)\s?[:：]?\s?[【\[]?大[】\]]?\s?[【\[]?中[】\]]?\s?[【\[]?小"
CHROME_LINE_RE = re.compile(
    rf"""^(?:
        (?:[【\[［(（]?(?:{_TOOL}|大\s?中\s?小|【大】【中】【小】)[】\]］)）]?[\s|｜/]*)+
        | .*{_FONT_SIZE}.*
        | 分享到\s*[:：]?.*
        | .*ICP\s*[备证]\s*[:：]?\s*[0-9A-Za-z].*
        | 版权所有\s*[:：©(（].*
        | (?:上一|下一)[篇页条]\s*[:：].*
        | (?:浏览|访问|阅读|点击)(?:次数|量|数)\s*[:：]\s*[0-9]+.*
        | 首页\s*[>＞»›].*
    )$""",
    re.VERBOSE,
)

# Stray Markdown marks of a scraped page at the start of a line: "### " or "- ".
MARKDOWN_MARK_RE = re.compile(r"^(?:#{1,6}|-)[ ]+")

# Space between two CJK characters (a scraper's line-wrap artefact: "每万人 口").
SPACE_BETWEEN_CJK_RE = re.compile(rf"(?<={CJK_CHAR}) (?={CJK_CHAR})")
# A chapter's or article's label with the space printed after it ("第一条 为了…"): that space is kept.
SPACED_LABEL_RE = re.compile(r"^第[一二三四五六七八九十百零〇]{1,6}[章条] ")
# An item's number at the start of a line with a scrape's space after it ("2. 健全…" among "3.推进…"): the
# space goes, so the item reads as its siblings do. A figure ("2. 5亿元") is no item's number.
SPACE_AFTER_ITEM_NUMBER_RE = re.compile(rf"^([0-9]{{1,3}}\.) (?={CJK_CHAR})")

# Half-width punctuation that belongs to Chinese prose: a run of it next to a CJK character (the cleaner looks at
# the characters around each run). An HTML character reference (&nbsp; of a scraped page, &lt; typed as text) is
# matched whole first, so its ; is never one: made ；, it was shown changed (&lt；) and ended a sentence there.
HALF_PUNCT_RUN_RE = re.compile(
    r"(?P<reference>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)|[,;:?!]+"
)
CJK_CHAR_RE = re.compile(CJK_CHAR)

# Half-width parentheses, and what such a pair must hold to be made full-width by the cleaner: a hanzi ("(一)"
# "(试行)"). The cleaner pairs them itself, innermost first: a pattern of a pair with no bracket inside, applied
# until nothing changed, took a pass per level of nesting.
HALF_PAREN_OR_HANZI_RE = re.compile(r"[()\u3400-\u9fff]")

# Agencies ------------------------------------------------------------------

# The responsibility parenthetical that closes a 66号 task: （A、B牵头，C负责）.
# The body is looked ahead into for 负责 or 牵头 once, then read as a whole: written as [^（）]*?(?:负责|牵头)[^（）]*,
# a （ left open on a long line was read again from each 负责 in it (time growing with the square of its length).
RESPONSIBILITY_RE = re.compile(
    r"""（(?P<body>(?=[^（）]*?(?:负责|牵头))[^（）]*)）  # （…负责） or （…牵头…）
        \s*$""",
    re.VERBOSE,
)

# A line holding nothing but such a parenthetical: the end of a task broken onto a line of its own.
ROLES_ALONE_RE = re.compile(r"\s*" + RESPONSIBILITY_RE.pattern, re.VERBOSE)

# A list of agencies inside a responsibility parenthetical: 、-separated names.
AGENCY_LIST_SEPARATOR = "、"

# An empty place in such a list: "A、、B", "、A负责", "A、负责", "A、牵头", "A、，B负责", "A牵头，负责".
EMPTY_AGENCY_RE = re.compile(r"(?:^|、|牵头[，,])\s*(?=、|$|[，,。]|等|牵头|负责|按职责)|^\s*、")

# The note task 2 appends inside its parenthetical: "。列第一位者为牵头部门，下同".
FIRST_LISTED_NOTE_RE = re.compile(r"。?列第一位者为牵头部门[，,]?下同。?$")

# The verb phrase that closes a responsibility parenthetical, from most to least specific:
#   "按职责分别负责" each within its remit (the first listed leads); "牵头负责" all listed lead; "负责" plain.
BY_DUTY_SUFFIX = "按职责分别负责"
JOINT_LEAD_SUFFIX = "牵头负责"
PLAIN_SUFFIX = "负责"
# "A、B牵头，C、D负责": the leads before 牵头, the others after the comma.
LEAD_MARK = "牵头"
LEAD_SPLIT_RE = re.compile(r"^(?P<leads>[^，,]+?)牵头[，,](?P<others>.+)$")
# "等" closing an agency list marks it open: "工商总局、版权局、知识产权局等负责".
OPEN_LIST_MARK = "等"

# Text just before an agency name that makes it a local body, not the national one:
# "新疆生产建设兵团知识产权局", "各省…知识产权局", "市知识产权局", "区县统计局", and a place with its parts in
# brackets after it, as addressees are written: "各市（州）知识产权局", "各县（市、区）知识产权局".
LOCAL_QUALIFIER_RE = re.compile(r"(?:[省市区县州盟旗团]|自治区|直辖市|兵团|地方)(?:[（(][^（()）]{1,5}[）)])?$")
# How many characters before a name it is asked of: its longest form (自治区（市、区）), and the line break its $
# may stand before (a form added must fit; asked of all the text before each name, a long list took quadratic time).
LOCAL_QUALIFIER_SPAN = 11
# Text just after a name that shows it is part of a longer word: "公安部门", "工作部署".
NAME_CONTINUES_RE = re.compile(r"^[门署长]")


# Documents -----------------------------------------------------------------

# A local issuer's name: its place, then the body that issues ("重庆市人民政府", "四川省人民政府办公厅",
# "中共成都市委"). The place is as short as lets the rest be one of these bodies (so "四川省成都市人民政府"
# is 四川省成都市); a name that is not place + such a body ("重庆市知识产权局") does not match.
ISSUER_PLACE_RE = re.compile(
    r"""^(?:中共)?
    (?P<place>[\u4e00-\u9fff]+?(?:省|自治区|特别行政区|市|自治州|州|地区|盟|县|区|旗))
    (?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|办公厅|办公室|委)$""",
    re.VERBOSE,
)
# Between the issuers of a joint document: "中共重庆市委 重庆市人民政府", "A、B".
ISSUER_SEPARATOR_RE = re.compile(r"[\s、，,]+")
# How the name of a body that issues documents ends (测试市人民政府, 重庆市知识产权局, 国务院办公厅, 中共测试市委):
# a line of the 落款 left in the body is told by it (``doubts/line_breaks.py``).
ISSUER_NAME_END_RE = re.compile(r"(?:政府|办公厅|办公室|委员会|委|局|部|厅|署|院|会|中心)$")


def names_regex(names: list[str]) -> re.Pattern[str]:
    """One alternation over literal names; callers pass them longest first so longer wins."""
    return re.compile("|".join(re.escape(name) for name in names) or r"(?!x)x")


# Indicators ------------------------------------------------------------------

# A number in a table cell or a goal: "6.3", "1800", "60%"; "－" / "-" / "—" alone means none.
NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# The year of a table's column heading: 2015 of 2015年, 2015.12 (December 2015) or 2015年底.
YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
EMPTY_CELL_RE = re.compile(r"^[－\-—–]*$")
MINUS_SIGNS = ("-", "－", "−")  # before a table cell's number: a decrease
# A range of two numbers joined by a dash: "3—4", "2—3" (as in "建成3—4个引领型知识产权强省").
RANGE_RE = re.compile(r"(?P<low>[0-9]+(?:\.[0-9]+)?)\s*[—–－\-~～至]\s*(?P<high>[0-9]+(?:\.[0-9]+)?)")
# A goal's number with what follows it: "60%", "3—4个".
GOAL_VALUE_RE = re.compile(
    r"""(?P<value>[0-9]+(?:\.[0-9]+)?(?:\s*[—–－\-~～至]\s*[0-9]+(?:\.[0-9]+)?)?)  # 60 / 3—4
        \s*(?P<unit>%|％|个|件|万件|亿元|亿美元|分)?""",
    re.VERBOSE,
)
# "到2030年" — the year a goal is set for.
TARGET_YEAR_RE = re.compile(r"到(?P<year>(?:19|20)[0-9]{2})年")
# A table row's first cell: the name, then its unit in full-width parentheses.
INDICATOR_NAME_UNIT_RE = re.compile(r"^(?P<name>.+?)（(?P<unit>[^（）]+)）$")
# A table row's 属性 cell: 预期性 (a forecast) or 约束性 (binding), as plans mark their indicators.
INDICATOR_ATTRIBUTE_RE = re.compile(r"^(?:预期性|约束性)$")


# Cross-document references -------------------------------------------------

# 国发〔2015〕71号 and kin: issuing code, year in tortoise-shell brackets, number.
DOC_NUMBER_RE = re.compile(
    r"""(?P<number>[\u4e00-\u9fff]{1,8}     # 国发 / 国办函 / 渝府发 / 国知发管字
        〔(?P<year>[0-9]{4})〕               # 〔2015〕
        (?P<serial>[0-9]{1,4})号)""",
    re.VERBOSE,
)
# A 文号 as staff may type it in a curated YAML file: the year in any bracket pair (国发[2015]71号,
# 国发（2015）71号, 国发【2015】71号, 国发﹝2015﹞71号), the number with 第 or a leading 0, digits full-width
# (国发〔２０１５〕７１号) or not. GB/T 9704 writes it
# as DOC_NUMBER_RE reads it: 〔〕, no 第, no leading 0 (国发〔2015〕71号).
DOC_NUMBER_VARIANT_RE = re.compile(
    r"""^(?P<code>[\u4e00-\u9fff]{1,8}?)\s*
        [\[［【〔﹝〖(（]\s*(?P<year>[0-9０-９]{4})\s*[\]］】〕﹞〗)）]\s*   # [2015] （2015） 【2015】 …
        第?\s*[0０]*(?P<serial>[1-9１-９][0-9０-９]{0,3})\s*号$""",  # 71 / 第71 / 071 / ７１
    re.VERBOSE,
)
# Words that run into a 文号 written without brackets (按国发〔2015〕71号文件要求): DOC_NUMBER_RE takes
# them as part of the issuer's code, which none of them starts. Longest first.
DOC_NUMBER_LEAD_RE = re.compile(r"(?:根据|依据|依照|按照|参照|对照|遵照|按|据|依|见|和|及|与|或|并|即|经)")

# Ids ------------------------------------------------------------------------

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLAUSE_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9-]+)+$")
# The last step of an unnumbered clause's id: "p2", "s3", "pre1", or one inserted later with the
# letters of track/lineage.py ("p1a", "s0b").
ORDINAL_RE = re.compile(r"^(?P<prefix>[a-z]+)(?P<number>[0-9]+)[a-z]*$")
# A line of source_texts/clause_ids.tsv: a clause id, a tab, the hex digest of its text, and (in
# lines written since it was added) a tab and the hex digest of its opening sentence.
CLAUSE_RECORD_RE = re.compile(
    r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9-]+)+)\t(?P<digest>[0-9a-f]{8})(?:\t(?P<opening>[0-9a-f]{8}))?$"
)
# A line of clause_ids.tsv's closing section: a removed clause id (or a removed document's slug) that
# redirects.yaml answers for, and the fixed word ``removed`` in place of the digests (track/clause_ids.py).
CLAUSE_REMOVED_RE = re.compile(r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9-]+)*)\tremoved$")
# A site page's URL as the record of published pages (track/published.py) and redirects.yaml's
# ``page:`` entries give it: "/agencies/guojia-zhishichanquanju/"; an entry may end in "*" instead of
# the last "/" to name every page whose URL starts so ("/tasks/guofa-2016-86-*").
# A clause's address as a page shows it (/documents/<slug>/#c2-2-4, or the whole https://… link): what staff
# paste where a clause id is asked for (model.id_written_otherwise).
CLAUSE_ADDRESS_RE = re.compile(r"/documents/(?P<slug>[a-z0-9-]+)/?(?:index\.html)?#(?P<anchor>[A-Za-z0-9_-]+)")
# The end of such an address without "/documents/": a slug and an anchor ("guobanhan-2016-66#t5",
# "documents/yufufa-2016-25#c2-1-p4"), as staff shorten a link.
SLUG_ANCHOR_RE = re.compile(r"(?:^|/)(?P<slug>[a-z0-9-]+)/?#(?P<anchor>[A-Za-z0-9_-]+)$")
# A task page's address (/tasks/guofa-2016-86-4-2-1/, its clause id with "/" → "-"), and a comparison's on
# a 对照 page (/crossrefs/chongqing/c2-5-p1/#c2-5-p1-s2-vs-guofa-2016-86-4-2-1-s4: the Chongqing sentence's
# anchor, then the national clause id so written): what staff copy from those pages.
TASK_ADDRESS_RE = re.compile(r"(?:^|/)tasks/(?P<task>[a-z0-9][a-z0-9-]*)(?:/|\.md\b|$)")
COMPARISON_ADDRESS_RE = re.compile(r"#(?P<local>[A-Za-z0-9_-]+?)-vs-(?P<national>[a-z0-9][a-z0-9-]*)$")
# The last segment of a clause id split at its last number (t107 → t, 107; 2-9 → 2-, 9; s12 → s, 12): its
# siblings of the same form are the ids a message names when it is one no clause has (load/curated.nearest_hint).
# The head is empty or ends in a letter or "-" (so the number is the whole run of digits): written as a lazy
# [A-Za-z0-9-]*? before the digits, a long run of digits that did not end so was split in every way.
ID_SEGMENT_NUMBER_RE = re.compile(r"^(?P<head>(?:[A-Za-z0-9-]*[A-Za-z-])?)(?P<number>[0-9]+)(?P<tail>[a-z]?)$")
# What YAML reads as a comment where a value was meant: a # and one word after a key (an anchor staff copied).
COMMENTED_VALUE_RE = re.compile(r"^#[^\s#]+$")
PAGE_URL_RE = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/)*$")
PAGE_PREFIX_RE = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/)*[a-z0-9._-]*\*$")
# A documents.yaml entry as staff write it (README; the file's header): "  - slug: …" opens it and a
# "source_file: …" line names its text (quoted or not, a comment after). Read from a committed version
# that does not parse as YAML (track/versions.py keeps the slugs a text was committed under).
LISTING_ENTRY_RE = re.compile(
    r"""^[ \t]*-[ \t]+slug:[ \t]*(?P<q>["']?)(?P<slug>[a-z0-9-]+)(?P=q)[ \t]*(?:\#.*)?\r?$""", re.MULTILINE
)
LISTING_FILE_RE = re.compile(r"""^[ \t]+source_file:[ \t]*(?P<q>["']?)(?P<file>[^\s#"']+)(?P=q)""", re.MULTILINE)
# A text's opening sentence, up to its first 。；！？ (how track/lineage.py tells a split paragraph's
# first part, which keeps the id); a table row's, its first cell, the name its figures stand under.
OPENING_SENTENCE_RE = re.compile(r"^[^。；！？\n]*[。；！？\n]")

# A number opening a clause's text: 4. （三） 三、 （2）: a renumbered item's words are the same after it
# (track/removed.py names where they stand now; a 专栏's heading is read by BOX_RE, of box ids only: a sentence
# opening 专栏1所列工程… names a box, and is not the words of 专栏2所列工程… renumbered).
NUMBER_LABEL_RE = re.compile(
    r"^(?:[0-9]{1,3}[.．、](?![0-9])|（[一二三四五六七八九十0-9]{1,3}）|[一二三四五六七八九十]{1,3}、)[ \u3000]*"
)
# The number inside such a label, Arabic or Chinese (17 of 17., 三 of （三）): track/lineage.py writes a new
# text under an old number to find the words a record's digest stood for, renumbered since.
LABEL_NUMBER_RE = re.compile(r"[0-9]+|[一二三四五六七八九十]+")
# The number an id's last step ends with: 17 of …/t17, 7 of …/4-2-7, 3 of …/2-3.
ID_LAST_NUMBER_RE = re.compile(r"(?P<number>[0-9]+)$")
# make serve's --dev-addr: host:port, the host an IPv4 address, an IPv6 one in brackets ([::1]:8000) or localhost
# (which cli.dev_address checks, as MkDocs does)
DEV_ADDR_RE = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[^\s:\[\]]*):(?P<port>[0-9]{1,5})$")
# A comparison's unit (pages/marks.py): a number is one unit (6.3, 6．3), any other character one; and a digit,
# as that reads digits (a count with one in it is part of a number).
COMPARISON_UNIT_RE = re.compile(r"\d+(?:[.．]\d+)?|.", re.DOTALL)
COMPARISON_DIGIT_RE = re.compile(r"\d")
# The runs of ASCII digits in an id (model.natural sorts by them as numbers: t9 before t10). Not \d, which
# takes ² and ① too, digits int() refuses.
ID_DIGITS_RE = re.compile(r"([0-9]+)")


def last_numeral_re(numeral: str) -> re.Pattern[str]:
    """``numeral`` (105, 七) where it is the last number a citation gives, whole: no numeral after it, none just
    before it (the 5 of 105 and the 二 of 十二 are not 5 and 二). track/renumbering.py writes a gone number's
    citation from the clause now holding its words: 第105项 → 第106项."""
    digits = "0-9零一二三四五六七八九十百"
    return re.compile(rf"(?<![{digits}]){re.escape(numeral)}(?![{digits}])(?!.*[{digits}])")


# The last step of a numbered clause's id, identified by the number the text gives it (t17, 2-1, box3, art5-1;
# not p2, s1a, pre3, r4, table1, head): after a renumbering the id names other words (track/renumbering.py).
NUMBERED_ID_STEP_RE = re.compile(r"^(?:t|box|ch|art)?[0-9]+(?:-[0-9]+)*$")

# Cross-references (link/crossrefs.py) ----------------------------------------

# The path of a 66号 task clause: "t14".
TASK_CLAUSE_RE = re.compile(r"^t[0-9]+$")
# A numbering label opening a national sentence: "1." "（一）" "——" before the words that matter.
LEADING_LABEL_RE = re.compile(r"^(?:[0-9]+[.．、]|（[一二三四五六七八九十0-9]+）|——)")
# Anything but CJK ideographs, Latin letters and digits: splits text into runs for n-grams.
NON_WORD_RE = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]+")
# What a curated task phrase may hold (task_terms.yaml): word characters and the "+" of "互联网+" (not "+" alone).
TERM_RE = re.compile(r"^(?=.*[^+＋])[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9+＋]+$")
# Anything a task phrase cannot hold: splits text into runs where phrases are looked for.
TERM_BREAK_RE = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9+＋]+")
# Where a sentence breaks into phrases: commas, enumeration marks, colons, brackets, quotes.
PHRASE_BREAK_RE = re.compile(r"[，、；：。！？（）《》“”]+")

# Search index (publish/search_index.py) --------------------------------------

# A label or citation that numbers a task, an item, a box or a table in Arabic digits, as the site writes
# them: 任务55 (a task page's label), 第55项 or 第四部分第（六）条第2项 (复制引用's position of an item), 专栏2,
# 表1. Readers also type the number in Chinese numerals (任务五十五, 第五十五项, 专栏二, 表一), so the index
# holds that form too; ``num`` is the number, the rest of the label stays as it is. 第55项第1句, 表1第3行
# and 第2段 do not match.
ARABIC_ITEM_LABEL_RE = re.compile(
    r"""^(?:任务|专栏|表|(?P<path>.*第))  # 任务, 专栏, 表, or the citation's path up to the item's 第
        (?P<num>[0-9]{1,3})       # 55
        (?(path)项)$              # after a 第 the 项 ends the label; 任务55 ends at its number
    """,
    re.VERBOSE,
)

# A task's label that numbers a paragraph by its place, as the site writes it: 任务二（三）第3段 (a 25号
# measure: its page's label), 第1段 (a paragraph task of a text without numbered parts, its own label).
# Their pages were headed 二（三）第三段 and 第一段 before the site wrote every counted place in Arabic
# digits, and readers were given that form: the index holds it too (``num``: the place). A citation's
# position (第二部分第（三）条第3段, 正文第1段, 专栏2第1段) does not match: it was never written so.
ARABIC_PARAGRAPH_TASK_LABEL_RE = re.compile(
    r"""^(?:任务[^第]+)?          # 任务 and its parents' numbers (二（三）), or nothing
        第(?P<num>[0-9]{1,3})段$  # 第3段
    """,
    re.VERBOSE,
)

# Write stage (write.py) --------------------------------------------------------

# The temporary file write_atomic makes beside a page, named after the process writing it:
# .index.md.4242.tmp (``pid``). One a killed run left is removed once that process is gone.
TEMPORARY_FILE_RE = re.compile(r"\..+\.(?P<pid>[0-9]+)\.tmp")

# The files an editor keeps beside a text while it is edited, which the build never reads (``serve`` does
# not regenerate for them): .x.txt.swp (vim's swap file: .swp, then .swo … .swa; Kate's .x.txt.kate-swp),
# 4913 (vim's probe whether it may write the folder: 4913, 5036 …), x.txt~ (a backup), #x.txt# (emacs'
# auto-save), .goutputstream-… (gedit's save), x.txt___jb_tmp___ and ___jb_old___ (JetBrains' safe write).
# Matched whole.
EDITOR_FILE_RE = re.compile(r"\..+\.(?:sw[a-p]|kate-swp)|[0-9]+|.+~|#.+#|\.goutputstream-.+|.+___jb_(?:tmp|old)___")

# Render stage (render/keep_together.py) ----------------------------------------------------------

# The YAML front matter a rendered page opens with (title, search), up to its closing ---
# (render/keep_together.py passes it as it is; pages/sections.py reads a page's title from it).
FRONT_MATTER_RE = re.compile(r"---\n.*?\n---\n", re.DOTALL)
# 国家—重庆, the site's name for its national–Chongqing comparison: a line may break before or after an em
# dash (U+2014), but in Chinese typesetting a dash never starts a line, and the two words it joins are one name.
DASH_JOINED_RE = re.compile(r"国家—重庆")
# A number and its unit, which a phone's line broke as 2016 / 年 (a digit may be followed by a break, an
# ideograph preceded by one): a date whole (2016年12月30日, 2016年5月), else a number (1, 6.3, a simple
# range 2—3 or 2011—2015) with the unit the pages set after a number: 年 月 日 (2016年, 5月, 31日), 号 (〔2016〕86
# 号), 项 句 段 行 (第2项第1句, 第1段, 文首第2行), 个 件 倍 (3—4个, 6.3件, 2.4倍), 万 亿 with what follows them
# (3万件, 3289亿元). % needs none: no line breaks between a digit and it (UAX #14: NU × PO).
NUMBER_UNIT_RE = re.compile(  # a digit first, then the lookbehind: a scan tries only the digits (3× faster)
    r"[0-9](?<![0-9.][0-9])(?:[0-9]{3}年[0-9]{1,2}月(?:[0-9]{1,2}日)?"
    r"|[0-9]*(?:\.[0-9]+)?(?:—[0-9]+(?:\.[0-9]+)?)?(?:[万亿][件元个项]?|[年月日号项句段行个件倍元]))"
)
# What a run is never looked for in, matched whole, as one group (re.split keeps it): a tag (a value a template
# prints reaches the page escaped, so each < opens a template's own tag), a code element with its content, an
# SVG with its content (an indicator's chart: its words are placed, never wrapped, and the HTML parser ends an
# SVG at a <span>, so a kept 2015年 threw the chart's bars out of it), an attr_list ({ #c1 data-cite="…" }),
# a Markdown link's URL and a code span.
NOT_TEXT_RE = re.compile(
    r"(<(?:code\b.*?</code>|pre\b.*?</pre>|script\b.*?</script>|style\b.*?</style>|svg\b.*?</svg>)|<[^>]*>|\{[^}]*\}"
    r"|\]\([^)\n]*\)|`[^`\n]*`)",
    re.DOTALL | re.IGNORECASE,
)
# The bracketed unit a table's row head ends in (年度知识产权质押融资金额（亿元）, 增长（%）): a phone broke 86号's
# indicator rows inside it, （亿 / 元）, leaving 元） alone on a line; the renderer keeps it whole
# (render/keep_together.py ``keep_trailing_bracket``). Short (a unit), closed at the end of the text.
TRAILING_BRACKET_RE = re.compile(r"（[^（）]{1,6}）$")
# Each run a line keeps whole, in the text between them.
KEPT_RUN_RE = re.compile(f"{DASH_JOINED_RE.pattern}|{NUMBER_UNIT_RE.pattern}")
