"""The configured languages, read from the site document before any text is validated."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from generator.errors import ContentError
from generator.labels import MissingLabels, load_labels
from generator.langs import SHIPPED, Languages
from generator.loader import Document, load_file, scan_content_files
from generator.models.site import LanguageSetting, to_languages

_SETTINGS = TypeAdapter(list[LanguageSetting])

CONTENT_FOLDER = "frameworks"
_SITE_KIND = re.compile(r"^kind:[ \t]*['\"]?site['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


def languages_of(documents: list[Document]) -> Languages:
    """The languages the site document among ``documents`` names; the shipped pair when it
    names none or names them wrongly (validating the site document then says what is wrong)."""
    for doc in documents:
        data: Any = doc.data
        if isinstance(data, dict) and data.get("kind") == "site" and "languages" in data:
            try:
                settings = _SETTINGS.validate_python(data["languages"])
            except ValidationError:
                return SHIPPED
            return to_languages(settings) or SHIPPED
    return SHIPPED


def missing_labels(documents: list[Document], languages: Languages) -> list[ContentError]:
    """A located error for each configured language without a labels file."""
    site = next(
        (d for d in documents if isinstance(d.data, dict) and d.data.get("kind") == "site"), None
    )
    errors = []
    for i, code in enumerate(languages.codes):
        try:
            load_labels(code)
        except MissingLabels as exc:
            if site is None:
                errors.append(ContentError("-", 1, 1, "-", str(exc)))
            else:
                errors.append(site.error(("languages", i, "code"), str(exc)))
    return errors


def project_languages(project_root: Path) -> Languages:
    """The languages of the project at ``project_root`` (for commands, before the content is
    loaded): only files whose top-level ``kind:`` is ``site`` are read."""
    found, _ = scan_content_files(project_root / CONTENT_FOLDER)
    documents = []
    for path in found:
        if _is_site_file(path):
            doc, _errors = load_file(path, path.name)
            if doc is not None:
                documents.append(doc)
    return languages_of(documents)


def _is_site_file(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(16384).decode("utf-8", errors="replace")
    except OSError:
        return False
    return _SITE_KIND.search(head) is not None


def language_switch(languages: Languages) -> list[dict[str, str]]:
    """The language switch (MkDocs Material's ``extra.alternate``) and the root chooser's
    list: each configured language with its name in its own words (its ``language_name``
    label), the default first."""
    return [
        {"name": str(load_labels(code).language_name), "link": f"../{code}/", "lang": code}
        for code in languages.codes
    ]
