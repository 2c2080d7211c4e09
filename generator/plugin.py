"""MkDocs plugin: generate one language's pages from the YAML content and add them to the build.

All language-specific settings (docs folder, site URL, theme language, edit links) are
derived here from the single ``lang`` option, so ``mkdocs.yml`` stays one file.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import search_index
from generator.core import CONTENT_FOLDER, Generated, generate
from generator.errors import ContentErrors
from generator.labels import load_labels
from generator.langs import LANGS
from generator.nav import nav_paths
from generator.search_index import fold_pairs


class CsPlaybookConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``cs-playbook`` plugin in ``mkdocs.yml``."""

    lang = c.Choice(LANGS, default="ja")


class CsPlaybookPlugin(BasePlugin[CsPlaybookConfig]):  # type: ignore[no-untyped-call]
    """Adds the generated pages of one language to a MkDocs build."""

    def __init__(self) -> None:
        self.root = Path.cwd()
        self.generated: Generated | None = None
        #: Set by ``cs-playbook build`` to reuse content it already generated (used once).
        self.preset: Generated | None = None
        self.handwritten: list[str] = []
        #: Seconds this plugin itself spent in the last build (generating, handing the pages
        #: over, the search fields, downloads), so benchmarks count it as our cost, not MkDocs's;
        #: ``search_seconds`` is the part spent adding the Japanese search fields.
        self.seconds = 0.0
        self.search_seconds = 0.0

    def on_config(self, config: Any) -> Any:
        started = time.perf_counter()
        self.seconds = self.search_seconds = 0.0
        lang = self.config.lang
        self.root = Path(config.config_file_path).resolve().parent
        if self.preset is not None:
            self.generated, self.preset = self.preset, None
        else:
            try:
                self.generated = generate(self.root, (lang,))
            except ContentErrors as errors:
                raise PluginError(f"invalid content:\n{errors}") from None
        docs_dir = self.root / "docs" / lang
        config.docs_dir = str(docs_dir)
        config.site_url = _language_url(config.site_url, lang) if config.site_url else None
        if not config.repo_url:
            config.edit_uri = None  # else MkDocs makes edit links relative to the page
        config.theme["language"] = lang
        self.handwritten = sorted(
            p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")
        )
        about = load_labels(lang).nav.about
        config.nav = [*self.generated.nav[lang], {about: self.handwritten}]
        self.seconds += time.perf_counter() - started
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        assert self.generated is not None
        started = time.perf_counter()
        lang = self.config.lang
        for src in files:
            if src.src_uri.endswith(".md"):
                src.edit_uri = f"docs/{lang}/{src.src_uri}"
        in_nav = nav_paths(self.generated.nav[lang])
        for path in sorted(self.generated.pages[lang]):
            # Explicit, so MkDocs's default exclusions (e.g. "/templates/") never hide a page.
            inclusion = InclusionLevel.INCLUDED if path in in_nav else InclusionLevel.NOT_IN_NAV
            # Handed to MkDocs from memory: nothing to write, nothing stale left on disk.
            file = File.generated(
                config, path, content=self.generated.pages[lang][path], inclusion=inclusion
            )
            source = self.generated.sources.get(path)
            file.edit_uri = source if source else None
            files.append(file)
        self.seconds += time.perf_counter() - started
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        assert self.generated is not None
        started = time.perf_counter()
        text = f"{markdown}\n\n{self.generated.abbreviations[self.config.lang]}"
        self.seconds += time.perf_counter() - started
        return text

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config: Any) -> None:
        assert self.generated is not None
        started = time.perf_counter()
        catalog = self.generated.catalog
        variants = fold_pairs(
            (e.canonical, e.forms) for terms in catalog.of("search") for e in terms.equivalents
        )
        search_started = time.perf_counter()
        search_index.install(Path(config.site_dir), variants)
        self.search_seconds = time.perf_counter() - search_started
        if not config.site_url:
            # A sitemap needs absolute addresses; without a site address there is none to give.
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(config.site_dir) / name).unlink(missing_ok=True)
        for rel, text in self.generated.downloads[self.config.lang].items():
            target = Path(config.site_dir) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        self.seconds += time.perf_counter() - started

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        server.watch(str(self.root / CONTENT_FOLDER))
        return server


def _language_url(site_url: str, lang: str) -> str:
    """The address of one language's site: ``<site_url>/<lang>/`` (once, if already there)."""
    base = site_url.rstrip("/")
    return f"{base}/" if base.endswith(f"/{lang}") else f"{base}/{lang}/"
