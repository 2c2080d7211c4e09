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
@click.argument("paths", nargs=-1, type=click.Path())
@click.pass_obj
def check(project: Path, paths: tuple[str, ...]) -> None:
    """Validate content; print every problem as path:line:col: key: message."""
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
