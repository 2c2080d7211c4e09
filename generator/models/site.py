"""The site kind: the site's languages, its name and the home page's words."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from generator.business_days import known_calendar
from generator.langs import GlossaryIndex, Language, Languages
from generator.models.base import Model, NonEmpty, Slug, Text
from generator.models.navigator import Links

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]


class LanguageSetting(Model):
    """One language of the site: its code (also its folder), its English name (for content
    error messages) and how its glossary index groups terms."""

    code: LanguageCode
    name: NonEmpty
    glossary_index: GlossaryIndex = "letter"


def to_languages(settings: list[LanguageSetting]) -> Languages | None:
    """The languages ``settings`` name (a code listed twice counts once), or None for none."""
    first = {s.code: s for s in reversed(settings)}
    kept = [s for s in settings if first[s.code] is s]
    if not kept:
        return None
    return Languages(tuple(Language(s.code, s.name, s.glossary_index) for s in kept))


class Situation(Model):
    """A moment in a CSM's working day, and the pages to open for it (play first)."""

    id: Slug
    says: Text
    hint: Text | None = None
    links: Links


class LeaderSection(Model):
    """Material for whoever builds or runs the CS function, kept apart from daily work."""

    title: Text
    lead: Text
    links: Links


class Site(Model):
    """Site-wide text: name, tagline, the home page's introduction, situations and leader links."""

    kind: Literal["site"]
    id: Slug
    #: The site's languages, the default first; every text is written in each of them.
    languages: list[LanguageSetting] | None = Field(default=None, min_length=1)
    name: Text
    tagline: Text
    intro: Text
    situations_title: Text | None = None
    situations: list[Situation] = Field(default_factory=list)
    leaders: LeaderSection | None = None
    #: Country code of the ``holidays`` library whose public holidays schedules skip
    #: (with weekends) when business days are asked for; none: only weekends.
    holidays: str | None = None

    @field_validator("languages")
    @classmethod
    def _codes_once(cls, value: list[LanguageSetting] | None) -> list[LanguageSetting] | None:
        codes = [language.code for language in value or []]
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise ValueError(f"language listed twice: {', '.join(twice)}")
        return value

    @field_validator("holidays")
    @classmethod
    def _known_calendar(cls, value: str | None) -> str | None:
        if value is not None and not known_calendar(value):
            raise ValueError(f"{value!r} is not a country code of the holidays library (e.g. JP)")
        return value
