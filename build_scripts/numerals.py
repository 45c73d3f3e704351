"""Chinese numerals as used in section numbering (一 … 九十九) and in places (第一百零一段)."""

from __future__ import annotations

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NAMES = {value: name for name, value in _DIGITS.items()}


def cn_date(iso: str) -> str:
    """``"2016-07-08"`` → ``"2016年7月8日"``, as Chinese official documents write a date."""
    year, month, day = iso.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


def cn_to_int(numeral: str) -> int | None:
    """``"十二"`` → 12, ``"一百零五"`` → 105 (an article's number); ``None`` for anything that is not a
    numeral below 1000."""
    if not numeral:
        return None
    if "百" in numeral:
        hundreds, _, rest = numeral.partition("百")
        if hundreds not in _DIGITS:
            return None
        if rest.startswith("零"):
            rest = rest[1:] if rest[1:] in _DIGITS else "?"  # 一百零五; 一百零 or 一百零十 is no numeral
        below = cn_to_int(rest) if rest else 0
        return None if below is None or "百" in rest else _DIGITS[hundreds] * 100 + below
    if numeral in _DIGITS:
        return _DIGITS[numeral]
    if "十" not in numeral or numeral.count("十") > 1:
        return None
    tens, _, ones = numeral.partition("十")
    if tens and tens not in _DIGITS or ones and ones not in _DIGITS:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def int_to_cn(value: int) -> str:
    """12 → ``"十二"``, 105 → ``"一百零五"``, 12345 → ``"一万二千三百四十五"`` (0 → ``"零"``): a subsection
    may hold more than 99 paragraphs."""
    if value <= 0:
        return "零"
    high, low = divmod(value, 10000)
    words = (
        _below_10000(low) if not high else int_to_cn(high) + "万" + ("零" if 0 < low < 1000 else "") + _below_10000(low)
    )
    return words.removeprefix("一") if words.startswith("一十") else words


def cn_count(value: int) -> str:
    """A count as a sentence says it before a measure word: 2 → ``"两"`` (两件文件), 5 → ``"五"``, 12 → ``"十二"``."""
    return "两" if value == 2 else int_to_cn(value)


def _below_10000(value: int) -> str:
    """105 → ``"一百零五"``, 12 → ``"一十二"`` (the 一 of 一十 is dropped at the start of a number only)."""
    words, gap = "", False
    for size, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, size)
        if digit:
            words += ("零" if gap else "") + _NAMES[digit] + unit
        gap = bool(words) and not digit
    return words
