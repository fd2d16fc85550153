"""MkDocs adapter: loads the content model, mirrors campaigns, expands special lines.

Everything else (validation, Markdown generation) lives in ``puebla.model`` and
``puebla.site``; if the site engine changes, only this module changes with it.

mkdocs-static-i18n re-runs the whole build (``on_config`` included) once per language, so
every event here is idempotent, and the model is reloaded only when a source file changed.
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..content import load_content, mark_current
from ..errors import ContentError, Problem
from ..model.campaigns import CampaignPage
from ..model.fallback import shown_instead
from ..model.pages import SitePage, site_pages
from ..model.project import Project
from ..model.recordings import recording_of
from ..model.translation import TranslationState, translation_states
from ..site.directives import expand
from ..site.extras import Extras, copy_extras, render_extras
from ..site.hosting import meta_policy
from ..site.mirror import commitment_footer, mirror_campaigns
from ..site.notices import fallback_markdown, in_interface_language, notice_markdown
from ..site.quotation_check import quotation_problems
from ..site.quotations import fill_cite
from ..site.recordings import player_markdown, with_player
from .config import PueblaPluginConfig
from .i18n_files import share_i18n_files
from .i18n_locales import widen_locale_check
from .i18n_search import share_search_duplicates
from .markup import drop_unused_theme_scripts, fix_html, reproducible_gzip
from .nav import title_sections, with_campaigns
from .render_memo import remember_page_renders
from .search import write_language_indexes
from .seo import alternates_for, home_path, language_path, page_path
from .session import current_session
from .templates import share_compiled_templates

log = logging.getLogger("mkdocs.plugins.puebla")
# At import: MkDocs imports this plugin (listed first in mkdocs.yml) before it validates the
# i18n plugin's languages, which must then accept three-letter codes such as quc.
widen_locale_check()
WATCHED = ("campaigns", "locales", "sources", "overrides")
HELP_PAGE = "campaigns/rights/help.md"  # where the header's Help link leads, in each language


class PueblaPlugin(BasePlugin[PueblaPluginConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.mirrored: dict[Path, CampaignPage] = {}  # mirrored file → its campaign page
        self._default_404: bytes | None = None
        self.extras: Extras | None = None
        self._state_cache: tuple[Project, dict[tuple[str, str], TranslationState]] | None = None
        self._pages_cache: tuple[Project, dict[str, dict[str, SitePage]]] | None = None
        self._nav: list | None = None  # the nav of mkdocs.yml, before campaigns are added
        self._files: Files | None = None
        self._built: list[str] = []  # languages built so far by this run
        self._titles_cache: tuple[Project, dict[str, str]] | None = None

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.root:
            return Path(self.config.root).resolve()
        return Path(config.config_file_path).resolve().parent

    @event_priority(100)  # before mkdocs-static-i18n collects the files
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self._root(config)
        session = current_session()
        try:
            if self.project is not None and _inside_language_build(config):
                # The model of this site build: walking every language's files again for
                # each language made the cost per page grow with the number of languages.
                project = self.project
            else:  # make serve checks the content itself, after the page is shown (serve.py)
                project = load_content(root, checks=session is None)
        except ContentError as exc:
            raise PluginError("The content has errors:\n" + exc.format(root)) from None
        if project is not self.project:
            self.project = project
            self.mirrored = mirror_campaigns(project)
            mark_current(project)
            try:
                offline = not config.use_directory_urls  # building the offline kit
                if session is not None:  # make serve: materials follow in the background
                    self.extras = session.extras_for(project)
                else:
                    self.extras = render_extras(project, config.site_url or "", offline=offline)
            except ContentError as exc:  # a text that does not fit, a colour that fails
                raise PluginError("The materials have errors:\n" + exc.format(root)) from None
        self._check_languages(config)
        custom_dir = config.theme.custom_dir
        share_compiled_templates(
            config.theme, root / ".cache" / "jinja", [custom_dir] if custom_dir else []
        )
        remember_page_renders(root / ".cache" / "pages")
        share_i18n_files()
        share_search_duplicates()
        if self._nav is None:
            self._nav = config.nav or []
        config.nav = with_campaigns(self._nav, self.project)
        return config

    @event_priority(-110)  # after mkdocs-static-i18n has localized the navigation
    def on_nav(self, nav: Any, config: MkDocsConfig, files: Files) -> Any:
        assert self.project is not None
        title_sections(nav.items, self._titles())
        return nav

    def _titles(self) -> dict[str, str]:
        """Front-matter titles by absolute path: authored pages and mirrored campaign pages
        (once per model, not once per language build)."""
        assert self.project is not None
        if self._titles_cache is not None and self._titles_cache[0] is self.project:
            return self._titles_cache[1]
        titles = {}
        for docs in self.project.docs.pages.values():
            for doc in docs.values():
                titles[str(doc.path.resolve())] = str(doc.meta.get("title", ""))
        for mirrored, page in self.mirrored.items():
            titles[str(mirrored.resolve())] = page.title
        self._titles_cache = (self.project, titles)
        return titles

    def _check_languages(self, config: MkDocsConfig) -> None:
        assert self.project is not None
        i18n = config.plugins.get("i18n")
        configured = [lang.locale for lang in i18n.config.languages] if i18n else []
        if sorted(configured) != sorted(self.project.languages):
            raise PluginError(
                f"mkdocs.yml lists the languages {configured} but locales/ has "
                f"{self.project.languages}. Add the language with 'make language LANG=xx' "
                "(it updates both), or remove the extra locale file."
            )

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        root = self._root(config)
        for name in WATCHED:
            if (root / name).exists():
                server.watch(str(root / name))
        return server

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Keep the default language's 404 page when ``make serve`` rebuilds only others."""
        assert self.project is not None
        root_404 = Path(config.site_dir) / "404.html"
        default = self._language(config) == self.project.languages[0]
        if not default and self._default_404 is None and root_404.is_file():
            self._default_404 = root_404.read_bytes()

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.project is not None
        self._files = files  # for the header's Help link (on_page_context has no files)
        lang, rel = page.file.src_uri.split("/", 1)
        mirrored = self.mirrored.get(Path(page.file.abs_src_path or ""))
        source = mirrored.doc.path if mirrored else page.file.abs_src_path
        state = self._states().get((lang, rel))
        shown = None  # the fallback language's page, when this one is untranslated
        if state is not None:
            if state.state == "untranslated":  # the fallback language's page, with a notice
                shown = shown_instead(self.project, self._pages(), lang, rel)
                markdown = fallback_markdown(shown.doc.body, shown.lang, self.project.locales[lang])
                if mirrored is not None:  # the campaign page's closing line, in this language
                    campaign = self.project.campaigns[rel.split("/")[1]]
                    markdown += "\n" + commitment_footer(self.project.locales[lang], campaign)
            depth = len(page.url.strip("/").split("/")) if page.url.strip("/") else 0
            english_url = "../" * depth + page_path(page.file.src_uri)
            locale = self.project.locales[lang]
            notice = notice_markdown(
                state,
                locale,
                english_url,
                self.project.locales[shown.lang] if shown else None,
                "../" * depth + language_path(shown.lang) + page_path(page.file.src_uri)
                if shown
                else "",
            )
            markdown = in_interface_language(locale, notice) + markdown
        markdown = self._with_recording(markdown, page, lang, rel)
        try:
            return expand(
                markdown,
                lang,
                self.project,
                source or page.file.src_uri,
                self.extras,
                rel,
                quote_lang=shown.lang if shown is not None else None,
            )
        except ContentError as exc:
            raise PluginError(exc.format(self.project.root)) from None

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Stop the build when a quotation on the page is not its source's published text
        (typed or altered by hand: the directive itself cannot drift)."""
        assert self.project is not None
        lang = page.file.src_uri.split("/", 1)[0]
        problems = quotation_problems(self.project, html, self.project.locales[lang].interface)
        if problems:
            mirrored = self.mirrored.get(Path(page.file.abs_src_path or ""))
            source = mirrored.doc.path if mirrored else Path(page.file.abs_src_path or "")
            raise PluginError(
                ContentError(
                    [
                        Problem(
                            source,
                            problem,
                            "never type or edit a quotation: write the special line "
                            "(<!-- puebla:quote udhr 13 -->, <!-- puebla:quote communique 6 -->) "
                            "and the build inserts the published text; see CONTRIBUTING.md, "
                            "section 4",
                        )
                        for problem in problems
                    ]
                ).format(self.project.root)
            )
        return html

    def _with_recording(self, markdown: str, page: Page, lang: str, rel: str) -> str:
        """The page with the player of its recording (checked by checks/recordings.py)."""
        assert self.project is not None
        own = self._pages().get(lang, {}).get(rel)
        recording = recording_of(own.doc) if own else None
        if recording is None:
            return markdown
        audio = language_path(lang) + posixpath.join(posixpath.dirname(rel), recording.path.name)
        here = page.url if page.url.endswith("/") or not page.url else posixpath.dirname(page.url)
        src = posixpath.relpath(audio, here or ".")
        return with_player(markdown, player_markdown(recording, src, self.project.locales[lang]))

    def _pages(self) -> dict[str, dict[str, SitePage]]:
        """Every page of every language, computed once per loaded model."""
        assert self.project is not None
        if self._pages_cache is None or self._pages_cache[0] is not self.project:
            self._pages_cache = (self.project, site_pages(self.project))
        return self._pages_cache[1]

    def _states(self) -> dict[tuple[str, str], TranslationState]:
        """Translation state of every page, computed once per loaded model."""
        assert self.project is not None
        if self._state_cache is None or self._state_cache[0] is not self.project:
            states = translation_states(self.project, site_pages(self.project))
            self._state_cache = (self.project, {(s.page.lang, s.page.rel): s for s in states})
        return self._state_cache[1]

    def _language(self, config: MkDocsConfig) -> str:
        """The language being built: mkdocs-static-i18n sets the theme language per build."""
        return str(config.theme.get("language") or "en")

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # The one Content-Security-Policy (puebla.site.hosting), for every page and 404 page.
        env.globals["puebla_csp"] = meta_policy()
        return env

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        assert self.project is not None
        lang = self._language(config)
        context["puebla_t"] = self.project.locales[lang].strings
        context["puebla_home"] = home_path(config.site_url or "/", lang)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Publish the extras once, and keep one 404 page per language (each language's build
        overwrites 404.html)."""
        assert self.project is not None
        site = Path(config.site_dir)
        default = self._language(config) == self.project.languages[0]
        self._built.append(self._language(config))
        session = current_session()
        if default and session is not None:
            session.publish(site)
        elif default and self.extras is not None:  # later language builds do not clean site_dir
            copy_extras(self.extras, site)
        page = site / "404.html"
        if not page.exists():
            return
        lang = self._language(config)
        if default:
            self._default_404 = page.read_bytes()
        elif self._default_404 is not None:
            (site / lang).mkdir(exist_ok=True)
            page.replace(site / lang / "404.html")
            page.write_bytes(self._default_404)

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        assert self.project is not None
        context["puebla_alternates"] = alternates_for(
            page.file.src_uri, self.project.languages, config.site_url or ""
        )
        lang = page.file.src_uri.split("/", 1)[0]
        context["puebla_t"] = self.project.locales[lang].strings  # header Help, share links
        help_page = self._files.get_file_from_path(f"{lang}/{HELP_PAGE}") if self._files else None
        context["puebla_help_url"] = help_page.url if help_page else ""
        preview = self.extras.previews.get(page.file.src_uri) if self.extras else None
        if preview:
            context["puebla_preview"] = (config.site_url or "/").rstrip("/") + "/" + preview
        return context

    # Browser-facing finish (issue 6): valid markup, per-language search, reproducible files.
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        session = current_session()
        if session is not None:  # make serve: most pages come out as in the last rebuild
            return session.pages.finish(page, output, _finish_page)
        return _finish_page(output)

    def on_pre_template(self, template: Any, template_name: str, config: MkDocsConfig) -> Any:
        """No sitemap from the language builds whose sitemap the next one overwrites.

        Every per-language build writes ``site/sitemap.xml`` from the languages built so far;
        only the last one's is kept. Rendering each of them made the cost per page grow with
        the square of the number of languages. ``make serve`` (which may build a few
        languages only) renders it every time, as before.
        """
        if template_name != "sitemap.xml" or current_session() is not None:
            return template
        i18n = config.plugins.get("i18n")
        default = getattr(i18n, "default_language", None)
        # i18n builds its default language, then the others in their configured order.
        later = [lang for lang in getattr(i18n, "build_languages", None) or [] if lang != default]
        if later and getattr(i18n, "current_language", None) != later[-1]:
            return _EMPTY_TEMPLATE  # MkDocs writes nothing for an empty output
        return template

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return fix_html(output) if template_name.endswith(".html") else output  # 404.html

    @event_priority(-200)  # after mkdocs-static-i18n wrote the last, all-language search index
    def _finish_site(self, config: MkDocsConfig) -> None:
        """Once per site, not once per language: the per-language builds run inside the
        default language's post-build, and only the last one to end sees the whole site."""
        assert self.project is not None
        if _inside_language_build(config):
            return
        write_language_indexes(Path(config.site_dir), self.project.languages, self._built)
        reproducible_gzip(Path(config.site_dir) / "sitemap.xml.gz")
        drop_unused_theme_scripts(Path(config.site_dir))

    on_post_build = CombinedEvent(on_post_build, _finish_site)


_EMPTY_TEMPLATE = jinja2.Template("")


def _finish_page(output: str) -> str:
    return fix_html(fill_cite(output))


def _inside_language_build(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n is building its other languages."""
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "building", False))
