"""The small per-item caches of a rebuild (.cache/yaml, .cache/documents, .cache/history, .cache/compare,
.cache/searchable): an item is computed again exactly when what it is made from changed, a damaged entry
is a miss, and a rebuild through warm caches gives the same docs/ as a build from an empty .cache/."""

from __future__ import annotations

import filecmp
import importlib
import shutil
from pathlib import Path

import pytest

from build_scripts import cache, pipeline
from build_scripts.errors import BuildErrors, Collector, CurationError
from build_scripts.load import located_yaml
from build_scripts.model import ClauseKind
from build_scripts.pages import marks
from build_scripts.publish import search_terms
from build_scripts.track import clause_ids, versions

from .helpers import DOCUMENT_COUNT, copy_sources
from .test_changelog import committed_copy, edit, git

LOCAL = "yufufa-2016-25.txt"
LEAD = "培育壮大知识产权密集型产业"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(cache, "CACHE_DIR", folder)
    return folder


def _spy(monkeypatch, module, name):
    """Replace ``module.name`` by a wrapper that records the first argument of each call."""
    calls = []
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_yaml_file_is_parsed_again_only_when_it_changes(tmp_path, cache_dir, monkeypatch):
    source = copy_sources(tmp_path)
    parsed = _spy(monkeypatch, located_yaml, "_parse_yaml")
    first = located_yaml.read_yaml(source / "agencies.yaml")
    assert len(parsed) == 1
    assert located_yaml.read_yaml(source / "agencies.yaml") == first
    assert len(parsed) == 1  # from .cache/yaml
    first_entry = first["agencies"][0]
    _replace(source / "agencies.yaml", f"name: {first_entry['name']}", f"name: {first_entry['name']}（改）")
    again = located_yaml.read_yaml(source / "agencies.yaml")
    assert len(parsed) == 2
    assert again["agencies"][0]["name"] == first_entry["name"] + "（改）"
    assert again["agencies"][0][located_yaml.LINE_KEY] == first_entry[located_yaml.LINE_KEY]


def test_a_committed_version_as_the_file_stands_is_not_parsed_again(tmp_path, cache_dir, monkeypatch):
    """The change log reads committed versions of documents.yaml and redirects.yaml; one whose text is the
    file's as read_yaml read it this build comes from .cache/yaml, the same value as a parse of it."""
    source = copy_sources(tmp_path)
    now = located_yaml.read_yaml(source / "documents.yaml")
    parsed = _spy(monkeypatch, located_yaml, "_parse_yaml")
    text = (source / "documents.yaml").read_text(encoding="utf-8")
    assert located_yaml.read_committed_yaml(Path("documents.yaml"), text) == now
    assert parsed == []
    older = text + "# 旧版\n"
    assert located_yaml.read_committed_yaml(Path("documents.yaml"), older) == now  # the comment aside, the same
    assert parsed == [Path("documents.yaml")]
    assert located_yaml.read_committed_yaml(Path("documents.yaml"), "documents: [") is None  # refused, as before


def test_each_read_gets_its_own_copy(tmp_path, cache_dir):
    source = copy_sources(tmp_path)
    first = located_yaml.read_yaml(source / "documents.yaml")
    first["documents"].clear()
    assert located_yaml.read_yaml(source / "documents.yaml")["documents"]


