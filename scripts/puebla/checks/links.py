"""Internal links and anchors, per language, reported against the file an editor edits.

MkDocs checks links too, but names the mirrored copy of a campaign page; this check names the
source file and line. Pages are rendered with the site's Markdown dialect (special lines
expanded) so anchors made by headings, attribute lists and the build are all known.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import cache
from urllib.parse import unquote, urlsplit

from ..errors import Collector, ContentError
from ..model.fallback import shown_instead
from ..model.locales import SOURCE_LANGUAGE
from ..model.pages import SitePage
from ..model.project import Project
from ..site.directives import expand
from ..site.markdown import RenderCache, render

_HREF = re.compile(r"<(?:a|img)\s[^>]*?(?:href|src)=\"([^\"]*)\"", re.I)
_ID = re.compile(r"\sid=\"([^\"]+)\"")
GENERATED_PREFIXES = ("materials/", "assets/")  # files the build writes, checked in the built site


RENDER_CACHE = ".cache/checks/rendered.json"  # relative to the project folder


def page_html(
    project: Project,
    page: SitePage,
    shown: SitePage | None,
    renderer: RenderCache | None = None,
) -> str:
    """The page as readers get it: an untranslated page shows its fallback language's page
    (``shown``, from :func:`puebla.model.fallback.shown_instead`, as the build does)."""
    body, quote_lang = page.doc.body, None
    if shown is not None and page.doc.meta.get("translation_status") == "untranslated":
        body, quote_lang = shown.doc.body, shown.lang
    try:
        text = expand(body, page.lang, project, page.doc.path, rel=page.rel, quote_lang=quote_lang)
    except ContentError:
        return ""  # reported by the build with its own message
    return renderer.render(text) if renderer is not None else render(text)


def _line_of(page: SitePage, needle: str) -> int | None:
    for offset, line in enumerate(page.doc.body.splitlines()):
        if needle and needle in line:
            return page.doc.body_line + offset
    return None


def check_links(project: Project, pages: dict[str, dict[str, SitePage]], issues: Collector) -> None:
    renderer = RenderCache(project.root / RENDER_CACHE)

    @cache
    def rendered(lang: str, rel: str) -> str:
        page = pages[lang][rel]
        shown = shown_instead(project, pages, lang, rel) if lang != SOURCE_LANGUAGE else None
        return page_html(project, page, shown, renderer)

    @cache
    def ids(lang: str, rel: str) -> frozenset[str]:
        return frozenset(html.unescape(i) for i in _ID.findall(rendered(lang, rel)))

    for lang, tree in pages.items():
        for rel, page in tree.items():
            for raw in _HREF.findall(rendered(lang, rel)):
                href = html.unescape(raw)
                parts = urlsplit(href)
                if parts.scheme or parts.netloc or href.startswith("//"):
                    continue
                target_rel = rel
                if parts.path:
                    target_rel = posixpath.normpath(
                        posixpath.join(posixpath.dirname(rel), unquote(parts.path))
                    )
                    if target_rel.startswith(GENERATED_PREFIXES):
                        continue
                    if not target_rel.endswith(".md"):
                        if not (project.root / "docs" / lang / target_rel).exists():
                            issues.error(
                                page.doc.path,
                                f"the link '{href}' points to no file",
                                "link to the page's .md file, e.g. '../communique/index.md'",
                                line=_line_of(page, parts.path),
                            )
                        continue
                    if target_rel not in tree:
                        issues.error(
                            page.doc.path,
                            f"the link '{href}' points to a page that does not exist ({lang}/{target_rel})",
                            "correct the path; links are relative to this page's folder",
                            line=_line_of(page, parts.path),
                        )
                        continue
                if parts.fragment and parts.fragment not in ids(lang, target_rel):
                    issues.error(
                        page.doc.path,
                        f"the link '{href}' points to an anchor '#{parts.fragment}' that {lang}/{target_rel} does not have",
                        "use the id of a heading or of a commitment, e.g. '#commitment-6'",
                        line=_line_of(page, "#" + parts.fragment),
                    )
    renderer.save()
