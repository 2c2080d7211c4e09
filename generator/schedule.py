"""Dated playbook steps: a Markdown checklist or an iCalendar file (RFC 5545, all-day events).

The site's schedule widget (assets/cs-playbook/calculators.js) writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.business_days import WINDOW, holiday_dates, in_window, next_business_day
from generator.dates import parse_iso_date
from generator.fill import inline
from generator.labels import load_labels

PRODID = "-//CS Playbook//Schedules//EN"


class ScheduleError(ValueError):
    """An anchor date that is not a real YYYY-MM-DD date, or steps beyond the calendar."""


def parse_anchor(text: str) -> dt.date:
    """A YYYY-MM-DD date (only that form: the page's date field gives exactly it)."""
    try:
        return parse_iso_date(text)
    except ValueError:
        raise ScheduleError(f"the anchor must be a date written YYYY-MM-DD, not {text!r}") from None


def weekday_of(day: dt.date) -> dt.date:
    """The day itself, or the Monday after it when it falls on a Saturday or Sunday."""
    weekday = day.weekday()
    return day + dt.timedelta(days=7 - weekday) if weekday >= 5 else day


def calendar_of(catalog: Any) -> str | None:
    """The country code of the site's holiday calendar, or None (only weekends are skipped)."""
    site = catalog.one("site")
    return getattr(site, "holidays", None) if site is not None else None


def dated_steps(
    playbook: Any, anchor: dt.date, weekdays_only: bool = False, calendar: str | None = None
) -> list[tuple[dt.date, Any]]:
    """(date, step) in time order; every date and the day after it fall in the years 1–9999.

    With ``weekdays_only`` a step on a Saturday, a Sunday or a public holiday of
    ``calendar`` (a ``holidays`` country code) moves to the next business day. With a
    calendar, steps must fall in the ``WINDOW`` years the page knows the holidays of.
    """
    steps = sorted(playbook.steps, key=lambda s: s.offset_days)
    try:
        dated = [(anchor + dt.timedelta(days=s.offset_days), s) for s in steps]
        if weekdays_only and calendar:
            closed = holiday_dates(calendar)
            moved = [(next_business_day(day, closed), s) for day, s in dated]
            if not all(in_window(day) for pair in (dated, moved) for day, _ in pair):
                raise ScheduleError(
                    f"steps of {playbook.id} must fall in the years {WINDOW[0]}–{WINDOW[1]} "
                    "to be moved off public holidays"
                )
            dated = moved
        elif weekdays_only:
            dated = [(weekday_of(day), s) for day, s in dated]
        for day, _ in dated:
            day + dt.timedelta(days=1)  # each event's DTEND must exist too
        return dated
    except OverflowError:
        raise ScheduleError(f"steps of {playbook.id} fall outside the years 1–9999") from None


def _compact(day: dt.date) -> str:
    """YYYYMMDD with four-digit years (strftime drops leading zeros before 1000)."""
    return day.isoformat().replace("-", "")


def _names(catalog: Any, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    roles = {r.id: r.name(lang) for t in catalog.of("taxonomy") for r in t.roles}
    channels = {c.id: c.name(lang) for t in catalog.of("taxonomy") for c in t.channels}
    return roles, channels


def for_customer(title: str, customer: str, lang: str) -> str:
    """A title with the customer's name in front ("ACME: 30日レビュー"), or the title alone."""
    customer = " ".join(customer.split())
    if not customer:
        return title
    return str(load_labels(lang).schedule.customer_title).format(customer=customer, title=title)


def file_name(playbook_id: str, customer: str, extension: str) -> str:
    """``<customer>-<playbook>.<ext>``: the name without characters file systems refuse."""
    cleaned = "-".join(_UNSAFE_IN_NAMES.sub(" ", customer).split())[:60]
    return f"{cleaned}-{playbook_id}.{extension}" if cleaned else f"{playbook_id}.{extension}"


_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')


def markdown(
    catalog: Any,
    playbook: Any,
    anchor: dt.date,
    lang: str,
    customer: str = "",
    weekdays_only: bool = False,
) -> str:
    """A Markdown checklist of the dated steps; names are escaped as ``fill`` escapes answers."""
    roles, channels = _names(catalog, lang)
    t = load_labels(lang)
    title = inline(for_customer(playbook.title(lang), customer, lang))
    named = str(t.schedule.anchor_date).format(anchor=inline(playbook.anchor.name(lang)))
    lines = [f"# {title}", "", f"{named}: {anchor.isoformat()}", ""]
    for day, step in dated_steps(playbook, anchor, weekdays_only, calendar_of(catalog)):
        who = f"{inline(roles[step.owner])} / {inline(channels[step.channel])}"
        lines.append(f"- [ ] {day.isoformat()} — {inline(step.title(lang))} ({who})")
    return "\n".join(lines) + "\n"


def ics(
    catalog: Any,
    playbook: Any,
    anchor: dt.date,
    lang: str,
    customer: str = "",
    weekdays_only: bool = False,
) -> str:
    """An iCalendar file with one all-day event per step (CRLF, folded lines).

    Events are titled with the customer's name, and their UIDs include it, so the
    schedules of two customers can sit in one calendar.
    """
    roles, channels = _names(catalog, lang)
    customer = " ".join(customer.split())
    uid_prefix = f"{_escape(customer)}-" if customer else ""
    # DTSTAMP is the anchor, not the clock: the page and the CLI then write the same bytes.
    stamp = _compact(anchor) + "T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for day, step in dated_steps(playbook, anchor, weekdays_only, calendar_of(catalog)):
        description = (
            f"{step.description(lang).strip()}\n\n{roles[step.owner]} / {channels[step.channel]}"
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid_prefix}{playbook.id}-{step.id}-{_compact(day)}@cs-playbook",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_compact(day)}",
            f"DTEND;VALUE=DATE:{_compact(day + dt.timedelta(days=1))}",
            f"SUMMARY:{_escape(for_customer(step.title(lang), customer, lang))}",
            f"DESCRIPTION:{_escape(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


#: Control characters RFC 5545 does not allow in TEXT (tab and line feed are kept: the line
#: feed is written as \\n); C1 controls go too, as terminals and some readers act on them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape(text: str) -> str:
    """TEXT per RFC 5545 §3.3.11: \\ ; , escaped, line breaks as \\n, a lone CR dropped."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1)."""
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)
