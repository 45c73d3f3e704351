"""``python -m tests.traditional_table``: write build_scripts/publish/traditional.tsv, the traditional →
simplified character table the search index carries for the characters of the texts (a query typed or
pasted in traditional characters, 專利導航, finds 专利导航).

Each line is a traditional character and the simplified one OpenCC's ``t2s`` gives it alone, for every
character of the CJK Unified Ideographs block that ``t2s`` changes. OpenCC (``opencc``, requirements-dev.txt)
runs here only: the build reads the table, so it neither imports OpenCC nor depends on its version.
"""

from __future__ import annotations

import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "build_scripts" / "publish" / "traditional.tsv"
HEADER = (
    "# Traditional → simplified characters, one pair a line, from OpenCC 1.4.2's t2s applied to each\n"
    "# character of U+4E00–U+9FFF alone. Written by `python -m tests.traditional_table`; do not edit.\n"
)


def table() -> str:
    import opencc

    convert = opencc.OpenCC("t2s").convert
    pairs = []
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        simple = convert(char)
        if simple != char and len(simple) == 1:
            pairs.append(f"{char}\t{simple}\n")
    return HEADER + "".join(pairs)


if __name__ == "__main__":
    TABLE.write_text(table(), encoding="utf-8")
    sys.stdout.write(f"wrote {TABLE}\n")
