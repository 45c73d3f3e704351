"""A run of staff-like edits, built one after another in the same folder: links never die silently.

Each edit (words added, a paragraph inserted, deleted, split or merged, a sentence added or dropped) is built
as staff build it, the records (clause_ids.tsv) rewritten by each passing build. A build either passes, and
then every clause id the last passing build published is still published or answered in redirects.yaml, or
it stops with located problems and docs/ as it was; undoing the edit then builds again.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

import pytest
import yaml

from build_scripts.errors import BuildErrors
from build_scripts.model import id_prefixes
from build_scripts.pipeline import generate

from .helpers import copy_sources

pytestmark = pytest.mark.slow

EDITS = 30
REMOVED_RE = re.compile(r"expected a redirects\.yaml entry for removed clause (\S+) \(")
NEW_PARAGRAPH = "　　新增的一段文字，用于检验编号的稳定。"


def published_ids(docs: Path) -> set[str]:
    return {record["id"] for record in json.loads((docs / "data" / "clauses.json").read_text(encoding="utf-8"))}


def answered_ids(source: Path) -> set[str]:
    listing = source / "redirects.yaml"  # none until a clause is first removed
    data = yaml.safe_load(listing.read_text(encoding="utf-8")) if listing.exists() else {}
    return {entry["id"] for entry in (data or {}).get("redirects") or [] if "id" in entry}


def retire(source: Path, ids: list[str]) -> None:
    """redirects.yaml entries retiring ``ids``, with the note the message asks for."""
    listing = source / "redirects.yaml"
    text = listing.read_text(encoding="utf-8") if listing.exists() else "redirects:\n"
    entries = "".join(f"  - id: {clause_id}\n    note: 测试中删去\n" for clause_id in ids)
    listing.write_text(text + entries, encoding="utf-8")


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def edited(rng: random.Random, text: str) -> tuple[str, str]:
    """(the edit's kind, the text after it): an edit of a line of body text, as staff make them."""
    lines = text.split("\n")
    i = rng.choice([n for n, line in enumerate(lines) if len(line.strip()) > 20])
    line = lines[i]
    kind = rng.choice(["words", "insert", "delete", "split", "merge", "add", "drop"])
    if kind == "words":
        at = rng.randrange(len(line))
        lines[i] = line[:at] + "进一步" + line[at:]
    elif kind == "insert":
        lines[i + 1 : i + 1] = ["", NEW_PARAGRAPH]
    elif kind == "delete":
        del lines[i]
    elif kind == "split" and 0 < line.find("。") < len(line) - 1:
        cut = line.find("。") + 1
        lines[i : i + 1] = [line[:cut], "", "　　" + line[cut:]]
    elif kind == "merge":
        following = next((n for n in range(i + 1, len(lines)) if len(lines[n].strip()) > 20), None)
        if following is not None:
            lines[i] = line + lines[following].strip()
            del lines[following]
    elif kind == "add":
        lines[i] = line + "另加一句。"
    elif kind == "drop" and line.count("。") > 1:
        sentences = line.split("。")
        del sentences[rng.randrange(len(sentences) - 1)]
        lines[i] = "。".join(sentences)
    return kind, "\n".join(lines)


def test_a_run_of_edits_never_loses_a_published_clause_id_silently(tmp_path):
    source, docs = copy_sources(tmp_path), tmp_path / "docs"
    generate(source, docs)
    published = published_ids(docs)
    texts = sorted(source.glob("*.txt"))
    rng = random.Random(31)
    built, refused, answered = [], [], []  # kinds of edit: built at once, stopped, built once ids were retired
    for step in range(EDITS):
        path = rng.choice(texts)
        before = path.read_text(encoding="utf-8")
        kind, after = edited(rng, before)
        path.write_text(after, encoding="utf-8")
        docs_before = tree_digest(docs)
        try:
            generate(source, docs)
        except BuildErrors as stopped:
            refused.append(kind)
            assert stopped.errors, (step, kind)
            places = [Path(error.location.path) for error in stopped.errors]
            assert all(place.parent == source and place.suffix in (".txt", ".yaml", ".tsv") for place in places)
            assert tree_digest(docs) == docs_before, (step, kind, "docs/ changed by a build that stopped")
            removed = [REMOVED_RE.match(error.message) for error in stopped.errors]
            if all(removed):  # staff retire the removed ids, as the message asks
                retire(source, [match.group(1) for match in removed if match])
                generate(source, docs)
                answered.append(kind)
            else:  # or undo the edit, which builds again
                path.write_text(before, encoding="utf-8")
                generate(source, docs)
                assert published_ids(docs) == published, (step, kind)
                continue
        else:
            built.append(kind)
        now = published_ids(docs)
        listed = answered_ids(source)  # an entry serves the sentences of the clause it names too
        unanswered = [gone for gone in published - now if not listed.intersection(id_prefixes(gone))]
        assert not unanswered, (step, kind, sorted(unanswered)[:5])
        published = now
    # the run meets every outcome, and edits that keep every id (words, an inserted paragraph) pass
    assert len(built) >= 5 and len(refused) >= 5 and len(answered) >= 2, (built, refused, answered)
    assert {"words", "insert"} <= set(built), built
