"""``cs-playbook kpi ID --help``: the help lists that KPI's inputs, read from its content file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from generator.errors import ContentErrors
from generator.langs import Languages


class KpiCommand(click.Command):
    """A command whose help ends with the inputs of the KPI named on the command line."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # --help is handled while the arguments are parsed, before ID is known: note them first.
        ctx.meta["kpi_help_args"] = list(args)
        return super().parse_args(ctx, args)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        args = ctx.meta.get("kpi_help_args", [])
        kpi_id = next((a for a in args if not a.startswith("-") and _not_a_value(args, a)), None)
        project = ctx.find_object(Path) or Path.cwd()
        rows, title = _inputs(project, kpi_id, args)
        if title is None:
            with formatter.section("KPIs"):
                formatter.write_dl(rows)
            return
        with formatter.section(f"Inputs of {kpi_id} ({title})"):
            formatter.write_dl(rows)


def _not_a_value(args: list[str], arg: str) -> bool:
    at = args.index(arg)
    return at == 0 or args[at - 1] not in {"--set", "--lang"}


def _lang(args: list[str], languages: Languages) -> str:
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in languages.codes:
            return args[i + 1]
        if arg.startswith("--lang=") and arg[7:] in languages.codes:
            return arg[7:]
    return languages.default


def _inputs(
    project: Path, kpi_id: str | None, args: list[str]
) -> tuple[list[tuple[str, str]], Any]:
    """(rows, title): one KPI's inputs, or (every KPI, None) if none or an unknown is named;
    in the language ``args`` name, or the site's default."""
    from generator.catalog import load_catalog

    try:
        catalog = load_catalog(project / "frameworks", project)
    except ContentErrors:
        return [("", "fix the content first: run cs-playbook check")], None
    lang = _lang(args, catalog.languages)
    if kpi_id is None or ("kpi", kpi_id) not in catalog.declared:
        return [(k.id, k.title(lang)) for k in catalog.of("kpi")], None
    kpi = catalog.get("kpi", kpi_id)
    rows = [(f"--set {i.id}=N", f"{i.label(lang)} ({i.unit})") for i in kpi.inputs]
    example = " ".join(f"--set {name}={value:.15g}" for name, value in kpi.example.items())
    rows.append(("example", f"cs-playbook kpi {kpi_id} {example}"))
    return rows, kpi.title(lang)
