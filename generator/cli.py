"""The ``cs-playbook`` command line: check, generate, build, serve. Thin: it calls the core."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.catalog import load_catalog
from generator.errors import ContentErrors


def _project(path: str) -> Path:
    return Path(path).resolve()


def _report(errors: ContentErrors) -> None:
    for error in errors.errors:
        click.echo(str(error), err=True)
    count = len(errors.errors)
    click.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)


@click.group()
@click.option("--project", default=".", show_default=True, help="Folder that holds mkdocs.yml.")
@click.pass_context
def main(ctx: click.Context, project: str) -> None:
    """CS Playbook: YAML content → Japanese + English MkDocs Material site."""
    ctx.obj = _project(project)


@main.command()
@click.pass_obj
def check(project: Path) -> None:
    """Validate all content; print every problem as path:line:col: key: message."""
    root = project / "frameworks"
    try:
        catalog = load_catalog(root, project)
    except ContentErrors as errors:
        _report(errors)
        sys.exit(1)
    count = sum(len(v) for v in catalog.items.values())
    click.echo(f"ok: {count} content files valid")


@main.command("generate")
@click.option(
    "--out",
    "out",
    default="build/markdown",
    show_default=True,
    type=click.Path(),
    help="Folder for the Markdown tree (one subfolder per language).",
)
@click.pass_obj
def generate_command(project: Path, out: str) -> None:
    """Write the generated Markdown of both languages (only files whose bytes change)."""
    from generator.core import generate, write_tree

    try:
        generated = generate(project)
    except ContentErrors as errors:
        _report(errors)
        sys.exit(1)
    for lang, pages in generated.pages.items():
        report = write_tree(Path(out) / lang, pages)
        click.echo(
            f"{lang}: {len(pages)} pages, {len(report.written)} written, "
            f"{report.unchanged} unchanged, {len(report.removed)} removed"
        )


@main.command()
@click.option(
    "--site-dir",
    default="site",
    show_default=True,
    type=click.Path(),
    help="Where the finished site goes (replaced only when the build succeeds).",
)
@click.pass_obj
def build(project: Path, site_dir: str) -> None:
    """Generate and build both languages with --strict, then swap the result into place."""
    from generator.site_build import BuildFailed, build_site

    target = Path(site_dir) if Path(site_dir).is_absolute() else project / site_dir
    try:
        report = build_site(project, target)
    except ContentErrors as errors:
        _report(errors)
        click.echo("build stopped: the previous site is unchanged", err=True)
        sys.exit(1)
    except BuildFailed as exc:
        click.echo(f"build failed: {exc}", err=True)
        click.echo("the previous site is unchanged", err=True)
        sys.exit(1)
    for lang, seconds in report.seconds.items():
        pages = f", {report.pages[lang]} pages" if lang in report.pages else ""
        click.echo(f"{lang}: {seconds:.2f} s{pages}")
    click.echo(
        f"site ready: open {target / 'index.html'} "
        f"(or serve it: python -m http.server -d {site_dir} 8000)"
    )


@main.command()
@click.option("--lang", type=click.Choice(["ja", "en"]), default="ja", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_obj
def serve(project: Path, lang: str, port: int) -> None:
    """Serve one language with live reload; editing a YAML file rebuilds the page."""
    import os

    from mkdocs.commands.serve import serve as mkdocs_serve

    os.environ["CS_PLAYBOOK_LANG"] = lang
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    mkdocs_serve(str(project / "mkdocs.yml"), dev_addr=f"127.0.0.1:{port}")


@main.command("new")
@click.argument(
    "kind", type=click.Choice(["framework", "playbook", "checklist", "question-set", "glossary"])
)
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

    if check_only:
        stale = [
            name
            for name, text in all_schemas().items()
            if not (project / SCHEMA_FOLDER / name).is_file()
            or (project / SCHEMA_FOLDER / name).read_text("utf-8") != text
        ]
        for name in stale:
            click.echo(f"{SCHEMA_FOLDER}/{name}: out of date (run cs-playbook schema)", err=True)
        sys.exit(1 if stale else 0)
    changed = write_schemas(project)
    click.echo(f"{len(changed)} schema file(s) written")
