"""Find and safe-load YAML content, keeping the line and column of every key path.

Only plain YAML data is accepted: mappings with text keys, lists and scalars. Tags
that would construct objects, anchors and aliases, merge keys, duplicate keys,
deep nesting and oversized files are reported as content errors, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from generator.errors import ContentError, key_path
from generator.yaml_errors import locate

#: Limits that keep a hostile file from hanging the build or exhausting memory.
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32

KeyPath = tuple[str | int, ...]
Mark = tuple[int, int]

_BaseSafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BaseSafeLoader):  # type: ignore[misc]
    """The safe loader with a quicker tag lookup (same tags as PyYAML's resolver).

    PyYAML asks the resolver for the tag of every node, in Python, even with the C
    parser; content files have no path resolvers, so the lookup is one table access and
    the first-character regular expressions.
    """

    _by_first_char: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        char: list(resolvers) + list(_BaseSafeLoader.yaml_implicit_resolvers.get(None, []))
        for char, resolvers in _BaseSafeLoader.yaml_implicit_resolvers.items()
        if char is not None
    }

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._by_first_char.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG


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


def find_content_files(root: Path) -> list[Path]:
    """Every ``*.yaml`` / ``*.yml`` file below ``root``, in a stable order."""
    files = [p for p in root.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file()]
    return sorted(files, key=lambda p: p.as_posix())


def load_file(path: Path, display: str) -> tuple[Document | None, list[ContentError]]:
    """Read and parse one file; return the document (if readable) and its errors."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        msg = f"file is {size // 1024} KiB; content files may be at most {limit} KiB"
        return None, [ContentError(display, 1, 1, "-", msg)]
    raw = path.read_bytes()
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
    builder = _Builder(display)
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

    def __init__(self, display: str, *, record_marks: bool = False) -> None:
        self.display = display
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
        return str(key_node.value)

    def _scalar(self, node: yaml.Node, loc: KeyPath) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # the common case: text needs no construction
        if node.tag not in _PLAIN_TAGS:
            self._fail(node, loc, f"tag {node.tag!r} is not allowed; only plain YAML data is")
            return None
        try:
            return self._constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            self._fail(node, loc, f"cannot read value {node.value!r}: {exc}")
            return None