@pytest.mark.parametrize("damage", [b"", b"not a key", b"\x00" * 40, None])
def test_a_damaged_cache_entry_is_a_miss(tmp_path, cache_dir, damage):
    source = copy_sources(tmp_path)
    expected = located_yaml.read_yaml(source / "indicators.yaml")
    (entry,) = (cache_dir / "yaml").glob("indicators.yaml.pickle")
    if damage is None:  # the right key, a truncated pickle
        key, _, payload = entry.read_bytes().partition(b"\n")
        entry.write_bytes(key + b"\n" + payload[: len(payload) // 2])
    else:
        entry.write_bytes(damage)
    assert located_yaml.read_yaml(source / "indicators.yaml") == expected


@pytest.mark.parametrize(
    ("module", "attribute"),
    [("numpy", "__version__"), ("yaml", "__version__"), ("jinja2", "__version__"), ("sys", "version")],
)
def test_another_version_of_python_or_of_a_library_whose_results_are_kept_is_another_key(
    monkeypatch, module, attribute
):
    """Upgrading a pin in requirements.txt reinstalls .venv/ and leaves .cache/: what the old PyYAML parsed,
    the old numpy scored or the old Python cleaned must not be read as the new one's."""
    before = cache.package_fingerprint.__wrapped__()
    monkeypatch.setattr(importlib.import_module(module), attribute, "0.0.0-another")
    assert cache.package_fingerprint.__wrapped__() != before


def test_a_yaml_error_is_reported_on_every_build(tmp_path, cache_dir):
    source = copy_sources(tmp_path)
    (source / "external.yaml").write_text("documents: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CurationError, match=r"expected the \[ opened here to be closed") as raised:
            located_yaml.read_yaml(source / "external.yaml")
        assert str(raised.value).startswith(f"{source / 'external.yaml'}:")


def test_only_the_edited_document_is_parsed_again(tmp_path, cache_dir, monkeypatch):
    source = copy_sources(tmp_path)
    parsed = _spy(monkeypatch, pipeline, "parse_document")
    first = pipeline.load_corpus(source, Collector())
    assert len(parsed) == DOCUMENT_COUNT
    assert pipeline.load_corpus(source, Collector()) == first
    assert len(parsed) == DOCUMENT_COUNT  # all of them from .cache/documents
    _replace(source / LOCAL, LEAD, LEAD + "（已修改）")
    edited = pipeline.load_corpus(source, Collector())
    assert [meta.slug for meta in parsed[DOCUMENT_COUNT:]] == ["yufufa-2016-25"]
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "empty-cache")
    assert edited == pipeline.load_corpus(source, Collector())  # as parsed from scratch
    assert any(LEAD + "（已修改）" in clause.text for clause in edited.document("yufufa-2016-25").clauses)


def test_the_same_text_saved_with_a_bom_keeps_its_own_checksum(tmp_path, cache_dir):
    source = copy_sources(tmp_path)
    before = pipeline.load_corpus(source, Collector()).document("yufufa-2016-25")
    path = source / LOCAL
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # the same decoded text, other bytes
    after = pipeline.load_corpus(source, Collector()).document("yufufa-2016-25")
    assert after.clauses == before.clauses
    assert after.sha256 != before.sha256


def test_a_parse_that_reports_a_problem_is_not_kept(tmp_path, cache_dir):
    source = copy_sources(tmp_path)
    _replace(source / "documents.yaml", "dropped_lines: []", "dropped_lines: [这一行不在文中]")
    for _ in range(2):  # the second build reads no cached document: the problem is found again
        with pytest.raises(BuildErrors, match="expected dropped line '这一行不在文中'"):
            pipeline.load_corpus(source, Collector())


def test_the_clause_id_record_is_parsed_again_only_when_it_changes(tmp_path, cache_dir, monkeypatch):
    source = copy_sources(tmp_path)
    parsed = _spy(monkeypatch, clause_ids, "parse")
    first = clause_ids.load(source, Collector())
    assert len(parsed) == 1 and first
    assert clause_ids.load(source, Collector()) == first
    assert len(parsed) == 1  # from .cache/records
    record = source / clause_ids.FILE_NAME
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    last = lines[-1].split("\t")
    record.write_text("".join([*lines[:-1], "\t".join([last[0], "0" * len(last[1]), last[2]])]), encoding="utf-8")
    changed = clause_ids.load(source, Collector())
    assert len(parsed) == 2 and changed != first
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "empty-cache")
    assert clause_ids.load(source, Collector()) == changed


def test_a_clause_id_record_with_a_problem_is_said_on_every_build(tmp_path, cache_dir):
    source = copy_sources(tmp_path)
    record = source / clause_ids.FILE_NAME
    record.write_text(record.read_text(encoding="utf-8") + "不是一条记录\n", encoding="utf-8")
    for _ in range(2):  # nothing kept: the second read finds the problem again
        errors = Collector()
        clause_ids.load(source, errors)
        assert [e.message for e in errors.errors] == [errors.errors[0].message]
        assert "expected a clause id and two tab-separated digests" in errors.errors[0].message


def test_comparisons_are_made_once_per_pair_of_texts(cache_dir, monkeypatch):
    made = _spy(monkeypatch, marks, "shared_runs")
    pairs = [("加强知识产权保护，完善制度", "加强知识产权保护，健全机制"), ("<b>知识&", "<b>知识*")]
    first = marks.compare_all(pairs)
    assert len(made) == 2
    assert first == {pair: marks.compare_html(*pair) for pair in pairs}
    assert len(made) == 4  # compare_html itself does not use the cache
    again = marks.compare_all([*pairs, ("培育专利运营", "培育运营")])
    assert len(made) == 5  # only the new pair
    assert {pair: again[pair] for pair in pairs} == first
    assert str(first["<b>知识&", "<b>知识*"][0]) == (
        '<span class="only-national">&lt;b&gt;</span><mark>知识</mark><span class="only-national">&amp;</span>'
    )


def test_an_edit_elsewhere_in_the_reference_compares_only_the_pairs_whose_counts_it_changes(cache_dir, monkeypatch):
    """The word edges read the reference's counts of the characters and character pairs of the two texts
    compared, and no others. An edit to a Chongqing sentence changes the reference (every text's clauses),
    and compared all 162 pairs again (about 0.05 s of an edit's rebuild); now only the pairs that hold
    both characters of a count it changed, and each result is what a build from no cache gives."""
    made = _spy(monkeypatch, marks, "shared_runs")
    pairs = [("加强知识产权保护，完善制度", "加强知识产权保护，健全机制"), ("培育专利运营机构", "培育运营机构")]
    reference = ["加强知识产权保护", "培育专利运营", "完善制度"]
    marks.compare_all(pairs, reference)
    assert len(made) == 2
    edited = [*reference, "天地玄黄"]  # characters neither pair holds
    assert marks.compare_all(pairs, edited) == {
        pair: marks.compare_html(*pair, marks.shared_runs(*pair, marks.bigram_counts(edited))) for pair in pairs
    }
    assert len(made) == 2 + 2  # the two above, by this test, not by compare_all
    touched = [*edited, "专利运营"]  # 专利, 利运, 运营 and their characters: only the second pair holds them
    made.clear()
    assert marks.compare_all(pairs, touched)[pairs[1]] == marks.compare_html(
        *pairs[1], marks.shared_runs(*pairs[1], marks.bigram_counts(touched))
    )
    assert made == [pairs[1][0], pairs[1][0]]  # compared again by compare_all, then by this test


def test_an_edit_to_the_reference_counts_only_the_texts_it_changed(cache_dir, monkeypatch):
    """After an edit, the reference's counts are the kept ones less the texts gone and plus the texts
    new (every text counted again cost about 0.02 s of an edit's rebuild), and they are the counts of
    the whole reference: a count that falls to nothing is gone, as in a build from no cache."""
    pairs = [("加强知识产权保护，完善制度", "加强知识产权保护，健全机制"), ("培育专利运营机构", "培育运营机构")]
    reference = ["加强知识产权保护", "培育专利运营", "完善制度", "完善制度"]
    marks.compare_all(pairs, reference)
    counted = []
    real = marks.bigram_counts
    monkeypatch.setattr(marks, "bigram_counts", lambda texts: counted.append(list(texts)) or real(counted[-1]))
    edited = ["加强知识产权保护", "完善制度", "健全机制运营"]  # one 完善制度 less, 培育专利运营 gone, one text new
    assert marks.compare_all(pairs, edited) == {
        pair: marks.compare_html(*pair, marks.shared_runs(*pair, real(edited))) for pair in pairs
    }
    assert counted == [["健全机制运营"], ["培育专利运营", "完善制度"]]
    kept = cache.load_entry("compare", "reference", cache.package_fingerprint())
    assert kept[2] == real(edited)
    assert "培育" not in kept[2]
    counted.clear()
    monkeypatch.setattr(marks, "shared_runs", lambda *args: pytest.fail("compared again"))
    marks.compare_all(pairs, edited)  # nothing changed: neither counted nor compared
    assert counted == []


def test_an_edit_to_a_number_elsewhere_compares_no_pair_again(cache_dir, monkeypatch):
    """``shared_spans`` reads a number as one unit, whose count it never reads, and the counts of two
    characters only where a text holds them side by side: a figure edited elsewhere in the reference
    (第1次修改 → 第2次修改, as the bench's edits number themselves) compared again every pair holding a
    digit or 第 and 次 anywhere; now none, and each is what a build from no cache gives."""
    pairs = [("到2020年，专利运营机构达到10家", "到2020年，培育专利运营机构5家"), ("第二次会议审议", "审议1次")]
    reference = ["到2020年专利运营机构", "第1次修改", "加强知识产权保护"]
    marks.compare_all(pairs, reference)
    made = _spy(monkeypatch, marks, "shared_runs")
    edited = ["到2020年专利运营机构", "第2次修改", "加强知识产权保护"]
    assert marks.compare_all(pairs, edited) == {
        pair: marks.compare_html(*pair, marks.shared_runs(*pair, marks.bigram_counts(edited))) for pair in pairs
    }
    assert len(made) == 2  # by this test, not by compare_all
    made.clear()
    worded = ["到2020年专利运营机构", "第2次会议", "加强知识产权保护"]  # 次会 and 会议: side by side in the second pair
    assert marks.compare_all(pairs, worded)[pairs[1]] == marks.compare_html(
        *pairs[1], marks.shared_runs(*pairs[1], marks.bigram_counts(worded))
    )
    assert made == [pairs[1][0], pairs[1][0]]  # compared again by compare_all, then by this test


def test_a_rebuild_through_warm_caches_equals_a_build_from_an_empty_cache(tmp_path, cache_dir, monkeypatch):
    source = copy_sources(tmp_path / "src")
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    pipeline.generate(source, warm)
    shutil.copytree(warm, cold)  # both rebuild over the same last build (the change log reads it)
    _replace(source / LOCAL, LEAD, LEAD + "（已修改）")  # a Chongqing text: documents, links, comparisons
    _replace(source / "agencies.yaml", "agencies:", "# 注释\nagencies:")  # a YAML file
    pipeline.generate(source, warm)
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "empty-cache")
    pipeline.generate(source, cold)
    files = sorted(p.relative_to(cold).as_posix() for p in cold.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(warm).as_posix() for p in warm.rglob("*") if p.is_file())
    mismatch = filecmp.cmpfiles(warm, cold, files, shallow=False)[1:]
    assert mismatch == ([], [])


def test_a_committed_version_is_parsed_once_across_rebuilds(tmp_path, cache_dir, monkeypatch):
    """After an edit every rebuild compares with the committed text (the change log's working-tree
    version): that parse is kept in .cache/history, and what it gives equals a parse from scratch."""
    source = committed_copy(tmp_path)
    edit(source)  # the working tree now differs from HEAD for the Chongqing text only
    parsed = _spy(monkeypatch, versions, "parse_document")
    first = pipeline.generate(source, tmp_path / "docs", write=False).site.history
    assert [meta.slug for meta in parsed] == ["yufufa-2016-25"]  # HEAD's version; the others match the tree
    again = pipeline.generate(source, tmp_path / "docs", write=False).site.history
    assert len(parsed) == 1 and again == first  # from .cache/history
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "empty-cache")
    assert pipeline.generate(source, tmp_path / "docs", write=False).site.history == first
    assert len(parsed) == 2
    edited = [version for version in first if version.doc == "yufufa-2016-25"][-1]
    assert [c.id for c in edited.changes] == ["yufufa-2016-25/2-1/p1"]


