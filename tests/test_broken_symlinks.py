"""A file beside the texts that is a symbolic link leading nowhere, or back to itself, is refused where it
stands: it is there, so the build may not go on as if it were not. Until session 37 a dangling
crossrefs.yaml, task_terms.yaml or search_terms.yaml was taken for no file at all (exit 0: every curated
decision dropped, a rejected link published again), a dangling published_pages.tsv was replaced by a new
record of this build's pages (the addresses published before forgotten), and the others were said as
"no such file" or by what followed from the missing file (redirects.yaml entries "which still exists")."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from build_scripts.errors import CurationError, SourceError
from build_scripts.load import files
from build_scripts.load.located_yaml import read_yaml

from .helpers import refused_after

DANGLING = "a symbolic link to {}, which leads to no file"

# Each file beside the texts, and what its message expects there.
EXPECTED = {
    "agencies.yaml": "expected a curated YAML file",
    "crossrefs.yaml": "expected a curated YAML file",
    "documents.yaml": "expected a curated YAML file",
    "external.yaml": "expected a curated YAML file",
    "indicators.yaml": "expected a curated YAML file",
    "redirects.yaml": "expected a curated YAML file",
    "search_terms.yaml": "expected a curated YAML file",
    "task_terms.yaml": "expected a curated YAML file",
    "clause_ids.tsv": "expected a readable clause-id record",
    "published_pages.tsv": "expected a readable record of published pages",
}


def dangle(source: Path, name: str) -> None:
    (source / name).unlink(missing_ok=True)  # the frozen corpus has no redirects.yaml: a link put there is one too
    (source / name).symlink_to(f"gone-{name}")


def loop(source: Path, name: str) -> None:
    (source / name).unlink(missing_ok=True)  # the frozen corpus has no redirects.yaml: a link put there is one too
    (source / name).symlink_to(f"back-{name}")
    (source / f"back-{name}").symlink_to(name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_file_that_is_a_link_to_nothing_is_refused_where_it_stands(tmp_path, name):
    stderr = refused_after(tmp_path, lambda source: dangle(source, name))
    expected = f"source_texts/{name}:1:1: {EXPECTED[name]}, found {DANGLING.format('gone-' + name)}"
    assert expected in stderr.splitlines(), stderr


@pytest.mark.parametrize("name", ["crossrefs.yaml", "published_pages.tsv", "clause_ids.tsv"])
def test_a_file_that_is_a_link_loop_is_refused_where_it_stands(tmp_path, name):
    stderr = refused_after(tmp_path, lambda source: loop(source, name))
    expected = f"source_texts/{name}:1:1: {EXPECTED[name]}, found {files.SYMLINK_LOOP}"
    assert expected in stderr.splitlines(), stderr


def test_a_text_that_is_a_link_to_nothing_is_said_at_its_entry(tmp_path):
    stderr = refused_after(tmp_path, lambda source: dangle(source, "guofa-2016-86.txt"))
    found = DANGLING.format("gone-guofa-2016-86.txt")
    assert any(
        line.startswith("source_texts/documents.yaml:") and line.endswith(f"found {found}")
        for line in stderr.splitlines()
    ), stderr


def test_a_file_that_is_not_there_at_all_is_still_no_file(tmp_path):
    """Without the link, a missing curated file is what it always was: absent (a folder of one text has none)."""
    assert files.absent(tmp_path / "crossrefs.yaml")
    (tmp_path / "crossrefs.yaml").symlink_to("gone.yaml")
    assert not files.absent(tmp_path / "crossrefs.yaml")
    with pytest.raises(CurationError) as caught:
        read_yaml(tmp_path / "crossrefs.yaml")
    assert caught.value.message == f"expected a curated YAML file, found {DANGLING.format('gone.yaml')}"
    with pytest.raises(CurationError) as caught:
        read_yaml(tmp_path / "none.yaml")
    assert caught.value.message == "expected a curated YAML file, found no such file"


def test_what_stands_where_a_file_does_not_open(tmp_path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    (tmp_path / "c").symlink_to("nowhere/at/all")
    assert files.missing(tmp_path / "a", OSError(errno.ELOOP, os.strerror(errno.ELOOP))) == files.SYMLINK_LOOP
    assert files.missing(tmp_path / "c", FileNotFoundError(errno.ENOENT, "x")) == DANGLING.format("nowhere/at/all")
    assert files.missing(tmp_path / "d", FileNotFoundError(errno.ENOENT, "x")) == "no such file"
    assert files.missing(tmp_path / "d", PermissionError(errno.EACCES, "Permission denied")) == "Permission denied"


def test_a_mkdocs_yml_that_is_a_link_to_nothing_is_said_so(tmp_path):
    from build_scripts.site_config import check_config

    (tmp_path / "mkdocs.yml").symlink_to("gone.yml")
    with pytest.raises(SourceError) as caught:
        check_config(tmp_path / "docs", tmp_path / "mkdocs.yml")
    assert caught.value.message.endswith(f"found {DANGLING.format('gone.yml')}"), caught.value.message
