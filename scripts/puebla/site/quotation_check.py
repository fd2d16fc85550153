"""After rendering: every quotation on a page is the published text it claims to be.

Why a check on the rendered page, not only on the directive: the directive cannot drift, but
an editor can type (or paste, or "fix") a block with the quotation marker by hand, and a
translator can edit a quotation inside a page; the marker then vouches for words nobody
published. The build reads each page's HTML back — the text a reader gets — and compares
every ``blockquote.quotation`` and ``q.quotation`` with its source:

- ``data-source="udhr"``: each ``<p>`` equals the paragraph of ``sources/udhr/<lang>.yml``
  (whole article: all paragraphs in order; ``13.1``: that one), whitespace collapsed;
- ``data-source="communique"``: the text equals (a block) or is part of (an inline ``<q>``)
  the paragraph of the communiqué the site publishes in that language.

The text's language is the element's ``lang``, else the nearest ancestor's, else the page's
``<html lang>`` (a fallback body sits in ``<div lang="fr">``). The footer (the source line) is
not quoted text.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

from ..model.project import Project
from .markdown import render
from .quotations import quotable_text
from .quotations_udhr import QuotationError, parse_ref

_VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr", "col", "area", "base"}


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass
class FoundQuote:
    tag: str  # blockquote or q
    source: str
    ref: str
    lang: str
    paragraphs: list[str] = field(default_factory=list)  # <p> texts (a <q>: its whole text)


class _Scan(HTMLParser):
    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.langs: list[tuple[str, str]] = [("", page_lang)]  # (tag, lang) of open elements
        self.quote: FoundQuote | None = None
        self.depth = 0  # open elements inside the current quotation
        self.in_p = False
        self.in_footer = 0
        self.found: list[FoundQuote] = []

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        attrs = {k: v or "" for k, v in attrs_list}
        self.langs.append((tag, attrs.get("lang") or self.langs[-1][1]))
        if self.quote is not None:
            self.depth += 1
            if tag == "footer":
                self.in_footer += 1
            elif tag == "p" and not self.in_footer:
                self.in_p = True
                self.quote.paragraphs.append("")
            return
        if tag in ("blockquote", "q") and "quotation" in attrs.get("class", "").split():
            self.quote = FoundQuote(
                tag, attrs.get("data-source", ""), attrs.get("data-ref", ""), self.langs[-1][1]
            )
            if tag == "q":
                self.quote.paragraphs.append("")
            self.depth = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self.langs[1:]):
            return
        while len(self.langs) > 1:
            top, _ = self.langs.pop()
            if self.quote is not None:
                if self.depth == 0:  # the quotation itself closes
                    self.found.append(self.quote)
                    self.quote = None
                else:
                    self.depth -= 1
                    if top == "footer":
                        self.in_footer -= 1
                    elif top == "p":
                        self.in_p = False
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.quote is None or self.in_footer:
            return
        if self.in_p or self.quote.tag == "q":
            self.quote.paragraphs[-1] += data


def quotations_in(page_html: str, page_lang: str) -> list[FoundQuote]:
    """Every quotation of the page, with the language of its text."""
    scan = _Scan(page_lang)
    scan.feed(page_html)
    scan.close()
    return scan.found


def _udhr_problem(project: Project, q: FoundQuote) -> str | None:
    label = f"UDHR article {q.ref}"
    try:
        article, paragraph = parse_ref(q.ref)
    except QuotationError:
        return f"a UDHR quotation has the reference '{q.ref}', which is not an article"
    if paragraph is not None:
        label = f"UDHR article {article}({paragraph})"
    text = project.udhr.texts.get(q.lang)
    if text is None or article not in text.articles:
        return f"{label} in '{q.lang}' is not a text in sources/udhr/"
    published = text.articles[article].paragraphs
    if paragraph is not None:
        if not 1 <= paragraph <= len(published):
            return f"{label}: article {article} has {len(published)} paragraph(s)"
        published = (published[paragraph - 1],)
    shown = [collapse(p) for p in q.paragraphs]
    expected = [collapse(p) for p in published]
    if shown == expected:
        return None
    for got, want in zip(shown, expected, strict=False):
        if got != want:
            return f'{label} ({q.lang}) is not the published text: the page has "{got[:80]}"'
    return (
        f"{label} ({q.lang}) is not the published text: the page has {len(shown)} "
        f"paragraph(s), the Declaration {len(expected)}"
    )


@cache
def _rendered_text(markdown: str) -> str:
    return collapse(html_lib.unescape(re.sub(r"<[^>]+>", "", render(markdown))))


def _communique_problem(project: Project, q: FoundQuote) -> str | None:
    label = f"the communiqué's {q.ref}"
    text = quotable_text(project, q.lang)
    if text.lang != q.lang or q.ref not in text.paragraphs:
        return f"{label} in '{q.lang}' is not a text the site publishes"
    published = _rendered_text(text.paragraphs[q.ref])
    shown = collapse(" ".join(q.paragraphs))
    if shown == published or (q.tag == "q" and shown and shown in published):
        return None
    return f'{label} ({q.lang}) is not the published text: the page has "{shown[:80]}"'


CHECKS = {"udhr": _udhr_problem, "communique": _communique_problem}


def quotation_problems(project: Project, page_html: str, page_lang: str) -> list[str]:
    """What is wrong with the page's quotations (empty when every one is the published text);
    ``page_lang`` is the page's ``<html lang>``."""
    if "quotation" not in page_html:
        return []
    problems = []
    for q in quotations_in(page_html, page_lang):
        check = CHECKS.get(q.source)
        if check is None:
            problems.append(f"a quotation names the source '{q.source}', which the site lacks")
            continue
        problem = check(project, q)
        if problem:
            problems.append(problem)
    return problems
