"""Make content text safe to place in generated Markdown.

Content may use Markdown (emphasis, lists, links to http(s), mailto or relative
pages, tables) but never raw HTML, attribute lists or script links. Every value a
page template prints passes through :func:`safe_text` unless the template marks it
as trusted ``Markup`` (labels and links the generator builds itself).

The guard against script is ``html_safety`` (an allow-list sanitiser run on each page's
HTML). These rules stay because they still add something: escaping ``<`` and ``&`` shows
text as written and keeps content from writing the markup the sanitiser must allow for
our templates (form fields, ``data-*`` attributes, JSON data blocks); escaping ``{`` keeps
attribute lists from setting ids, classes or ``data-*`` on content. The link-scheme rule
only makes the common ``[x](javascript:…)`` show as text instead of a dead link, and
:func:`script_links` lets ``check`` name the line of any link with another scheme, wherever
it is written (the sanitiser would silently drop it).
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_ALLOWED_SCHEMES = {"http", "https", "mailto"}

# A link destination that starts with a scheme: [text](scheme:...) or [ref]: scheme:...
# The "scheme" is anything up to the first colon that is not a path, so schemes spelled
# with entities or odd characters are caught too.
_LINK_SCHEME = re.compile(
    r"(?P<lead>\]\(\s*<?|^\s{0,3}\[[^\]]*\]:\s*<?)(?P<scheme>[^\s:/?()\[\]<>]+)\s*:",
    re.MULTILINE,
)


# A link destination anywhere in a text: after "](" or after "]:" (a reference definition,
# which Markdown also accepts inside lists, quotes, footnotes and admonitions). Entities
# and tabs inside the scheme are allowed for, as browsers ignore them.
_ANY_LINK_SCHEME = re.compile(
    r"\](?:\(|:)\s*<?\s*(?P<scheme>[A-Za-z](?:[A-Za-z0-9+.\-\t]|&#?\w+;)*)\s*:"
)


def script_links(value: str) -> list[str]:
    """The schemes of links in ``value`` that are neither http(s), mailto nor relative."""
    if ":" not in value:
        return []
    found = []
    for match in _ANY_LINK_SCHEME.finditer(value):
        scheme = html.unescape(match.group("scheme")).replace("\t", "").lower()
        if scheme not in _ALLOWED_SCHEMES:
            found.append(scheme)
    return found


def safe_text(value: str) -> str:
    """Escape HTML and attribute-list syntax; defuse links to scripts or data."""
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")
    # Without a colon there is no scheme to defuse (most texts): skip the expression.
    return _LINK_SCHEME.sub(_defuse_scheme, text) if ":" in text else text


def _defuse_scheme(match: re.Match[str]) -> str:
    if match.group("scheme").lower() in _ALLOWED_SCHEMES:
        return match.group(0)
    # Break the link syntax so the text shows literally instead of becoming an href.
    lead = match.group("lead").replace("(", "&#40;").replace("[", "&#91;")
    return f"{lead}{match.group('scheme')}&#58;"


def table_cell(value: str) -> str:
    """Text for one Markdown table cell: one line, pipes escaped."""
    return " ".join(safe_text(value).split()).replace("|", "&#124;")


def attribute(value: str) -> Markup:
    """Text for an HTML attribute value inside a template's literal HTML."""
    return Markup.escape(" ".join(value.split()))
