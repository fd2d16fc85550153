"""Which page readers of an untranslated page see instead: the fallback language's.

Why: a language names the language its untranslated pages fall back to (``fallback:`` in
``locales/<lang>.yml``; English when absent). K'iche', Mam and Q'eqchi' readers are far
better served by the Spanish page than by the English one; the chain of fallbacks ends in
English, the source, so a page is always found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .locales import SOURCE_LANGUAGE
from .pages import SitePage
from .translation import is_skeleton

if TYPE_CHECKING:
    from .project import Project


def fallback_chain(project: Project, lang: str) -> list[str]:
    """The languages tried after ``lang``, in order, ending with English."""
    chain: list[str] = []
    code = project.locales[lang].fallback
    while code is not None and code in project.locales and code not in chain and code != lang:
        chain.append(code)
        code = project.locales[code].fallback
    if SOURCE_LANGUAGE not in chain and lang != SOURCE_LANGUAGE:
        chain.append(SOURCE_LANGUAGE)
    return chain


def is_translated(page: SitePage | None) -> bool:
    return (
        page is not None
        and page.doc.meta.get("translation_status") != "untranslated"
        and not is_skeleton(page.doc.body)
    )


def shown_instead(
    project: Project, pages: dict[str, dict[str, SitePage]], lang: str, rel: str
) -> SitePage:
    """The first page of ``lang``'s fallback chain that is translated (English at the latest)."""
    for code in fallback_chain(project, lang):
        page = pages.get(code, {}).get(rel)
        if code == SOURCE_LANGUAGE or is_translated(page):
            assert page is not None, f"no {code} page for {rel}"
            return page
    raise AssertionError("the chain always ends in the source language")
