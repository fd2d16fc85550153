"""``make serve``: a page's theme HTML reused when nothing it shows changed since the last build.

Why: after a save that changed only a page's text, the preview still rendered Material's
templates for every page of each language it rebuilt (about 40 pages for an English campaign
page, whose text Haitian Creole shows too) although only one page's HTML differs. Rendering a
page's template was the largest part of such a rebuild.

Only the preview uses this, and only for a rebuild the serve plan made from page text alone
(no front matter, strings, templates, configuration or data changed; see
``serve.plan_languages``). Within such a rebuild the HTML of a page is a function of what the
key below holds: the template, the language build, the page's address, rendered content, table
of contents, title and front matter, the whole navigation (titles and addresses, so the
previous/next links too), ``extra`` (mkdocs-static-i18n's alternates) and every plain value of
the template context (the project's own ``puebla_*`` values, the base URL, scripts and styles).
A full rebuild renders every page again and records the keys afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs.structure.pages import Page

_PLAIN = (str, int, float, bool, type(None), list, tuple, dict)
_SKIPPED = {"nav", "pages", "config", "page", "build_date_utc", "i18n_config"}


def _nav_signature(items: Any) -> tuple:
    return tuple(
        (
            type(item).__name__,
            str(getattr(item, "title", "")),
            str(getattr(item, "url", "")),
            _nav_signature(getattr(item, "children", None) or ()),
        )
        for item in items
    )


class PageMemo:
    """The last HTML rendered for each page (by output file), with the key it was made from."""

    def __init__(self) -> None:
        self.reuse = False  # True only during a rebuild planned from page text alone
        self.outputs: dict[str, tuple[str, str]] = {}
        self.finished: dict[str, tuple[str, str]] = {}  # output file → (HTML, finished HTML)
        self.hits = 0
        self._nav: tuple[Any, tuple] | None = None

    def _nav_key(self, nav: Any) -> tuple:
        if self._nav is None or self._nav[0] is not nav:
            self._nav = (nav, _nav_signature(getattr(nav, "items", ())))
        return self._nav[1]

    def key(self, template: jinja2.Template, context: Any) -> str:
        page: Page = context["page"]
        config = context["config"]
        plain = sorted(
            (name, repr(value))
            for name, value in dict(context).items()
            if name not in _SKIPPED and isinstance(value, _PLAIN)
        )
        parts = (
            template.name,
            config.site_dir,
            str(config.theme.get("language")),
            config.site_url,
            page.url,
            page.file.src_uri,
            str(page.canonical_url),
            page.content or "",
            str(page.toc),
            str(page.title),
            repr(page.meta),
            repr(self._nav_key(context.get("nav"))),
            repr(config.extra),
            repr(plain),
        )
        return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def render(self, original: Any, template: jinja2.Template, context: Any) -> str:
        page = context.get("page") if hasattr(context, "get") else None
        if not isinstance(page, Page) or page.file.abs_dest_path is None:
            return original(template, context)  # 404 page, sitemap: small, always rendered
        key = self.key(template, context)
        dest = page.file.abs_dest_path
        stored = self.outputs.get(dest)
        if self.reuse and stored is not None and stored[0] == key:
            self.hits += 1
            return stored[1]
        output = original(template, context)
        self.outputs[dest] = (key, output)
        return output

    def finish(self, page: Page, output: str, fix: Callable[[str], str]) -> str:
        """``fix(output)`` (the plugin's HTML finish, a pure function), remembered per page."""
        dest = page.file.abs_dest_path or page.file.src_uri
        stored = self.finished.get(dest)
        if stored is not None and stored[0] == output:
            return stored[1]
        fixed = fix(output)
        self.finished[dest] = (output, fixed)
        return fixed

    def install(self) -> Any:
        """Route ``jinja2.Template.render`` through the memo; returns the original."""
        original = jinja2.Template.render

        def render(template: jinja2.Template, *args: Any, **kwargs: Any) -> str:
            if len(args) == 1 and not kwargs:
                return self.render(original, template, args[0])
            return original(template, *args, **kwargs)

        jinja2.Template.render = render  # type: ignore[method-assign]
        return original