def test_every_committed_listing_is_read_once_and_kept_in_one_entry(tmp_path, cache_dir, monkeypatch):
    """Each committed documents.yaml is read once (the change log's slugs and names), all of them kept in
    one .cache/ entry (a cold build wrote, and every build read, a file per version: 15 in the project's
    history), and the copies of other histories keep theirs in it too."""
    source = committed_copy(tmp_path)
    listing = source / "documents.yaml"
    listing.write_text(listing.read_text(encoding="utf-8") + "# 第二版\n", encoding="utf-8")
    git(source, "commit", "-q", "-am", "第二版")
    read = _spy(monkeypatch, versions, "_read_listing")
    first = pipeline.generate(source, tmp_path / "docs", write=False).site
    assert len(read) == 2
    assert [path.name for path in (cache_dir / "listings").iterdir()] == ["documents.yaml.pickle"]
    other = committed_copy(tmp_path / "other")  # one version, the first of the two above
    pipeline.generate(other, tmp_path / "other-docs", write=False)
    assert len(read) == 2
    again = pipeline.generate(source, tmp_path / "docs", write=False).site
    assert len(read) == 2 and again.history == first.history
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "empty-cache")
    assert pipeline.generate(source, tmp_path / "docs", write=False).site.history == first.history
    assert len(read) == 4


