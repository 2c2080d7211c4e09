"""The framework kind: a method a CSM applies, with its numbers, questions and checks."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.models.base import (
    FrameworkRef,
    GroupRef,
    Item,
    KpiRef,
    Model,
    Slug,
    TagRef,
    TemplateRef,
    Text,
)
from generator.models.parts import (
    ChecklistEntry,
    DataTable,
    KeyNumber,
    Pitfall,
    Question,
    Section,
)


class ScoreComponent(Model):
    """One input of a weighted score (0–100 per component)."""

    id: Slug
    name: Text
    weight: int = Field(ge=0, le=100)
    description: Text


class ScoreBand(Model):
    """A band of the score: from ``min`` (inclusive) up to the next band's ``min``."""

    id: Slug
    name: Text
    min: int | float = Field(ge=0, le=100)
    action: Text


class ScoreModel(Model):
    """A weighted score out of 100 with bands; weights must add up to 100."""

    components: list[ScoreComponent] = Field(min_length=1)
    bands: list[ScoreBand] = Field(min_length=1)
    missing_value: Literal["redistribute"] = "redistribute"
    missing_value_note: Text
    #: Shown under the weights: where they come from and how far to trust them.
    weights_note: Text | None = None

    @model_validator(mode="after")
    def _check_totals(self) -> ScoreModel:
        total = sum(c.weight for c in self.components)
        if total != 100:
            raise ValueError(f"component weights add up to {total}, not 100")
        mins = [b.min for b in self.bands]
        if mins != sorted(mins, reverse=True):
            raise ValueError("bands must be listed from the highest 'min' to the lowest")
        if mins[-1] != 0:
            raise ValueError("the lowest band must start at min: 0")
        return self


class Phase(Model):
    """A period measured in days from the start (day_from and day_to inclusive)."""

    id: Slug
    name: Text
    day_from: int = Field(ge=0)
    day_to: int = Field(ge=0)
    goals: list[Text] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_range(self) -> Phase:
        if self.day_to < self.day_from:
            raise ValueError(f"day_to ({self.day_to}) is before day_from ({self.day_from})")
        return self


class RiskLevel(Model):
    """A risk level: churn expected within ``within_days`` (none for the lowest level)."""

    id: Slug
    name: Text
    within_days: int | None = Field(default=None, ge=1)
    description: Text
    actions: list[Text] = Field(min_length=1)


class Framework(Item):
    """A framework page: ``site/<lang>/frameworks/<id>/``."""

    kind: Literal["framework"]
    group: GroupRef
    order: int = 100
    body: Text
    key_numbers: list[KeyNumber] = Field(default_factory=list)
    tables: list[DataTable] = Field(default_factory=list)
    score_model: ScoreModel | None = None
    phases: list[Phase] = Field(default_factory=list)
    risk_levels: list[RiskLevel] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=5)
    checklist: list[ChecklistEntry] = Field(default_factory=list)
    pitfalls: list[Pitfall] = Field(default_factory=list)
    related: list[FrameworkRef] = Field(default_factory=list)
    tags: list[TagRef] = Field(default_factory=list)
    templates: list[TemplateRef] = Field(default_factory=list)
    kpis: list[KpiRef] = Field(default_factory=list)
