"""Where each kind of item lives in the generated Markdown tree, and links between pages."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.kinds import KINDS
from generator.markdown_safety import safe_text

#: kind → page that holds every item of that kind, each under its own anchor.
ANCHOR_PAGES: dict[str, str] = {
    "term": "glossary/index.md",
    "group": "frameworks/index.md",
    "tag": "tags/index.md",
}


def target_of(kind: str, item_id: str) -> str:
    """The Markdown path (with ``#anchor`` for anchored kinds) of an item."""
    declared = KINDS.get(kind)
    if declared is not None and declared.pages:
        return f"{declared.pages}/{item_id}.md"
    if declared is not None and declared.page:
        return declared.page
    if kind in ANCHOR_PAGES:
        return f"{ANCHOR_PAGES[kind]}#{item_id}"
    raise KeyError(f"no page for kind {kind!r}")


def relative(from_page: str, target: str) -> str:
    """A link from one Markdown page to another path, relative like MkDocs expects.

    Both are clean paths below the docs root (no ``.`` or ``..`` parts), so this is
    ``posixpath.relpath`` without its calls to ``abspath`` (measured: an eighth of the
    render time at 100× the content).
    """
    path, _, anchor = target.partition("#")
    base = from_page.split("/")[:-1]
    parts = path.split("/")
    common = 0
    for mine, theirs in zip(base, parts, strict=False):
        if mine != theirs:
            break
        common += 1
    rel = "/".join([".."] * (len(base) - common) + parts[common:]) or "."
    return f"{rel}#{anchor}" if anchor else rel


def title_of(item: Any, lang: str) -> str:
    """The display name of any item: title, term, or name."""
    for attr in ("title", "term", "name"):
        text = getattr(item, attr, None)
        if text is not None:
            return str(text(lang))
    return str(getattr(item, "id", "?"))


class Linker:
    """Builds links from one page; given to templates as ``ln``."""

    def __init__(self, page: str, catalog: Any, lang: str) -> None:
        self.page = page
        self.catalog = catalog
        self.lang = lang

    def href(self, kind: str, item_id: str) -> Markup:
        """Relative URL of an item's page (or anchor)."""
        return Markup(relative(self.page, target_of(kind, item_id)))

    def path(self, target: str) -> Markup:
        """Relative URL of a Markdown path in the tree (e.g. ``glossary/index.md``)."""
        return Markup(relative(self.page, target))

    def to(self, kind: str, item_id: str) -> Markup:
        """A Markdown link ``[title](url)`` to an item."""
        title = safe_text(title_of(self.catalog.get(kind, item_id), self.lang))
        title = title.replace("[", "\\[").replace("]", "\\]")
        return Markup(f"[{title}]({self.href(kind, item_id)})")

    def title(self, kind: str, item_id: str) -> str:
        """The display name of an item (plain text; printed through the safety filter)."""
        return title_of(self.catalog.get(kind, item_id), self.lang)
