"""What sanitising each page's HTML with nh3 costs: microseconds per page and share of a build.

Usage::

    python -m benchmarks.sanitize            # the shipped content
    python -m benchmarks.sanitize --copies 10

Builds the site once (both languages) in a temporary folder, keeping every page's HTML as it
came out of Markdown; then cleans those pages again ``--rounds`` times to time the sanitiser
alone, and reports bytes in and out, the cost per page and its share of the whole build.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.run import replicate
from generator import plugin
from generator.html_safety import sanitize_html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    pages: list[str] = []

    def keep(html: str) -> str:
        pages.append(html)
        return sanitize_html(html)

    plugin.sanitize_html = keep  # type: ignore[assignment]
    from generator.site_build import build_site

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        replicate(project, args.copies)
        started = time.perf_counter()
        build_site(project, project / "site")
        build_seconds = time.perf_counter() - started
    rounds = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        for html in pages:
            sanitize_html(html)
        rounds.append(time.perf_counter() - started)
    per_round = statistics.median(rounds)
    size_in = sum(len(p.encode()) for p in pages)
    size_out = sum(len(sanitize_html(p).encode()) for p in pages)
    print(f"pages: {len(pages)} (both languages), HTML {size_in:,} bytes in, {size_out:,} out")
    print(f"sanitise: {per_round / len(pages) * 1e6:.0f} µs per page (median of {args.rounds})")
    print(f"share of the build: {per_round / build_seconds:.1%} of {build_seconds:.2f} s")


if __name__ == "__main__":
    main()
