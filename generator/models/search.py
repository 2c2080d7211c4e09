"""The search kind: words that should find each other, and what readers type around them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import Model, NonEmpty, Slug


class Equivalence(Model):
    """Every form in ``forms`` is searched as ``canonical`` (in the text and in queries)."""

    canonical: NonEmpty
    forms: list[NonEmpty] = Field(min_length=1)


class Synonyms(Model):
    """Words a reader may type for one idea, in both languages; the first of each list is the
    word the site uses. On the Japanese site every form (English ones too) is searched as the
    first Japanese word; on the English site, every English form as the first English word."""

    ja: list[NonEmpty] = Field(min_length=1)
    en: list[NonEmpty] = Field(min_length=1)


class Phrasings(Model):
    """Words around a question that carry no subject (〜とは, how to): left out of queries.

    Longer phrasings are tried first; Japanese ones are matched at the end of a word, English
    ones as whole words."""

    ja: list[NonEmpty] = Field(default_factory=list)
    en: list[NonEmpty] = Field(default_factory=list)


class SearchTerms(Model):
    """Search tuning kept as content: spelling variants, synonyms and question phrasings."""

    kind: Literal["search"]
    id: Slug
    equivalents: list[Equivalence] = Field(default_factory=list)
    synonyms: list[Synonyms] = Field(default_factory=list)
    phrasings: Phrasings = Field(default_factory=Phrasings)
