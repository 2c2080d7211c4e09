"""Property tests: any valid document renders; any invalid one is a located content error.

Sized to what they buy: the strategies' shapes (3 list styles, 6 mutations × 3 fields, optional
detail and remedy) are all drawn many times over in a few hundred examples, so the suite runs
1,000 each: about a minute for both on a busy 2-core machine (measured 64 s), where 10,000
each took 17.5 minutes.
``CS_PLAYBOOK_EXAMPLES=10000 pytest tests/property`` is the long run for a change to the loader,
the models or the Markdown safety. Marked slow: the quick loop skips them.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalog import load_catalog
from generator.errors import ContentErrors
from generator.markdown_safety import safe_text
from generator.render import Renderer

pytestmark = pytest.mark.slow

EXAMPLES = int(__import__("os").environ.get("CS_PLAYBOOK_EXAMPLES", "1000"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BASE = {
    "taxonomy.yaml": "kind: taxonomy\nid: main\n",
    "site.yaml": "kind: site\nid: site\nname: {ja: サイト, en: Site}\n"
    "tagline: {ja: 説明, en: Tagline}\nintro: {ja: 紹介, en: Intro}\n",
}
LINE = re.compile(r"^frameworks/doc\.yaml:\d+:\d+: \S+: .+$", re.DOTALL)

# Any printable text, including Markdown and HTML punctuation and Japanese.
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() != "")
slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
bilingual = st.fixed_dictionaries({"ja": text, "en": text})


@st.composite
def checklist(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(slug, min_size=1, max_size=4, unique=True))
    items = []
    for item_id in ids:
        item: dict[str, Any] = {"id": item_id, "text": draw(bilingual)}
        if draw(st.booleans()):
            item["detail"] = draw(bilingual)
        if draw(st.booleans()):
            item["remedy"] = draw(bilingual)
        items.append(item)
    return {
        "kind": "checklist",
        "id": draw(slug),
        "style": draw(st.sampled_from(["tasks", "numbered", "bullets"])),
        "title": draw(bilingual),
        "summary": draw(bilingual),
        "body": draw(bilingual),
        "items": items,
    }


class Workspace:
    """A temporary project whose one document is rewritten for every example."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="cs-playbook-prop-"))
        content = self.root / "frameworks"
        content.mkdir()
        for name, body in BASE.items():
            (content / name).write_text(body, encoding="utf-8")
        self.doc = content / "doc.yaml"

    def write(self, data: bytes) -> None:
        self.doc.write_bytes(data)


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace()


def dump(document: dict[str, Any]) -> bytes:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")


@SETTINGS
@given(document=checklist())
def test_a_valid_document_always_renders(workspace: Workspace, document: dict[str, Any]):
    workspace.write(dump(document))
    catalog = load_catalog(workspace.root / "frameworks", workspace.root)
    renderer = Renderer(catalog)
    spec = next(s for s in renderer.pages if s.path == f"checklists/{document['id']}.md")
    for lang in ("ja", "en"):
        page = renderer.render_page(spec, lang)
        # A title renders as a one-line heading: whitespace runs (newlines, NBSP) fold to one space.
        heading = " ".join(safe_text(document["title"][lang]).split())
        assert f"\n# {heading}\n" in page
        assert "<script" not in page.lower()


MUTATIONS = ["drop", "unknown", "wrong-type", "bad-id", "empty-language", "drop-language"]


@SETTINGS
@given(document=checklist(), mutation=st.sampled_from(MUTATIONS), data=st.data())
def test_an_invalid_document_always_gives_located_errors(
    workspace: Workspace, document: dict[str, Any], mutation: str, data: st.DataObject
):
    field = data.draw(st.sampled_from(["title", "summary", "body"]))
    if mutation == "drop":
        del document[data.draw(st.sampled_from(["id", "title", "summary", "body", "items"]))]
    elif mutation == "unknown":
        document[data.draw(st.sampled_from(["titel", "note", "Style", "ids"]))] = "x"
    elif mutation == "wrong-type":
        document[field] = data.draw(st.one_of(st.integers(), st.booleans(), st.lists(text)))
    elif mutation == "bad-id":
        document["id"] = data.draw(st.sampled_from(["Upper", "a_b", "../x", "日本", "-x", ""]))
    elif mutation == "empty-language":
        document[field][data.draw(st.sampled_from(["ja", "en"]))] = ""
    else:
        del document[field][data.draw(st.sampled_from(["ja", "en"]))]
    workspace.write(dump(document))
    with pytest.raises(ContentErrors) as caught:
        load_catalog(workspace.root / "frameworks", workspace.root)
    assert caught.value.errors
    for error in caught.value.errors:
        assert LINE.match(str(error)), str(error)
