"""Notices readers see on translations: outdated, not yet translated, awaiting review."""

from __future__ import annotations

from ..model.locales import SOURCE_LANGUAGE, Locale
from ..model.translation import TranslationState
from .text import html_escape


def _admonition(kind: str, title: str, text: str) -> str:
    """One compact line: the state must show on every page, without pushing the help block
    out of a phone's first screen."""
    return (
        f'<p class="translation-notice translation-notice--{kind}" role="note">'
        f"<strong>{html_escape(title)}.</strong> {text}</p>\n\n"
    )


def notice_markdown(
    state: TranslationState,
    locale: Locale,
    english_url: str,
    shown: Locale | None = None,
    shown_url: str = "",
) -> str:
    """The notice for a page in ``locale`` (empty when the translation is current and reviewed).

    ``shown``: the language an untranslated page is shown in (its fallback; English when not
    given), at ``shown_url``. Written in ``locale``'s interface language (see
    :func:`in_interface_language`).
    """
    link = f'<a href="{html_escape(english_url)}" hreflang="en" lang="{locale.interface}">{html_escape(locale.t("notice_english_link"))}</a>'
    if state.state == "untranslated" and shown is not None and shown.code != SOURCE_LANGUAGE:
        name = locale.name_of(shown)
        text = locale.t("notice_fallback_text", language=locale.name_of(locale), fallback=name)
        label = html_escape(locale.t("notice_fallback_link", fallback=name))
        link = f'<a href="{html_escape(shown_url)}" hreflang="{shown.code}" lang="{locale.interface}">{label}</a>'
        return _admonition(
            "info", locale.t("notice_untranslated_title"), f"{html_escape(text)} {link}"
        )
    if state.state == "published":  # the language's published texts, framed in its fallback's
        interface = locale.language_names.get(locale.interface, locale.name)
        text = locale.t(
            "notice_published_text", language=locale.name_of(locale), interface=interface
        )
        return _admonition("info", locale.t("notice_published_title"), html_escape(text))
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


def in_interface_language(locale: Locale, notice: str) -> str:
    """The notice, in the page's interface language.

    The notice is in the page's own language where its interface strings exist; a language
    whose locale file has none yet (K'iche', Mam, Q'eqchi': Spanish until a reviewed
    translation is recorded) gets its fallback's words. Those need no ``lang`` of their own:
    such a language's pages are ``<html lang>`` of that interface (see :func:`page_lang`).
    """
    return notice


def page_lang(locale: Locale) -> str:
    """The page's ``<html lang>``: the interface language. A language shown with its
    fallback's interface (``make language … FALLBACK=es``) gets that language's Material
    partial, so its pages are ``<html lang="es">``."""
    return locale.interface


def fallback_markdown(body: str, lang: str = SOURCE_LANGUAGE, locale: Locale | None = None) -> str:
    """The fallback language's page (English unless the language names another), shown in
    place of an untranslated one and marked with its language (unless the page, ``locale``'s,
    is already in that language: a K'iche' page shown in Spanish is ``<html lang="es">``)."""
    if locale is not None and page_lang(locale) == lang:
        return f"{body}\n"
    return f'<div lang="{lang}" markdown="1">\n\n{body}\n\n</div>\n'
