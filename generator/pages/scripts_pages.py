"""What a script's page needs: the script as one fillable text, its form and timings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.catalog import Catalog
from generator.fill import examples, fill
from generator.labels import load_labels
from generator.pages import item_context
from generator.pages.templates_pages import form_data


@dataclass(frozen=True)
class ScriptDocument:
    """A script as one fillable text per language (the shape ``fill`` and the form expect)."""

    id: str
    fields: list[Any]
    text: dict[str, str]
    customer_field: str | None = None

    def body(self, lang: str) -> str:
        """The text with its ``[[field]]`` markers, in ``lang``."""
        return self.text[lang]

    def languages(self) -> tuple[str, ...]:
        """The languages the script is written in."""
        return tuple(self.text)


@item_context("script")
def script_context(catalog: Catalog, item: Any) -> dict[str, Any]:
    """A script's example text, its form, its send timings and the playbooks that use it."""
    document = script_document(item)
    langs = document.languages()
    return {
        "example": {lang: fill(document, examples(item, lang), lang) for lang in langs},
        "form": form_data(document),
        "timings": {lang: [_timing(lang, m.day) for m in item.messages] for lang in langs},
        "no_reply": {lang: _no_reply(lang, item.follow_up) for lang in langs},
        "playbooks": catalog.referrers("script", item.id, "playbook"),
    }


def script_document(script: Any) -> ScriptDocument:
    """Every message, the talking points and the follow-up as one text to fill and copy."""
    return ScriptDocument(
        script.id,
        script.fields,
        {lang: _document_text(script, lang) for lang in script.title.by_language()},
        script.customer_field,
    )


def _document_text(script: Any, lang: str) -> str:
    t = load_labels(lang).script
    blocks: list[str] = []
    for message in script.messages:
        timing = _timing(lang, message.day)
        blocks.append(str(t.message_heading).format(name=message.name(lang), timing=timing))
        blocks.extend(_letter(t, message.subject, message.body, lang))
    if script.talking_points:
        blocks.append(f"## {t.talking_points}")
        blocks.append(
            "\n".join(f"- {_raw(point, lang).strip()}" for point in script.talking_points)
        )
    if script.follow_up is not None:
        follow = script.follow_up
        blocks.append(_days(t, "follow_up_heading", follow.after_days))
        blocks.extend(_letter(t, follow.subject, follow.body, lang))
    return "\n\n".join(blocks)


def _letter(t: Any, subject: Any, body: Any, lang: str) -> list[str]:
    lines = [str(t.subject_line).format(subject=_raw(subject, lang).strip())] if subject else []
    return [*lines, _raw(body, lang).strip("\n")]


def _raw(text: Any, lang: str) -> str:
    # Line breaks are part of a letter: unlike page prose, Japanese lines are not joined.
    return str(getattr(text, lang))


def _timing(lang: str, day: int) -> str:
    """When a message goes out, counted from the day the script starts."""
    t = load_labels(lang).script
    return str(t.day_zero) if day == 0 else _days(t, "day", day)


def _no_reply(lang: str, follow_up: Any) -> str:
    return (
        ""
        if follow_up is None
        else _days(load_labels(lang).script, "no_reply_after", follow_up.after_days)
    )


def _days(t: Any, key: str, days: int) -> str:
    """The label ``key`` for a number of days (its ``_one`` form for a single day)."""
    return str(t[f"{key}_one"]) if days == 1 else str(t[key]).format(days=days, day=days)
