"""The Atom feed of a language's "what's new" page (``feed.xml`` at the language's root)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from xml.etree import ElementTree

from generator.changes import PageChange

_ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(entries: list[tuple[PageChange, Any]], labels: Any, lang: str, site_name: str) -> str:
    """Atom XML: one entry per page and day, newest first, links relative to the feed.

    Links are relative (resolved against the feed's own address), so the feed works
    wherever the site is served; ids are ``urn:`` names that never change with the host.
    """
    ElementTree.register_namespace("", _ATOM)
    feed = ElementTree.Element(f"{{{_ATOM}}}feed", {"xml:lang": lang})
    _text(feed, "title", labels.changes.feed_title.format(site=site_name))
    _text(feed, "id", f"urn:cs-playbook:{lang}:changes")
    newest = entries[0][0].day if entries else date(1970, 1, 1)
    _text(feed, "updated", _stamp(newest))
    ElementTree.SubElement(feed, f"{{{_ATOM}}}link", {"rel": "alternate", "href": "changes/"})
    ElementTree.SubElement(feed, f"{{{_ATOM}}}link", {"rel": "self", "href": "feed.xml"})
    author = ElementTree.SubElement(feed, f"{{{_ATOM}}}author")
    _text(author, "name", site_name)
    for change, page_title in entries:
        title = page_title(lang) if page_title is not None else labels.nav.glossary
        summary = change.summary(labels, lang)
        entry = ElementTree.SubElement(feed, f"{{{_ATOM}}}entry")
        _text(entry, "title", labels.changes.feed_entry.format(title=title, summary=summary))
        _text(entry, "id", f"urn:cs-playbook:{lang}:{change.day.isoformat()}:{change.page}")
        _text(entry, "updated", _stamp(change.day))
        href = _page_url(change.page)
        ElementTree.SubElement(entry, f"{{{_ATOM}}}link", {"rel": "alternate", "href": href})
        _text(entry, "summary", summary)
    body = ElementTree.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, f"{{{_ATOM}}}{tag}").text = text


def _stamp(day: date) -> str:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).isoformat()


def _page_url(page: str) -> str:
    """The served URL of a Markdown page below the language root (directory URLs)."""
    if page == "index.md":
        return "./"
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"
