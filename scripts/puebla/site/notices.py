"""Notices readers see on translations: outdated, not yet translated, awaiting review."""

from __future__ import annotations

from ..model.locales import Locale
from ..model.translation import TranslationState
from .text import html_escape


def _admonition(kind: str, title: str, text: str) -> str:
    """One compact line: the state must show on every page, without pushing the help block
    out of a phone's first screen."""
    return (
        f'<p class="translation-notice translation-notice--{kind}" role="note">'
        f"<strong>{html_escape(title)}.</strong> {text}</p>\n\n"
    )


def notice_markdown(state: TranslationState, locale: Locale, english_url: str) -> str:
    """The notice for a page in ``locale`` (empty when the translation is current and reviewed)."""
    link = f'<a href="{html_escape(english_url)}" hreflang="en" lang="{locale.code}">{html_escape(locale.t("notice_english_link"))}</a>'
    if state.state == "untranslated":
        text = locale.t("notice_untranslated_text", language=locale.name)
        return _admonition(
            "info", locale.t("notice_untranslated_title"), f"{html_escape(text)} {link}"
        )
    out = ""
    if state.state in ("outdated", "untracked"):
        out += _admonition(
            "warning",
            locale.t("notice_outdated_title"),
            f"{html_escape(locale.t('notice_outdated_text'))} {link}",
        )
    if state.awaiting_review:
        out += _admonition(
            "note",
            locale.t("notice_review_title"),
            f"{html_escape(locale.t('notice_review_text'))} {link}",
        )
    return out


def fallback_markdown(english_body: str) -> str:
    """The English page shown in place of an untranslated one, marked as English."""
    return f'<div lang="en" markdown="1">\n\n{english_body}\n\n</div>\n'
