"""MkDocs plugin: secure a MkDocs build of one language's generated docs tree.

The pages are files written by ``cs-playbook generate`` (:mod:`generator.docs_tree`); the
plugin adds what only a MkDocs build can: escaping of the theme's raw prints, edit links to
the YAML sources, the content security policy and, run on its own, the search index.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.csp import with_policy
from generator.search_site import build_search
from generator.site_output import without_sitemap
from generator.theme_safety import (
    UnsafeSetting,
    checked_link,
    escape_meta,
    secure_settings,
    theme_text,
    url_path,
)

#: MkDocs shows this logger's records with its own (``mkdocs build -v`` for the debug ones).
log = logging.getLogger("mkdocs.plugins.cs_playbook")


class CsPlaybookConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``cs-playbook`` plugin in ``mkdocs.yml``."""

    #: The path of the repository's web editor after ``repo_url`` (MkDocs's own
    #: ``edit_uri`` would point every page at the generated tree, not at its source).
    edit_path = c.Type(str, default="edit/main/")


class CsPlaybookPlugin(BasePlugin[CsPlaybookConfig]):  # type: ignore[no-untyped-call]
    """Secures one language's MkDocs build of the generated docs tree.

    It changes no setting: the docs folder, language, sidebar and address come from the
    language's configuration files (see :mod:`generator.docs_tree`). It checks the URL
    settings, escapes what the theme prints raw, sets each page's edit link to the file it
    is made from, adds the content security policy and, when MkDocs runs on its own, builds
    the search index after the site.
    """

    def __init__(self) -> None:
        self.root = Path.cwd()
        #: False when ``cs-playbook build`` builds the search index itself after MkDocs.
        self.standalone = True
        #: Under ``serve`` pages carry no CSP: live reload injects a changing inline script.
        self.serving = False
        #: Set by ``cs-playbook serve``: rebuilds are incremental.
        self.session: Any = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        try:
            secure_settings(config)
            checked_link("edit_path", self.config.edit_path)
        except UnsafeSetting as exc:
            raise PluginError(str(exc)) from None
        return config

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
        page.edit_url = self._edit_url(page, config)
        return markdown

    def _edit_url(self, page: Page, config: MkDocsConfig) -> str | None:
        """The repository address of the file a page is made from: its YAML source, or the
        hand-written page; None without a repository or for pages made of many files."""
        if not config.repo_url:
            return None
        source = page.meta.get("source")
        handwritten = f"docs/{config.theme['language']}/{page.file.src_uri}"
        if not isinstance(source, str):
            source = handwritten if (self.root / handwritten).is_file() else None
        if source is None:
            return None
        edit_path = self.config.edit_path.strip("/")
        base = urljoin(config.repo_url.rstrip("/") + "/", edit_path + "/")
        return base + url_path(source)

    @event_priority(-100)  # last, so what other plugins set is escaped too
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Titles and front matter reach the theme's raw prints (nav, <title>, meta tags).
        # The page's own HTML was sanitised as the last step of Markdown
        # (generator.markdown_sanitizer), whichever engine ran it.
        escape_meta(page.meta)
        if page.title is not None:
            page.title = theme_text(page.title)
        return html

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
        site_dir = Path(config.site_dir)
        if self.standalone:
            search = build_search(site_dir, config.theme["language"])
            log.debug("search index: %d bytes in %.2f s", search.index_bytes, search.seconds)
        if not config.site_url:
            without_sitemap(site_dir)


def _escape_section_titles(items: list[Any]) -> None:
    """Escape the titles of sections and links (pages are escaped when rendered)."""
    for item in items:
        if not item.is_page and item.title is not None:
            item.title = theme_text(item.title)
        if item.children:
            _escape_section_titles(item.children)
