"""Content text can use Markdown, but never raw HTML, attribute lists or script links."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from generator.markdown_safety import safe_text, table_cell

EXTENSIONS = ["attr_list", "md_in_html", "tables", "abbr", "def_list"]


def html(text: str) -> str:
    return markdown.markdown(safe_text(text), extensions=EXTENSIONS)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


def elements(out: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Elements()
    parser.feed(out)
    return parser.found


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x]( JavaScript:alert(1))",
        "[x](java&#115;cript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "**bold**{: onclick=alert(1) }",
        "Paragraph\n{: onmouseover=alert(1) }",
        '<a href="javascript:alert(1)">x</a>',
        "<div markdown>x</div>",
    ],
)
def test_no_live_code_reaches_html(text):
    for tag, attrs in elements(html(text)):
        assert tag in {"p", "a", "strong", "em", "code", "ul", "li"}, tag
        for name, value in attrs:
            assert not name.lower().startswith("on"), (tag, name)
            if name == "href":
                assert not (value or "").strip().lower().startswith(("javascript", "data")), value


def test_safe_markdown_still_works():
    out = html("**bold**, *em*, [a page](../x.md), [web](https://example.com)\n\n- item")
    assert "<strong>bold</strong>" in out
    assert '<a href="../x.md">a page</a>' in out
    assert '<a href="https://example.com">web</a>' in out
    assert "<li>item</li>" in out


def test_text_shows_literally():
    assert "&lt;b&gt;" in html("a <b> tag") or "&lt;b>" in html("a <b> tag")
    assert "{: x}" in markdown.markdown(safe_text("{: x}")).replace("&#123;", "{")


def test_table_cell_keeps_a_table_a_table():
    cell = table_cell("a | b\nc")
    assert "|" not in cell.replace("&#124;", "")
    assert "\n" not in cell
