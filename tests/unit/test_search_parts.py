"""How the index is cut into parts: few parts, none above the limit, alike in content."""

import pytest

from generator.search_site import split_parts


@pytest.mark.parametrize(
    ("count", "most", "parts"), [(0, 5, 1), (1, 5, 1), (5, 5, 1), (6, 5, 2), (101, 10, 11)]
)
def test_as_few_parts_as_the_limit_allows(count, most, parts):
    split = split_parts(list(range(count)), most)
    assert len(split) == parts
    assert all(len(part) <= most for part in split)
    assert sorted(x for part in split for x in part) == list(range(count))


def test_parts_differ_in_size_by_one_at_most():
    sizes = [len(part) for part in split_parts(list(range(1003)), 100)]
    assert max(sizes) - min(sizes) <= 1


def test_neighbours_go_to_different_parts():
    # Copies of a page sit next to each other in path order; dealt in turn they are spread.
    split = split_parts([f"health-score-{n}" for n in range(4)] + ["kpis"] * 4, 4)
    assert split == [
        ["health-score-0", "health-score-2", "kpis", "kpis"],
        ["health-score-1", "health-score-3", "kpis", "kpis"],
    ]


def test_a_marked_article_is_a_document_of_its_own_with_its_title_as_read():
    from generator.labels import load_labels
    from generator.search_site import mark_page
    from generator.search_text import Normalizer, rules_for

    page = (
        "<html><head><title>x</title></head><body><nav>menu</nav>"
        '<article class="md-content__inner md-typeset">'
        '<h1>The <abbr title="Customer success manager">CSM</abbr>\'s week'
        '<a class="headerlink" href="#w">¶</a></h1><p>Plan the week.</p></article></body></html>'
    )
    marked, text = mark_page(
        page, "playbooks/week", load_labels("en"), Normalizer(rules_for("en", [], [], []))
    )
    assert marked is not None and "menu" not in marked  # only the article goes to the index
    assert 'data-title="The CSM&#x27;s week"' in marked
    assert "Plan the week." in text
