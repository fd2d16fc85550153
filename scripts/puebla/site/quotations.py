"""Quotations of the communiqué, taken from the site's own text in the page's language.

Why: a sentence of the communiqué that editors paste into a page drifts away from the text the
site publishes (three wordings of one commitment in one language were found). Pages therefore
never type a quotation: a special line inserts it from the one text the site shows for that
language — the Conference's English release, or the project's translation on
``docs/<lang>/communique/index.md`` — and an inline form accepts a fragment only if it is word
for word part of that text.

Every quotation is marked in the HTML with one generic marker that other sources (the UDHR)
can reuse: ``class="quotation" data-source="…" data-ref="…" lang="…"``. Tests find quotations by
that marker and compare them with the published text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.locales import SOURCE_LANGUAGE, Locale
from ..model.project import Project
from .text import html_escape, md_escape

SOURCE = "communique"
COMMUNIQUE_PAGE = "communique/index.md"
_COMMITMENT_ATTR = re.compile(r"^\{:\s*#commitment-(\d+)\s+\.commitment\s*\}\s*$")
_NUMBER_PREFIX = re.compile(r"^\*\*\d+\.\*\*\s+")
REF = re.compile(r"^(?:(\d{1,2})|(preamble|closing)\.(\d{1,2}))$")
# Inline: <!-- puebla:quote communique REF "exact words" -->, anywhere in a paragraph.
INLINE = re.compile(r"<!--\s*puebla:quote\s+communique\s+([a-z0-9.-]+)\s+\"([^\"]+)\"\s*-->")


@dataclass(frozen=True)
class QuotableText:
    """The communiqué as the site shows it in one language (Markdown per paragraph)."""

    lang: str  # the language of the text itself (en when there is no translation yet)
    translated: bool  # the project's (unofficial) translation, not the English release
    paragraphs: dict[str, str]  # "6" (commitment), "preamble.5", "closing.1" → Markdown


def normal_ref(arg: str) -> str | None:
    """``6`` (a commitment), ``preamble.5``, ``closing.1``; anything else is None."""
    match = REF.match(arg)
    if not match:
        return None
    if match.group(1):
        return str(int(match.group(1)))
    return f"{match.group(2)}.{int(match.group(3))}"


def _english(project: Project) -> QuotableText:
    release = project.communique.release
    paras: dict[str, str] = {}
    for i, p in enumerate(release.preamble, start=1):
        paras[f"preamble.{i}"] = md_escape(p.text)
    for n, p in release.commitments.items():
        paras[str(n)] = md_escape(p.text)
    for i, p in enumerate(release.closing, start=1):
        paras[f"closing.{i}"] = md_escape(p.text)
    return QuotableText(SOURCE_LANGUAGE, False, paras)


def _translation(body: str, lang: str) -> QuotableText:
    """Paragraphs of a translated communiqué page, in the structure of the English release."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", body) if b.strip()]
    text_blocks = [
        b
        for b in blocks
        if not b.startswith(("#", "!!!", "    ", "<", "**Puebla")) and not b.endswith(":")
    ]
    paras: dict[str, str] = {}
    preamble = closing = 0
    seen_commitment = False
    for block in text_blocks:
        lines = block.splitlines()
        match = _COMMITMENT_ATTR.match(lines[-1])
        if match:
            seen_commitment = True
            paras[str(int(match.group(1)))] = _NUMBER_PREFIX.sub("", " ".join(lines[:-1]).strip())
        elif not seen_commitment:
            preamble += 1
            paras[f"preamble.{preamble}"] = " ".join(lines).strip()
        else:
            closing += 1
            paras[f"closing.{closing}"] = " ".join(lines).strip()
    return QuotableText(lang, True, paras)


def quotable_text(project: Project, lang: str) -> QuotableText:
    """The communiqué text the site shows in ``lang`` (English while it is untranslated)."""
    if lang == SOURCE_LANGUAGE:
        return _english(project)
    doc = project.docs.pages.get(lang, {}).get(COMMUNIQUE_PAGE)
    if doc is None or doc.meta.get("translation_status") == "untranslated":
        return _english(project)
    return _translation(doc.body, lang)


def _cite_link(rel: str, ref: str) -> str:
    up = "../" * rel.count("/")
    anchor = f"#commitment-{ref}" if ref.isdigit() else ""
    return f"{up}{COMMUNIQUE_PAGE}{anchor}"


