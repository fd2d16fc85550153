"""``make serve``: a preview that rebuilds once per save, only what the save changed.

Why not plain ``mkdocs serve``: it rebuilt every language on every save (about 3 s here), and
a save under ``campaigns/`` rebuilt twice, because the build's own copy of the page lands in
the watched ``docs/``. Measured before: 5.8 s from save to refreshed page. This server

- watches the project's sources (``docs/``, ``campaigns/``, ``locales/``, ``sources/``,
  ``overrides/``, ``mkdocs.yml``) with the system's file notifications, ignoring the mirrored
  campaign folders the build writes, so one save is one rebuild;
- plans each rebuild from what the save changed (:func:`plan_languages`): a change to a page's
  text rebuilds that page's language, plus the languages that show it in English or whose
  translation state it changes; anything else (front matter, interface strings, templates,
  the configuration, a page added or removed) rebuilds every language. The languages not
  rebuilt keep their pages from the previous build;
- keeps compiled templates, rendered Markdown (``render_memo.py``), search entries and the
  content model in memory between rebuilds; after a save of page text only, the theme HTML
  of every page whose inputs are unchanged is reused (``page_memo.py``), so such a rebuild
  renders the saved page's template, not the whole language's;
- shows the page first and checks the content right after (links, safety, readability:
  ``content.check_content``), in the log: those checks cost as much as the rebuild. A
  rebuild that fails (MkDocs' strict link check) is explained by them at once;
- renders the printed and social materials in the background after the page is shown, then
  publishes them into the served folder (and refreshes the download pages if a file's size
  changed): a save never waits for a poster.

``--lang es`` previews one language only (faster start); the default shows all of them.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import copy
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import mkdocs.utils
import mkdocs_static_i18n.plugin as i18n_plugin
from material.plugins.search.plugin import SearchIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..content import check_content, load_content
from ..errors import ContentError, Problem
from ..model.docs import MIRROR_MARKER
from ..model.locales import SOURCE_LANGUAGE
from ..model.pages import site_pages
from ..model.project import Project
from ..model.translation import translation_states
from ..site.extras import Extras, render_extras
from ..warning_report import report
from .page_memo import PageMemo
from .session import current_session, set_session

log = logging.getLogger("mkdocs.plugins.puebla.serve")
WATCHED = ("docs", "campaigns", "locales", "sources", "overrides", "mkdocs.yml")
REBUILT = "Rebuilt after a save"  # one log line per save-triggered rebuild (tests count it)
CHECK_ERRORS = "The content has errors (found after the page was shown; fix them before make site):"


States = dict[tuple[str, str], tuple[str, bool]]


def page_states(project: Project) -> States:
    """Every translation's state, as of now: take it when the model is loaded (the states
    compare recorded hashes with the English files on disk, which a save then changes)."""
    return {
        (s.page.lang, s.page.rel): (s.state, s.awaiting_review)
        for s in translation_states(project, site_pages(project))
    }


def plan_languages(
    changed: Iterable[Path], old: Project | None, new: Project | None, old_states: States
) -> set[str] | None:
    """The languages a rebuild must build after ``changed`` files; None means all of them.

    ``old_states`` are :func:`page_states` of ``old``, taken when it was loaded.
    """
    if old is None or new is None or old.languages != new.languages:
        return None
    old_pages, new_pages = site_pages(old), site_pages(new)
    where = {
        page.doc.path.resolve(): (lang, rel)
        for lang, tree in new_pages.items()
        for rel, page in tree.items()
    }
    new_states = page_states(new)
    if old_states != new_states:
        return None  # every language's status page lists every translation's state
    plan: set[str] = set()
    for path in changed:
        hit = where.get(path.resolve())
        if hit is None:
            return None  # not a page's text: strings, data, templates, configuration, assets
        lang, rel = hit
        before = old_pages.get(lang, {}).get(rel)
        if before is None or before.doc.meta != new_pages[lang][rel].doc.meta:
            return None  # a new page or new front matter (titles in every navigation)
        plan.add(lang)
        if lang == SOURCE_LANGUAGE:  # untranslated pages show the English text
            for other in new.languages[1:]:
                if new_states.get((other, rel), ("",))[0] == "untranslated":
                    plan.add(other)
    return plan


def _link_or_copy(src: str, dst: str) -> None:
    """Hard links: publishing 14 MB of materials into the served folder costs no copying."""
    if os.path.lexists(dst):
        os.unlink(dst)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


class ServeSession:
    """State kept across rebuilds: model, materials, what the next rebuild must build."""

    def __init__(
        self, root: Path, site_dir: Path, site_url: str, public_url: str, only: str | None
    ) -> None:
        self.root = root
        self.site_dir = site_dir
        self.site_url = site_url  # where the preview is served
        # Materials carry the published address (QR codes, printed links), as in `make site`:
        # a poster printed from the preview works, and the rendered files come from the cache.
        self.public_url = public_url
        self.only = only
        self.project: Project | None = None  # the model the served site was built from
        self.states: States = {}  # its translation states, taken when it was loaded
        self.extras: Extras | None = None
        self.extras_project: Project | None = None
        self.plan: set[str] | None = None  # None: every language
        self.first: str | None = None  # the language a planned rebuild builds first
        self.changed: set[Path] = set()
        self.lock = threading.Lock()  # guards changed, extras, refreshed
        self.building = threading.RLock()  # held while the served folder is written
        self.refreshed: set[str] = set()  # languages whose download pages need a rebuild
        self._worker: threading.Thread | None = None
        self._again = False
        self.server: LiveReloadServer | None = None
        self._generation = 0
        self._checks = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="checks")
        self.pages = PageMemo()  # theme HTML of pages, across rebuilds of page text only

    # Called by the plugin -------------------------------------------------------------
    def extras_for(self, project: Project) -> Extras:
        """The latest materials; rendered here only for the very first build."""
        with self.lock:
            if self.extras is None:
                self.extras = render_extras(project, self.public_url, folder=self._folder())
                self.extras_project = project
            return self.extras

    def publish(self, site: Path) -> None:
        """Put the current materials into the served folder (never during another build)."""
        with self.building:
            with self.lock:
                extras = self.extras
            if extras is not None:
                shutil.copytree(
                    extras.folder, site, dirs_exist_ok=True, copy_function=_link_or_copy
                )

    # Rebuilds ---------------------------------------------------------------------------
    def _folder(self) -> Path:
        self._generation += 1
        return self.root / ".cache" / "serve-extras" / str(self._generation)

    def _want_rebuild(self) -> None:
        assert self.server is not None
        with self.server._rebuild_cond:  # what LiveReloadServer.watch's own callback does
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()

    def on_change(self, path: Path) -> None:
        with self.lock:
            self.changed.add(path)
        self._want_rebuild()

    def build(self, first: bool = False) -> None:
        """One rebuild: for the saves since the last one, or for refreshed materials."""
        start = time.perf_counter()
        with self.lock:
            changed, self.changed = self.changed, set()
            refreshed, self.refreshed = self.refreshed, set()
        try:
            # The cross-content checks follow the rebuild (_check), except on the first build.
            new: Project | None = load_content(self.root, checks=first)
        except ContentError:
            new = None  # the build reports the errors
        plan = None if first else plan_languages(changed, self.project, new, self.states)
        if not changed and not first:
            plan = refreshed  # only the materials changed: their download pages
        elif plan is not None:
            plan |= refreshed
        if self.only:
            plan = {self.only}
        try:
            self._run_build(plan)
        except BaseException:
            self.project = None  # a failed build: the next one builds every language again
            if new is not None and not first:  # MkDocs' strict link check, say: name the source
                self._check(new, shown=False)
            raise
        old, self.project = self.project, new
        self.states = page_states(new) if new is not None else {}
        if new is not None and new is not old:
            if first:  # checked before the build
                self._report(new.issues.warnings)
            else:
                self._checks.submit(self._check, new)
        built = "all languages" if plan is None else "languages " + ", ".join(sorted(plan))
        if changed:
            log.info(f"{REBUILT} in {time.perf_counter() - start:.2f} s ({built})")
        elif not first:
            log.info(f"Download pages rebuilt for new material sizes ({built})")
        if new is not None and new is not self.extras_project:
            self._refresh_materials(new)

    def _report(self, warnings: list[Problem]) -> None:
        for line in report(warnings, self.root):  # what a save changed first
            log.info(line)

    def _check(self, project: Project, shown: bool = True) -> None:
        """The checks of a model already shown (links, safety, readability…), in the log.

        Only the latest model is checked: a save that came meanwhile has its own turn. After
        a failed rebuild (``shown=False``) they run at once: their messages name the file an
        editor edits, where MkDocs' own name the build's copy of a campaign page.
        """
        if shown and project is not self.project:
            return
        try:
            found = check_content(project)
        except Exception:  # a check's own bug must not stop the preview
            log.exception("The content checks failed")
            return
        if found.errors:
            heading = CHECK_ERRORS if shown else "The content has errors:"
            log.error(heading + "\n" + ContentError(found.errors).format(self.root))
        self._report(project.issues.warnings + found.warnings)

    def _run_build(self, plan: set[str] | None) -> None:
        config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir))
        config.site_url = self.site_url
        i18n = config.plugins.get("i18n")
        self.plan = plan
        self.pages.reuse = plan is not None  # a plan is made only from page text
        if plan is not None and i18n is not None:
            languages = [lang.locale for lang in i18n.config.languages]
            # mkdocs-static-i18n builds its current language first, then the others.
            i18n.current_language = self.first = next(lang for lang in languages if lang in plan)
        clean = mkdocs.utils.clean_directory
        if plan is not None:  # the languages not rebuilt keep their pages
            mkdocs.utils.clean_directory = lambda path: None
        try:
            with self.building:
                build(config, serve_url=self.site_url)
        finally:
            mkdocs.utils.clean_directory = clean
            self.plan = self.first = None
            self.pages.reuse = False

    def _refresh_materials(self, project: Project) -> None:
        with self.lock:
            if self._worker is not None and self._worker.is_alive():
                self._again = True
                return
            self._worker = threading.Thread(target=self._materials, args=(project,), daemon=True)
            self._worker.start()

    def _materials(self, project: Project) -> None:
        while True:
            try:
                extras = render_extras(project, self.public_url, folder=self._folder())
            except ContentError as exc:  # a text that does not fit: shown, the page stays
                log.error("The materials have errors:\n" + exc.format(self.root))
                extras = None
            if extras is not None:
                with self.lock:
                    old, self.extras, self.extras_project = self.extras, extras, project
                self.publish(self.site_dir)
                log.info("Materials refreshed")
                if old is not None:
                    changed = _listing(old) ^ _listing(extras)
                    if changed:  # sizes on the download pages: refresh those languages
                        with self.lock:
                            self.refreshed |= {lang for lang, _, _ in changed}
                        self._want_rebuild()
                    if old.folder.parent == extras.folder.parent:
                        shutil.rmtree(old.folder, ignore_errors=True)
            with self.lock:
                if not self._again:
                    return
                self._again = False
                project = self.project or project


def _listing(extras: Extras) -> set[tuple[str, str, int]]:
    return {(m.lang, m.url_path, m.size_bytes) for m in extras.materials}


class _Handler(FileSystemEventHandler):
    def __init__(self, session: ServeSession) -> None:
        self.session = session

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw and _relevant(Path(os.fsdecode(raw)), self.session.root):
                self.session.on_change(Path(os.fsdecode(raw)))


def _relevant(path: Path, root: Path) -> bool:
    """A source an editor changed; not the build's own mirrored copy, not an editor's swap file."""
    name = path.name
    if name.startswith(".#") or name.endswith(("~", ".swp", ".swx", ".tmp")):
        return False
    rel = path.relative_to(root).parts if path.is_relative_to(root) else ()
    if not rel or rel[0] not in WATCHED:
        return False
    # docs/<lang>/campaigns/<id>/…: written by the build from campaigns/ (site/mirror.py).
    if rel[0] == "docs" and len(rel) >= 5 and rel[2] == "campaigns":
        folder = root.joinpath(*rel[:4])
        if name == MIRROR_MARKER or (folder / MIRROR_MARKER).exists():
            return False
    return True


def _selective_language_build(config, dirty: bool = False) -> None:
    """mkdocs-static-i18n's per-language build, skipped for languages the plan leaves out."""
    session = current_session()
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None)
    # i18n's loop moves current_language through the languages skipped here, so the one
    # built first would come round again (twice the work, its search entries twice).
    planned = session.plan if session is not None else None
    if planned is not None and (lang not in planned or lang == session.first):
        return
    _real_build(config, dirty=dirty)


