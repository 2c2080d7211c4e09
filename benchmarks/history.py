"""What reading the git history costs a build, at 1×, 10× and 100× the shipped content.

Usage::

    python -m benchmarks.history                  # 1, 10, 100
    python -m benchmarks.history --scales 1,10    # quicker

For each scale the real content is copied N times (as in ``benchmarks.run``), committed,
and then changed by ``--commits`` more commits (each changes one number in ten files).
Reported: the changed files the "what's new" page reads (bounded by ``MAX_COMMITS`` and
``MAX_FILE_CHANGES``), the seconds to date every page, to read and to compare the changed
files, and their share of a whole ``generate`` (which includes them).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.run import replicate
from generator.changes import _data, page_changes
from generator.core import CONTENT_FOLDER, generate
from generator.history import MAX_COMMITS, MAX_FILE_CHANGES, content_changes, head, last_changed
from generator.render import Renderer

_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
}


def _git(repo: Path, *args: str) -> None:
    env = dict(os.environ, **_ENV)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def make_repo(target: Path, copies: int, commits: int) -> None:
    """A replicated project with its first commit and ``commits`` number changes."""
    replicate(target, copies)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "content")
    files = sorted(
        path
        for path in (target / CONTENT_FOLDER).rglob("*.yaml")
        if "offset_days:" in path.read_text("utf-8")
    )
    for number in range(commits):
        for path in files[(number * 10) % len(files) :][:10]:
            text = path.read_text("utf-8")
            path.write_text(re.sub(r"offset_days: (-?\d+)", r"offset_days: \g<1>1", text, count=1))
        _git(target, "commit", "-q", "-am", f"change {number}")


def measure(project: Path) -> dict[str, float]:
    """Seconds of each history step, and of a whole ``generate`` for comparison."""
    content_changes.cache_clear()
    _data.cache_clear()
    started = time.perf_counter()
    generate(project)
    total = time.perf_counter() - started
    renderer = Renderer(generate(project).catalog, project)
    sources = renderer.sources()
    started = time.perf_counter()
    last_changed(project, set(sources.values()))
    dates = time.perf_counter() - started
    started = time.perf_counter()
    content_changes.cache_clear()
    changes = content_changes(project, CONTENT_FOLDER, head(project))
    read = time.perf_counter() - started
    pages_of: dict[str, list[str]] = {}
    for page, source in sources.items():
        pages_of.setdefault(source, []).append(page)
    _data.cache_clear()
    started = time.perf_counter()
    entries = page_changes(changes, pages_of)
    compare = time.perf_counter() - started
    return {
        "pages": len(sources),
        "files read": len(changes),
        "entries": len(entries),
        "dates s": dates,
        "read s": read,
        "compare s": compare,
        "generate s": total,
        "share": (dates + read + compare) / total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--commits", type=int, default=50)
    args = parser.parse_args()
    print(
        f"read at most: {MAX_COMMITS} commits, {MAX_FILE_CHANGES} changed files; "
        f"commits made after the first: {args.commits}"
    )
    columns = "pages | files read | entries | dates s | read s | compare s | generate s | share"
    print(f"| scale | {columns} |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for scale in (int(s) for s in args.scales.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder)
            make_repo(project, scale, args.commits)
            r = measure(project)
            print(
                f"| {scale}× | {r['pages']} | {r['files read']} | {r['entries']} "
                f"| {r['dates s']:.3f} | {r['read s']:.3f} | {r['compare s']:.3f} "
                f"| {r['generate s']:.2f} | {r['share']:.1%} |"
            )


if __name__ == "__main__":
    main()
