"""Build both language sites into a staging folder and swap it in only when all succeeded."""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.core import Generated, generate
from generator.csp import with_policy
from generator.labels import load_labels
from generator.langs import Languages
from generator.search_site import build_search, search_rules
from generator.site_folder import checked_site_dir, staged_site


class BuildFailed(Exception):
    """A MkDocs build failed (the previous site is left as it was)."""


@dataclass
class BuildReport:
    """Timings and page counts of a successful build."""

    seconds: dict[str, float] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    #: Of each language's seconds, those spent in our plugin rather than in MkDocs, and
    #: those spent building the search index after MkDocs (and its size in bytes).
    plugin_seconds: dict[str, float] = field(default_factory=dict)
    search_seconds: dict[str, float] = field(default_factory=dict)
    search_bytes: dict[str, int] = field(default_factory=dict)


def build_site(project_root: Path, site_dir: Path) -> BuildReport:
    """Validate, generate and build every language with ``--strict``; then swap into ``site_dir``.

    Raises ContentErrors for invalid content, BuildFailed when MkDocs fails and
    SiteFolderError when ``site_dir`` is unsafe (a link, a file); ``site_dir`` is then untouched.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site = checked_site_dir(site_dir, project_root)  # before any work: refuse links early
    report = BuildReport()
    started = time.perf_counter()
    generated = generate(project_root)  # fail fast, with every content error at once
    report.seconds["generate"] = time.perf_counter() - started
    with staged_site(site) as staging:
        for lang in generated.catalog.languages.codes:
            started = time.perf_counter()
            plugin_seconds = _mkdocs_build(project_root, staging / lang, lang, generated)
            report.plugin_seconds[lang] = plugin_seconds
            report.seconds[lang] = time.perf_counter() - started
            # The search index is built on the finished folder, after MkDocs.
            try:
                search = build_search(staging / lang, lang, search_rules(generated.catalog, lang))
            except RuntimeError as exc:
                raise BuildFailed(f"{lang}: {exc}") from None
            report.search_seconds[lang] = search.seconds
            report.search_bytes[lang] = search.index_bytes
            report.pages[lang] = len(generated.pages[lang]) + _count_handwritten(project_root, lang)
        (staging / "index.html").write_text(
            render_language_chooser(generated.catalog.languages), encoding="utf-8"
        )
    return report


def _count_handwritten(project_root: Path, lang: str) -> int:
    return sum(1 for _ in (project_root / "docs" / lang).rglob("*.md"))


def _mkdocs_build(project_root: Path, out: Path, lang: str, generated: Generated) -> float:
    """Build one language; return the seconds our plugin spent inside it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    counter = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        config = load_config(str(project_root / "mkdocs.yml"), site_dir=str(out), strict=True)
        plugin: Any = config.plugins["cs-playbook"]
        plugin.config.lang = lang
        plugin.preset = generated
        build(config)
    except MkDocsException as exc:
        # MkDocs logs a plugin's error and raises only "Aborted with a BuildError!".
        raise BuildFailed(f"{lang}: {counter.errors[-1] if counter.errors else exc}") from None
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    if counter.count:
        raise BuildFailed(f"{lang}: {counter.count} warning(s) in a strict build")
    return float(plugin.seconds)


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())


def render_language_chooser(languages: Languages) -> str:
    """``site/index.html``: sends readers to their browser's language, links without JS."""
    env = Environment(
        loader=PackageLoader("generator", "templates"), undefined=StrictUndefined, autoescape=True
    )
    labels = {lang: load_labels(lang) for lang in languages.codes}
    template = env.get_template("site/index.html.j2")
    page = template.render(codes=list(languages.codes), labels=labels, default=languages.default)
    return with_policy(page, page)
