"""The playbook kind: dated steps relative to an anchor event."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import (
    ChannelRef,
    FrameworkRef,
    Item,
    Model,
    QuestionSetRef,
    RoleRef,
    ScriptRef,
    Slug,
    TagRef,
    TemplateRef,
    Text,
)


class Anchor(Model):
    """The event every step's offset counts from (kickoff, renewal date, risk detected…)."""

    id: Slug
    name: Text


class Step(Model):
    """One step: ``offset_days`` from the anchor (negative = before it)."""

    id: Slug
    offset_days: int
    title: Text
    description: Text
    owner: RoleRef
    channel: ChannelRef
    touch: TagRef | None = None
    duration_minutes: int | None = Field(default=None, ge=1)
    frameworks: list[FrameworkRef] = Field(default_factory=list)
    question_sets: list[QuestionSetRef] = Field(default_factory=list)
    templates: list[TemplateRef] = Field(default_factory=list)
    script: ScriptRef | None = None


class Playbook(Item):
    """A playbook page: ``site/<lang>/playbooks/<id>/``."""

    kind: Literal["playbook"]
    order: int = 100
    body: Text
    touch: TagRef
    anchor: Anchor
    steps: list[Step] = Field(min_length=1)
    frameworks: list[FrameworkRef] = Field(default_factory=list)
    templates: list[TemplateRef] = Field(default_factory=list)
    tags: list[TagRef] = Field(default_factory=list)
