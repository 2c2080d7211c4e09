"""The languages a project is written in (a leaf module: anything may import it).

They are content: the site document's ``languages:`` list names them, the first one the
default (the root page falls back to it and every command's ``--lang`` defaults to it).
A project whose site document names none is written in the shipped pair, ``SHIPPED``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: How a language's glossary index groups its terms: by first letter (A–Z), or by the kana
#: row of each term's ``reading`` (which terms then need unless written in kana alone).
GlossaryIndex = Literal["letter", "kana"]


@dataclass(frozen=True)
class Language:
    """One configured language: its code, its English name and how its glossary is indexed."""

    code: str
    #: The language's name in English, for content error messages ("missing German text").
    name: str
    glossary_index: GlossaryIndex = "letter"


@dataclass(frozen=True)
class Languages:
    """The configured languages in order; the first is the default."""

    all: tuple[Language, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """Every language code, the default first."""
        return tuple(language.code for language in self.all)

    @property
    def default(self) -> str:
        """The default language's code."""
        return self.all[0].code

    def get(self, code: str) -> Language | None:
        """The language with this code, or None when it is not configured."""
        return next((language for language in self.all if language.code == code), None)

    @property
    def by_reading(self) -> Language | None:
        """The language whose glossary is ordered by kana reading, if any."""
        return next((lang for lang in self.all if lang.glossary_index == "kana"), None)

    def unknown(self, code: str) -> str:
        """A one-line message for a code that is not configured."""
        return f"unknown language {code!r}; this site is written in: {', '.join(self.codes)}"


SHIPPED = Languages((Language("ja", "Japanese", "kana"), Language("en", "English")))
