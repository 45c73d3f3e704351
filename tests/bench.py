"""``make bench``: build-speed and page-weight figures, as ratios measured in one run (not a test).

    python -m tests.bench

1. the generate stage vs ``mkdocs build --strict`` of the same pages (real corpus; target ≤ 0.15),
   in the situations staff meet:
   - cold: a fresh clone (.cache/ and docs/ empty: templates compiled, every sentence linked, every
     file written);
   - edit: one sentence of the Chongqing text changed in a git working copy after a build (compiled
     templates kept; the link stage re-matches the sentences of the edited paragraph, every page is
     rendered again, the changed ones are written; docs/ holds the last build);
   - the same edit in a clone of this repository, whose source_texts/ has its git history: each build
     reads the texts' committed versions for the change log and pins ids along them (the edit row's
     working copy has one commit);
   - a document added: a renamed copy of 国知发管字〔2015〕59号 and its documents.yaml entry added to a
     built git working copy (its sentences linked, its pages rendered and written, the others rendered);
   - unchanged: a rebuild with nothing changed (nothing written);
   each generate is paired with the mkdocs build of what it wrote, and the ratio printed is the
   median of ``REPEATS`` pairs (the machines are shared and noisy);
2. a synthetic 20× corpus (each document plus 19 renamed copies) vs the real one: total build time
   (target ≤ 25×) and median page weight (target: flat);
3. ``serve``: seconds from saving a source text until the served page shows the new text;
4. page weight of the real site (tests/page_weight.py's report).

Each situation is timed three ways, as ratios of paired runs:
- the stages: ``generate`` and ``mkdocs build`` each in a fresh process after its modules are
  imported (MkDocs' configuration loaded once, which imports the theme and plugins): the work itself;
- ``generate`` in this process against ``mkdocs build`` as the command staff type (starting Python
  and importing MkDocs, about 0.4 s, included): the figure earlier sessions reported;
- both as commands: ``python -m build_scripts generate`` then includes its own start and imports
  (about 0.2 s: numpy, Jinja, PyYAML and the package).
"""

from __future__ import annotations

import copy
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml

from build_scripts import fork
from build_scripts.cache import CACHE_DIR
from build_scripts.pipeline import generate

from .helpers import ROOT, SOURCE, copy_sources, free_port, mkdocs_build, mkdocs_config, run_cli, serve_command
from .page_weight import page_weight_report

COPIES = 20
REPEATS = 5  # the machines are shared and noisy: the median of five pairs


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


def renamed_copy(entry: dict, slug: str, mark: str) -> dict:
    """A documents.yaml entry for a copy of ``entry``'s text under ``slug``: title and 文号 marked ``mark``."""
    entry = copy.deepcopy(entry)  # shared lists would be written as YAML aliases, which we refuse
    entry.update(
        slug=slug,
        source_file=f"{slug}.txt",
        title=f"{entry['title']}（{mark}）",
        doc_number=entry["doc_number"].replace("号", f"-{mark}号"),
    )
    return entry


