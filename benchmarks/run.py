"""Build the site at 1×, 10× and 100× the shipped content and report costs per page.

Usage::

    python -m benchmarks.run                 # 1, 10, 100; writes the docs table
    python -m benchmarks.run --scales 1,10   # a quicker run
    python -m benchmarks.run --no-docs       # print only
    python -m benchmarks.run --one 100 DIR > 100.json   # one scale, kept in DIR (100×: about
                                                        # 30 min and 6.5 GB on 2 cores)
    python -m benchmarks.run --results 1.json 10.json 100.json   # the table from saved scales

Synthetic content is the real content copied N times: every page-producing item gets a
suffixed id (``health-score-7``) and a suffixed title, and its references point at the
copy's own items, so each copy is as rich and as cross-linked as the original, in both
languages. Each scale runs in its own process so that peak memory is that scale's alone.
The result is a Markdown table written between markers in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from generator.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
#: Kinds whose items are copied; site-level kinds (taxonomy, site, search, guides) stay single.
COPIED = {kind.name for kind in KINDS.values() if not kind.site_level}
#: Kinds whose ids a reference may name inside a copy (rewritten to the copy's ids).
RENAMED = COPIED | {"term"}
MARK_START = "<!-- benchmark:start -->"
MARK_END = "<!-- benchmark:end -->"


def replicate(target: Path, copies: int) -> None:
    """Write a project into ``target`` whose content is the real content ``copies`` times."""
    from generator.catalog import load_catalog
    from generator.kinds import declared_ids
    from generator.refs import iter_refs

    for name in ("mkdocs.yml", "docs", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        else:
            shutil.copy2(src, target / name)
    catalog = load_catalog(ROOT / "frameworks", ROOT)
    out = target / "frameworks"
    for (kind, item_id), source in catalog.sources.items():
        model = catalog.items[kind][item_id]
        if kind not in COPIED:
            dest = out / source.path.removeprefix("frameworks/")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / source.path, dest)
            continue
        for copy in range(copies):
            data = model.model_dump(mode="python", exclude_none=True)
            if copy:
                _suffix(data, copy, [loc for _, _, loc in declared_ids(model)])
                refs = [loc for k, _, loc in iter_refs(model) if k in RENAMED]
                _suffix(data, copy, refs)
                _retitle(data, copy)
            dest = out / kind / f"{item_id}-{copy}.yaml"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _suffix(data: dict[str, Any], copy: int, locations: list[tuple[str | int, ...]]) -> None:
    for loc in locations:
        node: Any = data
        for part in loc[:-1]:
            node = node[part]
        node[loc[-1]] = f"{node[loc[-1]]}-{copy}"


def _retitle(data: dict[str, Any], copy: int) -> None:
    title = data.get("title")
    if isinstance(title, dict):
        data["title"] = {lang: f"{text} {copy}" for lang, text in title.items()}
    for term in data.get("terms", []):
        term["term"] = {lang: f"{text} {copy}" for lang, text in term["term"].items()}
        term.pop("abbr", None)
        term.pop("expansion", None)


def generate_seconds_in_new_process(project: Path) -> float:
    """Seconds of the generator in a new process, with the template cache as it is.

    Run with the cache empty, that is the first build on a machine (or on a CI runner that
    keeps no cache); later builds find the compiled templates there
    (``generator/template_cache.py``).
    """
    cmd = [sys.executable, "-m", "benchmarks.run", "--generate", str(project)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"generate failed:\n{done.stderr[-4000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def _time_generate(project: Path) -> float:
    from generator.core import generate

    started = time.perf_counter()
    generate(project)
    return time.perf_counter() - started


def measure(project: Path) -> dict[str, Any]:
    """Generate and build ``project``; return timings, sizes and peak memory (this process).

    The template cache is a folder of its own under ``project``. The generator is timed
    in new processes, first with that cache empty, then with it filled.
    """
    from generator.core import generate
    from generator.docs_tree import write_project
    from generator.site_build import build_site
    from generator.template_cache import CACHE_ENV

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ[CACHE_ENV] = str(project / "build" / "template-cache")
    first_seconds = generate_seconds_in_new_process(project)
    generate_seconds = generate_seconds_in_new_process(project)
    report = build_site(project, project / "site")  # writes the docs trees, then builds
    rewritten = sum(
        len(tree.written) for tree in write_project(project, generate(project)).values()
    )
    search_seconds = sum(report.search_seconds.values())
    result: dict[str, Any] = {
        # The generator: content → Markdown ...
        "generate_seconds": generate_seconds,
        "first_generate_seconds": first_seconds,
        # ... and, apart, the search index built after MkDocs (generator/search_site.py).
        "search_seconds": search_seconds,
        "rewritten_on_rerun": rewritten,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "langs": {},
    }
    for lang in ("ja", "en"):
        site = project / "site" / lang
        pages = report.pages[lang]
        site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        result["langs"][lang] = {
            "pages": pages,
            "build_seconds": report.seconds[lang],
            "site_bytes_per_page": site_bytes / pages,
            "index_bytes": report.search_bytes[lang],
        }
    for lang, cost in first_queries(project / "site").items():
        result["langs"][lang].update(cost)
    result["total_seconds"] = (
        result["generate_seconds"]
        + search_seconds
        + sum(v["build_seconds"] for v in result["langs"].values())
    )
    return result


#: Queries typed on a freshly opened page (empty cache) at every scale; the costliest counts.
FIRST_QUERIES = {
    "ja": ["ヘルススコア", "解約を防ぐには"],
    "en": ["health score", "how to reduce churn"],
}


def first_queries(site: Path) -> dict[str, dict[str, float]]:
    """Bytes downloaded and milliseconds to the first result of a first query, per language
    (the most of :data:`FIRST_QUERIES`), in Chromium on a loopback server."""
    from playwright.sync_api import sync_playwright

    from tests.browser.score_search import CHROMIUM_ARGS, serve
    from tests.browser.search_probe import first_query_cost

    chromium = os.environ.get("CS_PLAYBOOK_CHROMIUM", "/usr/bin/chromium")
    out: dict[str, dict[str, float]] = {}
    with serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for lang, queries in FIRST_QUERIES.items():
            costs = [first_query_cost(browser, url, lang, q) for q in queries]
            out[lang] = {
                "first_query_bytes": max(c.search_bytes for c in costs),
                "first_result_ms": max(c.first_result_ms or float("inf") for c in costs),
            }
        browser.close()
    return out


def run_scale(copies: int) -> dict[str, Any]:
    """Run one scale in a fresh process and return its measurements."""
    with tempfile.TemporaryDirectory(prefix=f"cs-playbook-bench-{copies}x-") as tmp:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        cmd = [sys.executable, "-m", "benchmarks.run", "--one", str(copies), tmp]
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"scale {copies}× failed:\n{done.stderr[-4000:]}")
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["copies"] = copies
    return result


def table(results: list[dict[str, Any]]) -> str:
    """The Markdown table of all scales, with the ratios the goals are stated in."""
    lines = [
        "| scale | pages/lang | generator s | generator s, first build | search index s "
        "| MkDocs ja s | MkDocs en s | total s | generator share | share, first build "
        "| ours incl. search | ms/page | site KB/page ja | site KB/page en | index KB ja "
        "| index KB en | first query KB ja | first query KB en | first result ms ja "
        "| first result ms en | peak MB | files rewritten on a no-change run |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        ja, en = r["langs"]["ja"], r["langs"]["en"]
        per_page = r["total_seconds"] / (ja["pages"] + en["pages"]) * 1000
        r["ms_per_page"] = per_page
        first, total = r["first_generate_seconds"], r["total_seconds"]
        first_total = total - r["generate_seconds"] + first
        lines.append(
            f"| {r['copies']}× | {ja['pages']} | {r['generate_seconds']:.2f} | {first:.2f} "
            f"| {r['search_seconds']:.2f} "
            f"| {ja['build_seconds']:.2f} | {en['build_seconds']:.2f} | {total:.2f} "
            f"| {r['generate_seconds'] / total:.1%} | {first / first_total:.1%} "
            f"| {(r['generate_seconds'] + r['search_seconds']) / total:.1%} "
            f"| {per_page:.1f} "
            f"| {ja['site_bytes_per_page'] / 1024:.1f} | {en['site_bytes_per_page'] / 1024:.1f} "
            f"| {ja['index_bytes'] / 1024:.0f} | {en['index_bytes'] / 1024:.0f} "
            f"| {ja['first_query_bytes'] / 1024:.0f} | {en['first_query_bytes'] / 1024:.0f} "
            f"| {ja['first_result_ms']:.0f} | {en['first_result_ms']:.0f} "
            f"| {r['peak_mb']:.0f} | {r['rewritten_on_rerun']} |"
        )
    by_scale = {r["copies"]: r for r in results}
    if 10 in by_scale and 100 in by_scale:
        ratio = by_scale[100]["ms_per_page"] / by_scale[10]["ms_per_page"]
        lines.append("")
        lines.append(f"Cost per page at 100× ÷ cost per page at 10×: **{ratio:.2f}**")
    return "\n".join(lines)


def _saved(path: Path) -> dict[str, Any]:
    """One scale's measurements as ``--one`` printed them (the last line of its output)."""
    result: dict[str, Any] = json.loads(path.read_text("utf-8").strip().splitlines()[-1])
    return result


