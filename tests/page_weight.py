"""How heavy the built site is: per-page HTML size, total size, search index size.

``page_weight_report(site_dir)`` is what ``make bench`` prints and what
``tests/test_page_weight.py`` checks: every page except a document's full text
stays under ``PAGE_LIMIT`` bytes (the navigation lists only the section index
pages, so a page carries no menu of the whole site).
"""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path

PAGE_LIMIT = 200_000  # bytes of HTML for any page but a document's full text
SEARCH_INDEX = "data/search-index.json"


def _url(site_dir: Path, page: Path) -> str:
    rel = page.relative_to(site_dir).as_posix()
    return "/" + rel.removesuffix("index.html")


def page_sizes(site_dir: Path) -> dict[str, int]:
    """Site URL (``/tasks/x/``) → bytes of its HTML, for every page of the built site."""
    return {_url(site_dir, page): page.stat().st_size for page in sorted(site_dir.rglob("*.html"))}


def is_document_text(url: str) -> bool:
    """A document's full-text page (``/documents/<slug>/``), which may be long."""
    parts = url.strip("/").split("/")
    return len(parts) == 2 and parts[0] == "documents"


def page_weight_report(site_dir: Path) -> dict:
    """Figures about the built site in ``site_dir`` (sizes in bytes)."""
    site_dir = Path(site_dir)
    sizes = page_sizes(site_dir)
    others = {url: size for url, size in sizes.items() if not is_document_text(url)}
    largest_url = max(sizes, key=sizes.get)
    largest_other = max(others, key=others.get) if others else None
    index = site_dir / SEARCH_INDEX
    index_bytes = index.read_bytes() if index.exists() else b""
    return {
        "pages": len(sizes),
        "median_page": int(statistics.median(sizes.values())),
        "largest_page": {"url": largest_url, "bytes": sizes[largest_url]},
        "largest_non_document_page": {"url": largest_other, "bytes": others.get(largest_other, 0)},
        "over_limit": sorted(url for url, size in others.items() if size > PAGE_LIMIT),
        "total_site": sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file()),
        "search_index": len(index_bytes),
        "search_index_gzip": len(gzip.compress(index_bytes, mtime=0)) if index_bytes else 0,
        "material_search_index": (site_dir / "search" / "search_index.json").stat().st_size
        if (site_dir / "search" / "search_index.json").exists()
        else 0,
    }


if __name__ == "__main__":  # python -m tests.page_weight site/
    import json
    import sys

    print(json.dumps(page_weight_report(Path(sys.argv[1] if len(sys.argv) > 1 else "site")), indent=1))
