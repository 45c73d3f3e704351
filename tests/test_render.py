"""The renderer's template handling: compiled ahead on a second core, located template errors."""

from __future__ import annotations

import pytest

from build_scripts.errors import TemplateError
from build_scripts.model import PageSpec
from build_scripts.render import BackgroundCompile, Renderer, templates_compiled


def test_background_compile_fills_the_template_cache(tmp_path):
    (tmp_path / "page.md.jinja").write_text("# {{ title }}\n", encoding="utf-8")
    (tmp_path / "other.md.jinja").write_text("{% for x in items %}{{ x }}{% endfor %}\n", encoding="utf-8")
    assert not templates_compiled(tmp_path)
    with BackgroundCompile(tmp_path) as compiling:
        compiling.wait()
    assert templates_compiled(tmp_path)
    page = PageSpec(path="a/index.md", template="page.md.jinja", context=(("title", "标题*"),))
    assert Renderer(tmp_path).render(page).content == "# 标题&#42;\n"


def test_background_compile_starts_nothing_when_the_cache_is_current(tmp_path):
    (tmp_path / "page.md.jinja").write_text("{{ title }}\n", encoding="utf-8")
    BackgroundCompile(tmp_path).wait()
    compiling = BackgroundCompile(tmp_path)
    assert compiling._process is None
    (tmp_path / "page.md.jinja").write_text("changed {{ title }}\n", encoding="utf-8")
    assert not templates_compiled(tmp_path)  # an edited template is compiled again


def test_a_template_that_cannot_compile_is_a_located_error(tmp_path):
    (tmp_path / "page.md.jinja").write_text("# title\n\n{% if x %}\nno end\n", encoding="utf-8")
    with BackgroundCompile(tmp_path) as compiling:  # the background process fails quietly
        compiling.wait()
    page = PageSpec(path="index.md", template="page.md.jinja", context=(("x", True),))
    with pytest.raises(TemplateError) as raised:
        Renderer(tmp_path).render(page)
    location = raised.value.location
    assert location.path.endswith("page.md.jinja")
    assert location.line == 4
    assert "expected valid Jinja syntax" in raised.value.message
