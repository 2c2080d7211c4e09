"""A Content-Security-Policy for every built page, so script that slipped into a page cannot run.

Scripts run only from the site's own files, plus the theme's own inline scripts, allowed by
the hash of their exact text (computed from each built page). Inline event handlers,
``javascript:`` URLs, plugins, other sites' scripts and forms posting elsewhere are refused.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_INLINE_STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.DOTALL)
_SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_RUNNABLE_TYPES = {"", "text/javascript", "module", "application/javascript"}
_HEAD = re.compile(r"<head[^>]*>(\s*<meta charset=[^>]*>)?", re.IGNORECASE)

#: The only style attributes content keeps (``html_safety`` filters all but text-align).
ALIGNMENTS = [f"text-align:{side}" for side in ("left", "right", "center", "justify")]


def source_hash(text: str) -> str:
    """A CSP hash source (``'sha256-…'``) for the exact text of an inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of the runnable inline scripts in ``html`` (data blocks and src= scripts skipped)."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _SCRIPT_TYPE.search(attrs)
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        if (kind.group(1).lower() if kind else "") in _RUNNABLE_TYPES:
            hashes.append(source_hash(match.group("body")))
    return hashes


def inline_style_hashes(html: str) -> list[str]:
    """Hashes of the ``<style>`` elements in ``html``."""
    return [source_hash(m.group("body")) for m in _INLINE_STYLE.finditer(html)]


def policy(script_hashes: Iterable[str], style_hashes: Iterable[str] = ()) -> str:
    """The policy text: only this site's files and the listed inline scripts and styles run.

    ``'wasm-unsafe-eval'`` lets a WebAssembly search engine (Pagefind) compile its module; it
    allows no JavaScript ``eval``.
    """
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(set(script_hashes))])
    attribute_styles = " ".join(source_hash(a) for a in ALIGNMENTS)
    styles = " ".join(["'self'", *sorted(set(style_hashes)), "'unsafe-hashes'", attribute_styles])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            f"style-src {styles}",
            "img-src 'self' data:",  # the theme's icons are data: SVGs in its CSS
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str, trusted: str) -> str:
    """``html`` with a CSP ``<meta>`` first in its head, allowing the inline scripts and
    styles of ``trusted`` (the part of the page the theme or generator wrote, not content).
    """
    meta = (
        '<meta http-equiv="Content-Security-Policy" content="'
        f'{policy(inline_script_hashes(trusted), inline_style_hashes(trusted))}">'
    )
    match = _HEAD.search(html)
    if match is None:
        return f"{meta}{html}"
    return f"{html[: match.end()]}{meta}{html[match.end() :]}"
