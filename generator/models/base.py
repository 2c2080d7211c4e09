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

    # allow_inf_nan: .inf, .nan and numbers beyond a double are refused, not published.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)
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
ScriptRef = Annotated[_SlugStr, RefTo("script")]
CurriculumRef = Annotated[_SlugStr, RefTo("curriculum")]
NavigatorRef = Annotated[_SlugStr, RefTo("challenge-navigator")]


class Item(Model):
    """Fields every page-producing content item has."""

    id: Slug
    title: Text
    summary: Text
