"""The renderer's template handling: compiled ahead on a second core, located template errors."""

from __future__ import annotations

import html
import os
import re
import subprocess
import time

import pytest
from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup

from build_scripts import fork, numerals
from build_scripts.errors import TemplateError
from build_scripts.model import PageSpec
from build_scripts.render import jinja_env
from build_scripts.render.jinja_env import BackgroundCompile, templates_compiled
from build_scripts.render.renderer import Renderer

from .helpers import read_page, unkept


@pytest.fixture
def templates(tmp_path):
    """A template folder whose compiled-template cache (.cache/jinja beside it) is the test's own."""
    folder = tmp_path / "templates"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("forked", [True, False], ids=["forked child", "new process"])
def test_background_compile_fills_the_template_cache(templates, monkeypatch, forked):
    (templates / "page.md.jinja").write_text("# {{ title }}\n", encoding="utf-8")
    (templates / "other.md.jinja").write_text("{% for x in items %}{{ x }}{% endfor %}\n", encoding="utf-8")
    assert not templates_compiled(templates)
    monkeypatch.setattr(fork, "can_fork", lambda: forked)  # where there is no fork: another Python process
    with BackgroundCompile(templates) as compiling:
        assert isinstance(compiling._process, fork.Child if forked else subprocess.Popen)
        compiling.wait()
    assert templates_compiled(templates)
    page = PageSpec(path="a/index.md", template="page.md.jinja", context=(("title", "标题*"),))
    assert Renderer(templates).render(page).content == "# 标题&#42;\n"


def test_background_compile_starts_nothing_when_the_cache_is_current(templates):
    (templates / "page.md.jinja").write_text("{{ title }}\n", encoding="utf-8")
    BackgroundCompile(templates).wait()
    compiling = BackgroundCompile(templates)
    assert compiling._process is None
    (templates / "page.md.jinja").write_text("changed {{ title }}\n", encoding="utf-8")
    assert not templates_compiled(templates)  # an edited template is compiled again


def test_a_template_that_cannot_compile_is_a_located_error(templates):
    (templates / "page.md.jinja").write_text("# title\n\n{% if x %}\nno end\n", encoding="utf-8")
    with BackgroundCompile(templates) as compiling:  # the background process fails quietly
        compiling.wait()
    page = PageSpec(path="index.md", template="page.md.jinja", context=(("x", True),))
    with pytest.raises(TemplateError) as raised:
        Renderer(templates).render(page)
    location = raised.value.location
    assert location.path.endswith("page.md.jinja")
    assert location.line == 4
    assert "expected valid Jinja syntax" in raised.value.message


def test_an_included_template_that_cannot_compile_is_a_located_error(templates):
    (templates / "page.md.jinja").write_text("# title\n{% include '_part.md.jinja' %}\n", encoding="utf-8")
    (templates / "_part.md.jinja").write_text("{% for x in items %}\n{{ x }}\n", encoding="utf-8")
    page = PageSpec(path="index.md", template="page.md.jinja", context=(("items", (1, 2)),))
    with pytest.raises(TemplateError) as raised:
        Renderer(templates).render(page)
    assert raised.value.location.path.endswith("_part.md.jinja")
    assert "expected valid Jinja syntax" in raised.value.message


def test_a_name_the_page_does_not_give_is_located_at_its_template_line(templates):
    (templates / "page.md.jinja").write_text("# {{ title }}\n{% include '_part.md.jinja' %}\n", encoding="utf-8")
    (templates / "_part.md.jinja").write_text("text\n\n{{ subtitle }}\n", encoding="utf-8")
    page = PageSpec(path="index.md", template="page.md.jinja", context=(("title", "x"),))
    with pytest.raises(TemplateError) as raised:
        Renderer(templates).render(page)
    location = raised.value.location
    assert (location.path.endswith("_part.md.jinja"), location.line) == (True, 3)
    assert raised.value.message == "expected a value the page gives, found 'subtitle' is undefined"


