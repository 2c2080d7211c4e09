"""A build in a child process that tests kill: a fake site of many files, or the real build.

``python -m tests.hostile.swap_driver SITE LABEL POINT MODE [PAUSE]`` writes a site whose
every file holds LABEL into a staging folder and swaps it in. POINT names the checkpoint at
which the process kills itself with SIGKILL ("writing" = halfway through the files, "none"
= never); MODE "exchange" uses rename-exchange, "rename" forces the two-rename fallback;
PAUSE is seconds to sleep after each file (for kills at random moments).
``python -m tests.hostile.swap_driver --real PROJECT POINT MODE`` runs ``cs-playbook build``.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from generator import site_folder

FILES = 60
MARKER = "complete.txt"


def _die_at(point: str):
    def checkpoint(name: str) -> None:
        if name == point:
            os.kill(os.getpid(), signal.SIGKILL)

    return checkpoint


def fake_build(site: Path, label: str, point: str, pause: float) -> None:
    checked = site_folder.checked_site_dir(site, site.parent)
    with site_folder.staged_site(checked) as staging:
        for number in range(FILES):
            if point == "writing" and number == FILES // 2:
                os.kill(os.getpid(), signal.SIGKILL)
            page = staging / f"page-{number}"
            page.mkdir()
            (page / "index.html").write_text(label, encoding="utf-8")
            if pause:
                time.sleep(pause)
        (staging / MARKER).write_text(label, encoding="utf-8")


def main(argv: list[str]) -> None:
    if argv[0] == "--real":
        project, point, mode = argv[1:4]
    else:
        site, label, point, mode = argv[:4]
    if mode == "rename":
        site_folder.exchange = None
    site_folder.checkpoint = _die_at(point)
    if argv[0] == "--real":
        from generator.cli import main as cli

        cli(["--project", project, "build"])
    else:
        fake_build(Path(site), label, point, float(argv[4]) if len(argv) > 4 else 0.0)


if __name__ == "__main__":
    main(sys.argv[1:])
