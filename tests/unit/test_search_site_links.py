"""How many other pages link to each page: the build's signal of the page about a subject."""

from generator.search_site import inbound_links


def _page(*hrefs: str) -> str:
    links = "".join(f'<a href="{h}">x</a>' for h in hrefs)
    return f'<html><article class="md-content__inner md-typeset">{links}</article></html>'


def test_links_from_other_pages_count_once_per_page():
    pages = [
        (
            "templates/worksheet",
            _page("../../frameworks/health-score/", "../../frameworks/health-score/#steps"),
        ),
        (
            "playbooks/low-touch",
            _page("../../frameworks/health-score/", "../../templates/worksheet/"),
        ),
        ("frameworks/health-score", _page("./", "#top", "../../templates/worksheet/")),
        ("", _page("frameworks/health-score/", "https://example.com/", "mailto:a@b.c")),
    ]
    counts = inbound_links(pages)
    assert counts["frameworks/health-score"] == 3
    assert counts["templates/worksheet"] == 2
    assert counts["playbooks/low-touch"] == 0
    assert "https://example.com" not in counts and "mailto:a@b.c" not in counts


def test_a_page_without_an_article_links_nowhere():
    assert inbound_links([("a", '<a href="../b/">b</a>')]) == {}
