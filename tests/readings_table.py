"""``python -m tests.readings_table``: write overrides/assets/javascripts/clause-search-readings.json, the
readings (pinyin without tones) of the 6,763 characters of GB 2312, which the search worker fetches when a
query finds nothing: a character typed for another of the same sound (质压融资 for 质押融资, 专利倒航 for
专利导航: the commonest slip of a pinyin input method) is then read as the one the texts hold.

The file maps each reading to its characters in GB 2312 order (``{"ya": "压押鸭…"}``); a character with
several readings (重: zhong, chong) is under each. pypinyin (``pypinyin``, requirements-dev.txt) runs
here only: the site ships the file, the build neither imports pypinyin nor reads the file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "clause-search-readings.json"


def gb2312_characters() -> list[str]:
    """The hanzi of GB 2312 (rows 16-87), in its order."""
    characters = []
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                characters.append(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:  # the unassigned end of row 55
                continue
    return characters


def table() -> str:
    from pypinyin import Style, pinyin

    readings: dict[str, str] = {}
    for character in gb2312_characters():
        for reading in pinyin(character, style=Style.NORMAL, heteronym=True)[0]:
            if reading.isascii() and reading.isalpha():
                readings[reading] = readings.get(reading, "") + character
    return json.dumps(dict(sorted(readings.items())), ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    TABLE.write_text(table(), encoding="utf-8")
    sys.stdout.write(f"wrote {TABLE}\n")
