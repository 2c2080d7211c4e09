"""Time ``cs-playbook serve`` on a copy of the real content: start, and edit → page.

Usage::

    python -m benchmarks.serve_reload              # 8 edits, Japanese, MkDocs, 1×
    python -m benchmarks.serve_reload --edits 12 --lang en
    python -m benchmarks.serve_reload --engine zensical --scale 10

It starts ``serve`` in a new process on a free port, and reports the seconds until the
address line, until the first page answers, and, for each edit of a summary in
``frameworks/frameworks/health-score.yaml``, the seconds from saving the file to the page
answering with the new text (median, range, and the median as a share of the first build).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from benchmarks.run import replicate
from generator.langs import SHIPPED
from generator.site_build import ENGINES

ROOT = Path(__file__).resolve().parent.parent
EDITED = "frameworks/frameworks/health-score.yaml"
#: The same framework in a scaled copy (written by ``benchmarks.run.replicate``).
EDITED_SCALED = "frameworks/framework/health-score-0.yaml"
PAGE = "frameworks/health-score/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def copy_project(work: Path, scale: int = 1) -> Path:
    """A copy of the project's sources in ``work/project``, its content ``scale`` times."""
    project = work / "project"
    project.mkdir(parents=True)
    if scale > 1:
        replicate(project, scale)
        return project
    for source in ROOT.iterdir():
        if source.name in ("frameworks", "docs", "overrides"):
            shutil.copytree(source, project / source.name)
        elif source.name.startswith("mkdocs.") and source.suffix == ".yml":
            shutil.copy2(source, project / source.name)
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=8)
    parser.add_argument("--lang", default=SHIPPED.default, choices=SHIPPED.codes)
    parser.add_argument("--engine", default=ENGINES[0], choices=ENGINES)
    parser.add_argument("--scale", type=int, default=1, help="copies of the content")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        project = copy_project(Path(tmp), args.scale)
        port = free_port()
        # MkDocs is served under the language's folder; Zensical serves the language at /.
        prefix = f"/{args.lang}" if args.engine == "mkdocs" else ""
        url = f"http://127.0.0.1:{port}{prefix}/{PAGE}"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        cmd = [sys.executable, "-m", "generator", "--project", str(project), "serve"]
        started = time.perf_counter()
        server = subprocess.Popen(
            [*cmd, "--lang", args.lang, "--port", str(port), "--engine", args.engine],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        lines: list[str] = []
        address_at: list[float] = []

        def read() -> None:
            assert server.stdout is not None
            for line in server.stdout:
                if line.startswith("serving ") and not address_at:
                    address_at.append(time.perf_counter() - started)
                lines.append(line.rstrip())

        threading.Thread(target=read, daemon=True).start()
        try:
            while not fetch(url):
                time.sleep(0.05)
            first_page = time.perf_counter() - started
            built = next(
                (float(m[1]) for line in lines if (m := re.match(r"built in ([\d.]+) s", line))),
                first_page,
            )
            source = project / (EDITED if args.scale == 1 else EDITED_SCALED)
            text = source.read_text("utf-8")
            times = []
            for n in range(args.edits):
                marker = f"edit-marker-{n}"
                edited = text.replace("  en: Combine usage", f"  en: {marker} Combine usage")
                edited = edited.replace("  ja: 利用状況", f"  ja: {marker} 利用状況")
                source.write_text(edited, "utf-8")
                saved = time.perf_counter()
                while marker not in fetch(url):
                    time.sleep(0.02)
                times.append(time.perf_counter() - saved)
                time.sleep(0.5)  # the next edit is a new save, not part of this one
        finally:
            server.terminate()
            server.wait(timeout=10)
    median = statistics.median(times)
    print(f"{args.engine}, {args.lang}, {args.scale}×")
    print(f"address line after   {address_at[0] if address_at else float('nan'):.2f} s")
    print(f"first page after     {first_page:.2f} s (first build {built:.2f} s)")
    print(
        f"edit → page          median {median:.2f} s over {len(times)} edits "
        f"(range {min(times):.2f}–{max(times):.2f} s), {median / built:.0%} of the first build"
    )
    print("serve said:", *[f"  {line}" for line in lines[:6]], sep="\n")


if __name__ == "__main__":
    main()
