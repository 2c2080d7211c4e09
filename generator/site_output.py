"""Steps on a built language folder that do not depend on the engine that built it."""

from __future__ import annotations

import re
from pathlib import Path

from generator.csp import with_policy

#: A page's content: from the theme's article element to its last closing tag. Content is
#: sanitised by then (no runnable script survives), so whatever lies outside it is the theme's.
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*</article>', re.S)


def without_sitemap(site_dir: Path) -> None:
    """Remove the sitemap: it needs absolute addresses, and without a site address there
    are none to give."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)


def add_policies(site_dir: Path) -> int:
    """Give every HTML page of a folder built without our MkDocs plugin its content security
    policy, trusting only inline scripts outside the page's article. Returns the pages done."""
    count = 0
    for path in sorted(site_dir.rglob("*.html")):
        if path.is_relative_to(site_dir / "pagefind"):
            continue
        page = path.read_text(encoding="utf-8")
        path.write_text(with_policy(page, _ARTICLE.sub("", page, count=1)), encoding="utf-8")
        count += 1
    return count
