"""The one registry of sources the quotation directive quotes from.

Why one registry: the communiqué and the Universal Declaration of Human Rights are quoted by
the same special line, ``<!-- puebla:quote SOURCE REF [options] -->``, render the same marker
(``blockquote.quotation[data-source]``) and fail the same way (a problem naming file and
line, with a hint). A new source is one function added to :data:`SOURCES`.

Forms (documented for editors in CONTRIBUTING.md, section 4):

- ``<!-- puebla:quote communique 6 -->`` (a commitment, ``preamble.5``, ``closing.1``);
- ``<!-- puebla:quote udhr 13 -->`` (a whole article), ``udhr 13.1`` (one paragraph);
- ``<!-- puebla:quote udhr 13 quc -->``: the text in another language than the page's
  (a K'iche' page, whose interface is Spanish, quotes the K'iche' translation);
- ``<!-- puebla:quote udhr 13 quc es-beside -->``: and the same article in Spanish, folded
  right after it (one tap away).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.project import Project
from .quotations import normal_ref, quote_block, quote_refs
from .quotations_udhr import QuotationError, udhr_quotation
from .text import html_escape

BESIDE = "-beside"  # suffix of the option that folds another language's text after the quote


@dataclass(frozen=True)
class QuoteRequest:
    project: Project
    lang: str  # the language of the page's body (its fallback's on an untranslated page)
    args: list[str]  # the directive's arguments after the source's name
    rel: str  # the page's path under its language root (for links)


def _communique(req: QuoteRequest) -> str:
    ref = normal_ref(req.args[0]) if len(req.args) == 1 else None
    if ref is None or ref not in quote_refs(req.project, req.lang):
        raise QuotationError(
            f"'{' '.join(req.args)}' is not a paragraph of the communiqué",
            "write a commitment number (e.g. 6), preamble.N or closing.N, nothing else; "
            "see CONTRIBUTING.md, section 4, 'Special lines: help block and quotations'",
        )
    return quote_block(req.project, req.lang, ref, req.rel)


def _udhr_options(req: QuoteRequest) -> tuple[str, str | None, str | None]:
    """(ref, text language or None, beside language or None) from ``13.1 [quc] [es-beside]``."""
    usage = (
        "write <!-- puebla:quote udhr ARTICLE[.PARAGRAPH] [TEXT-LANGUAGE] [LANGUAGE-beside] -->, "
        "e.g. 'udhr 13', 'udhr 13.1', 'udhr 13 quc es-beside'"
    )
    if not req.args:
        raise QuotationError("the UDHR quotation names no article", usage)
    ref, *options = req.args
    text_lang = beside = None
    for option in options:
        if option.endswith(BESIDE) and beside is None:
            beside = option[: -len(BESIDE)]
        elif not option.endswith(BESIDE) and text_lang is None:
            text_lang = option
        else:
            raise QuotationError(f"the UDHR quotation has an extra option '{option}'", usage)
    return ref, text_lang, beside


def _udhr(req: QuoteRequest) -> str:
    ref, text_lang, beside = _udhr_options(req)
    udhr, locale = req.project.udhr, req.project.locales[req.lang]
    quotation = udhr_quotation(udhr, locale, ref, text_lang)
    out = f"\n{quotation.html()}\n"
    if beside is None:
        return out
    if beside == quotation.lang:
        raise QuotationError(
            f"'{beside}{BESIDE}' folds the text that is already quoted",
            "name a language other than the quoted text's, or drop the option",
        )
    other = udhr_quotation(udhr, locale, ref, beside)
    names = req.project.locales.get(beside)
    language = (
        locale.name_of(names)
        if names is not None
        else locale.text_name(beside, udhr.texts[beside].name)
    )
    summary = locale.t("udhr_beside", language=language)
    return (
        f'{out}\n<details class="quotation-beside">'
        f"<summary>{html_escape(summary)}</summary>{other.html()}</details>\n"
    )


SOURCES: dict[str, Callable[[QuoteRequest], str]] = {"communique": _communique, "udhr": _udhr}


def quotation_markdown(req: QuoteRequest, source: str) -> str:
    """The quotation's Markdown; :class:`QuotationError` for an unknown source or reference."""
    render = SOURCES.get(source)
    if render is None:
        raise QuotationError(
            f"'{source}' is not a source the site quotes",
            f"write one of: {', '.join(f'<!-- puebla:quote {s} REF -->' for s in SOURCES)}",
        )
    return render(req)