def test_the_searchable_clauses_of_only_the_edited_document_are_made_again(tmp_path, cache_dir, monkeypatch):
    """search_terms.yaml is checked against the clauses as the search worker reads them (NFKC, lower case,
    no punctuation): each document's are kept in .cache/searchable, and after an edit they equal those made
    from all the clauses at once, as before they were kept."""
    source = copy_sources(tmp_path)
    made = _spy(monkeypatch, search_terms, "searchable_lines")
    corpus = pipeline.load_corpus(source, Collector())
    search_terms._HeldBy(corpus)
    assert len(made) == DOCUMENT_COUNT
    _replace(source / LOCAL, LEAD, LEAD + "（已修改，ＡＢ）")
    edited = pipeline.load_corpus(source, Collector())
    held = search_terms._HeldBy(edited)
    assert len(made) == DOCUMENT_COUNT + 1  # the Chongqing text alone
    clauses = [c.text for d in edited.documents for c in d.clauses if c.kind is not ClauseKind.SENTENCE]
    assert held.text == search_terms.searchable_lines(clauses)
    assert held.holder(search_terms.searchable(LEAD + "（已修改，ab）")).startswith(f"{LOCAL} holds at line ")


def test_a_pair_is_marked_up_again_only_when_its_shared_runs_change(cache_dir, monkeypatch):
    """The 对照 markup of each pair is kept in .cache/ with the shared runs it marks (marking all 162 pairs
    took about 7 ms of an edit's rebuild): a rebuild marks the pairs whose runs are new or changed, and
    each is what marking it from no cache gives."""
    pairs = [("到2020年，专利运营机构达到10家", "到2020年，培育专利运营机构5家"), ("<b>知识&", "<b>知识*")]
    reference = ["到2020年专利运营机构", "加强知识产权保护"]
    first = marks.compare_all(pairs, reference)
    made = _spy(monkeypatch, marks, "compare_html")
    assert marks.compare_all(pairs, reference) == first
    assert made == []  # every pair's markup from .cache/compare
    assert all(isinstance(side, marks.Markup) for html in first.values() for side in html)
    edited = [*reference, "专利运营"]  # the counts the first pair's word edges read: its runs may change
    again = marks.compare_all([*pairs, ("培育专利运营", "培育运营")], edited)
    assert "培育专利运营" in made and pairs[1][0] not in made  # the new pair marked; the one whose runs stay, kept
    monkeypatch.setattr(cache, "CACHE_DIR", cache_dir.parent / "empty-cache")
    assert again == marks.compare_all([*pairs, ("培育专利运营", "培育运营")], edited)


