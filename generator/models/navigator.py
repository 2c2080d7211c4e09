"""Site-level guides: the challenge navigator and the new-CSM curriculum."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import (
    ArticleRef,
    ChecklistRef,
    ComparisonRef,
    CurriculumRef,
    FrameworkRef,
    KpiRef,
    Model,
    NavigatorRef,
    PlaybookRef,
    QuestionSetRef,
    Slug,
    TemplateRef,
    Text,
)


class Links(Model):
    """Pages an entry leads to, by kind (every id is checked)."""

    frameworks: list[FrameworkRef] = Field(default_factory=list)
    playbooks: list[PlaybookRef] = Field(default_factory=list)
    checklists: list[ChecklistRef] = Field(default_factory=list)
    question_sets: list[QuestionSetRef] = Field(default_factory=list)
    comparisons: list[ComparisonRef] = Field(default_factory=list)
    articles: list[ArticleRef] = Field(default_factory=list)
    templates: list[TemplateRef] = Field(default_factory=list)
    kpis: list[KpiRef] = Field(default_factory=list)
    curricula: list[CurriculumRef] = Field(default_factory=list)
    navigators: list[NavigatorRef] = Field(default_factory=list)


class Challenge(Model):
    """A problem in the words a CS team uses, and where the answer is."""

    id: Slug
    says: Text
    diagnosis: Text
    first_step: Text
    links: Links


class ChallengeNavigator(Model):
    """The challenge navigator page: ``site/<lang>/challenges/``."""

    kind: Literal["challenge-navigator"]
    id: Slug
    title: Text
    summary: Text
    body: Text
    challenges: list[Challenge] = Field(min_length=1)


class Stage(Model):
    """One stage of the path: what to read, do, and be able to show."""

    id: Slug
    name: Text
    focus: Text
    read: Links
    do: list[Text] = Field(min_length=1)
    show: list[Text] = Field(min_length=1)


class Curriculum(Model):
    """The new-CSM onboarding path: ``site/<lang>/csm-onboarding/``."""

    kind: Literal["curriculum"]
    id: Slug
    title: Text
    summary: Text
    body: Text
    stages: list[Stage] = Field(min_length=1)
    finish_line: Text
