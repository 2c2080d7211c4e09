"""A corpus of bad content, written and generated: each case is a set of files to add.

Every case must make ``cs-playbook check`` exit 1 with located messages and no traceback.
Categories are named so the report can count them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

VALID = """\
kind: checklist
id: target
title: {ja: 基準, en: Standards}
summary: {ja: 概要です。, en: A summary.}
body: {ja: 本文です。, en: Body text.}
items:
  - {id: one, text: {ja: 項目, en: Item}, framework: score}
"""

TEXT_FIELDS = ["title", "summary", "body"]
YAML_11_SURPRISES = [
    "no",
    "No",
    "off",
    "on",
    "yes",
    "true",
    "FALSE",
    "012",
    "0x1F",
    "1.10",
    "12:30",
    "1.0e+3",
    "~",
    "null",
    ".inf",
    ".NaN",
    "2026-01-01",
    "0b101",
    "+12",
    "1_000",
]


@dataclass
class Case:
    """One hostile input: its category, a name, and the files it writes under frameworks/."""

    category: str
    name: str
    files: dict[str, bytes] = field(default_factory=dict)


def _case(category: str, name: str, text: str | bytes, path: str = "bad.yaml") -> Case:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return Case(category, name, {path: data})


def cases() -> Iterator[Case]:
    """Every hostile case (more than 200)."""
    yield from _syntax()
    yield from _encoding()
    yield from _duplicates_and_unknown()
    yield from _types()
    yield from _unsafe()
    yield from _shapes()
    yield from _ids_and_refs()
    yield from _languages()
    yield from _control_characters()
    yield from _formulas_and_numbers()
    yield from _odd_file_names()


def _syntax() -> Iterator[Case]:
    lines = VALID.splitlines()
    for i, line in enumerate(lines):
        broken = list(lines)
        broken[i] = line.replace("}", "", 1) if "}" in line else line + " ["
        yield _case("yaml-syntax", f"unclosed-{i}", "\n".join(broken) + "\n")
    for i in range(1, len(lines)):
        if lines[i].startswith(" "):
            continue  # deeper indentation of a list item is still valid YAML
        broken = list(lines)
        broken[i] = "   " + broken[i]
        yield _case("yaml-syntax", f"bad-indent-{i}", "\n".join(broken) + "\n")
    for i in range(1, len(lines)):
        broken = list(lines)
        broken[i] = "\t" + broken[i]
        yield _case("tabs", f"tab-{i}", "\n".join(broken) + "\n")
    yield _case("yaml-syntax", "unclosed-quote", VALID.replace("Standards}", "'Standards}"))
    yield _case("yaml-syntax", "two-documents", VALID + "---\n" + VALID)
    yield _case("yaml-syntax", "colon-in-flow", VALID.replace("Body text.", "Body: text, more"))


def _encoding() -> Iterator[Case]:
    raw = VALID.encode("utf-8")
    for i, bad in enumerate(
        [
            b"\xff",
            b"\xfe\xfe",
            b"\xc3\x28",
            b"\xa0\xa1",
            b"\xe2\x28\xa1",
            b"\xf0\x28\x8c\xbc",
            b"\xed\xa0\x80",
            b"\x80",
        ]
    ):
        yield _case("bad-utf8", f"bytes-{i}", raw.replace(b"Body text.", b"Body " + bad))
    yield _case("bom", "utf8-bom", b"\xef\xbb\xbf" + raw)
    yield _case("bom", "utf16-le", b"\xff\xfe" + VALID.encode("utf-16-le"))
    yield _case("bom", "utf16-be", b"\xfe\xff" + VALID.encode("utf-16-be"))
    yield _case("bad-utf8", "nul-byte", raw.replace(b"Body text.", b"Body\x00text."))
    for i, text in enumerate(["", " ", "\n\n", "# only a comment\n", "---\n", "...\n"]):
        yield _case("empty", f"empty-{i}", text)


def _duplicates_and_unknown() -> Iterator[Case]:
    for key in ["kind", "id", "title", "summary", "body", "items"]:
        line = next(line for line in VALID.splitlines() if line.startswith(f"{key}:"))
        yield _case("duplicate-keys", f"dup-{key}", VALID.replace(line, f"{line}\n{line}", 1))
    yield _case("duplicate-keys", "dup-nested-ja", VALID.replace("{ja: 基準,", "{ja: 基準, ja: x,"))
    yield _case("duplicate-keys", "dup-item-id", VALID.replace("{id: one,", "{id: one, id: two,"))
    for typo in ["titel", "sumary", "bodyy", "item", "styel", "ordr", "tag", "Kind", "ID", "desc"]:
        yield _case("unknown-keys", f"unknown-{typo}", VALID + f"{typo}: x\n")
    yield _case("unknown-keys", "unknown-lang", VALID.replace("en: Standards}", "en: S, fr: F}"))
    yield _case("unknown-keys", "unknown-in-item", VALID.replace("{id: one,", "{id: one, note: x,"))


def _types() -> Iterator[Case]:
    for field_name in TEXT_FIELDS:
        line = next(line for line in VALID.splitlines() if line.startswith(f"{field_name}:"))
        for name, value in [
            ("list", "[a, b]"),
            ("string", "plain"),
            ("number", "42"),
            ("bool", "true"),
            ("null", "null"),
        ]:
            yield _case(
                "wrong-types", f"{field_name}-{name}", VALID.replace(line, f"{field_name}: {value}")
            )
    for surprise in YAML_11_SURPRISES:
        yield _case("yaml-1.1", f"text-{surprise}", VALID.replace("en: Item}", f"en: {surprise}}}"))
        yield _case("yaml-1.1", f"id-{surprise}", VALID.replace("id: target", f"id: {surprise}"))
    for name, replacement in [
        ("item-id-number", "{id: 7, "),
        ("item-id-list", "{id: [one], "),
        ("item-id-map", "{id: {a: b}, "),
        ("item-text-string", "{id: one, text: Item, "),
        ("item-is-string", None),
        ("item-framework-list", "{id: one, framework: [score], "),
    ]:
        if replacement is None:
            text = VALID.replace(
                "  - {id: one, text: {ja: 項目, en: Item}, framework: score}", "  - one"
            )
        elif "text:" in replacement:
            text = VALID.replace("{id: one, text: {ja: 項目, en: Item}, ", replacement)
        elif "framework:" in replacement:
            text = VALID.replace("{id: one, ", replacement).replace(", framework: score}", "}")
        else:
            text = VALID.replace("{id: one, ", replacement)
        yield _case("wrong-types", name, text)
    for field_name in TEXT_FIELDS:
        line = next(line for line in VALID.splitlines() if line.startswith(f"{field_name}:"))
        yield _case(
            "unknown-keys",
            f"{field_name}-extra-lang",
            line.join(VALID.split(line)).replace(line, line[:-1] + ", zh: 中文}"),
        )
    yield _case("wrong-types", "order-text", VALID + "order: first\n")
    yield _case("wrong-types", "order-float", VALID + "order: 1.5\n")
    yield _case("wrong-types", "style-number", VALID + "style: 3\n")
    yield _case("wrong-types", "style-unknown", VALID + "style: cards\n")


def _unsafe() -> Iterator[Case]:
    for tag in [
        "!!python/object/apply:os.system ['echo owned']",
        "!!python/name:os.system",
        "!!python/object:builtins.object {}",
        "!!python/module:os",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!!omap [a: 1]",
        "!custom x",
        "!!int 3",
        "!!timestamp 2026-01-01",
    ]:
        yield _case(
            "tags", f"tag-{tag.split()[0][2:]}", VALID.replace("en: Body text.", f"en: {tag}")
        )
    yield _case(
        "aliases",
        "simple-alias",
        VALID.replace("title: {ja: 基準, en: Standards}", "title: &t {ja: 基準, en: S}")
        + "x: *t\n",
    )
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        bomb += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    yield _case("aliases", "billion-laughs", bomb)
    yield _case("aliases", "merge-key", VALID + "base: &b {x: 1}\nother:\n  <<: *b\n")
    yield _case("aliases", "merge-inline", VALID + "other:\n  <<: {x: 1}\n")
    for depth in (40, 1000, 5000):
        deep = "[" * depth + "]" * depth
        yield _case("deep-nesting", f"list-{depth}", VALID + f"deep: {deep}\n")
    yield _case(
        "deep-nesting", "map-2000", VALID + "deep: " + "{a: " * 2000 + "1" + "}" * 2000 + "\n"
    )
    big = VALID + "body2: |\n" + ("  " + "長い本文。" * 40 + "\n") * 12000
    yield _case("huge", "many-megabytes", big)


def _shapes() -> Iterator[Case]:
    yield _case("shapes", "top-level-list", "- " + VALID.replace("\n", "\n  "))
    yield _case("shapes", "top-level-string", "just a string\n")
    yield _case("shapes", "top-level-number", "42\n")
    yield _case("shapes", "items-mapping", VALID.replace("items:\n  - ", "items:\n  first: "))
    yield _case(
        "shapes",
        "title-list",
        VALID.replace(
            "title: {ja: 基準, en: Standards}", "title:\n  - ja: 基準\n  - en: Standards"
        ),
    )
    yield _case("shapes", "items-empty", VALID.split("items:")[0] + "items: []\n")
    yield _case("shapes", "missing-kind", VALID.replace("kind: checklist\n", ""))
    yield _case("shapes", "unknown-kind", VALID.replace("kind: checklist", "kind: checklists"))
    yield _case("shapes", "kind-list", VALID.replace("kind: checklist", "kind: [checklist]"))


def _ids_and_refs() -> Iterator[Case]:
    for bad in [
        "../escape",
        "..",
        "a/b",
        "Capital",
        "日本語",
        "-lead",
        "trail-",
        "has space",
        "under_score",
        "dot.name",
        "a" * 65,
        "''",
        "'%2e%2e'",
        "'C:\\\\x'",
    ]:
        if bad == "trail-":
            continue  # a trailing hyphen is a valid slug
        yield _case("ids", f"id-{len(bad)}-{bad[:6]}", VALID.replace("id: target", f"id: {bad}"))
        yield _case(
            "ids", f"item-id-{len(bad)}-{bad[:6]}", VALID.replace("{id: one,", f"{{id: {bad},")
        )
    yield Case("same-id", "same-id-two-files", {"a.yaml": VALID.encode(), "b.yaml": VALID.encode()})
    yield Case(
        "same-id", "same-id-nested-dirs", {"x/a.yaml": VALID.encode(), "y/a.yaml": VALID.encode()}
    )
    yield Case(
        "same-id", "fixture-id", {"dup.yaml": VALID.replace("id: target", "id: checks").encode()}
    )
    for name, old, new in [
        ("framework", "framework: score", "framework: missing"),
        ("framework-typo", "framework: score", "framework: scor"),
        ("framework-case", "framework: score", "framework: Score"),
    ]:
        yield _case("dangling-refs", name, VALID.replace(old, new))
    play = """\
