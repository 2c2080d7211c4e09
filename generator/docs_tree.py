"""The generated project on disk: one complete docs tree and one sidebar config per language.

``cs-playbook generate`` (and every build) writes, under ``build/``:

- ``docs/<lang>/``: every page as Markdown (generated pages and copies of the hand-written
  ``docs/<lang>/`` files, each with the language's abbreviations appended), the downloads
  (blank templates, the Atom feed) and the search rules, as ordinary files;
- ``config/<lang>.yml``: what of the MkDocs configuration is derived from content (the
  sidebar, the language list, the search box's words, the language's address). It inherits
  the base ``mkdocs.yml``; the small ``mkdocs.<lang>.yml`` at the project root inherits it.

So ``mkdocs build -f mkdocs.<lang>.yml`` (or Zensical) builds a language without our command,
and nothing changes configuration at run time. Only files whose bytes change are written; a
file no longer generated is removed, so a run without changes writes nothing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.core import Generated
from generator.errors import ContentError, ContentErrors
from generator.labels import load_labels
from generator.nav import nav_paths
from generator.search_site import RULES_FILE, search_rules
from generator.site_languages import language_switch
from generator.theme_safety import checked_web_url

#: Where the generated project goes, relative to the project root.
BUILD_FOLDER = "build"
HANDWRITTEN_FOLDER = "docs"

#: Environment variable holding the site's address (each language lives under ``<lang>/``).
SITE_URL_VARIABLE = "CS_PLAYBOOK_SITE_URL"

_FRONT_MATTER = "---\n"
_SMALL_CONFIG = """\
# The site in {name} ({lang}). `cs-playbook generate` writes its pages to build/docs/{lang}/ and
# what of the configuration comes from content (sidebar, language list) to build/config/{lang}.yml,
# which this file inherits; that one inherits mkdocs.yml. After it, `mkdocs build -f {file}`
# and `mkdocs serve -f {file}` work without our command. Settings of this language go here.
INHERIT: build/config/{lang}.yml
docs_dir: build/docs/{lang}
site_dir: build/site/{lang}
theme:
  language: {lang}
"""


@dataclass
class TreeReport:
    """What writing one language's tree changed (paths relative to the project root)."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def docs_dir(project_root: Path, lang: str) -> Path:
    """The generated docs tree of one language."""
    return project_root / BUILD_FOLDER / "docs" / lang


def config_file(project_root: Path, lang: str) -> Path:
    """The small per-language configuration at the project root (``mkdocs.<lang>.yml``)."""
    return project_root / f"mkdocs.{lang}.yml"


def site_url_of(lang: str) -> str | None:
    """The address of one language's site, from :data:`SITE_URL_VARIABLE`, or None.

    Raises UnsafeSetting when the address is not a plain http(s) address.
    """
    base = os.environ.get(SITE_URL_VARIABLE, "").strip().rstrip("/")
    if not base:
        return None
    checked_web_url(f"site_url ({SITE_URL_VARIABLE})", base)
    return f"{base}/" if base.endswith(f"/{lang}") else f"{base}/{lang}/"


