"""The site kind: the home page's words and the site's name in both languages."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from generator.business_days import known_calendar
from generator.models.base import Model, Slug, Text
from generator.models.navigator import Links


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
    name: Text
    tagline: Text
    intro: Text
    situations_title: Text | None = None
    situations: list[Situation] = Field(default_factory=list)
    leaders: LeaderSection | None = None
    #: Country code of the ``holidays`` library whose public holidays schedules skip
    #: (with weekends) when business days are asked for; none: only weekends.
    holidays: str | None = None

    @field_validator("holidays")
    @classmethod
    def _known_calendar(cls, value: str | None) -> str | None:
        if value is not None and not known_calendar(value):
            raise ValueError(f"{value!r} is not a country code of the holidays library (e.g. JP)")
        return value
