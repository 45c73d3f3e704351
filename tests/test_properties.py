"""Property-based: any text gives a model or a located error from the cleaner and the parser, nothing else."""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from build_scripts.clean import clean_text, split_lines
from build_scripts.errors import Collector, SourceError
from build_scripts.load.texts import RawText
from build_scripts.model import DocumentMeta, TableSpec
from build_scripts.parse import parse_document

PIECES = [
    "一、",
    "\u2028",  # a line separator: no line break to the parser
    "二、",
    "十二、",
    "（一）",
    "(二)",
    "（三）",
    "1.",
    "2．",
    "3、",
    "1.7万",
    "（1）",
    "（2）",
    "专栏1",
    "专栏 2",
    "注：",
    "知识产权",
    "强国",
    "。",
    "；",
    "，",
    "“",
    "”",
    "《",
    "》",
    "〔2016〕",
    "国发〔2015〕71号",
    " ",
    "\u3000",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    "<script>",
    "</script>",
    "*",
    "**",
    "|",
    "[x](javascript:alert(1))",
    "# ",
    "- ",
    "&amp;",
    # lines the parser must tell from labels and rows: mistyped labels, numbers listed, a PDF's page number,
    # numerals listed before a word they rank, a table (TABLE below) and its note, a 落款
    "2)",
    "(2)",
    "三.",
    "2、3月份",
    "- 2 -",
    "二、三产业",
    "一、二线城市",
    "\n\n表1 主要指标\n指标\n2015年\n2020年\n\n",
    "\n\n注：",
    "注：1.",
    "如下：",
    "重庆市人民政府",
    "2016年7月8日",
    "\\",
    "`",
    "１２",
    "\u200b",
    "\x00",
    # an item's number and its space before a mark made full-width later (2. ,一), fillers, a lone variation selector
    "2. ",
    ",",
    "\u3164",
    "\ufe0f",
]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join)
META = DocumentMeta(
    slug="prop-2020-1",
    title="测试",
    short_title="《测试》",
    doc_number="测发〔2020〕1号",
    issuer="测试",
    date=None,
    published=None,
    level="national",
    implements=None,
    source_file="prop-2020-1.txt",
    dropped_lines=(),
)


# No deadline: these tests check outcomes, not speed, and one example that a loaded, shared machine (CI)
# happens to run past Hypothesis' default 200 ms would fail the run.
@settings(deadline=None)
@given(TEXTS)
def test_clean_text_is_idempotent_and_keeps_the_line_count(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert cleaned == "" or cleaned.endswith("\n") and "\r" not in cleaned and "\t" not in cleaned
    # every source line stays one line (at LF, CRLF or CR; U+2028 and the like are no breaks), so a
    # clause's line number is where it stands in the file
    lines = split_lines(text.replace("\ufeff", ""))
    if lines[-1] == "":
        lines.pop()  # the text ended with a line break
    assert cleaned == "" or cleaned.count("\n") == len(lines)


# A table the text may lay out (its caption among the PIECES): its cells, note and end take their own paths.
TABLE = TableSpec(caption="表1 主要指标", columns=("指标", "2015年", "2020年"))


# Whole lines as documents have them, well formed or mistyped, so that a text of a few lines reaches the
# parser's choices between them (random pieces seldom make a line 2) right under an item 1.).
LINES = [
    "一、总体要求",
    "二、主要任务",
    "三、保障措施",
    "三.保障措施",
    "（一）基本原则",
    "（二）主要目标",
    "（2）主要目标",
    "1.完善制度。",
    "2.加强服务。",
    "2)加强服务。",
    "(2)加强服务。",
    "3.强化保护。",
    "（1）建立机制。",
    "（2）健全体系。",
    "1)专利；",
    "2)商标。",
    "二、三产业融合发展。",
    "一、二线城市",
    "2、3月份开展检查。",
    "- 2 -",
    "2",
    "专栏1 重点工程",
    "表1 主要指标",
    "指标",
    "2015年",
    "6.3",
    "预期性",
    "注：",
    "注：1.数据为预期值。",
    "数据说明如下：",
    "各地区要加强",
    "组织领导。",
    "重庆市人民政府",
    "2016年7月8日",
    "",
]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(TEXTS, st.lists(st.sampled_from(LINES), max_size=30).map("\n".join)),
    st.sampled_from(["nested", "global"]),
    st.sampled_from([(), (TABLE,)]),
)
def test_parse_gives_a_document_or_located_errors(text, numbering, tables):
    meta = DocumentMeta(**{**META.__dict__, "item_numbering": numbering, "tables": tables})
    errors = Collector()
    raw = RawText(path=Path("source_texts/prop-2020-1.txt"), text=text, sha256="", encoding="utf-8")
    document = parse_document(meta, raw, errors, yaml_path=Path("source_texts/documents.yaml"))
    if document is None:
        assert errors.errors and all(isinstance(e, SourceError) and e.location.line >= 1 for e in errors.errors)
        assert all(str(e).startswith("source_texts/") and ": expected " in str(e) for e in errors.errors)
    else:
        assert not errors.errors
        kept = "".join(c.text for c in document.clauses if c.kind.value != "sentence")
        assert "".join(kept.split()) == "".join(clean_text(text).split())  # every character kept


