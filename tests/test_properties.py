"""Property-based: any text gives a model or a located error from the cleaner and the parser, nothing else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.clean import clean_text, split_lines
from build_scripts.errors import Collector, SourceError
from build_scripts.load import RawText
from build_scripts.model import DocumentMeta
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
    "\\",
    "`",
    "１２",
    "\u200b",
    "\x00",
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


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["nested", "global"]))
def test_parse_gives_a_document_or_located_errors(text, numbering):
    meta = DocumentMeta(**{**META.__dict__, "item_numbering": numbering})
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
