"""The load stage: read a source text's bytes from disk and decode them (UTF-8, with or without BOM,
or GBK), refusing bytes that are no text or read as another encoding; and the records ``generate``
keeps beside the texts. Where a character or byte stands, as messages give it (line, column).

Curated YAML is read by ``located_yaml``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import patterns
from ..clean import split_lines
from ..errors import Collector, CurationError, TextError, excerpt
from . import files

# A text decoded from GB 18030 is accepted only if it reads as Chinese prose.
_MIN_CJK_SHARE = 0.3
# … with a control character here and there (a NUL, a form feed: damage, refused where it stands as in
# UTF-8 text); bytes that are no text and still decode as GB 18030 give one every few characters.
_MAX_CONTROL_SHARE = 0.01
# … and if at least this share of its hanzi are GB 2312's (each of the five texts: 100%; Big5 read as
# GBK: about half, Shift-JIS: none).
_MIN_COMMON_HANZI_SHARE = 0.9
# … where a private-use character or two is a character of GBK's user-defined area (a rare hanzi a font of its own
# drew), refused as such; Big5 read as GBK gives one every other hanzi.
_MAX_PRIVATE_SHARE = 0.01
_UTF8_BOM = b"\xef\xbb\xbf"
# A line of UTF-8 read as GBK gives back this many hanzi, or more, written as GB 18030 and read as UTF-8; a real
# line gives next to none (no line of the five texts, their test copies or this repository's files reaches it).
_MIN_MISREAD_HANZI = 8


@dataclass(frozen=True, kw_only=True)
class RawText:
    path: Path
    text: str  # decoded, not yet cleaned
    sha256: str  # of the bytes on disk
    encoding: str
    data: bytes = field(default=b"", repr=False)  # the bytes on disk (published under data/sources/)


def read_text(path: Path) -> RawText:
    """Read a source text as UTF-8 (with or without BOM), or as GBK/GB 18030.

    Raises ``TextError`` located at the first undecodable byte, or at 1:1 for an
    empty file.
    """
    try:
        data = files.read_bytes(path)
    except OSError as exc:
        raise TextError(path, 1, 1, f"expected a readable text file, found {exc.strerror}") from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip(b" \t\r\n\xef\xbb\xbf\xe3\x80\x80"):  # said as it is: an editor shows spaces as nothing
        found = "an empty file" if not data else f"only white space ({len(data)} bytes: no character of text)"
        raise TextError(path, 1, 1, f"expected the text of a document, found {found}")
    if wide := wide_encoding(data):
        raise TextError(path, 1, 1, f"expected UTF-8 (or GBK) text, found {wide} (byte order mark); save it as UTF-8")
    # Without a UTF-8 byte order mark, which no editor shows: the bytes as positions count them (decoded as
    # utf-8-sig, an error's offset was 3 bytes early), and a GBK file behind one (a tool's) reads as GBK.
    on_disk, data = data, data.removeprefix(_UTF8_BOM)
    try:
        raw = RawText(path=path, text=data.decode("utf-8"), sha256=digest, encoding="utf-8", data=on_disk)
    except UnicodeDecodeError as utf8_error:
        lines = patterns.BYTE_LINE_BREAK_RE.split(data)
        utf8_lines = [number for number, line in enumerate(lines, start=1) if _utf8_chinese(line)]
        mostly_utf8 = len(utf8_lines) * 2 > sum(1 for line in lines if not line.isascii())  # damaged UTF-8
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as gbk_error:
            text = ""
            prefix = data[: gbk_error.start].decode("gb18030")
            if not mostly_utf8 and gbk_error.start > utf8_error.start and _reads_as_chinese(prefix):
                line, column = position_of_byte(data, gbk_error.start, "gb18030")
                if line in utf8_lines:
                    raise _pasted_utf8(path, lines[line - 1], line) from None
                bad = data[gbk_error.start : gbk_error.start + 2].hex(" ")
                raise TextError(path, line, column, f"expected GBK text, found undecodable bytes {bad}") from None
        if text and not mostly_utf8 and _reads_as_chinese(text):
            if utf8_lines:  # it reads as GBK too, as mojibake: 加快推进 as 鍔犲揩鎺ㄨ繘
                raise _pasted_utf8(path, lines[utf8_lines[0] - 1], utf8_lines[0]) from None
            _refuse_utf8_words(path, lines)
            _refuse_misread(path, text)
            return _without_controls(
                _refuse_no_text(RawText(path=path, text=text, sha256=digest, encoding="gb18030", data=on_disk))
            )
        if utf16_without_bom(data):
            raise TextError(
                path, 1, 1, "expected UTF-8 (or GBK) text, found UTF-16 without a byte order mark; save it as UTF-8"
            ) from None
        line, column = position_of_byte(data, utf8_error.start)
        bad = data[utf8_error.start : utf8_error.start + 4].hex(" ")
        raise TextError(path, line, column, f"expected UTF-8 (or GBK) text, found undecodable bytes {bad}") from None
    _refuse_ascii_chinese(raw)
    _refuse_utf8_read_as_gbk(raw)
    return _without_controls(_refuse_no_text(raw))


def _refuse_utf8_read_as_gbk(raw: RawText) -> None:
    """A UTF-8 text once opened as GBK and saved again (川府发 as 宸濆簻鍙): valid UTF-8, published garbled (session 40's
    robustness review). Its lines give their words back when written as GB 18030 and read as UTF-8, where a real
    text's give almost nothing but undecodable bytes: a line so read holding at least ``_MIN_MISREAD_HANZI`` hanzi,
    with at most one undecodable character per two (what the misreading lost), is refused where it stands."""
    for number, line in enumerate(split_lines(raw.text), start=1):
        if line.isascii():
            continue
        try:
            back = line.encode("gb18030").decode("utf-8", errors="replace")
        except UnicodeEncodeError:  # a lone surrogate: said as such elsewhere
            continue
        hanzi = len(patterns.CJK_RE.findall(back))
        if hanzi >= _MIN_MISREAD_HANZI and back.count("\ufffd") * 2 <= hanzi:
            meant = "".join(patterns.CJK_RE.findall(back)[:8])
            raise TextError(
                raw.path,
                number,
                1,
                f"expected UTF-8 or GBK text, found UTF-8 once read as GBK and saved again ({line[:8]!r} is "
                f"{meant!r}…): open the original as UTF-8, or undo the conversion",
            )


def _refuse_ascii_chinese(raw: RawText) -> None:
    """A text in HZ (``~{…~}``) or UTF-7 (``+…-``), which write Chinese in ASCII: it reads as UTF-8 with no
    Chinese character, and was said only where documents.yaml names a line of it. Refused at its start when it
    holds none and reads as Chinese in one of them."""
    if not raw.text.isascii() or patterns.CJK_RE.search(raw.text):
        return
    for codec, name in (("hz", "HZ"), ("utf-7", "UTF-7")):
        try:
            decoded = raw.text.encode("ascii").decode(codec)
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(decoded):
            raise TextError(
                raw.path,
                1,
                1,
                f"expected UTF-8 (or GBK) text, found {name}, which writes Chinese in ASCII; save it as UTF-8",
            )


def lfs_pointer(text: str, to: str, saved: str) -> str | None:
    """What is found where ``text`` is the pointer Git LFS leaves in place of a file it did not fetch (a text or
    a curated file, said at 1:1): a pointer ``to`` it, and the fix, ``saved`` in its place; None when it is none."""
    pointer = patterns.GIT_LFS_POINTER_RE.match(text)
    if pointer is None:
        return None
    return f"a Git LFS pointer to {to} ({pointer.group()!r}): run git lfs pull, or save {saved} itself in its place"


def merge_marker(text: str) -> tuple[int, int, str] | None:
    """The line, column and description of the first marker git leaves where a merge did not resolve (in a
    text or a curated file), or None."""
    found = patterns.MERGE_MARKER_RE.search(text)
    if found is None:
        return None
    line, column = position_of(text, found.start())
    marker = excerpt(found.group().rstrip(), 40)
    return (
        line,
        column,
        f"the merge-conflict marker {marker!r} git leaves where a merge did not resolve: keep the lines meant, delete the markers",
    )


def _refuse_no_text(raw: RawText) -> RawText:
    """What reads but is no document's text, refused where it stands (each was published as paragraphs):
    the marker git leaves where a merge did not resolve, the byte order mark of a second file joined on
    (``cat a.txt b.txt``; one after the first, of a tool that added one twice, is no join), line or paragraph
    separators (U+2028, U+2029) in place of line breaks, the tags of a web page saved from the browser; and the
    pointer Git LFS leaves in place of a file it did not fetch."""
    pointer = lfs_pointer(raw.text, "it", "the text")
    if pointer is not None:
        raise TextError(raw.path, 1, 1, f"expected the document's text, found {pointer}")
    marker = merge_marker(raw.text)
    if marker is not None:
        line, column, found = marker
        raise TextError(raw.path, line, column, f"expected text, found {found}")
    joined = raw.text.find("\ufeff", len(raw.text) - len(raw.text.lstrip("\ufeff")))
    if joined >= 0:
        line, column = position_of(raw.text, joined)
        raise TextError(
            raw.path,
            line,
            column,
            "expected one text, found a byte order mark (U+FEFF) inside it, where a second file was joined on: "
            "keep the document's own text (or, if nothing was joined, delete the invisible character)",
        )
    first = patterns.UNICODE_LINE_SEPARATOR_RE.search(raw.text)  # most texts have none: counted only then
    if first is not None:
        separators = len(patterns.UNICODE_LINE_SEPARATOR_RE.findall(raw.text))
        if separators > raw.text.count("\n") + raw.text.count("\r") - raw.text.count("\r\n"):  # line breaks
            line, column = position_of(raw.text, first.start())
            kind = "paragraph" if first.group() == "\u2029" else "line"
            raise TextError(
                raw.path,
                line,
                column,
                f"expected lines that end in line breaks (LF or CRLF), found U+{ord(first.group()):04X} (a {kind} "
                f"separator) ending {separators} of them: save the file with ordinary line breaks",
            )
    page = patterns.WEB_PAGE_TAG_RE.search(raw.text)
    if page is not None:
        line, column = position_of(raw.text, page.start())
        raise TextError(
            raw.path,
            line,
            column,
            f"expected plain text, found {page.group()!r} of a saved web page: copy the document's text from the "
            "page into a plain text file",
        )
    return raw


def _utf8_chinese(line: bytes) -> bool:
    """Whether a line of a GBK file is UTF-8 instead: it reads as UTF-8 with hanzi, every character beyond
    ASCII one GBK has, from U+0800 on, and every hanzi one of GB 2312's common ones. A GBK line reads so only
    by chance: its pairs of bytes read as UTF-8 give Latin, Greek or Cyrillic letters (below U+0800), or
    fail. None of a million random lines of 1–12 GB 2312 hanzi read so, one of 500,000 lines of its hanzi
    and symbols did (楠℃步), and each of the five texts saved as GBK reads as before."""
    if line.isascii():
        return False
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in text if not ch.isascii()]
    hanzi = [ch for ch in wide if patterns.CJK_RE.match(ch)]
    return bool(hanzi) and all(ord(ch) >= 0x800 and _in(ch, "gbk") for ch in wide) and all(map(_in_gb2312, hanzi))


def _pasted_utf8(path: Path, line: bytes, number: int) -> TextError:
    """A line of a GBK file saved as UTF-8 (pasted in from another file), located at its first character
    beyond ASCII."""
    text = line.decode("utf-8")
    column = next(i for i, ch in enumerate(text, start=1) if not ch.isascii())
    shown = excerpt(text.strip(" \t\u3000"), 20)
    return TextError(
        path,
        number,
        column,
        f"expected GBK text like the rest of the file, found a line saved as UTF-8 ({shown!r}); "
        "save the whole file as UTF-8",
    )


def _refuse_utf8_words(path: Path, lines: list[bytes]) -> None:
    """Words of a GBK file's line saved as UTF-8 (pasted in among GBK text), which GBK reads as other
    characters: refused at the first, when three or more hanzi in a row read as UTF-8 and are all common
    ones (GB 2312's), starting where a character of the line as GBK starts, and GBK reads them as at least
    one character beyond GB 2312 (UTF-8's bytes 80–A0 make one: 集成 reads 闆嗘垚). Fewer hanzi, or a run
    holding a rarer one (國務院), are let through. Text of GB 2312 characters alone read from a character
    boundary gives only GB 2312 characters, so it cannot raise this; none of about 4 million characters of
    the five texts with GBK-only hanzi mixed in did. Pastes of three hanzi are caught 99 times in 100."""
    for number, line in enumerate(lines, start=1):
        for run in patterns.UTF8_HANZI_RUN_RE.finditer(line):
            words = run.group().decode("utf-8")
            if not all(map(_in_gb2312, words)):
                continue
            try:
                before = line[: run.start()].decode("gb18030")
            except UnicodeDecodeError:  # not where a GBK character starts: GBK's own bytes
                continue
            # the characters GBK reads from the run's bytes (its last byte pairs with the one after it)
            misread = line[run.start() :].decode("gb18030", errors="replace")[: (len(run.group()) + 1) // 2]
            if all(map(_in_gb2312, misread)):
                continue
            column = len(before) + 1
            raise TextError(
                path,
                number,
                column,
                f"expected GBK text like the rest of the file, found words saved as UTF-8 ({excerpt(words, 12)!r}, which GBK "
                f"reads as {misread[:12]!r}); type them again in this file, or save the whole file as UTF-8",
            )


class ControlCharacterError(TextError):
    """A control character (or U+FFFD) in a text that otherwise reads: one damaged character, not an unreadable file.
    ``readable`` is the text without its control characters (the same lines), for a run that goes on to
    say the text's other problems too; None when they are more than the odd one (bytes that are no text)."""

    def __init__(self, raw: RawText, line: int, column: int, message: str) -> None:
        super().__init__(raw.path, line, column, message)
        text, controls = patterns.CONTROL_CHAR_RE.subn("", raw.text)
        damaged = controls <= len(text) * _MAX_CONTROL_SHARE
        self.readable: RawText | None = replace(raw, text=text) if damaged else None


def _without_controls(raw: RawText) -> RawText:
    """Control characters (NUL, ESC, …), U+FFFD and U+FFFC (an object lost) are damage, not text; a private-use
    character is none that a reader's font shows, and a noncharacter none at all: refuse the first where it stands."""
    found = patterns.NO_TEXT_CHAR_RE.search(raw.text)
    if found is None:
        return raw
    line, column = position_of(raw.text, found.start())
    if patterns.PRIVATE_USE_CHAR_RE.match(found.group()):
        message = (
            f"expected a standard character, found U+{ord(found.group()):04X} (private use: it shows as a glyph of "
            "the font or input method that typed it, and as a box or another glyph to every other reader); type "
            "the standard character (a rare hanzi has one too, in CJK Extension B and on), or delete it (a web page's "
            "icon)"
        )
    elif patterns.NONCHARACTER_RE.match(found.group()):
        message = (
            f"expected text, found U+{ord(found.group()):04X} (a noncharacter: Unicode keeps it out of text, a "
            "program's own marker left in the file); delete it"
        )
    elif found.group() == "\ufffc":
        message = (
            "expected text, found U+FFFC, the object replacement character a copy puts where a picture or other "
            "object stood (the object is lost): type its words from the original, or delete it"
        )
    elif found.group() == "\ufffd":
        message = (
            "expected text, found U+FFFD, the replacement character a conversion puts for one it could not read: "
            "convert the file again from the original"
        )
    else:
        message = f"expected text, found the control character U+{ord(found.group()):04X}"
    raise ControlCharacterError(raw, line, column, message)


def _refuse_misread(path: Path, text: str) -> None:
    """A file in another East Asian encoding also decodes as GB 18030, into rare and private-use
    characters (Big5's 關於 reads 闽\ue804…, Shift-JIS kana become 偺偵): a GBK policy text draws almost
    all of its hanzi from GB 2312's 6,763 common ones and none from the private-use area."""
    private = patterns.PRIVATE_USE_RE.search(text)
    hanzi = patterns.CJK_RE.findall(text)
    uncommon = {ch for ch in set(hanzi) if not _in_gb2312(ch)}
    share = sum(ch not in uncommon for ch in hanzi) / len(hanzi) if hanzi else 1.0
    if share >= _MIN_COMMON_HANZI_SHARE and (
        private is None or len(patterns.PRIVATE_USE_RE.findall(text)) <= len(hanzi) * _MAX_PRIVATE_SHARE
    ):
        return  # GBK; a character of its user-defined area here and there is said as private use (_without_controls)
    at = private.start() if private else next(i for i, ch in enumerate(text) if ch in uncommon)
    line, column = position_of(text, at)
    raise TextError(
        path,
        line,
        column,
        f"expected UTF-8 or GBK text, found bytes that read as GBK give {text[at : at + 8]!r} "
        f"({share:.0%} common hanzi): Big5 or Shift-JIS? save the file as UTF-8",
    )


def _in_gb2312(ch: str) -> bool:
    return _in(ch, "gb2312")


def _in(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def position_of(text: str, at: int) -> tuple[int, int]:
    """1-based (line, column) of character ``at``, lines split as ``clean.split_lines`` splits them
    (LF, CRLF or a lone CR)."""
    start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    before = text[:start]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    return line, at - start + 1


def _reads_as_chinese(text: str) -> bool:
    visible = [ch for ch in text if not ch.isspace()]
    controls = len(patterns.CONTROL_CHAR_RE.findall(text))
    if not visible or controls > len(visible) * _MAX_CONTROL_SHARE:
        return False
    cjk = sum(1 for ch in visible if patterns.CJK_RE.match(ch))
    return cjk / len(visible) >= _MIN_CJK_SHARE


def wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 when ``data`` starts with its byte order mark (UTF-32's little-endian mark
    starts with UTF-16's, so it is looked for first), else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    return None


def utf16_without_bom(data: bytes) -> bool:
    """Whether bytes that are neither UTF-8 nor GBK are UTF-16 without a BOM: most 0a bytes are line
    breaks as UTF-16 writes them (0a 00, or 00 0a; the others are halves of characters such as 上,
    U+4E0A), and the whole decodes so. UTF-8 and GBK text never has a NUL byte beside a line break."""
    breaks = data.count(b"\n")
    for encoding, pair in (("utf-16-le", b"\n\x00"), ("utf-16-be", b"\x00\n")):
        if breaks and data.count(pair) * 2 >= breaks:
            try:
                data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            return True
    return False


def read_record(path: Path, errors: Collector, what: str) -> str | None:
    """The text of a record ``generate`` keeps beside the texts (clause_ids.tsv, published_pages.tsv), or
    None: when there is none yet, and when it cannot be read or decoded (a located error, ``what``
    naming the record)."""
    try:
        data = files.read_bytes(path)
    except OSError as exc:
        if files.absent(path):  # none yet; a link that leads nowhere is there, and said (the record would be lost)
            return None
        errors.add(CurationError(path, 1, 1, f"expected a readable {what}, found {files.missing(path, exc)}"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = position_of_undecodable(data, exc)
        errors.add(CurationError(path, line, column, "expected UTF-8 text, found undecodable bytes"))
        return None


def position_of_undecodable(data: bytes, error: UnicodeDecodeError) -> tuple[int, int]:
    """(line, column) of the byte at which decoding ``data`` as utf-8-sig stopped: the error's offset counts
    from after a byte order mark, as positions do (no editor shows one)."""
    return position_of_byte(data.removeprefix(_UTF8_BOM), error.start)


def position_of_byte(data: bytes, offset: int, encoding: str = "utf-8") -> tuple[int, int]:
    """(line, column) of the byte at ``offset``, counted as ``position_of`` counts characters."""
    before = data[:offset].decode(encoding, errors="replace")
    return position_of(before, len(before))
