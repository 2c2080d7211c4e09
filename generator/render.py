"""Render page specs to Markdown with one Jinja2 environment per project.

Templates are looked up in the project's override folder first, then in the package.
Every printed value passes through the Markdown safety filter unless it is ``Markup``.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.catalog import Catalog
from generator.labels import load_labels
from generator.links import Linker
from generator.markdown_safety import safe_text, table_cell
from generator.pages import PageSpec, plan_pages
from generator.template_cache import bytecode_cache

#: Folder (relative to the project) whose templates override the package's.
OVERRIDE_FOLDER = "page-templates"


def format_number(value: Any) -> str:
    """80.0 → "80", 1.5 → "1.5", 1000 → "1,000"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, bool) or value is None:
        raise TypeError(f"template printed {value!r}; print text or numbers only")
    if isinstance(value, int | float):
        return format_number(value)
    return safe_text(str(value).rstrip())


def _fmt(pattern: str, **values: Any) -> Markup:
    """Fill a label's {placeholders}; the values are made safe first."""
    safe = {k: v if isinstance(v, Markup) else _finalize(v) for k, v in values.items()}
    return Markup(pattern.format(**safe))


def _day_text(day: date, labels: Any) -> str:
    """A date in the words of the labels' language (``2026年12月3日``, ``December 3, 2026``)."""
    month_name = labels.dates.months[day.month - 1]
    return str(labels.dates.format).format(
        year=day.year, month=day.month, day=day.day, month_name=month_name
    )


def _script_json(value: Any) -> Markup:
    """JSON safe inside <script type="application/json">: no <, > or & can close the tag."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _front_matter_text(value: str) -> Markup:
    return Markup(json.dumps(" ".join(safe_text(value).split()), ensure_ascii=False))


@lru_cache(maxsize=8)
def make_environment(project_root: Path | None = None) -> Environment:
    """The Jinja2 environment: strict undefined, safety finalizer, override folder first.

    Cached per project, so compiled templates are reused across renders in one process.
    """
    loaders: list[Any] = []
    if project_root is not None and (project_root / OVERRIDE_FOLDER).is_dir():
        loaders.append(FileSystemLoader(str(project_root / OVERRIDE_FOLDER)))
    loaders.append(PackageLoader("generator", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a run; skip a stat per include
        bytecode_cache=bytecode_cache(),
    )
    env.filters["cell"] = lambda v: Markup(table_cell(str(v)))
    env.filters["fm"] = _front_matter_text
    env.filters["num"] = format_number
    env.filters["h"] = lambda v: Markup.escape(str(v))
    env.filters["day"] = _day_text
    env.filters["line"] = lambda v: Markup(" ".join(safe_text(str(v)).split()))
    env.filters["link_label"] = lambda v: Markup(
        table_cell(str(v)).replace("[", "\\[").replace("]", "\\]")
    )
    env.filters["script_json"] = _script_json
    env.globals["fmt"] = _fmt
    return env


class Renderer:
    """Renders every page of a catalog in one language."""

    def __init__(self, catalog: Catalog, project_root: Path | None = None) -> None:
        self.catalog = catalog
        self.env = make_environment(project_root)
        self.pages = plan_pages(catalog)
        #: ``{content file: day of its last commit}``; pages made from a file show it.
        self.dates: dict[str, date] = {}

    def render_page(self, spec: PageSpec, lang: str) -> str:
        """Markdown of one page in one language."""
        template = self.env.get_template(f"pages/{spec.template}")
        context = dict(spec.context)
        context.update(lang=lang, t=load_labels(lang), ln=Linker(spec.path, self.catalog, lang))
        text = template.render(context)
        day = self.dates.get(spec.source) if spec.source else None
        if day is not None:
            stamp = self.env.get_template("partials/last_changed.md.j2")
            text = f"{text.rstrip()}\n{stamp.render(t=context['t'], day=day)}"
        return text

    def render_all(self, lang: str) -> dict[str, str]:
        """``{path: markdown}`` of every page in one language."""
        return {spec.path: self.render_page(spec, lang) for spec in self.pages}

    def sources(self) -> dict[str, str]:
        """``{page path: content file}`` for the pages made from one file (edit links)."""
        return {spec.path: spec.source for spec in self.pages if spec.source}
