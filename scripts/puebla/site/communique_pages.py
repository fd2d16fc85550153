"""Markdown for the communiqué pages: a version in full, both sources, the comparison."""

from __future__ import annotations

import difflib

from ..model.communique import Communique, Paragraph, Version
from ..model.locales import Locale
from .text import html_escape, md_escape


def _gap_note(para: Paragraph, locale: Locale) -> str:
    note = html_escape(locale.t("editorial_note", words=para.gap, other=para.gap_other))
    return f' <span class="editorial-note">[…] <em>{note}</em></span>'


def _paragraph_md(para: Paragraph, locale: Locale, prefix: str = "", attrs: str = "") -> str:
    text = prefix + md_escape(para.text)
    if para.gap:
        text += _gap_note(para, locale)
    if attrs:
        text += f"\n{{: {attrs} }}"
    return text + "\n"


def version_markdown(version: Version, locale: Locale, anchor_prefix: str = "") -> str:
    """A version in full, each commitment a paragraph with id ``<prefix>commitment-N``."""
    out: list[str] = []
    if version.letter:
        out.append(f"### {locale.t('un_letter_heading')} {{#{anchor_prefix}letter}}\n")
        for para in version.letter:
            text = md_escape(para.text)
            if "(Signed)" in para.text:
                out.append(f"{text}\n{{: .signature }}\n")
            else:
                out.append(text + "\n")
    # Every heading of the text, as it stands (the UN text has two).
    titles = [version.title] if version.key == "release" else version.headings
    out.extend(f"**{md_escape(title)}**\n{{: .communique-title }}\n" for title in titles)
    out.extend(_paragraph_md(p, locale) for p in version.preamble)
    out.append(md_escape(version.agreed) + "\n")
    for number, para in version.commitments.items():
        out.append(
            _paragraph_md(
                para,
                locale,
                prefix=f"**{number}.** ",
                attrs=f"#{anchor_prefix}commitment-{number} .commitment",
            )
        )
    out.extend(_paragraph_md(p, locale) for p in version.closing)
    if version.signoff:
        out.append(f"**{md_escape(version.signoff)}**\n")
    return "\n".join(out)


def sources_markdown(communique: Communique, locale: Locale) -> str:
    """Both English texts in full, one after the other, with prefixed anchors."""
    parts = []
    for version, heading in (
        (communique.release, "release_heading"),
        (communique.un, "un_heading"),
    ):
        parts.append(f"## {locale.t(heading)} {{#{version.key}}}\n")
        if locale.code != "en":
            parts.append(
                f'<p class="english-only" lang="{locale.interface}">{html_escape(locale.t("english_only_note"))}</p>\n'
            )
        parts.append('<div class="communique-text" lang="en" markdown="1">\n')
        parts.append(version_markdown(version, locale, anchor_prefix=f"{version.key}-"))
        parts.append("</div>\n")
    return "\n".join(parts)


def _diff_html(a: str, b: str) -> tuple[str, str]:
    """Mark the words of ``a`` and ``b`` that the other version does not share."""
    wa, wb = a.split(), b.split()
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    out_a: list[str] = []
    out_b: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        chunk_a = html_escape(" ".join(wa[i1:i2]))
        chunk_b = html_escape(" ".join(wb[j1:j2]))
        if op == "equal":
            out_a.append(chunk_a)
            out_b.append(chunk_b)
            continue
        if chunk_a:
            out_a.append(f"<mark>{chunk_a}</mark>")
        if chunk_b:
            out_b.append(f"<mark>{chunk_b}</mark>")
    return " ".join(out_a), " ".join(out_b)


def _pair(heading: str, anchor: str, a: Paragraph | str, b: Paragraph | str, locale: Locale) -> str:
    text_a = a.text if isinstance(a, Paragraph) else a
    text_b = b.text if isinstance(b, Paragraph) else b
    html_a, html_b = _diff_html(text_a, text_b)
    for para, attr in ((a, "a"), (b, "b")):
        if isinstance(para, Paragraph) and para.gap:
            if attr == "a":
                html_a += _gap_note(para, locale)
            else:
                html_b += _gap_note(para, locale)
    label_a = html_escape(locale.t("compare_release"))
    label_b = html_escape(locale.t("compare_un"))
    return (
        f"## {heading} {{#{anchor}}}\n\n"
        f'<div class="compare-pair" lang="en">\n'
        f'<div class="compare-side"><p class="compare-label" lang="{locale.interface}">{label_a}</p><p>{html_a}</p></div>\n'
        f'<div class="compare-side"><p class="compare-label" lang="{locale.interface}">{label_b}</p><p>{html_b}</p></div>\n'
        f"</div>\n"
    )


def compare_markdown(communique: Communique, locale: Locale) -> str:
    """The two versions side by side, section by section, with differing words marked."""
    rel, un = communique.release, communique.un
    parts = [f'<p class="compare-legend">{html_escape(locale.t("compare_legend"))}</p>\n']
    parts.append(_pair(locale.t("compare_title"), "title", rel.title, un.headings[-1], locale))
    for i, (a, b) in enumerate(zip(rel.preamble, un.preamble, strict=True), start=1):
        parts.append(_pair(locale.t("compare_preamble", number=i), f"preamble-{i}", a, b, locale))
    for n in rel.commitments:
        parts.append(
            _pair(
                locale.t("compare_commitment", number=n),
                f"commitment-{n}",
                rel.commitments[n],
                un.commitments[n],
                locale,
            )
        )
    for i, (a, b) in enumerate(zip(rel.closing, un.closing, strict=True), start=1):
        parts.append(_pair(locale.t("compare_closing"), f"closing-{i}", a, b, locale))
    return "\n".join(parts)