def test_a_cache_folder_that_cannot_be_written_is_no_cache(templates, monkeypatch):
    (templates / "page.md.jinja").write_text("{{ title }}\n", encoding="utf-8")
    page = PageSpec(path="index.md", template="page.md.jinja", context=(("title", "x"),))
    monkeypatch.setattr(jinja_env.os, "access", lambda path, mode: False)  # as a user without write access
    assert templates_compiled(templates)  # no cache: nothing to prepare, no background process
    assert BackgroundCompile(templates)._process is None
    assert Renderer(templates).render(page).content == "x\n"


def test_a_cache_file_that_cannot_be_written_does_not_stop_the_build(templates, monkeypatch):
    (templates / "page.md.jinja").write_text("{{ title }}\n", encoding="utf-8")
    page = PageSpec(path="index.md", template="page.md.jinja", context=(("title", "x"),))

    def refuse(self, bucket):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(FileSystemBytecodeCache, "dump_bytecode", refuse)
    assert Renderer(templates).render(page).content == "x\n"
    assert not templates_compiled(templates)  # nothing was cached


def test_templates_compiled_by_another_jinja_are_compiled_again(templates, monkeypatch):
    """Jinja checks a cached file's bytecode format and Python's version, not its own release: the code an
    earlier Jinja compiled would run on a later one's runtime helpers."""
    (templates / "page.md.jinja").write_text("{{ title }}\n", encoding="utf-8")
    jinja_env.compile_templates(templates)
    assert templates_compiled(templates)
    monkeypatch.setattr(jinja_env.jinja2, "__version__", "0.0.0-another")
    monkeypatch.setattr(jinja_env, "_SETUP_FINGERPRINT", jinja_env._setup_fingerprint())
    assert not templates_compiled(templates)


def test_a_compile_prunes_outdated_code_and_orphaned_temporary_files(templates):
    (templates / "page.md.jinja").write_text("{{ title }}\n", encoding="utf-8")
    folder = templates.parent / ".cache" / "jinja"
    folder.mkdir(parents=True)
    outdated = folder / "__jinja2_0123456789abcdef_deadbeef.cache"  # compiled under an earlier jinja_env.py
    orphan = folder / "__jinja2_x.cacheabc123.tmp"  # left by a compile stopped mid-write
    writing = folder / "__jinja2_x.cachedef456.tmp"  # a compile running beside this one is writing it
    for path in (outdated, orphan, writing):
        path.write_bytes(b"x")
    old = time.time() - 2 * jinja_env.ORPHAN_AGE
    os.utime(orphan, (old, old))
    os.utime(outdated, (old, old))
    jinja_env.compile_templates(templates)
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(".tmp")) == [
        p.name for p in folder.glob(f"__jinja2_{jinja_env._SETUP_FINGERPRINT}_*.cache")
    ]
    assert not outdated.exists() and not orphan.exists() and writing.exists()
    assert templates_compiled(templates)


def test_a_documents_own_number_on_its_page_is_no_link(built):
    """66号's covering notice names 国办函〔2016〕66号: on its own page that is text, not a link to itself;
    elsewhere it links to the page."""
    own = read_page(built.docs / "documents/guobanhan-2016-66.md")
    assert '<span class="doc-ref doc-ref-self">国办函〔2016〕66号</span>' in own
    assert 'href="./"' not in own


def test_a_document_number_links_to_its_page_from_any_other_page(templates):
    (templates / "page.md.jinja").write_text("{{ rich(text) }}\n", encoding="utf-8")
    renderer = Renderer(templates, doc_numbers={"国发〔2016〕86号": "documents/guofa-2016-86.md"})
    context = (("text", "依据《规划》（国发〔2016〕86号）。"),)
    elsewhere = renderer.render(PageSpec(path="documents/yufufa-2016-25.md", template="page.md.jinja", context=context))
    assert (
        unkept(elsewhere.content)
        == '依据《规划》（<a class="doc-ref" href="../guofa-2016-86/">国发〔2016〕86号</a>）。\n'
    )
    own = renderer.render(PageSpec(path="documents/guofa-2016-86.md", template="page.md.jinja", context=context))
    assert unkept(own.content) == '依据《规划》（<span class="doc-ref doc-ref-self">国发〔2016〕86号</span>）。\n'


