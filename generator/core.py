"""The generator's entry point: content folder → Markdown pages, nav and tooltips per language.

Plain Python with no MkDocs import; the CLI and the MkDocs plugin both call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.abbreviations import abbreviation_block
from generator.catalog import Catalog, load_catalog
from generator.gc_pause import without_gc_pauses
from generator.langs import LANGS
from generator.nav import NavEntry, build_nav
from generator.pages.templates_pages import downloads
from generator.render import Renderer

CONTENT_FOLDER = "frameworks"


@dataclass
class Generated:
    """Everything the site builds need, per language."""

    catalog: Catalog
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    nav: dict[str, list[NavEntry]] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    #: Files that are not pages (e.g. blank template downloads), per language.
    downloads: dict[str, dict[str, str]] = field(default_factory=dict)


def generate(project_root: Path, langs: tuple[str, ...] = LANGS) -> Generated:
    """Load and validate the content, then render every page in ``langs``.

    Raises ContentErrors (every problem at once) when the content is invalid.
    """
    with without_gc_pauses():
        catalog = load_catalog(project_root / CONTENT_FOLDER, project_root)
        renderer = Renderer(catalog, project_root)
        result = Generated(catalog=catalog, sources=renderer.sources())
        for lang in langs:
            result.pages[lang] = renderer.render_all(lang)
            result.nav[lang] = build_nav(catalog, lang)
            result.abbreviations[lang] = abbreviation_block(catalog, lang)
            result.downloads[lang] = downloads(catalog, lang)
    return result


@dataclass
class WriteReport:
    """What writing a Markdown tree changed."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def write_tree(out_dir: Path, pages: dict[str, str]) -> WriteReport:
    """Write ``{path: markdown}`` under ``out_dir``, touching only files whose bytes change.

    Markdown files under ``out_dir`` that are no longer generated are removed.
    """
    report = WriteReport()
    root = out_dir.resolve()
    for rel, text in sorted(pages.items()):
        target = (root / rel).resolve()
        if not target.is_relative_to(root):
            raise ValueError(f"page path {rel!r} leaves the output folder")
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        report.written.append(rel)
    if root.is_dir():
        for existing in sorted(root.rglob("*.md")):
            rel = existing.relative_to(root).as_posix()
            if rel not in pages:
                existing.unlink()
                report.removed.append(rel)
    return report