def write_docs(text: str) -> None:
    """Replace the table between the markers in ``benchmarks/README.md``."""
    page = ROOT / "benchmarks" / "README.md"
    body = page.read_text("utf-8")
    start, end = body.index(MARK_START) + len(MARK_START), body.index(MARK_END)
    stamp = time.strftime("%Y-%m-%d")
    page.write_text(f"{body[:start]}\n\n{text}\n\n({stamp})\n\n{body[end:]}", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated copy counts")
    parser.add_argument("--no-docs", action="store_true", help="print the table only")
    parser.add_argument("--one", nargs=2, metavar=("COPIES", "DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--generate", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument(
        "--results", nargs="+", type=Path, metavar="JSON", help="the table from saved --one runs"
    )
    args = parser.parse_args()
    if args.results:
        saved = [_saved(path) for path in args.results]
        text = table(sorted(saved, key=lambda r: r["copies"]))
        print(text)
        if not args.no_docs:
            write_docs(text)
        return
    if args.generate:
        print(_time_generate(Path(args.generate)))
        return
    if args.one:
        project = Path(args.one[1])
        replicate(project, int(args.one[0]))
        print(json.dumps({**measure(project), "copies": int(args.one[0])}))
        return
    results = []
    for copies in (int(s) for s in args.scales.split(",")):
        print(f"building {copies}× …", file=sys.stderr)
        results.append(run_scale(copies))
    text = table(results)
    print(text)
    if not args.no_docs:
        write_docs(text)


if __name__ == "__main__":
    main()