def test_a_document_the_site_does_not_hold_is_marked_in_the_same_brackets_as_its_number(templates):
    """Not 《…》（国发〔2015〕71号（本站未收录）） nor two bracket groups in a row: the note joins the text's
    own brackets when the number closes them, and has its own where the number stands bare."""
    (templates / "page.md.jinja").write_text("{{ rich(text) }}\n", encoding="utf-8")
    renderer = Renderer(templates, doc_numbers={})
    number = '<cite class="doc-ref doc-ref-external" title="本站未收录此文件">国发〔2015〕71号</cite>'
    for text, note in (
        (
            "落实《意见》（国发〔2015〕71号），加快建设。",
            '<span class="not-collected">，本站未收录</span>），加快建设。',
        ),
        ("该文件文号：国发〔2015〕71号。", '<span class="not-collected">（本站未收录）</span>。'),
    ):
        page = PageSpec(path="documents/guofa-2016-86.md", template="page.md.jinja", context=(("text", text),))
        assert unkept(renderer.render(page).content) == text.split("国发")[0] + number + note + "\n"


def test_a_document_number_run_into_the_words_before_it_is_found_whole(templates):
    """Written without brackets, a 文号 follows a word (根据, 按, 和 …) that DOC_NUMBER_RE would take as
    part of the issuer's code: the collected document still links, and an external one is marked
    without the word."""
    (templates / "page.md.jinja").write_text("{{ rich(text) }}\n", encoding="utf-8")
    renderer = Renderer(templates, doc_numbers={"国办函〔2016〕66号": "documents/guobanhan-2016-66.md"})
    external = '<cite class="doc-ref doc-ref-external" title="本站未收录此文件">国发〔2015〕71号</cite>'
    for text, shown in (
        (
            "根据国办函〔2016〕66号分工",
            '根据<a class="doc-ref" href="../guobanhan-2016-66/">国办函〔2016〕66号</a>分工',
        ),
        ("按国发〔2015〕71号要求", f'按{external}<span class="not-collected">（本站未收录）</span>要求'),
        (
            "依照国发〔2015〕71号和国办函〔2016〕66号",
            f'依照{external}<span class="not-collected">（本站未收录）</span>'
            '和<a class="doc-ref" href="../guobanhan-2016-66/">国办函〔2016〕66号</a>\n',
        ),
    ):
        page = PageSpec(path="documents/yufufa-2016-25.md", template="page.md.jinja", context=(("text", text),))
        assert unkept(renderer.render(page).content).startswith(shown), text


def test_each_document_page_says_what_its_marks_do(built):
    """A phone shows no tooltip: # ¶ and ⇄ were explained only by their titles (public-reader review).
    Each document page says in words what they are; ⇄ only where the page has one."""
    for document in built.site.corpus.documents:
        page = (built.docs / "documents" / f"{document.slug}.md").read_text(encoding="utf-8")
        legend = page.split('<p class="doc-marks" id="doc-marks">', 1)[1].split("</p>", 1)[0]
        assert '<span class="mark-sample">#</span>' in legend and '<span class="mark-sample">¶</span>' in legend
        jumps = '<a class="crossref-jump' in page
        assert jumps == ('<span class="mark-sample crossref-jump-sample">⇄</span>' in legend), document.slug


