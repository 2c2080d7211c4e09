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
