"""Build the real content with each engine at 1× and 10×: times, and which pages differ.

Usage::

    python -m benchmarks.engines                 # 1× and 10×
    python -m benchmarks.engines --scales 1

For each scale and engine, ``cs-playbook build --engine E`` runs twice in a new process on a
copy of the content: cold (nothing generated, no engine cache) and warm (nothing changed).
Wall and CPU seconds (the process and its children) are reported. Then the 1× sites are
compared page by page: the article of each page (the content, without the theme around it)
with whitespace folded; pages whose articles differ are listed with the first difference.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.serve_reload import copy_project
from generator.site_build import ENGINES

_ARTICLE = re.compile(r"<article class=\"md-content__inner md-typeset\"[^>]*>(.*)</article>", re.S)
_SPACE = re.compile(r"\s+")
#: Parts of an article that depend on the engine by design, not on the content.
_NOISE = [
    re.compile(r' data-pagefind-[a-z-]+(="[^"]*")?'),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r'<a id="__skip" tabindex="-1"></a>'),  # Zensical's skip-link target
]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path, engine: str) -> tuple[float, float]:
    """Wall and CPU seconds of one ``cs-playbook build --engine``."""
    cpu, started = _children_cpu(), time.perf_counter()
    command = [sys.executable, "-m", "generator", "--project", str(project), "build"]
    done = subprocess.run(
        [*command, "--engine", engine], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{engine} build failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started, _children_cpu() - cpu


def article(path: Path) -> str:
    """A page's article, whitespace folded, without engine-specific attributes."""
    found = _ARTICLE.search(path.read_text("utf-8"))
    text = found.group(1) if found else ""
    for noise in _NOISE:
        text = noise.sub("", text)
    return _SPACE.sub(" ", text).strip()


def first_difference(a: str, b: str, width: int = 70) -> str:
    pairs = enumerate(zip(a, b, strict=False))
    at = next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))
    start = max(0, at - 20)
    return f"mkdocs `{a[start : at + width]}` / zensical `{b[start : at + width]}`"


#: Differences between the engines that are known and harmless, each with why.
KNOWN = [
    (
        "Zensical shows the page's `tags` as chips (Material only with its tags plugin)",
        re.compile(r'<nav class="md-tags" >.*?</nav>', re.S),
        "",
    ),
    (
        "a link to an anchor on the same page is `#x` in Zensical, `./#x` in MkDocs",
        re.compile(r'href="\./#'),
        'href="#',
    ),
]


def compare(sites: dict[str, Path]) -> list[str]:
    """Markdown lines: how many pages differ in their article for each known reason, and
    each page whose article differs for another one."""
    mkdocs, zensical = sites["mkdocs"], sites["zensical"]
    pages = [
        p.relative_to(mkdocs)
        for p in sorted(mkdocs.rglob("index.html"))
        if p.relative_to(mkdocs).parts[1:2] != ("pagefind",)
    ]
    known = dict.fromkeys((why for why, _, _ in KNOWN), 0)
    other = []
    for rel in pages:
        if not (zensical / rel).is_file():
            other.append(f"- `{rel}`: missing in Zensical's build")
            continue
        a, b = article(mkdocs / rel), article(zensical / rel)
        for why, pattern, replacement in KNOWN:
            a2, b2 = pattern.sub(replacement, a), pattern.sub(replacement, b)
            if (a2, b2) != (a, b):
                known[why] += 1
            a, b = _SPACE.sub(" ", a2).strip(), _SPACE.sub(" ", b2).strip()
        if a != b:
            other.append(f"- `{rel}`: {first_difference(a, b)}")
    lines = [f"{len(pages)} pages compared (article of each, whitespace folded)"]
    lines += [f"- {count} pages: {why}" for why, count in known.items()]
    lines.append(f"- {len(other)} pages differ otherwise" + (":" if other else ""))
    return lines + other


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10")
    args = parser.parse_args()
    rows = [
        "| scale | engine | cold build s (CPU s) | warm rebuild s (CPU s) |",
        "| --- | --- | --- | --- |",
    ]
    differences: list[str] = []
    with tempfile.TemporaryDirectory(prefix="engines-bench-") as tmp:
        for scale in (int(s) for s in args.scales.split(",")):
            sites = {}
            for engine in ENGINES:
                project = copy_project(Path(tmp) / f"{engine}-{scale}", scale)
                cold = timed_build(project, engine)
                warm = timed_build(project, engine)
                rows.append(
                    f"| {scale}× | {engine} | {cold[0]:.1f} ({cold[1]:.1f}) "
                    f"| {warm[0]:.1f} ({warm[1]:.1f}) |"
                )
                sites[engine] = project / "site"
                print(rows[-1], flush=True)
            if scale == 1:
                differences = compare(sites)
    print("\n".join(rows))
    print()
    print("\n".join(differences))


if __name__ == "__main__":
    main()
