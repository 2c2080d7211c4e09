"""Find and safe-load YAML content, keeping the line and column of every key path.

Only plain YAML data is accepted: mappings with text keys, lists and scalars. Tags
that would construct objects, anchors and aliases, merge keys, duplicate keys,
deep nesting and oversized files are reported as content errors, never raised.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ContentError, key_path
from generator.yaml_errors import locate

#: Limits that keep a hostile file from hanging the build or exhausting memory.
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32

KeyPath = tuple[str | int, ...]
Mark = tuple[int, int]

#: The C parser where libyaml is installed (about 8× faster); both give the same nodes.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Characters that a terminal, a calendar or a spreadsheet may act on: C0 controls but tab
#: and line feed, DEL, and the C1 controls. Refused in content (keys may not hold even those).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
KEY_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _code(found: re.Match[str]) -> str:
    return f"U+{ord(found.group()):04X}"


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass
class Document:
    """One parsed YAML file; the position of every value and key is found when first asked.

    Valid content never needs a position, so positions are not recorded while loading:
    the first error that needs one parses the text again with positions (measured at 100×
    the content: a tenth less loading time, 390 MB less memory).
    """

    path: str
    data: Any
    text: str = field(default="", repr=False)
    _marks: tuple[dict[KeyPath, Mark], dict[KeyPath, Mark]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def value_marks(self) -> dict[KeyPath, Mark]:
        """(line, column) of every value, by key path."""
        return self._positions()[0]

    @property
    def key_marks(self) -> dict[KeyPath, Mark]:
        """(line, column) of every mapping key, by key path."""
        return self._positions()[1]

    def _positions(self) -> tuple[dict[KeyPath, Mark], dict[KeyPath, Mark]]:
        if self._marks is None:
            builder = _Builder(self.path, record_marks=True)
            for node in _compose(self.text)[:1]:
                builder.build(node, (), 0)
            self._marks = (builder.value_marks, builder.key_marks)
        return self._marks

    def mark(self, loc: KeyPath, *, key: bool = False) -> Mark:
        """Return the (line, col) of ``loc``, or of its nearest known parent."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(loc)
        while probe:
            if probe in marks:
                return marks[probe]
            if probe in self.value_marks:
                return self.value_marks[probe]
            probe = probe[:-1]
        return self.value_marks.get((), (1, 1))

    def error(
        self, loc: KeyPath, message: str, *, key: bool = False, at: KeyPath | None = None
    ) -> ContentError:
        """Build a ContentError for ``loc``, placed at ``at`` (default: ``loc`` itself)."""
        line, col = self.mark(loc if at is None else at, key=key)
        return ContentError(self.path, line, col, key_path(loc), message)


CONTENT_SUFFIXES = {".yaml", ".yml"}


def find_content_files(root: Path) -> list[Path]:
    """Every ``*.yaml`` / ``*.yml`` file below ``root``, in a stable order (problems ignored)."""
    return scan_content_files(root)[0]


def scan_content_files(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The content files below ``root``, and (path, message) for everything not read.

    Nothing is skipped without a word: a folder that cannot be read, a link that leaves
    ``root`` (its target would be published), a link to a folder (never followed, so no
    loops), and a ``.yaml`` name that is not a regular file (a named pipe would hang the
    build) are each reported. Links to files inside ``root`` are read.
    """
    real_root = os.path.realpath(root)
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []

    def walk(folder: Path) -> None:
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError as exc:
            problems.append((folder, f"cannot read this folder: {_reason(exc)}"))
            return
        for entry in entries:
            path = Path(entry.path)
            is_content = path.suffix in CONTENT_SUFFIXES
            if entry.is_symlink():
                target = os.path.realpath(path)
                leaves = os.path.commonpath([real_root, target]) != real_root
                if leaves and (is_content or os.path.isdir(target)):
                    problems.append((path, _LINK_LEAVES))
                elif os.path.isdir(target):
                    problems.append((path, _LINK_TO_FOLDER))
                elif is_content:
                    _add_file(path, files, problems)
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(path)
            elif is_content:
                _add_file(path, files, problems)

    walk(root)
    return sorted(files, key=lambda p: p.as_posix()), problems


_LINK_LEAVES = "a link to a place outside frameworks/; copy the file in instead of linking it"
_LINK_TO_FOLDER = "a link to a folder; folders are not followed through links"


def _add_file(path: Path, files: list[Path], problems: list[tuple[Path, str]]) -> None:
    try:
        info = os.stat(path)
    except OSError as exc:
        problems.append((path, f"cannot read this file: {_reason(exc)}"))
        return
    if stat.S_ISREG(info.st_mode):
        files.append(path)
    else:
        problems.append((path, _NOT_REGULAR))


_NOT_REGULAR = "not a regular file (a pipe, socket or device); it is not read"


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def load_file(path: Path, display: str) -> tuple[Document | None, list[ContentError]]:
    """Read and parse one file; return the document (if readable) and its errors.

    Opened without blocking and checked to be a regular file before reading, so a file
    swapped for a named pipe cannot hang the run.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        return None, [ContentError(display, 1, 1, "-", f"cannot read this file: {_reason(exc)}")]
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None, [ContentError(display, 1, 1, "-", _NOT_REGULAR)]
        if info.st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1024
            msg = f"file is {info.st_size // 1024} KiB; content files may be at most {limit} KiB"
            return None, [ContentError(display, 1, 1, "-", msg)]
        try:
            raw = stream.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            msg = f"cannot read this file: {_reason(exc)}"
            return None, [ContentError(display, 1, 1, "-", msg)]
    return load_bytes(raw, display)


def load_bytes(raw: bytes, display: str) -> tuple[Document | None, list[ContentError]]:
    """Parse YAML bytes that claim to come from ``display``."""
    if raw.startswith(b"\xef\xbb\xbf"):
        msg = "file starts with a byte-order mark; save it as UTF-8 without BOM"
        return None, [ContentError(display, 1, 1, "-", msg)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        msg = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        return None, [ContentError(display, line, col, "-", msg)]
    if "\x00" in text:
        return None, [ContentError(display, 1, 1, "-", "file contains a NUL character")]
    try:
        nodes = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display, exc, text)]
    except yaml.YAMLError as exc:
        return None, [ContentError(display, 1, 1, "-", f"YAML error: {exc}")]
    except RecursionError:
        return None, [ContentError(display, 1, 1, "-", f"nesting deeper than {MAX_DEPTH}")]
    if len(nodes) > 1:
        line = nodes[1].start_mark.line + 1
        msg = "a file holds one YAML document; remove the second '---'"
        return None, [ContentError(display, line, 1, "-", msg)]
    if not nodes or nodes[0] is None:
        return None, [ContentError(display, 1, 1, "-", "file is empty")]
    builder = _Builder(display, literal_controls=bool(CONTROL_CHARACTERS.search(text)))
    data = builder.build(nodes[0], (), 0)
    return Document(display, data, text), builder.errors


