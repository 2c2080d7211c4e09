"""The site kind: the home page's words and the site's name in both languages."""

from __future__ import annotations

from typing import Literal

from generator.models.base import Model, Slug, Text


class Site(Model):
    """Site-wide text: name, tagline and the home page's introduction."""

    kind: Literal["site"]
    id: Slug
    name: Text
    tagline: Text
    intro: Text
