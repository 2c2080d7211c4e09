"""Content errors that point at a file, line and column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in the content, printed as ``path:line:col: key: message``.

    ``line`` and ``col`` are 1-based; ``key`` is the dotted key path inside the
    document (``questions.2.why.en``) or ``-`` when the whole file is at fault.
    """

    path: str
    line: int
    col: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.key}: {self.message}"


class ContentErrors(Exception):
    """Raised when content is invalid; carries every error found in the run."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


def key_path(parts: Iterable[object]) -> str:
    """Join a key path such as ``("questions", 2, "why")`` into ``questions.2.why``."""
    text = ".".join(str(p) for p in parts)
    return text or "-"
