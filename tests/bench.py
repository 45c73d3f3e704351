"""``make bench``: build-speed and page-weight figures, as ratios measured in one run (not a test).

    python -m tests.bench

1. generate stage vs ``mkdocs build --strict`` of the same pages (real corpus; target ≤ 0.15), with
   .cache/ emptied first (cold), again with it filled (warm: compiled templates, cached links) into
   an empty docs/, and as a rebuild of the unchanged corpus into the same docs/ (nothing written);
2. a synthetic 20× corpus (each document plus 19 renamed copies) vs the real one: total build time
   (target ≤ 25×) and median page weight (target: flat);
3. ``serve``: seconds from saving a source text until the served page shows the new text;
4. page weight of the real site (tests/page_weight.py's report when present).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

from build_scripts.cache import CACHE_DIR
from build_scripts.pipeline import generate

from .helpers import MKDOCS_YML, ROOT, SOURCE, copy_sources, mkdocs_build

COPIES = 20


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def build(source: Path, root: Path) -> tuple[float, float, Path]:
    """(generate seconds, mkdocs build seconds, site dir) for ``source`` into fresh folders under ``root``."""
    gen, _ = timed(lambda: generate(source, root / "docs"))
    mk, proc = timed(lambda: mkdocs_build(root / "docs", root / "site"))
    if proc.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{proc.stderr[-3000:]}")
    return gen, mk, root / "site"


def multiplied_corpus(dest: Path) -> Path:
    """The five documents plus ``COPIES - 1`` renamed copies of each, with distinct slugs and 文号."""
    source = copy_sources(dest)
    text = (source / "documents.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    extra = []
    for copy in range(2, COPIES + 1):
        for entry in data["documents"]:
            entry = dict(entry)
            slug = f"{entry['slug']}-x{copy}"
            (source / f"{slug}.txt").write_bytes((source / entry["source_file"]).read_bytes())
            entry.update(
                slug=slug,
                source_file=f"{slug}.txt",
                title=f"{entry['title']}（副本{copy}）",
                doc_number=entry["doc_number"].replace("号", f"-{copy}号"),
            )
            extra.append(entry)
    data["documents"].extend(extra)
    (source / "documents.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return source


def html_pages(site: Path) -> list[int]:
    return [p.stat().st_size for p in site.rglob("*.html") if p.name != "404.html"]


def weight(site: Path) -> dict[str, object]:
    try:
        from .page_weight import page_weight_report  # written for issue 5/7; optional here
    except ImportError:
        page_weight_report = None
    if page_weight_report is not None:
        return {"report": page_weight_report(site)}
    sizes = html_pages(site)
    index = site / "data" / "search-index.json"
    return {
        "pages": len(sizes),
        "median page bytes": int(statistics.median(sizes)),
        "largest page bytes": max(sizes),
        "site bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "search index bytes": index.stat().st_size if index.exists() else 0,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own local server
            return response.read().decode("utf-8")
    except OSError:
        return ""


def serve_latency(root: Path) -> float:
    """Seconds from saving an edited source text until ``serve`` shows the new text over HTTP."""
    source = copy_sources(root)
    config = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=yaml.Loader)  # noqa: S506 - our own file
    config.update(docs_dir=str(root / "docs"), site_dir=str(root / "site"))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/documents/yufufa-2016-25/"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "build_scripts",
            "serve",
            "--source",
            str(source),
            "--docs",
            str(root / "docs"),
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--config-file",
            str(root / "mkdocs.yml"),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        deadline = time.monotonic() + 120
        while "培育壮大知识产权密集型产业" not in fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("serve did not come up")
            time.sleep(0.1)
        path = source / "yufufa-2016-25.txt"
        marker = "培育壮大知识产权密集型产业（已修改）"
        text = path.read_text(encoding="utf-8").replace("培育壮大知识产权密集型产业", marker, 1)
        saved = time.monotonic()
        path.write_text(text, encoding="utf-8")
        while marker not in fetch(url):
            if time.monotonic() > saved + 120:
                sys.exit("serve did not show the edit within 120 s")
            time.sleep(0.05)
        return time.monotonic() - saved
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # serve and the mkdocs it started: our own process group
        server.wait(timeout=30)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        shutil.rmtree(CACHE_DIR, ignore_errors=True)  # cold: no compiled templates, no cached links
        gen, mk, site = build(SOURCE, tmp / "real")
        warm, _ = timed(lambda: generate(SOURCE, tmp / "real-warm" / "docs"))
        again, _ = timed(lambda: generate(SOURCE, tmp / "real" / "docs"))
        print(
            f"real corpus: generate {gen:.2f} s cold, {warm:.2f} s warm, {again:.2f} s rebuild; mkdocs build {mk:.2f} s"
        )
        print(
            f"  generate / mkdocs build = {gen / mk:.3f} cold (empty .cache/ and docs/), "
            f"{warm / mk:.3f} warm (filled .cache/, empty docs/), "
            f"{again / mk:.3f} rebuild (nothing changed, nothing written)   (target <= 0.15)"
        )
        (tmp / "x20").mkdir()
        gen20, mk20, site20 = build(multiplied_corpus(tmp / "x20"), tmp / "x20")
        median, median20 = statistics.median(html_pages(site)), statistics.median(html_pages(site20))
        print(f"{COPIES}x corpus: generate {gen20:.2f} s, mkdocs build {mk20:.2f} s")
        print(f"  build time 20x / real = {(gen20 + mk20) / (gen + mk):.1f}x   (target <= 25x)")
        print(
            f"  median page weight: real {median / 1024:.1f} KiB, 20x {median20 / 1024:.1f} KiB "
            f"(ratio {median20 / median:.2f}, target flat)"
        )
        (tmp / "serve").mkdir()
        print(f"serve: saved source text -> new text served in {serve_latency(tmp / 'serve'):.2f} s")
        print("page weight (real site):")
        for key, value in weight(site).items():
            print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
