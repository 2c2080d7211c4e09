"""Build every language into a staging folder and swap it in only when all succeeded.

The generator writes each language's docs tree and configuration (:mod:`generator.docs_tree`);
an engine builds them: MkDocs (default, with our plugin) or Zensical (which runs no MkDocs
plugin: the sanitiser is a Markdown extension both run, and the policy and sitemap steps run
here after it). The search index is built on each finished folder, whichever engine made it.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.core import generate
from generator.csp import with_policy
from generator.docs_tree import config_file, handwritten_pages, site_url_of, write_project
from generator.labels import load_labels
from generator.langs import Languages
from generator.search_site import build_search
from generator.site_folder import checked_site_dir, staged_site
from generator.site_output import add_policies, without_sitemap
from generator.theme_safety import UnsafeSetting, checked_plain_settings

#: The engines ``cs-playbook build --engine`` can run; the first is the default.
ENGINES = ("mkdocs", "zensical")


class BuildFailed(Exception):
    """An engine failed (the previous site is left as it was)."""


@dataclass
class BuildReport:
    """Seconds and page counts of a successful build."""

    seconds: dict[str, float] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    #: Per language: seconds of the search step after the engine, and the index's bytes.
    search_seconds: dict[str, float] = field(default_factory=dict)
    search_bytes: dict[str, int] = field(default_factory=dict)


def build_site(project_root: Path, site_dir: Path, engine: str = ENGINES[0]) -> BuildReport:
    """Validate, generate and build every language with ``engine``; then swap into ``site_dir``.

    Raises ContentErrors for invalid content, BuildFailed when an engine fails and
    SiteFolderError when ``site_dir`` is unsafe (a link, a file); ``site_dir`` is then untouched.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if engine not in ENGINES:
        raise BuildFailed(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    site = checked_site_dir(site_dir, project_root)  # before any work: refuse links early
    report = BuildReport()
    started = time.perf_counter()
    generated = generate(project_root)  # fail fast, with every content error at once
    try:
        write_project(project_root, generated)
    except UnsafeSetting as exc:
        raise BuildFailed(str(exc)) from None
    report.seconds["generate"] = time.perf_counter() - started
    with staged_site(site) as staging:
        for lang in generated.catalog.languages.codes:
            started = time.perf_counter()
            out = staging / lang
            if engine == "mkdocs":
                _mkdocs_build(project_root, out, lang)
            else:
                _zensical_build(project_root, out, lang)
            report.seconds[lang] = time.perf_counter() - started
            try:
                search = build_search(out, lang)
            except RuntimeError as exc:
                raise BuildFailed(f"{lang}: {exc}") from None
            report.search_seconds[lang] = search.seconds
            report.search_bytes[lang] = search.index_bytes
            report.pages[lang] = len(generated.pages[lang]) + len(
                handwritten_pages(project_root, lang)
            )
        (staging / "index.html").write_text(
            render_language_chooser(generated.catalog.languages), encoding="utf-8"
        )
    return report


def _mkdocs_build(project_root: Path, out: Path, lang: str) -> None:
    """Build one language with MkDocs and our plugin, strict."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    counter = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        config = load_config(str(config_file(project_root, lang)), site_dir=str(out), strict=True)
        plugin: Any = config.plugins["cs-playbook"]
        plugin.standalone = False  # the search index is built after the engine, below
        build(config)
    except MkDocsException as exc:
        # MkDocs logs a plugin's error and raises only "Aborted with a BuildError!".
        raise BuildFailed(f"{lang}: {counter.errors[-1] if counter.errors else exc}") from None
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    if counter.count:
        raise BuildFailed(f"{lang}: {counter.count} warning(s) in a strict build")


def _zensical_build(project_root: Path, out: Path, lang: str) -> None:
    """Build one language with Zensical (in its own process), then move its folder to ``out``
    and add what our MkDocs plugin would have: the content security policy, no sitemap
    without an address."""
    from mkdocs.config import load_config

    if importlib.util.find_spec("zensical") is None:
        raise BuildFailed('zensical is not installed: pip install -e ".[zensical]"')
    config_path = config_file(project_root, lang)
    config = load_config(str(config_path))  # the settings Zensical reads, merged as it does
    try:
        checked_plain_settings(config)
    except UnsafeSetting as exc:
        raise BuildFailed(f"{lang}: {exc}") from None
    built = Path(config.site_dir)
    if not built.resolve().is_relative_to(project_root.resolve()):
        raise BuildFailed(f"{lang}: site_dir of {config_path.name} leaves the project")
    shutil.rmtree(built, ignore_errors=True)
    command = [sys.executable, "-m", "zensical", "build", "--strict", "-f", config_path.name]
    done = subprocess.run(command, cwd=project_root, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (built / "index.html").is_file():
        message = (done.stderr or done.stdout).strip().splitlines()
        raise BuildFailed(f"{lang}: zensical: {message[-1] if message else done.returncode}")
    shutil.move(built, out)
    add_policies(out)
    if site_url_of(lang) is None:
        without_sitemap(out)


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
