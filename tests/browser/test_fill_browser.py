"""The template form in Chromium: its download is byte-identical to `cs-playbook fill`."""

from __future__ import annotations

import json
import random
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from generator.answers import is_per_language
from generator.catalog import load_catalog
from generator.fill import check_answers, examples, fill
from generator.models.fillable import MARKER
from generator.pages.templates_pages import form_data
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

CATALOG = load_catalog(PROJECT_ROOT / "frameworks", PROJECT_ROOT)


def answers_for(template_id: str, lang: str) -> dict[str, object]:
    template = CATALOG.get("template", template_id)
    answers = examples(template, lang)
    short = next(f.id for f in template.fields if f.type == "short")
    answers[short] = "A | B # <b>x</b> [y](z) *w* `v`"
    return answers


def type_answers(page, template_id: str, answers: dict[str, object], template=None) -> None:
    template = template or CATALOG.get("template", template_id)
    for field in template.fields:
        value = answers[field.id]
        selector = f".csp-fill [name='{field.id}']"
        if field.type == "table":
            rows = value  # type: ignore[assignment]
            for index, row in enumerate(rows):  # type: ignore[arg-type]
                if index:
                    page.click(f".csp-fill [data-field='{field.id}'] .csp-fill__add")
                line = page.locator(f".csp-fill [data-field='{field.id}'] .csp-fill__row").nth(
                    index
                )
                for column in field.columns:
                    line.locator(f"[data-column='{column.id}']").fill(str(row.get(column.id, "")))
        elif field.type == "choice":
            page.select_option(selector, str(value))
        elif field.type == "list":
            page.fill(selector, "\n".join(str(v) for v in value))  # type: ignore[union-attr]
        else:
            page.fill(selector, str(value))


@pytest.mark.parametrize(
    ("template_id", "lang"),
    [
        ("success-plan", "ja"),
        ("cs-strategy-document", "en"),
        ("review-30-60-90", "ja"),
        ("qbr", "en"),
    ],
)
def test_form_download_equals_cli_fill(page, engine_site_url, tmp_path: Path, template_id, lang):
    answers = answers_for(template_id, lang)
    page.goto(f"{engine_site_url}/{lang}/templates/{template_id}/", wait_until="load")
    type_answers(page, template_id, answers)
    with page.expect_download() as info:
        page.click(".csp-fill__download")
    target = tmp_path / "form.md"
    info.value.save_as(target)
    expected = fill(CATALOG.get("template", template_id), answers, lang)
    assert target.read_text("utf-8") == expected
    # the same answers through the command line give the same bytes
    from click.testing import CliRunner

    from generator.cli import main

    answers_file = tmp_path / "answers.yaml"
    answers_file.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "cli.md"
    result = CliRunner().invoke(
        main,
        [
            "--project",
            str(PROJECT_ROOT),
            "fill",
            template_id,
            "--answers",
            str(answers_file),
            "--lang",
            lang,
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == target.read_bytes()
    assert page.request_log.outside == []


def test_draft_is_kept_and_reset(page, site_url):
    url = f"{site_url}/en/templates/success-plan/"
    page.goto(url, wait_until="load")
    page.fill(".csp-fill [name='customer']", "Draft Co")
    page.reload(wait_until="load")
    assert page.input_value(".csp-fill [name='customer']") == "Draft Co"
    assert "Draft Co" in page.locator(".csp-fill__rendered").inner_text()
    page.click(".csp-fill__reset")
    page.reload(wait_until="load")
    assert page.input_value(".csp-fill [name='customer']") == ""
    assert "[fill in: Customer]" in page.locator(".csp-fill__rendered").inner_text()


def test_blank_download_works_without_javascript(browser, engine_site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{engine_site_url}/ja/templates/cs-strategy-plan/")
    href = page.get_attribute("a[download='cs-strategy-plan.md']", "href")
    assert href == "../../downloads/cs-strategy-plan.md.txt"
    with urllib.request.urlopen(urllib.parse.urljoin(page.url, href)) as response:
        assert "【記入：最重要課題】" in response.read().decode("utf-8")
    context.close()


# Characters that have a meaning in Markdown, whitespace Python and JavaScript could split
# differently, Japanese, digits and the marks that would open a block at a line's start.
ALPHABET = [*"ab xyz-+=~>#|<`*_[]()!\\.1230:", "\u3000", "\xa0", "\t", "\x1c", "\x85"]
ALPHABET += list("解約の顧客ヘルススコア")


def _text(rng: random.Random, lines: int = 1) -> str:
    parts = []
    for _ in range(lines):
        parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14))))
    return "\n".join(parts)


