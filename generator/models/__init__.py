"""Content models, one module per kind, and the registry that maps ``kind:`` to a model."""

from __future__ import annotations

from generator.langs import LANGS
from generator.models.article import Article, Comparison
from generator.models.base import Item, Model, Text
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

#: The value of a file's ``kind:`` key → the model that validates the file.
KINDS: dict[str, type[Model]] = {
    "framework": Framework,
    "playbook": Playbook,
    "checklist": Checklist,
    "question-set": QuestionSet,
    "glossary": Glossary,
    "taxonomy": Taxonomy,
    "site": Site,
    "search": SearchTerms,
    "challenge-navigator": ChallengeNavigator,
    "curriculum": Curriculum,
    "comparison": Comparison,
    "article": Article,
    "kpi": Kpi,
    "template": FillableTemplate,
    "script": Script,
}

__all__ = ["KINDS", "LANGS", "Item", "Model", "Text"]
