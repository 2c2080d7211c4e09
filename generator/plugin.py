"""MkDocs plugin: generate one language's pages from the YAML content and add them to the build.

All language-specific settings (docs folder, site URL, theme language, edit links) are
derived here from the single ``lang`` option, so ``mkdocs.yml`` stays one file.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.core import CONTENT_FOLDER, Generated, generate
from generator.csp import with_policy
from generator.errors import ContentErrors
from generator.html_safety import sanitize_html
from generator.labels import load_labels
from generator.nav import nav_paths
from generator.search_site import build_search, search_rules
from generator.site_languages import language_switch, project_languages
from generator.theme_safety import (
    UnsafeSetting,
    escape_meta,
    secure_settings,
    theme_text,
    url_path,
)

#: MkDocs shows this logger's records with its own (``mkdocs build -v`` for the debug ones).
log = logging.getLogger("mkdocs.plugins.cs_playbook")


class CsPlaybookConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``cs-playbook`` plugin in ``mkdocs.yml``."""

    #: One of the languages the site document names (checked when the build starts); empty:
    #: the default one.
    lang = c.Type(str, default="")


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
        #: Of ``seconds``, the part spent sanitising page HTML (measured by benchmarks).
        self.sanitize_seconds = 0.0
        #: Under ``serve`` pages carry no CSP: live reload injects a changing inline script.
        self.serving = False
        #: Set by ``cs-playbook serve``: pages come from files, rebuilds are incremental.
        self.session: Any = None

    @property
    def _content(self) -> Generated:
        """The generated content of the current build (set by ``on_config``)."""
        if self.generated is None:
            raise PluginError("cs-playbook: a build hook ran before on_config generated the pages")
        return self.generated

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        started = time.perf_counter()
        self.seconds = self.sanitize_seconds = 0.0
        self.root = Path(config.config_file_path).resolve().parent
        preset = self.preset
        languages = preset.catalog.languages if preset else project_languages(self.root)
        lang = self.config.lang = self.config.lang or languages.default
        if lang not in languages.codes:
            raise PluginError(f"cs-playbook: {languages.unknown(lang)}")
        try:
            secure_settings(config)
        except UnsafeSetting as exc:
            raise PluginError(str(exc)) from None
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
            log.debug(
                "generated %d %s pages from %s", len(self.generated.pages[lang]), lang, self.root
            )
        docs_dir = self.root / "docs" / lang
        config.docs_dir = str(docs_dir)
        config.site_url = _language_url(config.site_url, lang) if config.site_url else None
        if not config.repo_url:
            config.edit_uri = None  # else MkDocs makes edit links relative to the page
        config.theme["language"] = lang
        self.handwritten = sorted(
            p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")
        )
        config.extra["search_labels"] = load_labels(lang).search  # the search box's words
        config.extra["alternate"] = language_switch(languages)
        config.nav = list(self._content.nav[lang])
        if self.handwritten:
            config.nav.append({load_labels(lang).nav.about: self.handwritten})
        self.seconds += time.perf_counter() - started
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        lang = self.config.lang
        for src in files:
            if src.src_uri.endswith(".md"):
                src.edit_uri = url_path(f"docs/{lang}/{src.src_uri}")
        in_nav = nav_paths(self._content.nav[lang])
        for path in sorted(self._content.pages[lang]):
            # Explicit, so MkDocs's default exclusions (e.g. "/templates/") never hide a page.
            inclusion = InclusionLevel.INCLUDED if path in in_nav else InclusionLevel.NOT_IN_NAV
            # Handed to MkDocs from memory: nothing to write, nothing stale left on disk.
            if self.session is not None:
                source = {"abs_src_path": self.session.source_of(path)}
            else:
                source = {"content": self._content.pages[lang][path]}
            file = File.generated(config, path, inclusion=inclusion, **source)
            yaml_source = self._content.sources.get(path)
            file.edit_uri = url_path(yaml_source) if yaml_source else None
            files.append(file)
        self.seconds += time.perf_counter() - started
        return files

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        return env if self.session is None else self.session.theme_env(env)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        _escape_section_titles(nav.items)
        if self.session is not None:
            self.session.pages_known(nav, config)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        started = time.perf_counter()
        text = f"{markdown}\n\n{self._content.abbreviations[self.config.lang]}"
        self.seconds += time.perf_counter() - started
        return text

    @event_priority(-100)  # last, so the HTML of every other plugin is sanitised too
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        started = time.perf_counter()
        # Titles and front matter reach the theme's raw prints (nav, <title>, meta tags).
        escape_meta(page.meta)
        if page.title is not None:
            page.title = theme_text(page.title)
        clean = sanitize_html(html)
        spent = time.perf_counter() - started
        self.sanitize_seconds += spent
        self.seconds += spent
        return clean

    @event_priority(-100)  # last, so every other plugin's output is covered
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.serving:
            return output
        # Inline scripts outside the content are the theme's own: only those are hashed.
        trusted = output.replace(page.content, "", 1) if page.content else output
        return with_policy(output, trusted)

    @event_priority(-100)
    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if self.serving or not template_name.endswith(".html"):
            return output
        return with_policy(output, output)  # 404.html: the theme's alone

    def on_post_build(self, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        if self.standalone:
            lang = self.config.lang
            search = build_search(
                Path(config.site_dir), lang, search_rules(self._content.catalog, lang)
            )
            log.debug("search index: %d bytes in %.2f s", search.index_bytes, search.seconds)
        if not config.site_url:
            # A sitemap needs absolute addresses; without a site address there is none to give.
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(config.site_dir) / name).unlink(missing_ok=True)
        for rel, text in self._content.downloads[self.config.lang].items():
            target = Path(config.site_dir) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        self.seconds += time.perf_counter() - started

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.root / CONTENT_FOLDER))
        return server


def _escape_section_titles(items: list[Any]) -> None:
    """Escape the titles of sections and links (pages are escaped when rendered)."""
    for item in items:
        if not item.is_page and item.title is not None:
            item.title = theme_text(item.title)
        if item.children:
            _escape_section_titles(item.children)


def _language_url(site_url: str, lang: str) -> str:
    """The address of one language's site: ``<site_url>/<lang>/`` (once, if already there)."""
    base = site_url.rstrip("/")
    return f"{base}/" if base.endswith(f"/{lang}") else f"{base}/{lang}/"
