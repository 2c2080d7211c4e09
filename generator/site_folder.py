"""The finished-site folder: built beside it, swapped in whole, never followed through a link.

A build writes into ``.<site>-staging-<random>`` next to ``<site>`` and then exchanges the
two names in one ``renameat2(RENAME_EXCHANGE)`` call, so at every instant ``<site>`` is the
complete old site or the complete new one. Where the kernel or file system has no exchange,
two renames are used and the one instant between them (no ``<site>``) is repaired by the
next build, which puts the old site back. Leftovers of killed builds are removed by the
next build; a lock on the parent folder keeps two builds from swapping at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.errors import shown_path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class SiteFolderError(Exception):
    """The site folder cannot be used safely (a link, a file, the project itself, locked)."""


def _no_checkpoint(name: str) -> None:
    """Named points of the swap; tests replace this to pause or kill the build there."""


#: Called with "staging-ready", "exchanged", "old-moved", "renamed" as the swap goes on.
checkpoint: Callable[[str], None] = _no_checkpoint


def _load_exchange() -> Callable[[str, str], bool] | None:
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int

    def exchange(first: str, second: str) -> bool:
        """Swap two names atomically; False when the system cannot (the caller falls back)."""
        result = renameat2(
            _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
        )
        if result == 0:
            return True
        code = ctypes.get_errno()
        if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
            return False
        raise OSError(code, os.strerror(code), first)

    return exchange


#: ``exchange(a, b)`` swaps two paths atomically, or is None on systems without it.
exchange = _load_exchange()


def checked_site_dir(site_dir: Path, project_root: Path) -> Path:
    """The absolute site folder, refused if it or a folder on its way is a link or a file.

    The path is made absolute without resolving links (resolving is what let a committed
    ``site -> ..`` replace the project's parent). The project itself and its parents are
    refused too: swapping them would move the project away.
    """
    project = Path(os.path.abspath(project_root))
    site = Path(os.path.abspath(site_dir))
    if site == project or site in project.parents:
        raise SiteFolderError(
            f"{shown_path(str(site_dir))}: the site folder cannot be the project or above it"
        )
    if site.parent == site:
        raise SiteFolderError(
            f"{shown_path(str(site_dir))}: the site folder cannot be the root folder"
        )
    inside = project in site.parents
    checked = [p for p in site.parents if project in p.parents] if inside else []
    for path in [site, *checked]:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(info.st_mode):
            raise SiteFolderError(
                f"{shown_path(str(path))}: is a symbolic link; the build never writes "
                "through a link (remove it, or give --site-dir a real folder)"
            )
        if not stat.S_ISDIR(info.st_mode):
            raise SiteFolderError(
                f"{shown_path(str(path))}: exists and is not a folder; move it away first"
            )
    return site


@contextlib.contextmanager
def staged_site(site: Path) -> Iterator[Path]:
    """Yield an empty staging folder beside ``site``; swap it in when the block succeeds.

    ``site`` comes from :func:`checked_site_dir`. On an exception the staging folder is
    removed and ``site`` is left as it was.
    """
    with _locked(site.parent):
        recover(site)
        staging = site.with_name(f".{site.name}-staging-{secrets.token_hex(6)}")
        try:
            os.mkdir(staging, 0o777)  # follows the umask, as the rest of the site does
        except OSError as exc:
            raise SiteFolderError(f"{shown_path(str(site.parent))}: {_reason(exc)}") from None
        try:
            yield staging
            checkpoint("staging-ready")
            _swap(staging, site)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


def leftovers(site: Path) -> list[Path]:
    """Staging and old folders of ``site`` left by builds that were killed."""
    found = []
    for kind in ("staging", "old"):
        found += sorted(site.parent.glob(f".{_glob_escape(site.name)}-{kind}-*"))
    return [p for p in found if not p.is_symlink() and p.is_dir()]


def recover(site: Path) -> None:
    """Put back the old site if a build died between two renames; remove leftovers.

    Call only while holding the lock (another build's staging folder is not a leftover).
    """
    olds = sorted(
        site.parent.glob(f".{_glob_escape(site.name)}-old-*"), key=lambda p: p.lstat().st_mtime
    )
    if not os.path.lexists(site) and olds and olds[-1].is_dir() and not olds[-1].is_symlink():
        os.rename(olds[-1], site)
    for path in leftovers(site):
        shutil.rmtree(path, ignore_errors=True)


def _swap(staging: Path, site: Path) -> None:
    if os.path.islink(site):  # made a link while the site was being built
        raise SiteFolderError(f"{shown_path(str(site))}: became a symbolic link during the build")
    if not os.path.lexists(site):
        os.rename(staging, site)
        checkpoint("renamed")
        return
    if exchange is not None and exchange(str(staging), str(site)):
        checkpoint("exchanged")
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old site
        return
    old = site.with_name(f".{site.name}-old-{secrets.token_hex(6)}")
    os.rename(site, old)
    try:
        checkpoint("old-moved")
        os.rename(staging, site)
    except BaseException:
        os.rename(old, site)  # interrupted, not killed: put the old site straight back
        raise
    checkpoint("renamed")
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise SiteFolderError(f"{shown_path(str(folder))}: {_reason(exc)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SiteFolderError(
                f"{shown_path(str(folder))}: another build is writing its site; "
                "wait for it to finish"
            ) from None
        yield
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    return f"cannot write the site here ({(exc.strerror or type(exc).__name__).lower()})"


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
