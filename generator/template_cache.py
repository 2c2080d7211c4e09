"""Where compiled page templates are kept between runs, as Python keeps ``__pycache__``.

Compiling the page templates is most of a small site's generator time (measured: 0.1 s
of 0.2 s at the shipped content). Jinja stores each compiled template under a key of
its name and file, and reuses it only while the template's source is unchanged; the
folder is also named after the Jinja and Python versions, so an upgrade starts afresh.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, FileSystemBytecodeCache

#: Set to a folder to keep compiled templates there, or to an empty value for no cache.
CACHE_ENV = "CS_PLAYBOOK_CACHE_DIR"


def cache_folder() -> Path | None:
    """The folder for compiled templates, or None when caching is switched off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        base = Path(configured) if configured else None
    else:
        home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        base = Path(home) / "cs-playbook"
    if base is None:
        return None
    version = f"jinja-{jinja2.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"
    return base / "templates" / version


def bytecode_cache() -> BytecodeCache | None:
    """A cache of compiled templates, or None when there is no folder we may write to."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(folder):
            return None
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def _private(folder: Path) -> bool:
    """True when only this user can write to ``folder``.

    Compiled templates are run as code: a cache that someone else could write to would
    let them run code in every build.
    """
    if not os.access(folder, os.W_OK):
        return False
    if not hasattr(os, "getuid"):
        return True  # no POSIX owners to check (Windows keeps user folders private)
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
