"""Building blocks shared by several content kinds."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, model_validator

from generator.models.base import FrameworkRef, Model, Slug, Text

Unit = Literal["percent", "days", "weeks", "minutes", "points", "count", "ratio", "months", "hours"]
#: Who a question is asked of: the customer, or the CS team itself (pages list them apart).
Audience = Literal["customer", "team"]


class Question(Model):
    """A question, who it is asked of, why it is asked, and what a good answer looks like."""

    id: Slug
    question: Text
    why: Text
    good_answer: Text
    audience: Audience = "customer"


def by_audience(questions: list[Question]) -> list[tuple[str, list[Question]]]:
    """(audience, its questions) in the order pages show them, skipping empty groups."""
    groups = [(a, [q for q in questions if q.audience == a]) for a in get_args(Audience)]
    return [(audience, found) for audience, found in groups if found]


class ChecklistEntry(Model):
    """One line of a checklist; ``framework`` shows it on that framework's page too."""

    id: Slug
    text: Text
    detail: Text | None = None
    remedy: Text | None = None
    framework: FrameworkRef | None = None


class Entry(Model):
    """A named point inside a section (rendered as a bold term and its explanation)."""

    name: Text
    text: Text


class Section(Model):
    """A titled block of prose and/or named points."""

    id: Slug
    title: Text
    body: Text | None = None
    entries: list[Entry] = Field(default_factory=list)


class KeyNumber(Model):
    """A number the content relies on (threshold, window, target), kept as data."""

    id: Slug
    label: Text
    value: int | float
    unit: Unit
    note: Text | None = None


class Pitfall(Model):
    """A common mistake and what to do instead."""

    problem: Text
    remedy: Text


class TableColumn(Model):
    """A column of a data table; with a ``unit`` its cells are numbers shown in that unit."""

    id: Slug
    label: Text
    unit: Unit | None = None


class TableRow(Model):
    """One row of a data table: a cell per column id (a number or a text)."""

    id: Slug
    cells: dict[str, int | float | Text]


class DataTable(Model):
    """A titled table whose numbers stay data; ``example`` marks values to set for yourself."""

    id: Slug
    title: Text
    body: Text | None = None
    example: bool = False
    columns: list[TableColumn] = Field(min_length=2)
    rows: list[TableRow] = Field(min_length=1)
    note: Text | None = None

    @model_validator(mode="after")
    def _check_cells(self) -> DataTable:
        expected = [c.id for c in self.columns]
        for row in self.rows:
            if sorted(row.cells) != sorted(expected):
                missing = sorted(set(expected) - set(row.cells))
                extra = sorted(set(row.cells) - set(expected))
                raise ValueError(
                    f"row {row.id!r} needs one cell per column (missing {missing}, extra {extra})"
                )
            for column in self.columns:
                value = row.cells[column.id]
                is_number = isinstance(value, int | float)
                if column.unit is not None and not is_number:
                    raise ValueError(f"row {row.id!r}: column {column.id!r} holds numbers")
                if column.unit is None and is_number:
                    raise ValueError(f"row {row.id!r}: column {column.id!r} holds text")
        return self
