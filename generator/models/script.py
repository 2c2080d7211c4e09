"""The script kind: the words a CSM sends or says, with placeholders filled from the account.

Subjects, bodies, talking points and the follow-up mark account values with ``[[field_id]]``,
the same markers and fields as fillable templates, so ``generator/fill.py`` and the page's
form fill them the same way.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from generator.models.base import (
    ChannelRef,
    FrameworkRef,
    Item,
    Model,
    Slug,
    TagRef,
    TemplateRef,
    Text,
)
from generator.models.fillable import (
    MARKER,
    TemplateField,
    markers_match_fields,
    short_text_field,
)


class Message(Model):
    """One message of the script, sent ``day`` days after the script starts (0 = that day)."""

    id: Slug
    day: int = Field(default=0, ge=0)
    name: Text
    subject: Text | None = None
    body: Text


class FollowUp(Model):
    """What to send when the customer has not replied ``after_days`` days after the last message."""

    after_days: int = Field(ge=1)
    #: When it goes out another way than the script (a call that was not answered → an email).
    channel: ChannelRef | None = None
    subject: Text | None = None
    body: Text


class Script(Item):
    """A script page: ``site/<lang>/scripts/<id>/`` with a form that fills the placeholders."""

    kind: Literal["script"]
    order: int = 100
    when: Text
    channel: ChannelRef
    touch: TagRef | None = None
    fields: list[TemplateField] = Field(default_factory=list)
    #: The short-text field that names the customer (drafts are kept per customer).
    customer_field: str | None = None
    messages: list[Message] = Field(min_length=1)
    talking_points: list[Text] = Field(default_factory=list)
    follow_up: FollowUp | None = None
    frameworks: list[FrameworkRef] = Field(default_factory=list)
    templates: list[TemplateRef] = Field(default_factory=list)
    tags: list[TagRef] = Field(default_factory=list)

    def texts(self) -> list[Text]:
        """Every text that may hold markers, in the order the page shows them."""
        found: list[Text] = []
        for message in self.messages:
            found.extend(t for t in (message.subject, message.body) if t is not None)
        found.extend(self.talking_points)
        if self.follow_up is not None:
            found.extend(t for t in (self.follow_up.subject, self.follow_up.body) if t)
        return found

    @field_validator("customer_field")
    @classmethod
    def _customer_field_is_short_text(cls, value: str | None, info: ValidationInfo) -> str | None:
        return short_text_field(value, info.data.get("fields", []))

    @model_validator(mode="after")
    def _markers_name_fields(self) -> Script:
        fields = {f.id for f in self.fields}
        days = [m.day for m in self.messages]
        if days != sorted(days):
            raise ValueError("messages must be listed by their 'day', earliest first")
        for lang in self.title.by_language():
            used = {name for text in self.texts() for name in MARKER.findall(text(lang))}
            markers_match_fields(fields, used, f"the {lang} text")
        return self
