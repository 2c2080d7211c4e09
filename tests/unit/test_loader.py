"""The loader: plain data with positions; every unsafe or broken input is a located error."""

from __future__ import annotations

import pytest

from generator.loader import MAX_DEPTH, load_bytes


def load(text: str | bytes):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_bytes(raw, "f.yaml")


def test_marks_record_line_and_column_of_every_key_path():
    doc, errors = load("kind: x\nitems:\n  - id: a\n    text: {ja: あ, en: a}\n")
    assert errors == []
    assert doc.data["items"][0]["text"]["en"] == "a"
    assert doc.value_marks[("items", 0, "text", "en")] == (4, 23)
    assert doc.key_marks[("items", 0, "id")] == (3, 5)


def test_duplicate_key_is_reported_at_the_second_key_and_the_first_value_kept():
    doc, errors = load("a: 1\nb: 2\na: 3\n")
    assert [str(e) for e in errors] == ["f.yaml:3:1: a: duplicate key 'a' (first at line 1)"]
    assert doc.data["a"] == 1


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("a: [1, 2\n", 1, 4, "while parsing a flow sequence"),
        ("a:\n\tb: 1\n", 2, 1, "indented with a tab"),
        ("a: 'open\n", 1, 4, "while scanning a quoted scalar"),
    ],
)
def test_syntax_errors_name_line_and_column(text, line, col, words):
    doc, errors = load(text)
    assert doc is None
    assert len(errors) == 1
    assert (errors[0].line, errors[0].col) == (line, col)
    assert words in errors[0].message


def test_an_unclosed_quote_is_reported_where_it_opens_with_the_parser_context():
    lines = ["kind: framework", "title:", "  ja: タイトル", '  en: "Title', "body:"]
    lines += [f"  line{n}: text {n}" for n in range(40)]
    lines += ['  quoted: "a later quote", then text']
    _, errors = load("\n".join(lines) + "\n")
    assert [(e.line, e.col) for e in errors] == [(4, 7)]
    assert "while parsing a block mapping that starts at line 3, column 3" in errors[0].message
    assert "at line 46" in errors[0].message  # where the parser stopped
    assert "not closed" in errors[0].message


def test_a_first_key_indented_too_far_is_reported_on_its_own_line():
    _, errors = load("title:\n   ja: a\n  en: b\n")
    assert [(e.line, e.col) for e in errors] == [(2, 4)]
    assert "not indented like" in errors[0].message


def test_python_tags_are_refused_not_constructed():
    _, errors = load("a: !!python/object/apply:os.system ['true']\n")
    assert len(errors) == 1
    assert "not allowed" in errors[0].message
    assert (errors[0].line, errors[0].col) == (1, 4)


def test_aliases_are_refused_so_alias_bombs_cannot_expand():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    _, errors = load(bomb)
    assert errors and all("aliases" in e.message for e in errors)


def test_merge_keys_are_refused():
    _, errors = load("base: {a: 1}\nother:\n  <<: {a: 1}\n")
    assert any("merge keys" in e.message for e in errors)


def test_deep_nesting_is_an_error_not_a_crash():
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    _, errors = load(deep)
    assert errors and "nesting deeper" in errors[0].message


def test_very_deep_nesting_does_not_raise():
    deep = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    _, errors = load(deep)
    assert errors


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "empty"),
        (b"# only a comment\n", "empty"),
        (b"\xef\xbb\xbfkind: x\n", "byte-order mark"),
        (b"kind: \xff\xfe\n", "UTF-8"),
        (b"a: 1\n---\nb: 2\n", "one YAML document"),
    ],
)
def test_file_level_problems(raw, words):
    doc, errors = load(raw)
    assert doc is None
    assert words in errors[0].message


def test_bad_utf8_points_at_the_byte():
    _, errors = load(b"a: ok\nb: \xff\n")
    assert (errors[0].line, errors[0].col) == (2, 4)


def test_non_text_keys_are_errors():
    _, errors = load("on: 1\n")
    assert "not read as text" in errors[0].message
