"""A Python-Markdown extension that sanitises each page's HTML as its last step.

Listed last under ``markdown_extensions`` in ``mkdocs.yml``, it runs inside whichever engine
renders the Markdown (MkDocs or Zensical, which runs no MkDocs plugin), after every other
extension has restored its raw HTML: what leaves Markdown has passed the allow-list of
:mod:`generator.html_safety`.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from generator.html_safety import sanitize_html

#: Below every postprocessor of Python-Markdown (raw HTML at 30) and its extensions.
PRIORITY = -1000


class _Sanitize(Postprocessor):
    def run(self, text: str) -> str:
        return sanitize_html(text)


class SanitizeExtension(Extension):
    """Registers the sanitising postprocessor."""

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        md.postprocessors.register(_Sanitize(md), "cs_playbook_sanitize", PRIORITY)


def makeExtension(**kwargs: Any) -> SanitizeExtension:  # Python-Markdown's name
    """Python-Markdown's entry point for ``generator.markdown_sanitizer``."""
    return SanitizeExtension(**kwargs)