kind: playbook
id: bad-play
title: {ja: 手順, en: Play}
summary: {ja: 概要, en: Summary}
body: {ja: 本文, en: Body}
touch: TOUCH
anchor: {id: kickoff, name: {ja: キックオフ, en: the kickoff}}
steps:
  - id: s
    offset_days: 0
    title: {ja: a, en: a}
    description: {ja: b, en: b}
    owner: OWNER
    channel: CHANNEL
    frameworks: [FW]
"""
    valid_refs = {"TOUCH": "high-touch", "OWNER": "csm", "CHANNEL": "meeting", "FW": "score"}
    for key, bad in [("TOUCH", "mega-touch"), ("OWNER", "ceo"), ("CHANNEL", "fax"), ("FW", "nope")]:
        text = play
        for k, v in valid_refs.items():
            text = text.replace(k, bad if k == key else v)
        yield _case("dangling-refs", f"playbook-{key.lower()}", text)
    yield _case(
        "dangling-refs",
        "offset-text",
        play.replace("offset_days: 0", "offset_days: soon")
        .replace("TOUCH", "high-touch")
        .replace("OWNER", "csm")
        .replace("CHANNEL", "meeting")
        .replace("FW", "score"),
    )


def _languages() -> Iterator[Case]:
    for field_name in TEXT_FIELDS:
        line = next(line for line in VALID.splitlines() if line.startswith(f"{field_name}:"))
        ja_only = line.split(", en:")[0] + "}"
        en_only = "{" + line.split(", ")[1] if ", " in line else line
        yield _case("languages", f"{field_name}-no-en", VALID.replace(line, ja_only))
        yield _case(
            "languages", f"{field_name}-no-ja", VALID.replace(line, f"{field_name}: {en_only}")
        )
        yield _case(
            "languages",
            f"{field_name}-empty-en",
            VALID.replace(line, line.rsplit("en:", 1)[0] + "en: ''}"),
        )
        yield _case(
            "languages",
            f"{field_name}-empty-ja",
            VALID.replace(line, line.replace(line.split("ja: ")[1].split(",")[0], "''")),
        )
        yield _case(
            "languages", f"{field_name}-empty-map", VALID.replace(line, f"{field_name}: {{}}")
        )
    yield _case("languages", "item-no-en", VALID.replace("{ja: 項目, en: Item}", "{ja: 項目}"))
    yield _case("languages", "item-null-en", VALID.replace("en: Item}", "en: null}"))


#: Escapes that put a control character into a double-quoted YAML value: terminal
#: sequences (ESC, OSC, CSI), CR, BEL, DEL, NEL and other C1 controls, a NUL.
CONTROL_ESCAPES = [
    "\\e[2J",
    "\\e]8;;http://x\\a",
    "\\r",
    "\\a",
    "\\x7f",
    "\\N",
    "\\x9b",
    "\\0",
    "\\b",
]
#: Every kind of text field of the VALID checklist, by the text it holds there.
CONTROL_FIELDS = {
    "title-ja": "基準",
    "title-en": "Standards",
    "summary-ja": "概要です。",
    "summary-en": "A summary.",
    "body-en": "Body text.",
    "item-en": "Item",
}


def _control_characters() -> Iterator[Case]:
    for field_name, text in CONTROL_FIELDS.items():
        for number, escape in enumerate(CONTROL_ESCAPES):
            quoted = f'"{text[:2]}{escape}{text[2:]}"'
            yield _case(
                "control-characters",
                f"{field_name}-{number}",
                VALID.replace(f" {text}", f" {quoted}", 1),
            )
    for number, escape in enumerate(CONTROL_ESCAPES[:4]):
        yield _case("control-characters", f"key-{number}", VALID + f'"key{escape}": x\n')


KPI = """\
kind: kpi
id: bad-kpi
title: {ja: 比率, en: Rate}
summary: {ja: 割合です。, en: A share.}
unit: percent
definition: {ja: 部分 ÷ 全体, en: Part over whole.}
inputs:
  - {id: part, label: {ja: 部分, en: Part}, unit: count}
  - {id: whole, label: {ja: 全体, en: Whole}, unit: count}
