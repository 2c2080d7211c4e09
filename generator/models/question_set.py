"""The question-set kind: questions to ask outside any one framework (e.g. discovery)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import FrameworkRef, Item, TemplateRef, Text
from generator.models.parts import Question


class QuestionSet(Item):
    """A question-set page: ``site/<lang>/question-sets/<id>/``."""

    kind: Literal["question-set"]
    order: int = 100
    body: Text
    questions: list[Question] = Field(min_length=1)
    frameworks: list[FrameworkRef] = Field(default_factory=list)
    templates: list[TemplateRef] = Field(default_factory=list)
