"""The taxonomy kind: framework groups, tags, roles and channels that other content names."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import Model, Slug, Text


class Group(Model):
    """A framework group (e.g. customer health assessment), shown as a navigation section."""

    id: Slug
    name: Text
    summary: Text


class Tag(Model):
    """A tag in one facet: touch model, lifecycle stage or segment."""

    id: Slug
    facet: Literal["touch", "lifecycle", "segment"]
    name: Text


class Named(Model):
    """A role or channel: an id with a name in both languages."""

    id: Slug
    name: Text


class Taxonomy(Model):
    """Lists that other content refers to by id."""

    kind: Literal["taxonomy"]
    id: Slug
    groups: list[Group] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)
    roles: list[Named] = Field(default_factory=list)
    channels: list[Named] = Field(default_factory=list)
