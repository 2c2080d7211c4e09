"""The ``cs-playbook`` command line: check, generate, build, serve. Thin: it calls the core."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from generator.catalog import load_catalog
from generator.errors import ContentError, ContentErrors, shown_path, terminal_safe
from generator.kinds import skeleton_folders
from generator.kpi_help import KpiCommand
from generator.langs import Languages
from generator.site_build import ENGINES


def _project(path: str) -> Path:
    return Path(path).resolve()


#: ``--lang``: the languages are content (the site document's ``languages:``), so the value
#: is checked when the command runs, against that project's languages.
_lang_option = click.option(
    "--lang",
    default=None,
    metavar="CODE",
    help="One of the site's languages (its site document's `languages:`); default: the first.",
)


#: ``--engine``: the static site engine that builds (or serves) the generated docs trees.
_engine_option = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=ENGINES[0],
    show_default=True,
    help="The static site engine that builds or serves the generated docs trees.",
)


def _lang_or_exit(command: str, languages: Languages, lang: str | None) -> str:
    """``lang``, or the site's default when none was given; exits 2 with one line naming the
    configured languages when ``lang`` is not one of them."""
    if lang is None:
        return languages.default
    if lang not in languages.codes:
        click.echo(f"cs-playbook {command}: --lang: {languages.unknown(lang)}", err=True)
        sys.exit(2)
    return lang


def _report(errors: ContentErrors) -> None:
    for error in errors.errors:
        click.echo(str(error), err=True)
    count = len(errors.errors)
    click.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)


@click.group()
@click.option("--project", default=".", show_default=True, help="Folder that holds mkdocs.yml.")
@click.pass_context
def main(ctx: click.Context, project: str) -> None:
    """CS Playbook: YAML content → a MkDocs Material site in each of its languages."""
    ctx.obj = _project(project)


@main.command()
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (for CI).")
@click.pass_obj
def check(project: Path, strict: bool) -> None:
    """Validate all content; print every problem as path:line:col: key: message."""
    from generator.placeholders import find_placeholders

    root = project / "frameworks"
    try:
        catalog = load_catalog(root, project)
    except ContentErrors as errors:
        _report(errors)
        sys.exit(1)
    warnings = find_placeholders(catalog)
    for warning in warnings:
        click.echo(str(warning), err=True)
    count = sum(len(v) for v in catalog.items.values())
    if warnings:
        noun = "warning" if len(warnings) == 1 else "warnings"
        click.echo(f"{len(warnings)} {noun}{' (--strict: failing)' if strict else ''}", err=True)
        if strict:
            sys.exit(1)
    click.echo(f"ok: {count} content files valid")


@main.command("generate")
@click.pass_obj
def generate_command(project: Path) -> None:
    """Write each language's docs tree and configuration under build/ (only changed files)."""
    from generator.core import generate
    from generator.docs_tree import write_project
    from generator.theme_safety import UnsafeSetting

    try:
        generated = generate(project)
        reports = write_project(project, generated)
    except ContentErrors as errors:
        _report(errors)
        sys.exit(1)
    except UnsafeSetting as exc:
        click.echo(f"generate refused: {exc}", err=True)
        sys.exit(1)
    for lang, report in reports.items():
        click.echo(
            f"{lang}: {len(generated.pages[lang])} pages, {len(report.written)} files written, "
            f"{report.unchanged} unchanged, {len(report.removed)} removed; "
            f"build it with: mkdocs build -f mkdocs.{lang}.yml"
        )


@main.command()
@click.option(
    "--site-dir",
    default="site",
    show_default=True,
    type=click.Path(),
    help="Where the finished site goes (replaced only when the build succeeds).",
)
@_engine_option
@click.pass_obj
def build(project: Path, site_dir: str, engine: str) -> None:
    """Generate and build every language with --strict, then swap the result into place."""
    from generator.site_build import BuildFailed, build_site
    from generator.site_folder import SiteFolderError

    target = Path(site_dir) if Path(site_dir).is_absolute() else project / site_dir
    try:
        report = build_site(project, target, engine)
    except ContentErrors as errors:
        _report(errors)
        click.echo("build stopped: the previous site is unchanged", err=True)
        sys.exit(1)
    except BuildFailed as exc:
        click.echo(f"build failed: {exc}", err=True)
        click.echo("the previous site is unchanged", err=True)
        sys.exit(1)
    except SiteFolderError as exc:
        click.echo(f"build refused: {exc}", err=True)
        sys.exit(1)
    for lang, seconds in report.seconds.items():
        pages = f", {report.pages[lang]} pages" if lang in report.pages else ""
        click.echo(f"{lang}: {seconds:.2f} s{pages}")
    # The site's links are folder links (page/ → page/index.html), which only a web server
    # resolves: opened from disk, a browser shows folder listings.
    click.echo(
        f"site ready in {site_dir}/; view it with: python3 -m http.server -d {site_dir} "
        "--bind 127.0.0.1 8000, then open http://127.0.0.1:8000/"
    )


