"""Model validation: each kind of mistake becomes one located, readable error."""

from __future__ import annotations

from tests.unit.helpers import CHECKLIST, TAXONOMY, content_errors

errors_for = content_errors


def test_valid_content_has_no_errors(tmp_path):
    assert errors_for(tmp_path, {"t.yaml": TAXONOMY, "c.yaml": CHECKLIST.format(id="c")}) == []


def test_duplicate_key_unknown_key_and_missing_english_give_three_lines(tmp_path):
    text = """\
    kind: checklist
    id: c
    title: {ja: 基準, en: Standards}
    title: {ja: 基準, en: Standards}
    summary: {ja: 概要}
    body: {ja: 本文, en: Body}
    styel: tasks
    items:
      - {id: one, text: {ja: 項目, en: Item}}
    """
    assert errors_for(tmp_path, {"c.yaml": text}) == [
        "frameworks/c.yaml:4:1: title: duplicate key 'title' (first at line 3)",
        "frameworks/c.yaml:5:10: summary.en: missing English text (en)",
        "frameworks/c.yaml:7:1: styel: unknown key 'styel'; did you mean 'style'?",
    ]


def test_wrong_types_and_yaml_surprises(tmp_path):
    text = CHECKLIST.format(id="c").replace("{ja: 項目, en: Item}", "{ja: no, en: 12:30}")
    found = errors_for(tmp_path, {"c.yaml": text})
    assert any("items.0.text.ja: expected text, found a yes/no value (false)" in e for e in found)
    assert any("items.0.text.en: expected text, found a number (750)" in e for e in found)


def test_empty_language_is_an_error(tmp_path):
    text = CHECKLIST.format(id="c").replace("en: Body", "en: ''")
    assert errors_for(tmp_path, {"c.yaml": text}) == [
        "frameworks/c.yaml:5:20: body.en: English text (en) is empty"
    ]


def test_bad_ids_are_reported(tmp_path):
    for bad in ("Bad", "../up", "日本語", "-lead", "a" * 65):
        text = CHECKLIST.format(id=f"'{bad}'")
        found = errors_for(tmp_path, {"c.yaml": text})
        assert len(found) == 1 and "is not a valid id" in found[0], (bad, found)


def test_unknown_kind_and_missing_kind(tmp_path):
    found = errors_for(tmp_path, {"a.yaml": "kind: frameworkk\nid: a\n", "b.yaml": "id: b\n"})
    assert any("a.yaml:1:7: kind: unknown kind 'frameworkk'" in e for e in found)
    assert any("b.yaml:1:1: -: missing 'kind'" in e for e in found)


def test_list_where_a_mapping_belongs(tmp_path):
    found = errors_for(tmp_path, {"a.yaml": "- kind: checklist\n"})
    assert found == [
        "frameworks/a.yaml:1:1: -: a content file is a mapping (key: value), not a list"
    ]


def test_duplicate_ids_across_files_name_both_places(tmp_path):
    found = errors_for(
        tmp_path, {"a.yaml": CHECKLIST.format(id="same"), "b.yaml": CHECKLIST.format(id="same")}
    )
    assert found == [
        "frameworks/b.yaml:2:5: id: duplicate checklist id 'same' (also in frameworks/a.yaml:2)"
    ]


def test_dangling_reference_suggests_the_closest_id(tmp_path):
    text = CHECKLIST.format(id="c").replace(
        "text: {ja: 項目, en: Item}", "text: {ja: 項目, en: Item}, framework: helth-score"
    )
    found = errors_for(tmp_path, {"t.yaml": TAXONOMY, "c.yaml": text})
    assert found == [
        "frameworks/c.yaml:7:52: items.0.framework: no framework with id 'helth-score'"
    ]


def test_all_problems_of_all_files_in_one_run(tmp_path):
    found = errors_for(
        tmp_path,
        {"a.yaml": "kind: [\n", "b.yaml": "kind: checklist\nid: b\n", "c.yaml": ""},
    )
    files = {e.split(":")[0] for e in found}
    assert files == {"frameworks/a.yaml", "frameworks/b.yaml", "frameworks/c.yaml"}
    assert len(found) >= 6  # b.yaml lacks title, summary, body, items


def test_a_broken_file_does_not_make_every_reference_to_it_an_error(tmp_path):
    broken = "kind: framework\nid: target\ntitle: {ja: 対象, en: Target}\n"
    referring = CHECKLIST.format(id="c").replace(
        "text: {ja: 項目, en: Item}", "text: {ja: 項目, en: Item}, framework: target"
    )
    dangling = CHECKLIST.format(id="d").replace(
        "text: {ja: 項目, en: Item}", "text: {ja: 項目, en: Item}, framework: nowhere"
    )
    found = errors_for(
        tmp_path, {"t.yaml": TAXONOMY, "a.yaml": broken, "c.yaml": referring, "d.yaml": dangling}
    )
    files = [e.split(":")[0] for e in found]
    assert "frameworks/c.yaml" not in files  # the broken file's own errors say enough
    assert files.count("frameworks/d.yaml") == 1  # a really missing id is still reported
    assert "no framework with id 'nowhere'" in found[-1]
    assert set(files) == {"frameworks/a.yaml", "frameworks/d.yaml"}


def test_a_file_yaml_cannot_read_does_not_make_references_to_it_errors(tmp_path):
    unreadable = "kind: framework\nid: target\ntitle: [unclosed\n"
    referring = CHECKLIST.format(id="c").replace(
        "text: {ja: 項目, en: Item}", "text: {ja: 項目, en: Item}, framework: target"
    )
    found = errors_for(tmp_path, {"t.yaml": TAXONOMY, "a.yaml": unreadable, "c.yaml": referring})
    assert (
        len(found) == 1 and found[0].startswith("frameworks/a.yaml:") and "YAML syntax" in found[0]
    )


def test_script_links_are_located_errors_wherever_markdown_would_make_them(tmp_path):
    body = {
        "list item": "- item\\n\\n    [r]: javascript:alert(1)\\n\\n[c][r]",
        "quote": "> [r]: JavaScript:alert(1)",
        "admonition": "!!! note\\n    [r]: vbscript:x",
        "entity": "[x](java&#115;cript:alert(1))",
        "data": "[x](data:text/html,x)",
        "web": "[x](https://example.com) [m](mailto:cs@example.com) [p](../x/)",
    }
    items = "\n".join(
        f'  - {{id: i{n}, text: {{ja: "{text}", en: "{text}"}}}}'
        for n, text in enumerate(body.values())
    )
    checklist = CHECKLIST.format(id="c").split("items:")[0] + "items:\n" + items + "\n"
    errors = errors_for(tmp_path, {"t.yaml": TAXONOMY, "c.yaml": checklist})
    message = "links may use http, https, mailto or a relative path"
    found = [(e.split(":")[1], e.split(": ", 2)[1:]) for e in errors]
    schemes = ["javascript", "javascript", "vbscript", "javascript", "data"]
    assert found == [
        (str(7 + n), [f"items.{n}.text.{lang}", f"link to '{scheme}:'; {message}"])
        for n, scheme in enumerate(schemes)
        for lang in ("ja", "en")
    ]
    assert all(e.startswith("frameworks/c.yaml:") and int(e.split(":")[2]) > 1 for e in errors)
