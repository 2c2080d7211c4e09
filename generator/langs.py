"""The languages every text is written in (a leaf module: anything may import it)."""

from __future__ import annotations

from typing import Literal

LANGS: tuple[str, ...] = ("ja", "en")
Lang = Literal["ja", "en"]

#: The site's default language: the root page falls back to it, and every command's
#: ``--lang`` defaults to it.
DEFAULT_LANG: Lang = "ja"
