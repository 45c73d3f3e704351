"""One URL per page type of the built site, for tests that visit "every page type"."""

from __future__ import annotations

from pathlib import Path

SECTIONS = ("documents", "tasks", "agencies", "indicators", "crossrefs", "data", "changes")


def representative_pages(html: Path) -> dict[str, str]:
    """``{"home": "/", "documents": "/documents/", "documents/page": "/documents/guofa-2016-86/", …}``:
    the home page, each section's index and the first other page of each section."""
    pages = {"home": "/"}
    for section in SECTIONS:
        folder = html / section
        if (folder / "index.html").exists():
            pages[section] = f"/{section}/"
        inner = sorted(
            p.parent.relative_to(folder).as_posix() for p in folder.rglob("index.html") if p.parent != folder
        )
        if inner:
            preferred = "guofa-2016-86" if "guofa-2016-86" in inner else inner[0]
            pages[f"{section}/page"] = f"/{section}/{preferred}/"
    pages["404"] = "/404.html"
    return pages


def pages_holding(html: Path, text: str, *, after: str = "") -> list[str]:
    """The URLs (``/``, ``/documents/guofa-2016-86/``) of the built pages whose HTML holds ``text``; with
    ``after``, only in what follows the first ``after`` (``class="md-content"``: not in the head or header)."""
    found = []
    for page in html.rglob("index.html"):
        source = page.read_text(encoding="utf-8")
        if text in (source.partition(after)[2] if after else source):
            found.append(f"/{page.parent.relative_to(html).as_posix()}/".replace("/./", "/"))
    return sorted(found)
