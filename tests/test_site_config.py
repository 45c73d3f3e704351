"""``site_config.serve_copy``: the copy of mkdocs.yml serve hands MkDocs, read from another folder, is the
same config: each path MkDocs reads relative to the config's folder made absolute, the rest as written."""

from __future__ import annotations

from pathlib import Path

from build_scripts.site_config import serve_copy

CONFIG = """\
site_name: x  # a comment, kept
site_url: !ENV SITE_URL
docs_dir: docs
theme:
  name: material
  custom_dir: 'overrides'
watch:
  - extra
nav:
  - index.md
"""


def _paths(config_file: Path) -> dict[str, object]:
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(config_file))
    with config_file.open(encoding="utf-8") as stream:
        config.load_file(stream)
    errors, warnings = config.validate()
    assert not errors and not warnings, (errors, warnings)
    return {name: config[name] for name in ("docs_dir", "site_dir", "watch")} | {
        "custom_dir": config["theme"].custom_dir
    }


def test_the_copy_read_from_another_folder_is_the_same_config(tmp_path):
    project = tmp_path / "project"
    for folder in ("docs", "overrides", "extra"):
        (project / folder).mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# x\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    copy = tmp_path / "elsewhere" / "mkdocs.1.yml"
    copy.parent.mkdir()
    copy.write_text(serve_copy(config, CONFIG), encoding="utf-8")
    assert _paths(copy) == _paths(config)
    assert _paths(copy)["docs_dir"] == str(project / "docs")
    text = copy.read_text(encoding="utf-8")
    assert "# a comment, kept" in text and "site_url: !ENV SITE_URL" in text
    assert f'site_dir: "{project / "site"}"' in text  # left to MkDocs' default, which is the config's folder's