formula: FORMULA
example: {part: PART, whole: 8}
"""


def _formulas_and_numbers() -> Iterator[Case]:
    formulas = {
        "parens-500": "(" * 500 + "part" + ")" * 500 + " + whole",
        "parens-33": "(" * 33 + "part" + ")" * 33 + " + whole",
        "minus-100": "-" * 100 + "part + whole",
        "max-nest-50": "max(" * 50 + "part" + ", whole)" * 50,
        "terms-5000": " + ".join(["part"] * 5000) + " + whole",
        "literal-400-digits": "part + whole * " + "9" * 400,
        "literal-1e15": "part + whole * 1000000000000000",
        "fullwidth-digit": "part + whole * ２",
        "thai-digit": "part + whole * ๒",
        "exponent": "part + whole * 2e3",
        "call-empty": "max() + part + whole",
        "unicode-name": "pärt + whole",
    }
    for name, formula in formulas.items():
        text = KPI.replace("FORMULA", formula).replace("PART", "2")
        yield _case("formulas", name, text)
    for name, value in {
        "inf": ".inf",
        "minus-inf": "-.Inf",
        "nan": ".NaN",
        "float-overflow": "1.0e+999",
        "int-400-digits": "9" * 400,
    }.items():
        text = KPI.replace("FORMULA", "part ÷ max(whole, 1)").replace("PART", value)
        yield _case("numbers", name, text)


#: File names that could split a located error line, forge another one, or act on a terminal.
ODD_FILE_NAMES = [
    "new\nline.yaml",
    "cr\rname.yaml",
    'q"uote.yaml',
    'zz" autofocus onfocus="alert(1)" x=".yaml',
    "colon:1:1: -: forged.yaml",
    "esc\x1b[31m.yaml",
    "osc\x1b]8;;x\x07.yaml",
    "tab\tname.yaml",
    "rlo\u202egpj.yaml",
    "<script>alert(1)<\uff0fscript>.yaml",
    " leading-space.yaml",
    "del\x7f.yaml",
]


def _odd_file_names() -> Iterator[Case]:
    bad = VALID.replace("id: target", "id: Not A Slug")
    for number, name in enumerate(ODD_FILE_NAMES):
        yield _case("file-names", f"name-{number}", bad, path=name)
