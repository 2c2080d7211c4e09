"""The search kind: words that should find each other, and what readers type around them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field, ValidationInfo, model_validator

from generator.models.base import Model, NonEmpty, Slug, check_languages


class Equivalence(Model):
    """Every form in ``forms`` is searched as ``canonical`` (in the text and in queries)."""

    canonical: NonEmpty
    forms: list[NonEmpty] = Field(min_length=1)


class _WordLists(Model):
    """Lists of words keyed by language code (the site's languages, see ``check_languages``)."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, list[NonEmpty]]

    def by_language(self) -> dict[str, list[str]]:
        """``{language code: words}``."""
        return {code: list(words) for code, words in (self.__pydantic_extra__ or {}).items()}


class Synonyms(_WordLists):
    """Words a reader may type for one idea, in every language of the site; the first of each
    list is the word the site uses. On each site, every form (other languages' ones too) is
    searched as that language's first word."""

    @model_validator(mode="before")
    @classmethod
    def _every_language(cls, data: Any, info: ValidationInfo) -> Any:
        data = check_languages(data, info, every=True)
        if isinstance(data, dict) and any(isinstance(v, list) and not v for v in data.values()):
            raise ValueError("each language needs at least one word")
        return data


class Phrasings(_WordLists):
    """Words around a question that carry no subject (〜とは, how to), per language: left out
    of queries. Longer ones are tried first; a phrasing written in CJK characters is matched
    at the end of a word, any other as whole words."""

    @model_validator(mode="before")
    @classmethod
    def _some_languages(cls, data: Any, info: ValidationInfo) -> Any:
        return check_languages(data, info, every=False)


class SearchTerms(Model):
    """Search tuning kept as content: spelling variants, synonyms and question phrasings."""

    kind: Literal["search"]
    id: Slug
    equivalents: list[Equivalence] = Field(default_factory=list)
    synonyms: list[Synonyms] = Field(default_factory=list)
    phrasings: Phrasings = Field(default_factory=Phrasings)
