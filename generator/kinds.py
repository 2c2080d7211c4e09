"""Every content kind, declared once.

An entry says which model validates a file of the kind, where ``cs-playbook new`` writes
its skeleton, where its pages go, which sidebar section lists them and whether the kind
is site-level data. Validation, the JSON schemas, links, the page plan, the navigation,
the scaffold and the benchmark's copies are all derived from :data:`KINDS`; the order of
the list is the order of the site's sections.

Adding a kind: its model (``models/``), its page template (``templates/pages/<name>.md.j2``),
its labels (``nav``, ``home.<section>_lead``, ``kinds``) and one entry here. A kind whose
page needs more than ``item`` registers a context function in ``generator/pages/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.models.article import Article, Comparison
from generator.models.base import Model
from generator.models.checklist import Checklist
from generator.models.fillable import FillableTemplate
from generator.models.framework import Framework
from generator.models.glossary import Glossary
from generator.models.kpi import Kpi
from generator.models.navigator import ChallengeNavigator, Curriculum
from generator.models.playbook import Playbook
from generator.models.question_set import QuestionSet
from generator.models.script import Script
from generator.models.search import SearchTerms
from generator.models.site import Site
from generator.models.taxonomy import Taxonomy


@dataclass(frozen=True)
class Kind:
    """One content kind: the value of a file's ``kind:`` key and everything that follows."""

    name: str
    model: type[Model]
    #: Folder under ``frameworks/`` where ``cs-playbook new`` writes a skeleton
    #: (``templates/skeletons/<name>.yaml.j2``); None: no skeleton.
    skeleton_folder: str | None = None
    #: Folder of its pages, one per item plus ``index.md``; None: no page per item.
    pages: str | None = None
    #: The one page this kind makes (a guide, or a page gathering every item).
    page: str | None = None
    #: Label key under ``nav`` of the sidebar section that lists its pages; kinds that
    #: share a key share the section. A section of one ``page`` is a top-level entry.
    section: str | None = None
    #: Its pages folder has an ``index.md`` listing the items (a section's own page).
    index: bool = True
    #: Its items are listed in the sidebar under the taxonomy's groups (by this field).
    grouped_by: str | None = None
    #: Ids declared inside a file of this kind: list field → kind of its items.
    nested: Mapping[str, str] = field(default_factory=dict)
    #: One per site (site text, taxonomy, search words, guides): the benchmark copies
    #: every other kind's items to make a bigger handbook.
    site_level: bool = False

    @property
    def template(self) -> str:
        """The page template of one item."""
        return self.name.replace("-", "_") + ".md.j2"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "challenge-navigator",
            ChallengeNavigator,
            page="challenges/index.md",
            section="challenges",
            site_level=True,
        ),
        Kind(
            "curriculum",
            Curriculum,
            page="csm-onboarding/index.md",
            section="curriculum",
            site_level=True,
        ),
        Kind(
            "framework",
            Framework,
            skeleton_folder="frameworks",
            pages="frameworks",
            section="frameworks",
            grouped_by="group",
        ),
        Kind("playbook", Playbook, "playbooks", pages="playbooks", section="playbooks"),
        Kind("checklist", Checklist, "checklists", pages="checklists", section="checklists"),
        Kind(
            "question-set",
            QuestionSet,
            "question-sets",
            pages="question-sets",
            section="question_sets",
        ),
        Kind("template", FillableTemplate, "templates", pages="templates", section="templates"),
        Kind("script", Script, "scripts", pages="scripts", section="scripts"),
        Kind("kpi", Kpi, "kpis", pages="kpis", section="kpis"),
        Kind("comparison", Comparison, pages="comparisons", section="references", index=False),
        Kind("article", Article, pages="reference", section="references", index=False),
        Kind(
            "glossary",
            Glossary,
            "glossary",
            page="glossary/index.md",
            section="references",
            nested={"terms": "term"},
        ),
        Kind(
            "taxonomy",
            Taxonomy,
            page="tags/index.md",
            section="references",
            nested={"groups": "group", "tags": "tag", "roles": "role", "channels": "channel"},
            site_level=True,
        ),
        Kind("site", Site, site_level=True),
        Kind("search", SearchTerms, site_level=True),
    )
}


def declared_ids(model: Model) -> list[tuple[str, str, tuple[str | int, ...]]]:
    """The (kind, id, key path) of everything a content file defines.

    A file-level item defines itself, and the items of its kind's ``nested`` fields (a
    glossary its terms; a taxonomy its groups, tags, roles and channels).
    """
    kind = str(getattr(model, "kind", ""))
    found: list[tuple[str, str, tuple[str | int, ...]]] = [
        (kind, str(getattr(model, "id", "")), ("id",))
    ]
    nested = KINDS[kind].nested if kind in KINDS else {}
    for field_name, child_kind in nested.items():
        for index, child in enumerate(getattr(model, field_name)):
            found.append((child_kind, child.id, (field_name, index, "id")))
    return found


def skeleton_folders() -> dict[str, str]:
    """kind → folder of new files, for the kinds ``cs-playbook new`` can write."""
    return {k.name: k.skeleton_folder for k in KINDS.values() if k.skeleton_folder}
