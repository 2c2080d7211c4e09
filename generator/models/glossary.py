"""The glossary kind: terms with definitions, formulas and abbreviations."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, model_validator

from generator.kana import is_kana
from generator.langs import Languages
from generator.models.base import KpiRef, Model, Slug, TermRef, Text

Reading = Annotated[str, StringConstraints(pattern=r"^[\u3041-\u309f\u30a0-\u30ff]{1,80}$")]
Abbreviation = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9/&-]{0,15}$")]


class Term(Model):
    """One glossary entry; ``abbr`` becomes a hover tooltip on every page."""

    id: Slug
    term: Text
    #: How the term is read, in kana, in the language whose glossary is indexed by kana
    #: (``glossary_index: kana``); it orders that glossary. Needed when the term (before any
    #: parenthesis) is not written in kana alone.
    reading: Reading | None = None
    abbr: Abbreviation | None = None
    expansion: str | None = None
    definition: Text
    formula: Text | None = None
    kpi: KpiRef | None = None
    related: list[TermRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _reading_when_not_kana(self, info: ValidationInfo) -> Term:
        languages = (info.context or {}).get("languages")
        by_reading = languages.by_reading if isinstance(languages, Languages) else None
        if by_reading is None or self.reading is not None:
            return self
        head = self.head(by_reading.code)
        # Digits and spaces sort the same however they are read.
        if not is_kana("".join(c for c in head if not (c.isspace() or c.isdigit()))):
            raise ValueError(f"give a reading in kana for {head!r}")
        return self

    def head(self, lang: str) -> str:
        """The term without a parenthesised note ("チャーン（解約）" → "チャーン")."""
        return self.term.raw(lang).split("（")[0].split("(")[0].strip()

    def reading_or_head(self, lang: str) -> str:
        """What the term sorts by in a glossary indexed by kana."""
        return self.reading or self.head(lang)


class Glossary(Model):
    """A file of glossary terms; every file's terms appear on ``site/<lang>/glossary/``."""

    kind: Literal["glossary"]
    id: Slug
    terms: list[Term] = Field(min_length=1)