def test_a_document_pages_own_contents_lists_what_the_sidebar_lists_in_its_order(built):
    """The 目录 box is the table of contents of screens without Material's sidebar. It left out 86号's
    专栏1–9 and its indicator table, which the sidebar lists, so on a phone, 28 screens of text, 专栏7 was
    out of reach but by scrolling (public-reader review). Each entry now reads as its heading does."""

    def words(fragment: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()

    for document in built.site.corpus.documents:
        page = (built.html / "documents" / document.slug / "index.html").read_text(encoding="utf-8")
        box = page.split('id="doc-contents"', 1)[1].split("</details>", 1)[0]
        own = [(a, words(w)) for a, w in re.findall(r'<a href="#([^"]+)">(.*?)</a>', box, re.S)]
        sidebar = page.split("md-sidebar--secondary", 1)[1].split('<div class="md-content"', 1)[0]
        listed = re.findall(r'href="#([^"]+)" class="md-nav__link">', sidebar)
        assert [a for a, _ in own] == listed, document.slug
        for anchor, label in own:
            heading = re.search(rf'<(h[2-4])\b[^>]*\bid="{anchor}"[^>]*>(.*?)</\1>', page, re.S)
            assert heading, (document.slug, anchor)
            shown = words(
                re.sub(r'<a class="(?:headerlink|crossref-jump|page-link)".*?</a>', "", heading.group(2), flags=re.S)
            )
            assert label == shown, (document.slug, anchor)


def test_a_title_line_is_one_link_not_a_sentence_link_and_a_clause_link(built):
    """66号's body title is printed over two lines; each read 《…建设的 # ¶ on a phone, a # and a ¶ for
    one line (public-reader review). A line set as the printed 公文 sets it (title, masthead, 文号,
    落款) has its ¶ only; its sentence keeps its anchor, so a link to it still lands."""
    page = (built.docs / "documents" / "guobanhan-2016-66.md").read_text(encoding="utf-8")
    title = next(line for line in page.splitlines() if 'id="p1"' in line)
    assert 'class="clause clause-paragraph layout-title"' in title and 'id="p1-s1"' in title
    assert "sentence-link" not in title and title.count("clause-link") == 1
    body = next(line for line in page.splitlines() if 'id="p3"' in line)  # 为落实…: running text keeps its #
    assert "sentence-link" in body


@pytest.mark.parametrize(("count", "words"), [(1, "一"), (2, "两"), (5, "五"), (6, "六"), (12, "十二"), (20, "二十")])
def test_a_count_of_documents_is_said_as_a_sentence_says_it(count, words):
    """The home page's 本站收录五件 follows the list: 两件, not 二件."""
    assert numerals.cn_count(count) == words


@pytest.mark.parametrize(
    ("size", "stated"),
    [
        (812, "812 字节"),
        (1024, "1.0 KB"),
        (7680, "7.5 KB"),
        (10188, "9.9 KB"),
        # 9.95 KB up to 10 KB: '10.0 KB' was stated, against the rule (no decimal from 10 KB) and 10240 → '10 KB'
        (10189, "10 KB"),
        (10239, "10 KB"),
        (10240, "10 KB"),
        (77824, "76 KB"),
        (1048063, "1023 KB"),
        (1048064, "1.0 MB"),
        (1258291, "1.2 MB"),
    ],
)
def test_a_file_size_is_stated_with_one_decimal_only_under_ten_kb_and_in_mb(size, stated):
    from build_scripts.render.escape import format_size

    assert format_size(size) == stated


KEEP = '<span class="keep-together">{}</span>'


def test_a_number_with_its_unit_a_date_and_guojia_chongqing_are_kept_on_one_line_in_any_text(templates):
    """Wrapped once, by the renderer, whatever template prints them, in running text as in a table's cell
    (raw HTML or Markdown): 国家—重庆, a number with its unit (2020年, 86号, 第2项第1句, 3—4个, 6.3件, 3万件,
    3289亿元), a date whole (2016年12月30日). The front matter, a tag's attributes, an attr_list, a link's
    URL, a code span and a code element are left as they were, and a value is still escaped (looks like HTML,
    shown as text)."""
    (templates / "page.md.jinja").write_text(
        '---\ntitle: 国家—重庆对照 2016年\n---\n\n# 国家—重庆对照 { #x data-toc-label="国家—重庆 2016年" }\n\n'
        "到2020年，国家—重庆。成文日期 2016年12月30日至31日，国发〔2016〕86号第2项第1句；"
        "建成3—4个，达到6.3件、3万件、3289亿元，增长50%。\n\n"
        '[第2句](../x/2句.md#c2 "1年") `1年` <code>2年</code>\n\n'
        '<table><tr><th scope="col" title="2015年">2015年</th><td>{{ cell | h }}</td></tr></table>\n\n'
        "| 年份 | 值 |\n| --- | --- |\n| 2018年（及2.5年） | {{ cell }} |\n",
        encoding="utf-8",
    )
    page = PageSpec(path="x/index.md", template="page.md.jinja", context=(("cell", "<b>2016年</b>"),))
    k = KEEP.format
    assert Renderer(templates).render(page).content == (
        "---\ntitle: 国家—重庆对照 2016年\n---\n\n"
        f'# {k("国家—重庆")}对照 {{ #x data-toc-label="国家—重庆 2016年" }}\n\n'
        f"到{k('2020年')}，{k('国家—重庆')}。成文日期 {k('2016年12月30日')}至{k('31日')}，"
        f"国发〔2016〕{k('86号')}第{k('2项')}第{k('1句')}；"
        f"建成{k('3—4个')}，达到{k('6.3件')}、{k('3万件')}、{k('3289亿元')}，增长50%。\n\n"
        f'[第{k("2句")}](../x/2句.md#c2 "1年") `1年` <code>2年</code>\n\n'
        f'<table><tr><th scope="col" title="2015年">{k("2015年")}</th>'
        f"<td>&lt;b&gt;{k('2016年')}&lt;/b&gt;</td></tr></table>\n\n"
        f"| 年份 | 值 |\n| --- | --- |\n| {k('2018年')}（及{k('2.5年')}） | "
        f"&#60;b&#62;{k('2016年')}&#60;/b&#62; |\n"
    )


def test_a_row_heads_bracketed_unit_is_kept_whole_and_the_head_still_escaped(templates):
    """86号's indicator rows end in their unit, 年度知识产权质押融资金额（亿元）: a phone broke it as （亿 / 元）.
    h_unit_kept escapes as h does and keeps a closing bracket of a few characters on one line; a longer one,
    or one the text goes on after, is left to wrap."""
    (templates / "page.md.jinja").write_text(
        "{% for cell in cells %}<th>{{ cell | h_unit_kept }}</th>\n{% endfor %}", encoding="utf-8"
    )
    cells = ("<b>质押融资金额（亿元）", "增长（%）", "满意度（分）后", "说明（这是一段较长的说明）", "（件）（万件）")
    page = PageSpec(path="x/index.md", template="page.md.jinja", context=(("cells", cells),))
    k = KEEP.format
    assert Renderer(templates).render(page).content == (
        f"<th>&lt;b&gt;质押融资金额{k('（亿元）')}</th>\n<th>增长{k('（%）')}</th>\n<th>满意度（分）后</th>\n"
        f"<th>说明（这是一段较长的说明）</th>\n<th>（件）{k('（万件）')}</th>\n"
    )


def test_a_row_head_made_markup_is_printed_by_h_unit_kept_as_h_prints_it(templates):
    """h prints a Markup (what a filter, a macro or a helper made) as it is; h_unit_kept escaped it again, the
    tags of a trusted head shown as text (&lt;b&gt;), its entities twice (&amp;amp;)."""
    (templates / "page.md.jinja").write_text("{{ head | h }}|{{ head | h_unit_kept }}\n", encoding="utf-8")
    heads = (Markup("<b>质押</b>&amp;融资"), Markup("<b>质押</b>&amp;融资（亿元）"), "R&D（亿元）")
    rendered = [
        Renderer(templates).render(PageSpec(path="x/index.md", template="page.md.jinja", context=(("head", head),)))
        for head in heads
    ]
    k = KEEP.format
    assert [page.content for page in rendered] == [
        "<b>质押</b>&amp;融资|<b>质押</b>&amp;融资\n",
        f"<b>质押</b>&amp;融资（亿元）|<b>质押</b>&amp;融资{k('（亿元）')}\n",
        f"R&amp;D（亿元）|R&amp;D{k('（亿元）')}\n",
    ]


class _Named:
    def __str__(self) -> str:
        return "a <b> & *c*"


def test_every_value_a_template_prints_is_escaped_as_escape_would_and_for_markdown(templates):
    """The environment prints what ``finalize`` returns, with no ``markupsafe.escape()`` after it: text is
    escaped for Markdown and HTML alike wherever it is printed (a page, a macro, a loop, a ``set`` block),
    ``Markup`` is printed as it is, numbers as their digits, None as nothing."""
    (templates / "page.md.jinja").write_text(
        "{% macro shown(x) %}[{{ x }}]{% endmacro %}"
        "{% set block %}{{ values[0] }}{% endset %}"
        "{% for v in values %}{{ v }}|{{ shown(v) }}|{% endfor %}{{ block }}\n",
        encoding="utf-8",
    )
    values = ("<i>&\"'*x*", Markup("<i>ok</i>"), 3, 2.5, None, True, "t-035/a", "中文", _Named())
    page = PageSpec(path="x.md", template="page.md.jinja", context=(("values", values),))
    content = Renderer(templates).render(page).content
    expected = [
        "&#60;i&#62;&#38;&#34;&#39;&#42;x&#42;",
        "<i>ok</i>",
        "3",
        "2.5",
        "",
        "True",
        "t-035/a",
        "中文",
        "a &#60;b&#62; &#38; &#42;c&#42;",
    ]
    assert content == "".join(f"{v}|[{v}]|" for v in expected) + expected[0] + "\n"


def test_a_compiled_template_is_read_once_per_process_and_again_when_its_file_changes(templates, monkeypatch):
    """``templates_compiled`` reads every cache file, and the renderer used to read each again: now the code
    read is kept for the same file (path, mtime, size) and source, and a file rewritten or damaged is read anew."""
    (templates / "page.md.jinja").write_text("# {{ title }}\n", encoding="utf-8")
    jinja_env.compile_templates(templates)
    assert templates_compiled(templates)
    opened = []
    real = FileSystemBytecodeCache.load_bytecode
    monkeypatch.setattr(FileSystemBytecodeCache, "load_bytecode", lambda self, b: opened.append(b.key) or real(self, b))
    page = PageSpec(path="index.md", template="page.md.jinja", context=(("title", "标题"),))
    assert Renderer(templates).render(page).content == "# 标题\n"
    assert opened == []  # the code templates_compiled read
    (cached,) = (templates.parent / ".cache" / "jinja").glob(f"__jinja2_{jinja_env._SETUP_FINGERPRINT}_*.cache")
    cached.write_bytes(b"damaged")
    assert not templates_compiled(templates)
    assert len(opened) == 1


class _Count(int):
    """A number whose text is not its digits: an ``IntEnum`` whose ``__str__`` was given a label, say."""

    def __str__(self) -> str:
        return "<script>x</script>*y*"


class _Share(float):
    def __str__(self) -> str:
        return "<b>0.5</b>"


def test_a_number_whose_text_is_not_its_digits_is_escaped_as_text(templates):
    """``finalize`` prints a plain ``int`` or ``float`` as its digits, unescaped; a subclass's ``str()`` may
    hold anything, and Jinja's ``escape()`` no longer comes after ``finalize`` to catch it."""
    (templates / "page.md.jinja").write_text("{% for v in values %}{{ v }}|{% endfor %}\n", encoding="utf-8")
    page = PageSpec(path="x.md", template="page.md.jinja", context=(("values", (_Count(3), _Share(0.5), 4, -1.5)),))
    content = Renderer(templates).render(page).content
    assert content == "&#60;script&#62;x&#60;/script&#62;&#42;y&#42;|&#60;b&#62;0&#46;5&#60;/b&#62;|4|-1.5|\n"


def test_a_value_inside_an_autoescape_block_is_escaped_once(templates):
    """``{% autoescape flag %}`` (a value known only when the page renders) made Jinja write
    ``(escape if autoescape else str)(environment.finalize(x))``: ``escape()`` after a ``finalize`` that
    has escaped already gave ``&amp;#60;`` for ``<``, shown on the page as ``&#60;``."""
    (templates / "page.md.jinja").write_text(
        "{% autoescape flag %}{{ v }}{% endautoescape %}|{% autoescape false %}{{ v }}{% endautoescape %}|{{ v }}\n",
        encoding="utf-8",
    )
    for flag in (True, False):
        page = PageSpec(path="x.md", template="page.md.jinja", context=(("flag", flag), ("v", "<i>&")))
        assert Renderer(templates).render(page).content == "|".join(["&#60;i&#62;&#38;"] * 3) + "\n"


def test_a_name_linked_in_clause_text_is_shown_as_text_beside_a_linked_document_number(templates):
    """``rich(text, links)`` (the agency names of a document page): each name a link to its page, its words and
    title escaped (a name that looks like HTML stays text), the 文号 around it marked as without links."""
    (templates / "page.md.jinja").write_text("{{ rich(text, links) }}\n", encoding="utf-8")
    renderer = Renderer(templates, doc_numbers={"国发〔2016〕86号": "documents/guofa-2016-86.md"})
    text = "依据国发〔2016〕86号，（<b>局、乙部负责）"
    links = ((15, 19, "/agencies/x/", '部门页：<b>局"'), (20, 22, "/agencies/y/", "部门页：乙部"))
    page = PageSpec(
        path="documents/yufufa-2016-25.md", template="page.md.jinja", context=(("text", text), ("links", links))
    )
    assert unkept(renderer.render(page).content) == (
        '依据<a class="doc-ref" href="../guofa-2016-86/">国发〔2016〕86号</a>，（'
        '<a class="agency-ref" href="../../agencies/x/" title="部门页：&lt;b&gt;局&quot;">&lt;b&gt;局</a>、'
        '<a class="agency-ref" href="../../agencies/y/" title="部门页：乙部">乙部</a>负责）\n'
    )


def test_a_name_inside_a_document_number_is_not_linked_and_the_number_stays_whole(templates):
    """Session 39's code review: ``rich`` linked a name wherever ``links`` put it, so a name within a 文号 (国办
    of 国办函〔2016〕66号, were it a short name) cut the number in two and neither piece was read as one."""
    (templates / "page.md.jinja").write_text("{{ rich(text, links) }}\n", encoding="utf-8")
    renderer = Renderer(templates, doc_numbers={"国办函〔2016〕66号": "documents/guobanhan-2016-66.md"})
    text = "按国办函〔2016〕66号由国办督办"
    links = ((1, 3, "/agencies/gov-office/", "部门页：国办"), (14, 16, "/agencies/gov-office/", "部门页：国办"))
    page = PageSpec(
        path="documents/yufufa-2016-25.md", template="page.md.jinja", context=(("text", text), ("links", links))
    )
    assert unkept(renderer.render(page).content) == (
        '按<a class="doc-ref" href="../guobanhan-2016-66/">国办函〔2016〕66号</a>由'
        '<a class="agency-ref" href="../../agencies/gov-office/" title="部门页：国办">国办</a>督办\n'
    )


def test_a_page_links_spoken_name_starts_with_the_words_it_shows(built):
    """指标页 was named 指标“PCT专利申请量”的页面 to a screen reader: a speech user saying 指标页 found no such link
    (session 43's accessibility review; WCAG 2.5.3 Label in Name). Its name now starts with the words, and its
    title is the same (任务页：任务22，责任单位与相关内容), not read a second time."""
    links = [
        match
        for page in (built.docs / "documents").glob("*.md")
        for match in re.finditer(
            r'<a class="page-link" href="[^"]*" title="([^"]*)" aria-label="([^"]*)">([^<]*)</a>',
            page.read_text(encoding="utf-8"),
        )
    ]
    assert len(links) > 100
    for title, label, words in (m.groups() for m in links):
        # one name, said once: a title other than the name is read again as its description
        assert label == title and label.startswith(f"{words}：") and label.count(words) == 1, (title, label, words)
    assert any(label.startswith("指标页1：") for _, label, _ in (m.groups() for m in links))
