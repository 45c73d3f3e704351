"""Chinese numerals as used in section numbering (一 … 九十九)."""

from __future__ import annotations

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(numeral: str) -> int | None:
    """``"十二"`` → 12; ``None`` for anything that is not a numeral below 100."""
    if not numeral:
        return None
    if numeral in _DIGITS:
        return _DIGITS[numeral]
    if "十" not in numeral or numeral.count("十") > 1:
        return None
    tens, _, ones = numeral.partition("十")
    if tens and tens not in _DIGITS or ones and ones not in _DIGITS:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def int_to_cn(value: int) -> str:
    """12 → ``"十二"`` (1 ≤ value < 100)."""
    names = {v: k for k, v in _DIGITS.items()}
    if value < 10:
        return names[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[ones] if ones else "")
