"""Rebuilding: deterministic, lazy, and local to what changed; ids stable when a paragraph is inserted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.model import NUMBERED_KINDS, ClauseKind
from build_scripts.pipeline import BUILD_GC_THRESHOLD, generate

from .helpers import ROOT, copy_sources, mkdocs_build

YUFUFA = "yufufa-2016-25.txt"
SENTENCE = "培育壮大知识产权密集型产业。"  # a sentence of 渝府发〔2016〕25号, line 23
EDIT = "（测试修改）"  # the words added: a page "shows the edit" when it holds them
MARK = "培育壮大知识产权密集型产业" + EDIT + "。"


def files(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def cli_generate(source: Path, docs: Path, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "build_scripts", "generate", "--source", str(source), "--docs", str(docs)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def assert_same_docs_under(source: Path, tmp_path: Path, **changed: str) -> None:
    """``generate`` of ``source`` with the environment ``changed`` exits 0, says nothing, and writes the
    docs/ it writes without the change."""
    cli_generate(source, tmp_path / "a" / "docs", "0")
    env = {**os.environ, "PYTHONPATH": str(ROOT), **changed}
    run = subprocess.run(
        [sys.executable, "-m", "build_scripts", "generate", "--source", str(source), "--docs", str(tmp_path / "b")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert files(tmp_path / "b") == files(tmp_path / "a" / "docs")


def test_same_sources_give_byte_identical_docs_whatever_the_hash_seed_or_folder(tmp_path):
    source = copy_sources(tmp_path)
    cli_generate(source, tmp_path / "a" / "docs", "1")
    cli_generate(source, tmp_path / "other" / "place" / "docs", "2")
    first, second = files(tmp_path / "a" / "docs"), files(tmp_path / "other" / "place" / "docs")
    assert first == second
    assert not any(str(tmp_path).encode() in data for data in first.values())  # no absolute paths


def test_python_stripping_docstrings_and_asserts_changes_nothing(tmp_path):
    """PYTHONOPTIMIZE=2 (``python -OO``) in a shell's profile: the CLI read its help text from the module
    docstring, None then, and every command stopped with a traceback (AttributeError)."""
    assert_same_docs_under(copy_sources(tmp_path), tmp_path, PYTHONOPTIMIZE="2")


def test_a_folder_name_the_locale_cannot_decode_changes_nothing(tmp_path):
    """Where the locale does not decode a folder's name (LC_ALL=C without Python's UTF-8 mode, or a
    zh_CN.GBK machine and a name saved in UTF-8), Python holds the name with surrogates. Each text's
    cache key took its path as UTF-8, and every build stopped: internal error: UnicodeEncodeError."""
    source = copy_sources(tmp_path / "源文本 副本")
    assert_same_docs_under(source, tmp_path, LC_ALL="C", PYTHONUTF8="0", PYTHONIOENCODING="")


# What a build reads from the checkout: the texts and records, the templates, the theme's files it
# copies into site/ (scripts, styles, the vendored polyfill), the schemas and tables it publishes.
CHECKED_OUT = ("source_texts", "templates", "overrides", "build_scripts/publish", "tests/data/corpus")


def test_a_checkout_on_a_machine_converting_line_ends_has_the_committed_bytes(tmp_path):
    """Git for Windows sets ``core.autocrlf = true``: without .gitattributes saying otherwise, its checkout
    of the repository held every text, template and script with CRLF. The same commit then gave other
    docs/ (each text's sha256 in documents.json, an 未提交的修改 in the change log for every text, as the
    bytes on disk were not the committed ones) and another site/ (site.js, site.css … with CRLF)."""
    repo = tmp_path / "repo"
    names = [p for folder in CHECKED_OUT for p in sorted((ROOT / folder).rglob("*")) if p.is_file()]
    names = [p.relative_to(ROOT) for p in names if "__pycache__" not in p.parts]
    for name in [Path(".gitattributes"), Path("mkdocs.yml"), *names]:
        if (ROOT / name).exists():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            (repo / name).write_bytes((ROOT / name).read_bytes())
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "x"], cwd=repo, check=True)
    subprocess.run([*git, "-c", "core.autocrlf=true", "clone", "-q", str(repo), str(tmp_path / "clone")], check=True)
    converted = [str(n) for n in names if (tmp_path / "clone" / n).read_bytes() != (ROOT / n).read_bytes()]
    assert converted == []


@pytest.mark.slow
def test_two_site_builds_at_one_source_date_epoch_are_byte_identical(built, tmp_path, monkeypatch):
    """site/ differs from build to build only by the build time MkDocs gives the footer of every page and
    sitemap.xml.gz; SOURCE_DATE_EPOCH fixes that time (README), and then two builds on other settings
    (hash seed, time zone, locale) are the same bytes."""
    docs = tmp_path / "docs"
    shutil.copytree(built.docs, docs)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    sites = []
    for seed, zone, lang in (("1", "UTC", "C.UTF-8"), ("2", "Asia/Shanghai", "C")):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        monkeypatch.setenv("TZ", zone)
        monkeypatch.setenv("LC_ALL", lang)
        proc = mkdocs_build(docs, tmp_path / f"site-{seed}")
        assert proc.returncode == 0, proc.stderr[-2000:]
        sites.append(files(tmp_path / f"site-{seed}"))
    assert sites[0] == sites[1]
    assert "2026-01-01 08:00（北京时间）".encode() in sites[0]["index.html"]


def test_a_rebuild_with_nothing_changed_writes_nothing(tmp_path):
    source, docs = copy_sources(tmp_path), tmp_path / "docs"
    generate(source, docs)
    before = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in docs.rglob("*")}
    report = generate(source, docs).report
    assert report is not None and report.written == () and report.removed == ()
    assert {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in docs.rglob("*")} == before


def test_editing_one_sentence_rewrites_only_the_pages_that_show_it_and_the_data(tmp_path):
    source, docs = copy_sources(tmp_path), tmp_path / "docs"
    before = generate(source, docs).site.crossrefs
    text = (source / YUFUFA).read_text(encoding="utf-8")
    assert text.count(SENTENCE) == 1
    (source / YUFUFA).write_text(text.replace(SENTENCE, MARK), encoding="utf-8")
    after = generate(source, docs)
    written = set(after.report.written)
    shows_new_text = {path for path, data in files(docs).items() if EDIT.encode() in data}
    # A task whose link to the edited sentence came or went (the matcher reads the new words) shows
    # that change without showing the words.
    relinked = {f"tasks/{r.national.replace('/', '-')}.md" for r in set(before) ^ set(after.site.crossrefs)}
    # The rule: a file is rewritten iff it shows the edited text or a changed link, is open data, or is the change log.
    assert f"documents/{YUFUFA.removesuffix('.txt')}.md" in written
    assert written - shows_new_text <= {p for p in written if p.startswith(("data/", "changes/"))} | relinked
    assert shows_new_text <= written


def test_inserting_a_paragraph_keeps_numbered_ids_and_shifts_only_later_siblings(tmp_path):
    # Without source_texts/clause_ids.tsv (and outside git) there is no record to pin ids to: they are
    # the parser's positional ones (tests/test_lineage.py has the recorded case).
    source = copy_sources(tmp_path)
    (source / "clause_ids.tsv").unlink()
    before = generate(source, tmp_path / "docs", write=False).site.corpus.document("yufufa-2016-25")
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_text(text.replace(SENTENCE, "新插入的一段。\n\n" + SENTENCE), encoding="utf-8")
    # A curated decision on 2-1/p2/s3 follows its sentence to p3, as staff must do (its local_quote
    # stops the build otherwise: tests/test_curated_quotes.py).
    curated = (source / "crossrefs.yaml").read_text(encoding="utf-8")
    assert "local: yufufa-2016-25/2-1/p2/s3\n" in curated
    curated = curated.replace("local: yufufa-2016-25/2-1/p2/s3\n", "local: yufufa-2016-25/2-1/p3/s3\n")
    (source / "crossrefs.yaml").write_text(curated, encoding="utf-8")
    after = generate(source, tmp_path / "docs", write=False).site.corpus.document("yufufa-2016-25")
    old, new = {c.id: c.text for c in before.clauses}, {c.id: c.text for c in after.clauses}
    numbered = [c for c in before.clauses if c.kind in NUMBERED_KINDS]
    assert numbered and all(new.get(c.id) == c.text for c in numbered)
    changed = {i for i in set(old) | set(new) if old.get(i) != new.get(i)}
    parent = "yufufa-2016-25/2-1"
    assert changed and all(i.startswith(parent + "/p") for i in changed)
    paragraphs = [c for c in after.clauses if c.parent == parent and c.kind is ClauseKind.PARAGRAPH]
    assert [c.text for c in paragraphs[:2]] == ["新插入的一段。", old[parent + "/p1"]]
    assert len(paragraphs) == 1 + sum(1 for i in old if i.rsplit("/", 1)[0] == parent and "/p" in i[len(parent) :])


def test_a_build_leaves_the_cyclic_collector_as_it_found_it(tmp_path):
    """A build runs the collector rarely (pipeline.BUILD_GC_THRESHOLD, imported objects frozen), then
    gives Python its settings back: ``serve`` keeps running and building."""
    import gc

    source = copy_sources(tmp_path)
    before = gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()
    seen: list[tuple[int, ...]] = []
    gc.callbacks.append(lambda phase, info: seen.append(gc.get_threshold()) if phase == "start" else None)
    try:
        generate(source, tmp_path / "docs")
    finally:
        gc.callbacks.pop()
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before
    during = [threshold for threshold in seen if threshold[0] == BUILD_GC_THRESHOLD]
    assert len(seen) - len(during) <= 1  # at most the pass Python makes once its threshold is back
    assert len(during) <= 10  # about 60 at Python's default threshold
