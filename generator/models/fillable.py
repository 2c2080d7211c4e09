"""The template kind: a fillable document with typed fields and a body per language.

The body marks where a field goes with ``[[field_id]]``. Bodies are never evaluated as
templates: ``generator/fill.py`` (and the page's form script) replace the markers with
escaped answers.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from generator.answers import answer_problem, is_per_language
from generator.langs import Languages
from generator.models.base import Item, Model, Text

FieldId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
FieldType = Literal[
    "short", "long", "number", "percent", "money", "date", "choice", "list", "table"
]
MARKER = re.compile(r"\[\[([a-z][a-z0-9_]{0,39})\]\]")


class Option(Model):
    """One choice of a ``choice`` field."""

    id: FieldId
    label: Text


class TemplateField(Model):
    """A field to fill: its type, label and help in both languages, and an example answer."""

    id: FieldId
    type: FieldType
    label: Text
    help: Text
    required: bool = True
    options: list[Option] = Field(default_factory=list)
    columns: list[Option] = Field(default_factory=list)
    #: One value for every language, or ``{ja: …, en: …}`` when the example is words.
    example: Any

    def example_in(self, lang: str) -> Any:
        """The example answer in ``lang``."""
        return self.example[lang] if is_per_language(self.example) else self.example

    @field_validator("options")
    @classmethod
    def _options_for_choice(cls, value: list[Option], info: ValidationInfo) -> list[Option]:
        if (info.data.get("type") == "choice") != bool(value):
            raise ValueError("a choice field needs options, and only a choice field has them")
        return value

    @field_validator("example")
    @classmethod
    def _example_is_an_answer(cls, value: Any, info: ValidationInfo) -> Any:
        if "type" not in info.data:
            return value
        probe = cls.model_construct(**{**info.data, "example": value})
        answers = [("", value)]
        if is_per_language(value):
            languages = (info.context or {}).get("languages")
            codes = languages.codes if isinstance(languages, Languages) else tuple(value)
            if set(value) != set(codes):
                raise ValueError(f"an example in words gives one per language: {', '.join(codes)}")
            answers = [(f" ({lang})", value[lang]) for lang in codes]
        for where, answer in answers:
            problem = answer_problem(probe, answer)
            if problem:
                raise ValueError(f"the example is not a valid answer{where}: {problem}")
        return value

    @field_validator("columns")
    @classmethod
    def _columns_for_table(cls, value: list[Option], info: ValidationInfo) -> list[Option]:
        if (info.data.get("type") == "table") != bool(value):
            raise ValueError("a table field needs columns, and only a table field has them")
        return value


class FillableTemplate(Item):
    """A template page: ``site/<lang>/templates/<id>/`` with a download and a form."""

    kind: Literal["template"]
    order: int = 100
    purpose: Text
    when: Text
    fields: list[TemplateField] = Field(min_length=1)
    #: The short-text field that names the customer: drafts in the browser are kept per
    #: value of it, and ``cs-playbook fill --customer`` sets it.
    customer_field: str | None = None
    body: Text

    @field_validator("customer_field")
    @classmethod
    def _customer_field_is_short_text(cls, value: str | None, info: ValidationInfo) -> str | None:
        return short_text_field(value, info.data.get("fields", []))

    def languages(self) -> tuple[str, ...]:
        """The languages the template is written in."""
        return tuple(self.body.by_language())

    @field_validator("body")
    @classmethod
    def _markers_name_fields(cls, value: Text, info: ValidationInfo) -> Text:
        fields = {f.id for f in info.data.get("fields", [])}
        for lang, text in value.by_language().items():
            markers_match_fields(fields, set(MARKER.findall(text)), f"body.{lang}")
        return value


def markers_match_fields(fields: set[str], used: set[str], where: str) -> None:
    """Every ``[[marker]]`` in ``where`` names a field, and every field is used there."""
    unknown = sorted(used - fields)
    if unknown:
        raise ValueError(f"{where} names unknown field(s): {', '.join(unknown)}")
    unused = sorted(fields - used)
    if unused:
        raise ValueError(f"{where} does not use field(s): {', '.join(unused)}")


def short_text_field(value: str | None, fields: list[TemplateField]) -> str | None:
    """``value`` when it names a short-text field of ``fields`` (a customer field)."""
    if value is None:
        return value
    if {f.id: f.type for f in fields}.get(value) != "short":
        raise ValueError(f"{value!r} is not a short-text field here")
    return value
