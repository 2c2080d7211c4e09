"""Make every value handed to the MkDocs theme safe where it is produced.

MkDocs renders the theme with autoescape off, and Material prints titles, meta values,
URLs and settings as they are. So each of them is escaped (text) or validated (URLs)
before the theme sees it; the theme's own ``| e`` filters then only ever double-escape.
"""

from __future__ import annotations

import html
import re
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import quote, urlsplit

#: Characters no URL from a setting may hold: they end an attribute, a tag or a URL.
_URL_BREAKERS = re.compile(r"[\"'<>`\\\s\x00-\x1f\x7f]")
#: A language code as ``hreflang`` takes it (``ja``, ``en``, ``pt-BR``).
_LANG_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


class UnsafeSetting(ValueError):
    """A setting whose value could put markup or a script link into every page."""


def theme_text(value: str) -> str:
    """Text ready to print in HTML text or a quoted attribute; applying it twice changes nothing.

    Values reach the theme either as plain text or already escaped for Markdown, so the
    value is unescaped once and then escaped fully (quotes included).
    """
    return html.escape(html.unescape(value), quote=True)


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Escape every text in a page's front matter in place (Material prints them raw)."""
    for key, value in meta.items():
        meta[key] = _escaped(value)


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return theme_text(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def checked_web_url(setting: str, value: str) -> str:
    """``value`` if it is an http(s) address that cannot break out of an attribute."""
    parts = urlsplit(value)
    if (
        parts.scheme.lower() not in {"http", "https"}
        or not parts.netloc
        or _URL_BREAKERS.search(value)
    ):
        raise UnsafeSetting(
            f"{setting}: must be an http:// or https:// address without quotes, spaces, "
            f"backslashes or angle brackets, got {value!r}"
        )
    return value


def checked_link(setting: str, value: str) -> str:
    """``value`` if it is a relative link or an http(s) address (for ``extra.alternate``)."""
    if urlsplit(value).scheme or value.startswith("//"):
        return checked_web_url(setting, value)
    if _URL_BREAKERS.search(value) or ":" in value.split("/", 1)[0]:
        raise UnsafeSetting(
            f"{setting}: must be a relative link or an http(s) address without quotes, "
            f"spaces or angle brackets, got {value!r}"
        )
    return value


def checked_lang_code(setting: str, value: str) -> str:
    """``value`` if it is a language code such as ``ja`` or ``pt-BR``."""
    if not _LANG_CODE.match(value):
        raise UnsafeSetting(f"{setting}: must be a language code such as 'ja', got {value!r}")
    return value


def url_path(path: str) -> str:
    """A file path as it may appear inside a URL: every odd character percent-encoded."""
    return quote(path, safe="/")


#: Settings the theme prints as page text or inside attributes.
TEXT_SETTINGS = ("site_name", "repo_name", "site_description", "site_author", "copyright")
#: What an engine that prints settings as they are would read as markup or an attribute's end.
_MARKUP = re.compile(r"[<>\"'`]")


def _checked_links(config: Any) -> None:
    urls = (("site_url", "CS_PLAYBOOK_SITE_URL"), ("repo_url", "CS_PLAYBOOK_REPO_URL"))
    for key, variable in urls:
        if config.get(key):
            checked_web_url(f"{key} ({variable})", config[key])
    if config.get("edit_uri"):
        checked_link("edit_uri", config["edit_uri"])
    for n, alternate in enumerate(config.get("extra", {}).get("alternate") or []):
        checked_link(f"extra.alternate[{n}].link", str(alternate.get("link", "")))
        checked_lang_code(f"extra.alternate[{n}].lang", str(alternate.get("lang", "")))


def _texts(config: Any) -> list[tuple[str, str]]:
    """``(setting, value)`` of every text setting the theme prints."""
    texts = [(key, str(config[key])) for key in TEXT_SETTINGS if config.get(key)]
    for n, alternate in enumerate(config.get("extra", {}).get("alternate") or []):
        texts.append((f"extra.alternate[{n}].name", str(alternate.get("name", ""))))
    return texts


def secure_settings(config: Any) -> None:
    """Validate the URLs of a MkDocs config and escape its texts, in place.

    Raises UnsafeSetting with one line naming the setting (and its environment variable).
    """
    _checked_links(config)
    for key in TEXT_SETTINGS:
        if config.get(key):
            config[key] = theme_text(config[key])
    for alternate in config.get("extra", {}).get("alternate") or []:
        alternate["name"] = theme_text(str(alternate.get("name", "")))


def checked_plain_settings(config: Any) -> None:
    """For an engine that runs no plugin of ours and prints settings as written (Zensical):
    the URLs checked as :func:`secure_settings` checks them, and texts refused, not escaped,
    when they hold a character that markup or an attribute would read (``< > " ' `` ` ``).

    Raises UnsafeSetting with one line naming the setting.
    """
    _checked_links(config)
    for setting, value in _texts(config):
        if _MARKUP.search(value):
            raise UnsafeSetting(
                f"{setting}: the zensical engine prints it as written, so it may not hold "
                f"< > \" ' or `: {value!r}"
            )