def tree_files(project_root: Path, generated: Generated, lang: str) -> dict[str, bytes]:
    """``{path in the docs tree: bytes}`` of one language.

    Raises ContentErrors when a hand-written page has the path of a generated one.
    """
    abbreviations = generated.abbreviations[lang]

    def page(text: str, source: str | None = None) -> bytes:
        if source is not None and text.startswith(_FRONT_MATTER):
            # The file a page is made from, for its edit link (see generator.plugin).
            text = f"{_FRONT_MATTER}source: {json.dumps(source)}\n{text[len(_FRONT_MATTER) :]}"
        return (f"{text}\n\n{abbreviations}" if abbreviations else text).encode("utf-8")

    sources = generated.sources
    files = {rel: page(text, sources.get(rel)) for rel, text in generated.pages[lang].items()}
    handwritten = project_root / HANDWRITTEN_FOLDER / lang
    errors = []
    for path in (
        sorted(p for p in handwritten.rglob("*") if p.is_file()) if handwritten.is_dir() else []
    ):
        rel = path.relative_to(handwritten).as_posix()
        if rel in files:
            shown = path.relative_to(project_root).as_posix()
            errors.append(ContentError(shown, 1, 1, "-", f"{rel} is also a generated page"))
        elif path.suffix == ".md":
            files[rel] = page(path.read_text(encoding="utf-8"))
        elif path.name != ".gitkeep":
            files[rel] = path.read_bytes()
    if errors:
        raise ContentErrors(errors)
    for rel, text in generated.downloads[lang].items():
        files[rel] = text.encode("utf-8")
    rules = search_rules(generated.catalog, lang)
    # Compact: every reader's first search downloads it.
    compact = json.dumps(rules, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    files[RULES_FILE] = compact.encode("utf-8")
    return files


def handwritten_pages(project_root: Path, lang: str) -> list[str]:
    """The hand-written pages of one language (their own sidebar section), sorted."""
    folder = project_root / HANDWRITTEN_FOLDER / lang
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


def derived_config(project_root: Path, generated: Generated, lang: str) -> str:
    """``build/config/<lang>.yml``: the sidebar, the language list, the search box's words
    and the language's address, inheriting ``mkdocs.yml``."""
    labels = load_labels(lang)
    nav: list[Any] = list(generated.nav[lang])
    handwritten = handwritten_pages(project_root, lang)
    if handwritten:
        nav.append({labels.nav.about: handwritten})
    extra = {
        "alternate": language_switch(generated.catalog.languages),
        "search_labels": _plain(labels.search),
    }
    settings: dict[str, Any] = {"INHERIT": "../../mkdocs.yml"}
    url = site_url_of(lang)
    if url is not None:
        settings["site_url"] = url
    # Engines that serve watch this file too (it is inherited, not named on the command line).
    settings |= {"watch": [f"{BUILD_FOLDER}/config/{lang}.yml"], "extra": extra, "nav": nav}
    listed = nav_paths(generated.nav[lang])
    unlisted = sorted(rel for rel in generated.pages[lang] if rel not in listed)
    if unlisted:  # reached from their section's index, not from the sidebar
        settings["not_in_nav"] = "".join(f"/{rel}\n" for rel in unlisted)
    header = (
        "# Written by `cs-playbook generate` from the content: edit the content, not this file.\n"
    )
    return header + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=100)


def _plain(value: Any) -> Any:
    """Labels as plain dicts, for YAML."""
    data = getattr(value, "_data", value)
    if isinstance(data, dict):
        return {key: _plain(item) for key, item in data.items()}
    return data


def write_project(project_root: Path, generated: Generated) -> dict[str, TreeReport]:
    """Write the docs tree and derived config of every language ``generated`` holds (its
    language switch names all the site's languages); create a missing ``mkdocs.<lang>.yml``.
    Returns what changed per language.

    Raises ContentErrors for a hand-written page that clashes with a generated one and
    UnsafeSetting for an unsafe site address.
    """
    reports: dict[str, TreeReport] = {}
    for lang in generated.pages:
        report = TreeReport()
        files = {
            f"{BUILD_FOLDER}/docs/{lang}/{rel}": data
            for rel, data in tree_files(project_root, generated, lang).items()
        }
        files[f"{BUILD_FOLDER}/config/{lang}.yml"] = derived_config(
            project_root, generated, lang
        ).encode("utf-8")
        small = config_file(project_root, lang)
        if not small.exists():
            name = load_labels(lang).language_name
            files[small.name] = _SMALL_CONFIG.format(lang=lang, name=name, file=small.name).encode()
        _write_files(project_root, files, report)
        _remove_stale(project_root, docs_dir(project_root, lang), files, report)
        reports[lang] = report
    return reports


def _write_files(project_root: Path, files: dict[str, bytes], report: TreeReport) -> None:
    root = project_root.resolve()
    for rel, data in sorted(files.items()):
        target = root / rel
        if not target.resolve().is_relative_to(root):
            raise ValueError(f"generated path {rel!r} leaves the project")
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(target)  # a reader (a serving engine) never sees half a file
        report.written.append(rel)


def _remove_stale(
    project_root: Path, folder: Path, files: dict[str, bytes], report: TreeReport
) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        rel = path.relative_to(project_root).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            report.removed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
