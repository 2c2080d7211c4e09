"""``cs-playbook serve --engine zensical``: Zensical serves a language; we keep its tree current.

Zensical watches the docs tree and its configuration and rebuilds what changed. What it cannot
see is the content: this loop looks at ``frameworks/`` and the hand-written pages, and on a
change writes the language's docs tree again (only the files whose bytes change), printing
the located content errors instead when the content is invalid (the last good tree stays).
No search index is built while serving (Pagefind runs on a finished build).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.core import CONTENT_FOLDER, generate
from generator.docs_tree import HANDWRITTEN_FOLDER, config_file, write_project
from generator.errors import ContentErrors
from generator.theme_safety import UnsafeSetting, checked_plain_settings

Echo = Callable[[str], None]
#: Seconds between two looks at the content files.
POLL_SECONDS = 0.1


def _stamps(project: Path, lang: str) -> dict[str, int]:
    stamps = {}
    for folder in (project / CONTENT_FOLDER, project / HANDWRITTEN_FOLDER / lang):
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    stamps[str(path)] = path.stat().st_mtime_ns
    return stamps


def regenerate(project: Path, lang: str, echo: Echo, echo_err: Echo) -> bool:
    """Write the language's docs tree; print what changed or the content errors."""
    started = time.perf_counter()
    try:
        report = write_project(project, generate(project, (lang,)))[lang]
    except ContentErrors as errors:
        for error in errors.errors:
            echo_err(str(error))
        echo_err(f"{len(errors.errors)} problem(s): the last good pages stay; save a fix")
        return False
    except UnsafeSetting as exc:
        echo_err(str(exc))
        return False
    changed = len(report.written) + len(report.removed)
    echo(f"generated in {time.perf_counter() - started:.2f} s ({changed} file(s) changed)")
    return True


def serve(project: Path, lang: str, port: int, echo: Echo, echo_err: Echo) -> None:
    """Generate, start ``zensical serve`` on loopback, and regenerate on every content change
    until interrupted."""
    regenerate(project, lang, echo, echo_err)
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:  # the same refusal as `build --engine zensical`: Zensical prints settings as written
        checked_plain_settings(load_config(str(config_file(project, lang))))
    except (UnsafeSetting, ConfigurationError) as exc:
        echo_err(f"cannot serve with Zensical: {exc}")
        return
    address = f"127.0.0.1:{port}"
    command = [sys.executable, "-m", "zensical", "serve", "-f", config_file(project, lang).name]
    engine = subprocess.Popen([*command, "-a", address], cwd=project)
    echo(f"serving http://{address}/ with Zensical (Ctrl+C to stop)")

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    seen = _stamps(project, lang)
    try:
        while engine.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _stamps(project, lang)
            if now != seen:
                seen = now
                echo("change detected: generating…")
                regenerate(project, lang, echo, echo_err)
    except KeyboardInterrupt:
        pass
    finally:
        engine.terminate()
        try:
            engine.wait(timeout=10)
        except subprocess.TimeoutExpired:
            engine.kill()
