"""The script kind: loading, marker checks, the filled text, and links from playbook steps."""

from __future__ import annotations

from generator.catalog import load_catalog
from generator.fill import examples, fill
from generator.pages import plan_pages
from generator.pages.scripts_pages import script_document
from tests.unit.helpers import TAXONOMY, content_errors, write

SCRIPT = """\
kind: script
id: hello
title: {ja: ご挨拶, en: Hello}
summary: {ja: 挨拶します。, en: Says hello.}
when: {ja: 最初に。, en: First.}
channel: meeting
fields:
  - id: contact
    type: short
    label: {ja: ご担当者名, en: Contact}
    help: {ja: 姓。, en: Name.}
    example: {ja: 山田, en: Dana}
messages:
  - id: first
    day: 0
    name: {ja: 最初のメール, en: First email}
    subject: {ja: "[[contact]]様へのご挨拶", en: "Hello [[contact]]"}
    body:
      ja: |
        [[contact]]様
        いつもお世話になっております。
        本日はご挨拶です。
      en: |
        Hi [[contact]],
        Just saying hello.
  - id: second
    day: 2
    name: {ja: 2通目, en: Second email}
    body: {ja: "BODY_JA", en: "BODY_EN"}
talking_points:
  - {ja: 近況を伺う, en: Ask how things are going}
follow_up:
  after_days: 1
  body: {ja: "[[contact]]様、ご確認ください。", en: "[[contact]], any news?"}
"""


def _script(body_ja: str = "再度のご連絡です。", body_en: str = "Again.") -> str:
    return SCRIPT.replace("BODY_JA", body_ja).replace("BODY_EN", body_en)


PLAYBOOK = """\
kind: playbook
id: play
title: {ja: プレイ, en: Play}
summary: {ja: 手順です。, en: Steps.}
body: {ja: 本文, en: Body}
touch: high-touch
anchor: {id: kickoff, name: {ja: キックオフ, en: the kickoff}}
steps:
  - id: invite
    offset_days: -7
    title: {ja: 招待, en: Invite}
    description: {ja: 招待します。, en: Invite them.}
    owner: csm
    channel: meeting
    script: SCRIPT_ID
"""


def test_a_script_loads_and_its_page_fills_every_message(tmp_path):
    assert content_errors(tmp_path, {"t.yaml": TAXONOMY, "s.yaml": _script()}) == []
    catalog = load_catalog(tmp_path / "frameworks", tmp_path)
    index, page = [spec for spec in plan_pages(catalog) if spec.path.startswith("scripts/")]
    assert index.path == "scripts/index.md" and page.path == "scripts/hello.md"
    assert page.source == "frameworks/s.yaml"
    document = script_document(catalog.get("script", "hello"))
    text = fill(document, examples(catalog.get("script", "hello"), "ja"), "ja")
    # Letters keep their line breaks (page prose would join Japanese lines).
    assert "山田様\nいつもお世話になっております。\n本日はご挨拶です。" in text
    assert "件名：山田様へのご挨拶" in text
    assert "## 2通目（開始から2日後）" in text
    assert "- 近況を伺う" in text
    assert "## 返信がない場合（翌日）" in text
    english = fill(document, {}, "en")
    assert "Subject: Hello [fill in: Contact]" in english
    assert page.context["timings"]["en"] == ["Start day", "2 days after the start"]
    assert page.context["no_reply"]["en"] == "1 day later if there is no reply"


def test_markers_must_name_fields_and_every_field_is_used(tmp_path):
    found = content_errors(
        tmp_path, {"t.yaml": TAXONOMY, "s.yaml": _script(body_en="Hi [[nobody]]")}
    )
    assert len(found) == 1
    assert found[0].startswith("frameworks/s.yaml:")
    assert "the en text names unknown field(s): nobody" in found[0]
    unused = (
        SCRIPT.replace("[[contact]]", "someone")
        .replace("BODY_JA", "本文")
        .replace("BODY_EN", "Body")
    )
    found = content_errors(tmp_path, {"s.yaml": unused})
    assert len(found) == 1 and "does not use field(s): contact" in found[0]


def test_messages_are_listed_in_day_order(tmp_path):
    late_first = _script().replace("day: 0", "day: 5")
    found = content_errors(tmp_path, {"t.yaml": TAXONOMY, "s.yaml": late_first})
    assert len(found) == 1 and "earliest first" in found[0]


def test_a_step_names_an_existing_script_or_gets_a_located_error(tmp_path):
    good = PLAYBOOK.replace("SCRIPT_ID", "hello")
    assert content_errors(tmp_path, {"t.yaml": TAXONOMY, "s.yaml": _script(), "p.yaml": good}) == []
    found = content_errors(tmp_path, {"p.yaml": PLAYBOOK.replace("SCRIPT_ID", "helo")})
    assert found == [
        "frameworks/p.yaml:15:13: steps.0.script: no script with id 'helo'; did you mean 'hello'?"
    ]


def test_a_script_lists_the_playbooks_that_use_it(tmp_path):
    write(tmp_path, "t.yaml", TAXONOMY)
    write(tmp_path, "s.yaml", _script())
    write(tmp_path, "p.yaml", PLAYBOOK.replace("SCRIPT_ID", "hello"))
    catalog = load_catalog(tmp_path / "frameworks", tmp_path)
    page = next(spec for spec in plan_pages(catalog) if spec.path == "scripts/hello.md")
    assert [p.id for p in page.context["playbooks"]] == ["play"]
