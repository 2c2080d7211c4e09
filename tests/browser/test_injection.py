"""Injection: script written into any text field never reaches the built site as live code.

A site is built from the golden fixture plus a framework, playbook and glossary whose every
text field carries an injection payload. Every page is scanned for live code and loaded in
Chromium with a dialog listener; the search box is fed the payloads too.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.site_build import build_site
from tests.browser.search_probe import open_search, search
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>alert('INJ1')</script>",
    "<img src=x onerror=alert('INJ2')>",
    "[click](javascript:alert('INJ3'))",
    "**bold**{: onclick=\"alert('INJ4')\" }",
    "<a href=\"javascript:alert('INJ5')\">x</a>",
    "<svg onload=alert('INJ6')>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<iframe src=\"javascript:alert('INJ8')\"></iframe>",
    "Paragraph\n{: onmouseover=\"alert('INJ9')\" }",
    "[ref][r]\n\n[r]: javascript:alert('INJ11')",
    "<details open ontoggle=alert('INJ12')>x</details>",
    '[x](https://example.com "x" onmouseover="alert(\'INJ14\')")',
    "</textarea><script>alert('INJ15')</script>",
    "[x](JaVaScRiPt:alert('INJ16'))",
    "[x](java&#115;cript:alert('INJ17'))",
    "<style>body{display:none}</style>",
    "{#id .class onclick=alert('INJ18')}",
]
LIVE_SCHEMES = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)


def _text(i: int) -> dict[str, str]:
    payload = PAYLOADS[i % len(PAYLOADS)]
    return {"ja": f"日本語 {payload}", "en": f"English {payload}"}


def _framework() -> dict[str, object]:
    n = iter(range(1000))
    question = lambda k: {  # noqa: E731
        "id": f"q{k}",
        "question": _text(next(n)),
        "why": _text(next(n)),
        "good_answer": _text(next(n)),
    }
    return {
        "kind": "framework",
        "id": "inject",
        "group": "health",
        "title": _text(next(n)),
        "summary": _text(next(n)),
        "body": _text(next(n)),
        "key_numbers": [
            {
                "id": "k",
                "label": _text(next(n)),
                "value": 1,
                "unit": "percent",
                "note": _text(next(n)),
            }
        ],
        "sections": [
            {
                "id": "s",
                "title": _text(next(n)),
                "body": _text(next(n)),
                "entries": [{"name": _text(next(n)), "text": _text(next(n))}],
            }
        ],
        "questions": [question(k) for k in range(5)],
        "checklist": [{"id": "c", "text": _text(next(n)), "detail": _text(next(n))}],
        "pitfalls": [{"problem": _text(next(n)), "remedy": _text(next(n))}],
    }


def _playbook() -> dict[str, object]:
    n = iter(range(1000))
    return {
        "kind": "playbook",
        "id": "inject-play",
        "title": _text(next(n)),
        "summary": _text(next(n)),
        "body": _text(next(n)),
        "touch": "high-touch",
        "anchor": {"id": "start", "name": _text(next(n))},
        "steps": [
            {
                "id": f"s{k}",
                "offset_days": k,
                "title": _text(next(n)),
                "description": _text(next(n)),
                "owner": "csm",
                "channel": "meeting",
            }
            for k in range(len(PAYLOADS))
        ],
    }


def _glossary() -> dict[str, object]:
    return {
        "kind": "glossary",
        "id": "inject-terms",
        "terms": [
            {
                "id": f"t{i}",
                "term": _text(i),
                "reading": "にほんご",
                "abbr": f"INJ{i}",
                "expansion": PAYLOADS[i % len(PAYLOADS)],
                "definition": _text(i + 1),
                "formula": _text(i + 2),
            }
            for i in range(len(PAYLOADS))
        ],
    }


def _template() -> dict[str, object]:
    n = iter(range(1000))
    kinds = ["short", "long", "list", "choice", "table"]
    fields: list[dict[str, object]] = []
    for k, kind in enumerate(kinds):
        field: dict[str, object] = {
            "id": f"f{k}",
            "type": kind,
            "label": _text(next(n)),
            "help": _text(next(n)),
        }
        text = PAYLOADS[next(n) % len(PAYLOADS)]
        if kind == "choice":
            field["options"] = [{"id": "a", "label": _text(next(n))}]
            field["example"] = "a"
        elif kind == "table":
            field["columns"] = [{"id": "c", "label": _text(next(n))}]
            field["example"] = [{"c": text}]
        elif kind == "list":
            field["example"] = [text]
        else:
            field["example"] = text
        fields.append(field)
    body = "\n\n".join(f"{PAYLOADS[k]} [[f{k}]]" for k in range(len(kinds)))
    return {
        "kind": "template",
        "id": "inject-form",
        "title": _text(next(n)),
        "summary": _text(next(n)),
        "purpose": _text(next(n)),
        "when": _text(next(n)),
        "fields": fields,
        "body": {"ja": f"# 日本語\n\n{body}\n", "en": f"# English\n\n{body}\n"},
    }


def _kpi() -> dict[str, object]:
    n = iter(range(1000))
    return {
        "kind": "kpi",
        "id": "inject-kpi",
        "title": _text(next(n)),
        "summary": _text(next(n)),
        "unit": "percent",
        "definition": _text(next(n)),
        "inputs": [
            {"id": "a", "label": _text(next(n)), "unit": "count"},
            {"id": "b", "label": _text(next(n)), "unit": "count"},
        ],
        "formula": "a / b",
        "example": {"a": 1, "b": 2},
    }


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    work = tmp_path_factory.mktemp("inject")
    for name in ("mkdocs.yml", "docs", "overrides"):
        src = PROJECT_ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, work / name)
    shutil.copytree(
        PROJECT_ROOT / "tests" / "golden" / "fixture" / "frameworks", work / "frameworks"
    )
    for name, data in (
        ("inject.yaml", _framework()),
        ("inject-terms.yaml", _glossary()),
        ("inject-play.yaml", _playbook()),
        ("inject-form.yaml", _template()),
        ("inject-kpi.yaml", _kpi()),
    ):
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (work / "frameworks" / name).write_text(text, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(work / "site"))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    import os

    os.environ["CS_PLAYBOOK_SITE_URL"] = url + "/"
    try:
        build_site(work, work / "site")
    finally:
        del os.environ["CS_PLAYBOOK_SITE_URL"]
    yield work / "site", url
    server.shutdown()
    server.server_close()


class _LiveCode(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action", "formaction"} and LIVE_SCHEMES.match(value or ""):
                self.problems.append(f"<{tag} {name}={value}>")
        if tag in {"iframe", "object", "embed", "svg", "details"} and any(
            "INJ" in (v or "") for _, v in attrs
        ):
            self.problems.append(f"<{tag}>")
        types = {value for name, value in attrs if name == "type"}
        self._in_script = tag == "script" and "application/json" not in types

    def handle_data(self, data: str) -> None:
        if self._in_script and "INJ" in data:
            self.problems.append("script with injected text")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def test_no_page_contains_live_injected_code(injected_site):
    site, _ = injected_site
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    page = (site / "en" / "frameworks" / "inject" / "index.html").read_text("utf-8")
    assert "INJ1" in page  # the payload is there, as text
    for path in pages:
        parser = _LiveCode()
        parser.feed(path.read_text("utf-8"))
        assert parser.problems == [], (path, parser.problems)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_dialog_fires_in_chromium(browser, injected_site, lang):
    site, url = injected_site
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    paths = sorted(p.relative_to(site).as_posix() for p in (site / lang).rglob("index.html"))
    for rel in paths:
        page.goto(f"{url}/{rel}", wait_until="load")
        for selector in ("a", "abbr"):
            # Glossary terms sit in closed <details>: only what a reader can see is hovered.
            visible = [e for e in page.locator(f"article {selector}").all() if e.is_visible()]
            for element in visible[:3]:
                element.hover(timeout=2000)
                if selector == "abbr":
                    element.click(timeout=2000)  # the tap explanation shows the title as text
    page.goto(f"{url}/{lang}/playbooks/inject-play/", wait_until="load")
    page.fill(".csp-schedule input[name=anchor]", "2026-01-01")
    assert page.locator(".csp-schedule__list li").count() == len(PAYLOADS)
    page.goto(f"{url}/{lang}/templates/inject-form/", wait_until="load")
    for name in ("f0", "f1", "f2"):
        page.fill(f".csp-fill [name='{name}']", PAYLOADS[0] + "\n" + PAYLOADS[1])
    page.fill(".csp-fill [data-column='c']", PAYLOADS[1])
    assert "INJ1" in page.locator(".csp-fill__preview").text_content()  # the Markdown, folded
    assert "INJ1" in page.locator(".csp-fill__rendered").inner_text()
    page.goto(f"{url}/{lang}/kpis/inject-kpi/", wait_until="load")
    page.fill(".csp-calc input[name=a]", "3")
    open_search(page, url, lang)
    for payload in PAYLOADS[:6]:
        search(page, payload)
    assert dialogs == []
    context.close()
