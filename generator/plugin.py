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
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.core import CONTENT_FOLDER, Generated, generate
from generator.errors import ContentErrors
from generator.labels import load_labels
from generator.langs import LANGS
from generator.nav import nav_paths
from generator.search_site import build_search, search_rules


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
        self.standalone = True
        #: Seconds this plugin itself spent in the last build (generating, handing the pages
        #: over, downloads), so benchmarks count it as our cost, not MkDocs's.
        self.seconds = 0.0

    def on_config(self, config: Any) -> Any:
        started = time.perf_counter()
        self.seconds = 0.0
        lang = self.config.lang
        self.root = Path(config.config_file_path).resolve().parent
        #: Run by MkDocs itself (``mkdocs build``, ``cs-playbook serve``), not by
        #: ``cs-playbook build``, which builds the search index after MkDocs on its own.
        self.standalone = self.preset is None
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
        config.theme["language"] = lang
        self.handwritten = sorted(
            p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")
        )
        about = load_labels(lang).nav.about
        config.extra["search_labels"] = load_labels(lang).search  # the search box's words
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

    def on_post_build(self, config: Any) -> None:
        assert self.generated is not None
        started = time.perf_counter()
        if self.standalone:
            lang = self.config.lang
            build_search(Path(config.site_dir), lang, search_rules(self.generated.catalog, lang))
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