def _number(rng: random.Random) -> float:
    return rng.choice(
        [
            rng.randint(-(10**6), 10**14),
            round(rng.uniform(-1000, 1000), rng.randint(0, 6)),
            rng.choice([1e-7, 2.5e-6, 0.1 + 0.2, 999999999999999, 123456789012345.6, -0.0]),
        ]
    )


def random_answers(template, rng: random.Random) -> dict[str, object]:
    """Valid answers of every type, some left out, full of characters that need escaping."""
    answers: dict[str, object] = {}
    for field in template.fields:
        if rng.random() < 0.15:
            continue
        kind = field.type
        if kind == "short":
            value: object = _text(rng) + "x"
        elif kind == "long":
            value = _text(rng, rng.randint(1, 4)) + "x"
        elif kind in ("number", "percent", "money"):
            value = _number(rng)
        elif kind == "date":
            value = f"{rng.randint(1990, 2100)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        elif kind == "choice":
            value = rng.choice(field.options).id
        elif kind == "list":
            value = [_text(rng) + "x" for _ in range(rng.randint(1, 4))]
        else:
            value = [
                {c.id: _text(rng) for c in field.columns if rng.random() < 0.8}
                for _ in range(rng.randint(1, 3))
            ]
        answers[field.id] = value
    return answers


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_script_fills_exactly_like_python(page, site_url, lang):
    """Many random answers per template: the page's fill() and generator.fill agree to the byte."""
    rng = random.Random(f"fill-{lang}")
    for template in CATALOG.of("template"):
        page.goto(f"{site_url}/{lang}/templates/{template.id}/", wait_until="load")
        batch = [random_answers(template, rng) for _ in range(150)]
        for answers in batch:
            assert check_answers(template, answers, allow_missing=True) == [], answers
        got = page.evaluate(
            """async ([answers, lang]) => {
                const { fill } = await import(new URL("fill-text.js", document.querySelector(
                    "script[type=module][src$='main.js']").src));
                const box = document.querySelector(".csp-fill script[type='application/json']");
                const data = JSON.parse(box.textContent);
                return answers.map((a) => fill(data, a, lang));
            }""",
            [batch, lang],
        )
        for answers, text in zip(batch, got, strict=True):
            assert text == fill(template, answers, lang), answers


# Field, column and option ids spelt like properties of a form, of its elements collection or
# of every JavaScript object: the page must neither look them up by name nor inherit them.
RESERVED_IDS = [
    "length",
    "submit",
    "elements",
    "action",
    "method",
    "name",
    "id",
    "style",
    "target",
    "reset",
    "encoding",
    "enctype",
    "autocomplete",
    "item",
    "nameditem",
    "constructor",
    "prototype",
    "hasownproperty",
    "tostring",
    "valueof",
    "children",
    "nodename",
    "value",
]
# JavaScript replacement patterns and our own placeholder key inside labels.
LABEL_PARTS = ["$&", "$'", "$`", "$$", "$1", "$<x>", "{label}", "{0}", "\\", "%s", " ", "名"]


def _label(rng: random.Random) -> dict[str, str]:
    def one() -> str:
        return "".join(rng.choice(LABEL_PARTS) for _ in range(rng.randint(1, 5))) + "x"

    return {"ja": one(), "en": one()}