_EDITED = LEAD + "（已修改，<b>&amp;</b>*x*|[x](javascript:alert(1))）"  # staff text that looks like markup


def _edit_words(source: Path) -> None:
    _replace(source / LOCAL, LEAD, _EDITED)


def _revert_words(source: Path) -> None:
    _replace(source / LOCAL, _EDITED, LEAD)


def _rename(source: Path) -> None:
    """The Chongqing document given another slug, its clause ids in the YAML files with it, the old slug retired."""
    for path in source.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("yufufa-2016-25/", "yufufa-2016-25x/")
        path.write_text(text.replace("slug: yufufa-2016-25\n", "slug: yufufa-2016-25x\n"), encoding="utf-8")
    listing = source / "redirects.yaml"  # none in the fixture
    text = listing.read_text(encoding="utf-8") if listing.exists() else "redirects:\n"
    listing.write_text(text + "  - id: yufufa-2016-25\n    note: 改名\n", encoding="utf-8")


def _in_git(tmp_path: Path, state: str) -> Path:
    """A copy of the corpus outside git, in a repository with no commits, committed, or a shallow clone of a
    history of two commits."""
    if state == "outside git":
        return copy_sources(tmp_path / "src")
    if state == "no commits":
        source = copy_sources(tmp_path / "src")
        git(source, "init", "-q")
        return source
    source = committed_copy(tmp_path / "src")
    if state == "committed":
        return source
    _replace(source / "agencies.yaml", "agencies:", "# 注释\nagencies:")
    git(source, "commit", "-q", "-am", "第二版")
    clone = tmp_path / "clone" / "source_texts"
    git(tmp_path, "clone", "-q", "--depth", "1", source.as_uri(), str(clone))
    return clone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("state", "steps"),
    [
        *(
            (state, (_edit_words, _revert_words))
            for state in ("outside git", "no commits", "committed", "shallow clone")
        ),
        ("committed", (_rename, _edit_words)),
    ],
)
def test_a_run_of_edits_through_warm_caches_ends_as_a_build_from_an_empty_cache(tmp_path, monkeypatch, state, steps):
    """Edit, build, undo, build (or rename a document, build, edit, build) in one process, as ``serve`` does:
    the docs/ of the last build through .cache/ (the 对照 markup, the searchable clauses, the compiled
    templates read once) equal those of the same build from an empty .cache/ over the same last build."""
    source = _in_git(tmp_path, state)
    docs, cold = tmp_path / "docs", tmp_path / "cold"
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "warm-cache")
    pipeline.generate(source, docs)
    steps[0](source)
    pipeline.generate(source, docs)
    if steps[0] is _edit_words:  # the staff text shown as text, in the raw HTML block of its clause
        shown = (docs / "documents" / "yufufa-2016-25.md").read_text(encoding="utf-8")
        assert "已修改，&lt;b&gt;&amp;amp;&lt;/b&gt;*x*|[x](javascript:alert(1))）" in shown and "<b>" not in shown
    shutil.copytree(docs, cold)  # both rebuild over the same last build (the change log reads it)
    steps[1](source)
    pipeline.generate(source, docs)
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "empty-cache")
    pipeline.generate(source, cold)
    files = sorted(p.relative_to(cold).as_posix() for p in cold.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    assert filecmp.cmpfiles(docs, cold, files, shallow=False)[1:] == ([], [])
    page = docs / "documents" / ("yufufa-2016-25x.md" if _rename in steps else "yufufa-2016-25.md")
    assert page.exists()  # the renamed document's page


def test_a_pair_whose_texts_stay_is_marked_up_again_when_the_reference_moves_its_word_edges(cache_dir, monkeypatch):
    """The 对照 markup is kept under the pair's texts *and* the shared runs it marks: an edit elsewhere that
    makes 知识产权 and 版权 words (their counts in the reference) moves the marks of a pair whose texts did
    not change, from 权密集型产业 to 密集型产业, and the kept markup of the old runs is not shown."""
    pair = ("发展知识产权密集型产业", "发展版权密集型产业")
    before = marks.compare_all([pair], ["发展产业"])[pair]
    assert "<mark>权密集型产业</mark>" in before[0]
    edited = ["发展产业", "知识产权保护", "知识产权运用", "版权保护", "密集型产业"]
    after = marks.compare_all([pair], edited)[pair]
    assert "<mark>密集型产业</mark>" in after[0] and "<mark>密集型产业</mark>" in after[1]
    monkeypatch.setattr(cache, "CACHE_DIR", cache_dir.parent / "empty-cache")
    assert after == marks.compare_all([pair], edited)[pair]