def _ref_label(ref: str, locale: Locale) -> str:
    if ref.isdigit():
        return locale.t("commitment_label", number=ref)
    kind, number = ref.split(".")
    if kind == "preamble":
        return locale.t("compare_preamble", number=number)
    return locale.t("compare_closing")


def _blockquote(text: str, lang: str, page_lang: str, ref: str, link: str, cite: str) -> str:
    """The shared marker (see CONTRIBUTING.md): ``lang`` only where it differs from the page."""
    lang_attr = f' lang="{lang}"' if lang != page_lang else ""
    footer = f"[{md_escape(cite)}]({link})"  # a Markdown link: MkDocs resolves it
    return (
        f'<blockquote class="quotation" data-source="{SOURCE}" data-ref="{ref}"{lang_attr} '
        f'cite="{link}" markdown="1">\n\n{text}\n\n<footer markdown="span">{footer}</footer>\n\n'
        "</blockquote>\n"
    )


def quote_block(project: Project, lang: str, ref: str, rel: str) -> str:
    """A whole paragraph of the communiqué, with its source; in a translated page the
    page-language text comes first and the English original is one click away."""
    locale = project.locales[lang]
    text = quotable_text(project, lang)
    english = _english(project)
    label = _ref_label(ref, locale)
    link = _cite_link(rel, ref)
    if lang == SOURCE_LANGUAGE:
        cite = locale.t("quote_cite_release", ref=label)
        return _blockquote(english.paragraphs[ref], SOURCE_LANGUAGE, lang, ref, link, cite)
    if not text.translated:
        # No translation of the communiqué in this language yet: the page's own words come
        # first, and the English text stays one click away rather than before them.
        cite = locale.t("quote_cite_english", ref=label, language=locale.name)
        return _original(
            locale, _blockquote(english.paragraphs[ref], SOURCE_LANGUAGE, lang, ref, link, cite)
        )
    cite = locale.t("quote_cite_translation", ref=label)
    original = locale.t("quote_cite_release", ref=label)
    return _blockquote(text.paragraphs[ref], lang, lang, ref, link, cite) + _original(
        locale, _blockquote(english.paragraphs[ref], SOURCE_LANGUAGE, lang, ref, link, original)
    )


def _original(locale: Locale, blockquote: str) -> str:
    """The English text, folded: one click away."""
    return (
        '\n<details class="quotation-original" markdown="1">\n'
        f"<summary>{html_escape(locale.t('quote_original'))}</summary>\n\n{blockquote}\n</details>\n"
    )


def quote_refs(project: Project, lang: str) -> set[str]:
    return set(quotable_text(project, lang).paragraphs)


def expand_inline(markdown: str, project: Project, lang: str) -> tuple[str, list[tuple[int, str]]]:
    """Replace inline quotations; return the text and (line, problem) for each bad one."""
    text = quotable_text(project, lang)
    problems: list[tuple[int, str]] = []

    def replace(match: re.Match[str]) -> str:
        ref = normal_ref(match.group(1))
        words = match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        if ref is None or ref not in text.paragraphs:
            problems.append((line, f"'{match.group(1)}' is not a paragraph of the communiqué"))
            return match.group(0)
        if words not in text.paragraphs[ref]:
            problems.append(
                (
                    line,
                    f'the words "{words}" are not in {ref} of the communiqué as the site shows '
                    f"it in '{text.lang}' (copy them exactly from docs/{lang}/{COMMUNIQUE_PAGE} "
                    "or the English source)",
                )
            )
            return match.group(0)
        lang_attr = f' lang="{text.lang}"' if text.lang != lang else ""
        return (
            f'<q class="quotation" data-source="{SOURCE}" data-ref="{ref}"{lang_attr}>{words}</q>'
        )

    return INLINE.sub(replace, markdown), problems


_QUOTATION = re.compile(r'<blockquote\b[^>]*\bclass="quotation"[^>]*>.*?</blockquote>', re.S)
_FOOTER_LINK = re.compile(r'<footer>\s*<a href="([^"]*)"')


def fill_cite(html: str) -> str:
    """Give each quotation's ``cite`` the address its footer links to, as MkDocs resolved it
    (the directive can only write the Markdown path)."""

    def one(match: re.Match[str]) -> str:
        block = match.group(0)
        link = _FOOTER_LINK.search(block)
        if not link:
            return block
        head, rest = block.split(">", 1)
        return re.sub(r'\bcite="[^"]*"', f'cite="{link.group(1)}"', head, count=1) + ">" + rest

    return _QUOTATION.sub(one, html)
