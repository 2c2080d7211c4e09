"""Sanitise each page's HTML after Markdown has run: an allow-list, not a block-list.

Content text is escaped before Markdown (``markdown_safety``), but Markdown itself can still
make links from text (reference definitions in lists, quotes, footnotes, admonitions …). So
the HTML that comes out is cleaned with nh3 (Rust's ammonia): only the tags and attributes
this site's pages use survive, links keep http(s), mailto or relative addresses, and no
event handler, ``style`` (but table alignment) or ``<script>`` is kept.

The one exception are the JSON data blocks the page templates write for calculators and
forms (``<script type="application/json">``, never run by a browser): a block of exactly
that form whose text is JSON without ``<`` is set aside before cleaning and put back after.
"""

from __future__ import annotations

import json
import re
import secrets

import nh3

_TAGS = {
    # text and structure Markdown, its extensions and the page templates produce
    *("p", "br", "hr", "div", "span", "section", "article", "blockquote", "pre", "code"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "em", "strong", "b", "i", "u", "s"),
    *("del", "ins", "mark", "small", "sub", "sup", "kbd", "q", "cite", "dfn", "var", "samp"),
    *("ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption"),
    "nav",  # the glossary's index by reading or letter
    *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
    "img",
    # calculators, fill-in forms, schedules and progress boxes (filled in by our JS)
    *("form", "label", "input", "button", "output", "select", "option", "textarea"),
    *("fieldset", "legend", "noscript"),
}

_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "hidden"},
    "a": {"href", "download", "rel", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "form": {"autocomplete"},
    "label": {"for"},
    "input": {"type", "name", "value", "min", "max", "step", "inputmode", "checked"}
    | {"disabled", "placeholder", "autocomplete", "required", "readonly"},
    "button": {"type", "name", "value", "disabled"},
    "output": {"name", "for"},
    "select": {"name", "multiple", "required", "disabled"},
    "option": {"value", "selected", "disabled"},
    "textarea": {"name", "rows", "cols", "placeholder", "required", "readonly"},
}

#: Schemes a link or image may use; relative addresses are kept as they are.
URL_SCHEMES = {"http", "https", "mailto"}

_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={"script", "style"},
    attributes=_ATTRIBUTES,
    generic_attribute_prefixes={"data-", "aria-"},
    url_schemes=URL_SCHEMES,
    link_rel=None,
    filter_style_properties={"text-align"},
    strip_comments=True,
)

_JSON_BLOCK = re.compile(
    r'<script type="application/json"(?: class="[a-z0-9_-]+")?>(?P<body>[^<]*)</script>'
)
#: Stands for a set-aside JSON block during cleaning; random per process, so content
#: cannot write one.
_MARK = f"csp-data-{secrets.token_hex(16)}-"
_MARKS = re.compile(re.escape(_MARK) + r"(\d+)\.")


def sanitize_html(html: str) -> str:
    """``html`` with everything outside the allow-list removed (text is kept)."""
    blocks: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        try:
            json.loads(match.group("body"))
        except ValueError:
            return ""
        blocks.append(match.group(0))
        return f"{_MARK}{len(blocks) - 1}."

    text = _JSON_BLOCK.sub(set_aside, html) if "application/json" in html else html
    clean = _CLEANER.clean(text)
    if not blocks:
        return clean
    return _MARKS.sub(lambda m: blocks[int(m.group(1))], clean)
