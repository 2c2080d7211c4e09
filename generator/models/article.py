"""Reference pages: comparisons (tables) and articles (sections of prose and entries)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.models.base import Item, Model, Text
from generator.models.parts import Section


class ComparisonRow(Model):
    """One aspect compared across the columns."""

    aspect: Text
    values: list[Text] = Field(min_length=2)


class Comparison(Item):
    """A comparison table page: ``site/<lang>/comparisons/<id>/``."""

    kind: Literal["comparison"]
    order: int = 100
    body: Text
    columns: list[Text] = Field(min_length=2)
    rows: list[ComparisonRow] = Field(min_length=1)
    conclusion: Text | None = None

    @model_validator(mode="after")
    def _check_widths(self) -> Comparison:
        for row in self.rows:
            if len(row.values) != len(self.columns):
                found = len(row.values)
                raise ValueError(f"a row has {found} values for {len(self.columns)} columns")
        return self


class Article(Item):
    """A reference article: ``site/<lang>/reference/<id>/``."""

    kind: Literal["article"]
    order: int = 100
    body: Text
    sections: list[Section] = Field(min_length=1)
