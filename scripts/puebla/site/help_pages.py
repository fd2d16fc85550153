"""Markdown for the help-line list, in one language, from ``campaigns/help-lines.yml``."""

from __future__ import annotations

import re

from ..model.helplines import Contact, HelpData, HelpLine
from ..model.locales import SOURCE_LANGUAGE, Locale
from .text import html_escape, md_escape


def _pick(values: dict[str, str], lang: str) -> str:
    """The text in ``lang``, else the source language's (new languages start that way)."""
    return values.get(lang) or values.get(SOURCE_LANGUAGE, "")


def _contact_md(contact: Contact) -> str:
    digits = re.sub(r"[^0-9+]", "", contact.value)
    value = md_escape(contact.value)
    if contact.kind in ("call", "tty"):
        return f"[{value}](tel:{digits})"
    if contact.kind == "text":
        return f"[{value}](sms:{digits})"
    if contact.kind == "web":
        url = contact.value if "://" in contact.value else f"https://{contact.value}/"
        return f"[{value}]({url})"
    if contact.kind == "email":
        return f"[{value}](mailto:{contact.value})"
    return value


def _line_md(line: HelpLine, locale: Locale) -> str:
    lang = locale.code
    out = [f"#### {md_escape(line.name)}\n"]
    about = _pick(line.about, lang)
    if about:
        out.append(md_escape(about) + "\n")
    items = [f"- {locale.t('contact_' + c.kind)}: {_contact_md(c)}" for c in line.contacts]
    hours = _pick(line.hours, lang)
    if hours:
        items.append(f"- {locale.t('hours')}: {md_escape(hours)}")
    languages = _pick(line.languages, lang) or locale.t("languages_unknown")
    items.append(f"- {locale.t('languages')}: {md_escape(languages)}")
    source = md_escape(line.source_title)
    if line.source_url:
        source = f"[{source}]({line.source_url})"
    items.append(f"- {locale.t('source')}: {source}")
    items.append(
        f'- {locale.t("last_checked")}: <time datetime="{line.checked}">{line.checked}</time>'
    )
    out.append("\n".join(items) + "\n")
    caveat = _pick(line.caveat, lang)
    if caveat:
        out.append(f'!!! warning "{locale.t("caveat")}"\n    {md_escape(caveat)}\n')
    return "\n".join(out)


def help_lines_markdown(data: HelpData, locale: Locale) -> str:
    lang = locale.code
    # The page's own heading introduces the list; the intro paragraph carries the anchor
    # that other pages link to (the same in every language, unlike a heading's slug).
    out = [md_escape(locale.t("help_lines_intro")) + "\n{: #help-lines }\n"]
    by_country: dict[str, list[HelpLine]] = {}
    for line in data.lines:
        by_country.setdefault(line.country, []).append(line)
    names = {code: _pick(names, lang) for code, names in data.countries.items()}
    for code in sorted(by_country, key=lambda c: names[c]):
        out.append(f"### {md_escape(names[code])} {{#help-{code.lower()}}}\n")
        out.extend(_line_md(line, locale) for line in by_country[code])
    if data.unconfirmed:
        out.append(f"### {locale.t('unconfirmed_heading')} {{#help-unconfirmed}}\n")
        rows = [
            f"- **{md_escape(names[n.country])}**: {md_escape(_pick(n.note, lang))}"
            for n in sorted(data.unconfirmed, key=lambda n: names[n.country])
        ]
        out.append("\n".join(rows) + "\n")
    return "\n".join(out)


__all__ = ["help_lines_markdown", "html_escape"]
