"""The glossary kind: terms with definitions, formulas and abbreviations."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from generator.kana import is_kana
from generator.models.base import KpiRef, Model, Slug, TermRef, Text

Reading = Annotated[str, StringConstraints(pattern=r"^[\u3041-\u309f\u30a0-\u30ff]{1,80}$")]
Abbreviation = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9/&-]{0,15}$")]


class Term(Model):
    """One glossary entry; ``abbr`` becomes a hover tooltip on every page."""

    id: Slug
    term: Text
    #: How the Japanese term is read, in kana; it orders the Japanese glossary. Needed when
    #: the term (before any parenthesis) is not written in kana alone.
    reading: Reading | None = None
    abbr: Abbreviation | None = None
    expansion: str | None = None
    definition: Text
    formula: Text | None = None
    kpi: KpiRef | None = None
    related: list[TermRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _reading_when_not_kana(self) -> Term:
        # Digits and spaces sort the same however they are read.
        written = "".join(c for c in self.head_ja() if not (c.isspace() or c.isdigit()))
        if self.reading is None and not is_kana(written):
            raise ValueError(f"give a reading in kana for {self.head_ja()!r}")
        return self

    def head_ja(self) -> str:
        """The Japanese term without a parenthesised note ("チャーン（解約）" → "チャーン")."""
        return self.term.ja.split("（")[0].split("(")[0].strip()


class Glossary(Model):
    """A file of glossary terms; every file's terms appear on ``site/<lang>/glossary/``."""

    kind: Literal["glossary"]
    id: Slug
    terms: list[Term] = Field(min_length=1)