@main.command()
@_lang_option
@click.option("--port", default=8000, show_default=True, type=int)
@_engine_option
@click.pass_obj
def serve(project: Path, lang: str | None, port: int, engine: str) -> None:
    """Serve one language with live reload; editing a YAML file rebuilds the page."""
    from generator.site_languages import project_languages

    code = _lang_or_exit("serve", project_languages(project), lang)
    if engine == "zensical":
        from generator.zensical_serve import serve as zensical_serve

        zensical_serve(project, code, port, click.echo, lambda line: click.echo(line, err=True))
        return
    from generator.preview import serve as preview

    preview(project, code, port, click.echo, lambda line: click.echo(line, err=True))


@main.command("new")
@click.argument("kind", type=click.Choice(sorted(skeleton_folders())))
@click.argument("item_id", metavar="ID")
@click.pass_obj
def new_command(project: Path, kind: str, item_id: str) -> None:
    """Write a valid skeleton for a new content file, with comments on what goes where."""
    from generator.scaffold import ScaffoldError, write_skeleton

    try:
        catalog = load_catalog(project / "frameworks", project)
        path = write_skeleton(project, kind, item_id, catalog)
    except ContentErrors as errors:
        _report(errors)
        click.echo("fix the content first: the skeleton is checked against it", err=True)
        sys.exit(1)
    except ScaffoldError as exc:
        click.echo(f"cs-playbook new: {exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {path.relative_to(project)}; next: edit it, then run cs-playbook check")


@main.command("schema")
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if a schema file is stale.")
@click.pass_obj
def schema_command(project: Path, check_only: bool) -> None:
    """Write JSON Schema files for every content kind into schema/ (for editors)."""
    from generator.schema import SCHEMA_FOLDER, all_schemas, write_schemas
    from generator.site_languages import project_languages

    languages = project_languages(project)  # texts are listed in the site's languages
    if check_only:
        stale = [
            name
            for name, text in all_schemas(languages).items()
            if not (project / SCHEMA_FOLDER / name).is_file()
            or (project / SCHEMA_FOLDER / name).read_text("utf-8") != text
        ]
        for name in stale:
            click.echo(f"{SCHEMA_FOLDER}/{name}: out of date (run cs-playbook schema)", err=True)
        sys.exit(1 if stale else 0)
    changed = write_schemas(project, languages)
    click.echo(f"{len(changed)} schema file(s) written")


def _catalog_or_exit(project: Path) -> Any:
    try:
        return load_catalog(project / "frameworks", project)
    except ContentErrors as errors:
        _report(errors)
        sys.exit(1)


