"""``cs-playbook serve``: a live preview of one language that says what it is doing.

It prints the address once the server listens, one line per rebuild with its time, and the
located content errors (never a traceback), which are also shown atop every page. Invalid
content stops a rebuild before anything is written, so the last good site stays served; the
server also starts on invalid content and says why, and the site appears as soon as the
content is valid.

Rebuilds are incremental: the generated Markdown is written to a folder only where its bytes
changed, and MkDocs rebuilds those pages only (its "dirty" build); a change of the page
list, a title, the theme or the settings rebuilds everything.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.core import CONTENT_FOLDER, Generated, generate
from generator.docs_tree import config_file, write_project
from generator.errors import ContentErrors
from generator.theme_safety import UnsafeSetting

_TITLE = re.compile(r"^title: (.*)$", re.M)
#: Seconds between two looks at the watched files (MkDocs polls every 0.5 s by default).
POLL_SECONDS = 0.1

Echo = Callable[[str], None]

#: MkDocs's own notice about dirty builds: our rebuild decides when a dirty build is exact.
_EXPECTED = ("A 'dirty' build is being performed",)


class _WarningPrinter(logging.Handler):
    """Prints MkDocs warnings as one line each (MkDocs's own handlers are not installed)."""

    def __init__(self, echo: Echo) -> None:
        super().__init__(logging.WARNING)
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(_EXPECTED):
            self.echo(f"warning: {message}")


@contextlib.contextmanager
def _mkdocs_warnings(echo: Echo) -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    handler = _WarningPrinter(echo)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class PreviewSession:
    """The state kept between rebuilds of one ``serve``, shared with the MkDocs plugin."""

    def __init__(self, project: Path, lang: str, port: int, echo: Echo, echo_err: Echo) -> None:
        self.project = project
        self.lang = lang
        self.url = f"http://127.0.0.1:{port}/{lang}/"
        self.echo, self.echo_err = echo, echo_err
        self.work = Path(tempfile.mkdtemp(prefix="cs-playbook-serve-"))
        self.site_dir = self.work / "site"
        self.site_dir.mkdir()
        #: Errors of the last attempt, shown on the page while there is no good site yet.
        self.errors: list[str] = []
        self.has_site = False
        #: True while a build rebuilds only the pages whose Markdown changed.
        self.dirty = False
        self._shape: tuple[Any, ...] | None = None
        self.rebuilt_urls: set[str] = set()
        self._env: Any = None

    # -- building ---------------------------------------------------------------------

    def build(self) -> bool:
        """Build once; print the outcome. Never raises for content or MkDocs errors."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        started = time.perf_counter()
        try:
            generated = generate(self.project, (self.lang,))
            report = write_project(self.project, generated)[self.lang]
        except ContentErrors as errors:
            self._failed([str(e) for e in errors.errors])
            return False
        except UnsafeSetting as exc:
            self._failed([str(exc)])
            return False
        pages = generated.pages[self.lang]
        shape = self._site_shape(generated)
        self.dirty = self.has_site and shape == self._shape
        try:
            # Not strict: a warning is shown, and the page still appears while you write.
            config = load_config(
                str(config_file(self.project, self.lang)),
                site_dir=str(self.site_dir),
                strict=False,
                site_url=self.url,
            )
            plugin: Any = config.plugins["cs-playbook"]
            plugin.session = self
            plugin.standalone = False  # no search index while serving: it would double a rebuild
            self.reuse_theme(config)
            with _mkdocs_warnings(self.echo_err):
                build(config, serve_url=self.url, dirty=self.dirty)
        except Exception as exc:  # any MkDocs failure is reported in one line, not a traceback
            self._failed([f"build failed: {type(exc).__name__}: {exc}"])
            self._shape = None  # the site folder may be half written: rebuild it all next time
            return False
        self._shape = shape
        seconds = time.perf_counter() - started
        changed = len(report.written) + len(report.removed)
        if not self.has_site:
            self.echo(f"built in {seconds:.2f} s ({len(pages)} pages)")
        else:
            scope = f"{changed} page(s) changed" if self.dirty else "full rebuild"
            self.echo(f"rebuilt in {seconds:.2f} s ({scope})")
        self.has_site, self.errors = True, []
        return True

    def _failed(self, lines: list[str]) -> None:
        self.errors = lines
        for line in lines:
            self.echo_err(line)
        count = len(lines)
        noun = "problem" if count == 1 else "problems"
        if self.has_site:
            self.echo_err(
                f"{count} {noun}: still serving the last good site; save a fix to rebuild"
            )
        else:
            self.echo_err(f"{count} {noun}: no site to serve yet; save a fix to build it")

    def _site_shape(self, generated: Generated) -> tuple[Any, ...]:
        """What, when changed, makes every page stale: nav, titles, theme, settings, docs."""
        pages = generated.pages[self.lang]
        titles = tuple(
            (path, m[1] if (m := _TITLE.search(text[:500])) else "")
            for path, text in sorted(pages.items())
        )
        watched = [
            self.project / "mkdocs.yml",
            config_file(self.project, self.lang),
            *self.watched_extras(),
        ]
        stamps = tuple(
            (str(p), p.stat().st_mtime_ns)
            for folder in watched
            for p in ([folder] if folder.is_file() else sorted(folder.rglob("*")))
            if p.is_file()
        )
        return json.dumps(generated.nav[self.lang], sort_keys=True), titles, stamps

    def watched_extras(self) -> list[Path]:
        return [self.project / "overrides", self.project / "docs" / self.lang]

    # -- hooks called by the MkDocs plugin --------------------------------------------

    def theme_env(self, env: Any) -> Any:
        """The theme's template environment, kept across dirty builds: MkDocs makes a new one
        per build, and compiling the theme's templates again is most of a small rebuild."""
        if not self.dirty or self._env is None:
            self._env = env
            _remember_template_list(env)
        return self._env

    def reuse_theme(self, config: Any) -> None:
        """In a dirty build, hand MkDocs the kept environment, whose template list (thousands
        of icon files walked and filtered on every build) is remembered too."""
        if self.dirty and self._env is not None:
            kept = self._env
            config.theme.get_env = lambda: kept

    def pages_known(self, nav: Any, config: Any) -> None:
        """In a dirty build, read the pages that are not rebuilt, so the nav has their titles."""
        self.rebuilt_urls = set()
        for page in nav.pages:
            if self.dirty and not page.file.is_modified():
                page.read_source(config)
            else:
                self.rebuilt_urls.add(page.url)

    # -- serving ----------------------------------------------------------------------

    def error_page(self, code: int) -> bytes | None:
        """While there is no good site: the errors, as the page."""
        if self.has_site or not self.errors:
            return None
        body = html.escape("\n".join(self.errors))
        return f"<!doctype html><meta charset=utf-8><pre>{body}</pre>".encode()

    def error_banner(self) -> bytes:
        """While the last good site is served over invalid content: the errors, atop each page."""
        if not (self.has_site and self.errors):
            return b""
        return f"<pre>{html.escape(chr(10).join(self.errors))}</pre>".encode()

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _remember_template_list(env: Any) -> None:
    """Make ``env.list_templates`` answer from memory after its first call per filter."""
    original = env.list_templates
    found: dict[Any, list[str]] = {}

    def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
        key = (tuple(extensions or ()), getattr(filter_func, "__code__", filter_func))
        if key not in found:
            found[key] = list(original(extensions=extensions, filter_func=filter_func))
        return found[key]

    env.list_templates = list_templates


def serve(project: Path, lang: str, port: int, echo: Echo, echo_err: Echo) -> None:
    """Build, then serve with live reload until interrupted."""
    from mkdocs.livereload import LiveReloadServer

    class Server(LiveReloadServer):
        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            page: bytes = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
            banner = session.error_banner()
            body = page.find(b"<body")
            if not banner or body < 0:
                return page
            start = page.find(b">", body) + 1
            return page[:start] + banner + page[start:]

        def server_activate(self) -> None:
            super().server_activate()
            if session.has_site:
                echo(f"serving {session.url} (Ctrl+C to stop)")
            else:
                echo(f"serving {session.url} once the content is valid (Ctrl+C to stop)")

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    session = PreviewSession(project, lang, port, echo, echo_err)
    echo("building…")
    session.build()

    def rebuild() -> None:
        echo("change detected: rebuilding…")
        session.build()

    server = Server(
        builder=rebuild,
        host="127.0.0.1",
        port=port,
        root=str(session.site_dir),
        mount_path=f"/{lang}/",
        polling_interval=POLL_SECONDS,
    )
    server.error_handler = session.error_page
    for watched in (project / CONTENT_FOLDER, project / "mkdocs.yml", *session.watched_extras()):
        if watched.exists():
            server.watch(str(watched))
    signal.signal(signal.SIGTERM, _interrupt)  # so that a stopped server cleans up too
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        session.close()
