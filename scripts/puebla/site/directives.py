"""Expand the project's special lines (``<!-- puebla:NAME ARG -->``) into Markdown.

Editors write ordinary Markdown; a line like ``<!-- puebla:help-lines -->`` marks where the
build inserts content that lives in one place (the help lines, the communiqué's
English texts). As an HTML comment it stays invisible in any other Markdown viewer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import ContentError, Problem
from ..model.pages import site_pages
from ..model.project import Project
from ..model.translation import translation_states
from .campaign_pages import campaign_cards_markdown
from .checksums import checksums_markdown
from .communique_pages import compare_markdown, sources_markdown, version_markdown
from .extras import Extras
from .help_now import help_now_markdown, help_page_link
from .help_pages import (
    HOW_WE_CHECK_PAGE,
    check_rules_markdown,
    help_lines_markdown,
    report_to_markdown,
)
from .offline import offline_kit_markdown
from .quotations import expand_inline
from .quotations_udhr import QuotationError
from .quote_sources import QuoteRequest, quotation_markdown
from .status_page import status_markdown
from .text import html_escape, md_escape

# Arguments: lower-case words, numbers and references such as 13.1, preamble.5, es-beside.
DIRECTIVE = re.compile(r"^<!--\s*puebla:([a-z-]+)((?:\s+[a-z0-9.-]+)*)\s*-->\s*$", re.M)
# Whatever is left of a special line after expansion was mistyped (a line the build would
# otherwise leave as an invisible comment).
LEFTOVER = re.compile(r"<!--\s*puebla:.*?(?:-->|$)", re.M)
QUOTE_HINT = "see CONTRIBUTING.md, section 4, 'Special lines: help block and quotations'"


def _renderers(
    project: Project, extras: Extras | None, rel: str = ""
) -> dict[str, Callable[[str, list[str]], str]]:
    c = project.communique

    def text(lang: str, args: list[str]) -> str:
        version = {"release": c.release, "un": c.un}[args[0]]
        return version_markdown(version, project.locales[lang])

    def status(lang: str, args: list[str]) -> str:
        return status_markdown(project, _states_of(project), project.locales[lang])

    def materials_list(lang: str, args: list[str]) -> str:
        if extras is None:
            return ""  # checks render pages without building the materials
        from ..materials import materials_markdown

        listing = materials_markdown(extras.materials, project, lang)
        if not any(m.lang == lang for m in extras.materials):
            locale = project.locales[lang]
            english = "../../materials/" if lang != project.languages[0] else ""
            listing = (
                f"{md_escape(locale.t('materials_none', language=locale.name))} "
                f'<a href="{english}" hreflang="en">{html_escape(locale.t("materials_none_link"))}</a>\n'
            )
        if extras.offline_kit is not None:
            listing += offline_kit_markdown(extras.offline_kit, project.locales[lang])
            listing += checksums_markdown(project.locales[lang])  # SHA256SUMS (online site)
        return listing

    def quote(lang: str, args: list[str]) -> str:
        source, rest = (args[0], args[1:]) if args else ("", [])
        return quotation_markdown(QuoteRequest(project, lang, rest, rel), source)

    return {
        "quote": quote,
        "help-now": lambda lang, args: help_now_markdown(
            project.help, project.locales[lang], project.today, help_page_link(rel)
        ),
        "materials-list": materials_list,
        "translation-status": status,
        # The link to "How we check help lines" is relative to the page; campaign help pages
        # sit two folders down (campaigns/<id>/help.md). Another page passes its own path.
        "help-lines": lambda lang, args: help_lines_markdown(
            project.help,
            project.locales[lang],
            project.today,
            args[0] if args else "../../" + HOW_WE_CHECK_PAGE,
        ),
        "help-check-rules": lambda lang, args: check_rules_markdown(project.locales[lang]),
        "report-to": lambda lang, args: report_to_markdown(
            project.report_to, project.site_url, project.locales[lang]
        ),
        "communique-text": text,
        "campaign-cards": lambda lang, args: campaign_cards_markdown(
            list(project.campaigns.values()), project.locales[lang]
        ),
        "communique-sources": lambda lang, args: sources_markdown(c, project.locales[lang]),
        "communique-compare": lambda lang, args: compare_markdown(c, project.locales[lang]),
    }


def _file_line(path: Path | str, markdown: str, start: int, line_text: str) -> int:
    """The line of the file an editor edits: the Markdown here has lost its front matter and
    may have gained a notice, so the directive's own line is looked up in the file (the same
    occurrence of it), else counted in the Markdown."""
    counted = markdown.count("\n", 0, start) + 1
    occurrence = markdown.count(line_text, 0, start)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return counted
    found = [i for i, line in enumerate(lines, 1) if line.strip() == line_text.strip()]
    return found[occurrence] if occurrence < len(found) else counted


_states: tuple[Project, list] | None = None


def _states_of(project: Project) -> list:
    """Every translation's state, once per loaded model: each language's status page lists
    them all, so computing them per page made the work grow with the square of the languages."""
    global _states
    if _states is None or _states[0] is not project:
        _states = (project, translation_states(project, site_pages(project)))
    return _states[1]


def expand(
    markdown: str,
    lang: str,
    project: Project,
    path: Path | str,
    extras: Extras | None = None,
    rel: str = "",
    quote_lang: str | None = None,
) -> str:
    """Replace every directive line; an unknown one is an error naming file and line.

    ``rel`` is the page's path under its language root (for links the inserted text makes).
    ``quote_lang`` is the language of the body's text when it is not the page's: an
    untranslated page shows its fallback language's page, whose quotations of the
    communiqué are that language's words.
    """
    renderers = _renderers(project, extras, rel)
    qlang = quote_lang or lang
    markdown, bad = expand_inline(markdown, project, qlang)
    if bad:
        raise ContentError([Problem(path, message, QUOTE_HINT, line=line) for line, message in bad])
    known = f"use one of: {', '.join('<!-- puebla:' + n + ' -->' for n in renderers)}"

    def replace(match: re.Match[str]) -> str:
        name, args = match.group(1), match.group(2).split()
        renderer = renderers.get(name)
        line_text = match.group(0).strip()
        if renderer is None or (name == "communique-text" and args not in (["release"], ["un"])):
            line = _file_line(path, markdown, match.start(), line_text)
            raise ContentError(
                [Problem(path, f"unknown special line '{line_text}'", known, line=line)]
            )
        try:
            return renderer(qlang if name == "quote" else lang, args)
        except QuotationError as exc:
            line = _file_line(path, markdown, match.start(), line_text)
            raise ContentError(
                [Problem(path, f"'{line_text}': {exc}", exc.hint or QUOTE_HINT, line=line)]
            ) from None

    expanded = DIRECTIVE.sub(replace, markdown)
    leftover = LEFTOVER.search(expanded)
    if leftover:
        line_text = leftover.group(0).strip()
        raise ContentError(
            [
                Problem(
                    path,
                    f"'{line_text}' is not a special line the build understands (it would stay "
                    "an invisible comment)",
                    "a special line stands alone on its line, in lower case: "
                    + known
                    + "; an inline quotation of the communiqué is "
                    '<!-- puebla:quote communique REF "exact words" -->',
                    line=_file_line(path, expanded, leftover.start(), line_text),
                )
            ]
        )
    return expanded