# YAML values of any shape, weighted towards the words the documents.yaml fields use.
WORDS = st.sampled_from(["tasks", "national", "local", "item", "box", "paragraph", "subsection", "kind", "sections"])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 9), st.floats(allow_nan=False), WORDS, st.text(max_size=5)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.one_of(WORDS, st.just("depth")), inner, max_size=3)
    ),
    max_leaves=8,
)


# ``tasks`` as it is meant to be (a list of scopes), with any values in the scopes, or anything at all.
SCOPES = st.one_of(
    st.lists(st.dictionaries(st.sampled_from(["kind", "sections", "depth", "x"]), VALUES, max_size=3), max_size=3),
    VALUES,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(crossrefs=VALUES, tasks=SCOPES, numbering=st.sampled_from([None, {"items": "global"}, {"items": "x"}]))
def test_documents_yaml_roles_and_task_scopes_give_metadata_or_located_errors(
    tmp_path_factory, crossrefs, tasks, numbering
):
    """Whatever ``crossrefs`` and ``tasks`` hold, loading documents.yaml gives metadata or located errors."""
    import yaml

    from build_scripts.errors import CurationError
    from build_scripts.load.collection import load_documents

    from .helpers import tiny_source

    extra = {"crossrefs": crossrefs, "tasks": tasks, **({"numbering": numbering} if numbering else {})}
    source = tiny_source(tmp_path_factory.mktemp("yaml"), "一、总则\n正文。\n", extra=extra)
    written = yaml.safe_load((source / "documents.yaml").read_text(encoding="utf-8"))["documents"][0]
    # PyYAML does not read back every string it writes (U+0085 NEL comes back as a space): those are
    # not what a staff member could have typed into the file, so they are not tried
    assume(written["tasks"] == tasks and written.get("crossrefs") == crossrefs)
    errors = Collector()
    try:
        metas = load_documents(source, errors)
    except CurationError as error:  # the file as a whole is refused (a control character in a text): located
        errors.add(error)
        metas = ()
    for error in errors.errors:
        assert isinstance(error, CurationError) and error.location.path.endswith("documents.yaml")
        assert error.message.startswith("expected ") and ", found " in error.message and "__line__" not in error.message
    if not errors.errors:
        (meta,) = metas
        assert meta.crossrefs in (None, "tasks", "national", "local")


@functools.cache
def _real_paragraphs() -> tuple[str, ...]:
    """The texts of the unnumbered paragraphs of the five documents (source_texts/), as the parser reads them."""
    from build_scripts.model import ClauseKind
    from build_scripts.pipeline import load_corpus

    from .helpers import SOURCE

    corpus = load_corpus(SOURCE, Collector())
    return tuple(sorted({c.text for d in corpus.documents for c in d.clauses if c.kind is ClauseKind.PARAGRAPH}))


# Where a paragraph may stand: after an item, a sub-item, a subsection's heading, a box, or a task of a text
# numbering its items through (66号). Each context expects a next label of every kind it has opened.
PARAGRAPH_PLACES = {
    "nested": "一、总则\n（一）目标。\n1.第一项。\n",
    "subitem": "一、总则\n（一）目标。\n1.第一项。\n（1）第一目。\n",
    "subsection": "一、总则\n（一）目标。\n",
    "box": "一、总则\n（一）目标。\n1.第一项。\n专栏1 示范工程\n",
    "item 9": "一、总则\n（一）目标。\n" + "".join(f"{n}.第{n}项。\n" for n in range(1, 10)),
    "global": "一、总则\n" + "".join(f"{n}.第{n}项。\n" for n in range(1, 20)),
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(sorted(PARAGRAPH_PLACES)))
def test_the_real_texts_paragraphs_after_a_label_are_no_mistyped_label(data, place):
    """parse says a line that starts as the next label mistyped (2) for 2.) at its line: no paragraph the five
    documents hold, alone or a few in a row, is taken for one wherever it stands in a new document."""
    paragraphs = data.draw(st.lists(st.sampled_from(_real_paragraphs()), min_size=1, max_size=4))
    meta = DocumentMeta(**{**META.__dict__, "item_numbering": "global" if place == "global" else "nested"})
    text = PARAGRAPH_PLACES[place] + "\n".join(paragraphs) + "\n二、附则\n正文。\n"
    errors = Collector()
    raw = RawText(path=Path("source_texts/prop-2020-1.txt"), text=text, sha256="", encoding="utf-8")
    parse_document(meta, raw, errors, yaml_path=Path("source_texts/documents.yaml"))
    assert [str(e) for e in errors.errors] == []


def test_no_paragraph_of_the_real_texts_is_a_mistyped_label_wherever_it_stands():
    """The property above, every paragraph alone in every place (a few hundred parses of a small text)."""
    failures = []
    for place, head in PARAGRAPH_PLACES.items():
        meta = DocumentMeta(**{**META.__dict__, "item_numbering": "global" if place == "global" else "nested"})
        for paragraph in _real_paragraphs():
            errors = Collector()
            raw = RawText(
                path=Path("source_texts/prop-2020-1.txt"),
                text=f"{head}{paragraph}\n二、附则\n正文。\n",
                sha256="",
                encoding="utf-8",
            )
            parse_document(meta, raw, errors, yaml_path=Path("source_texts/documents.yaml"))
            failures.extend((place, str(e)) for e in errors.errors)
    assert failures == []
