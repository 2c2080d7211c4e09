"""Build both language sites into a staging folder and swap it in only when all succeeded."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.core import Generated, generate
from generator.labels import load_labels
from generator.langs import LANGS
from generator.search_site import build_search, search_rules

DEFAULT_LANG = "ja"


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

    Raises ContentErrors for invalid content and BuildFailed when MkDocs fails; in
    both cases ``site_dir`` is untouched.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    report = BuildReport()
    started = time.perf_counter()
    generated = generate(project_root)  # fail fast, with every content error at once
    report.seconds["generate"] = time.perf_counter() - started
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-staging-", dir=site_dir.parent))
    try:
        for lang in LANGS:
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
        (staging / "index.html").write_text(render_language_chooser(), encoding="utf-8")
        _swap(staging, site_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
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
        raise BuildFailed(f"{lang}: {exc}") from None
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    if counter.count:
        raise BuildFailed(f"{lang}: {counter.count} warning(s) in a strict build")
    return float(plugin.seconds)


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def render_language_chooser() -> str:
    """``site/index.html``: sends readers to their browser's language, links without JS."""
    env = Environment(
        loader=PackageLoader("generator", "templates"), undefined=StrictUndefined, autoescape=True
    )
    labels = {lang: load_labels(lang) for lang in LANGS}
    template = env.get_template("site/index.html.j2")
    return template.render(codes=list(LANGS), labels=labels, default=DEFAULT_LANG)


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with ``staging`` using renames (the old site stays until the end)."""
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
        site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(site_dir)
