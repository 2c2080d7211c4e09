"""The checklist kind: quality standards, principles, prohibitions, failures and remedies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.base import Item, TagRef, Text
from generator.models.parts import ChecklistEntry


class Checklist(Item):
    """A checklist page: ``site/<lang>/checklists/<id>/``.

    ``style`` says how it reads: ``tasks`` (tick boxes), ``numbered`` (principles)
    or ``bullets`` (prohibitions, failures with remedies).
    """

    kind: Literal["checklist"]
    order: int = 100
    style: Literal["tasks", "numbered", "bullets"] = "tasks"
    body: Text
    items: list[ChecklistEntry] = Field(min_length=1)
    tags: list[TagRef] = Field(default_factory=list)
