"""Outputs are safe in the program that opens them: spreadsheets, calendars, Markdown viewers,
and the terminal; ``-o`` and ``new`` fail with one clear line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.scoring import spreadsheet_safe

FIXTURE = Path(__file__).resolve().parents[1] / "golden" / "fixture"


def run(project: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(project), *args])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "p")
    return tmp_path / "p"


@pytest.mark.parametrize(
    "account",
    [
        "=1+1",
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "＝1+1",
        "＋1",
        "－1",
        "＠SUM(A1)",
        '=HYPERLINK("http://x","y")',
        "-cmd|' /C calc'!A0",
    ],
)
def test_score_csv_neutralises_formula_cells(project, tmp_path, account):
    source = tmp_path / "in.csv"
    quoted = '"' + account.replace('"', '""') + '"'
    source.write_text(f"account,usage,nps\n{quoted},80,70\n", encoding="utf-8")
    result = run(project, "score", "--framework", "score", "--csv", str(source))
    assert result.exit_code == 0, result.output
    import csv
    import io

    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1][0] == "'" + account
    assert not any(cell[:1] in "=+-@\t\r＝＋－＠" for row in rows[1:] for cell in row)


@pytest.mark.parametrize("cell", ["Acme", "株式会社", "80", "1e3", "", "a=b", "'x"])
def test_ordinary_cells_are_left_as_they_are(cell):
    assert spreadsheet_safe(cell) == cell


PAYLOADS = {
    "newline-item": "Review\n- [x] forged item",
    "newline-heading": "Review\n# Forged heading",
    "leading-mark": "- [ ] nested",
    "html": "<img src=x onerror=alert(1)>",
    "link": "[click](javascript:alert(1))",
    "cr-only": "Review\rSUMMARY:forged",
    "control": "Review\x1b]8;;http://x\x07link\x1b]8;;\x07\x0b\x7f\x85",
    "ics-specials": "a;b,c\\d",
}


def _schedule(title: str, role: str, fmt: str) -> str:
    """The fixture's playbook with ``title`` on its 30-day step and ``role`` as the CSM's name.

    Built past the content checks (which refuse control characters): the writers must be
    safe on their own.
    """
    from generator.catalog import load_catalog
    from generator.models.base import Text
    from generator.schedule import ics, markdown, parse_anchor

    catalog = load_catalog(FIXTURE / "frameworks", FIXTURE)
    playbook = catalog.get("playbook", "play")
    steps = [
        s.model_copy(update={"title": Text.model_construct(ja=title, en=title)})
        if s.id == "review"
        else s
        for s in playbook.steps
    ]
    playbook = playbook.model_copy(update={"steps": steps})
    taxonomy = catalog.of("taxonomy")[0]
    roles = [
        r.model_copy(update={"name": Text.model_construct(ja=role, en=role)})
        for r in taxonomy.roles
    ]
    patched = taxonomy.model_copy(update={"roles": roles})

    class Patched:
        def of(self, kind):
            return [patched] if kind == "taxonomy" else catalog.of(kind)

        def one(self, kind):
            return catalog.one(kind)

    writer = ics if fmt == "ics" else markdown
    return writer(Patched(), playbook, parse_anchor("2026-04-01"), "en")


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_schedule_markdown_escapes_titles_and_names_like_fill(name):
    from generator.fill import inline

    text = _schedule(PAYLOADS[name], PAYLOADS[name], "md")
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith("- [")) == 3
    assert sum(1 for line in lines if line.startswith("#")) == 1
    item = next(line for line in lines if line.startswith("- [ ] 2026-05-01"))
    assert (
        item == f"- [ ] 2026-05-01 — {inline(PAYLOADS[name])} ({inline(PAYLOADS[name])} / Meeting)"
    )
    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(javascript", text)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_ics_text_has_no_control_characters_and_escapes_specials(name):
    text = _schedule(PAYLOADS[name], "CSM", "ics")
    assert text.endswith("\r\n")
    for line in text.split("\r\n")[:-1]:
        assert not any((ord(c) < 32 and c != "\t") or 0x7F <= ord(c) <= 0x9F for c in line), line
        key = line.split(":", 1)[0]
        assert line.startswith(" ") or key in {
            "BEGIN",
            "END",
            "VERSION",
            "PRODID",
            "CALSCALE",
            "UID",
            "DTSTAMP",
            "DTSTART;VALUE=DATE",
            "DTEND;VALUE=DATE",
            "SUMMARY",
            "DESCRIPTION",
        }, line
    unfolded = text.replace("\r\n ", "")
    summaries = [x for x in unfolded.split("\r\n") if x.startswith("SUMMARY:")]
    summary = summaries[2]  # steps in date order: prepare, kickoff, the 30-day review
    if name == "ics-specials":
        assert summary == "SUMMARY:a\\;b\\,c\\\\d"
    if name == "control":
        assert summary == "SUMMARY:Review]8\\;\\;http://xlink]8\\;\\;"
    if name == "newline-item":
        assert summary == "SUMMARY:Review\\n- [x] forged item"


@pytest.mark.parametrize(
    "command",
    [
        ["schedule", "play", "--anchor", "2026-04-01"],
        ["fill", "plan", "--answers", "ANSWERS", "--allow-missing"],
    ],
)
def test_output_into_a_missing_folder_is_one_clear_line(project, tmp_path, command):
    answers = tmp_path / "answers.yaml"
    answers.write_text("customer: Acme\n", encoding="utf-8")
    args = [str(answers) if a == "ANSWERS" else a for a in command]
    result = run(project, *args, "-o", str(tmp_path / "missing" / "out.md"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0] and "out.md" in lines[0]


@pytest.mark.parametrize("item_id", ["ok\n", "ok\nkind: x", "ok ", "ok/../../x", "OK", "ok_x"])
def test_new_matches_the_whole_id(project, item_id):
    result = run(project, "new", "checklist", item_id)
    assert result.exit_code == 1
    assert "not a valid id" in result.stderr
    assert not list((project / "frameworks").rglob("ok*"))
