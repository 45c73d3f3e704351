from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from build_scripts.model import Site
from build_scripts.pipeline import generate

from .helpers import FIXTURE, SOURCE, mkdocs_build


@dataclass(frozen=True)
class BuiltSite:
    site: Site  # the linked model
    docs: Path  # generated Markdown and data
    html: Path  # mkdocs build --strict output


@pytest.fixture(scope="session")
def model() -> Site:
    """The linked model of the real corpus (no files written)."""
    return generate(SOURCE, Path("/nonexistent"), write=False).site


@pytest.fixture(scope="session")
def fixture_model() -> Site:
    """The linked model of the frozen corpus, tests/data/corpus (no files written)."""
    return generate(FIXTURE, Path("/nonexistent"), write=False).site


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real corpus generated and built with mkdocs --strict, once per session."""
    root = tmp_path_factory.mktemp("built")
    result = generate(SOURCE, root / "docs")
    proc = mkdocs_build(root / "docs", root / "site")
    assert proc.returncode == 0, proc.stderr[-4000:]
    return BuiltSite(site=result.site, docs=root / "docs", html=root / "site")