def _compose(text: str) -> list[Any]:
    return list(yaml.compose_all(text, Loader=_SafeLoader))


def _syntax_error(display: str, exc: yaml.MarkedYAMLError, text: str) -> ContentError:
    found = locate(exc, text, _compose)
    return ContentError(display, found.line, found.col, "-", found.message)


class _Builder:
    """Turn a composed node graph into plain data and errors, and marks when asked.

    One walk for both, so the marks found later describe exactly the data built first.
    """

    def __init__(
        self, display: str, *, record_marks: bool = False, literal_controls: bool = False
    ) -> None:
        self.display = display
        # Control characters reach a value through escapes in double quotes ("\e", "\r"),
        # or written as they are when the text holds some: only then is every value searched.
        self.literal_controls = literal_controls
        self.record_marks = record_marks
        self.value_marks: dict[KeyPath, Mark] = {}
        self.key_marks: dict[KeyPath, Mark] = {}
        self.errors: list[ContentError] = []
        self._seen: set[int] = set()
        self._constructor = yaml.constructor.SafeConstructor()

    def _fail(self, node: yaml.Node, loc: KeyPath, message: str) -> None:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        self.errors.append(ContentError(self.display, line, col, key_path(loc), message))

    def build(self, node: yaml.Node, loc: KeyPath, depth: int) -> Any:
        if self.record_marks:
            self.value_marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self._seen:
            self._fail(node, loc, "aliases (*name) are not allowed; write the value out")
            return None
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            self._fail(node, loc, f"nesting deeper than {MAX_DEPTH} levels")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self._fail(node, loc, f"tag {node.tag!r} is not allowed")
                return None
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: KeyPath, depth: int) -> dict[str, Any]:
        if node.tag != _MAP_TAG:
            self._fail(node, loc, f"tag {node.tag!r} is not allowed")
            return {}
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, loc)
            if key is None:
                continue
            child = (*loc, key)
            if key in result:
                msg = f"duplicate key '{key}' (first at line {first_line[key]})"
                self._fail(key_node, child, msg)
                continue
            first_line[key] = key_node.start_mark.line + 1
            if self.record_marks:
                self.key_marks[child] = (first_line[key], key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _key(self, key_node: yaml.Node, loc: KeyPath) -> str | None:
        if key_node.tag == "tag:yaml.org,2002:merge":
            self._fail(key_node, loc, "merge keys (<<) are not allowed; write the keys out")
            return None
        if not isinstance(key_node, yaml.ScalarNode):
            self._fail(key_node, loc, "a key must be plain text")
            return None
        if key_node.tag != "tag:yaml.org,2002:str":
            msg = f"key '{key_node.value}' is not read as text; put it in quotes"
            self._fail(key_node, (*loc, str(key_node.value)), msg)
            return None
        key = str(key_node.value)
        found = KEY_CONTROL_CHARACTERS.search(key)
        if found:
            self._fail(key_node, loc, f"a key holds the control character {_code(found)}")
            return None
        return key

    def _scalar(self, node: yaml.Node, loc: KeyPath) -> Any:
        if node.tag == _STR_TAG:
            if getattr(node, "style", None) == '"' or self.literal_controls:
                found = CONTROL_CHARACTERS.search(node.value)
                if found:
                    msg = f"text holds the control character {_code(found)}; remove it"
                    self._fail(node, loc, msg)
                    return None
            return node.value  # the common case: text needs no construction
        if node.tag not in _PLAIN_TAGS:
            self._fail(node, loc, f"tag {node.tag!r} is not allowed; only plain YAML data is")
            return None
        try:
            value = self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            self._fail(node, loc, f"cannot read value {_shown(node.value)}: {exc}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self._fail(node, loc, "numbers must be finite (.inf and .nan are not allowed)")
            return None
        if isinstance(value, int) and not isinstance(value, bool) and not _fits_a_double(value):
            msg = f"the number {_shown(node.value)} is too large ({len(node.value)} digits)"
            self._fail(node, loc, msg)
            return None
        return value


def _fits_a_double(value: int) -> bool:
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def _shown(text: str) -> str:
    """A value for a message: quoted, and cut when long."""
    return repr(text if len(text) <= 40 else text[:37] + "...")
