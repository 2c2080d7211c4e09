"""Score the built site's search on the held-out queries: recall@5 and MRR per language and split.

Run on a built site (``cs-playbook build``)::

    python -m tests.browser.score_search SITE_DIR [--queries tests/browser/search-heldout.yaml]

It serves the folder on loopback, types every query into the search box of a fresh Chromium
page per language, and prints one line per language and split, plus the misses.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from tests.browser.search_probe import open_search, rank_of, search

HELDOUT = Path(__file__).with_name("search-heldout.yaml")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def load_heldout(path: Path = HELDOUT) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """``{lang: {split: [{q, expect}, …]}}`` from the held-out file."""
    data: dict[str, dict[str, list[dict[str, Any]]]] = yaml.safe_load(path.read_text("utf-8"))
    return data


def score(rows: list[dict[str, Any]]) -> dict[str, float]:
    """recall@5 and mean reciprocal rank (0 for a query whose page is not in the results)."""
    if not rows:
        return {"recall_at_5": 0.0, "mrr": 0.0, "queries": 0}
    hits = sum(1 for r in rows if r["rank"] is not None and r["rank"] <= 5)
    mrr = sum(1 / r["rank"] for r in rows if r["rank"]) / len(rows)
    return {"recall_at_5": hits / len(rows), "mrr": mrr, "queries": len(rows)}


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The folder served on a free loopback port; yields its address."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run(site: Path, queries: Path, chromium: str) -> dict[str, Any]:
    """Every query of every language and split; returns the report."""
    from playwright.sync_api import sync_playwright

    heldout = load_heldout(queries)
    report: dict[str, Any] = {}
    with serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for lang, splits in heldout.items():
            page = browser.new_page()
            open_search(page, url, lang)
            other = "/en/" if lang == "ja" else "/ja/"
            for split, items in splits.items():
                rows = []
                for item in items:
                    outcome = search(page, str(item["q"]))
                    rows.append(
                        {
                            "q": item["q"],
                            "rank": rank_of(outcome.urls, [str(e) for e in item["expect"]]),
                            "top": [u.split(f"/{lang}/", 1)[-1] for u in outcome.urls[:3]],
                            "other_language": sum(other in u for u in outcome.urls),
                        }
                    )
                report[f"{lang}/{split}"] = {**score(rows), "rows": rows}
            page.close()
        browser.close()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--queries", type=Path, default=HELDOUT)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--json", type=Path, help="also write the full report here")
    args = parser.parse_args()
    report = run(args.site, args.queries, args.chromium)
    for key, part in report.items():
        misses = [
            f"{r['q']} ({r['rank'] or '-'}: {', '.join(r['top'])})"
            for r in part["rows"]
            if not (r["rank"] and r["rank"] <= 5)
        ]
        other = sum(r["other_language"] for r in part["rows"])
        print(
            f"{key}: recall@5 {part['recall_at_5']:.0%} ({part['queries']} queries), "
            f"MRR {part['mrr']:.2f}, other-language results {other}"
        )
        for miss in misses:
            print(f"    miss: {miss}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
