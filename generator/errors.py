"""Content errors that point at a file, line and column."""

from __future__ import annotations

import re
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
        where = f"{shown_path(self.path)}:{self.line}:{self.col}"
        return f"{where}: {terminal_safe(self.key)}: {terminal_safe(self.message)}"


class ContentErrors(Exception):
    """Raised when content is invalid; carries every error found in the run."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


#: What a terminal could act on or what would split or hide a line: C0 and C1 controls, DEL,
#: line and paragraph separators, and the bidirectional overrides ("Trojan Source").
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: File names printed as they are; anything else is quoted.
_PLAIN_PATH = re.compile(r"[\w./@+-]+")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\n``)."""
    return _UNSAFE.sub(_escape, text)


def shown_path(path: str) -> str:
    """A file name as printed in messages: as it is when plain, else quoted and escaped.

    A newline, a quote, a colon or a space in a name could otherwise split a located error
    line or make it read as another file's.
    """
    if _PLAIN_PATH.fullmatch(path):
        return path
    return '"' + terminal_safe(path.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def key_path(parts: Iterable[object]) -> str:
    """Join a key path such as ``("questions", 2, "why")`` into ``questions.2.why``."""
    text = ".".join(str(p) for p in parts)
    return text or "-"
