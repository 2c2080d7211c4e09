"""The glossary kind: terms with definitions, formulas and abbreviations."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from generator.models.base import KpiRef, Model, Slug, TermRef, Text

Abbreviation = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9/&-]{0,15}$")]


class Term(Model):
    """One glossary entry; ``abbr`` becomes a hover tooltip on every page."""

    id: Slug
    term: Text
    abbr: Abbreviation | None = None
    expansion: str | None = None
    definition: Text
    formula: Text | None = None
    kpi: KpiRef | None = None
    related: list[TermRef] = Field(default_factory=list)


class Glossary(Model):
    """A file of glossary terms; every file's terms appear on ``site/<lang>/glossary/``."""

    kind: Literal["glossary"]
    id: Slug
    terms: list[Term] = Field(min_length=1)
