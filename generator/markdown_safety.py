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
only makes the common ``[x](javascript:…)`` show as text instead of a dead link.
"""

from __future__ import annotations

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
