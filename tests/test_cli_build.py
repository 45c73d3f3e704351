"""``python -m build_scripts build`` run directly, as staff do outside make."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .helpers import ROOT, generated_copy, mkdocs_build, mkdocs_config, run_cli, tiny_source

TEXT = """
一、总则
加强知识产权保护。
"""
# Material for MkDocs' end-of-life banner, printed on every MkDocs run unless NO_MKDOCS_2_WARNING is set.
BANNER = ("Material for MkDocs reaches end of life", "NO_MKDOCS_2_WARNING")


def test_build_without_the_makefiles_environment_prints_no_end_of_life_banner(tmp_path):
    tiny_source(tmp_path, TEXT)
    config = mkdocs_config(tmp_path / "docs", tmp_path / "site")
    env = {name: value for name, value in os.environ.items() if name != "NO_MKDOCS_2_WARNING"}
    proc = subprocess.run(
        [sys.executable, "-m", "build_scripts", "build", "--source", "source_texts", "--docs", "docs"]
        + ["--config-file", str(config)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert (tmp_path / "site/index.html").is_file()
    assert not [words for words in BANNER if words in proc.stdout + proc.stderr], proc.stderr


FIFO = object()  # a named pipe stands at mkdocs.yml


@pytest.mark.parametrize(
    ("config", "found"),
    [
        ("- a\n- b\n", "found a list"),  # was an internal error: AttributeError: 'list' object has no attribute 'get'
        ("docs\n", "found the text 'docs'"),  # … 'str' object has no attribute 'get'
        ("docs_dir: [a, b]\n", "found docs_dir ['a', 'b']"),  # was compared with the folder named "['a', 'b']"
        ("site_name: x\nnav: [\n", "3:1: expected a MkDocs configuration in valid YAML, found '<stream end>'"),
        (None, "found no such file"),  # generate wrote docs/, then MkDocs refused the config
        (FIFO, "found a named pipe (FIFO), not a regular file"),  # reading it waited for a writer for ever
    ],
    ids=["list", "text", "docs_dir a list", "bad YAML", "missing", "named pipe"],
)
def test_a_config_mkdocs_cannot_use_is_refused_before_anything_is_written(tmp_path, config, found):
    tiny_source(tmp_path, TEXT)
    if config is FIFO:
        os.mkfifo(tmp_path / "mkdocs.yml")
    elif config is not None:
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    proc = command_in(tmp_path, "build", "mkdocs.yml")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("mkdocs.yml:") and ": expected a MkDocs configuration" in proc.stderr, proc.stderr
    assert found in proc.stderr.splitlines()[0], proc.stderr
    assert not (tmp_path / "docs").exists()


def command_in(folder, command: str, config: str) -> subprocess.CompletedProcess[str]:
    """``python -m build_scripts <command>`` of ``folder``'s source_texts/ into its docs/, with ``config``."""
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", command, "--source", "source_texts", "--docs", "docs"]
        + ["--config-file", config],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )


def build_with(tmp_path, damage):
    """``build`` of a tiny source with the project's mkdocs.yml (``mkdocs.test.yml``) after ``damage`` of its text."""
    tiny_source(tmp_path, TEXT)
    config = mkdocs_config(tmp_path / "docs", tmp_path / "site")
    config.write_text(damage(config.read_text(encoding="utf-8")), encoding="utf-8")
    return command_in(tmp_path, "build", config.name)


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda good: good + "no_such_key: 1\n", "50:1: expected a value MkDocs accepts for 'no_such_key', found: "),
        (lambda good: good.replace("custom_dir: ", "custom_dir: /no/such/folder", 1), "10:3: expected a value"),
        (lambda good: good.replace("lang: zh", "lang: zh\n    no_such_option: 1", 1), "24:5: expected a value"),
        (lambda good: good.replace("name: material", "name: no-such-theme", 1), "9:3: expected a value"),
        (  # MkDocs' words held the traceback of Markdown's error
            lambda good: good.replace("- tables", "- no_such_extension", 1),
            "27:3: expected a value MkDocs accepts for 'markdown_extensions', found: Failed to load extension "
            "'no_such_extension'. (ModuleNotFoundError: No module named 'no_such_extension')\n",
        ),
        (
            lambda good: good.replace("permalink_title:", "no_such_option:", 1),
            "30:5: expected a value MkDocs accepts for 'markdown_extensions', found: Failed to load extension "
            "'toc'. (KeyError: 'no_such_option')\n",
        ),
        (  # YAML, but a tag MkDocs' loader does not know: its words at 1:1, over two lines
            lambda good: good + "extra: !no_such_tag x\n",
            "50:8: expected a MkDocs configuration MkDocs can read, found could not determine a constructor for "
            "the tag '!no_such_tag'\n",
        ),
    ],
    ids=["unknown key", "theme folder", "plugin option", "theme", "extension", "extension option", "tag"],
)
def test_a_setting_mkdocs_refuses_is_said_located_before_anything_is_written(tmp_path, damage, said):
    """MkDocs' own validation of mkdocs.yml ran only after generate had written docs/, and said its findings
    with no line (``Config value 'theme': The path set in custom_dir … does not exist``); now it is run first,
    and each finding is placed at the key it is about."""
    proc = build_with(tmp_path, damage)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith(f"mkdocs.test.yml:{said}"), proc.stderr
    assert proc.stderr.splitlines()[1:] == ["1 problem(s) found; docs/ was not changed."], proc.stderr  # no traceback
    assert not (tmp_path / "docs").exists()