_real_build = i18n_plugin.build


class _SearchMemo:
    """Material's search entries of a page, remembered across the preview's rebuilds.

    The entries are a function of the page's HTML, table of contents, address, title and
    front matter (the key); parsing the HTML again is the second largest cost of a rebuild.
    """

    def __init__(self, add: Callable[..., None]) -> None:
        self.add = add
        self.entries: dict[tuple, list[dict]] = {}

    def __call__(self, index: Any, page: Any) -> None:
        key = (
            page.url,
            hashlib.sha256((page.content or "").encode()).hexdigest(),
            str(page.toc),
            str(page.title),
            repr(page.meta),
        )
        hit = self.entries.get(key)
        if hit is not None:
            index.entries.extend(copy.deepcopy(hit))
            return
        before = len(index.entries)
        self.add(index, page)
        self.entries[key] = copy.deepcopy(index.entries[before:])


@contextlib.contextmanager
def previewing(session: ServeSession) -> Iterator[ServeSession]:
    """While active, MkDocs builds as the preview does: ``session``'s plan, its memos."""
    set_session(session)
    i18n_plugin.build = _selective_language_build
    real_add = SearchIndex.add_entry_from_context
    search_memo = _SearchMemo(real_add)
    SearchIndex.add_entry_from_context = lambda index, page: search_memo(index, page)
    real_render = session.pages.install()
    try:
        yield session
    finally:
        i18n_plugin.build = _real_build
        SearchIndex.add_entry_from_context = real_add
        jinja2.Template.render = real_render  # type: ignore[method-assign]
        session._checks.shutdown(wait=True, cancel_futures=True)
        set_session(None)


def serve(root: Path, addr: str, only: str | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    host, _, port = addr.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="puebla-serve-"))
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir))
    mount_path = urlsplit(config.site_url or "/").path
    site_url = _serve_url(host, int(port), mount_path)
    session = ServeSession(root, site_dir, site_url, config.site_url or "", only)
    server = LiveReloadServer(
        builder=session.build, host=host, port=int(port), root=str(site_dir), mount_path=mount_path
    )
    session.server = server
    # The server adds its live-reload script to pages only while it "watches" a path; the
    # watching is done by the observer below, which knows which files are the build's own.
    server._watched_paths[str(root)] = 1

    def error_page(code: int) -> bytes | None:
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    observer = Observer()
    handler = _Handler(session)
    for name in WATCHED:
        path = root / name
        if path.is_dir():
            observer.schedule(handler, str(path), recursive=True)
    observer.schedule(handler, str(root), recursive=False)  # mkdocs.yml (saved by rename)
    try:
        with previewing(session):
            session.build(first=True)
            observer.start()
            log.info("Watching " + ", ".join(WATCHED) + " for changes")
            try:
                server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
    finally:
        observer.stop()
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.rmtree(root / ".cache" / "serve-extras", ignore_errors=True)
    return 0