def multiplied_corpus(dest: Path) -> Path:
    """The five documents plus ``COPIES - 1`` renamed copies of each, with distinct slugs and 文号; the copies
    have no ``crossrefs`` role, so the link stage matches the originals only (as before the roles were data)."""
    source = copy_sources(dest, SOURCE)
    text = (source / "documents.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    extra = []
    for number in range(2, COPIES + 1):
        for entry in data["documents"]:
            copied = renamed_copy(entry, f"{entry['slug']}-x{number}", f"副本{number}")
            copied.pop("crossrefs", None)  # the copies are not matched: one local and one tasks document at most
            (source / copied["source_file"]).write_bytes((source / entry["source_file"]).read_bytes())
            extra.append(copied)
    data["documents"].extend(extra)
    (source / "documents.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return source


# "A document added": a renamed copy of 国知发管字〔2015〕59号 (a national document the Chongqing sentences
# are matched against: its crossrefs role kept), added to a built git working copy as staff add one.
ADDED_FROM = "guozhifaguanzi-2015-59"


def add_copy_of(source: Path, slug: str, new_slug: str, mark: str) -> None:
    """Add to ``source`` a copy of document ``slug``'s text and entry under ``new_slug``, ``mark`` written before
    each 。 that ends a line (a text no build has parsed yet: no cache entry serves it; its lines still end in
    a stop, so it gives no line-break warning)."""
    listing = source / "documents.yaml"
    data = yaml.safe_load(listing.read_text(encoding="utf-8"))
    entry = renamed_copy(next(e for e in data["documents"] if e["slug"] == slug), new_slug, mark)
    text = (source / f"{slug}.txt").read_text(encoding="utf-8")
    (source / entry["source_file"]).write_text(text.replace("。\n", f"{mark}。\n"), encoding="utf-8")
    data["documents"].append(entry)
    listing.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def html_pages(site: Path) -> list[int]:
    return [p.stat().st_size for p in site.rglob("*.html") if p.name != "404.html"]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own local server
            return response.read().decode("utf-8")
    except OSError:
        return ""


def serve_latency(root: Path) -> float:
    """Seconds from saving an edited source text until ``serve`` shows the new text over HTTP."""
    source = copy_sources(root, SOURCE)
    port = free_port()
    url = f"http://127.0.0.1:{port}/documents/yufufa-2016-25/"
    server = subprocess.Popen(
        serve_command(source, root / "docs", port),
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


STAGE_WORKER = "--stage"


def stage_worker(kind: str, first: str, second: str) -> None:
    """In a fresh process (``python -m tests.bench --stage KIND A B``): import what the stage needs,
    then time the stage alone and print its seconds. ``generate SOURCE DOCS``, or ``mkdocs DOCS SITE``
    (its configuration is loaded once beforehand, which imports the theme and the plugins)."""
    if kind == "generate":
        before = os.times()
        seconds, _ = timed(lambda: generate(Path(first), Path(second)))
        after = os.times()
        # CPU-seconds of this process and of every child it waited for (the forked halves, the template
        # compile, git): what the stage costs on all cores together
        print(
            sum(getattr(after, f) - getattr(before, f) for f in ("user", "system", "children_user", "children_system"))
        )
    else:
        from mkdocs.commands.build import build as mkdocs_build_stage
        from mkdocs.config import load_config

        config_file = str(mkdocs_config(Path(first), Path(second)))
        load_config(config_file, strict=True)
        seconds, _ = timed(lambda: mkdocs_build_stage(load_config(config_file, strict=True)))
    print(seconds)


def stage_in_fresh_process(kind: str, first: Path, second: Path) -> float:
    return stage_figures(kind, first, second)[0]


def stage_figures(kind: str, first: Path, second: Path) -> list[float]:
    """The worker's figures: the stage's seconds, then (for generate) its CPU-seconds on all cores."""
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bench", STAGE_WORKER, kind, str(first), str(second)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if proc.returncode != 0:
        sys.exit(f"{kind} failed:\n{proc.stderr[-3000:]}")
    return [float(figure) for figure in reversed(proc.stdout.split()[-2 if kind == "generate" else -1 :])]


def mkdocs_command(docs: Path, site: Path) -> float:
    seconds, proc = timed(lambda: mkdocs_build(docs, site))
    if proc.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{proc.stderr[-3000:]}")
    return seconds


def generate_here(source: Path, docs: Path) -> float:
    return timed(lambda: generate(source, docs))[0]


def paired(
    generate_once: Callable[[], float],
    mkdocs_once: Callable[[], float],
    prepare: Callable[[], object] = lambda: None,
) -> tuple[float, float, float]:
    """``REPEATS`` times: prepare, run ``generate_once``, then the mkdocs build of what it wrote; each
    returns the seconds it measured.

    Returns (median generate / mkdocs ratio, best generate seconds, best mkdocs seconds). Each ratio
    comes from two runs seconds apart, so the machine's slow and fast spells cancel out.
    """
    generate_times, mkdocs_times, ratios = [], [], []
    for _ in range(REPEATS):
        prepare()
        seconds = generate_once()
        mk = mkdocs_once()
        generate_times.append(seconds)
        mkdocs_times.append(mk)
        ratios.append(seconds / mk)
    return statistics.median(ratios), min(generate_times), min(mkdocs_times)


def git_working_copy(dest: Path) -> Path:
    """A copy of source_texts/ committed in a fresh git repository, as staff have it."""
    source = copy_sources(dest, SOURCE)
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid"}
    env.update(GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "bench"]):
        subprocess.run(["git", "-C", str(source), *args], check=True, env=env, capture_output=True)
    return source


def project_clone(dest: Path) -> Path | None:
    """source_texts/ of a clone of this repository (its last commit): the texts with the history staff have,
    whose versions the change log and the ids' lineage read on every build. The edit row's copy has one commit.
    None when this copy of the project is no git repository."""
    proc = subprocess.run(["git", "clone", "-q", str(ROOT), str(dest)], capture_output=True)
    return dest / "source_texts" if proc.returncode == 0 and (dest / "source_texts").is_dir() else None


def generate_command(source: Path, docs: Path) -> float:
    """``python -m build_scripts generate`` as staff type it: starting Python and importing included."""
    seconds, proc = timed(lambda: run_cli("generate", "--source", str(source), "--docs", str(docs)))
    if proc.returncode != 0:
        sys.exit(f"generate failed:\n{proc.stderr[-3000:]}")
    return seconds


def ratios(
    tmp: Path, run: Callable[[Path, Path], float], mkdocs: Callable[[Path, Path], float]
) -> tuple[float, float, Path]:
    """Print generate / mkdocs build for the three situations, ``run(source, docs)`` being the
    generate and ``mkdocs(docs, site)`` the build; return (best cold generate seconds, best cold
    mkdocs seconds, site)."""
    docs, site = tmp / "real" / "docs", tmp / "real" / "site"

    def cold_start() -> None:
        shutil.rmtree(CACHE_DIR, ignore_errors=True)
        shutil.rmtree(docs, ignore_errors=True)

    cold = paired(lambda: run(SOURCE, docs), lambda: mkdocs(docs, site), cold_start)
    unchanged = paired(lambda: run(SOURCE, docs), lambda: mkdocs(docs, site))

    def edited(source: Path, folder: Path) -> tuple[float, float, float]:
        """``paired`` over edits of one sentence of the Chongqing text in ``source``, built into ``folder``
        once first; the text is restored afterwards."""
        docs, site = folder / "docs", folder / "site"
        run(source, docs)
        text_path = source / "yufufa-2016-25.txt"
        original = text_path.read_text(encoding="utf-8")
        edits = iter(range(1, REPEATS + 1))

        def edit_one_sentence() -> None:
            marker = f"培育壮大知识产权密集型产业（第{next(edits)}次修改）"
            text_path.write_text(original.replace("培育壮大知识产权密集型产业", marker, 1), encoding="utf-8")

        figures = paired(lambda: run(source, docs), lambda: mkdocs(docs, site), edit_one_sentence)
        text_path.write_text(original, encoding="utf-8")
        return figures

    source = git_working_copy(tmp / "edit")
    edit_docs, edit_site = tmp / "edit" / "docs", tmp / "edit" / "site"
    edit = edited(source, tmp / "edit")
    history = project_clone(tmp / "history")
    edit_history = edited(history, tmp / "history") if history is not None else None

    run(source, edit_docs)  # docs/ of the five documents, as before staff add one
    five_docs = tmp / "edit" / "docs-five"
    shutil.copytree(edit_docs, five_docs)
    additions = iter(range(1, REPEATS + 1))

    def add_a_document() -> None:
        """The five documents' sources and docs/ as committed and built, then a sixth whose text no build has
        seen (no .cache/ entry serves it). The build records its ids (clause_ids.tsv, published_pages.tsv):
        git restores those, or the next run would find the sixth document's ids gone."""
        subprocess.run(["git", "-C", str(source), "checkout", "-q", "."], check=True)
        shutil.rmtree(edit_docs)
        shutil.copytree(five_docs, edit_docs)
        add_copy_of(source, ADDED_FROM, f"{ADDED_FROM}-added", f"新增{next(additions)}")

    added = paired(lambda: run(source, edit_docs), lambda: mkdocs(edit_docs, edit_site), add_a_document)
    rows = [
        ("cold (empty .cache/ and docs/)", cold),
        ("after an edit (one paragraph re-linked)", edit),
        ("an edit, the texts' git history kept", edit_history),
        ("a document added (its sentences linked)", added),
        ("unchanged (nothing written)", unchanged),
    ]
    for name, figures in rows:
        if figures is None:
            print(f"  {name:40s} not measured: this copy of the project is no git repository")
            continue
        ratio, gen, mk = figures
        print(f"  {name:40s} generate {gen:.3f} s, mkdocs build {mk:.2f} s: ratio {ratio:.3f}   (target <= 0.15)")
    return cold[1], cold[2], site


def print_cold_work(runs: list[tuple[float, float]], mkdocs_seconds: float) -> None:
    """The least time the cold generate's work could take on this machine's cores, as a ratio to the
    best mkdocs build stage: its CPU-seconds in all its processes over the cores it may use."""
    cpu = min(c for _, c in runs)
    cores = fork.usable_cores()
    print(
        f"  cold generate's work: {cpu:.2f} CPU-seconds in all its processes (the least of {len(runs)} runs; "
        f"{statistics.median(s for s, _ in runs):.3f} s wall, median); on {cores} core(s) it cannot take less than "
        f"{cpu / cores:.3f} s: ratio >= {cpu / cores / mkdocs_seconds:.3f} against the best mkdocs build stage"
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        print(f"real corpus ({REPEATS} runs each; seconds are the best run, ratios the median of paired runs):")
        print(" the generate stage vs the mkdocs build stage, each in a fresh process after its imports:")
        cold_runs: list[tuple[float, float]] = []  # (seconds, CPU-seconds) of each cold generate

        def stage_generate(source: Path, docs: Path) -> float:
            cold = not docs.exists() and not CACHE_DIR.exists()
            seconds, cpu = stage_figures("generate", source, docs)
            if cold:
                cold_runs.append((seconds, cpu))
            return seconds

        _, cold_mkdocs, _ = ratios(
            tmp / "stage", stage_generate, lambda docs, site: stage_in_fresh_process("mkdocs", docs, site)
        )
        print_cold_work(cold_runs, cold_mkdocs)
        print(" the generate stage (in this process) vs the mkdocs build command (the figure of earlier sessions):")
        gen, mk, site = ratios(tmp / "mixed", generate_here, mkdocs_command)
        print(" both as commands (python -m build_scripts generate vs mkdocs build, each starting Python):")
        ratios(tmp / "command", generate_command, mkdocs_command)
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
        for key, value in page_weight_report(site).items():
            print(f"  {key}: {value}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == STAGE_WORKER:
        stage_worker(*sys.argv[2:])
    else:
        main()
