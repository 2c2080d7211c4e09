"""The search kind: words that should find each other (spelling variants, synonyms)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import Model, NonEmpty, Slug


class Equivalence(Model):
    """Every form in ``forms`` is searched as ``canonical`` (in the text and in queries)."""

    canonical: NonEmpty
    forms: list[NonEmpty] = Field(min_length=1)


class SearchTerms(Model):
    """Search tuning kept as content: variants such as 問合せ / 問い合わせ."""

    kind: Literal["search"]
    id: Slug
    equivalents: list[Equivalence] = Field(default_factory=list)