def _renamed_example(example, names: dict[str, str]):
    """A choice (option id) or table (rows keyed by column id) example with the new ids."""
    if is_per_language(example):
        return {lang: _renamed_example(value, names) for lang, value in example.items()}
    if isinstance(example, str):
        return names[example]
    return [{names[k]: v for k, v in row.items()} for row in example]


def renamed(template, rng: random.Random):
    """The template with random reserved-looking ids and labels full of replacement patterns."""
    from generator.models.fillable import FillableTemplate

    data = template.model_dump()
    pool = RESERVED_IDS[:]
    rng.shuffle(pool)
    spare = (f"f{n}" for n in range(1000))
    new_ids: dict[str, str] = {}
    for field in data["fields"]:
        new_ids[field["id"]] = pool.pop() if pool else next(spare)
        field["id"] = new_ids[field["id"]]
        field["label"] = _label(rng)
        for group in ("options", "columns"):
            names = {o["id"]: rng.choice(RESERVED_IDS) + str(i) for i, o in enumerate(field[group])}
            for entry in field[group]:
                entry["id"] = names[entry["id"]]
                entry["label"] = _label(rng)
            if names:
                field["example"] = _renamed_example(field["example"], names)
    for lang in ("ja", "en"):
        data["body"][lang] = MARKER.sub(lambda m: f"[[{new_ids[m.group(1)]}]]", data["body"][lang])
    if data.get("customer_field"):
        data["customer_field"] = new_ids[data["customer_field"]]
    return FillableTemplate.model_validate(data)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_page_script_fills_like_python_with_random_labels_and_ids(page, site_url, lang):
    """Reserved-looking ids and labels holding $&, $', $$: still the same bytes as fill()."""
    rng = random.Random(f"fill-ids-{lang}")
    for template in CATALOG.of("template"):
        page.goto(f"{site_url}/{lang}/templates/{template.id}/", wait_until="load")
        cases = [(v, random_answers(v, rng)) for v in (renamed(template, rng) for _ in range(6))]
        cases = [(v, a) for v, _ in cases for a in [random_answers(v, rng) for _ in range(8)]]
        got = page.evaluate(
            """async ([batch, lang]) => {
                const { fill } = await import(new URL("fill-text.js", document.querySelector(
                    "script[type=module][src$='main.js']").src));
                const box = document.querySelector(".csp-fill script[type='application/json']");
                const page = JSON.parse(box.textContent);
                return batch.map(([form, a]) => fill({...page, ...form}, a, lang));
            }""",
            [[(form_data(v), a) for v, a in cases], lang],
        )
        for (variant, answers), text in zip(cases, got, strict=True):
            assert text == fill(variant, answers, lang), answers


