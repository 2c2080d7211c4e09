"""Read the git history of the content: when each file last changed, and what each commit changed.

Only a project that is the top folder of a git work tree has a history (a project copied
without ``.git``, or a fixture inside another repository, has none: pages then show no
date and the site has no "what's new" page). Git is asked with two processes at most,
whatever the size of the handbook: one ``git log`` and one ``git cat-file --batch``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

#: How many commits that touch the content, and how many changed files in them, the
#: "what's new" page and feed read, newest first: this bounds the cost of every build
#: however long the history grows (a bulk edit of every file counts once per file).
MAX_COMMITS = 200
MAX_FILE_CHANGES = 200

_GIT = ("git", "-c", "core.quotepath=off", "-c", "log.showSignature=false")


@dataclass(frozen=True)
class FileChange:
    """One content file as one commit changed it."""

    commit: str
    day: date
    path: str
    #: The file's bytes before and after the commit (None and b"" when the commit added it:
    #: a new file is a new page, whatever it holds).
    old: bytes | None
    new: bytes


def is_history_root(project_root: Path) -> bool:
    """True when ``project_root`` is the top folder of a git work tree with commits."""
    try:
        top = _git(project_root, "rev-parse", "--show-toplevel").strip()
        _git(project_root, "rev-parse", "--verify", "--quiet", "HEAD")
    except (OSError, subprocess.CalledProcessError):
        return False
    return Path(top).resolve() == project_root.resolve()


def last_changed(project_root: Path, files: Iterable[str]) -> dict[str, date]:
    """``{file: date of the last commit that changed it}`` for the committed ``files``.

    Reads the log newest first and stops as soon as every file has its date.
    """
    wanted = set(files)
    found: dict[str, date] = {}
    if not wanted:
        return found
    command = [*_GIT, "log", "--no-renames", "--format=%x00%cs", "--name-only", "--", "."]
    with subprocess.Popen(
        command, cwd=project_root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        day: date | None = None
        for line in process.stdout or ():
            line = line.rstrip("\n")
            if line.startswith("\0"):
                day = date.fromisoformat(line[1:])
            elif line and day is not None and line in wanted and line not in found:
                found[line] = day
                if len(found) == len(wanted):
                    break
        process.kill()
    return found


def head(project_root: Path) -> str:
    """The commit checked out (the key under which history is cached while serving)."""
    return _git(project_root, "rev-parse", "HEAD").strip()


@lru_cache(maxsize=4)
def content_changes(project_root: Path, folder: str, at_commit: str) -> list[FileChange]:
    """Every YAML file added or modified by the last :data:`MAX_COMMITS` commits that
    touched ``folder``, newest first; a modified file comes with its bytes before and
    after (each distinct blob is read once), an added one with none. Cached per
    ``at_commit`` (:func:`head`), so ``serve`` reads the history once per commit."""
    log = _git(
        project_root,
        "log",
        f"--max-count={MAX_COMMITS}",
        "--no-renames",
        "--no-merges",
        "--no-abbrev",
        "--format=%x00%H %cs",
        "--raw",
        "--",
        folder,
    )
    touched: list[tuple[str, date, str, str, str]] = []
    commit, day = "", date.min
    for line in log.splitlines():
        if line.startswith("\0"):
            commit, iso = line[1:].split(" ")
            day = date.fromisoformat(iso)
        elif line.startswith(":"):
            meta, _, path = line.partition("\t")
            _, _, old_blob, new_blob, status = meta.split(" ")
            if status in ("A", "M") and path.endswith((".yaml", ".yml")):
                touched.append((commit, day, path, old_blob if status == "M" else "", new_blob))
    touched = touched[:MAX_FILE_CHANGES]
    modified = {blob for _, _, _, old, new in touched if old for blob in (old, new)}
    blobs = _read_blobs(project_root, sorted(modified))
    return [
        FileChange(c, d, path, blobs.get(old) if old else None, blobs.get(new, b""))
        for c, d, path, old, new in touched
        if not old or (old in blobs and new in blobs)
    ]


def _read_blobs(project_root: Path, specs: list[str]) -> dict[str, bytes]:
    """``{object name: bytes}`` through one ``git cat-file --batch`` process."""
    if not specs:
        return {}
    request = "".join(f"{spec}\n" for spec in specs).encode("utf-8")
    output = subprocess.run(
        [*_GIT, "cat-file", "--batch"],
        cwd=project_root,
        input=request,
        capture_output=True,
        check=True,
    ).stdout
    return dict(_parse_batch(specs, output))


def _parse_batch(specs: list[str], output: bytes) -> Iterator[tuple[str, bytes]]:
    position = 0
    for spec in specs:
        end = output.index(b"\n", position)
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) != 3 or header[1] != b"blob":
            continue  # "<spec> missing": e.g. a first commit has no parent
        size = int(header[2])
        yield spec, output[position : position + size]
        position += size + 1


def _git(project_root: Path, *args: str) -> str:
    return subprocess.run(
        [*_GIT, *args],
        cwd=project_root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
