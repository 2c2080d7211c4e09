"""The site kind: the home page's words and the site's name in both languages."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import ArticleRef, Model, Slug, Text


class Site(Model):
    """Site-wide text: name, tagline and the home page's introduction."""

    kind: Literal["site"]
    id: Slug
    name: Text
    tagline: Text
    intro: Text
    #: Articles the home page lists first under "Start here", for readers new to the field.
    start_here: list[ArticleRef] = Field(default_factory=list)
