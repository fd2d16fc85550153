"""The ``udhr`` source of the quotation directive: the Declaration's published words.

Why a source of its own: the site quotes the Universal Declaration of Human Rights exactly as
the UN Human Rights Office publishes it (``sources/udhr/``, checked against its provenance
when the model loads), never retyped. One quotation renders as the project's quotation marker
(``/work/coord/quotation-marker.md``)::

    <blockquote class="quotation" data-source="udhr" data-ref="13.1" cite="…OHCHR page…">
      <p>…exact text…</p>
      <footer>…source named, official or published translation…</footer>
    </blockquote>

so the tests, the typographic pass and hyphenation of the materials find every quotation by
one selector. ``lang`` is written only when the quoted text's language differs from the page's
(then the footer, in the page's language, carries the page's ``lang``).

The directive (``site/directives.py``) parses its arguments, calls :func:`udhr_quotation`, and
turns a :class:`QuotationError` into a problem naming the page and line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model.locales import Locale
from ..model.udhr import Text, Udhr
from .text import html_escape

SOURCE = "udhr"
_REF = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?$")


class QuotationError(LookupError):
    """A quotation that cannot be made: the message says what, ``hint`` how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Quotation:
    source: str  # always "udhr" here
    ref: str  # "13" (whole article) or "13.1" (one paragraph)
    paragraphs: tuple[str, ...]  # the published text, exactly
    numbered: bool  # a whole article whose paragraphs the source numbers (1., 2.)
    lang: str  # language of the quoted text
    page_lang: str
    cite: str  # the OHCHR page of this translation
    footer_html: str  # the source named, in the page's language (already escaped)

    @property
    def attributes(self) -> dict[str, str]:
        """The marker's attributes, in the order the marker lists them."""
        attrs = {"class": "quotation", "data-source": self.source, "data-ref": self.ref}
        if self.lang != self.page_lang:
            attrs["lang"] = self.lang
        attrs["cite"] = self.cite
        return attrs

    def html(self) -> str:
        """The blockquote on one line: a raw HTML block that Markdown leaves untouched when
        the directive puts it between blank lines."""
        attrs = " ".join(f'{k}="{html_escape(v)}"' for k, v in self.attributes.items())
        # Text content keeps its apostrophes as written (k', q', b'): only &, < and > escaped.
        paragraphs = [f"<p>{html.escape(p, quote=False)}</p>" for p in self.paragraphs]
        body = "".join(paragraphs)
        if self.numbered:
            body = "<ol>" + "".join(f"<li>{p}</li>" for p in paragraphs) + "</ol>"
        footer_lang = f' lang="{self.page_lang}"' if self.lang != self.page_lang else ""
        return f"<blockquote {attrs}>{body}<footer{footer_lang}>{self.footer_html}</footer></blockquote>"


def parse_ref(ref: str) -> tuple[int, int | None]:
    """``"13"`` → (13, None); ``"13.1"`` → (13, 1)."""
    match = _REF.match(ref.strip())
    if not match:
        raise QuotationError(
            f"'{ref}' is not a UDHR reference",
            "write the article, or article.paragraph: e.g. 13 or 13.1",
        )
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def _text(udhr: Udhr, lang: str) -> Text:
    text = udhr.texts.get(lang)
    if text is None:
        raise QuotationError(
            f"there is no published UDHR text for the language '{lang}' in sources/udhr/",
            "add the language to SELECTION in scripts/puebla/udhr.py and run "
            "'.venv/bin/python -m puebla.udhr extract' (see sources/README.md), or quote the "
            "text of the language this one falls back to",
        )
    return text


def footer_html(text: Text, label: str, locale: Locale) -> str:
    """'Universal Declaration of Human Rights, article 13(1). Official text …' with a link."""
    status = (
        locale.t("udhr_official")
        if text.official
        else locale.t("udhr_published", language=locale.text_name(text.lang, text.name))
    )
    title, article = locale.t("udhr_title"), locale.t("udhr_article", ref=label)
    return (
        f"<cite>{html.escape(title, quote=False)}</cite>, {html.escape(article, quote=False)}. "
        f'<a href="{html_escape(text.ohchr_page)}">{html.escape(status, quote=False)}</a>'
    )


def udhr_quotation(
    udhr: Udhr, page_locale: Locale, ref: str, text_lang: str | None = None
) -> Quotation:
    """The quotation of article (or paragraph) ``ref`` for a page in ``page_locale``.

    ``text_lang`` is the language of the quoted text (default: the page's own language, e.g.
    quc's published translation on a K'iche' page). ``lang`` is compared with the page's
    interface language, which is its ``<html lang>`` (Spanish for a language whose locale
    borrows the Spanish interface), so there the K'iche' text carries ``lang="quc"`` and a
    Spanish text none. Raises
    :class:`QuotationError` for an unknown article or paragraph, or a language without text.
    """
    lang = text_lang or page_locale.code
    article, paragraph = parse_ref(ref)
    text = _text(udhr, lang)
    if article not in text.articles:
        cited = ", ".join(str(n) for n in udhr.articles)
        raise QuotationError(
            f"UDHR article {article} is not among the extracted articles ({cited})",
            "add it to ARTICLES in scripts/puebla/udhr.py and re-extract (see sources/README.md)",
        )
    paragraphs = text.articles[article].paragraphs
    if paragraph is not None and not 1 <= paragraph <= len(paragraphs):
        raise QuotationError(
            f"UDHR article {article} has {len(paragraphs)} paragraph(s), not {paragraph}",
            f"quote the whole article ({article}) or one of its paragraphs "
            f"({', '.join(f'{article}.{i}' for i in range(1, len(paragraphs) + 1))})",
        )
    chosen = paragraphs if paragraph is None else (paragraphs[paragraph - 1],)
    number = page_locale.article_number(article)  # "1er" in French
    label = number if paragraph is None else f"{number}({paragraph})"
    return Quotation(
        source=SOURCE,
        ref=str(article) if paragraph is None else f"{article}.{paragraph}",
        paragraphs=chosen,
        numbered=paragraph is None and text.articles[article].numbered,
        lang=lang,
        page_lang=page_locale.interface,  # the page's <html lang>: es on a K'iche' page
        cite=text.ohchr_page,
        footer_html=footer_html(text, label, page_locale),
    )
