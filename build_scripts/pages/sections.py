"""The site's sections and a plain index page for any section no page module indexes.

The navigation (``mkdocs.yml``) lists only these section index pages; every other
page is reached from its section's index, so no page carries a menu of all pages.
A page module that writes ``<section>/index.md`` itself (a richer table of tasks,
say) replaces the plain list made here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

import yaml

from .. import patterns
from ..model import OutputFile, PageSpec

# (folder under docs/, name in the navigation) in navigation order.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("documents", "文件"),
    ("tasks", "任务"),
    ("agencies", "部门"),
    ("indicators", "指标"),
    ("crossrefs", "对照"),
    ("data", "数据"),
    ("changes", "变更"),
)


@dataclass(frozen=True, kw_only=True)
class SectionEntry:
    path: str  # docs/ path of the page
    title: str


def page_title(output: OutputFile) -> str:
    """The ``title`` of a rendered page's front matter, else its file name."""
    front = patterns.FRONT_MATTER_RE.match(output.content)
    if front:
        meta = yaml.safe_load(output.content[4 : front.end() - 4]) or {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    return posixpath.basename(output.path).removesuffix(".md")


def missing_section_indexes(outputs: list[OutputFile]) -> list[PageSpec]:
    """A ``<section>/index.md`` listing the section's pages, for each section that has none."""
    paths = {output.path for output in outputs}
    pages = []
    for folder, name in SECTIONS:
        index = f"{folder}/index.md"
        if index in paths:
            continue
        entries = tuple(
            SectionEntry(path=output.path, title=page_title(output))
            for output in sorted(outputs, key=lambda o: o.path)
            if output.path.startswith(folder + "/") and output.path.endswith(".md")
        )
        pages.append(
            PageSpec(
                path=index,
                template="section_index.md.jinja",
                context=(("folder", folder), ("name", name), ("entries", entries)),
            )
        )
    return pages
