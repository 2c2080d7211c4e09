"""Building blocks of every content kind: strict models, bilingual text, slugs, references."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"

_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_LINE_BREAK = re.compile(f"(?<=[{_CJK}])\n(?=[{_CJK}])")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    #: Jinja asks every callable whether it wants the context; answering here spares the
    #: failed attribute lookup (an exception inside pydantic) on every ``text(lang)`` call.
    jinja_pass_arg: ClassVar[None] = None


class Text(Model):
    """A user-visible string in both languages. Markdown is allowed, raw HTML is not."""

    ja: NonEmpty
    en: NonEmpty

    def __call__(self, lang: str) -> str:
        if lang == "ja":
            # A line break inside a Japanese paragraph must not become a space.
            return _CJK_LINE_BREAK.sub("", self.ja) if "\n" in self.ja else self.ja
        return self.en


@dataclass(frozen=True)
class RefTo:
    """Field metadata: the value is the id of an item of ``kind`` and must resolve."""

    kind: str


_SlugStr = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]

FrameworkRef = Annotated[_SlugStr, RefTo("framework")]
PlaybookRef = Annotated[_SlugStr, RefTo("playbook")]
ChecklistRef = Annotated[_SlugStr, RefTo("checklist")]
QuestionSetRef = Annotated[_SlugStr, RefTo("question-set")]
TemplateRef = Annotated[_SlugStr, RefTo("template")]
KpiRef = Annotated[_SlugStr, RefTo("kpi")]
TermRef = Annotated[_SlugStr, RefTo("term")]
GroupRef = Annotated[_SlugStr, RefTo("group")]
TagRef = Annotated[_SlugStr, RefTo("tag")]
RoleRef = Annotated[_SlugStr, RefTo("role")]
ChannelRef = Annotated[_SlugStr, RefTo("channel")]
ArticleRef = Annotated[_SlugStr, RefTo("article")]
ComparisonRef = Annotated[_SlugStr, RefTo("comparison")]
CurriculumRef = Annotated[_SlugStr, RefTo("curriculum")]
NavigatorRef = Annotated[_SlugStr, RefTo("challenge-navigator")]


class Item(Model):
    """Fields every page-producing content item has."""

    id: Slug
    title: Text
    summary: Text


def declared_ids(model: Model) -> list[tuple[str, str, tuple[str | int, ...]]]:
    """The (kind, id, key path) of everything a content file defines.

    A page item defines itself; a glossary defines its terms; a taxonomy its
    groups, tags, roles and channels. File-level ids are unique per kind too.
    """
    kind = str(getattr(model, "kind", ""))
    item_id = str(getattr(model, "id", ""))
    found: list[tuple[str, str, tuple[str | int, ...]]] = [(kind, item_id, ("id",))]
    for field_name, child_kind in _NESTED_KINDS.get(kind, {}).items():
        for index, child in enumerate(getattr(model, field_name)):
            found.append((child_kind, child.id, (field_name, index, "id")))
    return found


_NESTED_KINDS: dict[str, dict[str, str]] = {
    "glossary": {"terms": "term"},
    "taxonomy": {"groups": "group", "tags": "tag", "roles": "role", "channels": "channel"},
}
