"""Golden files: each document's parsed clause tree, kept in tests/golden/<slug>.json.

Refresh after an intended change with ``make golden`` (``python -m tests.golden --refresh``),
then review ``git status tests/golden`` (a new document's file is new: ``git add`` it) and the diff with
``git diff tests/golden`` before committing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def snapshot(document) -> str:
    records = [
        {"id": c.id, "kind": c.kind.value, "label": c.label, "parent": c.parent, "line": c.line, "text": c.text}
        for c in document.clauses
    ]
    lines = [json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    from build_scripts.pipeline import build_site

    from .helpers import SOURCE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="rewrite the golden files from the current parser")
    args = parser.parse_args(argv)
    site = build_site(SOURCE)
    GOLDEN.mkdir(exist_ok=True)
    changed = 0
    for document in site.corpus.documents:
        path = GOLDEN / f"{document.slug}.json"
        new = snapshot(document)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != new:
            changed += 1
            if args.refresh:
                path.write_text(new, encoding="utf-8")
            print(f"{'refreshed' if args.refresh else 'differs'}: {path.relative_to(GOLDEN.parent.parent)}")
    listed = {f"{document.slug}.json" for document in site.corpus.documents}
    for path in sorted(GOLDEN.glob("*.json")):
        if path.name not in listed:  # a document no longer in documents.yaml
            changed += 1
            if args.refresh:
                path.unlink()
            print(f"{'removed' if args.refresh else 'no longer listed'}: {path.relative_to(GOLDEN.parent.parent)}")
    print(
        f"{changed} golden file(s) {'refreshed' if args.refresh else 'differ'}; review with: git status tests/golden "
        "(a new file: git add it) and git diff tests/golden"
    )
    return 0 if args.refresh or not changed else 1


if __name__ == "__main__":
    sys.exit(main())