@pytest.mark.parametrize(("template_id", "lang"), [("qbr", "ja"), ("success-plan", "en")])
def test_form_with_reserved_field_ids_fills_like_the_cli(page, site_url, template_id, lang):
    """The real form, its ids renamed to length, submit, elements…: typed answers, same bytes."""
    from generator.render import _script_json

    template = CATALOG.get("template", template_id)
    variant = renamed(template, random.Random(f"form-{template_id}"))
    url = f"{site_url}/{lang}/templates/{template_id}/"

    def swap_form(route):
        html = route.fetch().text()
        start = html.index('<script type="application/json">', html.index('class="csp-fill"'))
        start += len('<script type="application/json">')
        end = html.index("</script>", start)
        page_data = json.loads(html[start:end])
        text = str(_script_json({**page_data, **form_data(variant)}))
        route.fulfill(body=html[:start] + text + html[end:], content_type="text/html")

    page.route(url, swap_form)
    page.goto(url, wait_until="load")
    answers = {f.id: f.example_in(lang) for f in variant.fields}
    type_answers(page, template_id, answers, template=variant)
    preview = page.text_content(".csp-fill__preview code")
    assert preview == fill(variant, answers, lang)
    page.unroute(url)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_named_drafts_per_customer(page, site_url, lang):
    """Two customers keep two drafts; each reopens and deletes on its own."""
    page.goto(f"{site_url}/{lang}/templates/qbr/", wait_until="load")
    customer, quarter = ".csp-fill [name='customer']", ".csp-fill [name='quarter']"
    page.fill(customer, "ACME")
    page.press(customer, "Tab")
    page.fill(quarter, "2026 Q1")
    page.fill(customer, "Globex")
    page.press(customer, "Tab")
    page.fill(quarter, "2026 Q2")
    page.reload(wait_until="load")
    names = page.locator(".csp-fill__drafts .csp-fill__open").all_inner_texts()
    assert names == ["ACME", "Globex"]
    assert page.input_value(customer) == "Globex"  # the last draft worked on opens
    page.click(".csp-fill__drafts .csp-fill__open >> text=ACME")
    assert page.input_value(customer) == "ACME"
    assert page.input_value(quarter) == "2026 Q1"
    with page.expect_download() as info:
        page.click(".csp-fill__download")
        page.click(".csp-fill__download")  # the first click names the empty required fields
    assert info.value.suggested_filename == "ACME-qbr.md"
    page.click(".csp-fill__drafts li:has-text('Globex') .csp-fill__delete")
    assert page.locator(".csp-fill__drafts .csp-fill__open").all_inner_texts() == ["ACME"]


def test_required_fields_are_named_and_focused(page, site_url):
    template = CATALOG.get("template", "qbr")
    page.goto(f"{site_url}/en/templates/qbr/", wait_until="load")
    page.fill(".csp-fill [name='customer']", "ACME")
    downloads: list[object] = []
    page.on("download", lambda download: downloads.append(download))
    page.click(".csp-fill__download")
    status = page.locator(".csp-fill__status").inner_text()
    required = [f for f in template.fields if f.required and f.id != "customer"]
    assert all(f.label("en") in status for f in required)
    focused = page.evaluate("document.activeElement.name")
    assert focused == required[0].id
    missing = page.locator(".csp-fill__field--missing").count()
    assert missing == len(required)
    assert page.get_attribute(f".csp-fill [name='{required[0].id}']", "aria-invalid") == "true"
    page.wait_for_timeout(300)
    assert downloads == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_formatted_preview_and_rich_copy(browser, site_url, lang):
    """The preview is formatted text beside the form; the copy pastes headings, lists, tables."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    page.goto(f"{site_url}/{lang}/templates/qbr/", wait_until="load")
    type_answers(page, "qbr", examples(CATALOG.get("template", "qbr"), lang))
    sheet = page.locator(".csp-fill__sheet")
    assert sheet.is_visible()
    form_box = page.locator(".csp-fill__form").bounding_box()
    sheet_box = sheet.bounding_box()
    assert sheet_box["x"] > form_box["x"] + form_box["width"] - 1  # beside the form
    assert page.locator(".csp-fill__rendered h2").count() >= 3
    assert page.locator(".csp-fill__rendered table td").count() > 0
    assert page.locator(".csp-fill__rendered pre, .csp-fill__rendered code").count() == 0
    page.click(".csp-fill__copy-rich")
    # Polled from here: wait_for_function evaluates a string, which the page's CSP refuses.
    for _ in range(50):
        if page.locator(".csp-fill__status").inner_text() != "":
            break
        page.wait_for_timeout(100)
    html = page.evaluate(
        """async () => {
          const [item] = await navigator.clipboard.read();
          return await (await item.getType("text/html")).text();
        }"""
    )
    for tag in ("<h1>", "<h2>", "<li>", "<table>", "<td>"):
        assert tag in html
    assert "<script" not in html
    with page.expect_download() as info:
        page.click(".csp-fill__download-html")
    assert info.value.suggested_filename.endswith("-qbr.html")
    context.close()