def _write_or_echo(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (one clear line and exit 1 if it cannot), or print it."""
    if not output:
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_bytes(text.encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        click.echo(f"{shown_path(output)}: cannot write: {reason.lower()}", err=True)
        sys.exit(1)


def _item_or_exit(catalog: Any, kind: str, item_id: str, command: str) -> Any:
    """The item, or a message naming the ids that exist and exit 1."""
    if (kind, item_id) not in catalog.declared:
        known = ", ".join(item.id for item in catalog.of(kind)) or "none"
        shown = terminal_safe(item_id)
        click.echo(f"cs-playbook {command}: no {kind} '{shown}' (known: {known})", err=True)
        sys.exit(1)
    return catalog.get(kind, item_id)


@main.command("kpi", cls=KpiCommand)
@click.argument("kpi_id", metavar="ID")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="NAME=VALUE",
    help="An input value; repeat for every input.",
)
@click.option("--json", "as_json", is_flag=True, help='Print {"id", "value", "unit", "display"}.')
@_lang_option
@click.pass_obj
def kpi_command(
    project: Path, kpi_id: str, assignments: tuple[str, ...], as_json: bool, lang: str | None
) -> None:
    """Compute a KPI from its formula; e.g. cs-playbook kpi grr --set start_mrr=100 …"""
    import json

    from generator.formula import EvaluationError
    from generator.kpi import compute

    catalog = _catalog_or_exit(project)
    lang = _lang_or_exit("kpi", catalog.languages, lang)
    kpi = _item_or_exit(catalog, "kpi", kpi_id, "kpi")
    values: dict[str, float] = {}
    for assignment in assignments:
        name, sep, raw = assignment.partition("=")
        try:
            if not sep:
                raise ValueError
            values[name.strip()] = float(raw)
        except ValueError:
            click.echo(f"cs-playbook kpi: --set takes NAME=NUMBER, not {assignment!r}", err=True)
            sys.exit(1)
    try:
        result = compute(kpi, values, lang)
    except EvaluationError as exc:
        inputs = ", ".join(i.id for i in kpi.inputs)
        click.echo(
            f"cs-playbook kpi {kpi_id}: {terminal_safe(str(exc))} (inputs: {inputs})", err=True
        )
        sys.exit(1)
    click.echo(json.dumps(result.as_json(), ensure_ascii=False) if as_json else result.display)


@main.command("score")
@click.option("--template", "show_template", is_flag=True, help="Print the CSV header to fill.")
@click.option("--csv", "csv_file", type=click.Path(dir_okay=False), help="Score every row.")
@click.option("--framework", "framework_id", default="health-score", show_default=True)
@click.pass_obj
def score_command(
    project: Path, show_template: bool, csv_file: str | None, framework_id: str
) -> None:
    """Health scores from a CSV of component values (0–100; blank = missing)."""
    from generator.scoring import score_csv, template_header

    catalog = _catalog_or_exit(project)
    framework = catalog.declared.get(("framework", framework_id))
    if framework is None or framework.score_model is None:
        shown = terminal_safe(framework_id)
        click.echo(f"cs-playbook score: framework '{shown}' has no score_model", err=True)
        sys.exit(1)
    if show_template or not csv_file:
        click.echo(template_header(framework.score_model), nl=False)
        return
    try:
        # newline="": a CR inside a quoted cell stays a CR (the csv module's rule).
        with Path(csv_file).open(encoding="utf-8-sig", newline="") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        click.echo(f"{shown_path(csv_file)}: cannot read: {terminal_safe(str(exc))}", err=True)
        sys.exit(1)
    scored, errors = score_csv(framework.score_model, text, shown_path(csv_file))
    click.echo(scored, nl=False)
    for error in errors:
        click.echo(terminal_safe(error), err=True)
    sys.exit(1 if errors else 0)


@main.command("schedule")
@click.argument("playbook_id", metavar="ID")
@click.option("--anchor", required=True, help="The anchor date, YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "ics"]), default="md", show_default=True)
@_lang_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file.")
@click.option("--customer", default="", help="Customer name put in front of each title.")
@click.option(
    "--business-days",
    "--weekdays-only",
    "weekdays_only",
    is_flag=True,
    help="Move steps on a Saturday, Sunday or public holiday (the site's `holidays:` calendar) "
    "to the next business day.",
)
@click.pass_obj
def schedule_command(
    project: Path,
    playbook_id: str,
    anchor: str,
    fmt: str,
    lang: str | None,
    output: str | None,
    customer: str,
    weekdays_only: bool,
) -> None:
    """Dated steps of a playbook as a Markdown checklist or an .ics calendar."""
    from generator.schedule import ScheduleError, ics, markdown, parse_anchor

    catalog = _catalog_or_exit(project)
    lang = _lang_or_exit("schedule", catalog.languages, lang)
    playbook = _item_or_exit(catalog, "playbook", playbook_id, "schedule")
    try:
        write = ics if fmt == "ics" else markdown
        text = write(catalog, playbook, parse_anchor(anchor), lang, customer, weekdays_only)
    except ScheduleError as exc:
        click.echo(f"cs-playbook schedule: --anchor: {exc}", err=True)
        sys.exit(1)
    _write_or_echo(text, output)


@main.command("fill")
@click.argument("template_id", metavar="ID")
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(dir_okay=False),
    help="YAML answers keyed by field id.",
)
@_lang_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file.")
@click.option("--allow-missing", is_flag=True, help="Leave placeholders for missing answers.")
@click.option(
    "--example",
    "show_example",
    is_flag=True,
    help="Print an answers file with every field and example values.",
)
@click.option("--customer", default="", help="The customer's name (fills the customer field).")
@click.pass_obj
def fill_command(
    project: Path,
    template_id: str,
    answers_file: str | None,
    lang: str | None,
    output: str | None,
    allow_missing: bool,
    show_example: bool,
    customer: str,
) -> None:
    """Fill a template from an answers file; every problem is FILE:line:col: field: message."""
    from generator.fill import check_answers, example_answers, fill
    from generator.loader import load_file

    catalog = _catalog_or_exit(project)
    lang = _lang_or_exit("fill", catalog.languages, lang)
    template = _item_or_exit(catalog, "template", template_id, "fill")
    if show_example:
        click.echo(example_answers(template, lang), nl=False)
        return
    if not answers_file:
        click.echo("cs-playbook fill: give --answers FILE (or --example)", err=True)
        sys.exit(1)
    path = Path(answers_file)
    if not path.is_file():
        click.echo(str(ContentError(answers_file, 1, 1, "-", "no such file")), err=True)
        sys.exit(1)
    doc, load_errors = load_file(path, answers_file)
    errors = list(load_errors)
    if customer.strip():
        if not template.customer_field:
            message = f"cs-playbook fill: --customer: {template_id} has no customer field"
            click.echo(message, err=True)
            sys.exit(1)
        if doc is not None and isinstance(doc.data, dict):
            doc.data[template.customer_field] = " ".join(customer.split())
    if doc is not None:
        flagged = {e.key for e in load_errors}
        for problem in check_answers(template, doc.data, allow_missing):
            error = doc.error(problem.loc, problem.message, key=problem.at_key)
            if error.key not in flagged:
                errors.append(error)
    if doc is None or errors:
        for error in sorted(errors):
            click.echo(str(error), err=True)
        sys.exit(1)
    text = fill(template, doc.data, lang)
    _write_or_echo(text, output)