def test_a_nav_entry_naming_no_page_stops_the_build_located(tmp_path):
    """A nav entry naming no page: MkDocs warns, and run with --quiet it counted no warning for --strict:
    the build went on and exited 0 with a site whose menu led nowhere, saying nothing."""
    proc = build_with(tmp_path, lambda good: good.replace("首页: index.md", "首页: no-such-page.md", 1))
    assert proc.returncode == 1, proc.stderr
    assert (
        "mkdocs.test.yml:42:7: expected a nav entry naming a page in docs/ or an address, found 'no-such-page.md'"
        in (proc.stderr)
    )
    assert "1 problem(s) found; docs/ is generated, the site was not built." in proc.stderr
    assert not (tmp_path / "site").exists()


def check_with(tmp_path, damage):
    """``check --config-file`` (as ``make check`` runs it) of a tiny source, generated once (its records
    written), beside the project's mkdocs.yml (``mkdocs.test.yml``) after ``damage`` of its text; and docs/'s
    files before the check."""
    tiny_source(tmp_path, TEXT)
    config = mkdocs_config(tmp_path / "docs", tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "build_scripts", "generate", "--source", "source_texts", "--docs", "docs"]
    subprocess.run(command, cwd=tmp_path, capture_output=True, env=env, timeout=600, check=True)
    before = {path: path.read_bytes() for path in (tmp_path / "docs").rglob("*") if path.is_file()}
    config.write_text(damage(config.read_text(encoding="utf-8")), encoding="utf-8")
    command[3] = "check"
    proc = subprocess.run(
        [*command, "--config-file", config.name], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600
    )
    return proc, before


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda good: good + "no_such_key: 1\n", "50:1: expected a value MkDocs accepts for 'no_such_key', found: "),
        (
            lambda good: good.replace("首页: index.md", "首页: no-such-page.md", 1),
            "42:7: expected a nav entry naming a page in docs/ or an address, found 'no-such-page.md'",
        ),
    ],
    ids=["unknown key", "nav entry"],
)
def test_make_check_says_what_build_would_refuse_in_mkdocs_yml(tmp_path, damage, said):
    """``make check`` printed ok for a mkdocs.yml build refuses (it read no mkdocs.yml); with --config-file,
    as the Makefile runs it, the config and its nav are checked as build checks them, and nothing is written."""
    proc, before = check_with(tmp_path, damage)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith(f"mkdocs.test.yml:{said}"), proc.stderr
    assert proc.stderr.splitlines()[1:] == ["1 problem(s) found."], proc.stderr  # no traceback
    assert {path: path.read_bytes() for path in (tmp_path / "docs").rglob("*") if path.is_file()} == before


def test_make_check_passes_with_a_good_mkdocs_yml(tmp_path):
    proc, _ = check_with(tmp_path, lambda good: good)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok: 1 documents"), proc.stdout


def test_a_warning_of_mkdocs_stops_the_build(tmp_path):
    """build ran ``mkdocs build --strict --quiet``, and --quiet hides MkDocs' warnings from --strict too
    (mkdocs#4126): a page left out of the nav with ``omitted_files: warn`` (not_in_nav gone) built, exit 0."""
    proc = build_with(tmp_path, lambda good: good.replace("not_in_nav: '/*\n\n  '\n", "", 1))
    assert "not_in_nav" not in (tmp_path / "mkdocs.test.yml").read_text(encoding="utf-8")
    assert proc.returncode == 1, proc.stderr
    said = proc.stdout + proc.stderr
    assert 'not included in the "nav" configuration' in said and "Aborted with 1 warnings in strict mode!" in said


