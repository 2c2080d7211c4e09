"""The generator's shortcuts give exactly what the general paths give.

Each shortcut here was taken for speed (see the benchmark page); these tests pin that it
changes no output: links, labels, positions, template calls and the template cache.
"""

from __future__ import annotations

import itertools
import posixpath

import pytest
from jinja2 import pass_context

from generator.labels import Labels, load_labels
from generator.links import relative
from generator.loader import load_bytes
from generator.render import make_environment
from generator.template_cache import CACHE_ENV, bytecode_cache, cache_folder

_PAGES = [
    "index.md",
    "frameworks/index.md",
    "frameworks/health-score.md",
    "glossary/index.md",
    "a/b/c.md",
    "a/b/index.md",
    "a/x/y.md",
    "b/a/c.md",
    "a/b/c/d/e.md",
]
_TARGETS = [*_PAGES, "frameworks", "a/b", "a", "a/b/c.md#step-1", "glossary/index.md#nrr"]


def _relpath(from_page: str, target: str) -> str:
    path, _, anchor = target.partition("#")
    rel = posixpath.relpath(path, posixpath.dirname(from_page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


@pytest.mark.parametrize(("page", "target"), list(itertools.product(_PAGES, _TARGETS)))
def test_relative_links_match_posixpath(page, target):
    assert relative(page, target) == _relpath(page, target)


def test_labels_are_attributes_and_items_at_every_level():
    labels = Labels({"nav": {"home": "Home", "items": "Items"}, "top": "T"})
    assert labels.nav.home == "Home" and labels["nav"]["home"] == "Home"
    assert labels.nav.items == "Items"  # a label may be named like a dict method
    assert labels.nav is labels.nav  # nested groups are built once
    with pytest.raises(KeyError, match="no label 'missing'"):
        labels.nav.missing  # noqa: B018
    assert load_labels("en").nav.about


def test_positions_found_later_are_those_of_the_first_parse():
    text = "kind: x\nitems:\n  - id: a\n    text: {ja: あ, en: a}\n  - b\nmore:\n  deep: [1, 2]\n"
    doc, errors = load_bytes(text.encode(), "f.yaml")
    assert errors == [] and doc is not None
    assert doc.value_marks[("items", 1)] == (5, 5)
    assert doc.key_marks[("more", "deep")] == (7, 3)
    assert doc.value_marks[("more", "deep", 1)] == (7, 13)
    assert doc.error(("items", 0, "text", "ja"), "m").line == 4


def test_context_still_reaches_functions_that_ask_for_it(tmp_path):
    env = make_environment(tmp_path)
    seen = []

    @pass_context
    def wants_context(context, value):
        seen.append(context["name"])
        return value

    template = env.from_string(
        "{% for x in [1, 2] %}{{ probe(x) }}{% endfor %}", globals={"probe": wants_context}
    )
    assert template.render(name="n") == "12"
    assert seen == ["n", "n"]


def test_compiled_templates_are_kept_and_a_changed_template_is_compiled_again(
    tmp_path, monkeypatch
):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    folder = cache_folder()
    assert folder is not None and folder.is_relative_to(tmp_path / "cache")
    project = tmp_path / "project"
    override = project / "page-templates" / "pages"
    override.mkdir(parents=True)
    (override / "probe.md.j2").write_text("first {{ 1 }}\n", "utf-8")
    env = make_environment(project)
    env.bytecode_cache = bytecode_cache()  # the cached environment was made before the patch
    assert env.get_template("pages/probe.md.j2").render() == "first 1\n"
    assert any(folder.iterdir())

    (override / "probe.md.j2").write_text("second {{ 2 }}\n", "utf-8")
    env.cache.clear()  # a new run: nothing compiled in memory, only what is on disk
    assert env.get_template("pages/probe.md.j2").render() == "second 2\n"


def test_the_template_cache_can_be_switched_off(monkeypatch):
    monkeypatch.setenv(CACHE_ENV, "")
    assert cache_folder() is None and bytecode_cache() is None


def test_a_cache_folder_others_can_write_to_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "shared"))
    folder = cache_folder()
    assert folder is not None
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert bytecode_cache() is None
    folder.chmod(0o700)
    assert bytecode_cache() is not None
