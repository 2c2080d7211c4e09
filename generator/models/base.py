"""Building blocks of every content kind: strict models, text per language, slugs, references."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from generator.langs import Languages

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


# Error types the validation module turns into messages naming the configured languages.
_MISSING_LANGUAGE = PydanticCustomError("missing_language", "missing text in a configured language")
_UNKNOWN_LANGUAGE = PydanticCustomError("unknown_language", "text in a language not configured")


class Text(Model):
    """A user-visible string in each of the site's languages (Markdown, never raw HTML)."""

    # The language codes are the keys. Validating with ``context={"languages": Languages}``
    # (as every content file is) checks that each configured language is there, and no other.

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, NonEmpty]

    @model_validator(mode="before")
    @classmethod
    def _configured_languages(cls, data: Any, info: ValidationInfo) -> Any:
        return check_languages(data, info, every=True)

    def __call__(self, lang: str) -> str:
        text = self.raw(lang)
        # A line break between two CJK characters is not a space, in any language.
        return _CJK_LINE_BREAK.sub("", text) if "\n" in text else text

    def raw(self, lang: str) -> str:
        """The text in ``lang`` exactly as written."""
        return str(self.by_language()[lang])

    def by_language(self) -> dict[str, str]:
        """``{language code: text as written}``."""
        return self.__pydantic_extra__ or {}


def check_languages(data: Any, info: ValidationInfo, *, every: bool) -> Any:
    """``data`` keyed by language code, checked against the configured languages (passed as
    ``context={"languages": …}``): no other language, and each of them when ``every``."""
    languages = (info.context or {}).get("languages")
    if not isinstance(languages, Languages) or not isinstance(data, dict):
        return data
    codes = languages.codes
    problems = [
        InitErrorDetails(type=_MISSING_LANGUAGE, loc=(code,), input=data)
        for code in codes
        if every and code not in data
    ]
    problems += [
        InitErrorDetails(type=_UNKNOWN_LANGUAGE, loc=(key,), input=value)
        for key, value in data.items()
        if key not in codes
    ]
    if problems:
        raise ValidationError.from_exception_data("languages", problems)
    return {code: data[code] for code in codes if code in data}


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