def test_the_tests_real_build_fails_on_a_warning_of_mkdocs(tmp_path):
    """``mkdocs_build``, the real build the tests check pages with, ran --quiet too: a link to no page built,
    exit 0, and every test that asserts a clean strict build passed whatever MkDocs warned."""
    generated_copy(tmp_path)
    with (tmp_path / "docs" / "index.md").open("a", encoding="utf-8") as page:
        page.write("\n[x](no-such-page.md)\n")
    proc = mkdocs_build(tmp_path / "docs", tmp_path / "site")
    assert proc.returncode == 1 and "'no-such-page.md'" in proc.stderr, proc.stderr[-4000:]


def test_a_reader_of_the_output_that_leaves_early_gets_no_internal_error(tmp_path):
    """generate | head: stdout closed before generate said what it wrote was 'internal error:
    BrokenPipeError', exit 3 (robustness hunt). The pages are written; nothing more is said."""
    tiny_source(tmp_path, TEXT)
    proc = subprocess.Popen(
        [sys.executable, "-m", "build_scripts", "generate", "--source", "source_texts", "--docs", "docs"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # buffered, as stdout to a pipe is: the lines then leave at exit, where the pipe's end showed as exit 120
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "PYTHONPATH": str(ROOT)}
        | {"NO_MKDOCS_2_WARNING": "1"},
    )
    proc.stdout.close()  # the reader leaves before the first line
    with proc.stderr:
        stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=600) == 141 and stderr == "", stderr
    assert (tmp_path / "docs/index.md").is_file()


def _overrides_copy(tmp_path, damage):
    """A copy of overrides/ with ``damage`` done to it, and build_with's damage pointing mkdocs.yml at it."""
    import shutil

    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    damage(overrides)
    return lambda good: good.replace(f"custom_dir: {ROOT / 'overrides'}", f"custom_dir: {overrides}", 1)


def test_a_theme_template_jinja_cannot_read_is_refused_located_before_anything_is_written(tmp_path):
    """Session 40's robustness review: ``{% if %}`` added to overrides/main.html gave MkDocs' 40-line traceback
    after generate had rewritten docs/, and check said ok."""

    def broken(overrides):
        with (overrides / "main.html").open("a", encoding="utf-8") as main:
            main.write("{% if %}\n")

    damage = _overrides_copy(tmp_path, broken)
    lines = len((tmp_path / "overrides/main.html").read_text(encoding="utf-8").splitlines())
    proc = build_with(tmp_path, damage)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.splitlines() == [
        f"overrides/main.html:{lines}:1: expected a theme template Jinja can read, found: Expected an "
        "expression, got 'end of statement block'",
        "1 problem(s) found; docs/ was not changed.",
    ]
    assert not (tmp_path / "docs").exists()
    check = command_in(tmp_path, "check", "mkdocs.test.yml")  # make check reads the same config, and said ok
    assert check.returncode == 1 and "expected a theme template Jinja can read" in check.stderr, check.stderr


def test_a_theme_template_mkdocs_cannot_render_is_said_at_its_line_without_a_traceback(tmp_path):
    """``{{ nosuch.attr.x }}`` reads as Jinja, and fails only as MkDocs renders it: its traceback was printed."""

    def asks_too_much(overrides):
        with (overrides / "partials/top.html").open("a", encoding="utf-8") as top:
            top.write("{{ nosuch.attr.x }}\n")

    lines = len((ROOT / "overrides/partials/top.html").read_text(encoding="utf-8").splitlines())
    proc = build_with(tmp_path, _overrides_copy(tmp_path, asks_too_much))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1] == (
        f"overrides/partials/top.html:{lines + 1}:1: expected a site MkDocs can build, found: "
        "jinja2.exceptions.UndefinedError: 'nosuch' is undefined; docs/ is generated, the site was not built "
        "(BUILD_DEBUG=1 shows MkDocs' traceback)."
    )


def test_a_theme_template_using_the_tags_mkdocs_gives_it_is_read(tmp_path):
    """Session 40's code review: the first reading of the templates knew no ``{% trans %}``, which MkDocs' theme
    environment has (jinja2.ext.i18n), and refused a template MkDocs builds."""

    def translated(overrides):
        with (overrides / "main.html").open("a", encoding="utf-8") as main:
            main.write(
                '{% block extrahead %}{{ super() }}<meta name="x" content="{% trans %}x{% endtrans %}">{% endblock %}\n'
            )

    damage = _overrides_copy(tmp_path, translated)
    tiny_source(tmp_path, TEXT)
    config = mkdocs_config(tmp_path / "docs", tmp_path / "site")
    config.write_text(damage(config.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    proc = command_in(tmp_path, "check", config.name)
    assert proc.returncode == 0, proc.stderr
